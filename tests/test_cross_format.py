"""Each plan read from its Word version gives the same actions as its text
export: same text, numbers, owners, dates and context; only provenance differs."""

import json

import pytest
from conftest import GOLDEN, SAMPLES

from planextract.pipeline.document_run import run_one

SAME = ["action_id", "action", "owners", "owner_people", "due_kind", "due_date", "due_start",
        "outcome_id", "outcome", "section", "objective_id", "objective", "strands", "table",
        "scrutiny"]
WORD_FILES = sorted(SAMPLES.glob("*.docx"))


def test_every_plan_has_a_word_version():
    assert {p.stem for p in WORD_FILES} == {p.stem for p in SAMPLES.glob("*.txt")}


@pytest.mark.parametrize("word", WORD_FILES, ids=lambda p: p.stem)
def test_word_version_gives_the_same_actions(word):
    expected = [json.loads(line) for line in
                (GOLDEN / f"{word.stem}.jsonl").read_text().splitlines() if line]
    result = run_one(str(word))
    assert result.document["status"] == "ok" and result.document["source_format"] == "docx"
    problems = []
    assert len(result.actions) == len(expected)
    for index, (want, got) in enumerate(zip(expected, result.actions)):
        for key in SAME:
            value = got[key].isoformat() if hasattr(got[key], "isoformat") else got[key]
            if value != want[key]:
                problems.append(f"record {index + 1} ({want['action_id']}): {key}: "
                                f"expected {want[key]!r}, got {value!r}")
        assert got["line_start"] is None and got["page_start"] is None
    assert not problems, "\n".join(problems[:40])
