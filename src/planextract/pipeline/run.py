"""One run of ``ingest`` or ``extract``: plan, read in isolation, commit, tidy.

Order matters for what a kill leaves behind: inputs are checked before anything is
touched, the dataset is locked, leftovers of a killed run removed (rows and files),
then documents are read and committed in batches (documents last in each), pruned
sources deleted, and the files this run replaced vacuumed.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from itertools import chain
from pathlib import Path

from planextract.pipeline.committer import Committer, writing
from planextract.pipeline.engines import read_dask, read_local
from planextract.pipeline.heap import fast_bins_off
from planextract.pipeline.inputs import InputScan, collect
from planextract.pipeline.lock import DatasetLock
from planextract.pipeline.plan import Plan, Recorded, make_plan
from planextract.pipeline.progress import Reporter
from planextract.pipeline.quarantine import quarantine
from planextract.pipeline.rows import DocumentTables, document_tables
from planextract.schema.delta import Dataset, DatasetError
from planextract.settings import DEFAULT, Settings

MIN_FREE_BYTES = 16 * 1024 * 1024


class UsageError(Exception):
    """The command line cannot be run as given (exit 2, nothing touched)."""


@dataclass
class RunOptions:
    inputs: list[str]
    dataset: Path
    replace_all: bool = False  # extract: read everything, drop sources not found
    prune: bool = False
    dry_run: bool = False
    wait: bool = False
    retry_failed: bool = False
    quarantine: bool = True
    engine: str = "local"
    scheduler: str | None = None
    log: str = "auto"
    settings: Settings = DEFAULT


@dataclass
class RunSummary:
    plan: Plan
    dry_run: bool = False
    statuses: Counter = field(default_factory=Counter)
    actions: int = 0
    flags: Counter = field(default_factory=Counter)
    failures: list[tuple[str, str]] = field(default_factory=list)
    commits: int = 0
    orphans_removed: int = 0
    vacuumed: int = 0
    quarantined: int = 0
    notes: list[str] = field(default_factory=list)  # from walking the inputs

    def add(self, document: dict, flags: Counter) -> None:
        self.statuses[document["status"]] += 1
        self.actions += document["n_actions"]
        self.flags.update(flags)
        if document["status"] == "failed":
            self.failures.append((document["source"], document["error"]))

    @property
    def exit_code(self) -> int:
        return 1 if self.failures or self.plan.unchanged_failed else 0


def check_inputs(inputs: list[str]) -> None:
    missing = [p for p in inputs if not os.path.lexists(p)]
    if missing:
        raise UsageError("no such file or folder: " + ", ".join(missing)
                         + " (is the drive mounted?); nothing was read or written")


def prepare_root(root: Path) -> None:
    """Create the dataset folder and prove it writable before any work starts."""
    if root.exists() and not root.is_dir():
        raise DatasetError(f"{root} is a file, not a dataset folder")
    try:
        root.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=root, prefix=".probe-") as probe:
            probe.write(b"x")
            probe.flush()
            os.fsync(probe.fileno())
    except OSError as err:
        raise DatasetError(f"cannot write to {root}: {err.strerror or err}") from None
    free = shutil.disk_usage(root).free
    if free < MIN_FREE_BYTES:
        raise DatasetError(f"only {free // 1024} KB free where {root} is; free some space")


def recorded_state(dataset: Dataset) -> dict[str, Recorded]:
    """What the documents table says about each source; a source whose actions rows
    do not add up to its n_actions (a replace cut short) is marked for re-reading."""
    docs = dataset.read("documents", ["source", "doc_id", "sha256", "status", "error",
                                      "n_actions"]).to_pylist()
    actions = dataset.read("actions", ["source", "doc_id"])
    counts = Counter(zip(actions.column("source").to_pylist(),
                         actions.column("doc_id").to_pylist()))
    state = {}
    for d in docs:
        complete = counts[(d["source"], d["doc_id"])] == d["n_actions"]
        state[d["source"]] = Recorded(d["sha256"] if complete else "incomplete",
                                      d["status"], d["error"])
    return state


def _notes(scan: InputScan) -> list[str]:
    """What walking the inputs wants a person to know (symlinked folders followed,
    a second way in, hidden files skipped)."""
    return [f"{note.path}: {note.message}" for note in scan.notes]


def _results(plan: Plan, options: RunOptions, reporter: Reporter) -> Iterator[DocumentTables]:
    if options.engine == "dask":
        read = read_dask(plan.read, options.settings, options.scheduler)
    else:
        # the log lines of the answers taken in at one wake-up go out in one write,
        # as the main process is about to wait again (issue 8)
        reporter.hold()
        read = read_local(plan.read, options.settings, idle=reporter.release)
    return chain((document_tables(r) for r in plan.unreadable), read)


def run(options: RunOptions, reporter: Reporter | None = None) -> RunSummary:
    """Do one run; raises UsageError/DatasetError/LockBusy before touching anything."""
    check_inputs(options.inputs)
    root = Path(options.dataset)
    dataset = Dataset(root)
    scan = collect(options.inputs, exclude=[root])
    if not scan.files and not scan.problems:
        # an empty folder is what an unmounted drive looks like: never let it empty the
        # dataset (extract, --prune)
        raise UsageError("no input files found in: " + ", ".join(options.inputs)
                         + " (is the drive mounted?); nothing was read or written")
    if options.dry_run:
        if root.exists():
            dataset.check_layout()
        plan = make_plan(scan, recorded_state(dataset), options.inputs,
                         replace_all=options.replace_all, prune=options.prune,
                         retry_failed=options.retry_failed)
        return RunSummary(plan, dry_run=True, notes=_notes(scan))
    if root.is_dir() and not options.replace_all:
        dataset.check_layout()  # before the lock file is made: touch nothing that is not ours
    prepare_root(root)
    reporter = reporter or Reporter(options.log)
    # inside the lock this process is the only writer: its tables stay open
    with (DatasetLock(root, options.wait), dataset.session(),
          fast_bins_off(not options.settings.run.main_fast_bins)):
        dataset.check_layout(replace_plain=options.replace_all)
        with writing(dataset):
            dataset.ensure_tables()
            orphans = dataset.remove_orphans()
            # files a killed run wrote and the orphans' files go now, while the fork
            # server warms up, not after the last document: from here on only this
            # run's replacing commits leave files behind, vacuumed at its end
            vacuumed = dataset.vacuum()
        recorded = recorded_state(dataset)
        plan = make_plan(scan, recorded, options.inputs, replace_all=options.replace_all,
                         prune=options.prune, retry_failed=options.retry_failed)
        summary = RunSummary(plan, orphans_removed=orphans, vacuumed=vacuumed,
                             notes=_notes(scan))
        committer = Committer(dataset, set(recorded), options.settings,
                              expected=len(plan.read) + len(plan.unreadable))
        for note in scan.notes:
            reporter.note(note.path, note.message)
        reporter.start(len(plan.read) + len(plan.unreadable))
        current = None  # a document read but perhaps not yet in the committer's buffer
        try:
            for current in _results(plan, options, reporter):
                committer.add(current)
                document, flags = current.document, current.flags
                current = None
                reporter.document(document, flags)
                summary.add(document, flags)
                if document["status"] == "failed" and options.quarantine:
                    quarantine(root, document, options.settings.run.quarantine_max_bytes)
                    summary.quarantined += 1
        except KeyboardInterrupt:
            reporter.stop()
            if current is not None and not committer.holds(current):
                committer.buffer.append(current)
            committer.flush()  # every document read so far is kept
            raise
        finally:
            reporter.stop()
        committer.flush()
        committer.delete(plan.prune)
        with writing(dataset):
            # only tables this run replaced or removed rows in can have changed since
            dataset.keep_readable(sorted(committer.replaced))
            summary.vacuumed += dataset.vacuum(sorted(committer.replaced))
        summary.commits = committer.commits
    return summary
