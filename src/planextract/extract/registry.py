"""Every reader, registered in one place, chosen by sniffing the content,
never the file name.

A format is a ``Format``: its name, a ``detect`` test on the bytes (and the
decoded text, for text formats) and the dotted path of its ``read`` function,
imported only when a file of that format is met (a PDF-only run never imports
python-docx, openpyxl or BeautifulSoup). Binary formats are tried first, in order; text
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
from planextract.extract.form_tables import form_tables
from planextract.extract.labelled import labelled_tables
from planextract.extract.labelled_lines import looks_labelled
from planextract.extract.model import RawDocument
from planextract.extract.odf_package import check_odt, is_flat_odt, is_odt
from planextract.extract.pdf.header import pdf_start
from planextract.extract.sniff_lines import SniffLines
from planextract.gc_pause import gc_paused
from planextract.settings import DEFAULT, Limits, Settings

_MD_HEADING = re.compile(r"^#{1,6}\s+\S")
_HTML_START = re.compile(r"^\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*(?:<!doctype\s+html|<html\b)",
                         re.I | re.S)
_HTML_TABLE = re.compile(r"<table\b", re.I)
_HTML_CELL = re.compile(r"<t[dh]\b", re.I)
_HTML_ROW = re.compile(r"<tr\b", re.I)


@dataclass(frozen=True)
class Format:
    name: str
    detect: Callable[[bytes, SniffLines | None], bool]  # None: a binary format's test
    reader: str  # "module:function", called as function(data, settings[, name])


def _is_pdf(data: bytes, _lines: SniffLines | None) -> bool:
    return pdf_start(data) >= 0


def _is_xlsx(data: bytes, _lines: SniffLines | None) -> bool:
    """A zip holding ``xl/workbook.xml`` (``guards.is_workbook``); guards.check_xlsx
    then says whether it can be read."""
    return guards.is_workbook(data)


def _is_doc(data: bytes, _lines: SniffLines | None) -> bool:
    """A Word 97-2003 .doc (``guards.is_word97``), read through LibreOffice."""
    return guards.is_word97(data)


def _is_rtf(data: bytes, _lines: SniffLines | None) -> bool:
    """Rich Text Format (``guards.is_rtf``), read through LibreOffice."""
    return guards.is_rtf(data)


def _is_odt(data: bytes, _lines: SniffLines | None) -> bool:
    """An OpenDocument text, packed (``.odt``) or flat XML (``.fodt``), by its
    mimetype (``odf_package``); ``odf_package.check_odt`` then says whether it can
    be read."""
    return is_odt(data) or is_flat_odt(data)


def _is_docx(data: bytes, _lines: SniffLines | None) -> bool:
    """A zip; guards.check_docx then says whether it is a Word document."""
    return data.startswith(b"PK\x03\x04")


def _is_html(_data: bytes, lines: SniffLines | None) -> bool:
    """A web page, or any text holding an HTML table (pandoc writes one into
    markdown when a table is too complex for pipes).

    The kept lines are never joined whole again (twice a 10 MB export beside its
    lines was the read's high-water, issue 11): the table, cell and row tags never
    span a line and are searched in the text's slices; a page's start is looked for
    only when the first character that is not a space can open one (a ``<``)."""
    if lines is None:
        return False
    first = next((line for line in lines if line.strip()), "")  # "\t" lines are kept too
    if first.lstrip()[:1] == "<" and _starts_page(lines):
        return True
    # a tag is on one line, and the lines left out are blank (no tag); the character
    # after a tag's name is a line's end in both, or the same character
    if not (_found(_HTML_TABLE, lines) and _found(_HTML_CELL, lines)):
        return False
    # a TAB-separated export whose cells hold a few HTML tables is still that export
    rows = sum(len(_HTML_ROW.findall(chunk)) for chunk in lines.chunks())
    return lines.cell_lines()[1] < max(2, rows)


def _found(pattern: re.Pattern[str], lines: SniffLines) -> bool:
    return any(pattern.search(chunk) for chunk in lines.chunks())


_PAGE_PREFIX = 1 << 20  # characters of the kept lines a page's start is first looked for in


def _starts_page(lines: SniffLines) -> bool:
    """``_HTML_START`` matches the kept lines joined by line feeds. Tried on their
    first ``_PAGE_PREFIX`` characters: a match that ends before the prefix does
    (every character it looked at, the one after ``<html`` too, is the whole
    text's) is the whole text's match; a prefix that is the whole text answers
    for it. Else (a comment longer than the prefix) the whole text is joined."""
    parts: list[str] = []
    size = 0
    for text in _joined(lines):
        parts.append(text)
        size += len(text) + 1
        if size > _PAGE_PREFIX:
            break
    else:
        return bool(_HTML_START.match("\n".join(parts)))
    prefix = "\n".join(parts)
    found = _HTML_START.match(prefix)
    if found and found.end() < len(prefix):
        return True
    return bool(_HTML_START.match("\n".join(lines)))


def _joined(lines: SniffLines) -> Iterator[str]:
    """The kept lines joined by line feeds, a piece of them at a time."""
    for piece in lines.pieces():
        yield "\n".join(piece)


def _is_text_markdown(_data: bytes, lines: SniffLines | None) -> bool:
    from planextract.extract.text.markdown import LOOKS_AROUND, has_table_in

    if lines is None:
        return False
    return any(has_table_in(window, lo, hi)
               for window, lo, hi in lines.windows(*LOOKS_AROUND))


def _is_csv(_data: bytes, lines: SniffLines | None) -> bool:
    from planextract.extract.text.csv_reader import looks_like_csv

    return lines is not None and looks_like_csv(lines.head())


def _is_text_cells(_data: bytes, lines: SniffLines | None) -> bool:
    if lines is None:
        return False
    cell_lines, tab_rows = lines.cell_lines()
    return cell_lines >= 6 and cell_lines > tab_rows


def _is_text_html(_data: bytes, lines: SniffLines | None) -> bool:
    if lines is None or lines.cell_lines()[1] < 2:
        return False
    return any(_MD_HEADING.match(ln) for ln in lines)


def _is_text_tabbed(_data: bytes, lines: SniffLines | None) -> bool:
    return lines is not None and lines.cell_lines()[1] >= 2


BINARY_FORMATS = [
    Format("pdf", _is_pdf, "planextract.extract.pdf.reader:read_pdf"),
    Format("doc", _is_doc, "planextract.extract.legacy_reader:read_doc"),
    Format("rtf", _is_rtf, "planextract.extract.legacy_reader:read_rtf"),
    Format("xlsx", _is_xlsx, "planextract.extract.xlsx_reader:read_xlsx"),
    Format("odt", _is_odt, "planextract.extract.odt_reader:read_odt"),
    Format("docx", _is_docx, "planextract.extract.docx_reader:read_docx"),
]
TEXT_FORMATS = [
    Format("html", _is_html, "planextract.extract.html_reader:read_html"),
    Format("text-markdown", _is_text_markdown, "planextract.extract.text.markdown:read_markdown"),
    Format("text-cells", _is_text_cells, "planextract.extract.text.cells:read_cells"),
    Format("text-html", _is_text_html, "planextract.extract.text.tabbed:read_tabbed"),
    Format("text-tabbed", _is_text_tabbed, "planextract.extract.text.tabbed:read_tabbed"),
    Format("csv", _is_csv, "planextract.extract.text.csv_reader:read_csv"),
    # no table at all, but labelled records (``extract.labelled``): a paragraph a line
    Format("text-plain", lambda _d, lines: lines is not None and looks_labelled(lines),
           "planextract.extract.text.tabbed:read_tabbed"),
]


# every format: a run of labelled paragraphs may be a plan printed without a table
# (``extract.labelled``); a text export's lines may wrap a paragraph
LABELLED_FORMATS = frozenset({"docx", "odt", "doc", "rtf", "html", "pdf",
                              *(f.name for f in TEXT_FORMATS)})


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
            elif fmt.name == "xlsx":
                guards.check_xlsx(data, limits)
            elif fmt.name == "odt":
                check_odt(data, limits)
            return fmt
    if len(data) > limits.max_text_bytes:
        raise LimitError(f"a text file of {len(data) / (1 << 20):,.1f} MB, more than the "
                         f"limit of {limits.max_text_bytes / (1 << 20):,.1f} MB for text "
                         "exports (--max-text-mb); check it is the right file")
    from planextract.extract.text.line_pieces import sniff_lines

    lines = sniff_lines(data, limits)  # made a piece at a time as each detector asks
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
    if fmt.name in LABELLED_FORMATS:
        labelled_tables(raw, settings.labelled, printed="text" if fmt in TEXT_FORMATS
                        else "pdf" if fmt.name == "pdf" else "paragraphs")
    form_tables(raw, settings.labelled)
    return bound_document(raw, settings.limits)
