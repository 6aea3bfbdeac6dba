"""A small, exact yardstick beside the shared scorer: actions matched by their
normalised text (HTML, bullet glyphs, a leading number, case and spacing set aside),
and of the matched ones the due kind, due date and owner labels that agree.

Used by the test slice (tests may not read ../shared) and by ``make eval`` when
../shared/tools/score.py is missing.
"""

from __future__ import annotations

import html
import re
import unicodedata
from collections import defaultdict
from dataclasses import dataclass

_TAG = re.compile(r"<[^>]+>")
_BULLET = re.compile(r"(^|\n)\s*(?:[•▪◦●‣∙·■□▫◆◇○➢➤►✓✔❖]|[-*](?=\s))\s*")
_LEAD_NUMBER = re.compile(r"^\s*(?:[a-z]\s?)?\d+(?:\s?\.\s?\d+)*\s?[.)]?\s+")
_DASHES = str.maketrans({c: "-" for c in "‐‑‒–—―−"})


def norm(text: str | None) -> str:
    """The text of an action as compared: whole words, nothing else."""
    if not text:
        return ""
    t = html.unescape(_TAG.sub(" ", str(text)))
    t = unicodedata.normalize("NFKC", t).casefold().translate(_DASHES)
    t = _BULLET.sub(r"\1", t)
    t = re.sub(r"\s+", " ", t).strip()
    return _LEAD_NUMBER.sub("", t, count=1).strip()


@dataclass
class Score:
    gold: int = 0
    out: int = 0
    matched: int = 0
    date_n: int = 0  # matched actions whose gold has a due date
    due_ok: int = 0
    kind_ok: int = 0
    owners_ok: int = 0

    def add(self, other: Score) -> None:
        for name in ("gold", "out", "matched", "date_n", "due_ok", "kind_ok", "owners_ok"):
            setattr(self, name, getattr(self, name) + getattr(other, name))

    @property
    def recall(self) -> float:
        return self.matched / self.gold if self.gold else 1.0

    @property
    def precision(self) -> float:
        return self.matched / self.out if self.out else (1.0 if not self.gold else 0.0)

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def share(self, name: str) -> float | None:
        """Of the matched actions (of those with a gold date, for ``due_ok``)."""
        base = self.date_n if name == "due_ok" else self.matched
        return getattr(self, name) / base if base else None


def score_document(gold: list[dict], out: list[dict]) -> Score:
    """Each gold action matched at most once, to an output action of the same text."""
    pool: dict[str, list[dict]] = defaultdict(list)
    for row in out:
        pool[norm(row.get("action"))].append(row)
    score = Score(gold=len(gold), out=len(out))
    for record in gold:
        candidates = pool.get(norm(record["action"]))
        if not candidates:
            continue
        row = candidates.pop(0)
        score.matched += 1
        score.kind_ok += row.get("due_kind") == record["due_kind"]
        if record["due_date"]:
            score.date_n += 1
            score.due_ok += _day(row.get("due_date")) == record["due_date"]
        score.owners_ok += [o.casefold() for o in row.get("owners") or []] == \
                           [o.casefold() for o in record["owners"]]
    return score


def _day(value) -> str | None:
    return None if value is None else str(value)[:10]
