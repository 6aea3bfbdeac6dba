"""The canonical dataset: its pyarrow schema, validation, and the atomic writer.

This package is the project's single source of truth for ``CANONICAL.md``.
"""

from planextract.schema.canonical import ACTIONS, DOCUMENTS, GLOSSARY, ROLES, SCHEMAS
from planextract.schema.validate import SchemaError, validate
from planextract.schema.writer import write_dataset

__all__ = ["ACTIONS", "DOCUMENTS", "GLOSSARY", "ROLES", "SCHEMAS", "SchemaError", "validate",
           "write_dataset"]
