"""Library exceptions a damaged file raises inside a reader, turned into
messages a person can act on. Only known kinds of damage are translated; any
other exception is left alone, so a bug in planextract still shows as one."""

from __future__ import annotations

import zipfile
import zlib
from collections.abc import Iterator
from contextlib import contextmanager

from planextract.extract.errors import ReaderError

_NAMES = {"docx": "the .docx", "pdf": "the PDF", "xlsx": "the workbook (.xlsx)"}


def _kind(err: BaseException, fmt: str) -> str | None:
    name = f"{type(err).__module__}.{type(err).__name__}"
    if fmt == "docx" and (isinstance(err, ValueError) or name.startswith("docx.")):
        # an attribute Word writes as a number or a keyword holds something else
        # (python-docx's simple types and the reader's int() both raise ValueError)
        return "value"
    if fmt == "docx" and isinstance(err, TypeError) and str(err).startswith("int() argument"):
        return "value"  # the reader's int() of an attribute Word always writes, missing
    if isinstance(err, (zipfile.BadZipFile, zlib.error, EOFError)):
        return "damaged"
    if name in ("lxml.etree.XMLSyntaxError", "xml.etree.ElementTree.ParseError"):
        return "xml"
    if name.startswith("pypdfium2") and type(err).__name__ == "PdfiumError":
        return "damaged"
    if isinstance(err, RecursionError):
        return "nested"
    if isinstance(err, MemoryError):
        return "memory"
    return None


@contextmanager
def reader_failures(fmt: str) -> Iterator[None]:
    """Run a reader of format ``fmt``; known damage becomes a ReaderError."""
    try:
        yield
    except ReaderError:
        raise
    except Exception as err:  # noqa: BLE001 - translated or re-raised unchanged
        kind = _kind(err, fmt)
        what = _NAMES.get(fmt, "the file")
        if kind == "damaged":
            raise ReaderError(f"{what} is damaged ({err}); re-save or re-export it from the "
                              "program that made it and try again") from None
        if kind == "xml":
            program = "Excel" if fmt == "xlsx" else "Word"
            raise ReaderError(f"{what} holds malformed XML ({err}): it is damaged or was not "
                              f"written by {program}; open it in {program} or LibreOffice "
                              "and save it again") from None
        if kind == "value":
            raise ReaderError(f"{what} holds a value Word never writes ({err}): it is "
                              "damaged or was not written by Word; open it in Word or "
                              "LibreOffice and save it again") from None
        if kind == "nested":
            raise ReaderError(f"{what} is nested too deeply to read (a loop or thousands "
                              "of levels of nesting): it is damaged or hostile; "
                              "re-export it") from None
        if kind == "memory":
            raise ReaderError(f"{what} needs more memory than is available: it is far larger "
                              "than a plan; check it is the right file") from None
        raise
