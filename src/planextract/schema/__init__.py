"""The canonical dataset: its pyarrow schema, validation, and the atomic writer.

This package is the project's single source of truth for ``CANONICAL.md``.

``write_dataset`` is imported on first use (PEP 562): the writer imports
pyarrow.parquet (with pyarrow.fs, ssl and HDFS support, ~40 ms), which the
document workers never use, and the fork server they come from imports this
package before the first worker can start (issue 8).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from planextract.schema.canonical import ACTIONS, DOCUMENTS, GLOSSARY, ROLES, SCHEMAS
from planextract.schema.validate import SchemaError, validate

if TYPE_CHECKING:
    from planextract.schema.writer import write_dataset

__all__ = ["ACTIONS", "DOCUMENTS", "GLOSSARY", "ROLES", "SCHEMAS", "SchemaError", "validate",
           "write_dataset"]


def __getattr__(name: str) -> Any:
    if name == "write_dataset":
        from planextract.schema.writer import write_dataset

        return write_dataset
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
