"""The whole hostile corpus (tests/hostile_corpus.py, its small variant) as one
batch: the good files come out right, every bad one is ``failed`` or ``empty``
with a plain message, nothing in the input folder goes unmentioned, the XXE
file's content appears nowhere, and the batch stays within its caps.

Caps, measured on the 2-core development machine (one batch, two workers):
the small corpus takes 2.3 s idle, 19.7 s with other suites loading the machine
(load average 10), and peaks at 150-154 MB RSS in its largest process (the
full-size one, `python tests/hostile_corpus.py OUT --run`: 6.9 s, 210 MB idle);
through `planextract ingest` it took 75 s under the same load. The caps below
leave room for a loaded machine, never for a hang
(the FIFO, the zip bomb and the 5,000-page PDF used to cost minutes to
forever) or a parse of the bomb (it used to take 6.8 GB).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hostile_corpus import build, run_corpus
from hostile_plan import XXE_MARKER

TIME_CAP_S = 300  # the whole small corpus, one batch, 2 workers: a hang guard
# peak resident memory of the largest process of the batch: measured 150-220 MB alone
# and up to 694 MB in a full CI run, where it depends on which worker the 50,000-row
# and 10,000-column cases fall to; the cap stays well under one worker's --max-memory
RSS_CAP_MB = 1000

@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    folder = tmp_path_factory.mktemp("hostile") / "corpus"
    cases = build(folder, small=True)
    out = folder.parent / "out"
    report = run_corpus(folder, out, timeout=TIME_CAP_S)
    return folder, out, cases, report


def _by_name(folder: Path, report: dict) -> dict:
    rows = {}
    for document, actions in zip(report["documents"], report["actions"]):
        rows[str(Path(document["source"]).relative_to(folder))] = (document, actions)
    return rows


def test_every_file_gets_the_answer_a_person_expects(corpus):
    folder, _, cases, report = corpus
    rows = _by_name(folder, report)
    wrong = []
    for case in cases:
        if case.status.startswith("problem:"):
            continue
        document, actions = rows.pop(case.name)
        said = " ".join([document["error"] or "", *document["warnings"]])
        if document["status"] != case.status or case.phrase not in said:
            wrong.append(f"{case.name}: {document['status']}: {said[:200]!r}, expected "
                         f"{case.status} with {case.phrase!r}")
        elif case.actions is not None and tuple(actions) != case.actions:
            wrong.append(f"{case.name}: actions {actions[:4]}, expected {case.actions[:4]}")
        if case.status != "ok" and "internal error" in said:
            wrong.append(f"{case.name}: an internal error: {said}")
    assert not wrong, "\n".join(wrong)
    assert not rows, f"files read that the corpus does not expect: {sorted(rows)}"


def test_nothing_in_the_folder_goes_unmentioned(corpus):
    folder, _, cases, report = corpus
    problems = {str(Path(path).relative_to(folder)): (kind, message)
                for path, kind, message in report["problems"]}
    for case in cases:
        if case.status.startswith("problem:"):
            kind, message = problems.pop(case.name)
            assert kind == case.status.split(":")[1] and case.phrase in message, case.name
    assert not problems


def test_failures_have_plain_messages(corpus):
    _, _, _, report = corpus
    for document in report["documents"]:
        if document["status"] != "ok":
            error = document["error"]
            assert error and "Traceback" not in error and "internal error" not in error
            assert document["n_actions"] == 0


def test_the_external_entity_never_reaches_the_output(corpus):
    _, out, _, report = corpus
    assert XXE_MARKER not in json.dumps(report)
    for table in ("actions", "documents", "glossary", "roles"):
        for path in (out / table).rglob("*"):
            if path.is_file():
                assert XXE_MARKER.encode() not in path.read_bytes(), path


def test_no_nul_or_control_character_reaches_the_actions(corpus):
    _, _, _, report = corpus
    text = report["dump"]
    assert "\\x00" not in text and "\\x07" not in text


def test_the_batch_stays_under_its_memory_cap(corpus):
    _, _, _, report = corpus
    assert report["peak_mb"] < RSS_CAP_MB



def test_ingest_answers_every_file_and_leaves_the_existing_dataset_untouched(tmp_path):
    """The same corpus, plus a file that makes pdfium itself allocate without end,
    ingested through the CLI (isolated workers, memory cap) into a dataset that
    already holds a plan: every file gets its row, the crash costs only its own
    file, and the plan read before keeps its rows unchanged."""
    import shutil
    import subprocess
    import sys

    import pandas as pd
    from hostile_plan import plan_text

    good = tmp_path / "good"
    good.mkdir()
    (good / "plan.txt").write_text(plan_text())
    dataset = tmp_path / "dataset"
    ingest = [sys.executable, "-m", "planextract.pipeline.cli", "ingest", "--dataset",
              str(dataset), "--log", "quiet", "--workers", "2", "--max-memory", "1G"]
    first = subprocess.run([*ingest, str(good)], capture_output=True, text=True, timeout=120)
    assert first.returncode == 0, first.stdout + first.stderr
    before = pd.read_parquet(dataset / "actions")

    folder = tmp_path / "corpus"
    cases = build(folder, small=True)
    bomb = Path(__file__).parent / "fuzz" / "isolated" / "pdf" / "pdfium-memory-bomb.pdf"
    shutil.copy(bomb, folder / bomb.name)
    second = subprocess.run([*ingest, str(folder)], capture_output=True, text=True,
                            timeout=TIME_CAP_S)
    assert second.returncode == 1, second.stdout + second.stderr  # some files failed

    after = pd.read_parquet(dataset / "actions")
    old = after[after["source"] == str(good / "plan.txt")].reset_index(drop=True)
    pd.testing.assert_frame_equal(old, before.reset_index(drop=True), check_dtype=False)
    documents = pd.read_parquet(dataset / "documents")
    rows = {str(Path(s).relative_to(folder)): (status, error)
            for s, status, error in zip(documents["source"], documents["status"],
                                        documents["error"]) if s.startswith(str(folder))}
    expected = {c.name: c.status.removeprefix("problem:") for c in cases
                if c.status != "problem:warning"}
    expected[bomb.name] = "failed"
    assert {name: status for name, (status, _) in rows.items()} == expected
    assert "crashed" in rows[bomb.name][1]
    errors = [error for _, error in rows.values() if isinstance(error, str)]  # null: NaN
    assert len(errors) == sum(1 for status in expected.values() if status != "ok")
    assert not any("internal error" in error for error in errors)
    for path in dataset.rglob("*"):
        if path.is_file():
            assert XXE_MARKER.encode() not in path.read_bytes(), path
