"""Each pre-parse guard and each translated failure, on small inputs made here."""

from __future__ import annotations

import io
import os
import re
import zipfile
import zlib

import pytest
from hostile_files import blank_pdf, document_xml, package, plan_docx, plan_pdf, replace_part

from planextract.extract.bounds import bound_document
from planextract.extract.errors import LimitError, ReaderError
from planextract.extract.failures import reader_failures
from planextract.extract.guards import check_docx, check_size, refuse_other_formats
from planextract.extract.model import Cell, Paragraph, RawDocument, Row, Table
from planextract.extract.pdf.document import no_text_error, open_pdf
from planextract.extract.registry import read_document, sniff
from planextract.settings import Limits, Settings


def test_file_size_limit_names_its_option():
    check_size(b"x" * 1000, Limits(max_file_bytes=1000))
    with pytest.raises(LimitError, match=r"--max-file-mb"):
        check_size(b"x" * 1001, Limits(max_file_bytes=1000))


@pytest.mark.parametrize("data,phrase", [
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + "Workbook".encode("utf-16-le"), "Excel 97-2003"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + "EncryptedPackage".encode("utf-16-le")
     + "WordDocument".encode("utf-16-le"), "it is encrypted; save an unprotected copy"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(600), "Office 97-2003 file"),
])
def test_formats_not_read_here_are_named(data, phrase):
    with pytest.raises(ReaderError, match=phrase):
        refuse_other_formats(data)


def test_a_plain_text_plan_passes_the_format_check():
    refuse_other_formats(b"Ref\tAction\n1.1\tReview\n")


@pytest.mark.parametrize("data,name", [
    (b"{\\rtf1\\ansi Action plan}", "rtf"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + "WordDocument".encode("utf-16-le"), "doc"),
])
def test_word_97_and_rtf_go_to_their_reader(data, name):
    """Read through LibreOffice since session 25 (``extract/legacy_reader``)."""
    refuse_other_formats(data)
    assert sniff(data) == name


MAIN = (b'<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
        b"<w:body/></w:document>")  # the least main part python-docx accepts


def _zip(parts: dict[str, bytes], method=zipfile.ZIP_DEFLATED) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", method) as target:
        for name, content in parts.items():
            target.writestr(name, content)
    return out.getvalue()


def test_total_unpacked_size_is_checked_from_the_declared_sizes():
    # two stored parts of 3 MB each: ratio 1, but 6 MB in all over a 5 MB cap
    data = _zip({"word/document.xml": MAIN + b" " * (3 << 20),
                 "word/styles.xml": b" " * (3 << 20)}, zipfile.ZIP_STORED)
    check_docx(data, Limits())
    with pytest.raises(LimitError, match=r"unpacks to 6.0 MB, more than the limit of 5.0 MB"):
        check_docx(data, Limits(max_docx_uncompressed=5 << 20))


def test_ratio_counts_only_parts_over_a_megabyte():
    # a small very repetitive part (a styles part full of spaces) is no bomb
    small = _zip({"word/document.xml": MAIN + b" " * 500_000})
    check_docx(small, Limits(max_docx_ratio=10))
    big = _zip({"word/document.xml": MAIN + b" " * (2 << 20)})
    with pytest.raises(LimitError, match="a zip bomb, refused"):
        check_docx(big, Limits(max_docx_ratio=10))


def test_too_many_parts():
    data = _zip({"word/document.xml": MAIN, **{f"word/media/{i}.xml": b"" for i in range(30)}})
    with pytest.raises(LimitError, match="31 parts, more than the limit of 20"):
        check_docx(data, Limits(max_zip_entries=20))


def test_a_doctype_anywhere_in_a_part_is_refused_even_after_a_chunk_boundary():
    padding = b"<!-- " + b"x" * ((1 << 20) - 8) + b" -->"  # the DOCTYPE straddles 1 MB
    data = _zip({"word/document.xml": MAIN,
                 "word/_rels/document.xml.rels": padding + b"<!DOCTYPE r [<!ENTITY e 'x'>]><r/>"},
                zipfile.ZIP_STORED)
    with pytest.raises(ReaderError, match="refused as unsafe"):
        check_docx(data, Limits())


@pytest.mark.parametrize("parts,phrase", [
    ({"mimetype": b"application/vnd.oasis.opendocument.spreadsheet"}, "OpenDocument file"),
    ({"ppt/presentation.xml": b"<p/>"}, "PowerPoint"),
    ({"[Content_Types].xml": b"<T/>", "word/styles.xml": b"<s/>"}, "without its main part"),
    ({"readme.txt": b"hello"}, "not a Word .docx file"),
])
def test_other_zip_packages_are_named(parts, phrase):
    with pytest.raises(ReaderError, match=phrase):
        check_docx(_zip(parts), Limits())


def test_a_real_word_document_passes():
    check_docx(plan_docx(), Limits())
    assert sniff(plan_docx()) == "docx"


def test_pdf_page_limit_is_checked_before_reading_pages():
    data = blank_pdf(12)
    open_pdf(data, Limits(max_pages=12)).close()
    with pytest.raises(LimitError, match="12 pages, more than the limit of 10 .--max-pages."):
        open_pdf(data, Limits(max_pages=10))
    with pytest.raises(LimitError, match="more than the limit of 10"):
        read_document(data, Settings(limits=Limits(max_pages=10)))


def test_junk_before_the_header_is_skipped_within_1024_bytes():
    pdf = plan_pdf()
    for junk in (b"\r\n", b"x" * 1000):
        assert sniff(junk + pdf) == "pdf"
        open_pdf(junk + pdf).close()


def test_a_header_past_1024_bytes_is_not_a_pdf():
    with pytest.raises(ReaderError):  # sniff would return "pdf"
        sniff(b"x" * 1100 + plan_pdf())


def test_blank_pages_are_not_called_a_scan():
    err = no_text_error(blank_pdf(3), 3)
    assert err.status == "empty" and "no text on any page and no images" in str(err)
    err = no_text_error(plan_pdf(image=True), 1)
    assert err.status == "failed" and "a scan; run OCR" in str(err)


@pytest.mark.parametrize("raised,phrase", [
    (zipfile.BadZipFile("Bad CRC-32 for file 'word/document.xml'"), "the .docx is damaged"),
    (zlib.error("invalid stored block lengths"), "the .docx is damaged"),
    (RecursionError("maximum recursion depth exceeded"), "nested too deeply"),
    (MemoryError(), "needs more memory"),
])
def test_known_damage_is_translated(raised, phrase):
    with pytest.raises(ReaderError, match=phrase):
        with reader_failures("docx"):
            raise raised


def test_malformed_xml_is_translated():
    from lxml import etree

    with pytest.raises(ReaderError, match="the .docx holds malformed XML"):
        with reader_failures("docx"):
            etree.fromstring(b"<w:document><w:body>")


def test_a_bug_is_not_dressed_up_as_damage():
    with pytest.raises(TypeError):
        with reader_failures("docx"):
            raise TypeError("a bug in planextract")


def _doc(rows: list[list[str]]) -> RawDocument:
    table = Table(rows=tuple(Row(cells=tuple(Cell(parts=(c,), raw=c) for c in r),
                                 line_start=i + 1) for i, r in enumerate(rows)))
    return RawDocument("text-tabbed", blocks=[Paragraph("Plan"), table])


def test_tables_are_bounded_with_warnings():
    raw = _doc([["Action", "Lead", "x"]] + [["a" * 50, "HR", "y"]] * 9)
    bounded = bound_document(raw, Limits(max_table_rows=5, max_columns=2, max_cell_chars=20))
    table = bounded.blocks[1]
    assert len(table.rows) == 5
    assert all(len(r.cells) == 2 for r in table.rows)
    assert table.rows[1].cells[0].text == "a" * 20 and table.rows[1].cells[0].raw == "a" * 20
    assert bounded.warnings == [
        "table 1: 10 rows, only the first 5 read (--max-table-rows)",
        "table 1, line 1: 3 columns, only the first 2 read (--max-columns)",
        "table 1, line 2: a cell longer than 20 characters, cut (--max-cell-chars)",
        "table 1: 5 rows cut to the column limit",
        "table 1: 4 rows with a cell cut"]


def test_a_table_within_the_limits_is_the_same_object():
    raw = _doc([["Action", "Lead"], ["Review", "HR"]])
    table = raw.blocks[1]
    assert bound_document(raw, Limits()).blocks[1].rows == table.rows
    assert raw.warnings == []


def test_package_helper_makes_a_zip():
    assert zipfile.ZipFile(io.BytesIO(package({"a": b"b"}))).read("a") == b"b"


def test_read_input_refuses_a_large_file_before_reading_it(tmp_path, monkeypatch):
    from planextract.extract.guards import read_input

    path = tmp_path / "big.txt"
    with open(path, "wb") as handle:  # a sparse 300 MB file: costs nothing on disk
        handle.truncate(300 << 20)
    reads = []
    real_fdopen = os.fdopen

    class Recording:
        def __init__(self, fd, mode):
            self.file = real_fdopen(fd, mode)

        def read(self, *args):
            reads.append(args)
            return self.file.read(*args)

        def __enter__(self):
            return self

        def __exit__(self, *exc):
            self.file.close()

    monkeypatch.setattr(os, "fdopen", Recording)
    with pytest.raises(LimitError, match="300.0 MB, more than the limit of 200.0 MB"):
        read_input(str(path), Limits())
    assert reads == []
    (tmp_path / "plan.txt").write_bytes(b"a\tb\n")
    assert read_input(str(tmp_path / "plan.txt"), Limits()) == b"a\tb\n"
    # one read of what the file holds and a byte more (to see it grew), never of the
    # limit itself, which allocated 200 MB a file (tests/test_read_input.py)
    assert reads == [(len(b"a\tb\n") + 1,)]


def test_read_input_never_blocks_on_a_fifo(tmp_path):
    from planextract.extract.guards import read_input

    os.mkfifo(tmp_path / "pipe")
    with pytest.raises(ReaderError, match="not a regular file"):
        read_input(str(tmp_path / "pipe"), Limits())


def test_python_docx_parser_never_resolves_entities(tmp_path):
    """Behind the DOCTYPE guard, python-docx's own lxml parser is the second
    wall: entities unresolved, no network, no DTD loading."""
    from docx.oxml.parser import parse_xml

    secret = tmp_path / "secret.txt"
    secret.write_text("XXE-SECRET-PARSER")
    xml = (f'<!DOCTYPE d [<!ENTITY x SYSTEM "file://{secret}">'
           '<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>'
           '<d xmlns="urn:x"><t>&x;</t><t>&b;</t></d>').encode()
    from lxml import etree

    root = parse_xml(xml)
    assert [t.text for t in root] == [None, None]  # what a reader takes: nothing expanded
    for method in ("xml", "text"):
        assert "XXE-SECRET-PARSER" not in etree.tostring(root, method=method, encoding="unicode")


def _docx_with(body: str) -> bytes:
    return replace_part(plan_docx(), "word/document.xml", document_xml(body))


def test_a_cell_spanning_millions_of_columns_is_refused_before_parsing():
    # 1 KB of XML that made python-docx and the reader build 30,000,000 cells
    body = ('<w:tbl><w:tr><w:tc><w:tcPr><x:gridSpan xmlns:x="http://schemas.openxmlformats.org/'
            'wordprocessingml/2006/main" x:val="3_0000_000"/></w:tcPr><w:p/></w:tc></w:tr>'
            '</w:tbl>')
    with pytest.raises(LimitError, match="spanning 30,000,000 columns, more than the limit of "
                                         "200 .--max-columns."):
        check_docx(_docx_with(body), Limits())
    check_docx(_docx_with(body.replace("3_0000_000", "63")), Limits())


def test_a_value_word_never_writes_is_a_damaged_docx():
    body = ('<w:tbl><w:tr><w:trPr><w:gridBefore w:val="x"/></w:trPr><w:tc><w:p/></w:tc>'
            '</w:tr></w:tbl>')
    with pytest.raises(ReaderError, match="the .docx holds a value Word never writes"):
        read_document(_docx_with(body))


def test_a_value_error_outside_the_docx_reader_is_left_alone():
    with pytest.raises(ValueError):
        with reader_failures("text-tabbed"):
            int("x")


def test_one_xml_part_over_its_limit_is_refused():
    data = _zip({"word/document.xml": MAIN + b" " * (3 << 20)}, zipfile.ZIP_STORED)
    check_docx(data, Limits())
    with pytest.raises(LimitError, match="word/document.xml is 3.0 MB of XML, more than the "
                                         "limit of 2.0 MB .--max-docx-xml-mb."):
        check_docx(data, Limits(max_docx_xml_bytes=2 << 20))


@pytest.mark.parametrize("xml,phrase", [
    (b'<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2005/main">'
     b"<w:body/></w:document>", "main part is <{http://schemas.openxmlformats.org/"
                                "wordprocessingml/2005/main}document>, not a Word document"),
    (b'<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"/>',
     "main part has no body"),
    (b'<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
     b'<w:x><w:body/></w:x></w:document>', "main part has no body"),
    (b'<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
     b"<<w:body/></w:document>", "holds malformed XML"),
])
def test_the_main_part_must_be_a_word_document_with_a_body(xml, phrase):
    with pytest.raises(ReaderError, match=re.escape(phrase)):
        check_docx(replace_part(plan_docx(), "word/document.xml", xml), Limits())


def test_a_missing_attribute_word_always_writes_is_a_damaged_docx():
    body = ('<w:tbl><w:tr><w:trPr><w:gridBefore w:vel="x"/></w:trPr><w:tc><w:p/></w:tc>'
            '</w:tr></w:tbl>')
    with pytest.raises(ReaderError, match="the .docx holds a value Word never writes"):
        read_document(_docx_with(body))


def test_run_one_refuses_a_file_over_the_size_limit_before_reading_it(tmp_path):
    from planextract.pipeline.document_run import run_one

    path = tmp_path / "huge.txt"
    with open(path, "wb") as handle:
        handle.truncate(300 << 20)  # sparse: no disk, and never read
    result = run_one(str(path))
    assert result.document["status"] == "failed"
    assert result.document["error"].startswith("the file is 300.0 MB, more than the limit")
    assert result.document["sha256"] is None  # never read, never hashed
