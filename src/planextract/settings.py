"""Every tolerance and limit in one place, with its default and why.

Readers, the normaliser and the pipeline take a ``Settings`` (or the part they
need) instead of module constants, so a user can change one from the CLI and a
test can state the one it depends on.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Limits:
    """What one input may cost before it is refused with a clear message.

    Checked before parsing where the file says its size (bytes, a .docx's
    declared part sizes, a PDF's page count), during reading otherwise. Each
    has a CLI option (pipeline/limits_cli.py) and a line in the README."""

    max_file_bytes: int = 200 * 1024 * 1024  # one plan; larger is not a plan export
    max_text_bytes: int = 16 * 1024 * 1024  # a text export; real plans are 10-45 KB
    max_pages: int = 3000  # PDF pages read; more is refused before any page is read
    max_docx_uncompressed: int = 512 * 1024 * 1024  # sum of a .docx's parts, unpacked
    max_docx_xml_bytes: int = 16 * 1024 * 1024  # one XML part of a .docx; plans' are < 1 MB
    max_docx_ratio: int = 200  # unpacked/packed size of one part (over 1 MB): a zip bomb beyond
    max_zip_entries: int = 10_000  # parts in a .docx; Word writes a few dozen
    max_lines: int = 100_000  # lines of a text export read (readers cost ~50 us a line)
    max_line_chars: int = 1_000_000  # a text line longer than this is cut, with a warning
    max_cell_chars: int = 100_000  # a cell longer than this is cut, with a warning
    max_table_rows: int = 50_000  # rows of one table read; the rest warned about
    max_columns: int = 200  # columns of one table read; the rest warned about
    # cells a workbook's merged ranges cover, summed: openpyxl makes an object for every
    # cell of a merge, so one 50-byte ``A1:XFD1048576`` would cost hours and gigabytes;
    # a plan's merges cover hundreds
    max_merged_cells: int = 1_000_000


@dataclass(frozen=True)
class PdfSettings:
    """PDF reading tolerances, in points unless said otherwise (as pdfplumber's
    ``TableSettings``)."""

    snap: float = 2.0  # rules this close are one rule
    straight: float = 1.0  # a path segment this far off the axis is still straight
    bold_weight: int = 600  # a font this heavy (or named bold) is bold
    same_line: float = 0.5  # glyphs whose baselines differ less than this share of
    # the font size are on one printed line
    join: float = 3.0  # collinear rules with a gap this small are one rule
    margin: float = 0.07  # share of the page height where running headers/footers sit
    heading_step: float = 1.0  # a font this much larger than the body's is a heading
    heading_words: int = 15  # a bold line of at most this many words is a heading
    # a line of text continues the paragraph above in the same font when it is
    # at most ``para_leading`` font sizes below it and the line above ran to
    # within ``para_fill`` of its width from the right edge of the text
    para_leading: float = 1.6
    para_fill: float = 0.15
    thin_box: float = 3.0  # a filled box thinner than this is a rule
    word_gap: float = 0.33  # a gap wider than this share of the font size ends a word
    # "bulk": glyphs read through cffi and grouped with numpy (extract/pdf/glyphs.py);
    # "reference": one glyph at a time through pypdfium2, the same output, slower
    glyph_reader: str = "bulk"
    # a long read opens the document afresh every this many pages (0: never), so
    # pdfium's parsed-object cache, kept until the document closes, stays small
    reopen_pages: int = 200
    cell_gap: float = 12.0  # words further apart than this on a line are separate cells
    # a line break is a paragraph break when the next word would have fitted
    # above: a space of this share of the font size plus this margin to spare
    space_width: float = 0.28
    fit_margin: float = 1.0
    cut_slack: float = 0.6  # a line ending this share of the font size from the edge is full
    cut_fill: float = 0.85  # a one-word line this share of the cell wide fills it
    # a cell of at most this many lines beside stacked actions is tried as one post each
    grouped_lines_max: int = 12
    # a ruled strip narrower than this holding no text is no column (a double rule)
    sliver: float = 8.0
    post_chars_max: int = 80  # a paragraph longer than this is no one post (posts_alone)
    # the padding between a column's text and the next column is taken from
    # the narrowest gutter of the table, but as no more than this
    max_pad: float = 24.0
    align: float = 4.0  # cell starts this close line up in one column (unruled tables)
    gutter: float = 0.6  # a column gutter is at least this share of the font size wide
    # a narrower strip (at least this share, wider than a word space) is a gutter
    # where a header label starts at its right edge and ``narrow_lines`` lines
    # start a word there (cells set with almost no padding)
    narrow_gutter: float = 0.3
    narrow_lines: int = 3
    # a glyph is a bullet before its item's text when that text starts within this
    # many font sizes after it on the line (a hanging indent); further off, as a
    # timeline's dash or dot under each period, it stands alone in its cell
    bullet_gap: float = 2.5
    # a gap between lines wider than this share of the line height opens a new
    # row in an unruled table; wider than ``table_gap`` line heights ends it
    row_gap: float = 0.6
    table_gap: float = 2.5
    # horizontal rules part a table's rows alone when they fall at this share
    # of the places its spacing and numbers would part them; else both decide
    rule_share: float = 0.9
    # a page's column continues one of the page before when this share of its
    # x-range lies inside it (or their starts line up)
    span_inside: float = 0.8
    shade_max: float = 0.5  # a filled box over this share of the page is a background
    # a ruled grid of more cells than this (graph paper, a form) is not read as
    # a table: its text is read as lines and a warning says so
    max_grid_cells: int = 20_000


@dataclass(frozen=True)
class ColumnSettings:
    """How much the cells must show before the normaliser trusts them over the
    headers (``normalise.column_evidence``, ``numbering``, ``header_rows``)."""

    id_share: float = 0.8  # share of a column's cells that are bare numbers: the id column
    date_share: float = 0.6  # share of an unnamed column's cells that read as dates: the due
    numbered_share: float = 0.6  # share of action cells opening with a number: it is the id
    evidence_floor: float = 2.5  # action_score a column needs to be the actions on cells alone
    header_search: int = 4  # rows at the top of a table searched for its header
    # a timeline (``normalise.timeline``): a mark under a period is this many
    # characters at most (``X``, ``✓``, ``(x)``), and a period's label this many words
    timeline_mark_chars: int = 3
    period_label_words: int = 4
    # periods a row of labels must print to count as its "when" label (a data row
    # prints two dates in its Start and End cells, a timeline three periods or more)
    timeline_header: int = 3


@dataclass(frozen=True)
class RunSettings:
    """How a batch runs: what one document may cost in its worker process, and how
    often results are committed (bounded memory, little lost to a kill)."""

    timeout: float = 120.0  # wall-clock seconds one document may take before it is failed
    max_memory: int = 2 * 1024**3  # address space of a document's worker (RLIMIT_AS), bytes
    workers: int = 1  # documents read at once
    # a PDF of more pages is read by ``workers`` processes, each a range of its pages
    # (pipeline/pdf_split.py): the forks and the pages sent back cost less than
    # reading about this many pages
    split_pages: int = 200
    # documents buffered before a commit: each commit costs ~4.5 ms of delta-rs work a
    # table whatever its rows, and writes a Parquet file a table. 1,000 since s21 (200
    # before: a 1,000-plan run made 20 commits of small files, ~0.1 s of the main
    # process's CPU on the cores two workers want, issue 8); memory is bounded below
    commit_every: int = 1000
    commit_seconds: float = 60.0  # ...or seconds since the last commit, whichever is first
    commit_rows: int = 50_000  # ...or action rows buffered (a few big PDFs fill memory too)
    # ...or bytes of the documents' tables buffered, as they came from the workers
    # (``wire.held_bytes``): what the main process holds for a batch, whatever its
    # documents' sizes (1,000 five-action plans: ~8 MB). Its flush holds up to three
    # copies of a table's Arrow data (the bytes, their stream, the joined batch); the
    # Delta write's own memory is more (the main process's RSS 128 -> 183 MB writing
    # the bench's 968 plans, 1.8 MB of actions: s21)
    commit_bytes: int = 16 * 1024**2
    # the run's last batch is committed once this many documents are left to come, so
    # its commit overlaps their reading, and only theirs waits for the last one (a
    # batch of 1,000 took ~0.14 s after it, in both runs of the bench; 0: never early)
    commit_tail: int = 32
    # a document's action rows are made into Arrow this many at a time as its records
    # are made, not held as dicts until the end (issue 11: a long document's memory;
    # 256 since s16: with the batches packed, a smaller batch is what stays unpacked)
    row_batch: int = 256
    # ...and a document of more than one such batch keeps each, validated, as its
    # IPC message compressed with this codec ("lz4", "zstd"; None: as tables): the
    # bytes it sends (pipeline/packed_rows.py; issue 11: a long PDF's peak). lz4
    # since s19: zstd's one-shot workspace (~200 KB a message) set a 1 MB export's peak
    row_pack: str | None = "lz4"
    # a document's drafts wait for its owners packed this many to a block of bytes
    # (normalise/draft_pack.py), each block freed as its records are made, for the
    # row batches to reuse: a few kB a block, well apart from Python's small objects.
    # 16, not 64 (s19-htmlpeak): the drafts are packed while the second pass frees
    # the read's packed tables (1 MB html: 1,757 of them, median 0.8 kB, none over
    # 2.2 kB, in glibc's heap between what the read keeps); a 12.8 kB block fitted
    # few of the holes they leave and grew the heap, a 3.2 kB one fits them (1 MB
    # html's drafts step 5.8 -> 5.3x the input). 32 since s20, with the blocks
    # squeezed (below): a block is then about 3.6 kB again
    draft_run: int = 32
    # ...each block LZ4-compressed (False: as marshal wrote it, the reference): a 1 MB
    # export's blocks 1.15 MiB -> 0.57 at 32 a block (16 gave 0.68), for ~3 ms; csv's
    # owners step, which the drafts wait through, set its peak (s20-peak: 5.0 -> 4.4x)
    squeeze_drafts: bool = True
    # while the drafts are made, the heap's free pages are given back every this many
    # blocks let go (normalise/document.py ``_trims``; 0: never, the reference): the
    # read's freed tables stayed resident while the drafts took new memory (1 MB html's
    # drafts step 5.3 -> 5.0x, tabbed 4.8 -> 4.5)
    draft_trim: int = 512
    # while a document is read, the garbage collector's youngest generation is
    # collected every this many allocations (pipeline/collector.py; 0: the
    # interpreter's 700) where it is not paused (``pause_gc`` below: the PDF, Word
    # and web-page readers): a document's objects are many and few form cycles, and
    # each collection walks every list the young objects hold (a 10 MB export:
    # 24 collections at 50,000 cost 0.87 s CPU, 1 at 500,000 0.11 s; same peak RSS)
    gc_young: int = 500_000
    # Python's cycle collector paused while a text export is read and while any
    # document is normalised and its rows made (gc_pause.py): none of them makes
    # cyclic garbage, and each collection walked every cell, block and draft held
    # (issue 11: ~18% of the CPU of a text export); the PDF, Word and web-page
    # readers, whose objects do form cycles, run with it on
    pause_gc: bool = True
    # glibc's fastbins in a worker (pipeline/heap.py ``fast_bins``): off since s21 (True:
    # the C library's default, the reference). With them, a freed small chunk waited
    # for the next large request to merge it, and a worker reading small documents
    # merged a document's worth at nearly every one: malloc_consolidate ~5 % of its
    # CPU (perf); off, 4-7 % less worker CPU on the bench's 1,000 plans, the same peak
    # RSS, 1 MB text exports within noise (issue 8)
    fast_bins: bool = False
    # the same in the main process while it runs (``heap.fast_bins_off``): off since
    # s22 (True: the reference). A batch's tables read from the workers' bytes make
    # and free small C++ objects for every column of every document, and with them on
    # glibc's bin work (``malloc_consolidate``, ``unlink_chunk``) was over half of
    # that read's CPU (perf): the main process's CPU is taken from two workers on two
    # cores (issue 8)
    main_fast_bins: bool = False
    quarantine_max_bytes: int = 200 * 1024 * 1024  # larger failed files get only the .txt


@dataclass(frozen=True)
class XlsxSettings:
    """How an Excel workbook's cells are printed (``extract/xlsx_printed``).

    Two built-in number formats have no fixed spelling: Excel prints them in the
    reader's locale (numFmtId 14, the short date, and 22, the short date and time).
    Plans here are British, so they print day first as a UK Excel shows them; a
    US workbook's dates print the same day first, which the date rules read."""

    short_date: str = "dd/mm/yyyy"  # numFmtId 14
    short_date_time: str = "dd/mm/yyyy hh:mm"  # numFmtId 22
    # General prints at most this many significant digits (Excel's 15): a sum that
    # carries binary noise (0.30000000000000004) prints as Excel shows it (0.3)
    general_digits: int = 15
    # a row of one cell above a table printed at least this large (points) is the
    # plan's title (a heading of level 1); a sheet's body is 10-11 pt
    title_points: float = 14.0


@dataclass(frozen=True)
class ReportSettings:
    """How the analyst's report and the spreadsheet export lay data out."""

    page_rows: int = 100  # table rows drawn at once in the report: 10,000 rows stay responsive
    owners_chart: int = 25  # owners shown in the actions-per-owner chart, the largest
    deadline_bins: int = 48  # bars of the deadlines chart: quarters, else years
    document_charts: int = 60  # per-document deadline charts drawn; more are listed as left out
    xlsx_min_width: int = 6  # spreadsheet column widths, in characters
    xlsx_max_width: int = 60


@dataclass(frozen=True)
class OwnerSettings:
    """How far two spellings of one role may differ and still be proposed as one
    (the guards in ``normalise.role_match`` decide)."""

    typo_min_length: int = 6  # words this long or longer may differ by a typo
    typo_distance: int = 1  # edits allowed between such words (Adviser / Advisor)
    max_extra_words: int = 2  # a spelling with more extra words is never the same role
    drain_cells: int = 256  # a document with more owner cells than this drains the tuple
    # free lists once its cells are cut (memo.drain_free_lists): 2-3 ms in a worker, and
    # 0.16x off a 1 MB text-cells export's owners peak; a short one gains nothing (s19-label).
    # It drains before they are cut as well: what the drafts left goes to the cuts
    # (s20-cellspeak)


@dataclass(frozen=True)
class TextCellSettings:
    """How a one-cell-per-line export's row widths are weighed (``extract/text/cell_rows``):
    the weight of each piece of evidence beside a column's likeness (1)."""

    blank_weight: float = 2.0  # blank lines before row starts weigh twice a column's likeness
    left_penalty: float = 1.0  # cells left in an unfinished last row: a wrong width, or a cut row
    repeat_weight: float = 1.0  # the header reprinted whole at a page top: once is enough
    stretch_lines: int = 1024  # lines split at a time: the reader holds about two stretches'
    # cells, not the export's (issue 11); a reading that walks past them widens the stretch.
    # At 1 MB the read's high-water was 4.5x the export at 4,096 lines, 4.1x at 2,048,
    # 3.9x at 1,024 (cell_labels.ANSWERS_KEPT, cell_split.TEXTS_KEPT at 1,024; s19-cellsread);
    # as sent, 4.9-5.0x at 2,048 and 4.5-4.7 at 1,024, for 1-3% of the read's CPU in more
    # tables chosen again (s20-cellspeak). A read of more than one stretch drains the free
    # lists at its end (memo.DRAIN)


@dataclass(frozen=True)
class MemoSettings:
    """How many answers each of the normaliser's memo caches (``planextract.memo``), a
    text reader's table writer and the run's abbreviation search keep. The caches keyed
    by a document's text are emptied when it is done; while it is read, their bound is
    what they add to its peak memory (issue 11: at 8,192-65,536 answers they held
    9.5-12.6 times a 1 MB text export).

    When each bound is read, field by field (a run's own ``Settings`` changes only those
    read at run time; the others are ``DEFAULT``'s, fixed when the module is imported):

    - ``cells``, ``pieces``, ``words``, ``numbers``: at import. Each is a memo
      decorator's bound (``@per_document(DEFAULT.memo.cells)``), fixed when its
      function is defined;
    - ``reader_parts``: at import (``extract/table_writer.PARTS_KEPT``). Two of the
      three readers that write tables are given no ``Settings`` where they do
      (``parse_tabbed_lines``, ``parse_markdown``; the CSV reader is), so one module
      name serves all three, and the tests swap it, as they do the text-cells
      reader's own bounds (``cell_labels.ANSWERS_KEPT``, ``cell_split.TEXTS_KEPT``);
    - ``records_span``, ``abbreviations``: at run time, from the run's ``Settings``
      (``normalise/records``, ``pipeline/document_run.run_one``).
    """

    cells: int = 1024  # answers about a whole cell (squashed, numbered, dated): each pass
    # over the document asks again; a bound under the document's cells misses about as often
    # at 2,048 as at 512, and 8,192 held 3.5 times the input more at the peak
    pieces: int = 4096  # answers about owner pieces and their words: two passes over the
    # owner cells (role words, then cuts) ask again; a 1 MB export has about 2,300 distinct
    words: int = 4096  # answers about a word or a header, kept across documents
    # answers ``numbering.split_leading`` keeps (a cell's leading number and the text
    # after it): each holds its cell's text and a copy of it without the number, and the
    # layouts ask of every numbered column's cells a table at a time, so at ``cells``'
    # 1,024 the answers were 0.2-0.3x a 1 MB export's peak at the drafts step's top
    # (tracemalloc), where html's is set; at 256 it misses 200-1,200 more a MB (of
    # 9,000-18,000 asked, about 2 us each; s21-peak)
    numbers: int = 256
    # texts whose parts a text reader's table writer remembers across tables
    # (``extract/table_writer.PARTS_KEPT``, in two halves, the older forgotten between
    # tables): owners and statuses repeat, most action texts do not. At 4,096 the
    # remembered raw texts and parts were about 1 MiB of a 1 MB html export's read,
    # which then set its peak (read 5.1x -> 4.1x at 1,024; 256 no lower; read CPU
    # level; s20-htmlread)
    reader_parts: int = 1024
    # the records step empties the cell memos (``lexicon.text``'s squashes) every this
    # many drafts (0: never, the reference): a draft's texts are squashed once or twice
    # as its record is made, and the 1,024 answers kept held the last 1,024 distinct
    # texts, most of them never asked again, and the drafts' strings behind them
    # (s20-peak: 1 MB text-cells, 0.35 MiB traced at the records step's flushes)
    records_span: int = 256
    # owner texts ``run_one`` remembers as already searched for abbreviations (``seen``,
    # emptied once it holds this many; rows repeat their owners, and searching a text
    # again adds nothing): unbounded it kept every distinct owner text of a long
    # document alive through the records step (1 MB text-cells: 128 KiB of table and
    # most of 286 KiB of the drafts' strings). Until session 20's review it borrowed
    # ``cells``, the same 1,024
    abbreviations: int = 1024


@dataclass(frozen=True)
class LabelledSettings:
    """When paragraphs are a plan printed as labelled records, not a table
    (``extract.labelled``): an action's paragraph, then ``Label: value`` lines."""

    label_words: int = 5  # a label is this many words or fewer (``Target completion date``)
    label_chars: int = 40
    min_labels: int = 2  # label lines a record has, and labels its run's records share
    min_records: int = 2  # records in a run
    max_items: int = 8  # list items between a record's paragraph and its labels
    # a strand label printed by fewer than this share of a run's records, as the
    # last line of one, is a heading over the records after it (``_strand_headings``)
    heading_share: float = 0.5
    # a PDF title's lines joined at these heading levels only: bold body text (0, and
    # the level the PDF reader gives a short bold line), never headings set larger
    title_levels: tuple[int, ...] = (0, 4)


@dataclass(frozen=True)
class ConvertSettings:
    """How a Word 97-2003 ``.doc`` or an ``.rtf`` is converted to ``.docx`` by
    LibreOffice headless before the Word reader reads it (``extract/legacy_convert``)."""

    # the ``soffice`` program; None: the ``PLANEXTRACT_SOFFICE`` environment variable,
    # else ``soffice`` or ``libreoffice`` on PATH
    soffice: str | None = None
    # share of the document's time limit (``RunSettings.timeout``) the conversion may
    # take: it is stopped (its whole process group killed) before the worker's own
    # limit, so a hung LibreOffice never outlives the worker that started it, and the
    # rest is left to read the .docx it made (a plan converts in 1-3 s)
    timeout_share: float = 0.8


@dataclass(frozen=True)
class Settings:
    limits: Limits = field(default_factory=Limits)
    pdf: PdfSettings = field(default_factory=PdfSettings)
    columns: ColumnSettings = field(default_factory=ColumnSettings)
    run: RunSettings = field(default_factory=RunSettings)
    report: ReportSettings = field(default_factory=ReportSettings)
    roles_file: str | None = None  # a user's own role vocabulary, added to the builtin one
    owners: OwnerSettings = field(default_factory=OwnerSettings)
    text_cells: TextCellSettings = field(default_factory=TextCellSettings)
    memo: MemoSettings = field(default_factory=MemoSettings)
    labelled: LabelledSettings = field(default_factory=LabelledSettings)
    xlsx: XlsxSettings = field(default_factory=XlsxSettings)
    convert: ConvertSettings = field(default_factory=ConvertSettings)


DEFAULT = Settings()
