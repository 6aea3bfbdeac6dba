"""Column roles: what each header means, whatever the plan calls it."""

from __future__ import annotations

import re

from planextract.normalise.text import squash

# first match wins; patterns see the header lower-cased with whitespace collapsed
ROLE_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("action_id", re.compile(r"^(no\.?|ref\.?|#|number|action no\.?|action number|"
                             r"strategic theme action|item)$")),
    ("risk", re.compile(r"^risks?\b")),
    ("action", re.compile(r"^actions?$|^action required|^what action|^actions? to be taken|"
                          r"^objective\s*/\s*measurable|^key actions?$|^tasks?$")),
    ("outcome", re.compile(r"^outcomes?$|^what we want to achieve|^measurable outcomes?$|"
                           r"^expected outcomes?$|^outcome\b")),
    ("owner", re.compile(r"owner|by whom|^lead\b|responsib|^contact$|^who\b")),
    ("due", re.compile(r"timescale|by when|^date|deadline|completion|^when\b|^target date")),
    ("duty", re.compile(r"general duty")),
    ("scrutiny", re.compile(r"scrutiny|oversight|monitored by")),
    ("strand", re.compile(r"strand|^pc$|protected characteristic|equality group")),
    ("rag", re.compile(r"^rag$")),
    ("progress", re.compile(r"update|progress|rag status|current position|^status|comments")),
    ("issue", re.compile(r"issue")),
]
SIGNIFICANT = {"action", "outcome", "owner", "due", "scrutiny", "strand", "progress", "risk"}


def role_of(header: str) -> str:
    label = squash(header).lower().strip(" :")
    for role, pattern in ROLE_PATTERNS:
        if pattern.search(label):
            return role
    return "extra"


def header_roles(cells: list[str]) -> list[str]:
    return [role_of(c) for c in cells]


def is_header_row(cells: list[str]) -> bool:
    """A row of column labels: several known labels, no numbered cell."""
    filled = [c for c in cells if c.strip()]
    if len(filled) < 2 or any(re.match(r"^\s*\d", c) for c in filled):
        return False
    roles = [role_of(c) for c in filled]
    known = [r for r in roles if r in SIGNIFICANT]
    return len(known) >= 2 and any(len(c) > 80 for c in filled) is False


def repeats_header(cells: list[str], header: list[str]) -> bool:
    """A row that repeats (part of) the header at a page top."""
    labels = {squash(h).lower() for h in header if h.strip()}
    filled = [squash(c).lower() for c in cells if c.strip()]
    return bool(filled) and all(c in labels for c in filled)


def is_action_table(roles: list[str]) -> bool:
    has_text = "action" in roles or ("issue" in roles and "action_id" in roles)
    return has_text and any(r in roles for r in ("owner", "due", "action_id", "outcome"))
