"""A plan's actions: the sentence, bullet items, owner cell, date and progress of
each, and the gold record every layout builds from them."""

from __future__ import annotations

import random
from dataclasses import dataclass, field

from corpus import printed, vocab
from corpus.model import Para
from corpus.owners import OwnerCell, OwnerStyle, draw_cell
from corpus.printed import DateCase


@dataclass
class Act:
    text: str
    bullets: list[str]
    owner: OwnerCell
    due: DateCase
    progress: str = ""
    extra: dict[str, str] = field(default_factory=dict)

    @property
    def gold_text(self) -> str:
        """Bullet items joined to the sentence with newlines, glyphs removed."""
        return "\n".join([self.text, *self.bullets])


class Drawer:
    """Draws acts for one document; no sentence is used twice in it. Sentences,
    owners, dates and the rest each come from their own random stream (seeded from
    ``key``), so a change to one word list leaves the others' draws as they were."""

    def __init__(self, key: str, owners: OwnerStyle, bullet_share: float = 0.2):
        self.rng = random.Random(f"{key}:misc")
        self.text_rng = random.Random(f"{key}:text")
        self.owner_rng = random.Random(f"{key}:owners")
        self.date_rng = random.Random(f"{key}:dates")
        self.owners = owners
        self.bullet_share = bullet_share
        self.used: set[str] = set()
        kinds = list(printed.DATE_WEIGHTS)
        self._kinds = kinds
        self._weights = [printed.DATE_WEIGHTS[k] for k in kinds]

    def sentence(self) -> str:
        rng = self.text_rng
        for _ in range(200):
            verb, rest = rng.choice(vocab.VERBS), \
                f"{rng.choice(vocab.OBJECTS)} {rng.choice(vocab.PURPOSES)}"
            shape = rng.choices(vocab.SHAPES, vocab.SHAPE_WEIGHTS)[0]
            who = rng.choice(vocab.SUBJECTS)
            noun = rng.choice(vocab.NOUNS) if "{Noun}" in shape else ""
            text = shape.format(Verb=verb, verb=verb.lower(), rest=rest, who=who, Noun=noun)
            if rng.random() < 0.3:
                text += f" and {rng.choice(vocab.FOLLOW_UPS)}"
            if text not in self.used:
                self.used.add(text)
                return text
        raise RuntimeError("ran out of sentences")

    def date(self, kind: str | None = None) -> DateCase:
        kind = kind or self.date_rng.choices(self._kinds, self._weights)[0]
        return self.date_rng.choice([d for d in printed.DATES if d.kind == kind])

    def act(self, bullets: bool | None = None, single_owner: bool = False,
            due_kind: str | None = None) -> Act:
        rng = self.rng
        with_bullets = rng.random() < self.bullet_share if bullets is None else bullets
        items = rng.sample(vocab.BULLET_ITEMS, rng.choice([2, 3])) if with_bullets else []
        text = self.sentence() + (":" if items else "")
        owner = draw_cell(self.owner_rng, self.owners)
        if single_owner:
            while "\n" in owner.printed or len(owner.owners) != 1 or owner.people:
                owner = draw_cell(self.owner_rng, self.owners)
        return Act(text, items, owner, self.date(due_kind), rng.choice(vocab.PROGRESS))


def action_paras(act: Act, number: str | None, bullet: str) -> list[Para]:
    """The action cell: the number (as printed) before the sentence, then one
    paragraph per bullet item."""
    first = f"{number} {act.text}" if number else act.text
    return [Para(first), *[Para(item, bullet) for item in act.bullets]]


def lines(text: str) -> list[Para]:
    """A value cell: one paragraph per printed line."""
    return [Para(part) for part in text.split("\n")] if text else []


def record(act: Act, **context) -> dict:
    """The gold record of ``act`` (keys as in ../shared/CANONICAL.md)."""
    due = context.pop("due", None) or act.due
    gold = {
        "table": None, "section": None, "objective_id": None, "objective": None,
        "outcome_id": None, "outcome": None, "action_id_raw": None, "action_id": None,
        "action": act.gold_text, "owners": list(dict.fromkeys(act.owner.owners)),
        "owner_people": list(act.owner.people), "owners_raw": act.owner.printed or None,
        "due_raw": due.printed or None, "due_kind": due.kind, "due_date": due.due_date,
        "due_start": due.due_start, "progress": None, "rag": None,
        "risk": None, "strands": [], "scrutiny": [], "duty_relevance": None,
        "flags": [due.flag] if due.flag else [],
    }
    gold.update(context)
    return gold
