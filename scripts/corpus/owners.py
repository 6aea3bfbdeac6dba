"""Owner cells as plans print them, with the canonical owners and people beside.

A document picks its roles, two or three spellings of each (a spelling its key
defines only when the document has a key) and the separators it uses between
owners; every cell is then drawn from those.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

from corpus import vocab
from corpus.vocab import Role

SEPARATORS = ["/", ", ", " and ", "\n"]


@dataclass
class OwnerCell:
    printed: str  # "\n" where the plan breaks the line
    owners: list[str]  # canonical labels, printed order
    people: list[str]


@dataclass
class OwnerStyle:
    roles: list[Role]
    spellings: dict[str, list[str]]  # label -> spellings this document prints
    separators: list[str]
    key: dict[str, str]  # abbreviations this document's key defines for owners


def choose_style(rng: random.Random, sector: str, with_key: bool) -> OwnerStyle:
    pool = [r for r in vocab.ROLES if not r.sectors or sector in r.sectors]
    sector_roles = [r for r in pool if r.sectors]
    general = [r for r in pool if not r.sectors]
    roles = rng.sample(sector_roles, min(3, len(sector_roles)))
    roles += rng.sample(general, 6)
    separators = rng.sample(SEPARATORS, rng.choice([1, 2, 2, 3]))
    spellings: dict[str, list[str]] = {}
    key: dict[str, str] = {}
    for role in roles:
        options = list(role.spellings)
        if with_key:
            for spelling, abbr, expansion in role.keyed:
                options.append(spelling)
                key[abbr] = expansion
        chosen = rng.sample(options, min(len(options), rng.choice([2, 3])))
        spellings[role.label] = chosen
    return OwnerStyle(roles, spellings, separators, key)


def _allowed(role: Role, separator: str) -> bool:
    if role.comma and separator.strip() == ",":
        return False
    if role.slash and separator == "/":
        return False
    return not (role.conj and separator == " and ")


def _person(rng: random.Random) -> str:
    return f"{rng.choice(vocab.GIVEN)} {rng.choice(vocab.SURNAMES)}"


def draw_cell(rng: random.Random, style: OwnerStyle) -> OwnerCell:
    """One owner cell: one to three roles, sometimes a named person."""
    separator = rng.choice(style.separators)
    if any(s.strip() == "," for s in style.separators):
        roles = [r for r in style.roles if not r.comma]
    else:
        roles = list(style.roles)
    roles = [r for r in roles if _allowed(r, separator)]
    count = rng.choices([1, 2, 3], weights=[5, 3.5, 1.5])[0]
    chosen = rng.sample(roles, count)
    parts, owners, people = [], [], []
    for index, role in enumerate(chosen):
        spelling = rng.choice(style.spellings[role.label])
        roll = rng.random()
        if index == 0 and roll < 0.12:
            person = _person(rng)
            shape = rng.choice(["{r} - {p}", "{r} – {p}", "{p} ({r})", "{r}: {p}"])
            if shape.startswith("{r}:") and separator.strip() == ",":
                shape = "{r} - {p}"
            parts.append(shape.format(r=spelling, p=person))
            people.append(person)
        else:
            parts.append(spelling)
        owners.append(role.label)
    if rng.random() < 0.08:
        title = rng.choice(vocab.TITLES)
        person = f"{title} {rng.choice(vocab.SURNAMES)}"
        parts.append(person)
        people.append(person)
    return OwnerCell(separator.join(parts), owners, people)
