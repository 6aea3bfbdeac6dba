"""Rows that print something but hold no action: said in a document warning.

The contract makes an action with no text of its own no row, but an analyst must
not lose what such a row printed (a number, an owner, a date with the action cell
left empty, or a number alone). Its cells are kept, labelled by their column, in
one warning naming where the row is, so the text is found and can be checked
against the file.
"""

from __future__ import annotations

from planextract.lexicon.text import squash
from planextract.normalise.record import ActionRecord

MESSAGE = "a row with no action text is not an action; what it printed is kept here"


def where(line: int | None, page: int | None) -> str:
    """``line 12`` / ``page 3`` / ``a table row``: where to look in the file."""
    if line is not None:
        return f"line {line}"
    if page is not None:
        return f"page {page}"
    return "a table row"


def describe(place: str, cells: list[tuple[str, str]]) -> str | None:
    """The warning for a row left out, or None when it printed nothing."""
    printed = [(squash(label), squash(text)) for label, text in cells]
    kept = [f"{label}: {text}" if label else text for label, text in printed if text]
    if not kept:
        return None
    return f"{place}: {MESSAGE}: " + " | ".join(kept)


# the fields of an action record that hold what its row printed, with a label each
_PRINTED = (("number", "action_id_raw"), ("owners", "owners_raw"), ("due", "due_raw"),
            ("progress", "progress"), ("risk", "risk"), ("duty", "duty_relevance"))


def describe_record(record: ActionRecord) -> str:
    """The warning for an action record left with no text (its row printed a number
    alone, or a bullet): its printed fields and ``extra`` cells."""
    cells = [(label, getattr(record, name) or "") for label, name in _PRINTED]
    cells += [("strands", ", ".join(record.strands))] if record.strands else []
    cells += [("scrutiny", ", ".join(record.scrutiny))] if record.scrutiny else []
    cells += list(record.extra.items())
    place = where(record.line_start, record.page_start)
    return describe(place, cells) or f"{place}: {MESSAGE}: it printed nothing else"
