"""Nothing printed is lost: every word of a table written in a text format or as
HTML comes out of the reader once, whatever the cells hold (bullets, line
breaks, paragraphs, spans). Seeded random tables, so the test is repeatable."""

import csv
import io
import random
import re
from collections import Counter

import pytest

from planextract.extract import read_document
from planextract.extract.model import Paragraph, Table

WORDS = ("review publish agree consult train audit monitor staff policy board data "
         "survey leaflets equality scheme partners annual report").split()


def _cell(rng: random.Random) -> list[list[str]]:
    """A cell: paragraphs of lines of words; some lines bullet items."""
    return [[" ".join(rng.choice(WORDS) for _ in range(rng.randint(1, 5)))
             for _ in range(rng.randint(1, 3))] for _ in range(rng.randint(0, 2))]


def _table(rng: random.Random) -> list[list[list[list[str]]]]:
    width = rng.randint(2, 5)
    header = [[[label]] for label in ("Action", "Owner", "Timescale", "Progress", "Notes")[:width]]
    return [header] + [[_cell(rng) for _ in range(width)] for _ in range(rng.randint(3, 6))]


def _words(table) -> Counter:
    return Counter(w for row in table for cell in row for para in cell for line in para
                   for w in line.split())


def _read_words(data: bytes) -> Counter:
    raw = read_document(data)
    text = []
    for block in raw.blocks:
        if isinstance(block, Paragraph):
            text.append(block.text)
        elif isinstance(block, Table):
            text += [c.text for r in block.rows for c in r.cells]
    return Counter(w for t in text for w in re.findall(r"\w+", t))


def _html(table, rng) -> bytes:
    rows = []
    for row in table:
        cells = []
        for cell in row:
            body = ""
            for para in cell:
                style = rng.choice(["p", "ul", "br", "glyph"])
                if style == "p":
                    body += "".join(f"<p>{line}</p>" for line in para)
                elif style == "ul":
                    body += "<ul>" + "".join(f"<li>{line}</li>" for line in para) + "</ul>"
                elif style == "br":
                    body += "<p>" + "<br>".join(para) + "</p>"
                else:
                    body += "".join(f"<p>• {line}</p>" for line in para)
            cells.append(f"<td>{body}</td>")
        rows.append("<tr>" + "".join(cells) + "</tr>")
    return f"<html><body><table>{''.join(rows)}</table></body></html>".encode()


def _markdown(table, rng) -> bytes:
    def cell(c):
        lines = [("- " if rng.random() < 0.3 else "") + line for para in c for line in para]
        return "<br>".join(lines)
    rows = ["| " + " | ".join(cell(c) for c in row) + " |" for row in table]
    rows.insert(1, "|" + "---|" * len(table[0]))
    return ("\n".join(rows) + "\n").encode()


def _csv(table, rng) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=rng.choice(",;"))
    for row in table:
        writer.writerow(["\n\n".join("\n".join(para) for para in c) for c in row])
    return buffer.getvalue().encode()


def _cells(table, rng) -> bytes:
    lines = []
    for row in table:
        for cell in row:
            body = [line for para in cell for line in para]
            body[1:] = [("- " if rng.random() < 0.3 else "") + line for line in body[1:]]
            lines.append("\t" + (body[0] if body else ""))
            lines += body[1:]
        lines.append("")
    return "\n".join(lines).encode()


def _docx(table, rng) -> bytes:
    import docx

    document = docx.Document()
    grid = document.add_table(rows=len(table), cols=len(table[0]))
    for row, cells in zip(grid.rows, table):
        for target, cell in zip(row.cells, cells):
            first = True
            for para in cell:
                paragraph = target.paragraphs[0] if first else target.add_paragraph()
                first = False
                if rng.random() < 0.5:
                    for k, line in enumerate(para):  # lines parted by w:br
                        run = paragraph.add_run(line)
                        if k < len(para) - 1:
                            run.add_break()
                else:
                    paragraph.add_run(para[0])
                    for line in para[1:]:
                        target.add_paragraph(rng.choice(["• ", "- "]) + line)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


@pytest.mark.parametrize("write", [_html, _markdown, _csv, _cells, _docx],
                         ids=["html", "markdown", "csv", "text-cells", "docx"])
def test_every_word_comes_out_once(write):
    for seed in range(15 if write is _docx else 40):  # a .docx costs ten times a text
        rng = random.Random(seed)
        table = _table(rng)
        assert _read_words(write(table, rng)) == _words(table), f"seed {seed}"
