"""What walking the inputs finds and does not read is said where a person and a
nightly job look (issue 8): each problem (FIFO, symlink loop, unreadable folder) a
failed row, a FAILED line and a JSON log line; each note (symlinked folder followed,
hidden files) a ``note:`` line of the summary and a JSON log line."""

from __future__ import annotations

import json
import os
import sys

import pandas as pd
from conftest import ROOT

from planextract.pipeline.cli import main
from planextract.pipeline.progress import Reporter, note_record

sys.path.insert(0, str(ROOT / "scripts"))
import ingest_plans  # noqa: E402


def _inbox(tmp_path, monkeypatch):
    inbox = tmp_path / "inbox"
    made = ingest_plans.write_plans(inbox, 2, actions=3)
    elsewhere = tmp_path / "elsewhere"
    made.update(ingest_plans.write_plans(elsewhere, 1, actions=2))
    os.symlink(elsewhere, inbox / "linked")  # a symlinked folder: followed, with a note
    os.mkfifo(inbox / "pipe.txt")  # never opened (it would block)
    os.symlink("loop-b", inbox / "loop-a")
    os.symlink("loop-a", inbox / "loop-b")
    (inbox / ".DS_Store").write_bytes(b"\0")
    (inbox / "locked").mkdir()
    (inbox / "locked" / "inside.txt").write_text("Action\tLead\nDo it\tCE\n")
    real_scandir = os.scandir

    def scandir(path):  # what chmod 000 does (the tests run as root, who may read it)
        if str(path).endswith("locked"):
            raise PermissionError(13, "Permission denied")
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", scandir)
    return inbox, made


def test_problems_and_notes_reach_the_summary_the_log_and_the_dataset(tmp_path, monkeypatch,
                                                                       capsys):
    inbox, made = _inbox(tmp_path, monkeypatch)
    ds = tmp_path / "ds"
    assert main(["ingest", str(inbox), "--dataset", str(ds), "--log", "json",
                 "--workers", "1"]) == 1
    captured = capsys.readouterr()
    out = captured.out
    log = [json.loads(line) for line in captured.err.splitlines() if line.startswith("{")]
    by_source = {r["source"]: r for r in log}
    problems = {"pipe.txt": "a FIFO (named pipe), not a regular file",
                "loop-a": "a symlink loop", "loop-b": "a symlink loop",
                "locked": "a folder that cannot be read (Permission denied)"}
    for name, start in problems.items():
        path = str(inbox / name)
        assert f"FAILED: {path}: {start}" in out, name
        assert by_source[path]["status"] == "failed"
        assert by_source[path]["error"].startswith(start)
    assert f"note: {inbox / 'linked'}: a symlinked folder (it points to" in out
    hidden = f"note: {inbox}: 1 hidden file(s) or folder(s) (names starting with '.') skipped"
    assert hidden in out
    note_lines = [r for r in log if r["status"] == "note"]
    assert {r["source"] for r in note_lines} == {str(inbox / "linked"), str(inbox)}
    assert all(r["note"] for r in note_lines)
    # the readable plans are read, the followed folder's one included
    docs = pd.read_parquet(ds / "documents").set_index("source")
    read = docs[docs["status"] == "ok"]
    assert len(read) == len(made) == 3
    assert read["n_actions"].sum() == sum(made.values())
    assert set(docs.index[docs["status"] == "failed"]) == {str(inbox / n) for n in problems}
    assert str(inbox / "locked" / "inside.txt") not in docs.index  # never read, but named


def test_a_dry_run_names_the_notes_too(tmp_path, monkeypatch, capsys):
    inbox, _ = _inbox(tmp_path, monkeypatch)
    assert main(["ingest", str(inbox), "--dataset", str(tmp_path / "ds"), "--dry-run"]) == 0
    out = capsys.readouterr().out
    assert f"note: {inbox / 'linked'}: a symlinked folder" in out
    assert not (tmp_path / "ds").exists()


def test_a_note_is_one_json_line_and_nothing_on_a_bar_or_quiet(capsys):
    import io

    stream = io.StringIO()
    Reporter("json", stream=stream).note("/in/x", "a symlinked folder")
    assert json.loads(stream.getvalue()) == note_record("/in/x", "a symlinked folder") == {
        "source": "/in/x", "status": "note", "note": "a symlinked folder"}
    for mode in ("quiet", "bar"):
        quiet = io.StringIO()
        Reporter(mode, stream=quiet).note("/in/x", "m")
        assert quiet.getvalue() == ""
