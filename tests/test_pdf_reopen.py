"""A long read opens the PDF afresh every ``PdfSettings.reopen_pages`` pages
(extract/pdf/reader.py ``_contents``: pdfium keeps every parsed object until the
document closes). Reopening every 1, 2 or 7 pages gives the same pages (by
``repr``) and the same dataset as never reopening, on the samples, a generated
plan and an unruled plan whose columns run from page to page. Times nothing."""

from __future__ import annotations

import sys
from dataclasses import replace

import pypdfium2 as pdfium
import pytest
from conftest import ROOT
from test_pdf_unruled import samples_and_long_plans

from planextract.extract.pdf import reader
from planextract.pipeline.document_run import run_one
from planextract.settings import DEFAULT

sys.path.insert(0, str(ROOT / "scripts"))

EVERY = (1, 2, 7)


def _every(pages: int, workers: int = 1):
    return replace(DEFAULT, pdf=replace(DEFAULT.pdf, reopen_pages=pages),
                   run=replace(DEFAULT.run, workers=workers, split_pages=1))


@pytest.fixture(scope="module")
def pdfs(tmp_path_factory):
    return samples_and_long_plans(tmp_path_factory.mktemp("reopen"),
                                  12, 120, "unruled-no-repeat.pdf")


def _range(data: bytes, start: int, stop: int | None, every: int) -> str:
    document = pdfium.PdfDocument(data)
    try:
        pdf = replace(DEFAULT.pdf, reopen_pages=every)
        end = len(document) if stop is None else min(stop, len(document))
        return repr(reader.read_range(document, start, end, pdf, data=data))
    finally:
        document.close()


def test_reopening_gives_the_pages_and_dataset_of_one_document(pdfs):
    for path in pdfs:
        data = path.read_bytes()
        never = _range(data, 0, None, 0)
        dataset = run_one(str(path), _every(0)).actions
        for every in EVERY:
            assert _range(data, 0, None, every) == never, (path.name, every)
            assert run_one(str(path), _every(every)).actions == dataset, (path.name, every)


def test_a_range_reopened_gives_the_pages_of_one_document(pdfs):
    for path in pdfs[-2:]:
        data = path.read_bytes()
        for start, stop in ((1, 4), (3, 11), (5, 6)):
            assert _range(data, start, stop, 2) == _range(data, start, stop, 0), (path.name,
                                                                                    start)


def test_split_reading_reopened_gives_the_dataset_of_one_process(pdfs):
    path = pdfs[-1]
    serial = run_one(str(path), _every(0)).actions
    for every in (2, 7):
        assert run_one(str(path), _every(every, workers=2)).actions == serial, every


def test_the_document_is_opened_afresh_every_n_pages(pdfs, monkeypatch):
    path = pdfs[-2]
    data = path.read_bytes()
    opened: list[int] = []

    def counting(data: bytes) -> pdfium.PdfDocument:
        document = pdfium.PdfDocument(data)
        opened.append(len(document))
        return document

    monkeypatch.setattr(reader, "reopen", counting)
    count = len(pdfium.PdfDocument(data))
    for every, expected in ((0, 0), (2, -(-count // 2)), (5, -(-count // 5))):
        opened.clear()
        _range(data, 0, None, every)
        assert len(opened) == expected, every
    opened.clear()
    whole = pdfium.PdfDocument(data)
    try:  # without the bytes, the caller's document reads every page
        reader.read_range(whole, 0, count, replace(DEFAULT.pdf, reopen_pages=2))
    finally:
        whole.close()
    assert opened == []
