"""Run many files in this process (or a plain pool) and keep every result in memory:
for library use and tests. The CLI runs documents isolated and streams them (run.py)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import pyarrow as pa

from planextract.pipeline.document_run import DocumentResult, run_one
from planextract.pipeline.rows import arrow_table
from planextract.schema import write_dataset


@dataclass
class BatchResult:
    results: list[DocumentResult]

    @property
    def failed(self) -> list[dict]:
        return [r.document for r in self.results if r.document["status"] == "failed"]

    def summary(self) -> str:
        docs = [r.document for r in self.results]
        statuses = Counter(d["status"] for d in docs)
        actions = sum(r.n_actions for r in self.results)
        flags = Counter(f for r in self.results for a in r.actions for f in a["flags"])
        lines = [f"documents read: {len(docs)} ({statuses['ok']} ok, {statuses['empty']} empty, "
                 f"{statuses['failed']} failed)",
                 f"actions written: {actions}"]
        if flags:
            lines.append("flags: " + ", ".join(f"{k} {v}" for k, v in sorted(flags.items())))
        for doc in docs:
            if doc["status"] != "ok":
                lines.append(f"{doc['status'].upper()}: {doc['source']}: {doc['error']}")
        return "\n".join(lines)


def run_batch(sources: list[str], jobs: int = 1) -> BatchResult:
    """Extract every source; results keep the input order whatever ``jobs`` is."""
    if jobs > 1 and len(sources) > 1:
        with ProcessPoolExecutor(max_workers=jobs) as pool:
            results = list(pool.map(run_one, sources, chunksize=1))
    else:
        results = [run_one(s) for s in sources]
    return BatchResult(results)


def _table(name: str, rows: Iterable[dict]) -> pa.Table:
    return arrow_table(name, rows)


def write(result: BatchResult, out: Path) -> None:
    write_dataset(out, {
        "actions": _table("actions", (a for r in result.results for a in r.actions)),
        "documents": _table("documents", (r.document for r in result.results)),
        "glossary": _table("glossary", (g for r in result.results for g in r.glossary)),
        "roles": _table("roles", (g for r in result.results for g in r.roles)),
    })
