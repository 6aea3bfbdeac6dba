"""What one document's output gets wrong against its gold, field by field: for a
reader's author chasing a score down to the rows.

    .venv/bin/python scripts/eval.py --show 07-...-objective-rows.docx

Gold actions are matched to output rows by normalised text (``measure.norm``);
unmatched gold actions are ``MISSING``, unmatched output rows ``EXTRA``.
"""

from __future__ import annotations

from collections import defaultdict

from corpus.measure import norm

FIELDS = ["action_id", "outcome_id", "owners", "owner_people", "due_kind", "due_date",
          "due_start", "strands"]


def _plain(value):
    if hasattr(value, "isoformat"):
        return value.isoformat()
    if hasattr(value, "tolist"):
        return value.tolist()
    return value


def differences(gold: list[dict], out: list[dict]) -> list[str]:
    pool: dict[str, list[dict]] = defaultdict(list)
    for row in out:
        pool[norm(row.get("action"))].append(row)
    lines = []
    for record in gold:
        candidates = pool.get(norm(record["action"]))
        if not candidates:
            lines.append(f"MISSING {record['action_id'] or '-'}: {record['action'][:90]!r}")
            continue
        row = candidates.pop(0)
        wrong = []
        for field in FIELDS:
            want, got = record.get(field), _plain(row.get(field))
            if isinstance(want, list) or isinstance(got, list):
                want, got = list(want or []), list(got or [])
            if want != got:
                wrong.append(f"    {field}: gold {want!r}, out {got!r}")
        if wrong:
            lines.append(f"{record['action_id'] or '-'} | owners printed "
                         f"{record['owners_raw']!r} | due printed {record['due_raw']!r}")
            lines += wrong
    lines += [f"EXTRA {row.get('action_id') or '-'}: {str(row.get('action'))[:90]!r}"
              for rows in pool.values() for row in rows]
    return lines
