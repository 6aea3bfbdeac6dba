"""One long PDF read by several processes, split by page ranges (issue 11).

With ``--workers`` above 1, a PDF of more than ``RunSettings.split_pages`` pages
is cut into as many page ranges as workers: this process reads the first range,
forked helpers the others, each sending back its pages as page items (compact,
no glyphs); this process puts them in order, stitches and normalises, so the
output is the serial run's. What joins a range to the one before it:

- margins: ``read_range`` reads the page on each side of its range for its
  margin lines, so running lines are dropped as in one pass;
- unruled columns carried over the cut: a helper reads the page before its range
  too, starting from no columns, and says what it assumed. When that differs
  from the columns the range before really ended with, the pages are read again
  here, from the cut, until the columns carried out of a page equal the helper's
  (from there its pages are what a serial read gives).
"""

from __future__ import annotations

import multiprocessing as mp
from typing import TYPE_CHECKING

from planextract.settings import Limits, PdfSettings, Settings

if TYPE_CHECKING:  # the PDF reader is loaded by the worker that meets a PDF (start-up)
    import pypdfium2 as pdfium

    from planextract.extract.model import RawDocument
    from planextract.extract.pdf.reader import PageRead


def ranges(count: int, parts: int) -> list[tuple[int, int]]:
    """``count`` pages cut into ``parts`` ranges [a, b) of near-equal length."""
    parts = max(1, min(parts, count))
    cuts = [count * k // parts for k in range(parts + 1)]
    return [(a, b) for a, b in zip(cuts, cuts[1:]) if b > a]


def read_part(data: bytes, start: int, stop: int, limits: Limits, pdf: PdfSettings
              ) -> tuple[list[float] | None, list[PageRead]]:
    """In a helper: the columns assumed coming into page ``start`` (carried out
    of the page before, read from none) and the pages [start, stop)."""
    from planextract.extract.pdf.document import open_pdf
    from planextract.extract.pdf.reader import read_range

    document = open_pdf(data, limits)
    try:
        assumed = read_range(document, start - 1, start, pdf)[-1].columns if start else None
        return assumed, read_range(document, start, stop, pdf, assumed, data=data)
    finally:
        document.close()


def join(document: pdfium.PdfDocument, parts: list[tuple[int, list[float] | None,
                                                         list[PageRead]]],
         pdf: PdfSettings) -> list[PageRead]:
    """The parts (start page, columns assumed, pages) in order as one serial
    read: where a part assumed other columns than the part before ended with,
    its first pages are read again with the right ones until they agree."""
    from planextract.extract.pdf.reader import read_range

    out: list[PageRead] = []
    for start, assumed, pages in parts:
        carried = out[-1].columns if out else None
        index = 0
        if start and assumed != carried:
            while index < len(pages):
                again = read_range(document, start + index, start + index + 1, pdf, carried)[0]
                out.append(again)
                carried = again.columns
                index += 1
                if carried == pages[index - 1].columns:
                    break
        out.extend(pages[index:])
    return out


def _helper_start() -> None:
    from planextract.pipeline.child import die_with_parent

    die_with_parent()


def split_reader(settings: Settings):
    """The page reader for ``read_pdf``: every page here when the PDF is short
    or one worker is asked for, else the ranges shared with forked helpers, as
    many as the run has free reading slots (``slots``: never more than
    ``workers`` processes read at once, however many documents are split)."""
    workers, threshold = settings.run.workers, settings.run.split_pages

    def read_pages(document: pdfium.PdfDocument, data: bytes, pdf: PdfSettings
                   ) -> list[PageRead]:
        from planextract.extract.pdf.reader import read_range

        count = len(document)
        if workers < 2 or count <= threshold:
            return read_range(document, 0, count, pdf, data=data)
        from planextract.pipeline import slots
        from planextract.pipeline.engines import allow_children

        with slots.spare(workers - 1) as helpers:  # only the run's free reading slots
            if not helpers:
                return read_range(document, 0, count, pdf, data=data)
            allow_children()  # a document worker is daemonic; its helpers die with it
            cut = ranges(count, helpers + 1)
            with mp.get_context("fork").Pool(len(cut) - 1, initializer=_helper_start) as pool:
                pending = [pool.apply_async(read_part, (data, a, b, settings.limits, pdf))
                           for a, b in cut[1:]]
                first = read_range(document, *cut[0], pdf, data=data)
                parts = [(0, None, first)]
                for (a, _), result in zip(cut[1:], pending):
                    assumed, pages = result.get()
                    parts.append((a, assumed, pages))
        return join(document, parts, pdf)

    return read_pages


def read_split(data: bytes, settings: Settings) -> RawDocument:
    """``read_document``, with a long PDF's pages read by several processes."""
    from planextract.extract import read_document

    if settings.run.workers < 2:
        return read_document(data, settings)
    return read_document(data, settings, pdf_pages=split_reader(settings))
