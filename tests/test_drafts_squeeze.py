"""The drafts step and the owners' wait, session 20 (issue 11): the drafts' blocks held
LZ4-compressed, 32 to a block (``RunSettings.squeeze_drafts``, ``draft_run``), and the
heap's free pages given back every ``draft_trim`` blocks the second pass lets go
(``document._trims``). Against their references (``squeeze_drafts`` False, 16 to a
block, ``draft_trim`` 0) over whole documents: the samples (text, PDF, Word),
generated exports of every text shape at two sizes and the family corpus' text
formats. The output must be identical; a trim changes no value (``malloc_trim``)."""

from __future__ import annotations

import marshal
from dataclasses import replace
from pathlib import Path

import pytest
from text_exports import everything, text_samples, whole_documents

from planextract.extract.registry import read_document
from planextract.normalise import document
from planextract.normalise.draft_pack import ReadyDrafts
from planextract.pipeline import heap
from planextract.settings import DEFAULT
from planextract.squeeze import squeeze, unsqueeze

ROOT = Path(__file__).resolve().parent.parent
REFERENCE = replace(DEFAULT, run=replace(DEFAULT.run, draft_run=16, squeeze_drafts=False,
                                         draft_trim=0))


@pytest.fixture(scope="module")
def inputs(tmp_path_factory) -> list[Path]:
    """``text_exports.whole_documents``."""
    return whole_documents(tmp_path_factory.mktemp("drafts-squeeze"), (7, 17, 29), per_format=3)


def test_the_defaults_are_the_measured_ones():
    assert (DEFAULT.run.draft_run, DEFAULT.run.squeeze_drafts, DEFAULT.run.draft_trim) == (
        32, True, 512)


def test_whole_documents_are_the_same_with_the_drafts_unsqueezed_and_never_trimmed(
        inputs, monkeypatch):
    now = [everything(p, DEFAULT) for p in inputs]
    before = [everything(p, REFERENCE) for p in inputs]
    for path, got, expected in zip(inputs, now, before):
        assert got == expected, path.name
    assert sum(len(actions) for _, actions, *_ in now) > 1000
    # and trimming after every block: a trim changes nothing
    every = replace(DEFAULT, run=replace(DEFAULT.run, draft_trim=1))
    for path, got in zip(inputs[-12:], now[-12:]):
        assert everything(path, every) == got, path.name


def test_a_squeezed_block_unsqueezes_to_the_bytes_marshal_wrote(inputs):
    """Block by block, the squeezed drafts' bytes hold the plain ones', and the drafts
    pop equal and in the same order (any run size)."""
    seen = 0
    for path in inputs:
        data = path.read_bytes()
        for run in (1, 5, 32):
            plain = replace(DEFAULT, run=replace(DEFAULT.run, draft_run=run,
                                                 squeeze_drafts=False))
            squeezing = replace(plain, run=replace(plain.run, squeeze_drafts=True))
            _, a = document.drafts_of(read_document(data), plain, consume=True)
            _, b = document.drafts_of(read_document(data), squeezing, consume=True)
            assert isinstance(a, ReadyDrafts) and isinstance(b, ReadyDrafts)
            assert len(a._runs) == len(b._runs), path.name
            for x, y in zip(a._runs, b._runs):
                assert x[:3] == y[:3], path.name
                # (marshal's bytes hang on refcounts: its values are compared)
                assert marshal.loads(unsqueeze(y[3])) == marshal.loads(x[3]), path.name
                assert y[3] != x[3], path.name
            assert a.owner_cells == b.owner_cells and a.pieces == b.pieces
            got, expected = _popped(b), _popped(a)
            assert got == expected, (path.name, run)
            seen += len(got)
    assert seen > 3000


def _popped(ready: ReadyDrafts) -> list:
    out = []
    while ready:
        out.append(ready.pop())
    return out


def test_squeezing_keeps_every_byte():
    """``planextract.squeeze`` (the drafts' and the text-cells tables' one LZ4 form):
    every byte back, and held as before it was shared: the plain length (4 bytes,
    little-endian) and LZ4's raw block, which pyarrow's codec reads alone."""
    import pyarrow

    for data in (b"", b"x", bytes(range(256)) * 50, "é — ☃".encode() * 999):
        held = squeeze(data)
        assert unsqueeze(held) == data and type(unsqueeze(held)) is bytes
        assert int.from_bytes(held[:4], "little") == len(data)
        assert pyarrow.Codec("lz4_raw").decompress(held[4:], len(data),
                                                   asbytes=True) == data
    assert len(squeeze(b"abc" * 1000)) < 200


def _trim_log(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The order of the drafts step's layouts, the pass-2 blocks' letting go (counted)
    and the trims."""
    log: list[str] = []
    layouts = document._layouts

    def logged_layouts(*args, **kwargs):
        log.append("layouts")
        return layouts(*args, **kwargs)

    monkeypatch.setattr(document, "_layouts", logged_layouts)
    monkeypatch.setattr(heap, "give_back", lambda: log.append("trim"))
    return log


def test_the_second_pass_gives_back_every_draft_trim_blocks(inputs, monkeypatch):
    """A document of more blocks than ``draft_trim`` is trimmed that often in pass 2,
    after the layouts; catches the trims dropped, moved out of pass 2 or made for
    every block."""
    log = _trim_log(monkeypatch)
    every = 7
    settings = replace(DEFAULT, run=replace(DEFAULT.run, draft_trim=every))
    trimmed = 0
    for path in inputs:
        log.clear()
        raw = read_document(path.read_bytes())
        blocks = len(raw.blocks)
        document.drafts_of(raw, settings, consume=True, give_back=heap.give_back)
        assert log.count("trim") == blocks // every, path.name
        if "trim" in log:
            assert log.index("trim") > log.index("layouts"), path.name
            trimmed += 1
    assert trimmed >= 10


def test_no_trims_unless_consumed_given_and_long(inputs, monkeypatch):
    log = _trim_log(monkeypatch)
    every = replace(DEFAULT, run=replace(DEFAULT.run, draft_trim=1))
    for path in inputs[:6]:
        data = path.read_bytes()
        log.clear()
        document.drafts_of(read_document(data), every, consume=True)  # nothing given
        document.drafts_of(read_document(data), every, give_back=heap.give_back)  # kept
        document.drafts_of(read_document(data), REFERENCE, consume=True,
                           give_back=heap.give_back)  # draft_trim 0
        assert "trim" not in log, path.name
    for path in text_samples():  # short: fewer blocks than a default draft_trim
        log.clear()
        raw = read_document(path.read_bytes())
        assert len(raw.blocks) < DEFAULT.run.draft_trim, path.name
        document.drafts_of(raw, DEFAULT, consume=True, give_back=heap.give_back)
        assert "trim" not in log, path.name
