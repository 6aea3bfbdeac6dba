"""Rebuild the legacy Word fixtures of ``tests/test_legacy_reader.py``: one small plan
written with python-docx from PRINTED values (raw numbers, owner spellings, raw
dates, an owner cell merged down, stacked actions in one cell, rows split across a
page break on a short page), then saved by LibreOffice headless as a Word 97-2003
``.doc`` and as ``.rtf``, as an author's "Save as" makes them.

Writes ``tests/documents/legacy-plan.docx`` (the source: the twin the .doc and .rtf
are checked against), ``legacy-plan.doc`` and ``legacy-plan.rtf``. Needs LibreOffice
only to rebuild these files (``apt-get install libreoffice-writer-nogui``); the tests
read the committed files. The expected canonical values are written by hand in the
test, beside the printed ones.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.shared import Cm

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "tests" / "documents"
NAME = "legacy-plan"

TITLE = "Severnvale Probation Trust"
SUBTITLE = "Single Equality Scheme Action Plan 2009-2012"
HEADER = ("Ref", "Action", "Lead Officer", "Target Date")
# (number, action, owner (None: under the merge above), date) as printed; a cell's
# paragraphs as a list: the third row stacks two numbered actions with their own
# owner and date paragraphs beside them, its number cell empty
ROWS = [
    ("1.1", ["Review the recruitment and selection policy"], ["Head of HR"], ["March 09"]),
    ("1.2", ["Train all line managers in the new equality duties"], None, ["31.3.11"]),
    ("", ["1.3 Publish the equality scheme on the intranet",
          "1.4 Consult the staff disability network on the scheme"],
     ["Diversity Manager", "Chief Executive"], ["Sept 2010", "Dec 09 – Dec 2012"]),
    ("1.5", ["Audit physical access to every office open to the public, including "
            "reception areas, interview rooms and car parks, and record what must "
            "change before the next inspection of the estate"],
     ["Estates Manager / ACO Resources"], ["30 June 2010"]),
]


def _fill(cell, paragraphs: list[str]) -> None:
    cell.text = paragraphs[0]
    for more in paragraphs[1:]:
        cell.add_paragraph(more)


def write_docx(path: Path) -> None:
    document = Document()
    section = document.sections[0]
    section.orientation = WD_ORIENT.PORTRAIT
    # a short page, so the table's rows split across page breaks
    section.page_width, section.page_height = Cm(14.8), Cm(10.5)
    for margin in ("top_margin", "bottom_margin", "left_margin", "right_margin"):
        setattr(section, margin, Cm(1.5))
    document.add_heading(TITLE, level=1)
    document.add_paragraph(SUBTITLE)
    table = document.add_table(rows=1, cols=len(HEADER))
    table.style = "Table Grid"
    for cell, label in zip(table.rows[0].cells, HEADER):
        cell.text = label
    merged_from = None
    for number, action, owner, date in ROWS:
        cells = table.add_row().cells
        cells[0].text = number
        _fill(cells[1], action)
        if owner is None:
            merged_from.merge(cells[2])  # python-docx keeps the first cell's text
        else:
            _fill(cells[2], owner)
            merged_from = cells[2]
        _fill(cells[3], date)
    document.add_paragraph("")  # Word ends every document with a paragraph, never a table
    document.save(path)


def convert(source: Path, kind: str, folder: Path) -> Path:
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        sys.exit("LibreOffice (soffice) is needed: apt-get install libreoffice-writer-nogui")
    subprocess.run([soffice, f"-env:UserInstallation={(folder / 'profile').as_uri()}",
                    "--headless", "--convert-to", kind, "--outdir", str(folder), str(source)],
                   check=True, capture_output=True, timeout=120, stdin=subprocess.DEVNULL)
    return folder / f"{source.stem}.{kind}"


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    source = OUT / f"{NAME}.docx"
    write_docx(source)
    with tempfile.TemporaryDirectory() as tmp:
        for kind in ("doc", "rtf"):
            made = convert(source, kind, Path(tmp))
            shutil.move(str(made), OUT / f"{NAME}.{kind}")
            print(OUT / f"{NAME}.{kind}")
    print(source)


if __name__ == "__main__":
    main()
