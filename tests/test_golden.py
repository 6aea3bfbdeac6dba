"""Every sample against its hand-checked golden file, field by field."""

import json

import pytest
from conftest import GOLDEN, ROOT, SAMPLES

from planextract.pipeline.document_run import run_one

FIELDS = ["line_start", "line_end", "table", "section", "objective_id", "objective",
          "outcome_id", "outcome", "action_id_raw", "action_id", "action", "owners",
          "owner_people", "due_raw", "due_kind", "due_date", "due_start", "progress", "rag",
          "risk", "strands", "scrutiny", "duty_relevance", "flags"]
COMPARED_FLAGS = {"merged_split_row", "split_stacked_cell", "split_numbered_actions",
                  "renumbered", "columns_swapped", "date_impossible", "date_unparsed"}
SAMPLE_FILES = sorted(p for p in SAMPLES.iterdir() if p.suffix == ".txt")


def _actual(record: dict) -> dict:
    out = {k: record[k] for k in FIELDS}
    for key in ("due_date", "due_start"):
        out[key] = out[key].isoformat() if out[key] else None
    out["flags"] = sorted(set(out["flags"]) & COMPARED_FLAGS)
    return out


@pytest.mark.parametrize("sample", SAMPLE_FILES, ids=lambda p: p.stem)
def test_sample_matches_golden(sample):
    golden_file = GOLDEN / f"{sample.stem}.jsonl"
    assert golden_file.exists(), f"no golden file for {sample.name}"
    expected = [json.loads(line) for line in golden_file.read_text().splitlines() if line]
    result = run_one(str(sample.relative_to(ROOT)) if sample.is_relative_to(ROOT) else str(sample))
    assert result.document["status"] == "ok", result.document["error"]
    actual = [_actual(a) for a in result.actions]
    problems = []
    if len(actual) != len(expected):
        problems.append(f"{len(actual)} actions, golden has {len(expected)}")
    for index, (want, got) in enumerate(zip(expected, actual)):
        name = f"record {index + 1} (action {want.get('action_id')!r}, line {want['line_start']})"
        for field in FIELDS:
            want_value = sorted(want[field]) if field == "flags" else want[field]
            if got[field] != want_value:
                problems.append(f"{name}: {field}: expected {want_value!r}, got {got[field]!r}")
    assert not problems, f"{sample.name}: {len(problems)} mismatches\n" + "\n".join(problems[:60])
