"""Opening a PDF: the document, or an error a person can act on.

Some generators write a few bytes before ``%PDF-``; readers accept the header
anywhere in the first 1024 bytes, and so does this. A PDF with only an owner
password (printing or copying restricted) opens without one, as in any viewer;
one that needs a password to open is said to be encrypted. The page count is
checked against the limit before any page is read.
"""

from __future__ import annotations

import re

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from planextract.extract.errors import LimitError, ReaderError
from planextract.extract.pdf.header import HEADER_WINDOW, pdf_start  # noqa: F401
from planextract.settings import DEFAULT, Limits

_RE_EXPORT = "re-export it from the program that made it"
_NO_KIDS = re.compile(rb"/Count\s*0\b")  # a page tree that says it holds no page
_A_PAGE = re.compile(rb"/Type\s*/Page\b(?!s)")


def _no_pages(data: bytes) -> bool:
    """pdfium refuses a PDF without pages as if damaged; its page tree says so."""
    return bool(_NO_KIDS.search(data)) and not _A_PAGE.search(data)


def _message(err: pdfium.PdfiumError, data: bytes) -> ReaderError:
    code = getattr(err, "err_code", None)
    if _no_pages(data):
        return ReaderError("the PDF has no pages: nothing to extract", status="empty")
    if code == pdfium_c.FPDF_ERR_PASSWORD:
        return ReaderError("the PDF needs a password to open: it is encrypted; save an "
                           "unprotected copy (print to PDF or 'Save as' without a password) "
                           "and try again")
    if code == pdfium_c.FPDF_ERR_SECURITY:
        return ReaderError("the PDF is protected by a security handler this program cannot "
                           "open (certificate or DRM): it is encrypted; save an unprotected "
                           "copy and try again")
    if code == pdfium_c.FPDF_ERR_SUCCESS:
        return ReaderError("the PDF's page tree is broken or empty (pdfium found no pages "
                           f"it could load); {_RE_EXPORT}")
    return ReaderError(f"not a readable PDF: damaged or cut short ({err}); {_RE_EXPORT}")


def reopen(data: bytes) -> pdfium.PdfDocument:
    """The document, without the page checks: also how a long read opens it
    afresh every few hundred pages (pdfium keeps every parsed object of a
    document until it is closed)."""
    start = max(pdf_start(data), 0)
    try:
        return pdfium.PdfDocument(data)
    except pdfium.PdfiumError as err:
        if not start or err.err_code == pdfium_c.FPDF_ERR_PASSWORD:
            raise _message(err, data) from None
        try:  # junk before the header that pdfium does not skip itself
            return pdfium.PdfDocument(data[start:])
        except pdfium.PdfiumError as again:
            raise _message(again, data) from None


def open_pdf(data: bytes, limits: Limits = DEFAULT.limits) -> pdfium.PdfDocument:
    """The document, or a ReaderError a person can act on."""
    document = reopen(data)
    count = len(document)
    if count == 0:
        document.close()
        raise ReaderError("the PDF has no pages: nothing to extract", status="empty")
    if count > limits.max_pages:
        document.close()
        raise LimitError(f"the PDF has {count:,} pages, more than the limit of "
                         f"{limits.max_pages:,} (--max-pages); split it or raise the limit")
    return document


def _has_images(document: pdfium.PdfDocument, pages: int) -> bool:
    for index in range(min(pages, len(document))):
        page = document[index]
        try:
            if next(page.get_objects(filter=(pdfium_c.FPDF_PAGEOBJ_IMAGE,), max_depth=3),
                    None) is not None:
                return True
        finally:
            page.close()
    return False


def no_text_error(data: bytes, pages: int, limits: Limits = DEFAULT.limits) -> ReaderError:
    """What to say about a PDF with pages but not one character of text: a
    scan when its pages hold images, else blank (or text drawn as shapes)."""
    document = open_pdf(data, limits)
    try:
        scanned = _has_images(document, pages)
    finally:
        document.close()
    if scanned:
        return ReaderError(f"the PDF has {pages} page(s) of images but no text layer: it is "
                           "a scan; run OCR on it (e.g. ocrmypdf) and try again")
    return ReaderError(f"the PDF has {pages} page(s) but no text on any page and no images: "
                       "the pages are blank or their text is drawn as shapes; export the "
                       "plan again with its text", status="empty")
