"""``text-labelled`` and ``pdf-labelled`` (held-out shapes, third round,
``corpus.shapes``): the plan of ``write_docx_labelled`` (no plan table: each action a
title, its bullet items, then one ``Label: value`` line per other value its row
prints) as a text export and as a PDF.

- text: markdown as pandoc writes it (``#`` headings, the title ``**bold**`` or a
  ``####`` heading, items ``-``, labels bold or not, paragraphs apart by blank lines
  and wrapped at 72 columns in some), or Word's plain-text export (a paragraph a line,
  no bold, headings as plain lines, items after ``•``, blank lines between paragraphs
  or none); a key as a table prints as a pipe table or as TAB rows.
- PDF: reportlab, portrait or landscape, the title bold (a small heading in some),
  labels bold in some, the value running on over as many lines as it needs (a narrow
  text block in some, so long labels wrap too).

The labels are the table's headers and the values its cells' text, so the gold is
the table's, as in ``write_docx_labelled``."""

from __future__ import annotations

import random
import textwrap
from dataclasses import dataclass
from html import escape
from pathlib import Path

from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import cm
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from corpus.model import Document, Heading, Key, Text
from corpus.model import Table as PlanTable
from corpus.write_pdf import BODY, STYLES


@dataclass
class Item:
    """One printed paragraph of a labelled plan: ``kind`` heading, text, title
    (an action's first paragraph), item (its bullet items), label (``label``:
    ``text``), key (a key of abbreviations or a colour key, kept a table)."""

    kind: str
    text: str = ""
    level: int = 0
    label: str = ""
    rows: list[tuple[str, ...]] | None = None


def items(document: Document) -> list[Item]:
    """The plan as labelled paragraphs, in reading order."""
    out: list[Item] = []
    for block in document.blocks:
        if isinstance(block, Heading):
            out.append(Item("heading", block.text, block.level))
        elif isinstance(block, Text):
            out.append(Item("text", block.text))
        elif isinstance(block, Key):
            out.append(Item("heading", block.heading, 3))
            out.append(Item("key", rows=list(block.entries),
                            level=1 if block.as_table else 0))
        elif block.roles == ["rag", "meaning"]:  # a colour key stays a table
            out.append(Item("key", rows=[tuple(block.headers)] + [
                tuple(", ".join(p.text for p in c or []) for c in r.cells)
                for r in block.rows], level=1, label="headed"))
        else:
            out += _records(block)
    return out


def _records(table: PlanTable) -> list[Item]:
    out: list[Item] = []
    action, id_column = table.column("action"), table.column("id")
    for row in table.rows:
        if row.full is not None:
            out.append(Item("heading", row.full, 3))
            continue
        first, *rest = row.cells[action] or []
        number = row.cells[id_column] if id_column is not None else None
        out.append(Item("title", f"{number[0].text} {first.text}" if number else first.text))
        out += [Item("item", p.text) for p in rest]
        for column, (role, header) in enumerate(zip(table.roles, table.headers)):
            value = row.cells[column]
            if role in ("action", "id") or not value:
                continue
            out.append(Item("label", ", ".join(p.text.replace("\n", ", ") for p in value),
                            label=header))
    return out


def text(document: Document, rng: random.Random) -> str:
    """The text export: markdown or Word's plain text, drawn per document."""
    if rng.random() < 0.5:
        return _markdown(document, rng)
    return _plain(document, rng)


def _markdown(document: Document, rng: random.Random) -> str:
    heading_title = rng.random() < 0.4
    bold_label = rng.random() < 0.6
    wrap = rng.random() < 0.5
    bullet = rng.choice(["-", "*"])
    lines: list[str] = []

    def para(value: str) -> None:
        lines.extend(textwrap.wrap(value, 72, break_long_words=False, break_on_hyphens=False)
                     if wrap else [value])
        lines.append("")

    for item in items(document):
        if item.kind == "heading":
            lines += ["#" * item.level + " " + item.text, ""]
        elif item.kind == "text":
            para(item.text)
        elif item.kind == "title":
            if heading_title:
                lines += ["#### " + item.text, ""]
            else:
                para(f"**{item.text}**")
        elif item.kind == "item":
            para(f"{bullet} {item.text}")
        elif item.kind == "label":
            para(f"**{item.label}:** {item.text}" if bold_label else f"{item.label}: {item.text}")
        elif item.level:  # a table: a pipe table
            rows = item.rows or []
            if not item.label:  # a key of abbreviations prints no header of its own
                rows = [("Abbreviation", "Meaning"), *rows]
            lines.append("| " + " | ".join(rows[0]) + " |")
            lines.append("|" + "---|" * len(rows[0]))
            lines += ["| " + " | ".join(r) + " |" for r in rows[1:]]
            lines.append("")
        else:
            lines += [f"{a}  {e}  " for a, e in item.rows or []] + [""]
    return "\n".join(lines) + "\n"


def _plain(document: Document, rng: random.Random) -> str:
    gap = [""] if rng.random() < 0.5 else []
    glyph = rng.choice(["• ", "- ", "o "])
    lines: list[str] = []
    for item in items(document):
        if item.kind in ("heading", "text", "title"):
            lines += [item.text, *gap]
        elif item.kind == "item":
            lines += [glyph + item.text, *gap]
        elif item.kind == "label":
            lines += [f"{item.label}: {item.text}", *gap]
        elif item.level:  # a table: a row a line, cells TAB-separated
            lines += ["\t".join(r) for r in item.rows or []] + [""]
        else:
            lines += [f"{a}  {e}" for a, e in item.rows or []] + [""]
    return "\n".join(lines) + "\n"


def write_text(document: Document, path: Path, rng: random.Random) -> str:
    path.write_text(text(document, rng), encoding="utf-8")
    return "utf-8"


def write_pdf(document: Document, path: Path, rng: random.Random) -> None:
    page = A4 if rng.random() < 0.5 else landscape(A4)
    heading_title = rng.random() < 0.3
    bold_label = rng.random() < 0.6
    narrow = rng.random() < 0.3  # a text block indented far: long labels wrap too
    margin = 2 * cm
    indent = (page[0] - 2 * margin) * 0.55 if narrow else 0
    body = ParagraphStyle("labelled", parent=BODY, fontSize=9.5, leading=12,
                          spaceAfter=3, rightIndent=indent)
    title = ParagraphStyle("title", parent=body, fontName="Helvetica-Bold", spaceBefore=6)
    item_style = ParagraphStyle("item", parent=body, leftIndent=10, bulletIndent=0)
    story: list = []
    for item in items(document):
        if item.kind == "heading":
            story.append(Paragraph(escape(item.text), STYLES[f"Heading{min(item.level, 3)}"]))
        elif item.kind == "text":
            story.append(Paragraph(escape(item.text), STYLES["BodyText"]))
        elif item.kind == "title":
            style = STYLES["Heading4"] if heading_title else title
            story.append(Paragraph(escape(item.text), style))
        elif item.kind == "item":
            story.append(Paragraph(escape(item.text), item_style, bulletText="•"))
        elif item.kind == "label":
            label = f"<b>{escape(item.label)}:</b>" if bold_label else f"{escape(item.label)}:"
            story.append(Paragraph(f"{label} {escape(item.text)}", body))
        else:
            rows = [[Paragraph(escape(c), BODY) for c in r] for r in item.rows or []]
            story.append(Table(rows, colWidths=[3 * cm, 9 * cm], hAlign="LEFT",
                               style=TableStyle([("GRID", (0, 0), (-1, -1), 0.4, "grey")])))
            story.append(Spacer(1, 0.3 * cm))
    template = SimpleDocTemplate(str(path), pagesize=page, leftMargin=margin,
                                 rightMargin=margin, topMargin=margin, bottomMargin=margin,
                                 title=document.title, author=document.organisation,
                                 invariant=1)
    template.build(story)
