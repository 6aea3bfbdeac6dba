"""Results committed in batches as they arrive: bounded memory, little lost to a kill.

A batch is at most ``commit_every`` documents or ``commit_seconds`` old; each
flush is one commit per table, ``documents`` last, replacing the rows of every
source in the batch that the dataset already holds.
"""

from __future__ import annotations

import time

import pyarrow as pa

from planextract.pipeline.rows import DocumentTables
from planextract.schema.delta import TABLES, Dataset, stored_schema
from planextract.settings import Settings


class Committer:
    def __init__(self, dataset: Dataset, existing: set[str], settings: Settings) -> None:
        self.dataset = dataset
        self.existing = set(existing)
        self.every = max(1, settings.run.commit_every)
        self.seconds = settings.run.commit_seconds
        self.buffer: list[DocumentTables] = []
        self.commits = 0
        self._last = time.monotonic()

    def add(self, document: DocumentTables) -> None:
        self.buffer.append(document)
        if (len(self.buffer) >= self.every
                or time.monotonic() - self._last >= self.seconds):
            self.flush()

    def flush(self) -> None:
        """Commit the buffered documents: one commit per table, documents last."""
        self._last = time.monotonic()
        if not self.buffer:
            return
        batch = sorted(self.buffer, key=lambda d: d.source)
        sources = {d.source for d in batch}
        replace = sources if sources & self.existing else set()
        for name in TABLES:
            rows = pa.concat_tables([d.tables[name] for d in batch]).combine_chunks()
            self.commits += self.dataset.commit(name, rows, replace)
        self.existing |= sources
        self.buffer.clear()

    def delete(self, sources: list[str]) -> None:
        """Remove every row of ``sources`` (``--prune``), documents last."""
        if not sources:
            return
        for name in TABLES:
            self.commits += self.dataset.commit(name, stored_schema(name).empty_table(),
                                                sources)
        self.existing -= set(sources)
