"""What a person should look at: pure rules over action rows and documents.

Each rule takes plain row dicts (as ``pa.Table.to_pylist()`` gives them) so it
can be tested on a row written in the test; the page model in ``model.py``
strings them together.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Callable, Iterable

SPLIT_FLAGS = ("merged_split_row", "split_stacked_cell", "split_numbered_actions")
FUZZY_FLAGS = ("owner_fuzzy_matched", "strand_fuzzy_matched")
STATUS_ORDER = {"failed": 0, "empty": 1, "ok": 2}


def _flags(row: dict) -> list[str]:
    return list(row.get("flags") or [])


def _owner_unknown(row: dict) -> bool:
    """Flagged by the normaliser, or an owner cell was printed but no owner read from it."""
    printed = (row.get("owners_raw") or "").strip()
    return "owner_unknown" in _flags(row) or (bool(printed) and not row.get("owners"))


# reason code -> (label shown to the analyst, rule)
REVIEW_RULES: dict[str, tuple[str, Callable[[dict], bool]]] = {
    "date_unparsed": ("unparsed date", lambda r: "date_unparsed" in _flags(r)
                      or r.get("due_kind") == "unknown"),
    "date_impossible": ("impossible date", lambda r: "date_impossible" in _flags(r)),
    "owner_unknown": ("unknown owner", _owner_unknown),
    "renumbered": ("renumbered id", lambda r: "renumbered" in _flags(r)),
    "columns_swapped": ("swapped columns", lambda r: "columns_swapped" in _flags(r)),
    "split_row": ("split or joined row", lambda r: any(f in _flags(r) for f in SPLIT_FLAGS)),
    "fuzzy_match": ("near spelling matched", lambda r: any(f in _flags(r) for f in FUZZY_FLAGS)),
}


def review_reasons(row: dict) -> list[str]:
    """The reason codes (keys of REVIEW_RULES) for which ``row`` needs a person's look."""
    return [code for code, (_, rule) in REVIEW_RULES.items() if rule(row)]


def flag_counts(rows: Iterable[dict]) -> list[tuple[str, int]]:
    """Every flag with the number of rows carrying it, most frequent first."""
    counts = Counter(f for r in rows for f in set(_flags(r)))
    return sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))


def documents_in_review_order(documents: Iterable[dict]) -> list[dict]:
    """Failures first, then empty documents, then the rest; by source within each."""
    return sorted(documents, key=lambda d: (STATUS_ORDER.get(d.get("status"), -1),
                                            d.get("source") or ""))


def provenance(row: dict) -> str:
    """Where the row is in its source: ``p. 3``, ``pp. 3–4``, ``line 12``, ``lines 12–14``."""
    for one, many, start, end in (("p.", "pp.", "page_start", "page_end"),
                                  ("line", "lines", "line_start", "line_end")):
        first, last = row.get(start), row.get(end)
        if first is None:
            continue
        if last is None or last == first:
            return f"{one} {first}"
        return f"{many} {first}–{last}"
    return ""


def _quarter(day: dt.date) -> tuple[int, int]:
    return day.year, (day.month - 1) // 3 + 1


def deadline_bins(dates: Iterable[dt.date | None], max_bins: int) -> list[tuple[str, int]]:
    """Deadlines counted by quarter (``2011 Q1``), or by year when the quarters
    would be more than ``max_bins``; empty periods inside the span are kept so the
    chart's axis is time. A span too long even in years (a typed ``2101``) keeps
    ``max_bins`` years around the median and counts the rest in ``before``/``after``
    bins, so one stray date cannot make the chart unreadable."""
    days = sorted(d for d in dates if d is not None)
    if not days:
        return []
    first, last = _quarter(days[0]), _quarter(days[-1])
    quarters = (last[0] - first[0]) * 4 + last[1] - first[1] + 1
    if quarters <= max_bins:
        counts = Counter(_quarter(d) for d in days)
        bins = []
        year, q = first
        for _ in range(quarters):
            bins.append((f"{year} Q{q}", counts[(year, q)]))
            year, q = (year + 1, 1) if q == 4 else (year, q + 1)
        return bins
    years = Counter(d.year for d in days)
    low, high = days[0].year, days[-1].year
    if high - low + 1 > max_bins:
        median = days[len(days) // 2].year
        low = max(low, median - max_bins // 2)
        high = min(high, low + max_bins - 1)
    bins = [(str(y), years[y]) for y in range(low, high + 1)]
    before = sum(c for y, c in years.items() if y < low)
    after = sum(c for y, c in years.items() if y > high)
    if before:
        bins.insert(0, (f"before {low}", before))
    if after:
        bins.append((f"after {high}", after))
    return bins


def owner_counts(rows: Iterable[dict], top: int) -> list[tuple[str, int]]:
    """Actions per owner (an action with two owners counts for both), the ``top`` largest."""
    counts = Counter(o for r in rows for o in dict.fromkeys(r.get("owners") or []))
    return sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:top]


def roles_from_owners(rows: Iterable[dict]) -> list[dict]:
    """Role rows made from the actions when the dataset has no ``roles`` table: each
    canonical owner with the printed owner cells it was read from (match ``cell``)."""
    counts: Counter[tuple[str, str, str]] = Counter()
    for row in rows:
        cell = (row.get("owners_raw") or "").strip()
        for owner in dict.fromkeys(row.get("owners") or []):
            counts[(row["doc_id"], owner, cell or owner)] += 1
    return [{"doc_id": d, "role": r, "spelling": s, "mentions": n, "match": "cell"}
            for (d, r, s), n in counts.items()]


def merged_roles(roles: Iterable[dict]) -> list[dict]:
    """One row per (role, spelling, match) across the dataset, with its mentions and
    the documents that print it; roles with several spellings first, so every merge
    is seen."""
    mentions: Counter[tuple[str, str, str]] = Counter()
    docs: dict[tuple[str, str, str], set[str]] = {}
    for row in roles:
        key = (row["role"], row["spelling"], row["match"])
        mentions[key] += int(row.get("mentions") or 0)
        docs.setdefault(key, set()).add(row["doc_id"])
    spellings = Counter(role for role, _, _ in mentions)
    merged = [{"role": r, "spelling": s, "match": m, "mentions": mentions[(r, s, m)],
               "doc_ids": sorted(docs[(r, s, m)]), "spellings": spellings[r]}
              for r, s, m in mentions]
    return sorted(merged, key=lambda x: (-x["spellings"], x["role"].casefold(),
                                         x["spelling"].casefold(), x["match"]))
