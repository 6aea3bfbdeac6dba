"""The drafts step's CPU work of session 19 (issue 11) against the code it replaced,
kept here as the reference: ``rows.TableBuilder``'s rows fed with the columns read
once a builder, the filled cells once a row and a row of one action given its cells
whole (tests/rows_reference.py); the first pass's header search squashing the rows
below its search only for a row of labels (``table_texts.SQUASH_AS_READ``);
``plan_columns`` parsing dates only while its answer is open; ``mostly_numbered``
counting only until its answer is certain; ``heading_strands`` answering at once
for a heading with a word no strand heading holds; and ``document._title_like``
asking the cheap tests first. Each is compared call by call
where it is a function, and all of them over whole documents: the samples (PDF and
Word too), generated exports of every text shape at two sizes and the family
corpus' text formats. The output must be identical."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from rows_reference import ReferenceTableBuilder
from text_exports import everything, swap_everywhere, whole_documents

from planextract.extract.registry import read_document
from planextract.normalise import (
    column_evidence,
    document,
    headings,
    numbering,
    rows,
    strands,
)
from planextract.normalise import table_texts as text_pass
from planextract.settings import DEFAULT


def reference_plan_columns(columns: list[list[str]],
                           settings: object = DEFAULT.columns) -> bool:
    """``column_evidence.plan_columns`` before: every column's dates and scores read."""
    dated = [i for i, c in enumerate(columns) if column_evidence.dated_column(c)]
    texts = [i for i, c in enumerate(columns)
             if column_evidence.action_score(c) > settings.evidence_floor]
    return any(t != d for t in texts for d in dated)


def reference_mostly_numbered(cells: list[str],
                              share: float = DEFAULT.columns.numbered_share) -> str | None:
    """``numbering.mostly_numbered`` before: every cell counted, twice over."""
    if not cells:
        return None
    split_leading = numbering.split_leading
    dotted = sum(1 for v in cells if split_leading(v, dotted_only=True).raw)
    if dotted >= 0.5 * len(cells):
        return "dotted"
    plain = sum(1 for v in cells if split_leading(v).raw and split_leading(v).text)
    return "plain" if plain >= share * len(cells) else None


def reference_heading_strands(text: str) -> list[str]:
    """``strands.heading_strands`` before: every heading's terms read to the end."""
    if len(text.split()) > 8:
        return []
    for candidate in (text, strands.unlabelled(text)):
        cleaned = strands._NOISE.sub(" ", candidate)
        cleaned = strands._PUNCTUATION.sub(" ", cleaned)
        terms = [" ".join(t.lower().split()) for t in strands._terms(cleaned)]
        if not terms or not all(strands.known_term(t) for t in terms):
            continue
        out: list[str] = []
        for term in terms:
            strands._add(out, strands.known_term(term))
        return out
    return strands.group_heading(text)


def reference_title_like(text: str) -> bool:
    """``document._title_like`` before: split and classified first."""
    return (len(text.split()) <= 10 and not text.endswith(".")
            and headings.classify(text) is None and text[:1].isupper())


@pytest.fixture(scope="module")
def inputs(tmp_path_factory) -> list:
    """``text_exports.whole_documents``."""
    return whole_documents(tmp_path_factory.mktemp("drafts-cpu"), (5, 13, 23), per_format=3)


def _references(monkeypatch) -> None:
    """Every replaced path of this file swapped in at once."""
    monkeypatch.setattr(text_pass, "SQUASH_AS_READ", False)
    assert swap_everywhere(monkeypatch, {
        id(rows.TableBuilder): ReferenceTableBuilder,
        id(column_evidence.plan_columns): reference_plan_columns,
        id(numbering.mostly_numbered): reference_mostly_numbered,
        id(strands.heading_strands): reference_heading_strands,
        id(document._title_like): reference_title_like}) >= 6


def test_whole_documents_are_the_same_with_the_replaced_code(inputs, monkeypatch):
    now = [everything(p) for p in inputs]
    _references(monkeypatch)
    assert document.TableBuilder is ReferenceTableBuilder
    before = [everything(p) for p in inputs]
    for path, got, expected in zip(inputs, now, before):
        assert got == expected, path.name
    assert sum(len(actions) for _, actions, *_ in now) > 1000


def test_every_block_finds_the_same_header_and_plan_columns(inputs, monkeypatch):
    """``find_header`` with the rows squashed as read against all squashed first,
    and every ``plan_columns`` answer against the reference's, block by block."""
    from planextract.normalise import header_rows

    asked = []
    real_plan = header_rows.plan_columns

    def plan(columns, *args):
        got = real_plan(columns, *args)
        assert got == reference_plan_columns(columns, *args)
        asked.append(got)
        return got

    monkeypatch.setattr(header_rows, "plan_columns", plan)
    real = text_pass.find_header
    blocks = []

    def find(rows_, *args):
        monkeypatch.setattr(text_pass, "SQUASH_AS_READ", False)
        expected = real(rows_, *args)
        monkeypatch.setattr(text_pass, "SQUASH_AS_READ", True)
        got = real(rows_, *args)
        assert got == expected
        blocks.append(got)
        return got

    monkeypatch.setattr(text_pass, "find_header", find)
    for path in inputs:
        document.drafts_of(read_document(path.read_bytes(), DEFAULT), DEFAULT, consume=True)
    assert len(blocks) > 400 and any(h is None for h in blocks)
    assert True in asked and False in asked  # both answers were compared


_CELLS = st.sampled_from([
    "", "Lead", "Owner", "March 2025", "Q3 2024", "2024-25", "Ongoing", "By June",
    "Review the policy and publish the findings to all staff",
    "Develop a training plan for every school leader", "1.2", "Amber",
    "Work with partners to reduce waiting times across the county"])


@settings(max_examples=300, deadline=None)
@given(st.lists(st.lists(_CELLS, max_size=6), max_size=6))
def test_plan_columns_answers_as_the_reference(columns):
    assert column_evidence.plan_columns(columns) == reference_plan_columns(columns)


_NUMBERED = st.sampled_from([
    "", "1 Develop a plan", "1.1 Agree the terms", "2.3", "A1 Review", "Review the plan",
    "1. Publish", "12.4.1 Train staff", "2024 Report", "a) Consult", "1.2.", "No number"])


@settings(max_examples=300, deadline=None)
@given(st.lists(_NUMBERED, max_size=12), st.sampled_from([0.3, 0.5, 0.6, 1.0]))
def test_mostly_numbered_answers_as_the_reference(cells, share):
    assert numbering.mostly_numbered(cells, share) == reference_mostly_numbered(cells, share)


_HEADING_PIECES = st.sampled_from([
    "Race", "race", "DISABILITY", "Equality", "equalities", "Strand", "strands", "and",
    "&", "/", ",", ";", ":", ".", "-", "–", "(", ")", "\n", " ", "  ", "1.", "2",
    "Religion", "belief", "or", "Marriage", "civil partnership", "Pregnancy", "maternity",
    "LGBT", "carers", "Sex", "gender", "Action", "plan", "Our", "n/a", "_", "Carers's",
    "Age", "all strands", "Ethnicity", "BME", "é", "Faith", "religionor", "İ", "x",
    "Protected characteristic", "actions", "Tasks", "Equality group"])


@settings(max_examples=500, deadline=None)
@given(st.lists(_HEADING_PIECES, max_size=8).map("".join))
def test_heading_strands_answers_as_the_reference(text):
    assert strands.heading_strands(text) == reference_heading_strands(text)


@settings(max_examples=300, deadline=None)
@given(st.lists(_HEADING_PIECES, max_size=6).map(" ".join))
def test_heading_strands_answers_as_the_reference_on_spaced_words(text):
    assert strands.heading_strands(text) == reference_heading_strands(text)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["Objective 1", "Race", "the", "Plan", "Section 2", ".",
                                 " ", "Action plan", "a", "B", "2.", "Outcome"]),
                max_size=14).map(" ".join))
def test_title_like_answers_as_the_reference(text):
    assert document._title_like(text) == reference_title_like(text)


def test_a_header_search_reads_the_rows_below_only_for_a_row_of_labels(monkeypatch):
    """A data row first: the rows past the search are never squashed; a row of
    labels over plan cells: they are, and the header is found."""
    squashed = []
    real = text_pass.squashed

    def spy(rows_):
        squashed.append(len(rows_))
        return real(rows_)

    monkeypatch.setattr(text_pass, "squashed", spy)
    data = [["Review the policy and publish the findings", "Lead officer", "March 2025"]]
    assert text_pass.find_header(data * 20) is None
    assert squashed == [DEFAULT.columns.header_search + 1]
    squashed.clear()
    labelled = [["Alpha", "Beta", "Gamma"], *data * 20]
    header = text_pass.find_header(labelled)
    assert header is not None and header.labels == ["Alpha", "Beta", "Gamma"]
    assert squashed == [DEFAULT.columns.header_search + 1, 12 - DEFAULT.columns.header_search - 1]
    monkeypatch.setattr(text_pass, "SQUASH_AS_READ", False)
    assert text_pass.find_header(labelled) == header
