"""One input file through reader and normaliser into rows of the three tables.

Never raises: whatever goes wrong becomes a ``failed`` documents row with a
message a person can act on, so one broken file cannot stop a batch.
"""

from __future__ import annotations

import hashlib
import re
import time
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from planextract.settings import DEFAULT, Settings

if TYPE_CHECKING:
    import pyarrow as pa

    from planextract.pipeline.packed_rows import PackedRows

# The readers and the normaliser are imported by run_one, where they are used: the
# main process builds ``failed`` results and rows but never reads a document, so it
# does not load them (issue 11; the fork server loads them once: child.warm_up).


@dataclass
class DocumentResult:
    """One document's rows. ``action_rows`` is an Arrow table of the contract's
    ``actions`` schema as ``run_one`` makes it (issue 11: compact while the document
    is in memory), a long document's batches packed and validated
    (``packed_rows.PackedRows``), or dicts; ``actions`` gives them as dicts either
    way."""

    document: dict
    action_rows: pa.Table | PackedRows | list[dict] = field(default_factory=list)
    glossary: list[dict] = field(default_factory=list)
    roles: list[dict] = field(default_factory=list)

    @property
    def actions(self) -> list[dict]:
        """The action rows as dicts (made on each call from a table: for tests and
        library use; the pipeline reads ``action_rows``)."""
        if isinstance(self.action_rows, list):
            return self.action_rows
        from planextract.pipeline.action_rows import as_dicts

        return as_dicts(self.action_rows)

    @property
    def n_actions(self) -> int:
        rows = self.action_rows
        return len(rows) if isinstance(rows, list) else rows.num_rows


def path_id(source: str) -> str:
    """doc_id of a file whose bytes were never read: the hash of its path, so it
    is still a key, and never the hash of empty content shared by all such files."""
    return hashlib.sha256(("path:" + source).encode("utf-8", "surrogateescape")).hexdigest()[:16]


def _document_row(source: str, data: bytes | None, **values: object) -> dict:
    digest = hashlib.sha256(data).hexdigest() if data is not None else None
    row = {
        "doc_id": digest[:16] if digest else path_id(source), "source": source,
        "source_format": None, "sha256": digest,
        "bytes": len(data or b""), "pages": None, "organisation": None, "plan_title": None,
        "n_actions": 0, "status": "ok", "error": None, "warnings": [], "seconds": 0.0,
    }
    row.update(values)
    return row


def failed(source: str, error: str, data: bytes | None = None, *, sha256: str | None = None,
           size: int = 0, seconds: float = 0.0) -> DocumentResult:
    """A ``failed`` result made outside the reader (a worker that crashed or timed
    out, an input that could not be walked); ``sha256`` when the caller hashed it."""
    row = _document_row(source, data, status="failed", error=error, seconds=seconds)
    if data is None and sha256:
        row.update(doc_id=sha256[:16], sha256=sha256, bytes=size)
    return DocumentResult(row)


def memory_message(settings: Settings) -> str:
    cap = settings.run.max_memory
    size = f"{cap / 1024**3:.3g} GB" if cap >= 1024**3 else f"{cap // 1024**2} MB"
    return (f"ran out of memory: reading it needed more than the {size} cap "
            "(--max-memory); raise the cap or split the file")


def run_one(source: str, settings: Settings = DEFAULT) -> DocumentResult:
    from planextract.memo import forget_document
    from planextract.pipeline.collector import spaced

    try:
        with spaced(settings.run.gc_young):
            return _run_one(source, settings)
    finally:  # the normaliser's answers about this document's text go with it (issue 11)
        forget_document()


def _run_one(source: str, settings: Settings) -> DocumentResult:
    from planextract.extract import ReaderError
    from planextract.extract.guards import read_input
    from planextract.gc_pause import gc_paused
    from planextract.normalise.document import drafts_of, records
    from planextract.pipeline import heap
    from planextract.pipeline.action_rows import ActionRows
    from planextract.pipeline.pdf_split import read_split

    started = time.perf_counter()
    try:  # type and size checked on the open file before a byte is read (issue 9)
        data = read_input(source, settings.limits)
    except OSError as err:
        return DocumentResult(_document_row(
            source, None, status="failed",
            error=f"cannot open the file: {err.strerror or err}",
            seconds=time.perf_counter() - started))
    except ReaderError as err:
        return DocumentResult(_document_row(
            source, None, status=err.status, error=str(err),
            seconds=time.perf_counter() - started))
    # the file's hash and size, worked out once: the bytes go once read (issue 11)
    known = {k: v for k, v in _document_row(source, data).items()
             if k in ("doc_id", "sha256", "bytes")}
    doc_id = known["doc_id"]
    try:
        raw = read_split(data, settings)  # read_document; a long PDF by several processes
        del data
        source_format, pages = raw.source_format, raw.pages
        with gc_paused(settings.run.pause_gc):  # the normaliser makes no cycles
            # each block let go once its drafts are made (issue 11)
            doc, drafts = drafts_of(raw, settings, consume=True, give_back=heap.give_back)
            del raw
            if heap.is_long(len(drafts), settings.run.row_batch):
                # the read let go of its working memory as the drafts were made, and
                # glibc keeps those pages resident until reused; the owners' first
                # pass and the rows reuse few of them (pymalloc's arenas, Arrow's
                # buffers): given back here, a 1 MB export's peak as sent fell 0.2-0.3x
                # (html 6.0 -> 5.8, text-cells 6.5 -> 6.2, csv 5.3 -> 5.1), a 10 MB
                # one's 0.1-0.3x (issue 11). Not for a short document: nearly all fit
                # one row batch and its trim is no gain
                heap.give_back()
            shared = {"doc_id": doc_id, "source": source, "source_format": source_format,
                      "organisation": doc.organisation, "plan_title": doc.plan_title}
            # each record made into its row, and the rows into Arrow a batch at a time
            built = ActionRows(settings.run.row_batch, settings.run.row_pack, len(drafts))
            used: set[str] = set()  # the abbreviations the rows print, for the glossary
            seen: set[str] = set()  # the owner texts already searched for them (a few)
            for action in records(drafts, doc, settings):
                row = {**shared, **action.to_row()}
                _abbreviations(row, used, seen, settings.memo.abbreviations)
                built.add(row)
            actions = built.finish()
    except MemoryError:
        return DocumentResult(_document_row(
            source, None, **known, status="failed", error=memory_message(settings),
            seconds=time.perf_counter() - started))
    except ReaderError as err:
        return DocumentResult(_document_row(
            source, None, **known, status=err.status, error=str(err),
            seconds=time.perf_counter() - started))
    except Exception as err:  # noqa: BLE001 - a batch must survive any one file
        return DocumentResult(_document_row(
            source, None, **known, status="failed",
            error=f"internal error ({type(err).__name__}: {err}); the file was skipped - "
                  "please report it with the file attached",
            seconds=time.perf_counter() - started))
    row = _document_row(source, None, **known, source_format=source_format, pages=pages,
                        organisation=doc.organisation, plan_title=doc.plan_title,
                        n_actions=built.count, warnings=doc.warnings)
    if not built.count:
        row["status"] = "empty"
        row["error"] = ("no action table found: the file was read but holds no table with "
                        "an action column (Action, Actions, Action Required, ...)")
    row["seconds"] = time.perf_counter() - started
    roles = [{"doc_id": row["doc_id"], "role": r.role, "spelling": r.spelling,
              "mentions": r.mentions, "match": r.match} for r in doc.roles]
    return DocumentResult(row, actions, _glossary_rows(row["doc_id"], doc, used), roles)


_ABBREVIATION = re.compile(r"[A-Z][A-Z&]+")


def _abbreviations(action: dict, used: set[str], seen: set[str] | None = None,
                   kept: int | None = None) -> None:
    """Add the abbreviations one action row prints to ``used``: the printed owner
    cell (canonical labels spell them out), its owners and scrutiny bodies. A text
    in ``seen`` was searched already (rows repeat their owners); it is added there,
    and ``seen`` emptied first once it holds ``kept`` (None: never, the reference).
    Why: unbounded, it kept every distinct owner text of a long document alive, and
    its table grew, through the records step (1 MB text-cells: 128 KiB of table and
    most of 286 KiB of the drafts' strings; searching a text again adds nothing)."""
    for text in [action["owners_raw"] or "", *action["owners"], *action["scrutiny"]]:
        if seen is not None:
            if text in seen:
                continue
            if kept is not None and len(seen) >= kept:
                seen.clear()
            seen.add(text)
        used.update(_ABBREVIATION.findall(text))


def _glossary_rows(doc_id: str, doc, used: set[str]) -> list[dict]:
    from planextract.normalise import glossary as glossary_rules

    rows = [{"doc_id": doc_id, "abbreviation": e.abbreviation, "expansion": e.expansion,
             "origin": e.origin} for e in doc.glossary]
    defined = {e.abbreviation for e in doc.glossary}
    for abbreviation in sorted(used - defined):
        if abbreviation in glossary_rules.BUILTIN:
            rows.append({"doc_id": doc_id, "abbreviation": abbreviation,
                         "expansion": glossary_rules.BUILTIN[abbreviation],
                         "origin": "builtin"})
    return rows
