"""When an action runs, read from a timeline: marks under columns headed by periods.

Plans that print no date column often show the timing as a row of periods
(``2010/11 | 2011/12 | 2012/13``) with a mark (``X``, ``✓``, ``*``, ``●``) under each
period the action runs in. The action's timing is then what the marked columns'
labels say: one period alone, the first to the last of a run of marked periods (a
range), or the periods one by one where the marks leave a gap (several deadlines).
The marked labels are read as a table's ``Start`` and ``End`` cells are (what the
plan prints, read by the date rules), and the marks stay in ``extra`` as printed.
"""

from __future__ import annotations

from planextract.lexicon.periods import is_period_label
from planextract.normalise import dates
from planextract.normalise.draft import Draft
from planextract.settings import DEFAULT, ColumnSettings

# printed alone in a cell, these say "nothing here" (``-``, ``–``, ``n/a`` has letters)
_NOTHING = "-–—_./ "


def _blank(text: str) -> bool:
    return not text.strip(_NOTHING)


def is_mark(text: str, settings: ColumnSettings = DEFAULT.columns) -> bool:
    """A cell that only marks its column, saying "in this period" with no words: a
    few characters, no digit, and no more than one letter (``X``, ``x``, ``✓``,
    ``✔``, ``*``, ``●``, ``Y``, ``(x)``); a dash alone says nothing is planned."""
    text = text.strip()
    if not text or len(text) > settings.timeline_mark_chars or any(c.isdigit() for c in text):
        return False
    if _blank(text):
        return False
    return sum(c.isalpha() for c in text) <= 1


# the roles that print a date of their own: a table holding one reads its timing there
DATED_ROLES = frozenset({"due", "start", "owner_due"})


def is_period(label: str, settings: ColumnSettings = DEFAULT.columns) -> bool:
    """A column label naming a period a date can be read from: a year or financial
    year (``lexicon.periods``), a month or quarter with its year (``Apr 2011``,
    ``Apr-Jun 2011``, ``Q1 2011``, ``Spring 2012``), a few words at most."""
    if is_period_label(label):
        return True
    if len(label.split()) > settings.period_label_words:  # a heading holding a date
        return False
    read = dates.parse_due(label)
    return read.kind in ("date", "range") and read.due_date is not None


def columns(extra_columns: list[tuple[int, str]], roles: list[str]) -> list[tuple[int, str]]:
    """The timeline of a table: its extra columns (index, label) headed by periods,
    when there are two or more of them and no column of the table prints a date of
    its own; else none."""
    if DATED_ROLES.intersection(roles):
        return []
    periods = [(i, label) for i, label in extra_columns if is_period(label)]
    return periods if len(periods) >= 2 else []


def timing(cells: list[tuple[str, str]]) -> tuple[str | None, str] | None:
    """The timing a row's timeline prints, as (start, end) labels to be read as a
    table's ``Start`` and ``End`` cells, from (label, cell text) of each of the
    table's period columns in printed order: None unless a cell is filled and every
    filled one holds a mark (a dash alone is an unmarked period).

    One marked period is its label (no start); a run of marked periods with no
    unmarked period between them runs from the first's label to the last's (a
    range); marks with a gap between them are the marked labels joined by ``, ``
    (several deadlines)."""
    marked = [i for i, (_, text) in enumerate(cells) if not _blank(text)]
    if not marked or not all(is_mark(cells[i][1]) for i in marked):
        return None
    first, last = marked[0], marked[-1]
    if len(marked) == 1:
        return None, cells[first][0]
    if last - first + 1 == len(marked):
        return cells[first][0], cells[last][0]
    return None, ", ".join(cells[i][0] for i in marked)


def give_timing(draft: Draft, cells: list[tuple[str, str]]) -> None:
    """A new action's timing from its row's timeline (``timing``'s ``cells``), as its
    ``start`` and ``due`` values, flagged ``due_from_timeline``; nothing when the row's
    marks give none."""
    marked = timing(cells)
    if marked:
        start, end = marked
        if start:
            draft.values["start"] = [start]
        draft.values["due"] = [end]
        draft.flag("due_from_timeline")


def timeline_over_plan(labels: list[str], columns: list[list[str]],
                       settings: ColumnSettings = DEFAULT.columns) -> bool:
    """Columns under a row of labels that hold a plan with a timeline: three or more
    headed by periods holding marks only (or nothing, or a dash), some mark among
    them, beside a column of sentences (``action_score`` above the evidence floor)."""
    # imported here: column_evidence reads headers, whose rules ask this module
    from planextract.normalise.column_evidence import action_score

    periods = [i for i, label in enumerate(labels) if label and is_period(label, settings)]
    if len(periods) < settings.timeline_header:
        return False
    cells = [v for i in periods if i < len(columns) for v in columns[i]]
    if not any(is_mark(v, settings) for v in cells) or not all(
            _blank(v) or is_mark(v, settings) for v in cells):
        return False
    return any(action_score(column) > settings.evidence_floor
               for i, column in enumerate(columns) if i not in periods)
