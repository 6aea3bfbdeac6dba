"""Choose a reader by sniffing the file's content, never its name."""

from __future__ import annotations

import re
import zipfile
from io import BytesIO

from planextract.extract.docx_reader import read_docx
from planextract.extract.errors import ReaderError
from planextract.extract.model import RawDocument
from planextract.extract.pdf_reader import read_pdf
from planextract.extract.text_cells import CELL_START, read_cells
from planextract.extract.text_input import decode, lines_of
from planextract.extract.text_tabbed import read_tabbed

_MD_HEADING = re.compile(r"^#{1,6}\s+\S")


def sniff(data: bytes) -> str:
    """Name the format of ``data``: pdf, docx, text-cells, text-html, text-tabbed.

    Raises ReaderError with a message a person can act on when it is none."""
    if not data.strip():
        raise ReaderError("the file is empty: nothing to extract", status="empty")
    if data.startswith(b"%PDF-"):
        return "pdf"
    if data.startswith(b"PK\x03\x04"):
        try:
            names = zipfile.ZipFile(BytesIO(data)).namelist()
        except zipfile.BadZipFile as err:
            raise ReaderError(f"looks like a zip/.docx file but is damaged ({err}); "
                              "re-save it from Word and try again") from None
        if "word/document.xml" in names:
            return "docx"
        raise ReaderError("a zip archive that is not a Word .docx file; "
                          "unpack it and pass the plan files themselves")
    text, _ = decode(data)
    lines = [ln for ln in lines_of(text) if ln.strip()]
    # one cell per line: a line that opens with its only TAB
    cell_lines = sum(1 for ln in lines if CELL_START.match(ln) and ln.count("\t") == 1)
    # a table row: TABs between cells
    tab_rows = sum(1 for ln in lines if ln.count("\t") >= 2
                   or (ln.count("\t") == 1 and not CELL_START.match(ln)))
    if cell_lines >= 6 and cell_lines > tab_rows:
        return "text-cells"
    if tab_rows >= 2:
        if any(_MD_HEADING.match(ln) for ln in lines):
            return "text-html"
        return "text-tabbed"
    raise ReaderError("no table found: the text holds neither TAB-separated rows nor "
                      "one-cell-per-line rows; export the plan's tables from Word as "
                      "text with tabs, or pass the .docx/.pdf")


def read_document(data: bytes) -> RawDocument:
    """Read ``data`` with the reader its content calls for."""
    kind = sniff(data)
    if kind in ("text-tabbed", "text-html"):
        return read_tabbed(data, kind)
    if kind == "text-cells":
        return read_cells(data)
    if kind == "docx":
        return read_docx(data)
    if kind == "pdf":
        return read_pdf(data)
    raise ReaderError(f"{kind.upper()} input is recognised but its reader is not built yet; "
                      "export the plan as text for now")
