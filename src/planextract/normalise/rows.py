"""Rows to action drafts: header and heading rows, rows split by page breaks,
cells stacking several actions, numbering. Works on one logical table."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from planextract.extract.model import Cell, Row
from planextract.lexicon.column_roles import is_header_row, role_of
from planextract.lexicon.text import squash
from planextract.normalise import bullets, dates, left_out, numbering, strands, timeline
from planextract.normalise.columns import header_labels, repeats_labels
from planextract.normalise.draft import (
    EXTRA_ROLES,
    VALUE_ROLES,
    Context,
    Draft,
    Outcome,
)
from planextract.normalise.headings import Heading, classify
from planextract.normalise.layout import Layout, cell_of
from planextract.normalise.text import join_continuation, lines_each, runs_on

_LETTER_ITEM = re.compile(r"^[a-z]\)")
_OPENS_WITH_DIGIT = re.compile(r"^\d")
_ENDS_IN_STOP = re.compile(r"[.;:,]$")


def _starts_lower(text: str) -> bool:
    stripped = text.lstrip(" \"'(•▪-")
    return bool(stripped) and (stripped[0].islower() or bool(_LETTER_ITEM.match(stripped)))


# "2. Title", "12 Title", "B) Title" (a letter needs its stop: "A New Approach" is a title)
_NUMBERED_TITLE = re.compile(
    r"^(?:(?P<num>\d{1,2})[.:)]?|(?P<letter>[A-Z])[.:)])\s+(?P<title>[A-Z].*)$")


def numbered_title(text: str) -> Heading | None:
    """``2. Equality Impact Assessment``: a short numbered title with no full
    stop, the objective the actions below it serve."""
    text = squash(text)
    match = _NUMBERED_TITLE.match(text)
    if match and len(text.split()) <= 10 and not _ENDS_IN_STOP.search(text):
        return Heading("objective", text, match.group("num") or match.group("letter"),
                       match.group("title"))
    return None


def heading_of_row(row: Row, numbered_objectives: bool = False,
                   after_break: bool = False,
                   filled: list[str] | None = None) -> Heading | None | bool:
    """A one-cell row: a grouping heading, True for a sub-heading to skip, or
    None when the row is data (a continuation or an action). With
    ``numbered_objectives`` (actions numbered on three levels, ``1.1.1``) a
    full-width ``1. Title`` row is the objective the numbers start from. Right
    after a page break a short text outside the first column is the rest of a
    cut cell (``Equality Act 2010``), not a sub-heading. ``filled``: the texts of
    the row's filled cells, when the caller has them."""
    if filled is None:
        filled = [c.text for c in row.cells if not c.empty]
    if len(filled) != 1:
        return None
    first_column = not row.cells[0].empty
    text = squash(filled[0])
    heading = classify(text)
    if heading:
        return heading
    if strands.heading_strands(text):
        return Heading("strand", text)
    if numbered_objectives and numbered_title(text):
        return numbered_title(text)
    words = text.split()
    if (len(words) <= 8 and text[:1].isupper() and not _OPENS_WITH_DIGIT.match(text)
            and not _ENDS_IN_STOP.search(text) and (first_column or not after_break)):
        return True
    return None


@dataclass
class _Piece:
    raw: str | None
    text: str
    flag: str | None


class TableBuilder:
    """Feeds the rows of one logical table and collects drafts."""

    def __init__(self, layout: Layout, table_name: str | None, context: Context) -> None:
        self.layout = layout
        self.table_name = table_name
        self.context = context
        self.outcome: Outcome | None = None
        self.drafts: list[Draft] = []
        self.majors: set[str] = set()
        self.theme: numbering.Numbered | None = None
        self.left_out: list[str] = []  # warnings for rows that printed text but no action
        # the row fed last; the cells merged down over the current row's (``_carry``)
        self.last_row: Row | None = None
        self.merged: dict[int, Cell] = {}
        # the header's labels, made once: every row is checked against them
        self.labels = header_labels(layout.printed or layout.headers)
        # (role, n-th column of the role, column) of the value roles, in the order
        # they are shared out; and the extra columns with their keys: made once
        # (the layout is settled before its rows are fed), not per row (issue 11)
        self.value_columns = [(role, n, i) for role in VALUE_ROLES
                              for n, i in enumerate(layout.columns(role))]
        self.extra_columns = [(i, squash(layout.headers[i]) or f"column {i + 1}")
                              for i, role in enumerate(layout.roles)
                              if role in EXTRA_ROLES and i < len(layout.headers)]
        # the periods of a timeline, whose marks give a row's timing (``timeline``)
        self.timeline_columns = timeline.columns(self.extra_columns, layout.roles)
        # the columns every row asks for, read once (issue 11: ``Layout.columns``
        # was asked five times a row)
        self.action_columns = layout.columns("action")
        self.id_columns = layout.columns("action_id")
        self.theme_columns = layout.columns("theme")
        self.outcome_columns = layout.columns("outcome")

    # -- context -------------------------------------------------------------
    def set_context(self, context: Context) -> None:
        if (context.section, context.objective_heading) != (
                self.context.section, self.context.objective_heading):
            self.outcome = None
            self.theme = None
        self.context = context

    # -- rows ----------------------------------------------------------------
    def feed(self, row: Row, pending_break: bool = False) -> bool | Heading:
        """Take one row. Returns a Heading found in the row, True when the row
        was a header or sub-heading (a page top: the next row follows a
        break), else False."""
        if row.covered or self.merged:
            self._carry(row)
        self.last_row = row
        texts = [c.text for c in row.cells]
        if repeats_labels(texts, self.labels) \
                or self._relabels(texts):
            return True
        # the filled cells' texts, read once for the row (issue 11)
        filled = [t for t in texts if t.strip()]
        heading = heading_of_row(row, numbered_objectives=self.layout.levels >= 3,
                                 after_break=row.after_break or pending_break, filled=filled)
        if isinstance(heading, Heading):
            return heading
        if heading is True:
            return True
        after_break = row.after_break or pending_break
        self._theme_cell(row)
        outcome_continued = self._outcome_cell(row)
        pieces, tail = self._action_pieces(row, after_break, len(filled) == 1)
        previous = self.drafts[-1] if self.drafts else None
        if outcome_continued and not pieces:
            # The row only carries the rest of a split row: it belongs to the
            # last action under the outcome. A row that opens a new action is
            # that action's own row, whatever its outcome cell holds.
            under = [d for d in self.drafts if d.outcome is self.outcome]
            if under:
                under[-1].flag("merged_split_row")
                under[-1].extend_to(row)
        if tail is not None and previous is not None:
            previous.action = join_continuation(previous.action, tail)
            previous.flag("merged_split_row")
            previous.extend_to(row)
        if not pieces:
            placed = {"outcome", "theme", "action"}
            if previous is not None and (tail is not None or after_break):
                self._append_values(previous, row)
                placed.update(VALUE_ROLES, EXTRA_ROLES)
            self._leave_out(row, placed)
            return False
        new = [self._new_draft(row, p) for p in pieces]
        self._distribute(row, new, previous if tail is not None else None)
        self.drafts.extend(new)
        return False

    def _carry(self, row: Row) -> None:
        """For each column ``row.covered`` names, the first cell of the merge above it."""
        above = self.last_row
        self.merged = {} if above is None else {
            i: self.merged[i] if i in self.merged and i in above.covered else cell_of(above, i)
            for i in row.covered}

    def _relabels(self, texts: list[str]) -> bool:
        """A header row printed again in other words (``Actions`` for ``Action``):
        label-like and every label names the role its column already has. A data
        row that merely mentions role words (``progress``, a committee) is data."""
        if not is_header_row(texts):
            return False
        return all(role_of(t) == self.layout.roles[i]
                   for i, t in enumerate(texts) if t.strip() and i < len(self.layout.roles))

    def _theme_cell(self, row: Row) -> None:
        """A theme printed once over the rows it groups is their objective."""
        for i in self.theme_columns:
            text = squash(cell_of(row, i).text)
            if text:
                self.theme = numbering.split_leading(text)

    def _outcome_cell(self, row: Row) -> bool:
        """Open a new outcome or continue the current one; True when the
        cell continued the outcome above (a page break split it)."""
        for i in self.outcome_columns:
            text = squash(cell_of(row, i).text)
            if not text:
                continue
            lead = numbering.split_leading(text)
            if self.layout.numbered_outcomes and lead.raw is None and self.outcome is not None:
                self.outcome.text = join_continuation(self.outcome.text, text)
                return True
            number = numbering.normalise_id(lead.raw) if lead.raw else None
            self.outcome = Outcome(number, lead.text if lead.raw else text)
            self.majors = {number} if number else set()
            return False
        return False

    def _action_pieces(self, row: Row, after_break: bool,
                       alone: bool) -> tuple[list[_Piece], str | None]:
        """New actions in the row and the tail of the action above, if any.
        ``alone``: the row has one filled cell (the action cell's: after a break,
        the rest of the row above)."""
        columns = self.action_columns
        cell = cell_of(row, columns[0]) if columns else Cell()
        parts = bullets.join_items([p for p in cell.parts if p.strip()])
        id_cols = self.id_columns
        row_id = squash(cell_of(row, id_cols[0]).text) if id_cols else ""
        if self.layout.numbered_actions:
            parts = numbering.numbered_lines(parts, self.layout.levels)
        elif id_cols and not row_id:  # numbers in the text where the id cell is empty
            parts = numbering.numbered_lines(parts, self.layout.id_depth)
        if not parts:
            return [], None
        if id_cols and row_id:
            parts = ["\n".join(parts)]  # a numbered row is one action, whatever its paragraphs
        stacked = len(parts) > 1
        has_previous = bool(self.drafts)
        tail: str | None = None
        pieces: list[_Piece] = []
        for index, part in enumerate(parts):
            if self.layout.numbered_actions:
                majors = set(self.majors)
                if self.outcome and self.outcome.number:
                    majors.update({self.outcome.number, self.outcome.number.split(".")[0]})
                split = numbering.split_embedded(
                    part, majors, dotted_only=self.layout.numbered_actions == "dotted")
                if self.layout.numbered_actions == "plain":
                    split = [s for item in split for s in numbering.split_successors(item)]
                for k, item in enumerate(split):
                    if index == 0 and k == 0 and item.raw is None and has_previous \
                            and (after_break or _starts_lower(item.text)):
                        tail = item.text
                        continue
                    if item.raw is None and k == 0 and index > 0 and pieces and pieces[-1].raw:
                        # a plan that numbers its actions numbers each one: a
                        # paragraph with no number is an item of the action above
                        last = pieces[-1]
                        pieces[-1] = _Piece(last.raw, f"{last.text}\n{item.text}", last.flag)
                        continue
                    flag = ("split_numbered_actions" if len(split) > 1
                            else "split_stacked_cell" if stacked else None)
                    if item.raw:
                        self.majors.add(numbering.normalise_id(item.raw).split(".")[0])
                    pieces.append(_Piece(item.raw, item.text, flag))
            else:
                if index == 0 and has_previous and not row_id and not (
                        id_cols and numbering.own_number(part, self.layout.id_depth)) and (
                        after_break and (_starts_lower(part) or id_cols or alone)
                        or alone and _starts_lower(part)):
                    # the rest of the action above (a page cut it, marked or not)
                    tail = part
                    continue
                raw, text = row_id or None, part
                if id_cols and not row_id:
                    # the id cell is empty but the action opens with a number of
                    # the id column's shape (``6.1 Evaluate ...``): that is its id
                    lead = numbering.split_leading(part)
                    if lead.raw and lead.text and numbering.depth(lead.raw) == self.layout.id_depth:
                        raw, text = lead.raw, lead.text
                pieces.append(_Piece(raw, text, "split_stacked_cell" if stacked else None))
        if len(pieces) == 1 and pieces[0].flag == "split_stacked_cell":
            pieces[0] = _Piece(pieces[0].raw, pieces[0].text, None)
        return pieces, tail

    def _extra_cells(self, row: Row) -> dict[str, str]:
        """The row's cells of no role of their own, keyed by their header."""
        extra: dict[str, str] = {}
        for i, key in self.extra_columns:
            text = squash(cell_of(row, i).text)
            if text:
                if key in extra:  # two columns printed with one header
                    key = f"{key} (column {i + 1})"
                extra[key] = text
        return extra

    def _leave_out(self, row: Row, placed: set[str]) -> None:
        """Warn with every filled cell of a row no action took (roles not ``placed``)."""
        cells = [(self.layout.headers[i] if i < len(self.layout.headers) else "", cell.text)
                 for i, cell in enumerate(row.cells)
                 if (self.layout.roles[i] if i < len(self.layout.roles) else "extra")
                 not in placed]
        message = left_out.describe(left_out.where(row.line_start, row.page_start), cells)
        if message:
            self.left_out.append(message)

    def _new_draft(self, row: Row, piece: _Piece) -> Draft:
        extra = self._extra_cells(row)
        context = self.context
        if self.theme is not None:
            context = replace(context, objective_id=numbering.normalise_id(self.theme.raw)
                              if self.theme.raw else None, objective=self.theme.text)
        draft = Draft(
            table=self.table_name, context=context, outcome=self.outcome,
            action_id_raw=piece.raw, action=piece.text, values={}, extra=extra,
            line_start=row.line_start, line_end=row.line_end,
            page_start=row.page_start, page_end=row.page_end,
        )
        if piece.flag:
            draft.flag(piece.flag)
        if self.timeline_columns:  # a table with no date column of its own
            timeline.give_timing(draft, [(label, squash(cell_of(row, i).text))
                                         for i, label in self.timeline_columns])
        if row.stitched:
            draft.flag("merged_split_row")
        return draft

    def _append_values(self, draft: Draft, row: Row) -> None:
        for role, n, i in self.value_columns:
            text = cell_of(row, i).text
            if text.strip():
                _grow(draft, role, n, text)
                draft.flag("merged_split_row")
        for key, text in self._extra_cells(row).items():  # the rest of its extra cells
            draft.extra[key] = join_continuation(draft.extra.get(key, ""), text)
        draft.extend_to(row)

    def _distribute(self, row: Row, new: list[Draft], previous: Draft | None) -> None:
        """Give each new action its share of the row's other cells."""
        count = len(new)
        # one action and no tail above: ``_shares`` would give it each whole cell, so
        # it is not asked (most rows: the call per cell was a tenth of feeding them,
        # issue 11)
        whole = count == 1 and previous is None
        merged = self.merged  # a cell merged down: its value holds for each row it spans
        for role, n, i in self.value_columns:
            cell = cell_of(row, i)
            if merged and cell.empty:
                cell = merged.get(i, cell)
            parts = [p for p in cell.parts if p.strip()]
            if not parts:
                continue
            if count > 1 and len(parts) < count:
                parts = lines_each(parts, count) or parts
            shares = None if whole else _shares(role, parts, count, previous, n)
            if shares is None:
                for draft in new:
                    _grow(draft, role, n, "\n".join(parts))
                continue
            head, per_action = shares
            if head and previous is not None:
                _grow(previous, role, n, head)
            for draft, value in zip(new, per_action):
                if value:
                    _grow(draft, role, n, value)


def _grow(draft: Draft, role: str, column: int, text: str) -> None:
    values = draft.values.get(role)
    if values is None:  # made at its size: one appended to spares room for three more
        values = draft.values[role] = [""] * (column + 1)
    elif len(values) <= column:
        values.extend([""] * (column + 1 - len(values)))
    values[column] = join_continuation(values[column], text)


def _shares(role: str, parts: list[str], count: int, previous: Draft | None,
            column: int) -> tuple[str | None, list[str]] | None:
    """Split a cell between the tail above and ``count`` new actions, or None
    to give the whole cell to every new action."""
    has_tail = previous is not None
    if len(parts) == count + 1 and has_tail and count >= 1:
        return parts[0], parts[1:]
    if len(parts) == count and count > 1:
        if runs_on(parts) or role == "due" and dates.one_schedule(parts):
            return None  # lines of one value: each action's
        return None, parts
    if len(parts) > count and (count > 1 or has_tail):
        # the action cell itself was split: fragments aligned from the last one
        # backwards. A row holding one action keeps every paragraph (owners one
        # per line, several dates).
        return None, parts[-count:]
    if count > len(parts) >= 1 and role == "due":
        pieces = dates.share_deadlines(parts, count)
        if pieces:
            return None, pieces
    if has_tail and count == 1 and role == "due":
        above = previous.values.get("due", [""])
        above_text = above[column] if column < len(above) else ""
        year = dates.leading_year(parts[0])
        if above_text and dates.lacks_year(above_text) and year:
            return year[0], [year[1]]
    return None
