"""The held-out ``odt`` shape (``--shapes``): every Word plan of the corpus (each
``docx*`` format: plain, text boxes, merged owners and auto-numbering, nested
layout tables, labelled paragraphs) saved as OpenDocument text by LibreOffice
headless, as councils and charities working in LibreOffice Writer publish them
(``<name>.lo.odt``, format ``odt``, the Word plan's gold). Converted from the very
Word file of the corpus, tracked changes and all, so each .odt has a twin .docx
that should score the same. Made only when the corpus is built, never when a file
is read; none where LibreOffice is not installed."""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

from corpus.soffice_convert import convert

WORD_FORMATS = ("docx", "docx-textbox", "docx-shapes", "docx-nested", "docx-labelled")


def libreoffice_odts(docs: Path, gold_dir: Path, manifest: list[dict],
                     program: str | None) -> list[dict]:
    """The manifest entries of the .odt twins written into ``docs``."""
    words = [m for m in manifest if m["format"] in WORD_FORMATS]
    if program is None or not words:
        return []
    made = []
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        sources = []
        for entry in words:
            source = folder / f"{Path(entry['file']).stem}.lo.docx"
            shutil.copyfile(docs / entry["file"], source)
            sources.append((entry, source))
        convert(program, [s for _, s in sources], "odt", folder, folder / "profile")
        for entry, source in sources:
            name = source.with_suffix(".odt").name
            shutil.move(str(folder / name), docs / name)
            shutil.copyfile(gold_dir / f"{entry['file']}.jsonl", gold_dir / f"{name}.jsonl")
            made.append({**entry, "file": name, "format": "odt", "twin": entry["file"],
                         "encoding": None})
    return made
