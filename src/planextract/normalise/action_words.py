"""Does a cell open the way an action is worded? Plans print actions as
imperatives (``Develop ...``), but also as ``To develop``, ``We will``,
``Managers should``, ``HR to``, or as a verb made noun (``Review of``,
``Development of``). Used as evidence for the action column and for where a
run-together numbered action starts."""

from __future__ import annotations

import re

from planextract.lexicon.verbs import VERBS, opens_with_verb

# a modal within the first words: ``To``, ``We will``, ``Managers should``, ``HR to``
_MODAL = re.compile(r"^(?:to|(?:[\w'&-]+\s+){0,4}(?:will|should|shall|must|to|would))\s+[a-z]",
                    re.I)
# ``X to`` names an agent (``HR to``, ``Managers to``), never an adverb or an adjective
# taking an infinitive, which ``-ly`` and ``-ble`` end (``less likely to``, ``unable
# to``): a statement of a state, as an issue is worded
_STATE_TO = re.compile(r"^(?:[\w'&-]+\s+){0,3}[\w'&-]+(?:ly|ble)\s+to\s", re.I)
_NOMINAL_SUFFIX = re.compile(r"(?:tion|sion|ment|sis|ance|ence|al|ing|ure|out|ew)$")
_CAPITAL_THEN_WORD = re.compile(r"\s*([A-Z][a-z-]+)\s+([a-z]+)\b")
_WORD = re.compile(r"[A-Za-z-]+")  # compiled once: asked of every action cell
# a leading number, ``A 1`` too (as ``numbering`` reads ids)
_LEAD_ID = re.compile(r"^\s*(?:[A-Z]\s?)?\d{1,4}(?:\s?\.\s?\d{1,3})*[.)]?\s+")
# an imperative the verb list does not hold: a capitalised first word followed by a
# determiner (``Redesign the``, ``Scope a``, ``Tackle all``): nouns seldom are
_DETERMINERS = {"the", "a", "an", "our", "all", "each", "every", "its", "their", "any",
                "existing", "current"}
_ARTICLES = {"a", "an", "the", "further", "continued", "annual", "ongoing", "full", "new"}


def action_like(text: str) -> bool:
    """Does a cell open the way an action is worded: an imperative verb, a
    modal (``We will``, ``X to``), or a verb made noun followed by ``of``/``on``?"""
    text = _LEAD_ID.sub("", text)
    if opens_with_verb(text):
        return True
    stripped = text.strip()
    modal = _MODAL.match(stripped)
    if modal and not _STATE_TO.match(stripped[:modal.end()]):
        return True
    first = _CAPITAL_THEN_WORD.match(text)
    if first and first.group(2) in _DETERMINERS:
        return True
    words = _WORD.findall(text[:60].lower())
    while words and words[0] in _ARTICLES:
        words = words[1:]
    if len(words) < 2 or words[1] not in ("of", "on"):
        return False
    return words[0] in VERBS or bool(_NOMINAL_SUFFIX.search(words[0]))
