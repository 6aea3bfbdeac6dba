"""The one string a role is known by, chosen from its spellings without
regard to the order they were printed in.

In turn: the preferred label of the builtin vocabulary (``Head of Human
Resources``) where the role is in it; else the spelled-out form (the plan's
key, the builtin acronyms, initials the plan spells out, unambiguous
contractions), the most printed one; else the most printed spelling. Ties go
to the alphabetically first, so one role spelled the same after expansion gets
one label in every document.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from planextract.lexicon.fold import fold
from planextract.lexicon.role_vocab import VocabRole, Vocabulary
from planextract.normalise.role_text import Expander, Expansion, fingerprint, is_acronym, words_of


@dataclass(frozen=True)
class Spelling:
    """One printed spelling of a role in a document, as the label rules see it."""

    text: str
    mentions: int
    expansion: Expansion
    vocab: VocabRole | None
    fuzzy: bool


def _compact(words: list[str] | tuple[str, ...], stop_words: frozenset[str]) -> str:
    """The words run together in printed order: ``Pro-Vice-Chancellor`` and
    ``Pro Vice-Chancellor`` alike."""
    return "".join(fold(w) for w in words if w.lower() not in stop_words)


@lru_cache(maxsize=8)
def vocab_index(vocab: Vocabulary) -> dict[str, VocabRole]:
    """Fingerprint (and compact form) of every label, variant and acronym
    (spelt out with the builtin acronyms) -> its role; the first role wins."""
    expander = Expander({}, dict(vocab.acronyms))
    index: dict[str, VocabRole] = {}
    for role in vocab.roles:
        for text in (role.label, *role.variants, *role.acronyms):
            words = list(expander.expand(text).words)
            index.setdefault(fingerprint(words, vocab.stop_words), role)
            index.setdefault("=" + _compact(words, vocab.stop_words), role)
    return index


def _lookup(words: list[str], vocab: Vocabulary) -> VocabRole | None:
    index = vocab_index(vocab)
    return (index.get(fingerprint(words, vocab.stop_words))
            or index.get("=" + _compact(words, vocab.stop_words)))


def vocab_role(expansion: Expansion, vocab: Vocabulary) -> VocabRole | None:
    """The vocabulary's role for a spelling, as printed or with its
    contractions spelt out (``Ops Manager`` is the ``Operations Manager``); a
    contraction with several meanings (``Dep``) counts when exactly one of them
    makes a role of the vocabulary (``Dep Chief Executive``)."""
    found = _lookup(list(expansion.words), vocab)
    if found is None:
        found = _lookup(spelt_out(expansion, vocab)[0].split(), vocab)
    if found is not None:
        return found
    options = [vocab.contractions.get(w.lower().rstrip("."), ()) for w in expansion.words]
    if not any(len(o) > 1 for o in options):
        return None
    readings: list[list[str]] = [[]]
    for word, choices in zip(expansion.words, options):
        choices = list(choices) or [word]
        readings = [[*r, *c.split()] for r in readings for c in choices][:16]
    hits = {id(role): role for role in (_lookup(r, vocab) for r in readings) if role}
    return next(iter(hits.values())) if len(hits) == 1 else None


def _known_word(word: str, vocab: Vocabulary) -> bool:
    return word.lower() in vocab.role_words or word.lower() in vocab.stop_words


def title_case(words: list[str] | tuple[str, ...], vocab: Vocabulary) -> str:
    """``dedicated Probation Officer`` -> ``Dedicated Probation Officer``; acronyms
    and mixed case (``OASys``) kept; ``ALL`` -> ``All``; ``of``, ``and`` lower."""
    out = []
    for index, word in enumerate(words):
        if is_acronym(word) and not _known_word(word, vocab):
            out.append(word)
        elif word.isupper() and len(word) > 1:
            out.append(word.capitalize())
        elif index and word.lower() in vocab.stop_words:
            out.append(word.lower())
        else:
            out.append(word[:1].upper() + word[1:])
    return " ".join(out)


_TAKES_OF = ("head", "director")  # posts printed as `Head of X`, shortened to `Hd X`


def spelt_out(expansion: Expansion, vocab: Vocabulary) -> tuple[str, bool]:
    """The label form of a spelling, and whether no acronym is left in it."""
    words: list[str] = []
    printed = list(expansion.words)
    for index, word in enumerate(printed):
        choices = vocab.contractions.get(word.lower().rstrip("."), ())
        words.extend(choices[0].split() if len(choices) == 1 else [word])
        following = printed[index + 1].lower() if index + 1 < len(printed) else ""
        if (choices and len(choices) == 1 and choices[0] in _TAKES_OF and index == 0
                and following and following not in ("of", "for", "to")
                and fold(following) not in vocab.head_nouns):
            words.append("of")  # Hd Estates is the Head of Estates, Dir. Finance its Director
    full = not any(is_acronym(w) and not _known_word(w, vocab) for w in words)
    return title_case(words, vocab), full


def _plural(word: str, vocab: Vocabulary) -> bool:
    return word.lower() != fold(word) and fold(word) in vocab.head_nouns


def number(words: list[str], vocab: Vocabulary) -> list[str]:
    """A label names the post, so its head noun is singular (``Policy Officers``
    -> ``Policy Officer``, as ``SPOs`` is the key's ``SPO``), except for a group
    opened by a quantifier (``All Managers``, ``All ACOs`` -> ``All ... Officers``)."""
    if not words:
        return words
    last = words[-1]
    if words[0].lower() in vocab.quantifiers and len(words) > 1:
        if last.lower() in vocab.head_nouns:
            return [*words[:-1], last + "s"]
        return words
    if _plural(last, vocab):
        single = last[:-3] + "y" if last.lower().endswith("ies") else last[:-1]
        return [*words[:-1], single]
    return words


def _head_first(words: list[str], vocab: Vocabulary) -> list[str]:
    """One order for one post, whichever a plan prints, so a role printed in
    either order reads the same in every plan: ``Head`` first (``Estates Head`` ->
    ``Head of Estates``); a post noun that opens ``... for X`` last (``Lead for
    Safeguarding`` -> ``Safeguarding Lead``: no plan need print both for its label
    to be one); ``Director`` first after a plural noun (``Operations Director`` ->
    ``Director of Operations``), never after a word that may be an adjective
    (``Clinical Director`` stays). Rank modifiers stay in front."""
    lowered = [w.lower() for w in words]
    if len(words) < 2:
        return words
    lead = 0
    while lead < len(words) - 1 and lowered[lead] in vocab.rank_modifiers:
        lead += 1
    if lead == len(words) - 1:
        return words
    if any(w in ("of", "to", "for") for w in lowered):
        # Lead for Safeguarding: one post noun, then for, then what it is for
        if (len(words) - lead > 2 and lowered[lead + 1] == "for"
                and lowered[lead] not in _TAKES_OF and fold(words[lead]) in vocab.head_nouns
                and not any(w in ("of", "to", "for") for w in lowered[lead + 2:])):
            return [*words[:lead], *words[lead + 2:], words[lead]]
        return words
    if lowered[-1] != "head" and not (lowered[-1] == "director" and _plural_noun(lowered[-2])):
        return words
    return [*words[:lead], words[-1], "of", *words[lead:-1]]


def _plural_noun(word: str) -> bool:
    """A word in the plural (``operations``, ``estates``): a noun, never an adjective,
    so ``Operations Director`` is the ``Director of Operations`` (``Clinical
    Director`` keeps its order)."""
    return (len(word) > 3 and word.endswith("s")
            and not word.endswith(("ss", "us", "is", "'s", "’s")))


def choose(spellings: list[Spelling], vocab: Vocabulary) -> tuple[str, str | None]:
    """(label, where it came from: ``vocabulary`` or None) for one role's spellings.

    Among spelled-out forms the choice does not depend on how often each is
    printed, so that one role printed alike gets one label in every plan:
    no acronym left, the title form, the fullest (``Business Services`` over
    ``Business``), no contraction needed, then alphabetical. Only when every
    form keeps an acronym does the most printed one win."""
    hits: dict[str, int] = {}
    for s in spellings:
        if s.vocab is not None:
            hits[s.vocab.label] = hits.get(s.vocab.label, 0) + s.mentions
    if hits:
        return min(hits, key=lambda k: (-hits[k], k)), "vocabulary"
    forms: dict[str, list[int]] = {}
    for s in spellings:
        form, full = spelt_out(s.expansion, vocab)
        form = " ".join(number(_head_first(form.split(), vocab), vocab))
        shortened = int(any(w.lower().rstrip(".") in vocab.contractions
                            for w in s.expansion.words) or s.text.endswith("."))
        tally = forms.setdefault(form, [int(full), 0, 1])
        tally[1] += s.mentions
        tally[2] = min(tally[2], shortened)
    if any(tally[0] for tally in forms.values()):
        label = min((f for f in forms if forms[f][0]), key=lambda f: (
            not _title_form(f), -len(f.split()), forms[f][2], _plurals(f), -forms[f][1], f))
    else:
        label = min(forms, key=lambda f: (-forms[f][1], forms[f][2], f))
    return label, None


def _plurals(label: str) -> int:
    """Words in the plural: of ``Equalities Officer`` and ``Equality Officer`` the
    singular names the post, whichever a plan happens to print."""
    return sum(1 for w in label.split() if fold(w) != w.lower().replace("-", ""))


def _title_form(label: str) -> bool:
    return any(w in ("of", "to", "for") for w in label.lower().split())


def anchors(spelling: Spelling, label: str, source: str | None, vocab: Vocabulary,
            contractions: bool = False) -> bool:
    """Does the label come from this spelling (not merely joined to it)? Without
    ``contractions``, only as printed or with its acronyms spelt out."""
    if source == "vocabulary":
        return spelling.vocab is not None
    if contractions:
        form = spelt_out(spelling.expansion, vocab)[0]
    else:
        form = title_case(spelling.expansion.words, vocab)
    return " ".join(number(_head_first(form.split(), vocab), vocab)) == label


def match_code(spelling: Spelling, label: str, stop_words: frozenset[str]) -> str:
    """How the spelling was tied to its role, for the ``roles`` table."""
    if spelling.fuzzy or "initials" in spelling.expansion.sources:
        return "fuzzy"
    printed = fingerprint(words_of(spelling.text), stop_words)
    if printed == fingerprint(label.split(), stop_words):
        return "exact"
    if "key" in spelling.expansion.sources:
        return "key"
    if "builtin" in spelling.expansion.sources:
        return "builtin"
    return "vocabulary"  # the vocabulary's label, or its contractions spelt out
