"""A document's action rows made into Arrow as they come (issue 11).

A dict a row costs about ten times the row's text; held for a whole long
document, the rows were much of its peak memory. ``ActionRows`` keeps at most
``RunSettings.row_batch`` dicts, turning each full batch into a table of the
contract's schema; the result is the same table ``rows.arrow_table`` makes of all
the dicts at once. Rows Arrow refuses (a value of the wrong type) are kept as
dicts from then on, so the validator names the breach as it did before.

The batches come from the system allocator, not Arrow's default mimalloc pool:
mimalloc reserves its heap in large segments, and a few small batches raised the
peak RSS of a 1 MB export by about 8 MB (measured), more than they saved.
"""

from __future__ import annotations

import pyarrow as pa

from planextract.pipeline.rows import arrow_table
from planextract.schema import SCHEMAS

_NAMES = tuple(SCHEMAS["actions"].names)


class ActionRows:
    """Action rows (dicts) in, one Arrow table (or, after a refused row, the
    dicts) out."""

    def __init__(self, batch: int) -> None:
        self._batch = max(1, batch)
        self._tables: list[pa.Table] = []
        self._pending: list[dict] = []
        self._dicts: list[dict] | None = None  # once Arrow refused a batch
        self.count = 0

    def add(self, row: dict) -> None:
        self.count += 1
        if self._dicts is not None:
            self._dicts.append(row)
            return
        self._pending.append(row)
        if len(self._pending) >= self._batch:
            self._flush()

    def _flush(self) -> None:
        if not self._pending:
            return
        try:
            self._tables.append(arrow_table("actions", self._pending, pa.system_memory_pool()))
        except (pa.ArrowException, TypeError, ValueError):
            self._dicts = [row for table in self._tables for row in as_dicts(table)]
            self._dicts.extend(self._pending)
            self._tables = []
        self._pending = []

    def finish(self) -> pa.Table | list[dict]:
        """The rows added, in order: a table of the contract's ``actions`` schema,
        or the dicts when Arrow refused one."""
        self._flush()
        if self._dicts is not None:
            return self._dicts
        if not self._tables:
            return SCHEMAS["actions"].empty_table()
        return pa.concat_tables(self._tables)


def as_dicts(table: pa.Table) -> list[dict]:
    """The rows of an ``actions`` table as the dicts they were made from (the
    ``extra`` map back to a dict)."""
    rows = table.to_pylist()
    for row in rows:
        row["extra"] = dict(row["extra"])
    return rows
