"""One validator every table passes before it is written.

Written without ``pyarrow.compute`` (its import builds a wrapper for every compute
function: ~70 ms of CPU), the one module that needed it in a document worker: the
fork server imports what workers need before the first can start (issue 8). The
checks read the columns as Python values, as the due-date check always did;
``tests/test_validate_lean.py`` keeps the compute-based checks and compares.
"""

from __future__ import annotations

import pyarrow as pa

from planextract.schema.canonical import DUE_KINDS, RAGS, ROLE_MATCHES, SCHEMAS, STATUSES


class SchemaError(ValueError):
    """A table does not meet the contract; the message names table and column."""


def _values_in(table: pa.Table, name: str, column: str, allowed: set[str],
               nullable: bool) -> None:
    values = set(table.column(column).to_pylist())
    values.discard(None)
    bad = values - allowed
    if bad:
        raise SchemaError(f"{name}.{column}: unexpected values {sorted(bad)}")
    if not nullable and table.column(column).null_count:
        raise SchemaError(f"{name}.{column}: nulls are not allowed")


def validate(name: str, table: pa.Table) -> pa.Table:
    """Check ``table`` against the contract for ``name``; return it cast to the
    exact schema (column order and types), or raise SchemaError."""
    schema = SCHEMAS[name]
    if not table.schema.equals(schema, check_metadata=True):
        # (a table built in the contract's schema, as every worker's is, is already
        # what the cast makes: ~0.7 ms a document's tables, of a worker's ~12)
        present = set(table.column_names)  # a property that builds its list each call
        missing = [f.name for f in schema if f.name not in present]
        if missing:
            raise SchemaError(f"{name}: missing columns {missing}")
        table = table.select(schema.names)
        try:
            table = table.cast(schema)
        except (pa.ArrowInvalid, pa.ArrowTypeError, pa.ArrowNotImplementedError) as err:
            raise SchemaError(f"{name}: {err}") from None
    for field in schema:
        if not field.nullable and table.column(field.name).null_count:
            raise SchemaError(f"{name}.{field.name}: nulls are not allowed")
    if name == "actions":
        _values_in(table, name, "due_kind", DUE_KINDS, nullable=False)
        _values_in(table, name, "rag", RAGS, nullable=True)
        empty = table.column("action").to_pylist().count("")
        if empty:
            raise SchemaError(f"{name}.action: {empty} rows with no action text")
        kinds = table.column("due_kind").to_pylist()
        dates = table.column("due_date").to_pylist()
        flags = table.column("flags").to_pylist()
        for kind, due, flag in zip(kinds, dates, flags):
            if kind in ("ongoing", "unknown", "none") and due is not None:
                raise SchemaError(f"{name}.due_date: set for a row whose due_kind is {kind}")
            # an impossible date (31.6.10) is a date with no day (CANONICAL.md)
            if kind in ("date", "range", "multiple") and due is None \
                    and "date_impossible" not in (flag or []):
                raise SchemaError(f"{name}.due_date: missing for a row whose due_kind is {kind}")
    if name == "documents":
        _values_in(table, name, "status", STATUSES, nullable=False)
    if name == "glossary":
        _values_in(table, name, "origin", {"document", "builtin"}, nullable=False)
    if name == "roles":
        _values_in(table, name, "match", ROLE_MATCHES, nullable=False)
    return table
