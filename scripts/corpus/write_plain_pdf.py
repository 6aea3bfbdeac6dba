"""``pdf-plain`` (a held-out shape, ``corpus.shapes``): a plan typeset with no rule
and no shading at all, as word processors print a table whose borders were turned
off. Drawn per document: portrait or landscape, gutters of 3 to 7 pt, header labels
bold or not (wrapping over two or three lines in narrow columns), the header row
repeated on every page, a running header (body, title) and a footer (``Page 3 of 12``
and a printed date or version line), bullet items hanging from ``•``, ``-`` or ``o``.
"""

from __future__ import annotations

import io
import random
from dataclasses import dataclass
from html import escape
from pathlib import Path

from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import cm
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from corpus.model import Cell, Document, Heading, Key, Para, Text
from corpus.model import Table as PlanTable
from corpus.write_pdf import BODY, BOLD, WIDTHS, prose

FOOT_LINES = ["Printed {d}", "Version 3, {d}", "Last updated {d}", "Review date: {d}",
              "Document owner: Equality Lead | {d}"]
FOOT_DATES = ["14/03/2012", "3 May 2013", "2011-09-30", "July 2014", "21.01.15"]


@dataclass(slots=True)
class Look:
    """What one document's pages look like (drawn once per document)."""

    page: tuple[float, float]
    pad: float  # cell padding each side, pt: the gutter is twice this
    bold_header: bool
    glyph: str  # the bullet items' glyph
    running: bool  # the body and title printed at the top of every page
    foot: str  # the footer's left line


def draw_look(rng: random.Random) -> Look:
    page = A4 if rng.random() < 0.4 else landscape(A4)
    return Look(page, rng.choice([1.5, 2.5, 3.5]), rng.random() < 0.7,
                rng.choice(["•", "-", "o"]), rng.random() < 0.7,
                rng.choice(FOOT_LINES).format(d=rng.choice(FOOT_DATES)))


def _cell(cell: Cell | None, look: Look, style: ParagraphStyle = BODY) -> list[Paragraph]:
    """A cell's paragraphs; every bullet item (a list item or one typed with a glyph)
    hangs from the document's glyph."""
    item = ParagraphStyle("item", parent=style, leftIndent=8, bulletIndent=0,
                          bulletFontName=style.fontName, bulletFontSize=style.fontSize)
    return [Paragraph(escape(p.text).replace("\n", "<br/>"), item, bulletText=look.glyph)
            if p.bullet else Paragraph(escape(p.text).replace("\n", "<br/>"), style)
            for p in cell or []]


def _table(block: PlanTable, look: Look, usable: float) -> Table:
    weights = [WIDTHS.get(role, 2.0) for role in block.roles]
    widths = [usable * w / sum(weights) for w in weights]
    head = BOLD if look.bold_header else BODY
    header = block.header_rows()
    data = [[_cell([Para(h)] if h else [], look, head) for h in row] for row in header]
    commands: list = [("VALIGN", (0, 0), (-1, -1), "TOP"),
                      ("LEFTPADDING", (0, 0), (-1, -1), look.pad),
                      ("RIGHTPADDING", (0, 0), (-1, -1), look.pad),
                      ("BOTTOMPADDING", (0, len(header) - 1), (-1, len(header) - 1), 6)]
    if block.group is not None:
        first, count, _label = block.group
        commands.append(("SPAN", (first, 0), (first + count - 1, 0)))
    for row in block.rows:
        if row.full is not None:
            data.append([Paragraph(escape(row.full), BOLD)] + [""] * (len(block.headers) - 1))
            commands.append(("SPAN", (0, len(data) - 1), (-1, len(data) - 1)))
        else:
            data.append([_cell(c, look) for c in row.cells])
    return Table(data, colWidths=widths, repeatRows=len(header), splitByRow=0, splitInRow=1,
                 style=TableStyle(commands))


def _story(document: Document, look: Look, usable: float) -> list:
    story: list = []
    for block in document.blocks:
        if isinstance(block, Heading | Text | Key):
            story += prose(block, [])  # no rule at all, the key's table too
        elif isinstance(block, PlanTable):
            story += [_table(block, look, usable), Spacer(1, 0.4 * cm)]
    return story


def _pages(document: Document, look: Look, total: int | None):
    """The page furniture: running header, footer with ``Page n of total``."""
    width, height = look.page

    def draw(canvas, template) -> None:
        canvas.saveState()
        canvas.setFont("Helvetica", 7.5)
        if look.running:
            canvas.drawString(1.8 * cm, height - 1.1 * cm, document.organisation)
            canvas.drawRightString(width - 1.8 * cm, height - 1.1 * cm, document.title)
        canvas.drawString(1.8 * cm, 0.9 * cm, look.foot)
        page = f"Page {template.page}" + (f" of {total}" if total else "")
        canvas.drawRightString(width - 1.8 * cm, 0.9 * cm, page)
        canvas.restoreState()
    return draw


def write(document: Document, path: Path, rng: random.Random) -> None:
    """Typeset twice: the first pass counts the pages the footer prints."""
    look = draw_look(rng)
    margin = 1.8 * cm
    total = None
    for target in (io.BytesIO(), str(path)):
        template = SimpleDocTemplate(target, pagesize=look.page, leftMargin=margin,
                                     rightMargin=margin, topMargin=margin,
                                     bottomMargin=margin, title=document.title,
                                     author=document.organisation, invariant=1)
        furniture = _pages(document, look, total)
        template.build(_story(document, look, look.page[0] - 2 * margin),
                       onFirstPage=furniture, onLaterPages=furniture)
        total = template.page
