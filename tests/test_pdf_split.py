"""One long PDF read by several processes by page ranges (pipeline/pdf_split.py)
gives exactly what one process reading every page gives: the same pages (compared
by ``repr``) and the same dataset, on the samples, a generated plan of each PDF
style and unruled plans whose columns run over the cuts. Times nothing."""

from __future__ import annotations

import sys
import time
from dataclasses import replace

import pypdfium2 as pdfium
import pytest
from conftest import ROOT, SAMPLES
from test_pdf_unruled import _long_plan, draw

from planextract.extract.pdf.reader import read_range
from planextract.pipeline import pdf_split
from planextract.pipeline.document_run import run_one
from planextract.settings import DEFAULT

sys.path.insert(0, str(ROOT / "scripts"))
import bench_plan_pdf  # noqa: E402
from corpus.build import generate  # noqa: E402

PDF_FORMATS = ["pdf-grid", "pdf-hrules", "pdf-norules", "pdf-shaded", "pdf-rotated"]


def _split(workers: int):
    """Settings that split every PDF of more than one page over ``workers``."""
    return replace(DEFAULT, run=replace(DEFAULT.run, workers=workers, split_pages=1))


def _unruled(tmp_path, rows: int, name: str, header_rows: int = 1):
    """A plan without vertical rules over several pages; with ``header_rows=0``
    its header is not repeated, so a page's table is found by the columns
    carried from the page before."""
    path = tmp_path / name
    path.write_bytes(draw([_long_plan(rows)], [40, 300, 120, 90], footer="Page {page}",
                          top_margin=18, header_rows=header_rows))
    return path


@pytest.fixture(scope="module")
def pdfs(tmp_path_factory):
    out = tmp_path_factory.mktemp("split")
    manifest = generate(out, seed=7, only=PDF_FORMATS, per_format=1)
    plan = out / "bench-plan.pdf"
    bench_plan_pdf.build(plan, 12)
    return (sorted(SAMPLES.glob("*.pdf")) + [out / "docs" / e["file"] for e in manifest]
            + [plan, _unruled(out, 120, "unruled-120.pdf"),
               _unruled(out, 120, "unruled-no-repeat.pdf", header_rows=0)])


def _pages(data: bytes, read) -> str:
    document = pdfium.PdfDocument(data)
    try:
        return repr(read(document, data, DEFAULT.pdf))
    finally:
        document.close()


def test_ranges_cover_every_page_once_in_order():
    for count in (1, 2, 7, 300, 3001):
        for parts in (1, 2, 3, 8):
            cut = pdf_split.ranges(count, parts)
            assert [p for a, b in cut for p in range(a, b)] == list(range(count))
            assert len(cut) == min(parts, count)


def test_split_reading_gives_the_pages_and_dataset_of_one_process(pdfs):
    for path in pdfs:
        data = path.read_bytes()
        whole = _pages(data, lambda d, _, pdf: read_range(d, 0, len(d), pdf))
        serial = run_one(str(path))
        for workers in (2, 3):
            settings = _split(workers)
            assert _pages(data, pdf_split.split_reader(settings)) == whole, (path.name, workers)
            split = run_one(str(path), settings)
            assert split.actions == serial.actions, (path.name, workers)
            assert split.document["warnings"] == serial.document["warnings"]
            assert split.document["pages"] == serial.document["pages"]


def test_columns_carried_over_a_cut_are_read_again_when_assumed_wrong(tmp_path, monkeypatch):
    """A part that started from other columns than the part before ended with is
    read again from the cut, a page at a time, until the columns it carries out
    agree with the part's; the pages joined are those of one serial read."""
    data = _unruled(tmp_path, 120, "unruled.pdf", header_rows=0).read_bytes()
    document = pdfium.PdfDocument(data)
    try:
        serial = read_range(document, 0, len(document), DEFAULT.pdf)
        assert len(serial) >= 3 and serial[0].columns, "the plan carries columns"
        first = (0, None, read_range(document, 0, 1, DEFAULT.pdf))
        calls = []

        def spy(doc, start, stop, pdf, columns=None, data=None):
            calls.append((start, stop, columns))
            return read_range(doc, start, stop, pdf, columns, data=data)

        monkeypatch.setattr("planextract.extract.pdf.reader.read_range", spy)
        for wrong in (None, [0.0, 1.0]):
            calls.clear()
            rest = read_range(document, 1, len(document), DEFAULT.pdf, wrong)
            joined = pdf_split.join(document, [first, (1, wrong, rest)], DEFAULT.pdf)
            assert repr(joined) == repr(serial)
            assert calls == [(1, 2, serial[0].columns)]  # page 2 again, then they agree
        calls.clear()
        helper = pdf_split.read_part(data, 1, len(document), DEFAULT.limits, DEFAULT.pdf)
        calls.clear()
        right = pdf_split.join(document, [first, (1, *helper)], DEFAULT.pdf)
        assert repr(right) == repr(serial) and not calls  # assumed right: nothing read again
    finally:
        document.close()


def test_short_pdfs_and_one_worker_are_read_in_one_process(monkeypatch):
    def no_pool(*args, **kwargs):
        raise AssertionError("no helper process for this PDF")

    monkeypatch.setattr(pdf_split.mp, "get_context", no_pool)
    path = sorted(SAMPLES.glob("*.pdf"))[0]
    assert run_one(str(path), replace(DEFAULT, run=replace(DEFAULT.run, workers=4))).actions
    assert run_one(str(path), replace(_split(1))).actions


def test_a_document_worker_splits_its_pdf_and_gives_the_same_rows(pdfs):
    """In the run's own worker processes (daemonic, forked from the fork server):
    the worker may start its helpers, and the rows are those of one process."""
    from planextract.pipeline.isolation import Task, run_isolated

    paths = [p for p in pdfs if "unruled" in p.name or "bench" in p.name]
    results = {}
    for settings in (replace(DEFAULT, run=replace(DEFAULT.run, workers=1)), _split(2)):
        got = run_isolated([Task(str(p)) for p in paths], settings, settings.run.workers)
        results[settings.run.workers] = {
            r.source: (r.document["status"], r.tables["actions"].to_pylist()) for r in got}
    assert all(status == "ok" for status, _ in results[2].values()), results[2]
    assert results[1] == results[2]


def _hold(path: str, places: list[int], ready, done) -> None:
    """In a child: hold the slots ``places`` (as busy workers do) until ``done``."""
    import fcntl
    import os

    fd = os.open(path, os.O_RDWR)
    for place in places:
        fcntl.lockf(fd, fcntl.LOCK_EX, 1, place, os.SEEK_SET)
    ready.set()
    done.wait(30)


@pytest.fixture
def slot_run(monkeypatch, tmp_path):
    """This process as place 0 of a run of 3 workers; ``hold(places)`` makes
    another process hold those places, as reading workers do."""
    import multiprocessing as mp

    from planextract.pipeline import slots

    path = slots.make_file(3, str(tmp_path))
    monkeypatch.setattr(slots, "_SHARED", None)
    slots.join(path, 0, 3)
    ctx = mp.get_context("fork")
    children = []

    def hold(places: list[int]) -> None:
        ready, done = ctx.Event(), ctx.Event()
        child = ctx.Process(target=_hold, args=(path, places, ready, done))
        child.start()
        assert ready.wait(30)
        children.append((child, done))

    yield hold
    for child, done in children:
        done.set()
        child.join()
    slots.remove_file(path)


def test_a_split_takes_only_the_free_reading_slots(slot_run):
    from planextract.pipeline import slots

    with slots.spare(2) as taken:
        assert taken == 2  # both other workers idle
        with slots.spare(2) as again:
            assert again == 2  # this process's own locks never conflict
    slot_run([1])
    with slots.spare(2) as taken:
        assert taken == 1
    slot_run([2])
    with slots.spare(2) as taken:
        assert taken == 0


def test_a_worker_killed_mid_split_frees_its_slots(slot_run, tmp_path):
    """Record locks go with their process: a kill -9 never loses a slot."""
    import multiprocessing as mp

    from planextract.pipeline import slots

    ctx = mp.get_context("fork")
    ready, done = ctx.Event(), ctx.Event()
    path = str(next(tmp_path.glob("planextract-slots-*")))  # the run's slot file
    holder = ctx.Process(target=_hold, args=(path, [1, 2], ready, done))
    holder.start()
    assert ready.wait(30)
    with slots.spare(2) as taken:
        assert taken == 0
    holder.kill()
    holder.join()
    with slots.spare(2) as taken:
        assert taken == 2


def test_a_split_with_no_free_slot_reads_alone_and_gives_the_same_pages(
        slot_run, pdfs, monkeypatch):
    parts = []
    real = pdf_split.ranges
    monkeypatch.setattr(pdf_split, "ranges", lambda n, k: parts.append(k) or real(n, k))
    path = next(p for p in pdfs if p.name == "bench-plan.pdf")
    data = path.read_bytes()
    whole = _pages(data, lambda d, _, pdf: read_range(d, 0, len(d), pdf))
    settings = _split(3)
    slot_run([1])
    assert _pages(data, pdf_split.split_reader(settings)) == whole
    assert parts == [2]  # one helper: the one free slot, not workers - 1
    slot_run([2])
    assert _pages(data, pdf_split.split_reader(settings)) == whole
    assert parts == [2]  # no free slot: no helper, every page read here


def test_each_pool_worker_holds_its_reading_slot_while_it_reads(tmp_path, monkeypatch):
    """``run_isolated`` with two workers: both places of the run's slot file are held
    while two documents are being read (so a split elsewhere finds none free), and
    the file is gone when the run ends."""
    import fcntl
    import os
    import tempfile
    import threading

    from planextract.pipeline.isolation import Task, run_isolated

    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    docs = []
    for i in range(2):
        doc = tmp_path / f"hang-{i}.md"
        doc.write_text("planextract-test:hang\n# Plan\n")
        docs.append(Task(str(doc)))
    settings = replace(DEFAULT, run=replace(DEFAULT.run, workers=2, timeout=4))
    results = []
    run = threading.Thread(target=lambda: results.extend(
        run_isolated(docs, settings, 2, hooks=True)))
    run.start()

    def held(fd: int, place: int) -> bool:
        try:
            fcntl.lockf(fd, fcntl.LOCK_EX | fcntl.LOCK_NB, 1, place, os.SEEK_SET)
        except OSError:
            return True
        fcntl.lockf(fd, fcntl.LOCK_UN, 1, place, os.SEEK_SET)
        return False

    seen = False
    for _ in range(300):
        files = list(tmp_path.glob("planextract-slots-*"))
        if files:
            fd = os.open(files[0], os.O_RDWR)
            try:
                seen = held(fd, 0) and held(fd, 1)
            finally:
                os.close(fd)
            if seen:
                break
        time.sleep(0.01)
    run.join(60)
    assert seen
    assert [r.document["status"] for r in results] == ["failed", "failed"]  # timed out
    assert not list(tmp_path.glob("planextract-slots-*"))
