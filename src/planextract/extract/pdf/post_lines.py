"""Whether two printed lines of a PDF cell are two posts listed one a line
rather than one wrapped post, where the layout cannot tell: each line fills
the cell (``Director Offender Mgt.`` / ``Operations Manager`` / ``LDU
Managers``), so the next line's first word would not have fitted above.

A line is a whole post when every word is capitalised (or a linking word:
``of``, ``and``, ``to the``) and it is shaped as one: it ends in a post noun
(``Manager``, ``Registrar``, ``Board``: the role vocabulary's head nouns, as
printed or shortened) or opens with one (``Director Offender Mgt.``, ``Head
of Human Resources``). Two such lines are two posts, except a lone post noun
under a line ending in one (``Chief Executive`` / ``Officer``): a compound
post wrapped. ``Head of Professional`` / ``Standards`` is one post: the
second line names none. Sentences of an action cell are never all
capitalised, so their wraps are left alone.
"""

from __future__ import annotations

import re
from functools import lru_cache

from planextract.lexicon.fold import fold
from planextract.lexicon.role_vocab import load

_WORD = re.compile(r"[A-Za-z][\w'’.&-]*")
# a post's initials printed alone (``PM``, ``HR``, ``L&D``, ``ACO``)
_INITIALISM = re.compile(r"[A-Z][A-Z&]{1,5}")


@lru_cache(maxsize=1)
def _posts() -> tuple[frozenset[str], dict[str, tuple[str, ...]], frozenset[str]]:
    vocab = load()
    return vocab.head_nouns - vocab.rank_modifiers, dict(vocab.contractions), vocab.stop_words


@lru_cache(maxsize=1)
def _ranks() -> frozenset[str]:
    return load().rank_modifiers


def _post_noun(word: str) -> bool:
    heads, contractions, _ = _posts()
    spelt = contractions.get(word.lower().rstrip("."), ())
    return fold(word) in heads or any(fold(e) in heads for e in spelt)


def _words(line: str) -> list[str] | None:
    """The line's words, or None when one is neither capitalised nor linking."""
    stop = _posts()[2]
    words = line.split()
    for word in words:
        if word in {"&", "-", "–"}:
            continue
        if not _WORD.fullmatch(word) or not (word[0].isupper() or word.lower() in stop):
            return None
    return [w for w in words if w not in {"&", "-", "–"}]


def is_post_line(line: str) -> bool:
    """A printed line that is one whole post (see the module docstring): not
    one that ends in a linking word or a rank (``Board Secretary and
    Deputy``), nor one holding ``and`` (``Director of Finance and Estates``
    may run on into ``Manager``)."""
    words = _words(line)
    heads, _, stop = _posts()
    if not words or words[0].lower() in stop or words[-1].lower() in stop:
        return False
    if "&" in line.split() or any(w.lower() == "and" for w in words):
        return False
    if words[-1].lower() in _ranks():
        return False
    return _post_noun(words[-1]) or (_post_noun(words[0]) and len(words) > 1)


def post_shaped(line: str) -> bool:
    """A printed line shaped as one post whatever its linking words (``Learning
    and Development Adviser``): asked only where the count of lines is itself
    the evidence (``cell_text.parallel_lines``: one a stacked action). So is a
    line of one initialism (``PM``, ``HR``, ``L&D``): an owner cell prints a
    post's initials alone, and no post wraps onto a line of them."""
    if _INITIALISM.fullmatch(line):
        return True
    words = _words(line)
    stop = _posts()[2]
    if not words or words[0].lower() in stop or words[-1].lower() in stop:
        return False
    return _post_noun(words[-1]) or (_post_noun(words[0]) and len(words) > 1)


def posts_apart(above: str, below: str) -> bool:
    """Whether ``below`` is a post of its own under the post ``above``."""
    if not (is_post_line(above) and is_post_line(below)):
        return False
    lower = _words(below) or []
    return not (len(lower) == 1 and _post_noun((_words(above) or [""])[-1]))


def line_words(line: str) -> list[str] | None:
    """A printed line's words when each is capitalised or a linking word, else None."""
    return _words(line)


def stop_words() -> frozenset[str]:
    """The role vocabulary's linking words (``of``, ``and``, ``the``)."""
    return _posts()[2]


def names_post(line: str) -> bool:
    """A printed line of two or more capitalised words holding a post noun
    anywhere (``Vice Principal Curriculum``), not ending in a linking word, or an
    initialism: a post as far as
    its words go, asked only where the plan's own cells vouch for the rest of
    the cell (``posts_alone``)."""
    if _INITIALISM.fullmatch(line):
        return True
    words = _words(line)
    stop = _posts()[2]
    if not words or len(words) < 2 or words[0].lower() in stop or words[-1].lower() in stop:
        return False  # a lone post noun (``Head``) may be a wrapped post's last word
    heads = load().head_nouns  # ``Principal`` and ``Chief`` too: nouns of a post here
    return any(fold(word) in heads or _post_noun(word) for word in words)


def post_noun(word: str) -> bool:
    """A post's head noun as printed or shortened (``Manager``, ``Mgr``, ``Head``)."""
    return _post_noun(word)
