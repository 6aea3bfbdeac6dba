"""Aid for the person checking a PDF's page provenance, not a source of truth.

    python scripts/locate_pages.py samples/PLAN.pdf > /tmp/PLAN.pages.jsonl

For each golden action of the plan, finds the pages where the action's text
(and its progress and risk text) begin and end, using poppler's ``pdftotext``
(``apt-get install poppler-utils``), never planextract. Cells it does not
search (owners, dates, an outcome running on) can carry a row over a page
break, so its output is a first draft: every page break was then read off the
page (``pdftotext -layout -f N -l N``) and the drafts corrected by hand where
they were wrong. See golden/README.md, "Page provenance".
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _key(text: str | None) -> str:
    return re.sub(r"[^a-z0-9]", "", (text or "").lower())


def _page_texts(pdf: Path) -> list[str]:
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True)
    count = int(re.search(r"Pages:\s+(\d+)", info.stdout).group(1))
    return [_key(subprocess.run(["pdftotext", "-raw", "-f", str(n), "-l", str(n), str(pdf), "-"],
                                capture_output=True, text=True, check=True).stdout)
            for n in range(1, count + 1)]


def main(pdf: Path) -> None:
    plan = pdf.name.split(".")[0]
    records = [json.loads(line) for line in
               (ROOT / "golden" / f"{plan}.jsonl").read_text().splitlines() if line]
    pages = _page_texts(pdf)
    flat = "".join(pages)
    ends = [sum(len(t) for t in pages[:n + 1]) for n in range(len(pages))]

    def page_at(offset: int) -> int:
        return next(n + 1 for n, end in enumerate(ends) if offset < end)

    cursor = 0
    for record in records:
        action = _key(record["action"])
        begin = flat.find(action[:14], cursor)
        if begin < 0:
            print(f"not found: {record['action_id']} {record['action'][:50]}", file=sys.stderr)
            continue
        end = page_at(max(begin, flat.find(action[-10:], begin) + 9))
        for extra in (record.get("progress"), record.get("risk")):
            tail = _key(extra)[-12:]
            found = flat.find(tail, begin) if tail else -1
            if found >= 0 and page_at(found + 11) == end + 1:
                end += 1
        cursor = begin + 1
        print(json.dumps({"action_id": record["action_id"], "page_start": page_at(begin),
                          "page_end": end}))


if __name__ == "__main__":
    main(Path(sys.argv[1]))
