"""pyarrow schemas of the four tables, column for column as CANONICAL.md says.

Columns beyond the contract (``owners_raw`` is in it; ``extra`` too) are
added at the end of a table, never in the middle, so readers keyed by name
and by position both keep working.
"""

from __future__ import annotations

import pyarrow as pa

_STR_LIST = pa.list_(pa.string())

ACTIONS = pa.schema([
    pa.field("doc_id", pa.string(), nullable=False),
    pa.field("source", pa.string(), nullable=False),
    pa.field("source_format", pa.string(), nullable=False),
    pa.field("organisation", pa.string()),
    pa.field("plan_title", pa.string()),
    pa.field("table", pa.string()),
    pa.field("section", pa.string()),
    pa.field("objective_id", pa.string()),
    pa.field("objective", pa.string()),
    pa.field("outcome_id", pa.string()),
    pa.field("outcome", pa.string()),
    pa.field("action_id", pa.string()),
    pa.field("action_id_raw", pa.string()),
    pa.field("action", pa.string(), nullable=False),
    pa.field("owners", _STR_LIST, nullable=False),
    pa.field("owners_raw", pa.string()),
    pa.field("owner_people", _STR_LIST, nullable=False),
    pa.field("due_raw", pa.string()),
    pa.field("due_kind", pa.string(), nullable=False),
    pa.field("due_date", pa.date32()),
    pa.field("due_start", pa.date32()),
    pa.field("progress", pa.string()),
    pa.field("rag", pa.string()),
    pa.field("risk", pa.string()),
    pa.field("strands", _STR_LIST, nullable=False),
    pa.field("scrutiny", _STR_LIST, nullable=False),
    pa.field("duty_relevance", pa.string()),
    pa.field("extra", pa.map_(pa.string(), pa.string()), nullable=False),
    pa.field("page_start", pa.int32()),
    pa.field("page_end", pa.int32()),
    pa.field("line_start", pa.int32()),
    pa.field("line_end", pa.int32()),
    pa.field("flags", _STR_LIST, nullable=False),
])

DOCUMENTS = pa.schema([
    pa.field("doc_id", pa.string(), nullable=False),
    pa.field("source", pa.string(), nullable=False),
    pa.field("source_format", pa.string()),
    pa.field("sha256", pa.string()),  # null when the bytes could not be read
    pa.field("bytes", pa.int64(), nullable=False),
    pa.field("pages", pa.int32()),
    pa.field("organisation", pa.string()),
    pa.field("plan_title", pa.string()),
    pa.field("n_actions", pa.int32(), nullable=False),
    pa.field("status", pa.string(), nullable=False),
    pa.field("error", pa.string()),
    pa.field("warnings", _STR_LIST, nullable=False),
    pa.field("seconds", pa.float64(), nullable=False),
])

GLOSSARY = pa.schema([
    pa.field("doc_id", pa.string(), nullable=False),
    pa.field("abbreviation", pa.string(), nullable=False),
    pa.field("expansion", pa.string(), nullable=False),
    pa.field("origin", pa.string(), nullable=False),
])

ROLES = pa.schema([
    pa.field("doc_id", pa.string(), nullable=False),
    pa.field("role", pa.string(), nullable=False),
    pa.field("spelling", pa.string(), nullable=False),
    pa.field("mentions", pa.int32(), nullable=False),
    pa.field("match", pa.string(), nullable=False),
])

SCHEMAS = {"actions": ACTIONS, "documents": DOCUMENTS, "glossary": GLOSSARY, "roles": ROLES}

DUE_KINDS = {"date", "range", "multiple", "ongoing", "unknown", "none"}
STATUSES = {"ok", "failed", "empty"}
RAGS = {"red", "amber", "green", "grey"}
ROLE_MATCHES = {"exact", "key", "builtin", "vocabulary", "fuzzy"}
