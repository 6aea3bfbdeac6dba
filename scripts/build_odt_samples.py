"""Rebuild the OpenDocument samples: each plan's Word version saved as .odt by
LibreOffice headless, as an author working in LibreOffice Writer would publish it.

    .venv/bin/python scripts/build_odt_samples.py

``tests/documents/odt/<plan>.odt`` (two of the plans) is ``samples/<plan>.docx``
(built from the printed values by scripts/build_docx_samples.py) through
``soffice --headless --convert-to odt``:
what LibreOffice really writes (its automatic styles, list styles standing for
Word's numbering, soft page breaks where its layout broke the pages, covered cells
for merges), read back by tests/test_cross_format.py against the same golden
records. Needs LibreOffice only to rebuild these files (``apt-get install
libreoffice-writer``); the tests read the committed files and never need it.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "samples"
OUT = ROOT / "tests" / "documents" / "odt"
# two plans: one whose every page break LibreOffice wrote down (its pages are the
# LibreOffice PDF's), one with Word's numbered lists and rows across pages
PLANS = ("cheshire-probation_ses-action-plan-year3-2011-12",
         "derbyshire-probation-trust_ses-action-plan-2010-11")


def main() -> int:
    program = shutil.which("soffice") or shutil.which("libreoffice")
    if program is None:
        print("LibreOffice (soffice) is not installed: apt-get install libreoffice-writer")
        return 1
    words = [SAMPLES / f"{plan}.docx" for plan in PLANS]
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        subprocess.run([program, "--headless", f"-env:UserInstallation=file://{folder}/profile",
                        "--convert-to", "odt", "--outdir", str(folder), *map(str, words)],
                       check=True, capture_output=True, timeout=600)
        for word in words:
            made = folder / f"{word.stem}.odt"
            shutil.move(str(made), OUT / made.name)
            print(f"tests/documents/odt/{made.name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
