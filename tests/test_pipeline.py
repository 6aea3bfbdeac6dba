"""The CLI end to end: the samples, broken files beside them, reading back."""

import hashlib
import shutil
import subprocess
import sys
from pathlib import Path

import duckdb
import pandas as pd
import pyarrow.parquet as pq
import pytest
from conftest import SAMPLES

from planextract.pipeline.cli import main


@pytest.fixture(scope="module")
def dataset(tmp_path_factory):
    out = tmp_path_factory.mktemp("out")
    assert main(["extract", str(SAMPLES), "--out", str(out), "--jobs", "2"]) == 0
    return out


def test_every_sample_is_read_with_its_format(dataset):
    docs = pd.read_parquet(dataset / "documents")
    assert (docs["status"] == "ok").all()
    formats = dict(zip(docs["source"].map(lambda s: Path(s).name), docs["source_format"]))
    assert formats["west-mercia-probation-trust_single-equality-scheme-action-plans.txt"] == (
        "text-tabbed")
    assert formats["cheshire-probation_ses-action-plan-year3-2011-12.txt"] == "text-html"
    assert formats["derbyshire-probation-trust_ses-action-plan-2010-11.txt"] == "text-cells"
    text = docs[docs["source"].str.endswith(".txt")]
    assert sorted(text["n_actions"]) == [13, 27, 39, 42, 159]
    counts = dict(zip(docs["source"].map(lambda s: Path(s).name), docs["n_actions"]))
    for name, count in counts.items():
        # every Word and PDF version has as many actions as the plan's text export
        assert count == counts[name.split(".")[0] + ".txt"], name
    assert sum(1 for name in counts if name.endswith(".pdf")) == 7


def test_dataset_reads_back_with_pandas_and_duckdb(dataset):
    actions = pd.read_parquet(dataset / "actions")
    assert actions["source_format"].str.startswith("text").sum() == 280
    with duckdb.connect() as con:
        by_kind = dict(con.execute(
            f"select due_kind, count(*) from read_parquet('{dataset}/actions/*.parquet') "
            "where source_format like 'text%' group by due_kind").fetchall())
        latest = con.execute(
            f"select max(due_date) from read_parquet('{dataset}/actions/*.parquet')").fetchone()
        glossary = con.execute(
            f"select count(distinct abbreviation || expansion) from "
            f"read_parquet('{dataset}/glossary/*.parquet') where origin = 'document'").fetchone()[0]
    assert sum(by_kind.values()) == 280 and by_kind["date"] > 100
    assert str(latest[0]) == "2017-07-31"
    assert glossary == 21


def test_doc_id_is_the_sha256_prefix_of_the_bytes(dataset):
    docs = pd.read_parquet(dataset / "documents")
    for source, doc_id in zip(docs["source"], docs["doc_id"]):
        assert doc_id == hashlib.sha256(Path(source).read_bytes()).hexdigest()[:16]


def test_running_twice_gives_identical_tables(dataset, tmp_path):
    assert main(["extract", str(SAMPLES), "--out", str(tmp_path), "--jobs", "1"]) == 0
    for name in ("actions", "glossary"):
        assert pq.read_table(tmp_path / name).equals(pq.read_table(dataset / name)), name
    # documents differ only in the time each took
    first = pq.read_table(dataset / "documents").drop_columns(["seconds"])
    second = pq.read_table(tmp_path / "documents").drop_columns(["seconds"])
    assert first.equals(second)


def test_broken_files_are_recorded_and_the_rest_still_written(tmp_path, capsys):
    inputs = tmp_path / "in"
    inputs.mkdir()
    shutil.copy(SAMPLES / "derbyshire-probation-trust_ses-action-plan-2010-11.txt", inputs)
    (inputs / "empty.txt").write_bytes(b"")
    (inputs / "notes.txt").write_text("Minutes of the meeting\nNothing tabular here.\n")
    (inputs / "scan.bin").write_bytes(bytes(range(256)) * 8)
    (inputs / "gone.txt").symlink_to(tmp_path / "nowhere.txt")  # a link to nothing
    out = tmp_path / "out"
    assert main(["extract", str(inputs), "--out", str(out), "--log", "quiet"]) == 1
    docs = pd.read_parquet(out / "documents").set_index("source")
    status = {Path(s).name: v for s, v in docs["status"].items()}
    assert status == {"derbyshire-probation-trust_ses-action-plan-2010-11.txt": "ok",
                      "empty.txt": "empty", "notes.txt": "failed", "scan.bin": "failed",
                      "gone.txt": "failed"}
    assert docs["error"].notna().sum() == 4
    # the link's bytes were never read: no hash of them, and an id from its path
    gone = docs.loc[str(inputs / "gone.txt")]
    assert pd.isna(gone["sha256"]) and len(gone["doc_id"]) == 16
    assert gone["doc_id"] != hashlib.sha256(b"").hexdigest()[:16]
    assert len(pd.read_parquet(out / "actions")) == 13
    printed = capsys.readouterr().out
    assert "documents read: 5 (1 ok, 1 empty, 3 failed)" in printed
    assert "FAILED: " + str(inputs / "gone.txt") in printed


def test_a_missing_input_path_is_a_usage_error_that_touches_nothing(dataset, tmp_path, capsys):
    out = tmp_path / "out"
    shutil.copytree(dataset, out)
    before = {p: p.read_bytes() for p in out.rglob("*") if p.is_file()}
    assert main(["extract", str(tmp_path / "not-mounted"), "--out", str(out)]) == 2
    assert "no such file or folder" in capsys.readouterr().err
    assert {p: p.read_bytes() for p in out.rglob("*") if p.is_file()} == before


def test_console_script_is_installed():
    exe = Path(sys.executable).with_name("planextract")
    result = subprocess.run([str(exe), "--help"], capture_output=True, text=True)
    assert result.returncode == 0 and "extract" in result.stdout


def test_extract_turns_a_plain_parquet_dataset_into_delta_tables(tmp_path):
    import pyarrow as pa

    out = tmp_path / "out"
    (out / "actions").mkdir(parents=True)
    pq.write_table(pa.table({"x": [1]}), out / "actions" / "part-0.parquet")
    source = SAMPLES / "derbyshire-probation-trust_ses-action-plan-2010-11.txt"
    assert main(["extract", str(source), "--out", str(out), "--log", "quiet"]) == 0
    assert (out / "actions" / "_delta_log").is_dir()
    assert not (out / "actions" / "part-0.parquet").exists()
    assert len(pd.read_parquet(out / "actions")) == 13
