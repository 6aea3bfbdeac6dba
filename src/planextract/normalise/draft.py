"""An action draft as the row builder assembles it, and the context it sits in:
the records are made from these once a document's owners are read, so a long plan
holds thousands of them (slots; no flag set until flagged: issue 11)."""

from __future__ import annotations

from dataclasses import dataclass

from planextract.extract.model import Row

# roles whose cells are joined across a page break and split across stacked actions
VALUE_ROLES = ("owner", "due", "start", "owner_due", "duty", "scrutiny", "strand", "progress",
               "risk", "rag")
EXTRA_ROLES = ("extra", "issue")  # cells kept in ``extra`` by their header


@dataclass(slots=True)  # shared by the drafts under it, thousands in a long plan
class Outcome:
    number: str | None
    text: str


@dataclass(slots=True)  # one per draft: a long plan has thousands (issue 11)
class Context:
    section: str | None = None
    section_common: bool = False
    objective_id: str | None = None
    objective: str | None = None
    objective_heading: str | None = None
    strands: tuple[str, ...] = ()  # from a heading naming only strands (``Race equality``)
    theme: str | None = None  # a theme column's cell over the rows it groups


_NO_FLAGS: frozenset[str] = frozenset()  # the flags of every unflagged draft


@dataclass(slots=True)  # a long plan holds thousands until owners are read (issue 11)
class Draft:
    """An action being assembled; cells can still grow from continuation rows."""

    table: str | None
    context: Context
    outcome: Outcome | None
    action_id_raw: str | None
    action: str
    values: dict[str, list[str]]
    extra: dict[str, str]
    line_start: int | None
    line_end: int | None
    page_start: int | None
    page_end: int | None
    # no set of its own until flagged (``flag``): an empty set a draft was 2.7 MB
    # of a 3,014-page plan's 13,158 drafts, and most drafts carry no flag (issue 11)
    flags: set[str] | frozenset[str] = _NO_FLAGS

    def flag(self, name: str) -> None:
        """Add ``name`` to the flags, the draft's own set made on the first."""
        if self.flags:
            self.flags.add(name)
        else:
            self.flags = {name}

    def extend_to(self, row: Row) -> None:
        if row.line_end is not None:
            self.line_end = max(self.line_end or row.line_end, row.line_end)
        if row.page_end is not None:
            self.page_end = max(self.page_end or row.page_end, row.page_end)


def document_order(draft: Draft) -> tuple[int, int]:
    """Where a draft's row stands in its document: its page, then its line. Each
    format gives one of the two (a PDF pages, a text export lines) but a workbook,
    whose rows are numbered on each sheet and whose sheets are its pages."""
    return draft.page_start or 0, draft.line_start or 0
