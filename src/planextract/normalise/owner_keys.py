"""Owner spellings spelt out: the plan's key of abbreviations first, then the builtin
acronyms, then initials the document itself spells out. Kept apart from
``owners`` (which groups and labels the spellings) because it is the one step that
reads the key: what a spelling stands for, before any two are compared."""

from __future__ import annotations

from planextract.lexicon.fold import fold
from planextract.lexicon.role_vocab import Vocabulary
from planextract.normalise.role_labels import spelt_out
from planextract.normalise.role_text import (
    Expander,
    Expansion,
    clean_role,
    fingerprint,
    spelt_out_initials,
    words_of,
)


def _core(words: list[str], vocab: Vocabulary) -> str:
    """The fingerprint of a spelling less its generic words."""
    return fingerprint([w for w in words if fold(w) not in vocab.generic], vocab.stop_words)


def key_forms(key: dict[str, str], vocab: Vocabulary) -> list[tuple[str, str, str]]:
    """Each spelled-out form of the key of three words or more, with its core and
    its fingerprint: made once per document, not once per spelling (issue 11)."""
    return [(v, _core(v.split(), vocab), fingerprint(v.split(), vocab.stop_words))
            for v in key.values() if len(v.split()) > 2]


def key_form(expansion: Expansion, forms: list[tuple[str, str, str]],
              vocab: Vocabulary) -> Expansion:
    """``ACO Business`` is the key's ``ACO – BS`` (Assistant Chief Officer Business
    Services) less a generic word: it takes the key's spelled-out form, when
    exactly one entry of the key fits. ``forms``: ``key_forms`` of the key."""
    mine = _core(list(expansion.words), vocab)
    if len(mine.split()) < 2:
        return expansion
    whole = fingerprint(expansion.words, vocab.stop_words)
    fits = {v for v, core, print_ in forms if core == mine and print_ != whole}
    if len(fits) != 1:
        return expansion
    return Expansion(tuple(words_of(fits.pop())), expansion.sources | {"key"})


def spell_out(spellings: list[str], key: dict[str, str], builtin: dict[str, str],
               vocab: Vocabulary) -> dict[str, Expansion]:
    """Each spelling spelt out: the plan's key, the builtin acronyms, then
    initials the document spells out, but only to join a spelling it prints in
    full (E&D Manager / Equality and Diversity Manager), never to relabel alone."""
    expander = Expander(key, builtin)  # its key cleaned once, not once a spelling
    forms = key_forms(key, vocab)
    base = {s: key_form(expander.expand(s), forms, vocab) for s in spellings}
    # T&DM beside T&D Manager: the initials of a spelling the key or table spell out
    written = sorted({" ".join(e.words) for e in base.values()} | set(spellings))
    known = {clean_role(k) for k in key} | set(builtin)
    printed_words = {w for s in spellings for w in s.split()}
    initials = {a: e for a, e in spelt_out_initials(written, known, vocab.stop_words).items()
                if a in printed_words}
    with_initials = Expander(key, builtin, initials)
    stop = vocab.stop_words
    base_prints = {fingerprint(e.words, stop) for e in base.values()}
    base_prints |= {fingerprint(spelt_out(e, vocab)[0].split(), stop) for e in base.values()}
    out = {}
    for s in spellings:
        spelt = with_initials.expand(s)
        joined = fingerprint(spelt.words, stop)
        own = fingerprint(base[s].words, stop)
        out[s] = spelt if joined != own and joined in base_prints else base[s]
    return out
