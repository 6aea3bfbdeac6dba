"""The report's data: everything the page shows, as one JSON-ready dict.

The page renders this dict and nothing else (with ``textContent``, never as
markup), so what the report shows can be tested here without a browser.
Action rows travel as arrays under one list of column names, which keeps a
10,000-row dataset a few megabytes.
"""

from __future__ import annotations

import datetime as dt

from planextract.report import review
from planextract.report.dataset import Dataset
from planextract.settings import DEFAULT, ReportSettings

ACTION_COLUMNS = ["doc", "table", "section", "objective", "outcome", "id", "id_raw", "action",
                  "owners", "owners_raw", "people", "due_raw", "due_kind", "due_date",
                  "due_start", "status", "rag", "strands", "where", "flags", "review", "extra"]

# context columns repeat on every action under one heading: sent once, in "strings"
SHARED_COLUMNS = ("table", "section", "objective", "outcome")

DOCUMENT_FIELDS = ["doc_id", "source", "source_format", "pages", "status", "n_actions",
                   "warnings", "error", "organisation", "plan_title"]


def _iso(day: dt.date | None) -> str | None:
    return day.isoformat() if day is not None else None


def _numbered(number: str | None, title: str | None) -> str | None:
    return " ".join(p for p in (number, title) if p) or None


def _document(row: dict) -> dict:
    fields = {k: row.get(k) for k in DOCUMENT_FIELDS}
    fields["warnings"] = list(fields["warnings"] or [])
    return fields


def action_row(row: dict, doc_index: int) -> list:
    """One action as the page's array, in ACTION_COLUMNS order."""
    return [
        doc_index, row.get("table"), row.get("section"),
        _numbered(row.get("objective_id"), row.get("objective")),
        _numbered(row.get("outcome_id"), row.get("outcome")),
        row.get("action_id"), row.get("action_id_raw"), row.get("action"),
        list(row.get("owners") or []), row.get("owners_raw"), list(row.get("owner_people") or []),
        row.get("due_raw"), row.get("due_kind"), _iso(row.get("due_date")),
        _iso(row.get("due_start")), row.get("progress"), row.get("rag"),
        list(row.get("strands") or []), review.provenance(row), list(row.get("flags") or []),
        review.review_reasons(row), [list(kv) for kv in (row.get("extra") or [])],
    ]


def share_strings(rows: list[list], columns: list[str]) -> list[str]:
    """Replace the SHARED_COLUMNS values of ``rows`` (in place) by their index in the
    returned list of distinct strings; the page puts them back after parsing."""
    strings: dict[str, int] = {}
    positions = [columns.index(c) for c in SHARED_COLUMNS]
    for row in rows:
        for i in positions:
            if row[i] is not None:
                row[i] = strings.setdefault(row[i], len(strings))
    return list(strings)


def build(data: Dataset, title: str, settings: ReportSettings = DEFAULT.report) -> dict:
    """The page model of one dataset."""
    documents = review.documents_in_review_order(data.documents.to_pylist())
    index = {d["doc_id"]: i for i, d in enumerate(documents)}
    actions = data.actions.to_pylist()
    for row in actions:
        if row["doc_id"] not in index:  # an action whose document row is missing
            index[row["doc_id"]] = len(documents)
            documents.append({"doc_id": row["doc_id"], "source": row.get("source"),
                              "source_format": row.get("source_format"), "status": "missing",
                              "error": "no documents row for these actions", "warnings": []})
    rows = [action_row(r, index[r["doc_id"]]) for r in actions]
    strings = share_strings(rows, ACTION_COLUMNS)

    roles = data.roles.to_pylist()
    roles_origin = "roles"
    if not roles:
        roles, roles_origin = review.roles_from_owners(actions), "owners"

    by_doc: dict[int, list[dt.date | None]] = {}
    for r in actions:
        by_doc.setdefault(index[r["doc_id"]], []).append(r.get("due_date"))
    reasons = {code: 0 for code in review.REVIEW_RULES}
    for r in rows:
        for code in r[ACTION_COLUMNS.index("review")]:
            reasons[code] += 1
    return {
        "title": title,
        "page_rows": settings.page_rows,
        "document_charts": settings.document_charts,
        "documents": [_document(d) for d in documents],
        "flags": [{"flag": f, "count": n} for f, n in review.flag_counts(actions)],
        "review": [{"reason": code, "label": label, "count": reasons[code]}
                   for code, (label, _) in review.REVIEW_RULES.items()],
        "roles_origin": roles_origin,
        "roles": [{k: v for k, v in r.items() if k != "doc_ids"}
                  | {"docs": sorted(index[d] for d in r["doc_ids"] if d in index)}
                  for r in review.merged_roles(roles)],
        "deadlines": review.deadline_bins((r.get("due_date") for r in actions),
                                          settings.deadline_bins),
        "deadlines_by_document": {str(i): review.deadline_bins(days, settings.deadline_bins)
                                  for i, days in sorted(by_doc.items())},
        "owners_chart": review.owner_counts(actions, settings.owners_chart),
        "action_columns": ACTION_COLUMNS,
        "shared_columns": list(SHARED_COLUMNS),
        "strings": strings,
        "actions": rows,
    }
