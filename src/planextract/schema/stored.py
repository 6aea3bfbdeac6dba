"""The tables a dataset stores and their stored schemas, apart from the Delta Lake
layer (``schema.delta``), so a worker process that only builds and validates rows
never imports ``deltalake`` (issue 11: a run imports only what it uses)."""

from __future__ import annotations

import pyarrow as pa

from planextract.schema.canonical import SCHEMAS

# commit order inside a batch: documents last, as the record of what is done
TABLES = ("actions", "glossary", "roles", "documents")
SOURCE_ADDED = ("glossary", "roles")


def stored_schema(name: str) -> pa.Schema:
    """The schema a table is stored with: the contract's, plus ``source`` where added."""
    schema = SCHEMAS[name]
    if name in SOURCE_ADDED:
        schema = schema.append(pa.field("source", pa.string(), nullable=False))
    return schema
