"""`ingest` as a data system: skip, replace, keep/prune, dry run, keys, locks, readers.

Small generated plans (scripts/ingest_plans.py) with known action counts stand in
for uploads; each check reads the dataset back the way the contract says users do.
"""

import fcntl
import json
import os
import subprocess
import sys
from collections import Counter
from pathlib import Path

import duckdb
import pandas as pd
import pyarrow as pa
import pyarrow.dataset as pads
import pyarrow.parquet as pq
import pytest
from conftest import ROOT
from deltalake import DeltaTable

from planextract.pipeline.cli import main
from planextract.pipeline.document_run import DocumentResult
from planextract.pipeline.lock import LOCK_NAME
from planextract.pipeline.rows import document_tables
from planextract.schema.delta import TABLES, Dataset

sys.path.insert(0, str(ROOT / "scripts"))
import ingest_plans  # noqa: E402


def ingest(*args) -> int:
    return main(["ingest", *map(str, args), "--log", "quiet"])


def versions(ds: Path) -> dict:
    return {name: DeltaTable(str(ds / name)).version() for name in TABLES}


def rows(ds: Path, name: str) -> pd.DataFrame:
    """A table as plain Parquet readers see it, in a stable order for comparing."""
    frame = pd.read_parquet(ds / name)
    if "seconds" in frame:
        frame = frame.drop(columns=["seconds"])
    keys = [c for c in ("source", "action", "abbreviation", "role", "spelling") if c in frame]
    return frame.sort_values(keys, kind="stable").reset_index(drop=True)


def log_records(err: str, others: bool = False) -> list[dict]:
    """The JSON log lines an ingest run wrote, without the seconds each reading took
    (never the same twice), so two runs' lines compare. Every line must be one unless
    ``others`` (a program whose other output shares the stream)."""
    lines = err.splitlines()
    records = [json.loads(line) for line in lines if not others or line.startswith("{")]
    for record in records:
        record.pop("seconds", None)
    return records


def logged_run(inbox: Path, ds: Path, workers: int, capsys, *options: str,
               status: int = 0) -> list[dict]:
    """``ingest`` of ``inbox`` into ``ds`` with the JSON log and ``options``, exiting
    with ``status``: its log lines (``log_records``)."""
    assert main(["ingest", str(inbox), "--dataset", str(ds), "--log", "json", "--workers",
                 str(workers), *options]) == status
    return log_records(capsys.readouterr().err)


def assert_same_runs(now: list[dict], before: list[dict], now_ds: Path, before_ds: Path,
                     workers: int) -> None:
    """Two ingest runs of one inbox gave the same log lines (in the same order with
    one worker, whose answers come in the order read; the same set with two, whose
    answers interleave as they come) and the same four tables."""
    if workers == 1:
        assert now == before
    else:
        assert sorted(now, key=json.dumps) == sorted(before, key=json.dumps)
    for name in TABLES:
        pd.testing.assert_frame_equal(rows(now_ds, name), rows(before_ds, name), obj=name)


@pytest.fixture
def inbox(tmp_path):
    folder = tmp_path / "inbox"
    made = ingest_plans.write_plans(folder, 8, actions=4)
    return folder, made


def test_first_run_reads_every_plan_and_the_second_changes_nothing(inbox, tmp_path, capsys):
    folder, made = inbox
    ds = tmp_path / "ds"
    assert ingest(folder, "--dataset", ds) == 0
    docs = pd.read_parquet(ds / "documents")
    assert sorted(docs["source"]) == sorted(made) and (docs["status"] == "ok").all()
    assert len(pd.read_parquet(ds / "actions")) == sum(made.values()) == 32
    first = capsys.readouterr().out
    assert "8 read (8 new, 0 changed)" in first
    before = versions(ds)
    files = sorted(p.name for p in ds.rglob("*.parquet"))
    assert ingest(folder, "--dataset", ds) == 0
    second = capsys.readouterr().out
    assert "8 unchanged (skipped)" in second and "nothing changed" in second
    assert versions(ds) == before  # not one commit
    assert sorted(p.name for p in ds.rglob("*.parquet")) == files


def test_a_changed_source_has_its_rows_replaced_and_readers_see_no_duplicates(inbox, tmp_path):
    folder, made = inbox
    ds = tmp_path / "ds"
    assert ingest(folder, "--dataset", ds) == 0
    changed = sorted(made)[1]  # a text-cells plan
    old_id = pd.read_parquet(ds / "documents").set_index("source").loc[changed, "doc_id"]
    ingest_plans.write_plan(folder, 99, "tabbed", actions=7, name=Path(changed).name)
    assert ingest(folder, "--dataset", ds) == 0
    docs = pd.read_parquet(ds / "documents").set_index("source")
    assert len(docs) == 8 and docs.index.is_unique
    assert docs.loc[changed, "doc_id"] != old_id and docs.loc[changed, "n_actions"] == 7
    actions = pd.read_parquet(ds / "actions")
    mine = actions[actions["source"] == changed]
    assert len(mine) == 7 and set(mine["doc_id"]) == {docs.loc[changed, "doc_id"]}
    assert all("plan 99" in text for text in mine["action"])
    assert len(actions) == 32 - 4 + 7
    # every plain reader sees exactly the live rows: replaced files were vacuumed
    assert pads.dataset(ds / "actions").count_rows() == 35
    with duckdb.connect() as con:
        n, distinct = con.execute(
            f"select count(*), count(distinct source || action) "
            f"from read_parquet('{ds}/actions/*.parquet')").fetchone()
        docs_n = con.execute(f"select count(*) from read_parquet('{ds}/documents/*.parquet')"
                             ).fetchone()[0]
    assert n == distinct == 35 and docs_n == 8
    assert DeltaTable(str(ds / "actions")).to_pandas().shape[0] == 35
    for name in TABLES:  # between runs a table folder holds only its live files
        live = {Path(uri).name for uri in DeltaTable(str(ds / name)).file_uris()}
        assert {p.name for p in (ds / name).glob("*.parquet")} == live, name
    for name in ("glossary", "roles"):
        table = pd.read_parquet(ds / name)
        assert not table.duplicated().any(), name
        assert set(table[table["source"] == changed]["doc_id"]) <= {docs.loc[changed, "doc_id"]}


def test_gone_sources_are_kept_unless_pruned(inbox, tmp_path, capsys):
    folder, made = inbox
    ds = tmp_path / "ds"
    assert ingest(folder, "--dataset", ds) == 0
    gone = sorted(made)[0]
    Path(gone).unlink()
    assert ingest(folder, "--dataset", ds) == 0
    assert gone in set(pd.read_parquet(ds / "documents")["source"])
    assert "kept: 1 sources" in capsys.readouterr().out
    # --prune from another inbox drops what is gone from disk, keeps what still exists
    other = tmp_path / "other"
    ingest_plans.write_plan(other, 50, "markdown")
    assert ingest(other, "--dataset", ds, "--prune") == 0
    for name in TABLES:
        assert gone not in set(pd.read_parquet(ds / name)["source"]), name
    sources = set(pd.read_parquet(ds / "documents")["source"])
    assert sources == (set(made) - {gone}) | {str(other / "plan-00050.txt")}
    assert len(pd.read_parquet(ds / "actions")) == 7 * 4 + 5


def test_dry_run_lists_the_plan_and_touches_nothing(inbox, tmp_path, capsys):
    folder, made = inbox
    ds = tmp_path / "ds"
    assert ingest(folder, "--dataset", ds, "--dry-run") == 0
    assert not ds.exists()
    out = capsys.readouterr().out
    assert sum(line.startswith("read  new") for line in out.splitlines()) == 8
    assert ingest(folder, "--dataset", ds) == 0
    ingest_plans.write_plan(folder, 77, "tabbed", name=Path(sorted(made)[2]).name)
    before = versions(ds)
    capsys.readouterr()
    assert ingest(folder, "--dataset", ds, "--dry-run") == 0
    out = capsys.readouterr().out
    assert f"read  changed    {sorted(made)[2]}" in out
    assert "would read 1 (0 new, 1 changed)" in out and "skip 7 unchanged" in out
    assert versions(ds) == before


def test_two_runs_give_identical_tables(inbox, tmp_path):
    folder, _ = inbox
    for ds, workers in ((tmp_path / "a", "1"), (tmp_path / "b", "2")):
        assert ingest(folder, "--dataset", ds, "--workers", workers) == 0
    for name in TABLES:
        pd.testing.assert_frame_equal(rows(tmp_path / "a", name), rows(tmp_path / "b", name))


def test_a_missing_inbox_is_a_usage_error_and_the_dataset_is_untouched(inbox, tmp_path, capsys):
    folder, _ = inbox
    ds = tmp_path / "ds"
    assert ingest(folder, "--dataset", ds) == 0
    before = {p: p.read_bytes() for p in ds.rglob("*") if p.is_file()}
    assert ingest(tmp_path / "uploads-not-mounted", "--dataset", ds) == 2
    err = capsys.readouterr().err
    assert "uploads-not-mounted" in err and "Traceback" not in err
    assert {p: p.read_bytes() for p in ds.rglob("*") if p.is_file()} == before
    assert ingest(tmp_path / "nothing", "--dataset", tmp_path / "new") == 2
    assert not (tmp_path / "new").exists()
    # an empty mount point is no better: it must not prune or replace anything
    (tmp_path / "mnt").mkdir()
    assert ingest(tmp_path / "mnt", "--dataset", ds, "--prune") == 2
    assert main(["extract", str(tmp_path / "mnt"), "--out", str(ds)]) == 2
    assert "no input files found" in capsys.readouterr().err
    assert {p: p.read_bytes() for p in ds.rglob("*") if p.is_file()} == before


def test_the_dataset_inside_the_inbox_is_never_read_as_input(inbox):
    folder, made = inbox
    ds = folder / "dataset"
    assert ingest(folder, "--dataset", ds) == 0
    assert ingest(folder, "--dataset", ds) == 0
    assert sorted(pd.read_parquet(ds / "documents")["source"]) == sorted(made)


def test_identical_files_at_two_paths_are_two_documents(tmp_path):
    folder = tmp_path / "in"
    first = ingest_plans.write_plan(folder, 1, "markdown", name="a.txt")
    (folder / "b.txt").write_bytes(first.read_bytes())
    ds = tmp_path / "ds"
    assert ingest(folder, "--dataset", ds) == 0
    docs = pd.read_parquet(ds / "documents")
    assert len(docs) == 2 and docs["doc_id"].nunique() == 1  # doc_id: the bytes' hash
    # replacing one leaves the other's rows alone, in every table
    ingest_plans.write_plan(folder, 2, "markdown", actions=3, name="a.txt")
    assert ingest(folder, "--dataset", ds) == 0
    actions = pd.read_parquet(ds / "actions")
    assert actions.groupby("source").size().to_dict() == {str(folder / "a.txt"): 3,
                                                          str(folder / "b.txt"): 5}
    glossary = pd.read_parquet(ds / "glossary")
    assert set(glossary["source"]) == {str(folder / "a.txt"), str(folder / "b.txt")}


def test_a_locked_dataset_exits_2_at_once(inbox, tmp_path, capsys):
    folder, _ = inbox
    ds = tmp_path / "ds"
    ds.mkdir()
    with open(ds / LOCK_NAME, "w") as held:
        fcntl.flock(held, fcntl.LOCK_EX)
        held.write("4242")
        held.flush()
        assert ingest(folder, "--dataset", ds) == 2
    err = capsys.readouterr().err
    assert "another planextract run (pid 4242) is writing" in err and "--wait" in err
    assert not (ds / "documents").exists()
    assert ingest(folder, "--dataset", ds) == 0  # the lock died with its holder


def test_an_unusable_dataset_is_a_one_line_error_before_any_work(inbox, tmp_path, capsys):
    folder, _ = inbox
    a_file = tmp_path / "file"
    a_file.write_text("x")
    assert ingest(folder, "--dataset", a_file) == 2
    assert ingest(folder, "--dataset", a_file / "ds") == 2
    legacy = tmp_path / "legacy"
    (legacy / "actions").mkdir(parents=True)
    pq.write_table(pa.table({"x": [1]}), legacy / "actions" / "part-0.parquet")
    assert ingest(folder, "--dataset", legacy) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 3 and all(line.startswith("planextract: error: ") for line in err)
    assert "is a file" in err[0] and "not a Delta table" in err[2]
    assert sorted(p.name for p in legacy.rglob("*")) == ["actions", "part-0.parquet"]


def test_rows_left_by_a_killed_run_are_removed_before_the_next(inbox, tmp_path):
    folder, made = inbox
    ds = tmp_path / "ds"
    assert ingest(folder, "--dataset", ds) == 0
    # as if a run died after committing actions but before its documents commit
    stray = Dataset(ds).read("actions").slice(0, 3)
    stray = stray.set_column(stray.schema.get_field_index("source"), stray.schema.field("source"),
                             pa.array(["inbox/ghost.txt"] * 3))
    Dataset(ds).commit("actions", stray)
    assert len(pd.read_parquet(ds / "actions")) == 35
    assert ingest(folder, "--dataset", ds) == 0
    actions = pd.read_parquet(ds / "actions")
    assert len(actions) == 32 and "inbox/ghost.txt" not in set(actions["source"])


def test_a_document_whose_rows_break_the_contract_fails_alone():
    good = {"doc_id": "0" * 16, "source": "x.txt", "source_format": "text-tabbed",
            "sha256": "0" * 64, "bytes": 10, "pages": None, "organisation": None,
            "plan_title": None, "n_actions": 1, "status": "ok", "error": None,
            "warnings": [], "seconds": 0.1}
    action = {"doc_id": "0" * 16, "source": "x.txt", "source_format": "text-tabbed",
              "action": "Do it", "owners": [], "owner_people": [], "due_kind": "sometime",
              "strands": [], "scrutiny": [], "extra": {}, "flags": []}
    tables = document_tables(DocumentResult(good, [action]))
    assert tables.document["status"] == "failed"
    assert "actions.due_kind" in tables.document["error"]
    assert tables.tables["actions"].num_rows == 0 and tables.tables["documents"].num_rows == 1
    fine = document_tables(DocumentResult(good, [{**action, "due_kind": "none"}]))
    assert fine.document["status"] == "ok" and fine.tables["actions"].num_rows == 1


def test_the_log_is_one_json_line_per_document_off_a_terminal(inbox, tmp_path, capsys):
    folder, made = inbox
    assert main(["ingest", str(folder), "--dataset", str(tmp_path / "ds")]) == 0
    done = capsys.readouterr()
    records = [json.loads(line) for line in done.err.splitlines()]
    assert sorted(r["source"] for r in records) == sorted(made)
    assert all(set(r) == {"source", "doc_id", "status", "actions", "flags", "seconds", "error"}
               for r in records)
    assert all(r["status"] == "ok" and r["actions"] == 4 for r in records)
    assert "8 read (8 new, 0 changed)" in done.out


def test_help_and_version_say_what_it_does(capsys):
    exe = Path(sys.executable).with_name("planextract")
    text = subprocess.run([str(exe), "--help"], capture_output=True, text=True).stdout
    for words in ("ingest", "extract", "PDF", ".docx", "exit status", "example"):
        assert words in text, words
    with pytest.raises(SystemExit):
        main(["ingest", "--help"])
    ingest_help = capsys.readouterr().out
    for option in ("--dataset", "--prune", "--dry-run", "--timeout", "--max-memory",
                   "--workers", "--engine", "--scheduler", "--wait", "exit status"):
        assert option in ingest_help, option
    with pytest.raises(SystemExit) as exit_:
        main(["--version"])
    assert exit_.value.code == 0 and capsys.readouterr().out.startswith("planextract ")


def test_a_closed_pipe_is_not_a_traceback(inbox, tmp_path):
    folder, _ = inbox
    exe = Path(sys.executable).with_name("planextract")
    done = subprocess.run(f"'{exe}' ingest '{folder}' --dataset '{tmp_path / 'ds'}' "
                          "--log quiet --dry-run | head -c 1 >/dev/null",
                          shell=True, capture_output=True, text=True, timeout=120,
                          env={**os.environ})
    assert "Traceback" not in done.stderr


def test_a_write_that_fails_mid_run_is_one_line_and_keeps_earlier_batches(
        inbox, tmp_path, monkeypatch, capsys):
    folder, made = inbox
    ds = tmp_path / "ds"
    real = Dataset.commit
    calls = []

    def full_disk(self, name, rows, replace=()):
        calls.append(name)
        if len(calls) > 4:  # the second batch finds the disk full
            raise OSError(28, "No space left on device")
        return real(self, name, rows, replace)

    monkeypatch.setattr(Dataset, "commit", full_disk)
    assert ingest(folder, "--dataset", ds, "--commit-every", "3", "--workers", "1") == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert err[-1].startswith("planextract: error: cannot write to the dataset")
    assert "No space left on device" in err[-1] and "Traceback" not in "".join(err)
    assert len(pd.read_parquet(ds / "documents")) == 3  # the first batch is kept
    monkeypatch.setattr(Dataset, "commit", real)
    assert ingest(folder, "--dataset", ds) == 0
    assert sorted(pd.read_parquet(ds / "documents")["source"]) == sorted(made)
    assert len(pd.read_parquet(ds / "actions")) == 32


def test_on_a_terminal_a_progress_bar_counts_documents_and_failures():
    import io

    from planextract.pipeline.progress import Reporter

    stream = io.StringIO()
    reporter = Reporter("bar", stream=stream, terminal=True)
    reporter.start(3)
    for status in ("ok", "failed", "ok"):
        reporter.document({"source": "a", "doc_id": "0", "status": status, "n_actions": 1,
                           "seconds": 0.1, "error": None}, Counter())
    reporter.stop()
    shown = stream.getvalue()
    assert "3/3" in shown and "1 failed" in shown and "ETA" in shown
    assert reporter.failures == 1


def test_input_problems_become_failed_rows_and_notes_are_printed(inbox, tmp_path, monkeypatch,
                                                                 capsys):
    from types import SimpleNamespace

    from planextract.pipeline import run as run_module
    from planextract.pipeline.inputs import InputProblem

    folder, made = inbox
    real = run_module.collect

    def walked(paths, exclude=()):
        scan = real(paths, exclude)
        return SimpleNamespace(
            files=scan.files,
            problems=[InputProblem(str(folder / "pipe"), "a FIFO (named pipe): not read")],
            notes=[InputProblem(str(folder), "2 hidden file(s) skipped")])

    monkeypatch.setattr(run_module, "collect", walked)
    ds = tmp_path / "ds"
    assert ingest(folder, "--dataset", ds) == 1
    out = capsys.readouterr().out
    assert f"note: {folder}: 2 hidden file(s) skipped" in out
    assert f"FAILED: {folder / 'pipe'}: a FIFO (named pipe): not read" in out
    docs = pd.read_parquet(ds / "documents").set_index("source")
    pipe = docs.loc[str(folder / "pipe")]
    assert pipe["status"] == "failed" and pd.isna(pipe["sha256"]) and len(docs) == 9
    # the same problem next time is no change: nothing is committed
    before = versions(ds)
    assert ingest(folder, "--dataset", ds) == 1
    assert versions(ds) == before
    assert "still failed from an earlier run (bytes unchanged): 1" in capsys.readouterr().out
