"""What a person sees while a run works.

On a terminal: a progress bar (rich) with documents done, rate, ETA and failures
so far. Otherwise (a nightly job's log): one JSON line per document on stderr.
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from typing import TextIO


def log_record(document: dict, flags: Counter) -> dict:
    """The JSON log line of one document."""
    return {"source": document["source"], "doc_id": document["doc_id"],
            "status": document["status"], "actions": document["n_actions"],
            "flags": dict(sorted(flags.items())), "seconds": round(document["seconds"], 3),
            "error": document["error"]}


# made once: ``json.dumps`` with any option builds an encoder on every call, and the
# main process writes a line a document (issue 8: its CPU a document)
_ENCODER = json.JSONEncoder(ensure_ascii=False)


def log_line(record: dict) -> str:
    """A JSON log line as written, its newline included: the same text as
    ``reference_log_line``."""
    return _ENCODER.encode(record) + "\n"


def reference_log_line(record: dict) -> str:
    """What a log line was: ``print(json.dumps(record, ensure_ascii=False))``."""
    return json.dumps(record, ensure_ascii=False) + "\n"


def note_record(path: str, message: str) -> dict:
    """The JSON log line of something found in the inputs and not read as a document
    (a symlinked folder followed, a second way in, hidden files): ``status`` ``note``."""
    return {"source": path, "status": "note", "note": message}


class Reporter:
    """Receives each document as it is committed to the batch; prints nothing on
    stdout (the closing summary is the command's)."""

    def __init__(self, mode: str = "auto", stream: TextIO | None = None,
                 terminal: bool | None = None) -> None:
        self.stream = stream or sys.stderr
        self.terminal = terminal  # force rich's terminal rendering (tests)
        if mode == "auto":
            mode = "bar" if self.stream.isatty() else "json"
        self.mode = mode
        self.failures = 0
        self._progress = None
        self._task = None
        self._held: list[str] | None = None  # lines kept for one write: ``hold``

    def start(self, total: int) -> None:
        if self.mode != "bar" or not total:
            return
        from rich.console import Console
        from rich.progress import (
            BarColumn,
            MofNCompleteColumn,
            Progress,
            TextColumn,
            TimeRemainingColumn,
        )

        self._progress = Progress(
            TextColumn("reading"), BarColumn(), MofNCompleteColumn(),
            TextColumn("{task.fields[rate]}"),
            TextColumn("ETA"), TimeRemainingColumn(),
            TextColumn("[red]{task.fields[failures]} failed"),
            console=Console(file=self.stream, force_terminal=self.terminal,
                            width=120 if self.terminal else None),
            transient=False)
        self._progress.start()
        self._task = self._progress.add_task("read", total=total, rate="", failures=0)

    def _log(self, record: dict) -> None:
        if self._held is not None:
            self._held.append(log_line(record))
            return
        self._write(log_line(record))

    def _write(self, text: str) -> None:
        try:
            self.stream.write(text)
            self.stream.flush()
        except BrokenPipeError:
            self.mode = "quiet"

    def hold(self) -> None:
        """From now on keep the JSON lines until ``release`` (or ``stop``), which
        writes them in one go: for a caller that releases them whenever it is about
        to wait (``isolation.run_isolated``'s ``idle``). The main process then writes
        and flushes once a wake-up, not once a document, and a reader of the log
        (a pipe) wakes as often; with two workers on two cores either took a core
        from a worker (issue 8). The lines and their order are the same."""
        if self._held is None:
            self._held = []

    def release(self) -> None:
        """Write the lines kept since ``hold`` or the last release, in order."""
        if self._held:
            text = "".join(self._held)
            self._held.clear()
            if self.mode == "json":
                self._write(text)

    def note(self, path: str, message: str) -> None:
        """A note from walking the inputs: a JSON line for the log (the closing
        summary prints it for a person)."""
        if self.mode == "json":
            self._log(note_record(path, message))

    def document(self, document: dict, flags: Counter) -> None:
        if document["status"] == "failed":
            self.failures += 1
        if self.mode == "json":
            self._log(log_record(document, flags))
        elif self._progress is not None:
            self._progress.advance(self._task)
            speed = self._progress.tasks[0].speed
            self._progress.update(self._task, failures=self.failures,
                                  rate=f"{speed:.1f} docs/s" if speed else "")

    def stop(self) -> None:
        self.release()
        self._held = None
        if self._progress is not None:
            self._progress.stop()
            self._progress = None
