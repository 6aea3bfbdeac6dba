"""The held-out shapes ``doc`` and ``rtf``: the corpus's Word plans saved by LibreOffice
headless as Word 97-2003 ``.doc`` and as ``.rtf`` (``<name>.doc``, ``<name>.rtf``, the
Word plan's gold), as an author's "Save as" makes a legacy plan. planextract reads
them back through LibreOffice (``extract/legacy_reader``), so each is scored against
its Word twin. None where LibreOffice is not installed."""

from __future__ import annotations

import re
import shutil
import tempfile
import zipfile
from pathlib import Path

from corpus.soffice_convert import convert

KINDS = ("doc", "rtf")
_LAST_TABLE = re.compile(rb"</w:tbl>(\s*<w:sectPr\b)")
_NEXT_TABLE = re.compile(rb"</w:tbl>(\s*<w:tbl>)")


def as_word_saves(source: Path, target: Path) -> None:
    """``source`` copied to ``target`` with a paragraph after a table that ends the
    body and between two tables that follow each other: Word always keeps one
    (python-docx does not). Without it LibreOffice's .doc export drops a final
    table, and joins two tables into one, as Word joins them when the paragraph
    between is deleted (the second nested in the first's last row when read back)."""
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as new:
        for info in old.infolist():
            data = old.read(info)
            if info.filename == "word/document.xml":
                data = _LAST_TABLE.sub(rb"</w:tbl><w:p/>\1", data)
                data = _NEXT_TABLE.sub(rb"</w:tbl><w:p/>\1", data)
            new.writestr(info, data)


def legacy_words(program: str | None, docs: Path, gold_dir: Path,
                 manifest: list[dict]) -> list[dict]:
    """Every ``docx`` plan of ``manifest`` as ``doc`` and ``rtf`` entries."""
    words = [m for m in manifest if m["format"] == "docx"]
    if program is None or not words:
        return []
    made = []
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        sources = []
        for entry in words:
            source = folder / entry["file"]
            as_word_saves(docs / entry["file"], source)
            sources.append((entry, source))
        for kind in KINDS:
            convert(program, [s for _, s in sources], kind, folder / kind, folder / "profile",
                    timeout=600)
            for entry, source in sources:
                name = f"{source.stem}.{kind}"
                shutil.move(str(folder / kind / name), docs / name)
                shutil.copyfile(gold_dir / f"{entry['file']}.jsonl", gold_dir / f"{name}.jsonl")
                made.append({**entry, "file": name, "format": kind, "encoding": None})
    return made
