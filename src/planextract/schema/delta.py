"""The dataset as Delta Lake tables: one atomic commit per table per batch.

Each table folder holds Parquet files plus ``_delta_log/``. ``documents`` is
committed last in every batch and is the record of what was ingested: rows of the
other tables whose (source, doc_id) has no documents row are leftovers of a run
killed between two commits, and ``remove_orphans`` drops them before a run.
Files a commit replaced are vacuumed at the end of a run, so plain Parquet readers
(pyarrow.dataset, pandas, DuckDB ``read_parquet('…/*.parquet')``) see only live rows.

``glossary`` and ``roles`` carry one column beyond the contract, ``source``, so every
table is keyed by source path: identical files at two paths share a doc_id (the hash
of their bytes) and replacing one must not touch the other's rows.
"""

from __future__ import annotations

import json
import re
import uuid
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pyarrow as pa
import pyarrow.parquet as pq
from deltalake import DeltaTable, Schema, WriterProperties, write_deltalake
from deltalake.transaction import AddAction, create_table_with_add_actions

from planextract.schema.stored import SOURCE_ADDED, TABLES, stored_schema  # noqa: F401


class DatasetError(Exception):
    """The dataset folder cannot be used as one; the message says what to do."""


def quote(value: str) -> str:
    """A SQL string literal for a delta-rs predicate."""
    return "'" + value.replace("'", "''") + "'"


def sources_predicate(sources: Iterable[str]) -> str:
    return "source IN (" + ", ".join(quote(s) for s in sorted(set(sources))) + ")"


def _pairs_predicate(pairs: Iterable[tuple[str, str]]) -> str:
    return " OR ".join(f"(source = {quote(s)} AND doc_id = {quote(d)})" for s, d in sorted(pairs))


def _local(uri: str) -> str:
    """The local path of a file ``DeltaTable.file_uris`` names: it percent-encodes
    (``/data/my plans`` is ``/data/my%20plans``) and may say ``file://``."""
    return unquote(urlsplit(uri).path if uri.startswith("file:") else uri)


# deltalake (1.6) percent-decodes a local table path after writing: a folder named
# ``a%20b`` gets its first commit written, then is looked for as ``a b``
_PERCENT_ESCAPE = re.compile(r"%[0-9A-Fa-f]{2}")


def refuse_escaped_path(root: Path) -> None:
    """DatasetError, before anything is written, for a dataset path deltalake would
    read back as another folder (one holding ``%`` and two hex digits, as ``%20``)."""
    where = str(Path(root).absolute())
    if found := _PERCENT_ESCAPE.search(where):
        raise DatasetError(
            f"the dataset path {where} holds {found.group()!r}, which the Delta Lake "
            "library reads as an escaped character (a different folder); choose a dataset "
            "folder whose path has no '%' followed by two hex digits")


class Dataset:
    """A dataset folder of Delta tables; every write is one commit on one table."""

    def __init__(self, root: Path) -> None:
        refuse_escaped_path(root)
        self.root = Path(root)
        self._props = WriterProperties(compression="ZSTD")
        self._open: dict[str, DeltaTable] | None = None  # tables kept open: ``session``

    @contextmanager
    def session(self) -> Iterator[None]:
        """Keep each table open between calls instead of loading it again (its log read
        afresh: 3-10 ms a load, twice a commit): for a process that holds the dataset's
        lock, the only writer, whose own commits keep the open tables current."""
        self._open = {}
        try:
            yield
        finally:
            self._open = None

    def path(self, name: str) -> Path:
        return self.root / name

    def check_layout(self, replace_plain: bool = False) -> None:
        """Refuse a table folder that holds files but no transaction log (a dataset
        written before tables became Delta tables, or someone else's folder). With
        ``replace_plain`` (``extract``, which replaces the dataset anyway) a folder of
        nothing but Parquet files is emptied instead, to become a Delta table."""
        for name in TABLES:
            folder = self.path(name)
            if (folder / "_delta_log").is_dir():
                continue  # ours: a table, or one a run is creating (or was killed creating)
            if folder.exists() and not DeltaTable.is_deltatable(str(folder)):
                plain = folder.is_dir() and all(p.is_file() and p.suffix == ".parquet"
                                                for p in folder.iterdir())
                if plain and replace_plain:
                    for part in folder.iterdir():
                        part.unlink()
                elif not folder.is_dir() or any(folder.iterdir()):
                    raise DatasetError(
                        f"{folder} is not a Delta table (no _delta_log/): it was written by "
                        "an older planextract or by something else; move it away or choose "
                        "another dataset folder")

    def table(self, name: str) -> DeltaTable | None:
        if self._open is not None and name in self._open:
            return self._open[name]
        folder = self.path(name)
        table = DeltaTable(str(folder)) if DeltaTable.is_deltatable(str(folder)) else None
        if table is not None and self._open is not None:
            self._open[name] = table
        return table

    def _target(self, name: str) -> DeltaTable | str:
        """What a write goes to: the open table (which the write brings up to date), or
        the folder when the table is not open (a write there loads it first)."""
        if self._open is not None and (table := self.table(name)) is not None:
            return table
        return str(self.path(name))

    def read(self, name: str, columns: list[str] | None = None) -> pa.Table:
        """The live rows of a table (empty with its schema when it does not exist)."""
        table = self.table(name)
        schema = stored_schema(name)
        if columns:
            schema = pa.schema([schema.field(c) for c in columns])
        if table is None:
            return schema.empty_table()
        if table.protocol().min_reader_version > 1:  # deletion vectors, column mapping
            return table.to_pyarrow_table(columns=columns).cast(schema)
        # the live files, read as they are: what to_pyarrow_table gives for a table of
        # reader version 1 (no deletion vectors, no column mapping, no partitions here),
        # without pyarrow.dataset, whose import costs more CPU than the rest of a
        # one-file run's main process (issue 11: start-up)
        parts = [pq.ParquetFile(_local(uri)).read(columns=columns) for uri in table.file_uris()]
        rows = pa.concat_tables(parts) if parts else schema.empty_table()
        return rows if rows.schema == schema else rows.cast(schema)

    def versions(self) -> dict[str, int | None]:
        return {name: (t.version() if (t := self.table(name)) else None) for name in TABLES}

    def ensure_tables(self) -> None:
        """Create every missing table, so readers always find all four. A table is
        created with its empty Parquet file in its first commit: a run killed between
        creating a table and giving it a file would leave a table plain readers see
        without columns (pandas: no ``source``). Its ``_delta_log/`` folder is made
        before that file, so a folder is never a file without a log, which
        ``check_layout`` would refuse as someone else's (another run checks before it
        waits for the lock; a run killed here leaves one)."""
        for name in TABLES:
            if self.table(name) is None:
                folder = self.path(name)
                # the log folder first: a folder holding a file but no log is what
                # check_layout refuses as foreign, and another run may look meanwhile
                (folder / "_delta_log").mkdir(parents=True, exist_ok=True)
                for stray in folder.glob("*.parquet"):  # a creation cut short by a kill
                    stray.unlink()
                create_table_with_add_actions(str(self.path(name)),
                                              Schema.from_arrow(stored_schema(name)),
                                              [self._empty_file(name)])
        self.keep_readable()

    def _empty_file(self, name: str) -> AddAction:
        """Write an empty Parquet file of table ``name`` into its folder (not yet part
        of the table) and return the action that adds it."""
        file_name = f"part-00000-{uuid.uuid4()}-c000.zstd.parquet"
        path = self.path(name) / file_name
        pq.write_table(stored_schema(name).empty_table(), path, compression="zstd")
        stat = path.stat()
        return AddAction(file_name, stat.st_size, {}, int(stat.st_mtime * 1000), True,
                         json.dumps({"numRecords": 0}))

    def keep_readable(self, names: Iterable[str] = TABLES) -> None:
        """Give a table with no live file one empty Parquet file: plain readers find no
        columns (pandas) or no files (DuckDB) in a folder without one."""
        for name in names:
            table = self.table(name)
            if table is None or table.file_uris():
                continue
            table.create_write_transaction([self._empty_file(name)], mode="append",
                                           schema=stored_schema(name))
            if self._open is not None:
                self._open.pop(name, None)  # a transaction leaves the object behind

    def commit(self, name: str, rows: pa.Table, replace: Iterable[str] = ()) -> bool:
        """One commit on table ``name``: the rows of every source in ``replace`` are
        removed and ``rows`` added, atomically. Returns whether anything was written."""
        replace = sorted(set(replace))
        if replace and rows.num_rows:
            write_deltalake(self._target(name), rows, mode="overwrite",
                            predicate=sources_predicate(replace), writer_properties=self._props)
        elif replace:
            removed = self._delete(name, sources_predicate(replace))
            self.keep_readable([name])  # its last rows gone: at once, not at the run's end
            return removed
        elif rows.num_rows:
            write_deltalake(self._target(name), rows, mode="append",
                            writer_properties=self._props)
        else:
            return False
        return True

    def overwrite(self, name: str, rows: pa.Table) -> None:
        """Replace the whole table in one commit (``extract``'s first batch)."""
        write_deltalake(self._target(name), rows, mode="overwrite",
                        writer_properties=self._props)

    def remove_orphans(self) -> int:
        """Drop rows of actions/glossary/roles whose (source, doc_id) has no documents
        row: what a run killed between its commits left. Returns rows removed."""
        docs = self.read("documents", ["source", "doc_id"])
        done = set(zip(docs.column("source").to_pylist(), docs.column("doc_id").to_pylist()))
        removed = 0
        for name in TABLES[:-1]:
            table = self.table(name)
            if table is None:
                continue
            keys = self.read(name, ["source", "doc_id"])
            pairs = set(zip(keys.column("source").to_pylist(), keys.column("doc_id").to_pylist()))
            orphans = pairs - done
            if orphans:
                before = table.count()
                self._delete(name, _pairs_predicate(orphans))
                self.keep_readable([name])
                removed += before - self.table(name).count()
        return removed

    def _delete(self, name: str, predicate: str) -> bool:
        """Remove the rows matching ``predicate`` in one commit. An empty overwrite with
        a predicate, not ``DeltaTable.delete``: delete rewrites files with string_view
        columns, which pandas cannot read back (list<string_view>)."""
        table = self.table(name)
        if table is None:
            return False
        before = table.version()
        write_deltalake(self._target(name), stored_schema(name).empty_table(),
                        mode="overwrite", predicate=predicate, writer_properties=self._props)
        return self.table(name).version() != before

    def vacuum(self, names: Iterable[str] = TABLES) -> int:
        """Delete every file no live row needs (replaced files, and files a killed run
        wrote but never committed) from tables ``names``. Returns files removed; commits
        only when there are."""
        removed = 0
        for name in names:
            table = self.table(name)
            if table is None:
                continue
            stale = table.vacuum(retention_hours=0, dry_run=True,
                                 enforce_retention_duration=False, full=True)
            if stale:
                removed += len(table.vacuum(retention_hours=0, dry_run=False,
                                            enforce_retention_duration=False, full=True))
        return removed
