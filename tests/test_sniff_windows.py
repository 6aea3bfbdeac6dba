"""The sniff over ``SniffLines`` (the kept lines made a piece of the text at a time,
issue 11) answers as the reference, every kept line in one list
(``sniff_reference``): each detector on hypothesis texts cut into tiny pieces, and the
format named for every sample, generated export, family-corpus document and hostile
input."""

from __future__ import annotations

from pathlib import Path

import pytest
import sniff_reference
from hypothesis import given, settings
from hypothesis import strategies as st
from test_decode_lines import reference_lines_of

from planextract.extract import registry
from planextract.extract.sniff_lines import SniffLines
from planextract.extract.text import decode

ROOT = Path(__file__).resolve().parent.parent

_LINE = st.sampled_from([
    "", " ", "\t", " \t ", "\ta cell", " \tcell", "a\tb", "a\tb\tc", "Plan", "# Plan", "## Aim",
    "| a | b |", "|---|---|", "| --- | :-: |", "a | b", "+---+---+", "+===+===+", "| x | y |",
    "-" * 12, "---  ---", "-----   -----", "Action   Owner", "Do it    HR", "a,b,c", "x, y",
    "Action,Owner,Date", "Publish the plan.,CEO,2024", "\"a,b\",c", "<html>", "<!doctype html>",
    "<!-- note", "-->", "<!-- x --> <html>", "<?xml version='1.0'?>", "<table>", "<tr><td>a</td>",
    "<th>b</th></tr>", "<TR>", "<p>text</p>", "</table>", "  <html lang=en>", "<htmlx>",
    "\u00e9t\u00e9\tco\u00fbt", "\u2013 \u00a3", "<table\u00e9", "\u00a0"])


def _text(lines: list[str], ending: str) -> str:
    return ending.join(lines)


@settings(max_examples=600, deadline=None)
@given(st.lists(_LINE, max_size=30), st.sampled_from(["\n", "\r\n", "\r"]),
       st.sampled_from([0, 1, 3, 8, 40, 1 << 16]), st.sampled_from([1, 9, 1 << 20]))
def test_each_detector_answers_as_on_the_whole_list(lines, ending, piece, prefix):
    text = _text(lines, ending)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(decode, "_PIECE_CHARS", piece)
        patch.setattr(registry, "_PAGE_PREFIX", prefix)
        got = {f.name: f.detect(b"", SniffLines(text)) for f in registry.TEXT_FORMATS}
        # the same lines read from the text's UTF-8 (``sniff_lines`` when decoding
        # changed nothing): pieces cut in bytes, decoded one by one
        data = text.encode("utf-8")
        assert got == {f.name: f.detect(b"", SniffLines(data=data))
                       for f in registry.TEXT_FORMATS}
        assert [ln for p in decode.text_pieces(text) for ln in p] == reference_lines_of(text)
    assert got == sniff_reference.answers(text)


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("\n\r\t a|-+<\u00e9\u2013")), max_size=60),
       st.sampled_from([0, 1, 2, 5, 1 << 16]))
def test_pieces_and_windows_hold_every_line_once(text, piece):
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(decode, "_PIECE_CHARS", piece)
        pieces = [ln for p in decode.text_pieces(text) for ln in p]
        kept = SniffLines(text)
        seen = []
        for before, after in [(0, 0), (1, 6), (3, 2)]:
            own = []
            for lines, lo, hi in kept.windows(before, after):
                own += lines[lo:hi]
                assert lo <= before
            seen.append(own)
        head = kept.head(5)
        from_bytes = SniffLines(data=text.encode("utf-8"))
        assert [ln for lines, lo, hi in from_bytes.windows(1, 6) for ln in lines[lo:hi]] \
            == seen[1]
        assert "".join(from_bytes.chunks()) == text == from_bytes.text
        assert from_bytes.cell_lines() == kept.cell_lines()
    assert pieces == reference_lines_of(text)
    whole = sniff_reference.kept_lines(text)
    assert seen == [whole] * 3 and list(SniffLines(text)) == whole and head == whole[:5]
    assert SniffLines(text).cell_lines() == sniff_reference.cell_lines(whole)


def _names(paths: list[Path]) -> list[str]:
    out = []
    for path in paths:
        try:
            out.append(registry.sniff(path.read_bytes()))
        except Exception as err:  # refused alike
            out.append(type(err).__name__ + str(err))
    return out


def _reference_sniffs(monkeypatch: pytest.MonkeyPatch) -> None:
    def reference(name: str):
        return lambda _data, lines: sniff_reference.DETECTORS[name](
            sniff_reference.kept_lines(lines.text))

    monkeypatch.setattr(registry, "TEXT_FORMATS", [
        registry.Format(f.name, reference(f.name), f.reader) for f in registry.TEXT_FORMATS])


def _files(tmp_path: Path) -> list[Path]:
    import sys

    from text_exports import write_exports

    sys.path.insert(0, str(ROOT / "scripts"))
    from corpus.build import FORMATS, generate, schedule
    from hostile_corpus import build

    for folder in ("exports", "family", "hostile"):
        (tmp_path / folder).mkdir()
    paths = [p for p in sorted((ROOT / "samples").iterdir()) if p.is_file()]
    paths += write_exports(tmp_path / "exports", 60_000, seed=3)
    binary = {fmt for fmt, (_count, ext) in FORMATS.items() if ext in ("pdf", "docx")}
    texts = {index for index, fmt, _layout in schedule(6) if fmt not in binary}
    generate(tmp_path / "family", 6, indexes=texts)
    paths += sorted((tmp_path / "family" / "docs").iterdir())
    build(tmp_path / "hostile", small=True)
    paths += sorted(p for p in (tmp_path / "hostile").rglob("*") if p.is_file())
    return paths


def test_every_file_sniffs_as_with_the_reference(tmp_path, monkeypatch):
    paths = _files(tmp_path)
    got = _names(paths)
    monkeypatch.setattr(decode, "_PIECE_CHARS", 200)  # windows cut inside every table
    assert _names(paths) == got
    _reference_sniffs(monkeypatch)
    assert _names(paths) == got
    assert {"html", "text-markdown", "text-cells", "text-html", "text-tabbed", "csv"} <= set(got)
