"""The cycle collector paused while ``run_one`` normalises (``RunSettings.pause_gc``,
issue 11): the same dataset with it paused or not, no cyclic garbage left by the
normaliser (what makes the pause safe), and the collector back as it was after a
run, a failed run and runs in threads. Times nothing."""

from __future__ import annotations

import gc
import sys
import threading
from dataclasses import replace

import pytest
from conftest import ROOT
from text_exports import write_exports

from planextract.extract import read_document
from planextract.gc_pause import gc_paused
from planextract.normalise.document import drafts_of, normalise, records
from planextract.pipeline.document_run import run_one
from planextract.settings import DEFAULT

sys.path.insert(0, str(ROOT / "scripts"))

FIXED_GARBAGE = 8  # objects of cycles a read may leave whatever its size
UNPAUSED = replace(DEFAULT, run=replace(DEFAULT.run, pause_gc=False))


@pytest.fixture(scope="module")
def inputs(tmp_path_factory):

    folder = tmp_path_factory.mktemp("gc-pause")
    made = write_exports(folder, 50_000, seed=13)
    samples = sorted(p for p in (ROOT / "samples").iterdir()
                     if p.suffix in (".txt", ".md", ".csv", ".docx", ".pdf"))
    return samples + made


def _dataset(result) -> tuple:
    document = {k: v for k, v in result.document.items() if k != "seconds"}
    return document, result.actions, result.glossary, result.roles


def test_the_same_dataset_with_the_collector_paused_or_not(inputs):
    for path in inputs:
        assert _dataset(run_one(str(path))) == _dataset(run_one(str(path), UNPAUSED)), path.name


def test_the_normaliser_leaves_no_cyclic_garbage(inputs):
    """What the pause relies on: normalising makes no reference cycles (the readers
    do, and run with the collector on)."""
    was = gc.isenabled()
    try:
        for path in inputs:
            normalise(read_document(path.read_bytes()))  # first use: imports, name lists
            raw = read_document(path.read_bytes())
            gc.collect()  # the reader's cycles
            gc.disable()
            doc, drafts = drafts_of(raw, DEFAULT, consume=True)
            made = [a.to_row() for a in records(drafts, doc, DEFAULT)]
            del raw, doc, drafts, made
            assert gc.collect() == 0, path.name
            gc.enable()
    finally:
        if was:
            gc.enable()


def test_the_text_readers_leave_no_cyclic_garbage(inputs, tmp_path):
    """What reading text exports paused relies on, a cell read by bs4 among them."""
    odd = tmp_path / "odd.txt"
    odd.write_text("Action\tLead\n<p class='x'>Agree <b>it</b></p>\tHR\n"
                   "<p style='a'>Review</p><ul><li>a</li></ul>\tCEO\n", encoding="utf-8")
    was = gc.isenabled()
    formats = set()
    try:
        for path in [odd, *inputs]:
            if path.suffix not in (".txt", ".md", ".csv"):
                continue
            read_document(path.read_bytes(), UNPAUSED)  # first use: imports, compiled patterns
            gc.collect()
            gc.disable()
            raw = read_document(path.read_bytes(), UNPAUSED)
            formats.add(raw.source_format)
            del raw
            # none that grows with the export: the class csv.Sniffer makes at each
            # call (a class refers to itself) is the one cycle a read leaves
            assert gc.collect() <= FIXED_GARBAGE, path.name
            gc.enable()
    finally:
        if was:
            gc.enable()
    assert {"text-cells", "text-html", "text-markdown", "csv"} <= formats


def test_the_collector_is_back_after_runs_and_failures(tmp_path):
    sample = min((ROOT / "samples").glob("*.txt"), key=lambda p: p.stat().st_size)
    assert gc.isenabled()
    run_one(str(sample))
    assert gc.isenabled()
    broken = tmp_path / "broken.txt"
    broken.write_bytes(b"\x00\x01\x02" * 4000)
    assert run_one(str(broken)).document["status"] != "ok"
    assert gc.isenabled()
    gc.disable()
    try:
        run_one(str(sample))
        assert not gc.isenabled()  # off before: left off
    finally:
        gc.enable()
    with pytest.raises(ValueError), gc_paused():
        assert not gc.isenabled()
        raise ValueError
    assert gc.isenabled()


def test_pauses_in_threads_end_with_the_last():
    inside, release = threading.Barrier(3), threading.Event()

    def hold() -> None:
        with gc_paused():
            inside.wait()
            release.wait()

    threads = [threading.Thread(target=hold) for _ in range(2)]
    for thread in threads:
        thread.start()
    inside.wait()
    assert not gc.isenabled()
    with gc_paused(enabled=False):
        assert not gc.isenabled()
    release.set()
    for thread in threads:
        thread.join()
    assert gc.isenabled()
