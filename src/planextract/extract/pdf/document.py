"""Opening a PDF: the document, or an error a person can act on."""

from __future__ import annotations

import pypdfium2 as pdfium

from planextract.extract.errors import ReaderError


def open_pdf(data: bytes) -> pdfium.PdfDocument:
    """The document, or a ReaderError a person can act on."""
    try:
        return pdfium.PdfDocument(data)
    except pdfium.PdfiumError as err:
        raise ReaderError(f"not a readable PDF ({err}); re-export it from the program "
                          "that made it") from None
