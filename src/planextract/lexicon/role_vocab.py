"""The builtin role vocabulary (``data/roles.toml``), loaded once, with a user's
own file merged in.

Kept as data, not code, so that a user can add the posts of their own sector
(``planextract extract --roles FILE``) without touching the rules.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib


class RolesFileError(ValueError):
    """A user's roles file that cannot be read: the message says what to fix."""


@dataclass(frozen=True)
class VocabRole:
    label: str
    variants: tuple[str, ...] = ()
    acronyms: tuple[str, ...] = ()
    sectors: tuple[str, ...] = ()


@dataclass(frozen=True, eq=False)  # hashed by identity: loaded once, cached by it
class Vocabulary:
    acronyms: Mapping[str, str]
    contractions: Mapping[str, tuple[str, ...]]
    head_nouns: frozenset[str]
    rank_modifiers: frozenset[str]
    generic: frozenset[str]
    stop_words: frozenset[str]
    quantifiers: frozenset[str]
    titles: tuple[str, ...]  # longest first, lower case
    roles: tuple[VocabRole, ...]

    @property
    def role_words(self) -> frozenset[str]:
        """Every word the vocabulary uses in a role: such a word is never a surname."""
        return _role_words(self)


@lru_cache(maxsize=8)
def _role_words(vocab: Vocabulary) -> frozenset[str]:
    words = set(vocab.head_nouns) | vocab.rank_modifiers | vocab.generic | vocab.quantifiers
    words |= set(vocab.contractions)
    for expansions in vocab.contractions.values():
        words.update(expansions)
    texts = [*vocab.acronyms.values()]
    for role in vocab.roles:
        texts.extend([role.label, *role.variants])
    for text in texts:
        words.update(w.lower().strip("'’") for w in text.replace("-", " ").split())
    return frozenset(words - vocab.stop_words)


def _builtin_data() -> dict:
    text = resources.files("planextract.data").joinpath("roles.toml").read_text("utf-8")
    return tomllib.loads(text)


def _user_data(path: str) -> dict:
    try:
        with open(path, "rb") as handle:
            data = tomllib.load(handle)
    except OSError as err:
        raise RolesFileError(f"cannot open the roles file {path}: {err.strerror or err}") from err
    except tomllib.TOMLDecodeError as err:
        raise RolesFileError(f"the roles file {path} is not valid TOML: {err}") from err
    for index, role in enumerate(data.get("role", [])):
        if not isinstance(role, dict) or not isinstance(role.get("label"), str):
            raise RolesFileError(f"the roles file {path}: [[role]] number {index + 1} "
                                 "needs a label = \"...\"")
    return data


def merge(base: dict, user: dict) -> dict:
    """The user's roles are added; their acronyms, contractions and words win
    or extend the builtin ones."""
    out = {key: (dict(value) if isinstance(value, dict) else value)
           for key, value in base.items()}
    out["acronyms"] = {**base.get("acronyms", {}), **user.get("acronyms", {})}
    out["contractions"] = {**base.get("contractions", {}), **user.get("contractions", {})}
    words = {k: list(v) for k, v in base.get("words", {}).items()}
    for key, values in user.get("words", {}).items():
        words[key] = sorted(set(words.get(key, [])) | set(values))
    out["words"] = words
    out["role"] = [*user.get("role", []), *base.get("role", [])]
    return out


def build(data: dict) -> Vocabulary:
    words = data.get("words", {})

    def word_set(name: str) -> frozenset[str]:
        return frozenset(w.lower() for w in words.get(name, []))

    roles = tuple(VocabRole(r["label"], tuple(r.get("variants", ())),
                            tuple(r.get("acronyms", ())), tuple(r.get("sectors", ())))
                  for r in data.get("role", []))
    contractions = {k.lower(): tuple(v if isinstance(v, list) else [v])
                    for k, v in data.get("contractions", {}).items()}
    titles = tuple(sorted({t.lower() for t in words.get("titles", [])}, key=lambda t: -len(t)))
    return Vocabulary(
        acronyms=dict(data.get("acronyms", {})), contractions=contractions,
        head_nouns=word_set("head_nouns"), rank_modifiers=word_set("rank_modifiers"),
        generic=word_set("generic"), stop_words=word_set("stop_words"),
        quantifiers=word_set("quantifiers"), titles=titles, roles=roles)


def load(user_file: str | None = None) -> Vocabulary:
    """The builtin vocabulary, with ``user_file`` merged in when given: one object
    however it is asked for. (The cache used to sit here, where ``load()`` and
    ``load(None)`` are two keys: the fork server loaded the first, ``owners.resolve``
    asks for the second, so every worker parsed the TOML and indexed it again on its
    first document, ~10 ms before its first result: issue 8.)"""
    return _load(user_file or None)


@lru_cache(maxsize=8)
def _load(user_file: str | None) -> Vocabulary:
    data = _builtin_data()
    if user_file:
        data = merge(data, _user_data(user_file))
    return build(data)


# the kind of body a plan belongs to, read off its organisation or title
_SECTORS = [
    ("police", r"police|constabulary"),
    ("probation", r"probation|offender management|rehabilitation company"),
    ("fire", r"fire and rescue|fire & rescue|fire service|fire authority"),
    ("nhs", r"\bnhs\b|hospital|health ?care|clinical commissioning|foundation trust"),
    ("university", r"universit|college"),
    ("housing", r"housing|\bhomes\b"),
    ("council", r"council|borough|county|district"),
]


def sector_of(*texts: str | None) -> str | None:
    """``Kestrel Downs Constabulary`` -> ``police``; None when nothing says."""
    joined = " ".join(t for t in texts if t).lower()
    for sector, pattern in _SECTORS:
        if re.search(pattern, joined):
            return sector
    return None


def acronyms_for(vocab: Vocabulary, sector: str | None) -> dict[str, str]:
    """The builtin acronyms a plan of ``sector`` may use: an acronym the
    vocabulary gives only to posts of other sectors is left out (DCS is a
    council's Director of Children's Services, not a police rank)."""
    if sector is None:
        return dict(vocab.acronyms)
    owners: dict[str, set[str]] = {}
    for role in vocab.roles:
        for acronym in role.acronyms:
            owners.setdefault(acronym, set()).update(role.sectors)
    return {a: e for a, e in vocab.acronyms.items()
            if not owners.get(a) or sector in owners[a]}
