"""Broken and hostile OpenDocument texts: each gives status failed with a message
saying what to do, never a traceback, and costs milliseconds whatever it claims to
hold (``extract/odf_package.py``, ``extract/odt_reader.py``)."""

from __future__ import annotations

import io
import zipfile

import pytest
from odt_files import content, fodt, manifest, odt, package, row, styles, table

from planextract.extract.errors import LimitError, ReaderError
from planextract.extract.model import Table
from planextract.extract.registry import read_document, sniff
from planextract.settings import Limits, Settings

_PLAN = table([row("Action", "Lead", "Due"), row("Audit the website", "Web Manager", "Q3")])
_LAUGHS = ('<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
           + "".join(f'<!ENTITY lol{i} "{"&lol;" * 10}">' for i in range(1, 9)) + "]>")


def _after_declaration(xml: bytes) -> bytes:
    return xml[xml.index(b"?>") + 2:]


def _bomb(unpacked: int) -> bytes:
    """The plan with its content.xml padded to ``unpacked`` bytes of spaces."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        archive.writestr(zipfile.ZipInfo("mimetype"), "application/vnd.oasis.opendocument.text",
                         zipfile.ZIP_STORED)
        head, tail = content(_PLAN).rsplit(b"</office:document-content>", 1)
        with archive.open("content.xml", "w", force_zip64=True) as part:
            part.write(head)
            for _ in range(unpacked >> 20):
                part.write(b" " * (1 << 20))
            part.write(b"</office:document-content>" + tail)
    return out.getvalue()


@pytest.mark.parametrize("data,phrase", [
    (odt(_PLAN)[:300], r"an OpenDocument text \(\.odt\) that is damaged or cut short"),
    (package({"content.xml": content(_PLAN), "META-INF/manifest.xml": manifest(True)}),
     r"a password-protected OpenDocument text \(\.odt\): it is encrypted; open it in "
     "LibreOffice Writer with its password and save an unprotected copy"),
    (package({"styles.xml": styles(), "META-INF/manifest.xml": manifest()}),
     r"an OpenDocument text \(\.odt\) missing its main part \(content\.xml\): it is damaged"),
    (package({"content.xml": _LAUGHS.encode() + _after_declaration(content(_PLAN))}),
     r"the \.odt part content\.xml declares a DOCTYPE or entities, which LibreOffice never "
     "writes .* refused as unsafe"),
    (_LAUGHS.encode() + _after_declaration(fodt(_PLAN)),
     r"the flat OpenDocument text \(\.fodt\) declares a DOCTYPE or entities"),
    (package({"content.xml": content(_PLAN)[:-40]}),
     r"the \.odt part content\.xml holds malformed XML .* open it in LibreOffice Writer"),
    (package({"content.xml": b'<?xml version="1.0"?><office:document-content xmlns:office='
                             b'"urn:oasis:names:tc:opendocument:xmlns:office:1.0"/>'}),
     r"holds no text body \(office:text\)"),
])
def test_an_odt_that_cannot_be_read_says_what_to_do(data, phrase):
    with pytest.raises(ReaderError, match=phrase):
        read_document(data)


def test_a_truncated_odt_is_named_from_its_first_part():
    """Cut before its directory, the zip names no part; the stored mimetype, first in
    every ODF package, still says what it is."""
    data = odt(_PLAN)
    cut = data[:data.find(b"PK\x01\x02") - 10]
    with pytest.raises(ReaderError, match=r"OpenDocument text \(\.odt\) that is damaged"):
        read_document(cut)


def test_a_zip_bomb_is_refused_from_its_declared_sizes():
    bomb = _bomb(64 << 20)
    assert len(bomb) < 1 << 20
    with pytest.raises(LimitError, match=r"the \.odt part content\.xml unpacks [\d,]+ times "
                                         r"its packed size.* a zip bomb, refused"):
        read_document(bomb)
    small = Settings(limits=Limits(max_docx_uncompressed=32 << 20))
    with pytest.raises(LimitError, match=r"the \.odt unpacks to 64\.\d MB, more than the "
                                         r"limit of 32\.0 MB \(--max-docx-unpacked-mb\)"):
        read_document(bomb, small)


def test_repeated_rows_and_columns_are_bounded_by_the_limits():
    """A 1 KB file repeating a cell a billion times across and a row down costs
    no more than the limits' columns and rows."""
    huge = ('<table:table><table:table-row><table:table-cell office:value-type="string">'
            "<text:p>Action</text:p></table:table-cell><table:table-cell "
            'table:number-columns-repeated="1000000000"><text:p>x</text:p></table:table-cell>'
            '</table:table-row><table:table-row table:number-rows-repeated="1000000000">'
            "<table:table-cell><text:p>y</text:p></table:table-cell></table:table-row>"
            "</table:table>")
    limits = Limits(max_columns=20, max_table_rows=50)
    raw = read_document(odt(huge), Settings(limits=limits))
    tables = [b for b in raw.blocks if isinstance(b, Table)]
    assert max(len(r.cells) for r in tables[0].rows) <= 20
    assert len(tables[0].rows) <= 51
    assert raw.warnings  # what was cut is said


def test_a_zip_that_is_no_odt_is_not_taken_for_one():
    plain = io.BytesIO()
    with zipfile.ZipFile(plain, "w") as archive:
        archive.writestr("notes.txt", "application/vnd.oasis.opendocument.text")
    assert sniff(odt(_PLAN)) == "odt"
    with pytest.raises(ReaderError, match="a zip archive that is not a Word .docx file"):
        read_document(plain.getvalue())


def test_every_hostile_odt_is_a_failed_row_with_its_message(tmp_path, capsys):
    from planextract.pipeline.cli import main

    inbox = tmp_path / "inbox"
    inbox.mkdir()
    (inbox / "plan.odt").write_bytes(odt(_PLAN))
    (inbox / "plan.dat").write_bytes(fodt(_PLAN))  # the name says nothing
    (inbox / "cut.odt").write_bytes(odt(_PLAN)[:300])
    (inbox / "locked.odt").write_bytes(package({"content.xml": content(_PLAN),
                                                "META-INF/manifest.xml": manifest(True)}))
    assert main(["extract", str(inbox), "--out", str(tmp_path / "ds"), "--workers", "1"]) == 1
    assert "Traceback" not in capsys.readouterr().err
    import pandas as pd

    documents = pd.read_parquet(tmp_path / "ds" / "documents")
    answers = {r.source.rsplit("/", 1)[-1]: (r.status, r.source_format, r.error or "")
               for r in documents.itertuples()}
    assert answers["plan.odt"][:2] == ("ok", "odt")
    assert answers["plan.dat"][:2] == ("ok", "odt")
    assert answers["cut.odt"][0] == "failed" and "cut short" in answers["cut.odt"][2]
    assert "it is encrypted" in answers["locked.odt"][2]
