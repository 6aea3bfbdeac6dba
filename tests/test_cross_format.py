"""Each plan read from its Word and PDF versions gives the same actions as its
text export: same text, numbers, owners, dates and context; only provenance
differs, and a PDF's page provenance matches its hand-checked page file."""

import json

import pytest
from conftest import GOLDEN, SAMPLES

from planextract.pipeline.document_run import run_one

SAME = ["action_id", "action", "owners", "owner_people", "due_kind", "due_date", "due_start",
        "outcome_id", "outcome", "section", "objective_id", "objective", "strands", "table",
        "scrutiny"]
PLANS = {p.stem for p in SAMPLES.glob("*.txt")}
WORD_FILES = sorted(SAMPLES.glob("*.docx"))
PDF_FILES = sorted(SAMPLES.glob("*.pdf"))


def plan_of(path) -> str:
    """``plan.pdf`` and ``plan.no-rules.pdf`` are both versions of ``plan``."""
    return path.name.split(".")[0]


def expected_actions(path) -> list[dict]:
    return [json.loads(line) for line in
            (GOLDEN / f"{plan_of(path)}.jsonl").read_text().splitlines() if line]


def content_mismatches(expected: list[dict], actions: list[dict]) -> list[str]:
    problems = []
    for index, (want, got) in enumerate(zip(expected, actions)):
        for key in SAME:
            value = got[key].isoformat() if hasattr(got[key], "isoformat") else got[key]
            if value != want[key]:
                problems.append(f"record {index + 1} ({want['action_id']}): {key}: "
                                f"expected {want[key]!r}, got {value!r}")
    return problems


def test_every_plan_has_a_word_and_a_pdf_version():
    assert {p.stem for p in WORD_FILES} == PLANS
    assert {plan_of(p) for p in PDF_FILES} == PLANS
    # and at least two PDFs drawn another way: no rules, horizontal rules only
    assert any(".no-rules" in p.name for p in PDF_FILES)
    assert any(".horizontal-rules" in p.name for p in PDF_FILES)


@pytest.mark.parametrize("word", WORD_FILES, ids=lambda p: p.stem)
def test_word_version_gives_the_same_actions(word):
    expected = expected_actions(word)
    result = run_one(str(word))
    assert result.document["status"] == "ok" and result.document["source_format"] == "docx"
    assert len(result.actions) == len(expected)
    problems = content_mismatches(expected, result.actions)
    assert all(a["line_start"] is None and a["page_start"] is None for a in result.actions)
    assert not problems, "\n".join(problems[:40])


@pytest.mark.parametrize("pdf", PDF_FILES, ids=lambda p: getattr(p, "name", str(p)))
def test_pdf_version_gives_the_same_actions_on_the_right_pages(pdf):
    expected = expected_actions(pdf)
    pages_file = GOLDEN / f"{pdf.name.removesuffix('.pdf')}.pages.jsonl"
    assert pages_file.exists(), f"no page provenance file for {pdf.name}"
    pages = [json.loads(line) for line in pages_file.read_text().splitlines() if line]
    result = run_one(str(pdf))
    assert result.document["status"] == "ok", result.document["error"]
    assert result.document["source_format"] == "pdf"
    assert len(result.actions) == len(expected)
    problems = content_mismatches(expected, result.actions)
    for index, (want, got) in enumerate(zip(pages, result.actions)):
        assert want["action_id"] == expected[index]["action_id"]
        span = (got["page_start"], got["page_end"])
        if span != (want["page_start"], want["page_end"]):
            problems.append(f"record {index + 1} ({want['action_id']}): pages: expected "
                            f"{(want['page_start'], want['page_end'])}, got {span}")
    assert all(a["line_start"] is None for a in result.actions)
    assert not problems, "\n".join(problems[:40])


ODT_FILES = sorted((SAMPLES.parent / "tests" / "documents" / "odt").glob("*.odt"))


def test_two_plans_have_an_opendocument_version():
    assert len(ODT_FILES) == 2 and {plan_of(p) for p in ODT_FILES} <= PLANS


@pytest.mark.parametrize("odt", ODT_FILES, ids=lambda p: p.stem)
def test_opendocument_version_gives_the_same_actions(odt):
    """What LibreOffice really writes (scripts/build_odt_samples.py: the Word
    version saved as .odt) reads back to the plan's golden records. Its pages are
    the soft page breaks LibreOffice wrote: where it wrote every one (the Cheshire
    plan), the pages of its PDF; where its headless layout left some out, never
    past them."""
    expected = expected_actions(odt)
    result = run_one(str(odt))
    assert result.document["status"] == "ok" and result.document["source_format"] == "odt"
    assert len(result.actions) == len(expected)
    problems = content_mismatches(expected, result.actions)
    assert not problems, "\n".join(problems[:40])
    pages = [json.loads(line) for line in
             (GOLDEN / f"{plan_of(odt)}.pages.jsonl").read_text().splitlines() if line]
    spans = [(a["page_start"], a["page_end"]) for a in result.actions]
    printed = [(p["page_start"], p["page_end"]) for p in pages]
    if plan_of(odt).startswith("cheshire"):
        assert spans == printed
    assert all(a[0] <= b[0] and a[1] <= b[1] for a, b in zip(spans, printed))
    assert spans == sorted(spans) and all(a["line_start"] is None for a in result.actions)
