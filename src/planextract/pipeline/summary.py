"""The closing summary a run prints on stdout."""

from __future__ import annotations

from pathlib import Path

from planextract.pipeline.plan import describe
from planextract.pipeline.run import RunSummary
from planextract.schema.delta import TABLES


def _flags(summary: RunSummary) -> list[str]:
    if not summary.flags:
        return []
    return ["flags: " + ", ".join(f"{k} {v}" for k, v in sorted(summary.flags.items()))]


def _failures(summary: RunSummary) -> list[str]:
    return [f"FAILED: {source}: {error}" for source, error in summary.failures]


def _notes(summary: RunSummary) -> list[str]:
    return [f"note: {note}" for note in summary.notes]


def _tables(root: Path) -> str:
    return "dataset: " + ", ".join(f"{root}/{name}" for name in sorted(TABLES))


def extract_summary(summary: RunSummary, root: Path) -> str:
    s = summary.statuses
    read = sum(s.values())
    lines = [f"documents read: {read} ({s['ok']} ok, {s['empty']} empty, {s['failed']} failed)",
             f"actions written: {summary.actions}", *_flags(summary), *_failures(summary),
             *_notes(summary)]
    if summary.plan.prune:
        lines.append(f"dropped from the dataset: {len(summary.plan.prune)} earlier sources")
    lines.append(_tables(root))
    return "\n".join(lines)


def ingest_summary(summary: RunSummary, root: Path) -> str:
    plan = summary.plan
    if summary.dry_run:
        return "\n".join(["dry run: nothing is read or written", *describe(plan),
                          *_notes(summary)])
    s = summary.statuses
    lines = [f"inputs: {plan.sources} documents: {len(plan.read)} read ({len(plan.new)} new, "
             f"{len(plan.changed)} changed), {len(plan.unreadable)} unreadable, "
             f"{len(plan.unchanged)} unchanged (skipped)"]
    if plan.read or plan.unreadable:
        lines.append(f"read now: {s['ok']} ok, {s['empty']} empty, {s['failed']} failed; "
                     f"actions written: {summary.actions}")
    lines += _flags(summary) + _failures(summary) + _notes(summary)
    if plan.unchanged_failed:
        lines.append(f"still failed from an earlier run (bytes unchanged): "
                     f"{len(plan.unchanged_failed)}; see {root}/quarantine/ "
                     f"(--retry-failed reads them again)")
    if plan.prune:
        lines.append(f"pruned: {len(plan.prune)} sources no longer found")
    if plan.kept:
        lines.append(f"kept: {len(plan.kept)} sources not in these inputs (--prune removes "
                     "the ones that are gone)")
    if summary.quarantined:
        lines.append(f"quarantined: {summary.quarantined} files in {root}/quarantine/")
    if summary.orphans_removed:
        lines.append(f"cleaned up: {summary.orphans_removed} rows an interrupted run left")
    if summary.commits or summary.orphans_removed:
        lines.append(f"{_tables(root)} ({summary.commits} commits)")
    else:
        lines.append(f"nothing changed: the dataset {root} is already up to date")
    return "\n".join(lines)
