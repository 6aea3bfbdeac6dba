"""Held-out SHAPES (``--shapes``): layouts and page furniture real plans print that the
default corpus's writers never drew, so the readers were never written against them.

Each is a family, drawn per document from its own seeded stream:

- ``pdf-plain``: a PDF with no rule and no shading at all (columns by alignment only),
  narrow gutters, header labels wrapped over two or three lines in narrow columns, the
  header repeated on every page, a running page header (the body's name, the plan's
  title) and footer (``Page 3 of 12``, a printed or review date), bullet items drawn
  with ``•``, ``-`` or ``o``, portrait or landscape pages;
- ``docx-shapes``: Word tables with one owner cell merged down (``vMerge``) over
  several action rows and numbers drawn by Word's auto-numbering (``numPr``: the
  number is not in the text);
- ``html-shapes``: web pages with one owner cell spanning several action rows
  (``rowspan``), each body row's first cell a row header (``<th scope="row">``),
  stacked actions parted by ``<br>``, the header a row of ``<th>`` without ``<thead>``;

a second round (session 23), after the first:

- ``docx-nested``: each plan table nested in a cell of a two-column layout table, the
  heading above it (or a label) in the cell beside it (``write_docx_nested``);
- ``html-lists``: several actions of one cell as list items (``<ul>``/``<ol>``), their
  values as items too, an action's bullet items as a list nested in its item, the
  heading above a table as its ``<caption>`` (``write_html_lists``);
- ``text-grid``: markdown with pandoc's grid tables (``+---+`` borders, cells over
  several lines, paragraphs and list items inside cells, objective rows spanning every
  column as pandoc 3 writes them) (``write_grid``);
- ``csv-euro``: a semicolon CSV holding the whole plan as European spreadsheets export
  it: title and heading lines, several tables each under its own header, the key as
  two-cell lines, multi-line quoted cells, cp1252 (``write_grid``);
- ``docx-labelled``: no plan table: each action a bold paragraph or a small heading,
  then ``Label: value`` paragraphs (``Lead officer: Head of HR``), the labels the
  table's headers (``write_docx_labelled``);

a third round (session 24), after the second:

- ``text-labelled``: the labelled plan as a text export: markdown as pandoc writes it
  (bold or heading titles, wrapped or not) or Word's plain-text export (a paragraph a
  line, no bold) (``write_labelled``);
- ``pdf-labelled``: the labelled plan as a PDF: a bold or heading title line, then
  labelled lines whose values run on over several lines (``write_labelled``);
- ``xlsx``: the plan as an Excel tracker (``write_xlsx``): title rows, owners merged
  down over runs of actions, real Excel dates under several number formats, a
  hidden working column, a hidden sheet, the key on a sheet of its own or above
  the plan, stacked numbered actions typed one a line in a wrapped cell.

a fourth round (session 25), after the third:

- ``docx-timeline``, ``pdf-timeline``, ``html-timeline``, ``text-timeline``,
  ``xlsx-timeline``: the date
  column a timeline instead, periods over marks (``corpus/timeline.py``): financial or
  calendar years, quarters, halves or months; one period marked, a run, two with a gap,
  or none; ``X``, ``✓``, ``●``... with a dash for an unmarked period in some plans.
- ``docx-form``, ``pdf-form``, ``html-form``, ``text-form``: a form per action, a
  two-column table of label and value rows (the table's headers as labels, the action's
  number in its label, ``Action 1.1``, or in a title row merged across), objective rows
  as headings between the forms (``corpus/forms.py``).

Added after every default format and only with ``--shapes``: the default corpus is
byte-identical with or without this module.
"""

from __future__ import annotations

import random
import re

from corpus.model import Document, Table

# format -> (documents, extension); scheduled after the default formats
SHAPE_FORMATS = {"pdf-plain": (4, "pdf"), "docx-shapes": (4, "docx"), "html-shapes": (4, "html"),
                 # the second round: after the first, so its documents stay as they were
                 "docx-nested": (4, "docx"), "html-lists": (4, "html"), "text-grid": (4, "md"),
                 "csv-euro": (4, "csv"), "docx-labelled": (4, "docx"),
                 # the third round: after the second, so every document before stays
                 "text-labelled": (4, "txt"), "pdf-labelled": (4, "pdf"), "xlsx": (4, "xlsx"),
                 # the fourth round (session 25): after the third
                 "docx-timeline": (3, "docx"), "pdf-timeline": (3, "pdf"),
                 "html-timeline": (3, "html"), "text-timeline": (3, "txt"),
                 "xlsx-timeline": (3, "xlsx"),
                 "docx-form": (3, "docx"), "pdf-form": (3, "pdf"), "html-form": (3, "html"),
                 "text-form": (3, "txt")}

_OWNER_KEYS = ("owners", "owner_people", "owners_raw")


def merge_owners(document: Document, rng: random.Random) -> int:
    """One owner printed for several consecutive action rows, merged down over them
    (as plans print a lead that owns a run of actions). Each run's later rows take
    the first row's owner, in the cells and in the gold. Returns the merges made."""
    merged = 0
    for table in document.tables():
        column = table.column("owner")
        if column is None or table.roles == ["rag", "meaning"]:
            continue
        run: list = []
        for row in [*table.rows, None]:
            fits = (row is not None and row.full is None and len(row.gold) == 1
                    and not row.spans and row.cells[column]
                    and "columns_swapped" not in row.gold[0]["flags"])
            if fits and len(run) < 4 and (not run or rng.random() < 0.75):
                run.append(row)
                continue
            if len(run) > 1:
                _merge_run(run, column)
                merged += 1
            run = [row] if fits and rng.random() < 0.6 else []
    return merged


def _merge_run(run: list, column: int) -> None:
    first = run[0]
    first.spans[column] = len(run)
    for row in run[1:]:
        row.cells[column] = None
        for key in _OWNER_KEYS:
            row.gold[0][key] = first.gold[0][key]


# an id Word can draw from numPr: a plain number, or one letter before it
FLAT_ID = re.compile(r"^[A-Z]?\d+$")


def numbered_ids(table: Table) -> bool:
    """Whether Word could number this table's actions from one list: every action row
    prints one flat id (``3``, ``B3``) and they run 1, 2, 3... with one prefix."""
    ids = [g["action_id"] for row in table.rows for g in row.gold]
    if not ids or any(len(row.gold) > 1 for row in table.rows) or \
            not all(i and FLAT_ID.match(i) for i in ids):
        return False
    prefix = {i.rstrip("0123456789") for i in ids}
    return len(prefix) == 1
