"""A logical table printed under several headers has its rows read once (issue 11):
``detect_layout`` with the memo ``document._layouts`` shares finds every layout the
reference finds, ``reference_detect_layout`` (the function as it was, every
header's layout read from all the table's rows again)."""

from __future__ import annotations

import copy
from pathlib import Path

from reference_resolve import reference_resolve
from text_exports import write_exports

from planextract.extract.model import Row
from planextract.extract.registry import read_document
from planextract.lexicon.text import squash
from planextract.normalise import document, layout, numbering
from planextract.normalise.columns import header_labels, header_roles, repeats_labels
from planextract.settings import DEFAULT, ColumnSettings

ROOT = Path(__file__).resolve().parent.parent


def reference_detect_layout(rows: list[Row], headers: list[str], roles: list[str],
                            settings: ColumnSettings = DEFAULT.columns,
                            printed: list[str] | None = None,
                            memo: layout.LayoutMemo | None = None) -> layout.Layout:
    """``layout.detect_layout`` as it was before the memo (``memo`` ignored)."""
    printed = printed or headers
    labels = header_labels(printed)
    data = [r for r in rows if not repeats_labels([c.text for c in r.cells], labels)]
    width = max([len(headers), *(len(r.cells) for r in data)])
    padded = [[squash(c.text) for c in r.cells] + [""] * (width - len(r.cells)) for r in data]
    columns = [list(column) for column in zip(*padded)] if padded else [[] for _ in range(width)]
    merged = None
    if any(r.covered for r in data):  # each covered cell given the one above it
        carried: list[list[str]] = []
        for row, texts in zip(data, padded):
            if carried:
                texts = [carried[-1][i] if i in row.covered and not v else v
                         for i, v in enumerate(texts)]
            carried.append(texts)
        merged = [list(column) for column in zip(*carried)]
    roles = reference_resolve(headers, roles, columns, settings, squashed=True,
                              merged=merged).roles
    headers = list(headers) + [""] * (len(roles) - len(headers))
    made = layout.Layout(headers=headers, roles=roles, printed=list(printed))
    ids = [v for i in made.columns("action_id") for v in columns[i] if v]
    if ids:
        depths = [numbering.depth(v) for v in ids]
        made.id_depth = max(set(depths), key=depths.count)
    if not ids:
        actions = [v for i in made.columns("action") for v in columns[i] if v]
        made.numbered_actions = numbering.mostly_numbered(actions, settings.numbered_share)
        if made.numbered_actions:
            depths = [numbering.depth(lead.raw) for v in actions
                      if (lead := numbering.split_leading(v)).raw]
            made.levels = max(set(depths), key=depths.count) if depths else 0
    for i in made.columns("theme"):
        actions_n = sum(1 for k in made.columns("action") for v in columns[k] if v)
        if sum(1 for v in columns[i] if v) >= actions_n:
            made.roles[i] = "extra"
    outcomes = [v for i in made.columns("outcome") for v in columns[i] if v]
    numbered = sum(1 for v in outcomes if numbering.split_leading(v).raw)
    made.numbered_outcomes = bool(outcomes) and numbered >= 0.5 * len(outcomes)
    return made


def _layouts_both_ways(path: Path, monkeypatch) -> tuple[dict, dict]:
    raw = read_document(path.read_bytes(), DEFAULT)
    blocks = raw.blocks
    captured: dict = {}
    original = document._layouts

    def capture(*args):  # noqa: ANN002, ANN202
        captured["args"] = args
        # as made in drafts_of (a packed document's rows, ``LayoutRows``, are read
        # once), copied before the table builders change them
        made = original(*args)
        captured["fast"] = copy.deepcopy(made)
        return made

    with monkeypatch.context() as patch:
        patch.setattr(document, "_layouts", capture)
        document.drafts_of(raw, DEFAULT)
    assert raw.blocks is blocks
    fast = captured["fast"]
    with monkeypatch.context() as patch:
        patch.setattr(document, "detect_layout", reference_detect_layout)
        # the rows as objects (packed blocks unpacked), not the first pass's
        # squashed texts (``texts``, the last argument): the reference reads rows
        reference = original(*captured["args"][:5])
    return fast, reference


def _exports(tmp_path: Path) -> list[Path]:
    return write_exports(tmp_path, 120_000, seed=11)


def test_every_layout_is_the_reference_layout(tmp_path, monkeypatch):
    inputs = [*sorted(p for p in (ROOT / "samples").iterdir()
                      if p.suffix in (".txt", ".docx", ".md", ".csv", ".html")),
              *_exports(tmp_path)]
    shared = 0
    for path in inputs:
        fast, reference = _layouts_both_ways(path, monkeypatch)
        assert fast == reference, path.name
        tables = [match for match, _ in fast]
        shared += len(tables) - len(set(tables))
    assert shared  # some table is printed under several headers: the memo is used


def test_one_tables_rows_are_read_once_for_its_several_headers():
    text = ("Action\tLead\tWhen\n1.1 Publish the plan\tChief Executive\tMarch 2012\n"
            "Action\tLead\tWhen\n"  # the header repeated at a page top
            "1.2 Review the policy\tHR Manager\t2013\n")
    table = next(b for b in read_document(text.encode(), DEFAULT).blocks if hasattr(b, "rows"))
    rows = list(table.rows)[1:]
    printed = ["Action", "Lead", "When", "Actions", "Lead officer", "By when"]
    memo = layout.LayoutMemo()
    for headers in (["Action", "Lead", "When"], ["Actions", "Lead officer", "By when"]):
        roles = header_roles(headers)
        fast = layout.detect_layout(rows, headers, roles, DEFAULT.columns, printed, memo)
        assert fast == reference_detect_layout(rows, headers, roles, DEFAULT.columns, printed)
        assert fast.numbered_actions == "dotted" and fast.levels == 2
    assert len(memo.columns) == 1  # the second header's layout read the kept columns
    columns, merged = memo.columns[next(iter(memo.columns))]
    assert columns[0] == ["1.1 Publish the plan", "1.2 Review the policy"]
    assert merged is None  # no row covered: nothing more read or held
