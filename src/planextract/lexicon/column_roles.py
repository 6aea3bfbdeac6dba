"""Column roles: what each header means, whatever the plan calls it.

A header is read as words, not matched against a closed list of labels: every
role has a vocabulary of words (stems) and phrases, a header's role is the role
of its head word (the last role word before any preposition: ``Action Owner``
is an owner, ``Lead for action`` too, ``Action Required`` an action), a phrase
beats a single word (``Success measure`` is an outcome), of a header printed as
alternatives (``Action / Measurable Outcome``, ``Risks / Issues``) the first
alternative that names a role decides, and one naming both who and when
(``Lead and timescale``) is cut into both. What the cells hold is weighed
afterwards (``normalise.column_evidence``).

In ``lexicon`` because the readers name columns with it too (the one-cell-per-line
reader finds its header row by these labels); ``normalise.columns`` holds the
rules over a table's header as a whole.
"""

from __future__ import annotations

import re

from planextract.lexicon.periods import is_period_label
from planextract.lexicon.text import squash
from planextract.lexicon.verbs import opens_with_verb
from planextract.memo import vocabulary
from planextract.settings import DEFAULT

# Phrases (several words, matched as a sequence of word stems) win over single words.
PHRASES: list[tuple[str, str]] = [
    ("general duty", "duty"),
    ("what we will do", "action"), ("will do", "action"), ("will be done", "action"),
    ("what action", "action"), ("how we will", "action"), ("will we do", "action"),
    ("we will do", "action"), ("going to do", "action"), ("needs to be done", "action"),
    ("need to do", "action"), ("what we are doing", "action"),
    ("how will we know", "outcome"), ("how we will know", "outcome"),
    ("success look like", "outcome"), ("what difference", "outcome"),
    ("when will", "due"),
    ("by whom", "owner"), ("who is responsible", "owner"), ("responsible party", "owner"),
    ("by when", "due"), ("time frame", "due"), ("time scale", "due"),
    ("success measure", "outcome"), ("success criteria", "outcome"),
    ("measure of success", "outcome"), ("measures of success", "outcome"),
    ("outcome measure", "outcome"), ("performance measure", "outcome"),
    ("performance indicator", "outcome"), ("measurable outcome", "outcome"),
    ("evidence of success", "outcome"), ("want to achieve", "outcome"),
    ("how we will measure", "outcome"), ("expected result", "outcome"),
    ("current position", "progress"), ("rag status", "progress"),
    ("rag rating", "rag"),
    ("monitored by", "scrutiny"), ("reported to", "scrutiny"), ("reporting to", "scrutiny"),
    ("protected characteristic", "strand"), ("equality group", "strand"),
    ("action no", "action_id"), ("action number", "action_id"), ("action ref", "action_id"),
    ("ref no", "action_id"), ("item no", "action_id"),
    ("start date", "start"), ("date started", "start"), ("end date", "due"),
    ("priority area", "theme"), ("strategic theme", "theme"),
]
# Single words: a stem matches a word that starts with it; "=" marks a whole word,
# "^" a word that must be the whole header (``To``, ``From``).
WORDS: dict[str, tuple[str, ...]] = {
    "action": ("action", "task", "activit", "=description", "recommendation", "=measure",
               "=measures", "deliverable", "initiative", "=step", "=steps", "intervention",
               "=specific", "=how"),
    "owner": ("lead", "owner", "responsib", "=who", "department", "=contact", "officer",
              "=person", "=team", "accountab", "=monitoring", "directorate", "=manager",
              "assigned", "sponsor", "champion"),
    "due": ("=due", "date", "deadline", "timescale", "timeframe", "=when", "target",
            "completion", "=complete", "=completed", "milestone", "timeline", "=end",
            "=finish", "^to", "time-bound", "=timed", "^by", "^until"),
    "start": ("=start", "^from", "commenc", "=begin", "=started"),
    "outcome": ("outcome", "=aim", "=aims", "objective", "=goal", "=goals", "result",
                "=impact", "benefit", "=kpi", "=kpis", "measurable", "=purpose"),
    "action_id": ("=no", "=ref", "=reference", "=#", "=number", "=item", "=id", "=nos"),
    "progress": ("progress", "update", "status", "comment", "=position", "remark",
                 "commentary"),
    "rag": ("=rag", "=rating"),
    "risk": ("risk",),
    "strand": ("strand", "=pc", "characteristic"),
    "scrutiny": ("scrutiny", "oversight", "governance", "assurance"),
    "issue": ("issue", "=problem", "=gap", "=gaps", "finding", "concern", "barrier",
              "=why"),
    "theme": ("=theme", "=themes", "workstream", "=priority"),
}
# roles that tell a table of actions from any other table
SIGNIFICANT = {"action", "outcome", "owner", "due", "scrutiny", "strand", "progress", "risk",
               "start", "rag", "issue", "owner_due"}
# an action column named by one of these words is weaker than one named "action"
WEAK_ACTION = ("task", "activit", "description", "recommendation", "measure", "deliverable",
               "initiative", "step", "intervention", "specific", "how")

_PREPOSITIONS = {"to", "for", "of", "against", "with", "in", "on", "from"}
_ALTERNATIVES = re.compile(r"\s*(?:/|\||\(|\)|\s[-–—]\s|:|;)\s*")
_BOTH = re.compile(r"\s*(?:/|&|\band\b|,)\s*", re.I)
_WORD = re.compile(r"#|[a-z][a-z'-]*|\d+")


def _words(text: str) -> list[str]:
    text = text.lower().replace("&", " and ")
    return [w.strip("'-") for w in _WORD.findall(text) if w.strip("'-")]


def _stem_matches(stem: str, word: str, alone: bool) -> bool:
    if stem.startswith("^"):
        return alone and word == stem[1:]
    if stem.startswith("="):
        return word == stem[1:]
    return word.startswith(stem)


def _phrase_at(words: list[str], phrase: list[str]) -> int | None:
    """Where ``phrase`` starts in ``words`` (a part longer than three letters may
    be a word's stem), or None. Plain loops: this runs for every phrase of every
    label read (issue 11)."""
    size = len(phrase)
    for i in range(len(words) - size + 1):
        for w, p in zip(words[i:i + size], phrase):
            if not (w == p or (len(p) > 3 and w.startswith(p))):
                break
        else:
            return i
    return None


# a header worded as a question asks for its role with its first word
# (``Who will do it``, ``When will it be done``)
_QUESTION = {"who": "owner", "whom": "owner", "when": "due"}


# ``<verb>ed by`` names the agent who does it (``Led by``, ``Delivered by``): the owner,
# unless the words say a date (``Completed by``) or scrutiny (``Monitored by``)
_AGENT = re.compile(r"^[a-z]+(?:ed|led|wned|one|ne)$")


@vocabulary(DEFAULT.memo.words)
def _phrases_opened_by(word: str) -> frozenset[int]:
    """Indexes of the phrases whose first part ``word`` matches as ``_phrase_at``
    matches a part: remembered per word, so a label is tried against the few
    phrases it can hold, not all of them (issue 11)."""
    return frozenset(i for i, (phrase, _) in enumerate(PHRASES)
                     if (first := phrase.split()[0]) == word
                     or (len(first) > 3 and word.startswith(first)))


def _by_initial() -> dict[str, tuple[tuple[str, tuple[str, ...]], ...]]:
    """``WORDS`` split by the first letter of each stem (``^`` and ``=`` aside), roles
    in ``WORDS`` order: a stem matches only a word of its first letter."""
    out: dict[str, list[tuple[str, tuple[str, ...]]]] = {}
    for role, stems in WORDS.items():
        for initial in dict.fromkeys(s.lstrip("=^")[:1] for s in stems):
            out.setdefault(initial, []).append(
                (role, tuple(s for s in stems if s.lstrip("=^")[:1] == initial)))
    return {initial: tuple(pairs) for initial, pairs in out.items()}


_WORDS_BY_INITIAL = _by_initial()


@vocabulary(DEFAULT.memo.words)
def _word_role(word: str, alone: bool, skip: tuple[str, ...]) -> str | None:
    """The first role (in ``WORDS`` order) one of whose stems matches ``word``:
    remembered per word, and tried only against the stems of its first letter
    (issue 11)."""
    for role, stems in _WORDS_BY_INITIAL.get(word[:1], ()):
        if role not in skip and any(_stem_matches(s, word, alone) for s in stems):
            return role
    return None


def _segment_role(words: list[str], skip: tuple[str, ...] = ()) -> str | None:
    """The role one alternative of a header names, or None: the role a question
    word opening it asks for, else the role word that ends last (the head noun);
    a phrase covers the words inside it."""
    if len(words) > 1 and words[0] in _QUESTION:
        return _QUESTION[words[0]]
    hits: list[tuple[int, int, str]] = []  # (end, length, role)
    covered: set[int] = set()
    # only a phrase whose first part some word matches can be found (issue 11)
    for index in sorted(set().union(*(_phrases_opened_by(w) for w in words))):
        phrase, role = PHRASES[index]
        if role in skip:
            continue
        parts = phrase.split()
        at = _phrase_at(words, parts)
        if at is not None:
            hits.append((at + len(parts), len(parts), role))
            covered.update(range(at, at + len(parts)))
    alone = len(words) == 1
    for index, word in enumerate(words):
        if index in covered:
            continue
        role = _word_role(word, alone, skip)
        if role is not None:
            hits.append((index + 1, 1, role))
    # words after a preposition complement the head (``Lead for action``,
    # ``Actions required to achieve outcome``, ``Progress against target``)
    cut = next((i for i, w in enumerate(words) if i > 0 and w in _PREPOSITIONS), len(words))
    head = [h for h in hits if h[0] - h[1] < cut]
    if not hits and len(words) == 2 and words[1] == "by" and _AGENT.match(words[0]) \
            and "owner" not in skip:
        return "owner"
    return max(head or hits)[2] if hits else None


@vocabulary(DEFAULT.memo.words)  # pure, and asked of every cell of every candidate header row
def role_of(header: str, skip: tuple[str, ...] = ()) -> str:
    """The role a column header names; ``extra`` when it names none. A header
    naming both who and when (``Lead and timescale``, ``Owner / Date``) is
    ``owner_due``: its cells are cut into the two. ``skip``: roles the cells
    ruled out (the header's next best reading is wanted)."""
    label = squash(header).strip(" :*?.")
    if not label:
        return "extra"
    segments = [_segment_role(_words(s), skip) for s in _BOTH.split(label)]
    if "owner" in segments and "due" in segments:
        return "owner_due"
    for segment in _ALTERNATIVES.split(label):
        role = _segment_role(_words(segment), skip)
        if role:
            return role
    return "extra"


def names_action_in_complement(header: str) -> bool:
    """The header says ``action`` only after a preposition, its head word naming
    nothing (``Reason for action``): a weaker name than a head word would be."""
    words = _words(header)
    cut = next((i for i, w in enumerate(words) if i > 0 and w in _PREPOSITIONS), None)
    return cut is not None and role_of(header) == "action" \
        and _segment_role(words[:cut]) is None


@vocabulary(DEFAULT.memo.words)  # pure; asked of every candidate column's header (issue 11)
def is_weak_action(header: str) -> bool:
    """An action column named by a word other than ``action`` (``Task``,
    ``Recommendation``): it gives way to a column named ``Action``."""
    words = _words(header)
    if any(w.startswith("action") for w in words) or _segment_role(words) != "action":
        return False
    return any(w.startswith(s) for w in words for s in WEAK_ACTION)


_NUMBERED = re.compile(r"^\s*\d")


def is_header_row(cells: list[str]) -> bool:
    """A row of column labels: short cells, several known labels, no numbered cell.
    The cheapest test first: most rows are data with a cell too long for a label
    (issue 11)."""
    filled = []
    for cell in cells:
        if cell.strip():
            label = squash(cell)
            if len(label) > 80:
                return False  # the rest of the row left unread
            filled.append(label)
    if len(filled) < 2:
        return False
    # a timeline's years open with a digit and are labels, where three or more
    # periods stand in the row: a data row prints a year in its date cell, or two
    numbered = [c for c in filled if _NUMBERED.match(c)]
    if numbered and not (all(is_period_label(c) for c in numbered) and _timeline(filled)):
        return False
    if any(len(c.split()) > 10 for c in filled):
        return False
    # a sentence is not a label: an instruction of five words or more, or a full stop
    # after four words (``Issue to be addressed`` and ``Action No.`` are labels)
    if any(len(c.split()) >= (4 if c.endswith(".") else 5 if opens_with_verb(c) else 99)
           for c in filled):
        return False
    known = sum(1 for c in filled if role_of(c) in SIGNIFICANT)
    if known != 1:
        return known >= 2
    # a timeline's periods side by side say "when" as a date column's label does
    return _timeline(filled)


def _timeline(labels: list[str]) -> bool:
    """Three periods or more in a row of labels (``ColumnSettings.timeline_header``):
    a timeline's head, where a data row prints a date or two (Start and End)."""
    return sum(1 for c in labels if is_period_label(c)) >= DEFAULT.columns.timeline_header
