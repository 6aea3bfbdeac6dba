"""What a column's cells say about posts: whether they name posts (an owner column's
cells) by the role vocabulary's head nouns and their contractions, never by a
measure's figures nor by a date. Read by ``column_evidence`` (split from it by job:
the post words apart from the weighing of roles)."""

from __future__ import annotations

import re
from functools import lru_cache

from planextract.lexicon import role_vocab
from planextract.normalise import dates

_LOWER_WORD = re.compile(r"[a-z]+")  # compiled once: asked of every cell of a column


def _dated(text: str) -> bool:
    return dates.parse_due(text).kind not in ("unknown", "none")


def owner_like(values: list[str], share: float = 0.6) -> bool:
    """Most filled cells are short names of posts or bodies: a few words, no
    date, one of them a head noun of a role (``manager``, ``head``, ``team``:
    the role vocabulary's word class), as an owner column holds. A head noun
    shortened (the vocabulary's contractions: ``Mgr``, ``Dir``) counts printed as
    a capitalised word of its own after another word (``Procurement Mgr``), never
    first (``Off track``) nor inside a word (``One-off``: many contractions are
    words too). A date is left out of the share: an owner column holds one where a
    row swapped its owner and its date, and a column of dates has no cell left."""
    filled = [v for v in values if v and not _dated(v)]
    if not filled:
        return False
    heads, short, _stop = _post_words()
    return sum(_names_post(v, heads, short) for v in filled) >= share * len(filled)


def _names_post(value: str, heads: frozenset[str], short: frozenset[str]) -> bool:
    """A few words, no date, no figure, one of them a head noun (``owner_like``):
    a measure names people too (``78% of managers trained``, ``Satisfaction at 83% for
    all groups``), a post never counts them."""
    words = _LOWER_WORD.findall(value.lower())
    return (0 < len(words) <= 12 and not any(c.isdigit() for c in value) and not _dated(value)
            and (any(w in heads or w.rstrip("s") in heads for w in words)
                 or any(t[:1].isupper() and t.rstrip(".,;:").lower() in short
                        for t in value.split()[1:])))


def _post_name(value: str, heads: frozenset[str], short: frozenset[str],
               stop_words: frozenset[str]) -> bool:
    """A cell printed as the names of posts: a head noun among a few words, every
    word capitalised but the function words (``Head of Planning``, ``Lead for
    Safeguarding and Park Ranger Manager``). Its first word may be a verb too
    (``Head``, ``Lead``, ``Park``), but a sentence is never written so."""
    return (_names_post(value, heads, short)
            and all(w[:1].isupper() or not w[:1].isalpha() or w.lower() in stop_words
                    for w in value.split()))


def _post_words() -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """The role vocabulary's head nouns, their shortened forms and its stop words:
    what ``_names_post`` and ``_post_name`` read a cell with."""
    vocab = role_vocab.load()
    return vocab.head_nouns, _shortened_heads(vocab), vocab.stop_words


@lru_cache(maxsize=4)
def _shortened_heads(vocab: role_vocab.Vocabulary) -> frozenset[str]:
    """The contractions that spell out a head noun (``mgr`` -> ``manager``)."""
    return frozenset(word for word, spelt in vocab.contractions.items()
                     if _LOWER_WORD.fullmatch(word)
                     and any(w in vocab.head_nouns for e in spelt for w in e.split()))
