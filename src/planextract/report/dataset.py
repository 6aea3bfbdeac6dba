"""Read a written dataset back for the report and the exports.

Each table folder is read as the Parquet files it holds (``*.parquet``), so the
same code reads plain Parquet tables and Delta Lake tables (whose folders hold
only their live Parquet files between runs, beside a ``_delta_log/`` that is
not needed to read them). A missing or empty table reads as zero rows of its
contract schema, so a dataset written before the ``roles`` table existed still
makes a report.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.dataset as ds

from planextract.schema import SCHEMAS


class DatasetError(ValueError):
    """The folder is not a planextract dataset; the message says what is missing."""


@dataclass(frozen=True)
class Dataset:
    """The four tables of one dataset, each with at least its contract columns."""

    actions: pa.Table
    documents: pa.Table
    glossary: pa.Table
    roles: pa.Table


def _conform(table: pa.Table, schema: pa.Schema) -> pa.Table:
    """Add any contract column the files lack (as nulls) and cast the others to
    the contract's types; columns beyond the contract are kept at the end."""
    for field in schema:
        if field.name not in table.column_names:
            table = table.append_column(field.name, pa.nulls(table.num_rows, field.type))
    extra = [n for n in table.column_names if n not in schema.names]
    known = table.select(schema.names).cast(pa.schema([f.with_nullable(True) for f in schema]))
    for name in extra:
        known = known.append_column(name, table.column(name))
    return known


def read_table(folder: Path, name: str) -> pa.Table:
    """Every row of one table folder, in file-name order; zero rows when absent."""
    schema = SCHEMAS[name]
    files = sorted(str(p) for p in Path(folder).glob("*.parquet")) if folder.is_dir() else []
    if not files:
        return schema.empty_table()
    table = ds.dataset(files, format="parquet").to_table()
    return _conform(table, schema)


# Delta Lake writes each commit as new files named by uuid, so file order is not
# document order: tables are put in a fixed order by their document (a stable sort
# keeps each document's rows in their own order).
_ORDER = {"actions": "source", "documents": "source", "glossary": "doc_id", "roles": "doc_id"}


def _in_order(table: pa.Table, column: str) -> pa.Table:
    return table.take(pc.sort_indices(table.column(column)))  # stable


def load(root: Path) -> Dataset:
    """Read the dataset under ``root``; DatasetError when it has no ``actions`` or
    ``documents`` table (the two every run writes)."""
    root = Path(root)
    missing = [n for n in ("actions", "documents") if not (root / n).is_dir()]
    if missing:
        raise DatasetError(
            f"{root} is not a planextract dataset: no {' or '.join(missing)} folder "
            f"(write one with: planextract extract PATH... --out {root})")
    return Dataset(**{name: _in_order(read_table(root / name, name), _ORDER[name])
                      for name in SCHEMAS})
