"""Where a PDF starts, without loading pdfium: the registry asks this of every
file, so a run of text or Word files never imports pypdfium2 (issue 11).

Some generators write a few bytes before ``%PDF-``; readers accept the header
anywhere in the first 1024 bytes, and so does this."""

from __future__ import annotations

HEADER_WINDOW = 1024  # bytes before %PDF- that readers tolerate


def pdf_start(data: bytes) -> int:
    """Where ``%PDF-`` starts within the header window, or -1."""
    return data.find(b"%PDF-", 0, HEADER_WINDOW)
