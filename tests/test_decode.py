"""Decoding text exports: every encoding a plan export is written in reads back
as the same text, repairs are warned about where they happened."""

from __future__ import annotations

import codecs

import pytest

from planextract.extract.errors import ReaderError
from planextract.extract.text.decode import decode, lines_of
from planextract.settings import Limits

# a row as a plan prints it: accented names, an en dash, curly quotes, a raw date
ROW = "1. 1\tRévise the ‘Dignity at Work’ policy – café staff\tHR ACO\tMarch 09\n"
TEXT = "Single Equality Scheme – Action Plan\n" + ROW * 12


@pytest.mark.parametrize("encoding,bom", [
    ("utf-8", b""), ("utf-8", codecs.BOM_UTF8),
    ("utf-16-le", codecs.BOM_UTF16_LE), ("utf-16-be", codecs.BOM_UTF16_BE),
    ("utf-16-le", b""), ("utf-16-be", b""),
    ("utf-32-le", codecs.BOM_UTF32_LE), ("utf-32-be", codecs.BOM_UTF32_BE),
    ("utf-32-le", b""), ("utf-32-be", b""),
    ("cp1252", b""), ("mac_roman", b""),
])
def test_every_encoding_reads_back_the_same_text(encoding, bom):
    text, warnings = decode(bom + TEXT.encode(encoding))
    assert text == TEXT
    assert not any("replaced" in w or "dropped" in w for w in warnings)


def test_latin1_without_windows_punctuation():
    plain = "Révision du plan: café, garçon, Zoë\tHR ACO\tMärz 2010\n" * 10
    text, warnings = decode(plain.encode("latin-1"))
    assert text == plain
    assert warnings and "not UTF-8" in warnings[0]


def test_a_stray_byte_in_utf8_is_replaced_where_it_stands():
    # 39 rows of UTF-8 with one Windows-1252 en dash (0x96) pasted into row 20
    rows = [f"{n}.1\tRévise policy {n} – staff\tHR ACO\tMarch 09" for n in range(1, 40)]
    data = "\n".join(rows).encode("utf-8")
    cut = data.index(b"20.1\t") + 5
    data = data[:cut] + b"\x96 " + data[cut:]
    text, warnings = decode(data)
    lines = lines_of(text)
    assert lines[19].startswith("20.1\t– Révise policy 20 – staff")
    # every other line is untouched: no mojibake from re-decoding the whole file
    assert all(lines[i] == rows[i] for i in range(39) if i != 19)
    assert warnings == ["1 byte(s) not valid UTF-8, read as Windows-1252 where they stand "
                        "(line 20)"]


def test_mostly_single_byte_file_is_not_read_as_utf8():
    # one accidental valid UTF-8 pair ("Ã©" in cp1252) among many cp1252 bytes
    data = ("Ã© " + TEXT).encode("cp1252")
    text, warnings = decode(data)
    assert text.endswith(TEXT)
    assert "not UTF-8" in warnings[0]


def test_mojibake_is_repaired_and_warned():
    broken = TEXT.encode("utf-8").decode("cp1252", errors="replace")
    assert "â€“" in broken
    text, warnings = decode(broken.encode("utf-8"))
    assert text == TEXT
    assert any(w.startswith("mojibake repaired on 13 line(s)") for w in warnings)


def test_a_repair_that_makes_a_control_character_is_not_taken():
    """ftfy "repairs" the Windows-1252 text "¬ç" to U+008D (found by
    test_hostile_properties): text holds no control character, so the line stays as
    read; a real repair on another line is still made."""
    assert decode(b"\xac\xe7") == ("\u00ac\u00e7", ["not UTF-8: decoded as Windows-1252"])
    broken = "It\u2019s done".encode().decode("cp1252")
    text, warnings = decode(f"\u00ac\u00e7\n{broken}".encode())
    assert text == "\u00ac\u00e7\nIt\u2019s done"
    assert warnings == ["mojibake repaired on 1 line(s) (line 2)"]


def test_nul_and_control_characters_are_dropped():
    data = TEXT.replace("HR ACO", "HR\x00 ACO\x07").encode("utf-8")
    text, warnings = decode(data)
    assert text == TEXT
    assert warnings == ["24 control character(s) (12 NUL) dropped"]


def test_form_feed_separates_words():
    text, _ = decode(b"Owner\x0cHR ACO\n" + TEXT.encode("utf-8"))
    assert text.startswith("Owner HR ACO\n")


@pytest.mark.parametrize("data", [
    bytes(range(256)) * 40,  # every byte value
    b"\x00" * 500 + b"text",
    codecs.BOM_UTF8 + bytes(range(0, 32)) * 10,
])
def test_binary_is_refused(data):
    with pytest.raises(ReaderError, match="binary content"):
        decode(data)


def test_long_line_is_cut_with_a_warning():
    data = b"a\tb\n" + b"x" * 5000 + b"\nlast\tline\n"
    text, warnings = decode(data, Limits(max_line_chars=1000))
    lines = lines_of(text)
    assert lines[1] == "x" * 1000 and lines[2] == "last\tline"
    assert warnings == ["line 2: 5000 characters, cut to 1000 (--max-line-chars)"]


def test_warnings_are_a_fresh_list_each_call():
    data = ("x\x00y\tz\n" + TEXT).encode()
    first = decode(data)[1]
    first.append("added by a reader")
    assert decode(data)[1] == ["1 control character(s) (1 NUL) dropped"]


def test_a_reader_decoding_without_limits_gets_the_registrys():
    from planextract.extract.registry import read_document
    from planextract.settings import Settings

    data = ("Ref\tAction\tLead\n1.1\t" + "word " * 400 + "\tHR\n").encode()
    raw = read_document(data, Settings(limits=Limits(max_line_chars=100)))
    assert raw.warnings == ["line 2: 2007 characters, cut to 100 (--max-line-chars)"]


def test_utf16_cut_at_an_odd_byte_still_reads():
    data = TEXT.encode("utf-16-le")[:-1]
    text, warnings = decode(data)
    assert text[:-1] == TEXT[:-1] and text[-1] == "\ufffd"
    assert warnings == ["decoded as UTF-16-LE (no byte-order mark)",
                        "1 invalid utf-16-le sequence(s) replaced"]


def test_a_stray_byte_after_a_utf8_bom_is_read_where_it_stands():
    text, warnings = decode(codecs.BOM_UTF8 + "Owner\tHR ACO \x96 T&D\n".encode().replace(
        b"\xc2\x96", b"\x96"))
    assert text == "Owner\tHR ACO – T&D\n"
    assert warnings == ["1 byte(s) not valid UTF-8, read as Windows-1252 where they stand "
                        "(line 1)"]


def test_lines_past_the_limit_are_dropped_with_a_warning():
    data = "".join(f"{i}\tx\n" for i in range(1, 11)).encode()
    text, warnings = decode(data, Limits(max_lines=4))
    assert lines_of(text) == ["1\tx", "2\tx", "3\tx", "4\tx"]
    assert warnings == ["10 lines, only the first 4 read (--max-lines)"]
    assert decode(data, Limits(max_lines=10)) == (data.decode(), [])
