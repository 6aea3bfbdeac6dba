"""Failed inputs copied aside with the reason beside them, for a person to act on.

``DIR/quarantine/<doc_id>-<name>`` is a copy of the file as it was read (when it
could be read and is not over the size cap) and ``<doc_id>-<name>.txt`` says
where it came from and why it failed.
"""

from __future__ import annotations

import shutil
import time
from pathlib import Path

QUARANTINE = "quarantine"


def quarantine(root: Path, document: dict, max_bytes: int) -> Path:
    """Copy a failed document's file into ``root/quarantine`` with a .txt beside it."""
    folder = Path(root) / QUARANTINE
    folder.mkdir(parents=True, exist_ok=True)
    source = Path(document["source"])
    name = f"{document['doc_id']}-{source.name or 'input'}"
    copied = "not copied: it could not be read"
    try:
        if source.is_file():
            size = source.stat().st_size
            if size <= max_bytes:
                shutil.copyfile(source, folder / name)
                copied = f"copied here as {name}"
            else:
                copied = f"not copied: {size} bytes is over the {max_bytes}-byte copy cap"
    except OSError as err:
        copied = f"not copied: {err.strerror or err}"
    note = folder / f"{name}.txt"
    note.write_text(
        f"source: {document['source']}\n"
        f"sha256: {document['sha256'] or '(bytes not read)'}\n"
        f"failed: {time.strftime('%Y-%m-%d %H:%M:%S %Z')}\n"
        f"file: {copied}\n"
        f"why: {document['error']}\n", encoding="utf-8")
    return note
