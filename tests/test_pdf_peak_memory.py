"""Issue 11, a long PDF's peak memory: what now holds less gives what the plain
code gave.

- ``run_one`` takes the file's hash and size once and lets its bytes go after
  reading (a long PDF's bytes were held to the end); the documents row is compared
  with the one made from the bytes as before, for read, failed and refused files.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from planextract.pipeline.document_run import path_id, run_one

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = sorted(p for p in (ROOT / "samples").iterdir()
                 if p.suffix in (".txt", ".docx", ".pdf"))


def _reference_facts(source: str, data: bytes | None) -> dict:
    """The documents row's facts of the bytes, as ``_document_row`` made them from
    the bytes it was given."""
    digest = hashlib.sha256(data).hexdigest() if data is not None else None
    return {"doc_id": digest[:16] if digest else path_id(source), "sha256": digest,
            "bytes": len(data or b"")}


def _facts(row: dict) -> dict:
    return {k: row[k] for k in ("doc_id", "sha256", "bytes")}


@pytest.mark.parametrize("path", SAMPLES, ids=lambda p: p.name)
def test_a_read_document_row_says_what_its_bytes_said(path):
    result = run_one(str(path))
    assert result.document["status"] == "ok"
    assert _facts(result.document) == _reference_facts(str(path), path.read_bytes())


def test_failed_and_refused_rows_say_what_their_bytes_said(tmp_path):
    broken = tmp_path / "broken.pdf"
    broken.write_bytes(b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n")
    blank = tmp_path / "blank.txt"
    blank.write_bytes(b"")
    for path in (broken, blank):
        result = run_one(str(path))
        assert result.document["status"] != "ok", path.name
        assert _facts(result.document) == _reference_facts(str(path), path.read_bytes())
    missing = str(tmp_path / "missing.pdf")
    assert _facts(run_one(missing).document) == _reference_facts(missing, None)
