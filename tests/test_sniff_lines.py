"""The HTML sniff searching the lines a slice at a time (``registry._is_html``) says
what the reference says: the lines joined into one text again and searched whole."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sniff_reference import kept_lines

from planextract.extract import registry
from planextract.extract.registry import (
    _HTML_CELL,
    _HTML_ROW,
    _HTML_START,
    _HTML_TABLE,
)
from planextract.extract.sniff_lines import SniffLines
from planextract.extract.sniff_lines import cell_counts as _cell_lines
from planextract.extract.text import decode

ROOT = Path(__file__).resolve().parent.parent


def reference_is_html(_data: bytes, lines: list[str] | None) -> bool:
    """``_is_html`` as it was: the lines joined into one text."""
    text = "\n".join(lines or [])
    if _HTML_START.match(text):
        return True
    if not (_HTML_TABLE.search(text) and _HTML_CELL.search(text)):
        return False
    return _cell_lines(lines or [])[1] < max(2, len(_HTML_ROW.findall(text)))


_LINE = st.sampled_from([
    "<html>", "  <!doctype html>", "<!DOCTYPE", "html>", "<!-- a", "note -->", "<!-- x --> <html",
    "<?xml version='1.0'?>", "\u00a0<html lang=en>", "< html>", "<table>", "<TABLE border=1>",
    "<td>x</td>", "<th>", "<tr><td>a</td></tr>", "<tr>", "<tr", "a\tb", "a\tb\tc", "\tcell",
    "Plan", "<p>text</p>", "<tablet>", "x <table", "  ", "\t", "", " \t "])


@settings(max_examples=400, deadline=None)
@given(st.lists(_LINE, max_size=12), st.sampled_from([0, 1, 2, 3, 1 << 16]))
def test_html_sniffed_a_slice_at_a_time_as_in_one_text(lines, size):
    text = "\n".join(lines)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(decode, "_PIECE_CHARS", size)  # the pieces the lines are joined in
        assert registry._is_html(b"", SniffLines(text)) == reference_is_html(
            b"", kept_lines(text))


def test_every_sample_and_export_sniffs_as_with_the_reference(tmp_path, monkeypatch):
    from text_exports import write_exports

    paths = [p for p in sorted((ROOT / "samples").iterdir()) if p.is_file()]
    paths += write_exports(tmp_path, 60_000, seed=3)
    row = "<tr><td>Publish the plan</td><td>CEO</td></tr>\n"
    for name, text in [("page.html", "\n\t\n <!DOCTYPE html>\n<html><body><table>\n"
                                     "<tr><th>Action</th><th>Lead</th></tr>\n" + row * 3),
                       ("pandoc.md", "# Plan\n\n<table>\n" + row * 3 + "</table>\n")]:
        (tmp_path / name).write_text(text, encoding="utf-8")
        paths.append(tmp_path / name)

    def names() -> list[str]:
        out = []
        for path in paths:
            try:
                out.append(registry.sniff(path.read_bytes()))
            except Exception as err:  # refused alike
                out.append(type(err).__name__ + str(err))
        return out

    got = names()
    monkeypatch.setattr(registry, "TEXT_FORMATS", [
        registry.Format(f.name, (lambda d, ls: reference_is_html(d, kept_lines(ls.text)))
                        if f.name == "html" else f.detect, f.reader)
        for f in registry.TEXT_FORMATS])
    assert got == names()
    assert {"html", "text-markdown", "text-cells", "text-html", "text-tabbed", "csv"} <= set(got)
