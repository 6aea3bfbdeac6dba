"""The held-out form shapes (session 25, scripts/corpus/forms.py): each plan table
printed as a form per action (two-column tables of label and value rows, the action's
number in its label or in a title row, objective rows as headings), in Word, HTML, a
TAB-separated text export and a PDF (ruled, horizontal rules only, or none). They follow
the timeline shapes without moving them, and the pipeline reads them."""

from __future__ import annotations

import sys

import pytest
from conftest import ROOT
from corpus_score import score_document

sys.path.insert(0, str(ROOT / "scripts"))
from corpus.build import generate, schedule  # noqa: E402
from corpus.shapes import SHAPE_FORMATS  # noqa: E402

from planextract.pipeline.document_run import run_one  # noqa: E402

SEED = 6
FORMS = ["docx-form", "pdf-form", "html-form", "text-form"]


def test_the_form_shapes_follow_the_timelines():
    formats = list(SHAPE_FORMATS)
    start = formats.index("xlsx-timeline") + 1
    assert formats[start:start + len(FORMS)] == FORMS
    shaped = schedule(SEED, shapes=True)
    timelines = [i for i, f, _ in shaped if f.endswith("-timeline")]
    assert max(timelines) < min(i for i, f, _ in shaped if f in FORMS)


@pytest.fixture(scope="module")
def forms(tmp_path_factory):
    out = tmp_path_factory.mktemp("forms")
    return out, generate(out, SEED, only=FORMS, shapes=True)


def _score(out, entry):
    import json

    gold = [json.loads(line) for line in
            (out / "gold" / f"{entry['file']}.jsonl").read_text().splitlines()]
    return score_document(gold, run_one(str(out / "docs" / entry["file"])).actions)


def test_word_web_and_text_forms_are_read_whole(forms):
    out, entries = forms
    for entry in (e for e in entries if e["format"] != "pdf-form"):
        score = _score(out, entry)
        assert (score.recall, score.precision) == (1.0, 1.0), entry["file"]
        assert score.share("kind_ok") == 1.0 and score.share("due_ok") == 1.0, entry["file"]


def test_pdf_forms_are_read_at_least_as_far_as_session_25_read_them(forms):
    # unruled forms over page breaks and under strand headings are not read whole yet
    # (README, "Family corpus"): a floor under what the rules read, never the gold
    out, entries = forms
    recalls = [_score(out, e).recall for e in entries if e["format"] == "pdf-form"]
    assert len(recalls) == 3 and min(recalls) >= 0.6 and sum(recalls) / 3 >= 0.8, recalls
