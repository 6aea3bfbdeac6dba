"""Results committed in batches as they arrive: bounded memory, little lost to a kill.

A batch is at most ``commit_every`` documents, ``commit_rows`` action rows,
``commit_bytes`` of the documents' tables as they came, or ``commit_seconds`` old,
and the run's last but one ends ``commit_tail`` documents before the end; each
flush is one commit per table, ``documents`` last, replacing the rows of every
source in the batch that the dataset already holds.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import contextmanager

import pyarrow as pa

from planextract.pipeline.rows import DocumentTables, arrow_table
from planextract.pipeline.wire import batch_table, held_bytes
from planextract.schema.delta import TABLES, Dataset, DatasetError, stored_schema
from planextract.settings import Settings


class Committer:
    def __init__(self, dataset: Dataset, existing: set[str], settings: Settings,
                 expected: int = 0) -> None:
        """``expected``: the documents the run will add (0: not known)."""
        self.dataset = dataset
        self.existing = set(existing)
        self.every = max(1, settings.run.commit_every)
        self.seconds = settings.run.commit_seconds
        self.max_rows = settings.run.commit_rows
        self.max_bytes = settings.run.commit_bytes or float("inf")  # 0: no bound
        self.rows = 0
        self.bytes = 0  # of the buffered documents' tables (``wire.held_bytes``)
        self.left = expected  # documents still to come
        self.tail = settings.run.commit_tail if expected else 0
        self.cut_short = False  # a flush was interrupted: the next one replaces, never appends
        self.buffer: list[DocumentTables] = []
        self.commits = 0
        self.replaced: set[str] = set()  # tables whose rows a commit replaced or removed
        self._last = time.monotonic()

    def holds(self, document: DocumentTables) -> bool:
        return any(d is document for d in self.buffer)

    def add(self, document: DocumentTables) -> None:
        self.buffer.append(document)
        self.rows += document.num_rows("actions")
        self.bytes += held_bytes(document.tables)
        self.left -= 1
        if (len(self.buffer) >= self.every or self.rows >= self.max_rows
                or self.bytes >= self.max_bytes or self.left == self.tail > 0
                or time.monotonic() - self._last >= self.seconds):
            # (the last documents' tail: the batch so far is committed while they
            # are read, not after the last, when the run only waits for it: issue 8)
            self.flush()

    def flush(self) -> None:
        """Commit the buffered documents: one commit per table, documents last."""
        self._last = time.monotonic()
        if not self.buffer:
            return
        batch = sorted(self.buffer, key=lambda d: d.source)
        sources = {d.source for d in batch}
        replace = sources if self.cut_short or sources & self.existing else set()
        self.cut_short = True
        with writing(self.dataset):
            for name in TABLES:
                rows = (batch_documents(batch) if name == "documents"
                        else batch_table(name, [d.tables for d in batch]))
                if replace:
                    self.replaced.add(name)
                self.commits += self.dataset.commit(name, rows, replace)
        self.cut_short = False
        self.existing |= sources
        self.buffer.clear()
        self.rows = self.bytes = 0

    def delete(self, sources: list[str]) -> None:
        """Remove every row of ``sources`` (``--prune``), documents last."""
        if not sources:
            return
        with writing(self.dataset):
            for name in TABLES:
                self.replaced.add(name)
                self.commits += self.dataset.commit(name, stored_schema(name).empty_table(),
                                                    sources)
        self.existing -= set(sources)


def batch_documents(batch: list[DocumentTables]) -> pa.Table:
    """The batch's documents table made from the rows the documents carry
    (``DocumentTables.document``, each the row its worker made its one-row table
    of and validated: ``rows.document_tables``), not decoded from 200 one-row IPC
    messages and joined: 0.24 against 1.9 ms a batch of 200 (issue 8: the main
    process's CPU). The same table, to the chunk and the schema's metadata, as
    ``reference_batch_documents`` (``tests/test_ingest_answers.py``)."""
    return arrow_table("documents", [d.document for d in batch])


def reference_batch_documents(batch: list[DocumentTables]) -> pa.Table:
    """The documents table as it was made: each document's table as it came, joined."""
    return batch_table("documents", [d.tables for d in batch])


@contextmanager
def writing(dataset: Dataset) -> Iterator[None]:
    """Turn a failed write (full disk, lost mount, permissions) into one clear line."""
    try:
        yield
    except Exception as err:  # noqa: BLE001 - deltalake raises its own and OS errors
        first = (str(err).strip().splitlines() or [type(err).__name__])[0]
        raise DatasetError(f"cannot write to the dataset {dataset.root}: {first}; every "
                           "batch committed before is kept, run again to finish") from None
