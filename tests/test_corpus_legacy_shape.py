"""The held-out shapes ``doc`` and ``rtf`` (session 25, scripts/corpus/legacy_words.py):
the corpus's Word plans saved by LibreOffice as .doc and .rtf, after every other
document, each read as its Word twin is. Needs LibreOffice (``.ci/run`` installs it):
it fails, never skips, without it."""

from __future__ import annotations

import io
import json
import sys
import zipfile

from conftest import ROOT
from docx import Document

sys.path.insert(0, str(ROOT / "scripts"))
from corpus.build import generate, soffice  # noqa: E402
from corpus.legacy_words import as_word_saves  # noqa: E402

from planextract.pipeline.document_run import run_one  # noqa: E402


def test_a_paragraph_follows_every_table_as_word_saves_them(tmp_path):
    """python-docx lets two tables touch and a body end with a table; Word never does
    (it would join the two), so neither may the file LibreOffice saves as .doc."""
    document = Document()
    document.add_paragraph("Title")
    document.add_table(rows=1, cols=2).cell(0, 0).text = "key"
    document.add_table(rows=1, cols=3).cell(0, 0).text = "plan"
    source, target = tmp_path / "a.docx", tmp_path / "b.docx"
    document.save(source)
    as_word_saves(source, target)
    with zipfile.ZipFile(source) as before, zipfile.ZipFile(target) as after:
        old = before.read("word/document.xml")
        new = after.read("word/document.xml")
        assert before.namelist() == after.namelist()
    assert b"</w:tbl><w:tbl>" in old and b"</w:tbl><w:sectPr" in old
    assert new.count(b"</w:tbl><w:p/>") == 2
    assert new.replace(b"</w:tbl><w:p/>", b"</w:tbl>") == old
    Document(io.BytesIO(target.read_bytes()))  # still a Word document


def test_the_doc_and_rtf_shapes_read_as_their_word_twin(tmp_path):
    assert soffice() is not None, "LibreOffice is not installed: apt-get install -y " \
                                  "libreoffice-writer-nogui"
    manifest = generate(tmp_path, 6, only=["docx"], per_format=1, libreoffice=True,
                        shapes=True)
    formats = [m["format"] for m in manifest]
    # the odt shape (corpus.write_odt) saves the Word plan as .odt too
    assert formats == ["docx", "pdf-libreoffice", "odt", "doc", "rtf"]
    twin = manifest[0]["file"]
    gold = (tmp_path / "gold" / f"{twin}.jsonl").read_text()
    keep = ("doc_id", "source", "source_format")
    rows = {}
    for entry in manifest:
        if entry["format"] in ("docx", "doc", "rtf"):
            assert (tmp_path / "gold" / f"{entry['file']}.jsonl").read_text() == gold
            result = run_one(str(tmp_path / "docs" / entry["file"]))
            assert result.document["source_format"] == entry["format"]
            rows[entry["format"]] = [{k: v for k, v in a.items() if k not in keep}
                                     for a in result.actions]
    assert len(rows["docx"]) == len(gold.splitlines())
    assert rows["doc"] == rows["docx"]
    assert rows["rtf"] == rows["docx"]
    assert json.loads((tmp_path / "manifest.json").read_text()) == manifest
