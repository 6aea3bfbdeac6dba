"""A plan typeset as a PDF with reportlab, in the table styles the family prints:

- ``grid``: every cell ruled; outcome cells merged down (no rule between the rows
  they cover), objective rows merged across;
- ``hrules``: a rule under every row, none down;
- ``norules``: columns only by alignment;
- ``shaded``: alternating shaded rows, no rules at all;
- ``rotated``: portrait pages carrying ``/Rotate 90`` with the table drawn
  landscape on them (as a landscape section prints inside a portrait document).

Always A4 landscape as displayed, 8.5 pt cells, the header row repeated on every
page, rows that do not fit split across the page break, page numbers in the footer.
"""

from __future__ import annotations

import random
from html import escape
from pathlib import Path

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.pdfencrypt import StandardEncryption
from reportlab.lib.styles import ParagraphStyle, getSampleStyleSheet
from reportlab.lib.units import cm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    Frame,
    NextPageTemplate,
    PageBreak,
    PageTemplate,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)

from corpus.model import Cell, Document, Heading, Key, Para, Text
from corpus.model import Table as PlanTable

WIDTHS = {"action": 4.5, "outcome": 3.0, "issue": 3.0, "progress": 3.0, "id": 1.1,
          "owner": 2.4, "due": 1.9, "theme": 2.2, "measure": 2.5, "resources": 2.0,
          "period": 1.3, "label": 1.8, "value": 5.5}
GLYPH = {"list": "• ", "glyph": "• ", "dash": "- ", "": ""}
STYLES = getSampleStyleSheet()
BODY = ParagraphStyle("cell", parent=STYLES["BodyText"], fontName="Helvetica", fontSize=8.5,
                      spaceBefore=0, spaceAfter=0,
                      leading=10.5)
BOLD = ParagraphStyle("head", parent=BODY, fontName="Helvetica-Bold")
# a list item as word processors set it: the glyph at the margin, wrapped lines
# hanging 9 pt to its right
ITEM = ParagraphStyle("item", parent=BODY, leftIndent=9, bulletIndent=0,
                      bulletFontName="Helvetica", bulletFontSize=8.5)


def _cell(cell: Cell | None, style: ParagraphStyle = BODY) -> Paragraph | list[Paragraph]:
    """A cell's paragraphs: one Paragraph with line breaks, or, where the cell holds
    list items, one flowable per paragraph with the items hanging."""
    cell = cell or []
    if any(p.bullet == "list" for p in cell):
        return [Paragraph(escape(p.text), ITEM, bulletText="•") if p.bullet == "list" else
                Paragraph(escape(GLYPH[p.bullet] + p.text).replace("\n", "<br/>"), style)
                for p in cell]
    parts = [escape(GLYPH[p.bullet] + p.text).replace("\n", "<br/>") for p in cell]
    return Paragraph("<br/>".join(parts), style)


def _commands(table: PlanTable, variant: str) -> list:
    top = len(table.header_rows())
    commands: list = [("VALIGN", (0, 0), (-1, -1), "TOP"),
                      ("LEFTPADDING", (0, 0), (-1, -1), 5),
                      ("RIGHTPADDING", (0, 0), (-1, -1), 5)]
    last = len(table.headers) - 1
    covered = {(top + r + k, c) for r, row in enumerate(table.rows)
               for c, span in row.spans.items() for k in range(1, span)}
    for r, row in enumerate(table.rows, start=top):
        if row.full is not None:
            commands.append(("SPAN", (0, r), (last, r)))
    group_rule = []
    if table.group is not None:
        first, count, _label = table.group
        commands.append(("SPAN", (first, 0), (first + count - 1, 0)))
        commands += [("SPAN", (c, 0), (c, 1)) for c in range(last + 1) if not table.grouped(c)]
        group_rule = [("LINEBELOW", (first, 0), (first + count - 1, 0), 0.6, colors.black)]
    if variant in ("grid", "rotated"):
        commands += [("BOX", (0, 0), (-1, -1), 0.6, colors.black),
                     ("LINEAFTER", (0, 0), (-2, -1), 0.6, colors.black),
                     ("LINEBELOW", (0, top - 1), (-1, top - 1), 0.6, colors.black), *group_rule]
        for r in range(top, top + len(table.rows) - 1):
            for c in range(last + 1):
                if (r + 1, c) not in covered:
                    commands.append(("LINEBELOW", (c, r), (c, r), 0.6, colors.black))
    elif variant == "hrules":
        commands += [("LINEABOVE", (0, 0), (-1, 0), 0.6, colors.black),
                     ("LINEBELOW", (0, top - 1), (-1, -1), 0.6, colors.black), *group_rule]
    elif variant == "shaded":
        commands += [("BACKGROUND", (0, 0), (-1, top - 1), colors.HexColor("#c9d5e6")),
                     ("ROWBACKGROUNDS", (0, top), (-1, -1),
                      [colors.white, colors.HexColor("#e8e8e8")])]
    return commands


def _first_table_block(document: Document) -> int:
    """Index of the block where the plan's tables start: the first table, with the
    headings just above it."""
    blocks = document.blocks
    at = next(i for i, b in enumerate(blocks) if isinstance(b, PlanTable))
    while at > 0 and isinstance(blocks[at - 1], Heading) and blocks[at - 1].level > 1:
        at -= 1
    return at


def prose(block: Heading | Text | Key, key_style: list) -> list:
    """A heading, a paragraph or a key of abbreviations (a table drawn with
    ``key_style``, or ``ABBR  expansion`` lines) as flowables."""
    if isinstance(block, Heading):
        return [Paragraph(escape(block.text), STYLES[f"Heading{min(block.level, 3)}"])]
    if isinstance(block, Text):
        return [Paragraph(escape(block.text), STYLES["BodyText"])]
    out: list = [Paragraph(escape(block.heading), STYLES["Heading3"])]
    if block.as_table:
        data = [[Paragraph(escape(a), BODY), Paragraph(escape(e), BODY)]
                for a, e in block.entries]
        out.append(Table(data, colWidths=[3 * cm, 9 * cm], hAlign="LEFT",
                         style=TableStyle(key_style)))
    else:
        out += [Paragraph(f"{escape(a)}&nbsp;&nbsp;&nbsp;&nbsp;{escape(e)}", BODY)
                for a, e in block.entries]
    return [*out, Spacer(1, 0.3 * cm)]


def _story(document: Document, variant: str, usable: float,
           turn_at: int | None = None) -> list:
    story: list = []
    for index, block in enumerate(document.blocks):
        if index == turn_at:  # the tables go on landscape pages turned by /Rotate 90
            story += [NextPageTemplate("turned"), PageBreak()]
        if isinstance(block, Heading | Text | Key):
            story += prose(block, [("GRID", (0, 0), (-1, -1), 0.4, colors.grey)])
        elif isinstance(block, PlanTable):
            weights = [WIDTHS.get(role, 2.0) for role in block.roles]
            widths = [usable * w / sum(weights) for w in weights]
            data = [[_cell([Para(h)] if h else [], BOLD) for h in header]
                    for header in block.header_rows()]
            for row in block.rows:
                if row.full is not None:
                    data.append([Paragraph(escape(row.full), BOLD)]
                                + [""] * (len(block.headers) - 1))
                else:
                    data.append([_cell(c) for c in row.cells])
            # splitByRow=0 + splitInRow=1: a row that does not fit is split inside itself,
            # as Word and LibreOffice break rows
            story.append(Table(data, colWidths=widths, repeatRows=len(block.header_rows()),
                               splitByRow=0,
                               splitInRow=1, style=TableStyle(_commands(block, variant))))
            story.append(Spacer(1, 0.4 * cm))
    return story


def _owner_only() -> StandardEncryption:
    return StandardEncryption("", ownerPassword="corpus-owner", canPrint=0, canCopy=0,
                              canModify=0, canAnnotate=0)


def _footer(canvas: Canvas, document: SimpleDocTemplate) -> None:
    canvas.saveState()
    canvas.setFont("Helvetica", 8)
    canvas.drawString(2 * cm, 1 * cm, f"Page {document.page}")
    canvas.restoreState()


def _turned_footer(canvas: Canvas, document: SimpleDocTemplate) -> None:
    """Portrait A4 page (the document carries ``/Rotate 90``): what the layout draws
    in landscape coordinates is turned onto it, so a viewer shows it upright. Not
    inside saveState: the turn must hold for the whole page. (reportlab writes the
    MediaBox of a page with /Rotate 90 as the page size swapped: portrait.)"""
    # displayed (u, v) -> page (x, y) = (width - v, u)
    canvas.transform(0, 1, -1, 0, A4[0], 0)
    _footer(canvas, document)


def write(document: Document, path: Path, variant: str, rng: random.Random) -> None:
    """Typeset ``document``; one in four is restricted by an owner password only
    (opens without one, printing and copying "forbidden"), as many published PDFs."""
    page = landscape(A4)
    margin = 1.8 * cm
    encrypt = _owner_only() if rng.random() < 0.25 else None
    if variant == "rotated":
        _write_turned(document, path, margin, encrypt)
        return
    template = SimpleDocTemplate(str(path), pagesize=page, leftMargin=margin,
                                 rightMargin=margin, topMargin=margin, bottomMargin=margin,
                                 title=document.title, author=document.organisation,
                                 invariant=1, encrypt=encrypt)
    story = _story(document, variant, page[0] - 2 * margin)
    template.build(story, onFirstPage=_footer, onLaterPages=_footer)


def _write_turned(document: Document, path: Path, margin: float, encrypt) -> None:
    """A portrait document whose tables sit on landscape pages turned by /Rotate 90:
    title and introduction on portrait pages, the tables from a new page on."""
    land = landscape(A4)
    portrait = PageTemplate("portrait", [Frame(margin, margin, A4[0] - 2 * margin,
                                               A4[1] - 2 * margin)],
                            onPage=_footer, pagesize=A4)
    turned = PageTemplate("turned", [Frame(margin, margin, land[0] - 2 * margin,
                                           land[1] - 2 * margin)],
                          onPage=_turned_footer, pagesize=land)
    turned.rotation = 90
    template = BaseDocTemplate(str(path), pagesize=A4, title=document.title,
                               author=document.organisation, invariant=1, encrypt=encrypt,
                               pageTemplates=[portrait, turned])
    turn_at = _first_table_block(document)
    story = _story(document, "rotated", land[0] - 2 * margin, turn_at)
    if turn_at == 0:  # nothing before the tables: start on a turned page
        story = story[2:]
        template.pageTemplates = [turned, portrait]
    template.build(story)
