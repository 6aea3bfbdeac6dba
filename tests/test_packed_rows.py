"""A long document's action rows held and sent packed (pipeline/packed_rows.py, issue 11).

A document of more than one row batch keeps each batch, validated, as its IPC message
compressed (``RunSettings.row_pack``), sends the compressed frames, and the main
process makes them the messages again as it reads them. ``row_pack`` None is the way
it was (every batch a table, validated whole in ``document_tables``), kept as the
reference: both must give the same rows, tables (to the chunk layout and schema
metadata), flags, documents rows and failure messages, the very bytes the reference
sends once unpacked, the same tables as the committer reads a batch, and whole runs
the same datasets; over the samples and generated exports in small batches (many
batches a document) and a generated long PDF in the default ones.
"""

from __future__ import annotations

import pickle
import sys
from dataclasses import replace
from pathlib import Path

import pyarrow as pa
import pytest
from conftest import ROOT, SAMPLES
from text_exports import write_exports

from planextract.pipeline import options as options_module
from planextract.pipeline.action_rows import ActionRows, as_dicts, as_table
from planextract.pipeline.cli import main
from planextract.pipeline.document_run import DocumentResult, run_one
from planextract.pipeline.packed_rows import PackedRows
from planextract.pipeline.rows import DocumentTables, document_tables
from planextract.pipeline.wire import (
    bare_wire,
    batch_table,
    from_wire,
    reference_batch_table,
    to_wire,
    wire_of,
)
from planextract.schema.stored import TABLES
from planextract.settings import DEFAULT

sys.path.insert(0, str(ROOT / "scripts"))
from test_ingest import rows  # noqa: E402

SMALL = replace(DEFAULT, run=replace(DEFAULT.run, row_batch=7))
SMALL_REFERENCE = replace(DEFAULT, run=replace(DEFAULT.run, row_batch=7, row_pack=None))
REFERENCE = replace(DEFAULT, run=replace(DEFAULT.run, row_pack=None))
PACK = DEFAULT.run.row_pack  # the codec a long document's messages are held in
# every codec the setting names: the messages decompress to the same bytes whichever
CODECS = ("lz4", "zstd")


@pytest.fixture(scope="module")
def inputs(tmp_path_factory) -> list[Path]:
    """Every sample and a generated export of many plans in each text shape."""
    folder = tmp_path_factory.mktemp("exports")
    made = write_exports(folder, 12_000, seed=15)
    return sorted(p for p in SAMPLES.iterdir() if p.is_file()) + made


@pytest.fixture(scope="module")
def long_pdf(tmp_path_factory) -> Path:
    """A generated ruled plan of more than one default row batch of actions."""
    import bench_plan_pdf

    path = tmp_path_factory.mktemp("long") / "plan-140.pdf"
    bench_plan_pdf.build(path, 140)
    return path


@pytest.fixture(scope="module")
def pairs(inputs, long_pdf) -> list[tuple[DocumentResult, DocumentResult]]:
    """Each input read packed and as the reference: in small batches, and the long
    PDF in the default ones too."""
    made = [(run_one(str(p), SMALL), run_one(str(p), SMALL_REFERENCE)) for p in inputs]
    made.append((run_one(str(long_pdf)), run_one(str(long_pdf), REFERENCE)))
    for now, before in made:  # the one field that may differ: the time each took
        before.document["seconds"] = now.document["seconds"]
    return made


def same(a: pa.Table, b: pa.Table) -> None:
    assert a.schema.equals(b.schema, check_metadata=True)
    assert a.equals(b)
    assert [c.num_chunks for c in a.columns] == [c.num_chunks for c in b.columns]


def sent(document: DocumentTables) -> DocumentTables:
    return pickle.loads(pickle.dumps(document))


def test_long_documents_are_packed_and_read_back_as_the_reference_tables(pairs):
    packed = 0
    for now, before in pairs:
        assert now.document == before.document
        assert isinstance(before.action_rows, pa.Table)
        if before.action_rows.num_rows > 7:
            assert isinstance(now.action_rows, PackedRows)
            packed += 1
        same(as_table(now.action_rows), before.action_rows)
        assert now.actions == before.actions
        assert now.n_actions == before.n_actions == now.document["n_actions"]
    assert packed >= 10
    long_now, long_before = pairs[-1]  # the long PDF, default batches: several of them
    assert isinstance(long_now.action_rows, PackedRows)
    assert len(long_now.action_rows.messages) == long_before.action_rows.column(0).num_chunks > 1


def test_a_document_of_one_batch_stays_a_table(inputs):
    result = run_one(str(inputs[0]))
    assert 0 < result.n_actions <= DEFAULT.run.row_batch
    assert isinstance(result.action_rows, pa.Table)


def test_document_tables_flags_and_sent_bytes_are_the_reference_ones(pairs):
    for now, before in pairs:
        made, expected = document_tables(now), document_tables(before)
        assert made.document == expected.document
        assert list(made.flags.items()) == list(expected.flags.items())
        assert list(made.tables) == list(expected.tables) == list(TABLES)
        for name in TABLES:
            same(from_wire(name, wire_of(name, made.tables)), from_wire(
                name, wire_of(name, expected.tables)))
            assert made.num_rows(name) == expected.num_rows(name)
        # once unpacked, the very bytes the reference sends
        wire = wire_of("actions", made.tables)
        assert bare_wire(wire) == to_wire("actions", expected.tables["actions"])
        if isinstance(now.action_rows, PackedRows):
            assert wire[0] == PACK and len(wire[1]) < len(bare_wire(wire)[1])
        # and in this process the table decoded from them
        same(made.tables["actions"], from_wire("actions", wire))


def test_the_committer_reads_the_same_batches_and_sent_on_keeps_the_bytes(pairs):
    now = [sent(document_tables(a)) for a, _ in pairs]
    before = [sent(document_tables(b)) for _, b in pairs]
    # a Dask worker passes on what its reader process sent: the packed bytes
    assert any(isinstance(d.tables.wire("actions")[0], str) for d in now)
    for document in now:
        for name in TABLES:
            assert sent(document).tables.wire(name) == document.tables.wire(name)
    for name in TABLES:
        expected = reference_batch_table(name, [d.tables for d in before])
        same(batch_table(name, [d.tables for d in now]), expected)
        same(batch_table(name, [d.tables for d in before]), expected)
        same(reference_batch_table(name, [d.tables for d in now]), expected)
    mixed = [d.tables for pair in zip(now, before) for d in pair]
    mixed[0]["actions"]  # decoded since it arrived
    for name in TABLES:
        same(batch_table(name, mixed), reference_batch_table(name, mixed))


def _built(rows: list[dict], pack: str | None) -> pa.Table | PackedRows | list[dict]:
    built = ActionRows(7, pack)
    for row in rows:
        built.add(row)
    return built.finish()


def test_packed_rows_are_sent_as_their_parts_and_arrive_as_the_joined_wire(pairs):
    """The worker pickles a long document's frames as the parts it holds (the very
    compressed messages, no joined copy) and they arrive as ``PackedRows.wire()``'s
    bytes, with every pickle protocol the pipes and Dask may use."""
    from multiprocessing.reduction import ForkingPickler

    from planextract.pipeline.packed_rows import Frames

    long = [now for now, _ in pairs if isinstance(now.action_rows, PackedRows)]
    assert long
    for now in long:
        packed, made = now.action_rows, document_tables(now)
        held = made.tables.wire("actions", sending=True)
        assert isinstance(held[1], Frames)
        # the very parts held: the frames joined 64 KB or more at a time (pickled as
        # they are), then the last frames as made
        assert len(held[1].parts) == len(packed.chunks) + len(packed._open)
        assert all(a is b for a, b in zip(held[1].parts, [*packed.chunks, *packed._open]))
        assert all(len(c) >= pickle_frame_target() for c in packed.chunks)
        assert sum(map(len, held[1].parts)) == len(packed.wire()[1])
        assert made.tables.wire("actions") == packed.wire()  # in this process: joined
        for protocol in range(2, pickle.HIGHEST_PROTOCOL + 1):
            arrived = pickle.loads(pickle.dumps(made, protocol))
            assert arrived.tables.wire("actions") == packed.wire()
            assert type(arrived.tables.wire("actions")[1]) is bytes
        arrived = pickle.loads(ForkingPickler.dumps((made, False)))[0]
        assert arrived.tables.wire("actions") == packed.wire()
        assert arrived.tables["actions"].equals(as_table(packed))


@pytest.mark.parametrize("where", [0, 9, -1])  # the first batch, a middle one, the tail
@pytest.mark.parametrize("breach", [{"action": ""}, {"due_kind": "someday"}, {"rag": "purple"}])
def test_a_breach_in_any_batch_fails_the_document_with_the_reference_message(
        pairs, where, breach):
    result = max((b for _, b in pairs), key=lambda r: r.n_actions)
    rows = result.actions
    assert len(rows) > 30
    rows[where] = {**rows[where], **breach}
    now, before = _built(rows, PACK), _built(rows, None)
    assert isinstance(now, pa.Table)  # every batch a table again, validated whole
    same(now, before)
    made, expected = (document_tables(DocumentResult(result.document, r))
                      for r in (now, before))
    assert made.document == expected.document
    assert made.document["status"] == "failed"
    assert "break the dataset contract" in made.document["error"]
    assert made.flags == expected.flags


def test_a_row_arrow_refuses_after_packing_keeps_every_row_as_dicts(pairs):
    result = max((b for _, b in pairs), key=lambda r: r.n_actions)
    rows = result.actions
    rows[20] = {**rows[20], "due_date": "not a date"}
    assert _built(rows, PACK) == _built(rows, None) == rows


def test_packed_rows_pickle_and_read_back(pairs):
    now, before = pairs[-1]
    again = pickle.loads(pickle.dumps(now))
    same(as_table(again.action_rows), before.action_rows)
    assert as_dicts(again.action_rows) == before.actions


def test_whole_runs_write_the_same_datasets(tmp_path, monkeypatch, inputs):
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    for path in inputs:
        (inbox / path.name).write_bytes(path.read_bytes())
    plain = options_module.settings_from_args

    def small(pack: str | None):
        def settings(args):
            made = plain(args)
            return replace(made, run=replace(made.run, row_batch=7, row_pack=pack))
        return settings

    args = ["ingest", str(inbox), "--log", "quiet", "--workers", "2", "--commit-every", "5"]
    for name, pack in (("now", PACK), ("before", None)):
        for module in ("cmd_ingest", "cmd_extract"):
            monkeypatch.setattr(f"planextract.pipeline.{module}.settings_from_args",
                                small(pack))
        main([*args, "--dataset", str(tmp_path / name)])
    for name in TABLES:
        now, before = rows(tmp_path / "now", name), rows(tmp_path / "before", name)
        assert len(now) and now.equals(before), name


def pickle_frame_target() -> int:
    """The length from which pickle writes a bytes object as it is, not into a frame."""
    return pickle._Framer._FRAME_SIZE_TARGET


@pytest.mark.parametrize("codec", CODECS)
def test_every_codec_sends_the_very_bytes_the_reference_sends(pairs, codec):
    """The codec is the worker's and the main process's business alone: whichever
    ``row_pack`` names, the rows unpack to the bytes ``to_wire`` sends for the
    reference table, and read back to that table."""
    result = max((b for _, b in pairs), key=lambda r: r.n_actions)
    rows = result.actions * max(1, 3000 // len(result.actions))
    now, before = _built(rows, codec), _built(rows, None)
    assert isinstance(now, PackedRows) and now.wire()[0] == codec and now.n_messages > 20
    assert bare_wire(now.wire()) == to_wire("actions", before)
    same(now.table(), before)


@pytest.mark.parametrize("codec", CODECS)
def test_packed_frames_are_the_messages_framed_one_after_another(pairs, codec):
    """However the frames are joined into parts, joined they are each message's
    sizes then its bytes, in order: what ``unpacked`` reads back; and a part of
    the pickle's frame target or more is sent as it is."""
    from planextract.pipeline import packed_rows
    from planextract.pipeline.packed_rows import Frames

    result = max((b for _, b in pairs), key=lambda r: r.n_actions)
    rows = result.actions * max(1, 3000 // len(result.actions))
    packed = _built(rows, codec)
    assert isinstance(packed, PackedRows) and packed.n_messages == len(packed.messages) > 20
    assert packed.chunks  # some parts joined
    # the same rows packed with no part ever joined (every message its own part): the
    # bytes on the wire do not depend on how the parts were joined
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(packed_rows, "_CHUNK", 1 << 62)
        unjoined = _built(rows, codec)
    assert not unjoined.chunks and packed.wire() == unjoined.wire()
    assert packed.table().num_rows == len(rows)
    parts = []
    pickle.Pickler(type("Sink", (), {"write": staticmethod(parts.append)})(),
                   4).dump(Frames(tuple(packed.chunks)))
    assert all(any(part is chunk for part in parts) for chunk in packed.chunks)
