"""The typed action record the normaliser hands to the pipeline.

Its fields are the contract's ``actions`` columns minus the ones that belong
to the whole document (doc_id, source, source_format, organisation,
plan_title), in the contract's order, so ``to_row()`` lines up with the schema.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from datetime import date
from operator import attrgetter


@dataclass
class ActionRecord:
    table: str | None = None
    section: str | None = None
    objective_id: str | None = None
    objective: str | None = None
    outcome_id: str | None = None
    outcome: str | None = None
    action_id: str | None = None
    action_id_raw: str | None = None
    action: str = ""
    owners: list[str] = field(default_factory=list)
    owners_raw: str | None = None
    owner_people: list[str] = field(default_factory=list)
    due_raw: str | None = None
    due_kind: str = "none"
    due_date: date | None = None
    due_start: date | None = None
    progress: str | None = None
    rag: str | None = None
    risk: str | None = None
    strands: list[str] = field(default_factory=list)
    scrutiny: list[str] = field(default_factory=list)
    duty_relevance: str | None = None
    extra: dict[str, str] = field(default_factory=dict)
    page_start: int | None = None
    page_end: int | None = None
    line_start: int | None = None
    line_end: int | None = None
    flags: list[str] = field(default_factory=list)

    def to_row(self) -> dict:
        """The record as one row of the actions table (without the document's columns).
        As ``dataclasses.asdict`` gives it, without its deep copy: the lists and the
        map hold strings, so a shallow copy of each is a full one (issue 11). The
        values are read in one call and only the list and map fields copied."""
        row = dict(zip(_ORDER, _VALUES(self)))
        for name in _CONTAINERS:
            value = row[name]
            if type(value) is list:
                row[name] = list(value)
            elif type(value) is dict:
                row[name] = dict(value)
        return row

    # Read access as on a row (``record["owners"]``, ``{**shared, **record}``), so
    # code written against the dict rows it replaced keeps working.
    def __getitem__(self, name: str) -> object:
        """A column by its contract name; unknown names raise KeyError like a dict."""
        if name not in _NAMES:
            raise KeyError(name)
        return getattr(self, name)

    def keys(self) -> list[str]:
        return [f.name for f in fields(self)]


_ORDER = tuple(f.name for f in fields(ActionRecord))
_VALUES = attrgetter(*_ORDER)
# the fields typed as lists or maps: the only ones that hold a container
_CONTAINERS = tuple(f.name for f in fields(ActionRecord)
                    if str(f.type).startswith(("list[", "dict[")))
_NAMES = frozenset(_ORDER)
