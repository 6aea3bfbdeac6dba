"""One document, start to end: blocks in, action drafts out (the first pass), and
``normalise``, which adds the second (``records``): canonical action records."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from planextract.extract.block_pack import PackedBlocks, PackedTable, held, table_texts
from planextract.extract.model import Paragraph, RawDocument, Row, Table
from planextract.lexicon import text as text_cache
from planextract.lexicon.text import squash
from planextract.normalise import (
    glossary,
    numbering,
    strands,
    tables,
)
from planextract.normalise import table_texts as text_pass
from planextract.normalise.columns import header_roles
from planextract.normalise.draft import Context, Draft, document_order
from planextract.normalise.draft_pack import ReadyDrafts
from planextract.normalise.header_rows import Header
from planextract.normalise.headings import Heading, classify, title_and_organisation
from planextract.normalise.layout import Layout, LayoutMemo, SquashedRows, detect_layout
from planextract.normalise.normalised import NormalisedDocument, _warn
from planextract.normalise.records import prepared, records
from planextract.normalise.rows import TableBuilder, numbered_title
from planextract.normalise.split_header import header_and_body
from planextract.normalise.tables import LogicalTable
from planextract.settings import DEFAULT, Settings

_REMEMBERED = (numbering.split_leading,)  # as defined (a test may swap the name)
# the reference (session 17): the first pass keeps every action block's squashed
# texts for the layouts, all held at once; tests swap it in over whole documents
KEEP_TEXTS = False
# the reference (before session 19): each table block keeps its own ``Header`` (its labels'
# list and printed tuple) to pass 2; tests swap it in over whole documents
SHARE_HEADERS = True


def _label_set(headers: list[str]) -> set[str]:
    out = set()
    for header in headers:
        words = [w[:-1] if w.endswith("s") else w for w in squash(header).lower().split()]
        if words:
            out.add(" ".join(words))
    return out


def _similar(a: list[str], b: list[str]) -> bool:
    return _similar_sets(_label_set(a), _label_set(b))


def _similar_sets(x: set[str], y: set[str]) -> bool:
    """``_similar`` on label sets made once per table (issue 11: a long export has
    hundreds of tables, each compared with every one before it)."""
    shared = len(x & y)  # the union's size counted, not built: no shared label is 0
    return shared > 0 and shared / (len(x) + len(y) - shared) >= 0.5


def _latest_similar(label_sets: list[set[str]], index: tables.LabelIndex,
                    labels: set[str]) -> int | None:
    """The last logical table whose labels are ``_similar_sets`` to ``labels``,
    through the index (``label_sets`` is the index's own list)."""
    return index.latest(labels)


def _shared(header: Header, seen: dict[tuple, Header]) -> Header:
    """One ``Header`` for every block printing the same header (issue 11: a long
    export's blocks repeat a few headers; each block's own, with its labels' list
    and printed tuple, was held from the first pass to its rows in the second: 0.15
    MiB traced at the layouts' end of a 1 MB html export, whose 1,400 blocks are
    short). Nothing changes a header."""
    key = (header.first, header.last, tuple(header.labels), header.printed)
    return seen.setdefault(key, header)


def _title_like(text: str) -> bool:
    # the cheap tests first (issue 11: asked of every paragraph, most of them
    # sentences, each split and classified first)
    return (text[:1].isupper() and not text.endswith(".") and len(text.split()) <= 10
            and classify(text) is None)


def normalise(raw: RawDocument, settings: Settings = DEFAULT) -> NormalisedDocument:
    """The document with its action records (``drafts_of``, then ``records``)."""
    doc, drafts = drafts_of(raw, settings)
    doc.actions = list(records(drafts, doc, settings))
    return doc


def drafts_of(raw: RawDocument, settings: Settings = DEFAULT, *, consume: bool = False,
              pack: bool | None = None, give_back: Callable[[], None] | None = None
              ) -> tuple[NormalisedDocument, list[Draft] | ReadyDrafts]:
    """Title, organisation, glossary, warnings, and a draft per table row that
    may be an action, in document order: everything ``records`` needs, so the
    caller can let the blocks go before records are made (issue 11).

    ``consume``: take the blocks out of ``raw`` (left empty) and let each go once
    its drafts are made, so the blocks and the drafts are never all held at once
    (issue 11: a long document's peak memory). Every table's layout is read from
    its rows before the first draft is made, so nothing looks back.

    ``pack`` (``consume`` unless given): the drafts come back as ``ReadyDrafts``,
    each ``records.prepared`` and packed as soon as no row can change it (issue 11:
    held as objects to the end, the drafts set the text exports' peak). Otherwise
    a list, as ``records`` also takes.

    ``give_back`` (``consume``): called every ``RunSettings.draft_trim`` blocks the
    second pass lets go, to give the heap's free pages back (``pipeline.heap``)."""
    ready = ReadyDrafts(settings.run.draft_run, prepared, settings.run.squeeze_drafts) if (
        consume if pack is None else pack) else None
    blocks = raw.blocks
    if consume:
        raw.blocks = []
    items = held(blocks)  # tables packed or not (issue 11): only the paragraphs read here
    first_table = next((i for i, b in enumerate(items) if isinstance(b, Table | PackedTable)),
                       len(items))
    intro = [(b.text, b.level) for b in items[:first_table] if isinstance(b, Paragraph)]
    organisation, plan_title = title_and_organisation(intro)
    doc = NormalisedDocument(organisation, plan_title, warnings=list(raw.warnings))

    # pass 1: the plan's key, and the logical action tables with their names
    logical: list[LogicalTable] = []
    similar_index = tables.LabelIndex(_similar_sets)  # _label_set of each logical table
    label_sets = similar_index.label_sets
    table_of: dict[int, int] = {}
    headers_of: dict[int, Header | None] = {}
    seen_headers: dict[tuple, Header] | None = {} if SHARE_HEADERS else None
    # packed blocks: each action block's data rows as squashed texts, for the layouts
    # (unpacked once more, the whole document's rows would be objects at once), read
    # again a table at a time (``LayoutRows``); kept from here by the reference only
    packed = isinstance(blocks, PackedBlocks)
    texts: dict[int, text_pass.Squashed] | None = {} if packed and KEEP_TEXTS else None
    last_title: str | None = None
    for index, block in enumerate(items):
        if isinstance(block, Paragraph):
            last_title = block.text if _title_like(block.text) else last_title
            continue
        # the cells' texts, all this pass reads: a packed block's without its objects
        rows, first_line, first_page = table_texts(block)
        if glossary.looks_like_key(rows):
            doc.glossary.extend(glossary.key_entries(rows))
            continue
        if not rows:
            continue
        header, body = header_and_body(items, index, rows, settings.columns.header_search)
        # a block continues the action table before it when it has no header, or
        # a "header" that names no action (a data row of role words), and is as
        # wide as that table or comes right after one of its blocks (a page cut it)
        continues = bool(logical) and (len(rows[0]) == len(logical[-1].headers)
                                       or table_of.get(index - 1) == len(logical) - 1)
        # read once: the block's own table below reuses it (issue 11)
        resolved = None if header is None else text_pass.resolve_block(
            header, body, settings.columns)
        if header is not None and continues and not tables.readable(resolved):
            header = None
        if header is not None and seen_headers is not None:
            header = _shared(header, seen_headers)
        headers_of[index] = header
        if header is None:
            if continues:
                table_of[index] = len(logical) - 1
                if texts is not None:
                    texts[index] = text_pass.squashed_rows(block, 0, rows)
            elif text_pass.looks_like_plan(rows):
                _warn(doc, f"{text_pass.describe(index, rows, first_line, first_page)} looks "
                           "like a plan table but has no header row naming its columns: it "
                           "was not read")
            continue
        headers = header.labels
        if not tables.readable(resolved):
            _warn(doc, f"{text_pass.describe(index, rows, first_line, first_page)} has column "
                       f"labels ({', '.join(h for h in headers if h)}) but no column of "
                       "actions could be found: it was not read")
            continue
        for note in resolved.notes:
            _warn(doc, note)
        # a title printed in the table's own first row, above its header
        above = [squash(t) for r in rows[:header.first] for t in r if t.strip()]
        if len(above) == 1 and _title_like(above[0]):
            last_title = above[0]
        labels = _label_set(headers)
        match = _latest_similar(label_sets, similar_index, labels)
        if match is None:
            logical.append(LogicalTable(headers, last_title))
            similar_index.add(labels)
            match = len(logical) - 1
        # every way the table's header is printed, to know its repeats further down
        # (each label once: they are compared as a set, and a long plan repeats them)
        known = set(logical[match].printed)
        logical[match].printed += tuple(dict.fromkeys(p for p in header.printed
                                                      if p not in known))
        table_of[index] = match
        if texts is not None:
            texts[index] = text_pass.squashed_rows(block, header.last + 1, rows)
        last_title = None
    named = len(logical) > 1
    doc.glossary.extend(glossary.paragraph_key(
        [b.text if isinstance(b, Paragraph) else None for b in items], doc.glossary))
    doc.warnings.extend(glossary.conflicts(doc.glossary))

    del similar_index, label_sets, seen_headers  # pass 1's: the logical tables are found
    layouts = _layouts(blocks, logical, table_of, headers_of, settings,
                       texts if texts is not None or not packed
                       else text_pass.LayoutRows(items, table_of, headers_of))
    del texts
    # the last block each table builder reads: it goes after it (issue 11: every
    # builder, its layout and the drafts list it keeps were held to the end)
    last_block = {(match, tuple(_headers_of(headers_of[i], logical[match]))): i
                  for i, match in table_of.items()}

    # pass 2: walk the blocks with the heading context and build drafts
    trim = _trims(give_back if consume else None, settings.run.draft_trim)
    context = Context()
    over_strands: tuple[str, ...] = ()  # set by a heading right over a table's own header
    drafts: list[Draft] = []
    builders: dict[tuple[int, tuple[str, ...]], TableBuilder] = {}
    left_out: dict[tuple[int, tuple[str, ...]], list[str]] = {}  # each builder's, in order
    for index in range(len(blocks)):
        # a table no logical table reads is not unpacked (packed blocks, issue 11)
        block = blocks[index] if index in table_of else items[index]
        if consume:
            blocks[index] = None  # let go once read
            if index in trim:
                give_back()  # type: ignore[misc]
        if isinstance(block, Paragraph):
            over, old = headers_of.get(index + 1) is not None, context.strands
            context = _paragraph_context(block, context, over and bool(old) and old == over_strands)
            if context.strands and context.strands != old:
                over_strands = context.strands if over else ()
            continue
        if index not in table_of:
            continue
        table = logical[table_of[index]]
        header = headers_of.pop(index) if consume else headers_of[index]
        rows = list(block.rows)
        if header is not None:
            headers = header.labels
            for row in rows[:header.first]:
                context = _row_heading(row, context)
            rows = rows[header.last + 1:]
        else:
            headers = table.headers
        key = (table_of[index], tuple(headers))
        builder = builders.get(key)
        if builder is None:
            builder = TableBuilder(layouts.pop(key), table.name if named else None, context)
            builders[key] = builder
            left_out[key] = builder.left_out
        builder.set_context(context)
        before = len(builder.drafts)
        pending = False
        for row in rows:
            result = builder.feed(row, pending)
            if isinstance(result, Heading):
                context = _apply(context, result)
                builder.set_context(context)
            pending = result is True
        if ready is None:
            drafts.extend(builder.drafts[before:])
        else:
            _hand_over(builder, before, ready)
        if last_block[key] == index:
            del builders[key]
            if ready is not None and builder.drafts:
                ready.close(builder.drafts[-1])
    if ready is None:
        drafts.sort(key=document_order)
    for messages in left_out.values():
        for message in messages:
            _warn(doc, message)
    if consume:  # the blocks are gone: so go the cell texts the caches remember
        text_cache.forget()
        for cached in _REMEMBERED:
            cached.cache_clear()
    return doc, drafts if ready is None else ready.finish()


def _trims(give_back: Callable[[], None] | None, every: int) -> range:
    """The blocks after which pass 2 gives the heap's free pages back: every
    ``every``-th (issue 11). The read's packed tables, freed as pass 2 reads them,
    leave pages glibc keeps resident while the drafts' objects take new pymalloc
    arenas, which never reuse them: a 1 MB html export's RSS rose 0.3x through pass 2
    with its traced memory falling, and its drafts step set its peak (5.3x). None
    where nothing is given (a short document has fewer blocks than ``every``)."""
    if give_back is None or every <= 0:
        return range(0)
    return range(every - 1, 1 << 62, every)


def _hand_over(builder: TableBuilder, before: int, ready: ReadyDrafts) -> None:
    """The drafts a block made (``builder.drafts[before:]``) to ``ready``: the one
    before them is final now, and so is each but the last, which a continuation row
    of the builder's next block may still grow (``feed`` changes only its last
    draft); the builder keeps that one alone."""
    made = builder.drafts
    if len(made) == before:
        return
    if before:
        ready.close(made[before - 1])
    for draft in made[before:-1]:
        ready.add(draft)
    ready.add_open(made[-1])
    del made[:-1]


def _layouts(blocks: list | PackedBlocks, logical: list[LogicalTable], table_of: dict[int, int],
             headers_of: dict[int, Header | None], settings: Settings,
             texts: dict[int, text_pass.Squashed] | text_pass.LayoutRows | None = None
             ) -> dict[tuple[int, tuple[str, ...]], Layout]:
    """The layout of each logical table under each header it is printed with,
    read from all its rows at once, before any draft is made (so the blocks can
    go as pass 2 reads them, issue 11). ``texts``: packed blocks' squashed data
    rows, read a table at a time (``LayoutRows``), or (the reference) the first
    pass's (``_rows_by_table``)."""
    rows_of = texts if isinstance(texts, text_pass.LayoutRows) else _rows_by_table(
        blocks, table_of, headers_of, texts)
    wanted: dict[int, dict[tuple[str, ...], list[str]]] = {}  # each table's headers
    for index, match in table_of.items():
        header = headers_of[index]
        headers = header.labels if header is not None else logical[match].headers
        wanted.setdefault(match, {}).setdefault(tuple(headers), headers)
    out: dict[tuple[int, tuple[str, ...]], Layout] = {}
    for match, printed_as in wanted.items():
        # a table printed under several headers has its rows read once; its memo
        # goes once its layouts are made, so one table's columns are held at a time
        memo = LayoutMemo()
        rows = rows_of.pop(match)  # let go once its layouts are made
        for key, headers in printed_as.items():
            out[(match, key)] = detect_layout(
                rows, headers, header_roles(headers), settings.columns,
                [*headers, *logical[match].printed], memo)
    return out


def _rows_by_table(blocks: list | PackedBlocks, table_of: dict[int, int],
                   headers_of: dict[int, Header | None],
                   texts: dict[int, text_pass.Squashed] | None = None
                   ) -> dict[int, list[Row]] | dict[int, SquashedRows]:
    """The data rows of every block of each logical table, in one pass over the
    blocks (one pass per table was quadratic in a long export, issue 11). Packed
    blocks give each table's rows as the squashed texts the first pass took
    (``texts``, let go here): unpacked again, all the rows at once would be the
    whole document's objects again, and a third unpacking of each block."""
    if texts is not None:
        squashed: dict[int, SquashedRows] = {}
        for i, (rows, covered) in texts.items():  # in the blocks' order, as below
            squashed.setdefault(table_of[i], SquashedRows()).add(rows, covered)
        return squashed
    out: dict[int, list[Row]] = {}
    for i, block in enumerate(blocks):
        if i in table_of:
            out.setdefault(table_of[i], []).extend(tables.data_rows(block, headers_of.get(i)))
    return out


def _headers_of(header: Header | None, table: LogicalTable) -> list[str]:
    """The labels a table block is read under: its own header's, or its table's."""
    return header.labels if header is not None else table.headers


def _apply(context: Context, heading: Heading) -> Context:
    if heading.kind == "strand":
        return replace(context, strands=tuple(strands.heading_strands(heading.text)))
    if heading.kind == "section":
        return Context(section=heading.text, section_common=strands.is_common_heading(heading.text))
    return Context(section=context.section, section_common=context.section_common,
                   objective_id=heading.number, objective=heading.title,
                   objective_heading=heading.text)


def _paragraph_context(block: Paragraph, context: Context, sibling: bool = False) -> Context:
    """A heading paragraph changes the context: a section or objective, or the
    strands of the tables under it; any other heading ends a strand's tables, as
    does a title-like line standing where the strand heading stood (``sibling``:
    right over a table's own header, in a text export's one level)."""
    heading = classify(block.text)
    if heading:
        return _apply(context, heading)
    numbered = numbered_title(block.text)
    if numbered:  # "2. Equality Impact Assessment": the objective the actions below serve
        return _apply(context, numbered)
    if block.level > 0 or _title_like(block.text):
        if strands.heading_strands(block.text):
            return _apply(context, Heading("strand", block.text))
        if (block.level > 0 or sibling) and context.strands:
            return replace(context, strands=())
    return context


def _row_heading(row: Row, context: Context) -> Context:
    filled = [c.text for c in row.cells if not c.empty]
    if len(filled) == 1:
        heading = classify(filled[0])
        if heading:
            return _apply(context, heading)
    return context
