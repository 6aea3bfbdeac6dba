"""The normaliser's remembered rules (issue 11) answer as the rules computed afresh.

Dates are read once per text: ``parse_due`` and ``find_expressions`` against
``read_due`` and ``read_expressions`` (the same rules without the memory), on
date-like text and on every date cell of the samples, and the results they hand
out are fresh (a caller changing one changes no later answer). Logical tables are
found through an index of label prefixes: against comparing every table
before. The whole
documents with every remembered rule swapped for its reference are compared in
test_speed_equivalence.py.
"""

from __future__ import annotations

from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from planextract.lexicon import column_roles
from planextract.lexicon.column_roles import PHRASES, WORDS
from planextract.lexicon.fold import fold
from planextract.lexicon.periods import is_period_label
from planextract.lexicon.role_vocab import load
from planextract.lexicon.text import squash, squash_lines
from planextract.normalise import (
    dates,
    document,
    layout,
    numbering,
    owner_keys,
    owners,
    role_text,
    tables,
)
from planextract.normalise.owner_cells import read_segments, segments
from planextract.normalise.owner_peel import (
    has_head_noun,
    looks_like_role,
    peel_parts,
    remembered_peel_parts,
)
from planextract.normalise.people import is_person
from planextract.settings import DEFAULT

ROOT = Path(__file__).resolve().parent.parent

_DATE_PIECES = st.sampled_from([
    "31", "1", "3", "12", "2012", "2013/14", "13", "Q2", "Q4", "March", "Sept", "Dec", "summer",
    "winter", "-", "–", "/", ".", ",", "to", "and", "ongoing", "from", "onwards", "by", "st",
    "31.6.10", "1/4/2012", "2011-04-01", "Commencement", "every", "month", "", "\n"])
date_text = st.lists(_DATE_PIECES, max_size=8).map(" ".join)


_WORDLESS_DIGITS = st.lists(st.sampled_from([
    "March", "Sept.", "sept", "DEC", "decade", "Mayor", "may", "summer", "ongoing", "Q", "by",
    "end of", "June–July", "–", "-", ",", "\u0662\u0660\u0661\u0662", "\uff12\uff10", "\n", ""]),
    max_size=8).map(" ".join)


@settings(max_examples=300, deadline=None)
@given(_WORDLESS_DIGITS | date_text)
def test_text_without_a_digit_is_searched_for_months_alone_as_by_every_pattern(text):
    """The remembered path reads text with no digit (ASCII or any script's) for
    bare months only; every pattern read afresh finds the same."""
    dates._expressions.cache_clear()
    assert dates.find_expressions(text) == dates.read_expressions(text)
    assert dates.parse_due(text) == dates.read_due(text)


@settings(max_examples=300, deadline=None)
@given(date_text)
def test_remembered_dates_are_the_dates_read_afresh(text):
    assert dates.parse_due(text) == dates.read_due(text)
    assert dates.find_expressions(text) == dates.read_expressions(text)
    assert dates.parse_due(text) == dates.read_due(text)  # and again, from memory


def test_remembered_dates_hand_out_fresh_results():
    first = dates.parse_due("31.6.10 and 2013/14")
    assert first.flags == ["date_impossible"]
    first.flags.append("changed")
    first.kind = "changed"
    again = dates.parse_due("31.6.10 and 2013/14")
    assert again.flags == ["date_impossible"] and again.kind == "date"
    found, flags = dates.find_expressions("31.6.10 and March 2012")
    found.clear()
    flags.clear()
    assert dates.find_expressions("31.6.10 and March 2012") == \
        dates.read_expressions("31.6.10 and March 2012")
    assert dates.parse_due(None) == dates.read_due(None) == dates.DueDate()


def test_every_sample_cell_reads_alike_remembered_or_not():
    """Every line of the text samples as a cell, including each owner test."""
    vocab = load(None)
    lines = {line for path in sorted((ROOT / "samples").glob("*.txt"))
             for row in path.read_text(encoding="utf-8", errors="replace").splitlines()
             for line in row.split("\t")}
    assert len(lines) > 100
    for line in lines:
        assert dates.parse_due(line) == dates.read_due(line), line
        assert squash(line) == squash.__wrapped__(line)
        assert squash_lines(line) == squash_lines.__wrapped__(line)
        assert has_head_noun(line, vocab) == has_head_noun.__wrapped__(line, vocab)
        assert looks_like_role(line, vocab) == looks_like_role.__wrapped__(line, vocab)
        for commas in (False, True):
            assert segments(line, vocab, commas) == read_segments(line, vocab, commas)
        assert remembered_peel_parts(line, vocab, vocab.role_words) == \
            peel_parts(line, vocab, vocab.role_words)
        for beside in (False, True):
            assert is_person(line, vocab, vocab.role_words, beside) == \
                is_person.__wrapped__(line, vocab, vocab.role_words, beside)


_LABELS = st.sets(st.sampled_from(["action", "owner", "lead", "date", "by when", "progress",
                                   "rag", "outcome", "ref", ""]), max_size=5)


_MANY_LABELS = st.sets(st.sampled_from(["action", "actions", "owner", "lead", "date",
                                         "by when", "progress", "rag", "outcome", "ref",
                                         "target", "status", "theme", "risk", "x", "y"]),
                       max_size=9)


@settings(max_examples=400, deadline=None)
@given(st.lists(st.tuples(_MANY_LABELS, st.booleans()), max_size=30))
def test_tables_found_through_the_index_are_the_tables_compared_one_by_one(steps):
    """Blocks in turn: each asks for the last similar table, and a block that
    found none (or, here, any block told to) adds a table, as ``normalise`` does."""
    index = tables.LabelIndex(document._similar_sets)
    for labels, add in steps:
        expected = next((k for k in range(len(index.label_sets) - 1, -1, -1)
                         if document._similar_sets(index.label_sets[k], labels)), None)
        assert index.latest_gathered(labels) == expected  # the walk it replaced
        assert document._latest_similar(index.label_sets, index, labels) == expected
        if expected is None or add:
            index.add(labels)


_FEW_LABELS = st.sets(st.sampled_from(["action", "owner", "lead", "date", "rag", "x"]),
                      max_size=6)


@settings(max_examples=400, deadline=None)
@given(st.lists(st.tuples(_FEW_LABELS | _MANY_LABELS, st.booleans()), max_size=80))
def test_the_bit_sliced_count_finds_what_the_gathered_walk_finds(steps):
    """Many blocks over few labels (counts carried into a third and fourth bit,
    every set size): the bit masks' answer against the prefix candidates
    compared one by one (the walk it replaced) and against every table."""
    index = tables.LabelIndex(document._similar_sets)
    for labels, add in steps:
        expected = next((k for k in range(len(index.label_sets) - 1, -1, -1)
                         if document._similar_sets(index.label_sets[k], labels)), None)
        assert index.latest_gathered(labels) == expected
        assert index.latest(labels) == expected
        if expected is None or add:
            index.add(labels)


@settings(max_examples=300, deadline=None)
@given(_LABELS, _LABELS)
def test_similar_label_sets_as_the_ratio_of_built_sets(x, y):
    assert document._similar_sets(x, y) == (bool(x | y) and len(x & y) / len(x | y) >= 0.5)


def reference_segment_role(words: list[str], skip: tuple[str, ...] = ()) -> str | None:
    """``column_roles._segment_role`` as it was before: every phrase and every stem tried."""
    if len(words) > 1 and words[0] in column_roles._QUESTION:
        return column_roles._QUESTION[words[0]]
    hits: list[tuple[int, int, str]] = []
    covered: set[int] = set()
    for phrase, role in PHRASES:
        if role in skip:
            continue
        parts = phrase.split()
        at = column_roles._phrase_at(words, parts)
        if at is not None:
            hits.append((at + len(parts), len(parts), role))
            covered.update(range(at, at + len(parts)))
    alone = len(words) == 1
    for index, word in enumerate(words):
        if index in covered:
            continue
        for role, stems in WORDS.items():
            if role in skip:
                continue
            if any(column_roles._stem_matches(s, word, alone) for s in stems):
                hits.append((index + 1, 1, role))
                break
    cut = next((i for i, w in enumerate(words) if i > 0 and w in column_roles._PREPOSITIONS),
               len(words))
    head = [h for h in hits if h[0] - h[1] < cut]
    if not hits and len(words) == 2 and words[1] == "by" and column_roles._AGENT.match(words[0]) \
            and "owner" not in skip:
        return "owner"
    return max(head or hits)[2] if hits else None


# words of the vocabulary, their stems run on (``actions``, ``leads``), and others
_HEADER_WORDS = st.sampled_from(sorted(
    {s.lstrip("=^") for stems in WORDS.values() for s in stems}
    | {s.lstrip("=^") + "s" for stems in WORDS.values() for s in stems}
    | {w for phrase, _ in PHRASES for w in phrase.split()}
    | {"by", "led", "the", "plan", "x", "wh", "done", "target", "when", "who"}))
_SKIPS = st.sampled_from([(), ("action",), ("owner",), ("action", "outcome")])


@settings(max_examples=500, deadline=None)
@given(st.lists(_HEADER_WORDS, max_size=6), _SKIPS)
def test_a_label_is_read_as_trying_every_phrase_and_stem(words, skip):
    assert column_roles._segment_role(words, skip) == reference_segment_role(words, skip)


def test_every_sample_label_is_read_as_trying_every_phrase_and_stem():
    lines = {cell for path in sorted((ROOT / "samples").glob("*.txt"))
             for row in path.read_text(encoding="utf-8", errors="replace").splitlines()
             for cell in row.split("\t") if len(cell) < 200}
    for line in lines:
        words = column_roles._words(line)
        for skip in ((), ("action",)):
            assert column_roles._segment_role(words, skip) == reference_segment_role(words, skip)


# -- issue 11, the normaliser's per-row work -----------------------------------

_ROLES = st.sampled_from(["action", "owner", "due", "extra", "theme", "outcome", "action_id"])


@settings(max_examples=200, deadline=None)
@given(st.lists(_ROLES, max_size=8), st.lists(st.tuples(st.integers(0, 7), _ROLES), max_size=4))
def test_a_layouts_columns_are_found_as_by_scanning_its_roles(roles, changes):
    """The index of columns by role follows ``roles`` when they change (as
    ``detect_layout`` changes a theme column to ``extra``)."""
    made = layout.Layout(headers=[""] * len(roles), roles=list(roles))
    for at, role in [(None, None), *changes]:
        if at is not None and at < len(made.roles):
            made.roles[at] = role
        for asked in ("action", "owner", "due", "extra", "theme", "outcome", "action_id"):
            assert list(made.columns(asked)) == [i for i, r in enumerate(made.roles)
                                                 if r == asked]


def reference_word_role(word: str, alone: bool, skip: tuple[str, ...]) -> str | None:
    """``column_roles._word_role`` as it was: every stem of every role tried."""
    for role, stems in WORDS.items():
        if role not in skip and any(column_roles._stem_matches(s, word, alone) for s in stems):
            return role
    return None


@settings(max_examples=500, deadline=None)
@given(_HEADER_WORDS | st.text(alphabet="abcdeilmnoprstuvw", min_size=1, max_size=9),
       st.booleans(), _SKIPS)
def test_a_word_tried_against_the_stems_of_its_letter_reads_as_against_all(word, alone, skip):
    assert column_roles._word_role(word, alone, skip) == reference_word_role(word, alone, skip)


def _owner_cells() -> list[str]:
    """Owner-like cells: every cell of the text samples and of a generated export."""
    import sys
    sys.path.insert(0, str(ROOT / "scripts"))
    import bench_text_plans

    text, _ = bench_text_plans.build("text-tabbed", 60_000, seed=5)
    rows = [row for path in sorted((ROOT / "samples").glob("*.txt"))
            for row in path.read_text(encoding="utf-8", errors="replace").splitlines()]
    return sorted({cell for row in [*rows, *text.splitlines()] for cell in row.split("\t")
                   if 0 < len(cell) < 200})


def reference_document_role_words(cells, vocab, commas):
    """``owners._document_role_words`` as it was: every part of every cell read."""
    words = set(vocab.role_words)
    for text in set(cells):
        for segment in segments(text or "", vocab, commas):
            for part in owners._PARTS.split(segment):
                lowered = part.strip().lower()
                if has_head_noun(part, vocab) and not lowered.startswith(
                        tuple(t + " " for t in vocab.titles)) \
                        and not is_person(part, vocab, vocab.role_words, beside_role=True):
                    words.update(owners._role_words_of(part, vocab))
    return frozenset(words)


def test_owner_parts_read_once_give_the_role_words_and_spellings_read_each_time():
    vocab = load(None)
    cells = _owner_cells()
    assert len(cells) > 300
    for commas in (False, True):
        assert owners._document_role_words(cells, vocab, commas) == \
            reference_document_role_words(cells, vocab, commas)
    expander = role_text.Expander({"ACO": "Assistant Chief Officer", "E&D": "Equality and "
                                   "Diversity"}, dict(vocab.acronyms))
    for cell in cells:
        assert expander.expand(cell) == expander.read(cell) == expander.expand(cell)
        assert role_text.words_of(cell) == role_text.words_of.__wrapped__(cell)
        assert numbering.normalise_id(cell) == numbering.normalise_id.__wrapped__(cell)
        for dotted in (False, True):
            assert numbering.split_leading(cell, dotted) == \
                numbering.split_leading.__wrapped__(cell, dotted)


_CELL = st.lists(st.sampled_from(["Develop", "the", "plan", "31 March 2012", "1.2", "Green",
                                  "Head of HR", "  ", "\n", "Chief Executive", "ongoing", "A1",
                                  "Review", "policy", "Amber", ""]), max_size=6).map(" ".join)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(["Action", "Lead", "Target", "Progress", "Ref", "", "Theme",
                                 "Outcome", "By when", "RAG"]), min_size=1, max_size=5),
       st.lists(st.lists(_CELL, min_size=5, max_size=5), min_size=1, max_size=6))
def test_columns_squashed_by_the_caller_resolve_as_squashed_inside(headers, rows):
    from planextract.normalise import column_evidence, columns

    width = len(headers)
    raw = [[row[i] for row in rows] for i in range(width)]
    squashed = [[squash(v) for v in column] for column in raw]
    roles = columns.header_roles(headers)
    assert column_evidence.resolve(headers, roles, squashed, squashed=True) == \
        column_evidence.resolve(headers, roles, raw)


def reference_is_header_row(cells: list[str]) -> bool:
    """``column_roles.is_header_row`` as it was: every cell squashed first (with
    session 25's timeline rule: three periods or more make the years labels, and
    count as one known label)."""
    filled = [squash(c) for c in cells if c.strip()]
    periods = [c for c in filled if is_period_label(c)]
    timeline = len(periods) >= DEFAULT.columns.timeline_header
    if len(filled) < 2 or any(column_roles._NUMBERED.match(c)
                              and not (timeline and c in periods) for c in filled):
        return False
    if any(len(c) > 80 or len(c.split()) > 10 for c in filled):
        return False
    if any(len(c.split()) >= (4 if c.endswith(".") else 5 if column_roles.opens_with_verb(c)
                              else 99) for c in filled):
        return False
    known = len([r for r in map(column_roles.role_of, filled) if r in column_roles.SIGNIFICANT])
    return known + (timeline and known == 1) >= 2


_LABEL_CELL = st.lists(_HEADER_WORDS | st.sampled_from(["Develop", "1.", "2", "\n", " ", ".",
                                                       "Review the", "policy."]),
                       max_size=12).map(" ".join) | st.sampled_from(
    ["2010/11", "2012", "Q1 2012", "Apr-12", "31/3/11"])  # timelines' periods, a date


@settings(max_examples=400, deadline=None)
@given(st.lists(_LABEL_CELL, max_size=6))
def test_a_header_row_is_told_as_with_every_cell_squashed_first(cells):
    assert column_roles.is_header_row(cells) == reference_is_header_row(cells)


def test_every_sample_row_is_told_a_header_as_before():
    for path in sorted((ROOT / "samples").glob("*.txt")):
        for row in path.read_text(encoding="utf-8", errors="replace").splitlines():
            cells = row.split("\t")
            assert column_roles.is_header_row(cells) == reference_is_header_row(cells), row


def reference_key_form(expansion, key, vocab):
    """``owner_keys.key_form`` as it was: every entry of the key read for each spelling."""
    def core(words):
        return role_text.fingerprint([w for w in words if fold(w) not in vocab.generic],
                                     vocab.stop_words)

    mine = core(list(expansion.words))
    if len(mine.split()) < 2:
        return expansion
    whole = role_text.fingerprint(list(expansion.words), vocab.stop_words)
    fits = {v for v in key.values() if len(v.split()) > 2 and core(v.split()) == mine
            and role_text.fingerprint(v.split(), vocab.stop_words) != whole}
    if len(fits) != 1:
        return expansion
    return role_text.Expansion(tuple(role_text.words_of(fits.pop())),
                               expansion.sources | {"key"})


def test_the_keys_forms_made_once_fit_spellings_as_read_for_each():
    vocab = load(None)
    key = {"ACO – BS": "Assistant Chief Officer Business Services",
           "ACO – OM": "Assistant Chief Officer Offender Management",
           "HR": "Human Resources", "E&D": "Equality and Diversity Team Manager",
           "ACE": "Assistant Chief Executive", "DCE": "Deputy Chief Executive Team"}
    expander = role_text.Expander(key, dict(vocab.acronyms))
    forms = owner_keys.key_forms(key, vocab)
    spellings = [*_owner_cells(), "ACO Business", "Assistant Chief Officer Business",
                 "ACO Offender", "Equality and Diversity Manager", "Deputy Chief Executive"]
    changed = 0
    for spelling in spellings:
        expansion = expander.expand(spelling)
        got = owner_keys.key_form(expansion, forms, vocab)
        assert got == reference_key_form(expansion, key, vocab), spelling
        changed += got != expansion
    assert changed  # the key's forms were taken somewhere


@settings(max_examples=300, deadline=None)
@given(st.lists(st.integers(0, 40), max_size=70), st.integers(0, 45), st.integers(0, 2**70))
def test_at_least_reads_bit_sliced_counts_as_the_counts_compared(counts, need, among):
    """``tables._at_least``: the tables among ``among`` counting ``need`` or more,
    from the counts' bits, as comparing each count."""
    sliced = [sum(((c >> i) & 1) << k for k, c in enumerate(counts))
              for i in range(max(counts, default=0).bit_length())]
    expected = sum(1 << k for k, c in enumerate(counts) if c >= need and among >> k & 1)
    assert tables._at_least(sliced, need, among) & ((1 << len(counts)) - 1) == expected


_ROLE_WORDS = st.sampled_from(["head", "hed", "manager", "mgr", "managr", "comms", "communication",
                               "communications", "hr", "human", "resources", "deputy", "dep",
                               "department", "vice", "chancellor", "vicechancellor", "officer",
                               "equality", "equalities", "senior", "director", "dir", "team"])


@settings(max_examples=600, deadline=None)
@given(st.lists(_ROLE_WORDS, min_size=1, max_size=6), st.lists(_ROLE_WORDS, min_size=1,
                                                                  max_size=6),
       st.sets(_ROLE_WORDS, max_size=3))
def test_words_paired_once_each_align_as_every_ordering_tried(x, y, dotted):
    """``role_match._bijection`` asks each pair of words once and looks for an
    ordering in the answers; ``bijection_by_orderings`` asked every ordering."""
    from planextract.normalise import role_match

    vocab = load(None)
    tolerance = DEFAULT.owners
    words = [w.lower() for w in x]
    for other in (y, words[::-1], words[:-1] + ["mgr"]):
        assert role_match._bijection(tuple(words), tuple(other), vocab, frozenset(dotted),
                                     tolerance) == \
            role_match.bijection_by_orderings(tuple(words), tuple(other), vocab,
                                              frozenset(dotted), tolerance)
