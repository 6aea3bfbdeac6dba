"""What a run will do with each input, decided before any document is read.

Every input file is hashed here (sha256, streamed); its source path and hash
are compared with the ``documents`` table: unchanged bytes are skipped, changed
ones re-read and replaced, new ones read. Sources in the dataset that this run
did not find are kept, or pruned with ``--prune``. ``extract`` reads everything
and drops every source it did not find.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path

from planextract.pipeline.document_run import DocumentResult, failed
from planextract.pipeline.inputs import InputScan
from planextract.pipeline.isolation import Task

_CHUNK = 1 << 20


@dataclass(frozen=True)
class Recorded:
    """What the documents table says about one source."""

    sha256: str | None
    status: str
    error: str | None


@dataclass
class Plan:
    read: list[Task] = field(default_factory=list)  # documents to read now
    new: list[str] = field(default_factory=list)
    changed: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    unchanged_failed: list[str] = field(default_factory=list)  # skipped, recorded failed
    unreadable: list[DocumentResult] = field(default_factory=list)  # failed before reading
    prune: list[str] = field(default_factory=list)
    kept: list[str] = field(default_factory=list)  # gone from the inputs, rows kept

    @property
    def sources(self) -> int:
        return len(self.read) + len(self.unchanged) + len(self.unreadable)

    @property
    def changes_nothing(self) -> bool:
        return not (self.read or self.unreadable or self.prune)


def file_hash(path: str) -> tuple[str, int]:
    digest = hashlib.sha256()
    size = 0
    with open(path, "rb") as handle:
        while chunk := handle.read(_CHUNK):
            digest.update(chunk)
            size += len(chunk)
    return digest.hexdigest(), size


def _under(source: str, roots: list[Path]) -> bool:
    path = Path(source).resolve()
    return any(path == root or root in path.parents for root in roots)


def make_plan(scan: InputScan, recorded: dict[str, Recorded], inputs: list[str], *,
              replace_all: bool = False, prune: bool = False,
              retry_failed: bool = False) -> Plan:
    """Decide, for every input and every recorded source, what this run does."""
    plan = Plan()
    seen: set[str] = set()
    unread: list[DocumentResult] = []
    for problem in scan.problems:
        seen.add(problem.path)
        unread.append(failed(problem.path, problem.message))
    for source in scan.files:
        seen.add(source)
        try:
            sha256, size = file_hash(source)
        except OSError as err:
            unread.append(failed(source, f"cannot open the file: {err.strerror or err}"))
            continue
        before = recorded.get(source)
        if before is None:
            plan.new.append(source)
        elif (before.sha256 == sha256 and not replace_all
              and not (retry_failed and before.status == "failed")):
            plan.unchanged.append(source)
            if before.status == "failed":
                plan.unchanged_failed.append(source)
            continue
        else:
            plan.changed.append(source)
        plan.read.append(Task(source, sha256, size))
    for result in unread:
        before = recorded.get(result.document["source"])
        if (before and not replace_all and before.sha256 is None
                and before.error == result.document["error"]):
            plan.unchanged.append(result.document["source"])
            plan.unchanged_failed.append(result.document["source"])
        else:
            plan.unreadable.append(result)
    roots = [Path(p).resolve() for p in inputs]
    for source in sorted(set(recorded) - seen):
        if replace_all or (prune and (_under(source, roots) or not Path(source).exists())):
            plan.prune.append(source)
        else:
            plan.kept.append(source)
    return plan


def describe(plan: Plan) -> list[str]:
    """The plan as lines a person reads (``--dry-run``)."""
    lines = [f"read  new        {s}" for s in plan.new]
    lines += [f"read  changed    {s}" for s in plan.changed]
    lines += [f"fail  unreadable {r.document['source']}: {r.document['error']}"
              for r in plan.unreadable]
    lines += [f"skip  unchanged  {s}" for s in plan.unchanged]
    lines += [f"prune            {s}" for s in plan.prune]
    lines += [f"keep  gone       {s} (its rows stay; --prune removes them)" for s in plan.kept]
    lines.append(f"would read {len(plan.read)} ({len(plan.new)} new, {len(plan.changed)} "
                 f"changed), record {len(plan.unreadable)} unreadable, skip "
                 f"{len(plan.unchanged)} unchanged, prune {len(plan.prune)}, keep "
                 f"{len(plan.kept)} gone")
    return lines
