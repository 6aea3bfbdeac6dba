"""``rows.TableBuilder``'s methods as they were before session 19 (issue 11: the
drafts step's CPU), the reference tests/test_drafts_cpu.py swaps in over whole
documents: ``Layout.columns`` asked for each row, every cell's ``empty`` read again
for the row's headings and ``alone``, and ``_shares`` asked for every cell of a row
holding one action with no tail above."""

from __future__ import annotations

from planextract.extract.model import Cell, Row
from planextract.lexicon.text import squash
from planextract.normalise import bullets, numbering
from planextract.normalise.columns import repeats_labels
from planextract.normalise.draft import EXTRA_ROLES, VALUE_ROLES, Draft, Outcome
from planextract.normalise.headings import Heading
from planextract.normalise.layout import cell_of
from planextract.normalise.rows import (
    TableBuilder,
    _grow,
    _Piece,
    _shares,
    _starts_lower,
    heading_of_row,
)
from planextract.normalise.text import join_continuation, lines_each


class ReferenceTableBuilder(TableBuilder):
    """``TableBuilder`` with the methods session 19 replaced as they were."""

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
        heading = heading_of_row(row, numbered_objectives=self.layout.levels >= 3,
                                 after_break=row.after_break or pending_break)
        if isinstance(heading, Heading):
            return heading
        if heading is True:
            return True
        after_break = row.after_break or pending_break
        self._theme_cell(row)
        outcome_continued = self._outcome_cell(row)
        pieces, tail = self._action_pieces(row, after_break)
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

    def _theme_cell(self, row: Row) -> None:
        """A theme printed once over the rows it groups is their objective."""
        for i in self.layout.columns("theme"):
            text = squash(cell_of(row, i).text)
            if text:
                self.theme = numbering.split_leading(text)

    def _outcome_cell(self, row: Row) -> bool:
        """Open a new outcome or continue the current one; True when the
        cell continued the outcome above (a page break split it)."""
        for i in self.layout.columns("outcome"):
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

    def _action_pieces(self, row: Row, after_break: bool) -> tuple[list[_Piece], str | None]:
        """New actions in the row and the tail of the action above, if any."""
        columns = self.layout.columns("action")
        cell = cell_of(row, columns[0]) if columns else Cell()
        parts = bullets.join_items([p for p in cell.parts if p.strip()])
        id_cols = self.layout.columns("action_id")
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
        # only the action cell is filled: after a break, the rest of the row above
        alone = sum(1 for c in row.cells if not c.empty) == 1
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

    def _distribute(self, row: Row, new: list[Draft], previous: Draft | None) -> None:
        """Give each new action its share of the row's other cells."""
        count = len(new)
        for role, n, i in self.value_columns:
            cell = cell_of(row, i)
            if cell.empty and i in self.merged:  # a cell merged down over this one
                cell = self.merged[i]
            parts = [p for p in cell.parts if p.strip()]
            if not parts:
                continue
            if count > 1 and len(parts) < count:
                parts = lines_each(parts, count) or parts
            shares = _shares(role, parts, count, previous, n)
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
