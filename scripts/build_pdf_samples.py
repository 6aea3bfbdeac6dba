"""Rebuild the PDF samples: each plan's Word version through LibreOffice, and
two plans drawn with reportlab in the layouts LibreOffice never makes.

    .venv/bin/python scripts/build_pdf_samples.py            # all seven
    .venv/bin/python scripts/build_pdf_samples.py --reportlab-only

- ``samples/<plan>.pdf``: ``samples/<plan>.docx`` converted by LibreOffice
  headless (``soffice --headless --convert-to pdf``), as an author's "Save as
  PDF" would: ruled tables, the header row repeated on every page, rows that
  break across pages. Needs LibreOffice only to rebuild these files
  (``apt-get install libreoffice-writer``); the tests read the committed PDFs
  and never need it.
- ``samples/<plan>.no-rules.pdf`` and ``samples/<plan>.horizontal-rules.pdf``:
  a plan's golden records typeset with reportlab (a dev dependency) in a table
  with no ruling lines at all, and one with only horizontal rules between rows;
  header repeated on each page, long rows split across pages, page numbers in
  the footer.

The printed values are the ones the Word builder prints (scripts/
build_docx_samples.py), so every version reads back to the same golden records.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
from html import escape
from itertools import groupby
from pathlib import Path

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle, getSampleStyleSheet
from reportlab.lib.units import cm
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

sys.path.insert(0, str(Path(__file__).resolve().parent))
from build_docx_samples import PLANS, WIDTHS, _value, load_records  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"

# (plan, layout): the two reportlab versions
DRAWN = [("derbyshire-probation-trust_ses-action-plan-2010-11", "no-rules"),
         ("noms_equality-strategy-delivery-plan-2015-17", "horizontal-rules")]


def convert_with_libreoffice(docx: Path) -> Path:
    """``plan.docx`` -> ``plan.pdf`` beside it."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        raise SystemExit("LibreOffice (soffice) is needed to rebuild the converted PDFs: "
                         "apt-get install libreoffice-writer")
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run([soffice, "--headless", "--convert-to", "pdf", "--outdir", tmp,
                        str(docx)], check=True, capture_output=True)
        target = docx.with_suffix(".pdf")
        shutil.move(Path(tmp) / f"{docx.stem}.pdf", target)
    return target


def _cell(text: str, style: ParagraphStyle) -> Paragraph:
    """A cell's text: its first line, then each further line as a bullet item."""
    lines = [escape(line) for line in text.split("\n")]
    return Paragraph("<br/>".join([lines[0], *(f"• {line}" for line in lines[1:])]), style)


def _footer(canvas, document) -> None:
    canvas.saveState()
    canvas.setFont("Helvetica", 8)
    canvas.drawString(2 * cm, 1 * cm, f"Page {document.page}")
    canvas.restoreState()


def draw(stem: str, layout: str) -> Path:
    plan = PLANS[stem]
    records = load_records(stem)
    styles = getSampleStyleSheet()
    body = ParagraphStyle("cell", parent=styles["BodyText"], fontName="Helvetica",
                          fontSize=9, leading=11)
    bold = ParagraphStyle("head", parent=body, fontName="Helvetica-Bold")
    story: list = []
    for level, line in enumerate(plan["title"], start=1):
        story.append(Paragraph(escape(line), styles[f"Heading{level}"]))
    for line in plan["narrative"]:
        story.append(Paragraph(escape(line), styles["BodyText"]))
    columns = plan["columns"]
    usable = landscape(A4)[0] - 4 * cm
    weights = [WIDTHS.get(kind, 2.0) for _, kind in columns]
    widths = [usable * w / sum(weights) for w in weights]
    for section, rows in groupby(records, key=lambda r: r["section"]):
        if section:
            story.append(Paragraph(escape(section), styles["Heading2"]))
        data = [[Paragraph(escape(header), bold) for header, _ in columns]]
        data += [[_cell(_value(record, kind), body) for _, kind in columns]
                 for record in rows]
        commands = [("VALIGN", (0, 0), (-1, -1), "TOP"),
                    ("LEFTPADDING", (0, 0), (-1, -1), 6),
                    ("RIGHTPADDING", (0, 0), (-1, -1), 6)]
        if layout == "horizontal-rules":
            commands.append(("LINEBELOW", (0, 0), (-1, -1), 0.5, colors.black))
            commands.append(("LINEABOVE", (0, 0), (-1, 0), 0.5, colors.black))
        story.append(Table(data, colWidths=widths, repeatRows=1, splitInRow=1,
                           style=TableStyle(commands)))
        story.append(Spacer(1, 0.4 * cm))
    target = SAMPLES / f"{stem}.{layout}.pdf"
    document = SimpleDocTemplate(str(target), pagesize=landscape(A4), leftMargin=2 * cm,
                                 rightMargin=2 * cm, topMargin=2 * cm, bottomMargin=2 * cm,
                                 title=plan["title"][0], author="planextract sample builder",
                                 invariant=1)
    document.build(story, onFirstPage=_footer, onLaterPages=_footer)
    return target


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--reportlab-only", action="store_true",
                        help="rebuild only the reportlab PDFs (no LibreOffice needed)")
    args = parser.parse_args()
    if not args.reportlab_only:
        for docx in sorted(SAMPLES.glob("*.docx")):
            print(convert_with_libreoffice(docx))
    for stem, layout in DRAWN:
        print(draw(stem, layout))


if __name__ == "__main__":
    main()
