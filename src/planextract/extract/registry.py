"""Every reader, registered in one place, chosen by sniffing the content,
never the file name.

A format is a ``Format``: its name, a ``detect`` test on the bytes (and the
decoded text, for text formats) and the dotted path of its ``read`` function,
imported only when a file of that format is met (a PDF-only run never imports
python-docx or BeautifulSoup). Binary formats are tried first, in order; text
formats are tried on the decoded text, most specific first.
"""

from __future__ import annotations

import importlib
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from planextract.extract import guards
from planextract.extract.bounds import bound_document
from planextract.extract.errors import LimitError, ReaderError
from planextract.extract.failures import reader_failures
from planextract.extract.model import RawDocument
from planextract.extract.pdf.header import pdf_start
from planextract.gc_pause import gc_paused
from planextract.settings import DEFAULT, Limits, Settings

_MD_HEADING = re.compile(r"^#{1,6}\s+\S")
_CELL_START = re.compile(r"^ *\t")
_HTML_START = re.compile(r"^\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*(?:<!doctype\s+html|<html\b)",
                         re.I | re.S)
_HTML_TABLE = re.compile(r"<table\b", re.I)
_HTML_CELL = re.compile(r"<t[dh]\b", re.I)
_HTML_ROW = re.compile(r"<tr\b", re.I)


@dataclass(frozen=True)
class Format:
    name: str
    detect: Callable[[bytes, list[str] | None], bool]
    reader: str  # "module:function", called as function(data, settings[, name])


def _is_pdf(data: bytes, _lines: list[str] | None) -> bool:
    return pdf_start(data) >= 0


def _is_docx(data: bytes, _lines: list[str] | None) -> bool:
    """A zip; guards.check_docx then says whether it is a Word document."""
    return data.startswith(b"PK\x03\x04")


def _cell_lines(lines: list[str]) -> tuple[int, int]:
    """Lines that are one cell (a TAB first, and no other), and TAB-separated rows
    (two TABs or more, or one not first): one pass, each line's TABs counted once."""
    cell_lines = tab_rows = 0
    for ln in lines:
        tabs = ln.count("\t")
        if tabs == 1:
            if _CELL_START.match(ln):
                cell_lines += 1
            else:
                tab_rows += 1
        elif tabs:
            tab_rows += 1
    return cell_lines, tab_rows


def _is_html(_data: bytes, lines: list[str] | None) -> bool:
    """A web page, or any text holding an HTML table (pandoc writes one into
    markdown when a table is too complex for pipes).

    The lines are searched a slice of them joined at a time: the whole text joined
    again was twice a 10 MB export beside its lines, the read's high-water (issue
    11). The table, cell and row tags never span a line; a page's start is looked
    for in the whole text only when its first character that is not a space can
    open one (a ``<``)."""
    lines = lines or []
    first = next((line for line in lines if line.strip()), "")  # "\t" lines are kept too
    if first.lstrip()[:1] == "<" and _HTML_START.match("\n".join(lines)):
        return True
    if not (_found(_HTML_TABLE, lines) and _found(_HTML_CELL, lines)):
        return False
    # a TAB-separated export whose cells hold a few HTML tables is still that export
    rows = sum(len(_HTML_ROW.findall(text)) for text in _joined(lines))
    return _cell_lines(lines)[1] < max(2, rows)


_JOINED_LINES = 4096  # lines searched at a time


def _joined(lines: list[str]) -> Iterator[str]:
    """``lines`` joined by line breaks a slice at a time."""
    for start in range(0, len(lines), _JOINED_LINES):
        yield "\n".join(lines[start:start + _JOINED_LINES])


def _found(pattern: re.Pattern[str], lines: list[str]) -> bool:
    return any(pattern.search(text) for text in _joined(lines))


def _is_text_markdown(_data: bytes, lines: list[str] | None) -> bool:
    from planextract.extract.text.markdown import has_pipe_table

    return has_pipe_table(lines or [])


def _is_csv(_data: bytes, lines: list[str] | None) -> bool:
    from planextract.extract.text.csv_reader import looks_like_csv

    return looks_like_csv(lines or [])


def _is_text_cells(_data: bytes, lines: list[str] | None) -> bool:
    cell_lines, tab_rows = _cell_lines(lines or [])
    return cell_lines >= 6 and cell_lines > tab_rows


def _is_text_html(_data: bytes, lines: list[str] | None) -> bool:
    _, tab_rows = _cell_lines(lines or [])
    return tab_rows >= 2 and any(_MD_HEADING.match(ln) for ln in lines or [])


def _is_text_tabbed(_data: bytes, lines: list[str] | None) -> bool:
    return _cell_lines(lines or [])[1] >= 2


BINARY_FORMATS = [
    Format("pdf", _is_pdf, "planextract.extract.pdf.reader:read_pdf"),
    Format("docx", _is_docx, "planextract.extract.docx_reader:read_docx"),
]
TEXT_FORMATS = [
    Format("html", _is_html, "planextract.extract.html_reader:read_html"),
    Format("text-markdown", _is_text_markdown, "planextract.extract.text.markdown:read_markdown"),
    Format("text-cells", _is_text_cells, "planextract.extract.text.cells:read_cells"),
    Format("text-html", _is_text_html, "planextract.extract.text.tabbed:read_tabbed"),
    Format("text-tabbed", _is_text_tabbed, "planextract.extract.text.tabbed:read_tabbed"),
    Format("csv", _is_csv, "planextract.extract.text.csv_reader:read_csv"),
]


def _load(path: str) -> Callable[..., RawDocument]:
    module, function = path.split(":")
    return getattr(importlib.import_module(module), function)


def sniff(data: bytes, limits: Limits = DEFAULT.limits) -> str:
    """Name the format of ``data``. Raises ReaderError with a message a person
    can act on when it is none."""
    return _choose(data, limits).name


def _choose(data: bytes, limits: Limits = DEFAULT.limits) -> Format:
    if not data or data.isspace():
        raise ReaderError("the file is empty: nothing to extract", status="empty")
    guards.check_size(data, limits)
    guards.refuse_other_formats(data)
    for fmt in BINARY_FORMATS:
        if fmt.detect(data, None):
            if fmt.name == "docx":
                guards.check_docx(data, limits)
            return fmt
    if len(data) > limits.max_text_bytes:
        raise LimitError(f"a text file of {len(data) / (1 << 20):,.1f} MB, more than the "
                         f"limit of {limits.max_text_bytes / (1 << 20):,.1f} MB for text "
                         "exports (--max-text-mb); check it is the right file")
    from planextract.extract.text.line_pieces import sniff_lines

    lines = sniff_lines(data, limits)  # not blank, or a TAB (an empty cell)
    for fmt in TEXT_FORMATS:
        if fmt.detect(data, lines):
            return fmt
    raise ReaderError("no table found: the text holds no HTML table, no markdown pipe "
                      "table, no TAB-separated or comma-separated rows and no "
                      "one-cell-per-line rows; export the plan's tables from Word as "
                      "text with tabs, or pass the .docx/.pdf")


def read_document(data: bytes, settings: Settings = DEFAULT,
                  pdf_pages: Callable | None = None) -> RawDocument:
    """Read ``data`` with the reader its content calls for, within the limits.
    ``pdf_pages``: how a PDF's pages are read, when not all here in turn (the
    pipeline shares a long PDF's page ranges among processes: ``pdf_split``)."""
    fmt = _choose(data, settings.limits)
    read = _load(fmt.reader)
    with reader_failures(fmt.name):
        if fmt.name == "pdf" and pdf_pages is not None:
            raw = read(data, settings, pdf_pages)
        elif fmt in TEXT_FORMATS:
            try:
                # the text readers make no reference cycles (a web page's tree does)
                with gc_paused(settings.run.pause_gc and fmt.name != "html"):
                    raw = read(data, fmt.name, settings)
            finally:
                from planextract.extract.text.decode import forget

                forget()
        else:
            raw = read(data, settings)
    return bound_document(raw, settings.limits)
