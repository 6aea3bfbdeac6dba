"""Tables of every shape the family prints, built from acts, with the gold record
of each action beside the row that prints it.

Each layout is a function ``(ctx) -> list[Block]``; ``LAYOUTS`` names them all.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass, field

from corpus import printed, vocab
from corpus.content import Act, Drawer, action_paras, lines, record
from corpus.model import Block, Cell, Heading, Para, Row, Table
from corpus.printed import print_number


@dataclass
class Ctx:
    rng: random.Random
    drawer: Drawer
    number_style: str  # how this plan prints its numbers (printed.NUMBER_STYLES)
    id_in_text: bool  # numbers lead the action cell (else an id column)
    bullet: str  # list, glyph, dash
    stacked: float = 0.0  # share of rows printing several numbered actions in one cell
    swaps: int = 0  # rows whose owner and date sit in each other's columns
    split: float = 0.0  # share of rows the text exports break over a page break
    single_table: bool = False  # the format holds one table (CSV): no objective groups
    context: dict = field(default_factory=dict)  # section, objective, table... for gold
    # header wordings and printed numbers: their own streams
    header_rng: random.Random = field(default_factory=random.Random)
    number_rng: random.Random = field(default_factory=random.Random)
    key: str = ""  # the document's seed key: further streams are drawn from it

    def stream(self, name: str) -> random.Random:
        return random.Random(f"{self.key}:{name}")

    def header(self, role: str) -> str:
        return self.header_rng.choice(vocab.HEADERS[role])

    def number(self, canonical: str) -> str:
        style = self.number_style if self.number_rng.random() < 0.8 else "dotted"
        return print_number(canonical, style)


def _value_cell(acts: list[Act], text_of: Callable[[Act], str], stacked: bool) -> Cell:
    if not stacked:
        return lines(text_of(acts[0]))
    return [Para(text_of(a)) for a in acts if text_of(a)] if len({text_of(a) for a in acts}) > 1 \
        else lines(text_of(acts[0]))


def act_row(ctx: Ctx, roles: list[str], acts: list[Act], ids: list[str | None],
            extras: dict[str, Cell] | None = None, gold: dict | None = None) -> Row:
    """One printed row of ``acts`` (several: a stacked cell, numbers in the text)."""
    extras = extras or {}
    stacked = len(acts) > 1
    printed = [ctx.number(i) if i else None for i in ids]
    in_text = stacked or "id" not in roles
    swap = (ctx.swaps > 0 and not stacked and "due" in roles and "owner" in roles
            and "\n" not in acts[0].owner.printed
            and acts[0].owner.printed and acts[0].due.kind == "date"
            and acts[0].due.due_date is not None)
    if swap:
        ctx.swaps -= 1
    cells: list[Cell | None] = []
    for role in roles:
        if role == "id":
            cells.append([] if in_text or not printed[0] else [Para(printed[0])])
        elif role == "action":
            cells.append([p for a, n in zip(acts, printed)
                          for p in action_paras(a, n if in_text else None, ctx.bullet)])
        elif role == "owner":
            cells.append(_value_cell(acts, lambda a: a.due.printed if swap else a.owner.printed,
                                     stacked))
        elif role == "due":
            cells.append(_value_cell(acts, lambda a: a.owner.printed if swap else a.due.printed,
                                     stacked))
        elif role == "progress":
            cells.append(_value_cell(acts, lambda a: a.progress, stacked))
        else:
            cells.append(extras.get(role, []))
    row = Row(cells, split=(not stacked and bool(printed[0]) and not acts[0].bullets
                            and ctx.rng.random() < ctx.split))
    for act, canonical, raw in zip(acts, ids, printed):
        context = {**ctx.context, **(gold or {})}
        if "progress" in roles:
            context["progress"] = act.progress or None
        if swap:
            context["flags"] = ["columns_swapped"]
        row.gold.append(record(act, action_id=canonical, action_id_raw=raw, **context))
    return row


def _units(ctx: Ctx, ids: list[str], **act_args) -> list[tuple[list[Act], list[str]]]:
    """Acts for ``ids``, some printed stacked in one cell (shared or parallel values)."""
    units, i = [], 0
    while i < len(ids):
        if i + 1 < len(ids) and ctx.rng.random() < ctx.stacked:
            k = min(len(ids) - i, ctx.rng.choice([2, 3]))
            acts = [ctx.drawer.act(bullets=False, single_owner=True, **act_args)
                    for _ in range(k)]
            for act in acts:  # parallel paragraphs: none empty, none borrowing a year
                if act.due.kind in ("none", "unknown") and not act_args:
                    act.due = ctx.drawer.date("date")
                act.progress = act.progress or "Not yet started."
            if ctx.rng.random() < 0.4:  # one owner and date printed once for all
                for act in acts[1:]:
                    act.owner, act.due = acts[0].owner, acts[0].due
            units.append((acts, ids[i:i + k]))
            i += k
        else:
            units.append(([ctx.drawer.act(**act_args)], [ids[i]]))
            i += 1
    return units


def _merge_down(rows: list[Row], column: int, cell: Cell) -> None:
    """The first row carries ``cell`` merged down over all of ``rows``."""
    rows[0].cells[column] = cell
    rows[0].spans[column] = len(rows)
    for row in rows[1:]:
        row.cells[column] = None


def _without_id(ctx: Ctx, roles: list[str]) -> list[str]:
    """Plans that print numbers in the action cell have no number column."""
    return [r for r in roles if r != "id"] if ctx.id_in_text else roles


def _base_roles(ctx: Ctx, *middle: str, progress: bool = True) -> list[str]:
    owner_due = ["owner", "due"] if ctx.rng.random() < 0.7 else ["due", "owner"]
    return _without_id(ctx, [*middle, "action", *owner_due,
                             *(["progress"] if progress else [])])


def outcome_action(ctx: Ctx) -> list[Block]:
    """Outcomes merged down over their numbered actions; grouped under objective
    headings, one table each, in some plans."""
    rng = ctx.rng
    roles = _base_roles(ctx, "outcome", "id", progress=rng.random() < 0.5)
    headers = [ctx.header(r) for r in roles]
    if ctx.stream("measure-header").random() < 0.35:
        # the actions under a header that could name a measure or an outcome
        # (``Measures``, ``Success measure``) beside the Outcome column: the
        # cells, not the header word, must say which column holds the actions
        headers[roles.index("action")] = ctx.stream("measure-word").choice(
            vocab.MEASURE_ACTION)
    blocks: list[Block] = []
    objectives = not ctx.single_table and rng.random() < 0.5
    outcome_no = 0
    for group in range(rng.choice([2, 3]) if objectives else 1):
        gold_ctx: dict = {}
        if objectives:
            title = vocab.OBJECTIVES[group]
            form = ctx.stream("objective-heading").choice(vocab.OBJECTIVE_HEADINGS)
            blocks.append(Heading(form.format(n=group + 1, t=title), 3))
            gold_ctx = {"objective_id": str(group + 1), "objective": title}
        rows: list[Row] = []
        for _ in range(rng.choice([2, 3])):
            outcome_no += 1
            text = rng.choice(vocab.OUTCOMES)
            ids = [f"{outcome_no}.{j}" for j in range(1, rng.choice([2, 3, 4]) + 1)]
            mine = [act_row(ctx, roles, acts, i, gold={**gold_ctx, "outcome_id": str(outcome_no),
                                                      "outcome": text})
                    for acts, i in _units(ctx, ids)]
            sep = rng.choice([". ", " "])
            _merge_down(mine, roles.index("outcome"), [Para(f"{outcome_no}{sep}{text}")])
            rows += mine
        blocks.append(Table(headers, roles, rows))
    return blocks


def objective_rows(ctx: Ctx) -> list[Block]:
    """Objectives as full-width rows; three-level numbering (1.1.1)."""
    rng = ctx.rng
    ctx.id_in_text = True
    roles = _base_roles(ctx, "outcome", progress=False)
    rows: list[Row] = []
    for o in range(1, rng.choice([3, 4]) + 1):
        title = vocab.OBJECTIVES[o - 1]
        rows.append(Row([], full=rng.choice(vocab.OBJECTIVE_ROWS).format(n=o, t=title)))
        for u in range(1, rng.choice([2, 3]) + 1):
            text = rng.choice(vocab.OUTCOMES)
            ids = [f"{o}.{u}.{a}" for a in range(1, rng.choice([1, 2, 3]) + 1)]
            gold = {"objective_id": str(o), "objective": title, "outcome_id": f"{o}.{u}",
                    "outcome": text}
            mine = [act_row(ctx, roles, acts, i, gold=gold) for acts, i in _units(ctx, ids)]
            _merge_down(mine, 0, [Para(f"{o}.{u} {text}")])
            rows += mine
    return [Table([ctx.header(r) for r in roles], roles, rows)]


def _simple(ctx: Ctx, roles: list[str], ids: list[str], extra: Callable[[], dict] = dict,
            gold: Callable[[dict], dict] = lambda extras: {}, **act_args) -> list[Row]:
    rows = []
    for acts, i in _units(ctx, ids, **act_args):
        extras = extra()
        rows.append(act_row(ctx, roles, acts, i, extras={k: v[0] for k, v in extras.items()},
                            gold=gold(extras)))
    return rows


def _ids(ctx: Ctx, n: int) -> list[str]:
    if ctx.number_style == "letter-spaced":
        letter = ctx.rng.choice("ABCDE")
        return [f"{letter}{i}" for i in range(1, n + 1)]
    return [str(i) for i in range(1, n + 1)]


def rag(ctx: Ctx) -> list[Block]:
    """A RAG column beside progress."""
    roles = _base_roles(ctx, "id") + ["rag"]
    colours = {"Red": "red", "Amber": "amber", "Green": "green"}

    def extra() -> dict:
        word = ctx.rng.choice(list(colours))
        return {"rag": ([Para(word)], colours[word])}
    rows = _simple(ctx, roles, _ids(ctx, ctx.rng.randint(8, 14)), extra,
                   lambda e: {"rag": e["rag"][1]})
    blocks: list[Block] = []
    if not ctx.single_table and ctx.stream("rag-key").random() < 0.6:
        # a colour key above the plan: a table, but no actions in it
        meanings = vocab.RAG_KEY
        key_rows = [Row([[Para(c)], [Para(m)]]) for c, m in zip(colours, meanings)]
        blocks += [Heading("RAG status key", 3),
                   Table(["Status", "Meaning"], ["rag", "meaning"], key_rows)]
    return [*blocks, Table([ctx.header(r) for r in roles], roles, rows)]


def issue_action(ctx: Ctx) -> list[Block]:
    """An issue column before the action (it goes to ``extra``, never the action)."""
    roles = _base_roles(ctx, "id", "issue")
    rows = _simple(ctx, roles, _ids(ctx, ctx.rng.randint(7, 12)),
                   lambda: {"issue": ([Para(ctx.rng.choice(vocab.ISSUES))], None)})
    return [Table([ctx.header(r) for r in roles], roles, rows)]


def theme(ctx: Ctx) -> list[Block]:
    """A theme column merged down over its actions: the theme is the objective."""
    roles = _base_roles(ctx, "theme", "id", progress=False)
    rows: list[Row] = []
    n = 0
    for name in ctx.rng.sample(vocab.THEMES, 3):
        ids = [str(n + i) for i in range(1, ctx.rng.randint(2, 4) + 1)]
        n += len(ids)
        mine = [act_row(ctx, roles, acts, i, gold={"objective": name})
                for acts, i in _units(ctx, ids)]
        _merge_down(mine, 0, [Para(name)])
        rows += mine
    return [Table([ctx.header(r) for r in roles], roles, rows)]


def delivery(ctx: Ctx) -> list[Block]:
    """A delivery plan and a second table with other columns, each under its title."""
    blocks: list[Block] = []
    first, second = ctx.rng.sample(vocab.TABLE_TITLES, 2)
    ctx.context["table"] = first
    roles = _base_roles(ctx, "id")
    blocks += [Heading(first, 2), Table([ctx.header(r) for r in roles], roles,
                                        _simple(ctx, roles, _ids(ctx, ctx.rng.randint(5, 8))),
                                        title=first)]
    ctx.context["table"] = second
    roles2 = ["id", "issue", "action", "owner", "progress"]
    in_text, ctx.id_in_text = ctx.id_in_text, False
    rows = _simple(ctx, roles2, [f"{i}" for i in range(1, ctx.rng.randint(4, 6) + 1)],
                   lambda: {"issue": ([Para(ctx.rng.choice(vocab.ISSUES))], None)},
                   due_kind="none")
    headers2 = ctx.stream("delivery-headers").choice(vocab.DELIVERY_HEADERS)
    blocks += [Heading(second, 2), Table([h or ctx.header("owner") for h in headers2],
                                         roles2, rows, title=second)]
    ctx.context.pop("table")
    ctx.id_in_text = in_text
    return blocks


def per_strand(ctx: Ctx) -> list[Block]:
    """One small table per strand under the strand's own heading."""
    blocks: list[Block] = []
    roles = _base_roles(ctx, "id", progress=False)
    headers = [ctx.header(r) for r in roles]
    n = 0
    for strand in ctx.rng.sample(vocab.STRAND_HEADINGS, ctx.rng.randint(3, 4)):
        blocks.append(Heading(ctx.rng.choice(vocab.STRAND_HEADING_FORMS).format(s=strand), 2))
        ids = [str(n + i) for i in range(1, ctx.rng.randint(2, 4) + 1)]
        n += len(ids)
        rows = _simple(ctx, roles, ids, gold=lambda e, s=strand: {"strands": vocab.STRANDS[s]})
        blocks.append(Table(headers, roles, rows))
    return blocks


def start_end(ctx: Ctx) -> list[Block]:
    """Separate Start and End columns: a range (or an open start)."""
    roles = _without_id(ctx, ["id", "action", "owner", "start", "end"])

    def extra() -> dict:
        (start, end), case = ctx.rng.choice(printed.START_END)
        return {"start": ([Para(start)], case), "end": ([Para(end)], case)}
    rows = _simple(ctx, roles, _ids(ctx, ctx.rng.randint(8, 12)), extra,
                   lambda e: {"due": e["start"][1]})
    for row in rows:
        for g in row.gold:
            g["flags"] = []
    return [Table([ctx.header(r) for r in roles], roles, rows)]


def smart(ctx: Ctx) -> list[Block]:
    """SMART columns: specific action, measurable, achievable, responsible, time-bound."""
    roles = _without_id(ctx, ["id", "action", "measure", "resources", "owner", "due"])
    smart_headers = {"action": ctx.header_rng.choice(vocab.SMART_ACTION),
                     "due": ctx.header_rng.choice(vocab.SMART_DUE)}
    headers = [smart_headers.get(r) or ctx.header(r) for r in roles]

    measures = ctx.stream("measures")

    def extra() -> dict:
        form = measures.choice(vocab.MEASURE_TEXTS)
        return {"measure": ([Para(form.format(n=ctx.rng.randint(50, 95)))], None),
                "resources": ([Para(ctx.rng.choice(vocab.RESOURCE_TEXTS))], None)}
    rows = _simple(ctx, roles, _ids(ctx, ctx.rng.randint(7, 11)), extra)
    return [Table(headers, roles, rows)]


def strand_column(ctx: Ctx) -> list[Block]:
    """A strand column naming the strands each row targets."""
    roles = _without_id(ctx, ["id", "strand", "action", "owner", "due", "progress"])

    def extra() -> dict:
        names = ctx.rng.sample(list(vocab.STRANDS), ctx.rng.choice([1, 1, 2]))
        canonical = list(dict.fromkeys(s for n in names for s in vocab.STRANDS[n]))
        return {"strand": ([Para(ctx.rng.choice([", ", "/"]).join(names))], canonical)}
    rows = _simple(ctx, roles, _ids(ctx, ctx.rng.randint(7, 12)), extra,
                   lambda e: {"strands": e["strand"][1]})
    return [Table([ctx.header(r) for r in roles], roles, rows)]


LAYOUTS: dict[str, Callable[[Ctx], list[Block]]] = {
    "outcome-action": outcome_action, "rag": rag, "issue-action": issue_action,
    "theme": theme, "delivery": delivery, "per-strand": per_strand,
    "objective-rows": objective_rows, "start-end": start_end, "smart": smart,
    "strand-column": strand_column,
}
