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
build_docx_samples.py), so every version reads back to the same golden records,
except that the two drawn PDFs print what the source printed where the golden
record keeps a normalised form: the action number as printed (``A 1``, golden
``action_id_raw``; the Word builder prints ``action_id``) and the owner cell as
the text export printed it (``PIU lead - Rob Malcolm`` on one line, ``Diversity
Adviser`` on the next), read off ``samples/<plan>.txt`` at the record's lines;
where that cell cannot be found, the golden owners and people joined with ``/``.
"""

from __future__ import annotations

import argparse
import re
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
from reportlab.pdfgen.canvas import Canvas
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


def _cell(text: str, style: ParagraphStyle, bullets: bool = True) -> Paragraph:
    """A cell's text: its first line, then each further line as a bullet item (or,
    for an owner cell, as a plain line: owners are listed, not bulleted)."""
    lines = [escape(line) for line in text.split("\n")]
    rest = [f"• {line}" if bullets else line for line in lines[1:]]
    return Paragraph("<br/>".join([lines[0], *rest]), style)


def _text_cells(lines: list[str]) -> list[str]:
    """Cells of one row of a one-cell-per-line text export: a cell starts at a line
    beginning with a TAB and runs on over the lines up to the next one."""
    cells: list[list[str]] = []
    for line in lines:
        if line.lstrip(" ").startswith("\t"):
            cells.append([line.lstrip(" ")[1:]])
        elif cells:
            cells[-1].append(line)
    return ["\n".join(cell) for cell in cells]


def _collapse(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def printed_owners(stem: str, records: list[dict]) -> list[str]:
    """Each record's owner cell as the text export printed it, one line per printed
    line (blank lines dropped), so the drawn PDF shows ``Operation Mgr.,`` and
    ``VE lead – Catrin Smith,`` rather than the golden normalised roles.

    The cell is found in the record's lines (golden ``line_start``..``line_end``)
    at the position of the plan's owner column in the export's header row, and is
    used only when the cell after it is the record's ``due_raw`` as printed: a check
    that the columns were counted right. Otherwise the golden owners and people are
    printed, joined with ``/``.
    """
    columns = PLANS[stem]["columns"]
    owner_header = next(header for header, kind in columns if kind == "owner")
    lines = (SAMPLES / f"{stem}.txt").read_text(encoding="utf-8").splitlines()
    header_start = next(i for i, line in enumerate(lines) if line.startswith("\t"))
    header = [_collapse(cell) for cell in _text_cells(lines[header_start:header_start + 12])]
    at = header.index(owner_header) if owner_header in header else None
    printed = []
    for record in records:
        fallback = "/".join(record["owners"] + record["owner_people"])
        cells = _text_cells(lines[record["line_start"] - 1:record["line_end"]])
        if (at is None or at + 1 >= len(cells) or record["due_raw"] is None
                or _collapse(cells[at + 1]) != record["due_raw"]):
            printed.append(fallback)
            continue
        owner_lines = [line.strip() for line in cells[at].splitlines() if line.strip()]
        printed.append("\n".join(owner_lines) or fallback)
    return printed


def _footer(canvas: Canvas, document: SimpleDocTemplate) -> None:
    """Page number at the foot of every page, as printed plans have."""
    canvas.saveState()
    canvas.setFont("Helvetica", 8)
    canvas.drawString(2 * cm, 1 * cm, f"Page {document.page}")
    canvas.restoreState()


def draw(stem: str, layout: str) -> Path:
    """``samples/<stem>.<layout>.pdf``: the plan's title, section headings and one
    table per section, landscape A4, 9 pt cells; ``layout`` is ``no-rules`` (columns
    only by alignment) or ``horizontal-rules`` (a rule under every row, none down)."""
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
    has_owners = any(kind == "owner" for _, kind in columns)
    owners = printed_owners(stem, records) if has_owners else [""] * len(records)

    def value(record: dict, owner: str, kind: str) -> Paragraph:
        if kind == "id":
            return _cell(record["action_id_raw"] or "", body)
        if kind == "owner":
            return _cell(owner, body, bullets=False)
        return _cell(_value(record, kind), body)

    for section, rows in groupby(zip(records, owners), key=lambda pair: pair[0]["section"]):
        if section:
            story.append(Paragraph(escape(section), styles["Heading2"]))
        data = [[Paragraph(escape(header), bold) for header, _ in columns]]
        data += [[value(record, owner, kind) for _, kind in columns] for record, owner in rows]
        commands = [("VALIGN", (0, 0), (-1, -1), "TOP"),
                    ("LEFTPADDING", (0, 0), (-1, -1), 6),
                    ("RIGHTPADDING", (0, 0), (-1, -1), 6)]
        if layout == "horizontal-rules":
            commands.append(("LINEBELOW", (0, 0), (-1, -1), 0.5, colors.black))
            commands.append(("LINEABOVE", (0, 0), (-1, 0), 0.5, colors.black))
        # splitByRow=0: split inside the row that does not fit, as Word and LibreOffice
        # break rows. reportlab's default first splits between rows, then places the
        # rest (with its repeated header) in the space left and splits that in-row,
        # which printed a second header row in the middle of the page.
        story.append(Table(data, colWidths=widths, repeatRows=1, splitByRow=0, splitInRow=1,
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
