"""Which readers the fork server imports before it forks the first worker.

A reader imported in the fork server is imported once and shared by every worker
forked from it; one imported by a worker is imported again by each worker (with
two workers, pdfium, python-docx, openpyxl and BeautifulSoup twice). One imported for
nothing costs its import before the first document can start (issue 11: a
one-file text run must not wait for pdfium). So the server imports the readers
the inputs call for, found as the readers find them, by content (never the
name), on the first bytes of a sample of the input files, looked at before the
server starts (a few milliseconds). A format the sample missed is imported by the
worker that meets it, as before: a guess here costs time, never a result.
"""

from __future__ import annotations

import codecs
import os
import random
import re
from collections.abc import Iterator

SAMPLE_FILES = 64  # files looked at, drawn from the inputs
HEAD_BYTES = 8192  # of each
MAX_LISTED = 20_000  # files listed before sampling (bounds the walk of a huge inbox)
VALUE_OPTIONS = ("--dataset", "--out", "--roles")  # their value is no input

PDF = ["planextract.extract.pdf.reader"]
DOCX = ["planextract.extract.docx_reader"]
XLSX = ["planextract.extract.xlsx_reader"]  # openpyxl
# a Word 97-2003 .doc (a Compound File) or an .rtf: converted by LibreOffice, read as .docx
LEGACY = ["planextract.extract.legacy_reader", *DOCX]
ODT = ["planextract.extract.odt_reader"]  # lxml, python-docx's docx_text helpers
TEXT = ["planextract.extract.text.decode", "planextract.extract.text.tabbed",
        "planextract.extract.text.cells", "planextract.extract.text.markdown",
        "planextract.extract.text.csv_reader"]
# cells printed as HTML fragments are read by fragment_tree; bs4 (html_fragments) is
# only its fallback for odd fragments, imported by the worker that meets one
TAGS = ["planextract.extract.fragment_parts", "planextract.extract.fragment_tree"]
PAGE = ["planextract.extract.html_reader"]  # a web page or HTML tables: bs4
MOJIBAKE = ["ftfy", "ftfy.badness"]  # text.decode repairs non-ASCII lines with it
# text.single_byte asks charset_normalizer which single-byte encoding a file that is not
# UTF-8 is in, and imports it then: here when a sampled file is one
NOT_UTF8 = ["charset_normalizer"]
_TAG = re.compile(rb"<(?:t[dhr]|table|p|li|ul|ol|br|div|html|span)\b", re.I)
_PAGE = re.compile(rb"<!doctype\s+html|<html\b|<table\b", re.I)


def readers_for(head: bytes) -> list[str]:
    """The reader modules a file starting with ``head`` is likely to need (the same
    tests as ``extract.registry``'s sniffing, on its first bytes only; written out
    here because importing any of ``planextract.extract`` imports the registry,
    ~60 ms the command line would pay before the server can start)."""
    if b"%PDF-" in head[:1024]:
        return PDF
    if head.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1") or head.lstrip()[:5] == b"{\\rtf":
        return LEGACY
    if head.startswith(b"PK\x03\x04"):
        # a workbook's first parts name themselves ``xl/...`` in their local headers
        if head[30:38] == b"mimetype" and b"opendocument.text" in head[38:90]:
            return ODT  # an OpenDocument text stores its mimetype first, unpacked
        return XLSX if b"xl/workbook." in head or b"xl/worksheets/" in head else DOCX
    text = TEXT if head.isascii() else TEXT + MOJIBAKE + ([] if _utf8(head) else NOT_UTF8)
    if _PAGE.search(head):
        return text + TAGS + PAGE
    return text + TAGS if _TAG.search(head) else text


def _utf8(head: bytes) -> bool:
    """Whether ``head`` reads as UTF-8 (a character cut at its end is no veto)."""
    try:
        codecs.getincrementaldecoder("utf-8")().decode(head, final=False)
    except UnicodeDecodeError:
        return False
    return True


def _inputs(argv: list[str]) -> list[str]:
    """The command's input paths: arguments that exist, bar an option's value."""
    paths = []
    for before, arg in zip(["", *argv], argv):
        if before not in VALUE_OPTIONS and not arg.startswith("-") and os.path.exists(arg):
            paths.append(arg)
    return paths


def _files(paths: list[str]) -> Iterator[str]:
    for path in paths:
        if os.path.isfile(path):
            yield path
            continue
        if not os.path.isdir(path):
            continue
        for folder, dirs, names in os.walk(path):
            dirs[:] = sorted(d for d in dirs if not d.startswith("."))
            for name in sorted(names):
                path = os.path.join(folder, name)
                # a regular file only: opening a FIFO would wait for a writer for ever
                if not name.startswith(".") and os.path.isfile(path):
                    yield path


def preload_for(argv: list[str]) -> list[str]:
    """The reader modules to import in the fork server for the command ``argv``
    (``ingest INBOX... --dataset DIR ...``)."""
    files = []
    for path in _files(_inputs(argv[1:])):
        files.append(path)
        if len(files) >= MAX_LISTED:
            break
    # drawn at random (seeded: the same inputs, the same sample), not every n-th file,
    # which misses a format that recurs with the same period (one PDF in ten)
    sample = random.Random(len(files)).sample(files, min(SAMPLE_FILES, len(files)))
    modules: dict[str, None] = {}
    for path in sample:
        try:
            with open(path, "rb") as handle:
                head = handle.read(HEAD_BYTES)
        except OSError:
            continue
        modules.update(dict.fromkeys(readers_for(head)))
    return list(modules)
