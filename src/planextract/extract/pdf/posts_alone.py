"""Posts listed one a line in a PDF cell, parted where the table's own column
prints them alone.

A PDF cell's line breaks are wraps or the author's breaks, and where every line
fills the cell the layout cannot tell (``Vice Principal Curriculum`` /
``Company Secretary``: ``Company`` would not have fitted above). The table can:
a line run that is a whole paragraph of another cell of the same column
(``Company Secretary`` printed alone in another row) is a post of its own. A
paragraph of capitalised lines is cut into the runs that give the most such
known posts, where every other run is shaped as a post itself
(``post_lines.names_post``), so ``Head of Service`` / ``Development`` stays one
post even where ``Head of Service`` is printed alone. No cut falls after a
linking word or before one (``Head of`` / ``HR``), nor inside brackets. Sentences (an action,
a status) have lower-case words and are left alone.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence

from planextract.extract.model import Cell, Paragraph, Row, Table
from planextract.extract.pdf.post_lines import line_words, names_post, post_noun, stop_words
from planextract.settings import DEFAULT, PdfSettings

# a line ending in one of these runs on into the next
_RUNS_ON = ("&", "-", "–", "/", ",", "(")


def _norm(text: str) -> str:
    return " ".join(text.split()).casefold()


def _bare(text: str) -> str:
    """``text`` without its brackets: a post named in brackets after a person
    (``Hamish Gallagher (Vice Principal`` / ``Curriculum)``) is words all the same."""
    return text.replace("(", "").replace(")", "")


def _capitalised(paragraph: str) -> bool:
    return all(line_words(_bare(line)) is not None
               for line in paragraph.split("\n") if line.strip())


def _open_brackets(lines: Sequence[str]) -> int:
    return sum(line.count("(") - line.count(")") for line in lines)


def known_posts(raws: Iterable[str], settings: PdfSettings = DEFAULT.pdf) -> set[str]:
    """The paragraphs of the cells that are capitalised lines no longer than a
    post runs: what the tables print as one whole entry."""
    return {_norm(p) for raw in raws for p in raw.split("\n\n")
            if p.strip() and len(p) <= settings.post_chars_max and _capitalised(p)}


def _cut_allowed(above: str, below: str) -> bool:
    stop = stop_words()
    above, below = above.split(), below.split()
    if not above or not below:
        return False
    return (above[-1].lower() not in stop and not above[-1].endswith(_RUNS_ON)
            and below[0].lower() not in stop and below[0][:1].isupper())


def _post_run(run: str, after_cut: bool) -> bool:
    """Whether a run the plan never prints alone is a post by its own words
    (``names_post``): not where its last ``and`` leads to no post noun
    (``Planning Head and Park``: ``Park`` opens the post on the next line), nor,
    after a cut, where it opens with a post noun that is no post's start
    (``Head and Mr Ndlovu`` under ``Organisational Development``: the noun closes
    the post above; ``Head of ...`` opens one)."""
    if not names_post(run):
        return False
    words = run.split()
    joins = [i for i, w in enumerate(words) if w.lower() in ("and", "&")]
    if joins and not any(post_noun(w) for w in words[joins[-1] + 1:]):
        return False
    return not (after_cut and post_noun(words[0])
                and (len(words) == 1 or words[1].lower() not in ("of", "for")))


def cut_paragraph(paragraph: str, known: set[str],
                  settings: PdfSettings = DEFAULT.pdf) -> list[str] | None:
    """The runs of ``paragraph``'s lines, each a post, where parting it gives
    known posts (see the module docstring), else None."""
    lines = [line.strip() for line in paragraph.split("\n") if line.strip()]
    if len(lines) < 2 or len(lines) > settings.grouped_lines_max or not _capitalised(paragraph):
        return None
    count = len(lines)
    # best[i]: (known runs, -runs) over the first i lines, and where its last run starts
    best: list[tuple[tuple[int, int], int] | None] = [None] * (count + 1)
    best[0] = ((0, 0), 0)
    for end in range(1, count + 1):
        for start in range(end):
            if best[start] is None or (start and (
                    not _cut_allowed(lines[start - 1], lines[start])
                    or _open_brackets(lines[:start]))):
                continue
            run = " ".join(lines[start:end])
            whole = start == 0 and end == count
            is_known = not whole and _norm(run) in known
            if not (is_known or whole or _post_run(_bare(run), start > 0)):
                continue
            (score, runs), _ = best[start]
            candidate = ((score + is_known, runs - 1), start)
            if best[end] is None or candidate[0] > best[end][0]:
                best[end] = candidate
    if best[count] is None or best[count][0][0] == 0:
        return None
    runs: list[str] = []
    end = count
    while end:
        start = best[end][1]
        runs.append("\n".join(lines[start:end]))
        end = start
    return runs[::-1] if len(runs) > 1 else None


def parted_posts(blocks: list[Paragraph | Table], cell: Callable[[str], Cell],
                 settings: PdfSettings = DEFAULT.pdf) -> list[Paragraph | Table]:
    """``blocks`` with each table cell's paragraphs of posts parted where the
    document's tables print the posts alone (a plan of one table a section
    prints a post alone in another section's table); a table or row unchanged
    is the same object."""
    raws = {c.raw for b in blocks if isinstance(b, Table) for r in b.rows for c in r.cells}
    known = known_posts(raws, settings)
    if not known:
        return blocks
    parted: dict[str, Cell | None] = {}
    for raw in raws:
        if "\n" in raw.replace("\n\n", ""):
            parts = []
            for paragraph in raw.split("\n\n"):
                runs = cut_paragraph(paragraph, known, settings)
                parts.extend(runs if runs else [paragraph])
            new = "\n\n".join(parts)
            if new != raw:
                parted[raw] = cell(new)
    if not parted:
        return blocks
    return [_parted_table(b, parted) if isinstance(b, Table) else b for b in blocks]


def _parted_table(table: Table, parted: dict[str, Cell | None]) -> Table:
    rows = []
    for row in table.rows:
        cells = tuple(parted.get(c.raw) or c for c in row.cells)
        changed = any(a is not b for a, b in zip(cells, row.cells))
        rows.append(_with_cells(row, cells) if changed else row)
    if all(a is b for a, b in zip(rows, table.rows)):
        return table
    return Table(rows=tuple(rows))


def _with_cells(row: Row, cells: tuple[Cell, ...]) -> Row:
    return Row(cells=cells, line_start=row.line_start, line_end=row.line_end,
               page_start=row.page_start, page_end=row.page_end,
               after_break=row.after_break, stitched=row.stitched, covered=row.covered)
