"""Reader for plans saved as web pages (``html``).

Tables keep their grid as the Word reader gives it: a cell spanning columns
(``colspan``) is followed by empty cells for the columns it covers, and a cell
spanning rows (``rowspan``) is empty in the rows below its first, as Word's
``vMerge`` is, so the normaliser reads every format the same way. A one-column
table that only wraps other tables (a layout table) is looked through.
Headings ``h1``-``h6`` (and Word's heading and title paragraph classes) give
paragraph levels; navigation, page header and footer, scripts and styles are
dropped. Line numbers are the source lines of the page.
"""

from __future__ import annotations

import re

from bs4 import BeautifulSoup, NavigableString, Tag
from bs4.exceptions import ParserRejectedMarkup

from planextract.extract.errors import ReaderError
from planextract.extract.header_rows import settle_header, title_text
from planextract.extract.html_cells import (
    LISTS,
    PARAGRAPHS,
    cell_parts,
    inline_text,
    is_bullet_line,
    strip_bullet,
)
from planextract.extract.html_divs import div_rows, grid_classes, header_rows
from planextract.extract.key_lines import KeyLine, key_line, settle
from planextract.extract.model import Cell, Paragraph, RawDocument, Row, Table
from planextract.extract.span_grid import expand_spans
from planextract.extract.text.decode import decode
from planextract.settings import DEFAULT, Settings

DROPPED = ["script", "style", "noscript", "template", "nav", "iframe", "svg", "button",
           "select", "form", "head", "object", "canvas"]
_DROPPED_SET = set(DROPPED)
_PAGE_FURNITURE = {"header", "footer", "aside"}
_FURNITURE_ROLES = re.compile(r"^(?:navigation|banner|contentinfo|search|complementary)$", re.I)
_HIDDEN = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.I)
_HEADING_CLASS = re.compile(r"(?:^|\b)(?:mso)?heading[-_ ]?(\d)\b", re.I)
_TITLE_CLASS = re.compile(r"^(?:msotitle|title)$", re.I)
_BOLD_TAGS = {"b", "strong"}
_HEADING_TAG = re.compile(r"h[1-6]")
_MD_HEADING = re.compile(r"^(#{1,6})\s+")
_BLANK_LINE = re.compile(r"\n[ \t]*\n")
_MARKED_SECTION = re.compile(r"<!\[[^<>]*>?")
# void elements written as <br> are tracked by bs4's html.parser in a list searched
# at every end tag (quadratic on a long page); written as <br/> they are not
_VOID = re.compile(r"<(br|hr|img|meta|link|input|col|area|base|wbr|source|embed|param|track)"
                   r"\b([^<>]*?)/?>", re.I)
_BLOCKS = PARAGRAPHS | LISTS | {"table", "li", "ul", "ol", "caption", "main", "body", "html",
                                "figure", "figcaption", "details", "summary", "tr", "td", "th"}


def _is_furniture(tag: Tag) -> bool:
    attrs = tag.attrs
    if tag.name in _DROPPED_SET:
        return True
    if tag.name in _PAGE_FURNITURE:
        # an article's own header (its title) stays; the page's banner and footer go
        return tag.find_parent(["article", "main"]) is None
    if not attrs:
        return False
    return bool(_FURNITURE_ROLES.match(attrs.get("role", "") or "") or "hidden" in attrs
                or _HIDDEN.search(attrs.get("style", "") or ""))


def _drop_furniture(soup: BeautifulSoup) -> None:
    found = [tag for tag in soup.find_all(True) if _is_furniture(tag)]
    marked = {id(tag) for tag in found}
    outermost = [tag for tag in found if not any(id(p) in marked for p in tag.parents)]
    for tag in outermost:
        tag.decompose()


def _level(tag: Tag) -> int:
    if _HEADING_TAG.fullmatch(tag.name):
        return int(tag.name[1])
    classes = " ".join(tag.get("class", []) or [])
    match = _HEADING_CLASS.search(classes)
    if match:
        return int(match.group(1))
    return 1 if _TITLE_CLASS.match(classes) else 0


def _is_bold(tag: Tag) -> bool:
    """Every piece of text in the paragraph sits inside ``<b>``/``<strong>``."""
    strings = [s for s in tag.find_all(string=True) if s.strip()]
    if not strings:
        return False
    if tag.name in _BOLD_TAGS:
        return True

    def bold(string: NavigableString) -> bool:
        for parent in string.parents:
            if parent is tag:
                return False
            if parent.name in _BOLD_TAGS:
                return True
        return False

    return all(bold(s) for s in strings)


def _own_rows(table: Tag) -> list[Tag]:
    """The table's rows, not those of tables nested in its cells."""
    rows = []
    for child in table.children:
        if not isinstance(child, Tag):
            continue
        if child.name == "tr":
            rows.append(child)
        elif child.name in ("thead", "tbody", "tfoot"):
            rows.extend(c for c in child.children if isinstance(c, Tag) and c.name == "tr")
    if rows:
        return rows
    return [tr for tr in table.find_all("tr") if tr.find_parent("table") is table]


def _own_cells(tr: Tag) -> list[Tag]:
    return [c for c in tr.children if isinstance(c, Tag) and c.name in ("td", "th")]


def _last_line(tag: Tag) -> int | None:
    lines = [t.sourceline for t in tag.descendants
             if isinstance(t, Tag) and t.sourceline is not None]
    return max(lines + [tag.sourceline or 0]) or None


def _cell(parts: tuple[str, ...]) -> Cell:
    return Cell(parts=parts, raw="\n".join(parts))


def _span(cell: Tag, name: str) -> int:
    try:
        value = int(str(cell.get(name, "1")).strip() or 1)
    except ValueError:
        return 1
    return value if value >= 0 else 1


class _Reader:
    def __init__(self, settings: Settings) -> None:
        self.limits = settings.limits
        self.blocks: list[Paragraph | Table | KeyLine] = []
        self.warnings: list[str] = []
        self.inline: list[str] = []
        self.inline_line: int | None = None
        self.grid_classes: dict[str, int] = {}  # class -> columns, from the page's CSS

    # -- paragraphs ------------------------------------------------------------
    def paragraph(self, text: str, line: int | None, level: int = 0,
                  bold: bool = False) -> None:
        raw = text
        text = " ".join(text.split())
        if is_bullet_line(text):
            text = strip_bullet(text)
        marks = _MD_HEADING.match(text)
        if marks and not level:  # markdown around an HTML table, as pandoc writes it
            level, text = len(marks.group(1)), text[marks.end():]
        if text:
            self.blocks.append(key_line(raw, Paragraph(text=text, line=line, level=level,
                                                       bold=bold)))

    def flush_inline(self) -> None:
        text = "".join(self.inline)
        self.inline.clear()
        for piece in text.split("\n"):
            self.paragraph(piece, self.inline_line)
        self.inline_line = None

    # -- walking the page --------------------------------------------------------
    def walk(self, node: Tag) -> None:
        for child in node.children:
            if isinstance(child, NavigableString):
                if type(child) is NavigableString and child.strip():
                    # a source line break is a space, a blank line a new paragraph
                    self.inline.append("\n".join(inline_text(NavigableString(piece))
                                                 for piece in _BLANK_LINE.split(str(child))))
                continue
            rows = div_rows(child, self.grid_classes) if child.name != "table" else None
            if rows is not None:
                self.flush_inline()
                self.div_table(rows)
                continue
            has_blocks = child.name != "table" and self._has_blocks(child)
            if child.name == "br":
                self.inline.append("\n")
            elif child.name == "table":
                self.flush_inline()
                self.table(child)
            elif child.name == "dl":
                self.flush_inline()
                self.definitions(child)
            elif child.name in _BLOCKS or has_blocks:
                self.flush_inline()
                if has_blocks:
                    self.walk(child)
                    self.flush_inline()
                else:
                    for piece in inline_text(child).split("\n"):
                        self.paragraph(piece, child.sourceline, _level(child), _is_bold(child))
            else:
                if self.inline_line is None:
                    self.inline_line = child.sourceline
                self.inline.append(inline_text(child))

    def definitions(self, dl: Tag) -> None:
        """A definition list: each term and its definition, a key line when the
        term is short (a key of abbreviations published as ``<dl>``)."""
        term: Tag | None = None
        for child in dl.find_all(["dt", "dd"]):
            if child.name == "dt":
                if term is not None:
                    self.paragraph(inline_text(term), term.sourceline)
                term = child
                continue
            text = " ".join(inline_text(child).split())
            if term is None:
                self.paragraph(text, child.sourceline)
                continue
            abbreviation = " ".join(inline_text(term).split())
            self.paragraph(f"{abbreviation}\t{text}", term.sourceline)
            term = None
        if term is not None:
            self.paragraph(inline_text(term), term.sourceline)

    @staticmethod
    def _has_blocks(tag: Tag) -> bool:
        return any(isinstance(c, Tag) and (c.name in _BLOCKS or c.name in ("div", "p"))
                   for c in tag.descendants)

    # -- tables ------------------------------------------------------------------
    def table(self, table: Tag) -> None:
        rows = _own_rows(table)
        caption = table.find("caption")
        if caption is not None and caption.find_parent("table") is table:
            self.paragraph(inline_text(caption), caption.sourceline, bold=True)
        if self._is_wrapper(table, rows):
            for tr in rows:
                for cell in _own_cells(tr):
                    self.walk(cell)
                    self.flush_inline()
            return
        pairs = self.grid_pairs(rows)
        heads = sum(1 for tr in rows[:_header_rows(rows)] if any(tr is t for t, _ in pairs))
        titles, grid = settle_header([row for _, row in pairs], heads)
        for title in titles:  # a title printed across the top of the table: its name
            self.paragraph(title_text(title), title.line_start, bold=True)
        if grid:
            self.blocks.append(Table(rows=tuple(grid)))

    def div_table(self, rows: list[list[Tag]]) -> None:
        """A table drawn with divs (``html_divs``): its leading rows of column
        headers (``html_divs.header_rows``) are its header."""
        grid = [Row(cells=tuple(_cell(cell_parts(c, self.nested_lines)) for c in cells),
                    line_start=cells[0].sourceline, line_end=_last_line(cells[-1]))
                for cells in rows[:self.limits.max_table_rows]]
        width = max(len(r.cells) for r in grid)
        grid = [Row(cells=r.cells + tuple(Cell() for _ in range(width - len(r.cells))),
                    line_start=r.line_start, line_end=r.line_end)
                for r in grid if not all(c.empty for c in r.cells)]
        heads = header_rows(rows)
        titles, grid = settle_header(grid, heads)
        for title in titles:
            self.paragraph(title_text(title), title.line_start, bold=True)
        if grid:
            self.blocks.append(Table(rows=tuple(grid)))

    @staticmethod
    def _is_wrapper(table: Tag, rows: list[Tag]) -> bool:
        """A layout table: it holds tables, and either says it is for layout,
        has one cell a row, or most of its text is in the tables it holds (a
        page laid out as navigation | content | sidebar)."""
        cells = [c for tr in rows for c in _own_cells(tr)]
        holders = [c for c in cells if c.find("table") is not None]
        if not holders:
            return False
        if (table.get("role", "") or "").lower() in ("presentation", "none"):
            return True
        if all(len(_own_cells(tr)) <= 1 for tr in rows):
            return True
        inner = sum(len(t.get_text(" ", strip=True)) for c in holders
                    for t in c.find_all("table") if t.find_parent(["td", "th"]) is c)
        return inner > 0.6 * len(table.get_text(" ", strip=True))

    def grid(self, rows: list[Tag]) -> list[Row]:
        return [row for _, row in self.grid_pairs(rows)]

    def grid_pairs(self, rows: list[Tag]) -> list[tuple[Tag, Row]]:
        """Rows with spans expanded: every row has a cell for every column;
        each with the ``<tr>`` it comes from. Empty rows are dropped."""
        max_rows, max_cols = self.limits.max_table_rows, self.limits.max_columns
        if len(rows) > max_rows:
            self.warnings.append(f"line {rows[max_rows].sourceline}: table longer than "
                                 f"{max_rows} rows; the rest was not read")
            rows = rows[:max_rows]
        printed = [[(_cell(cell_parts(td, self.nested_lines)),
                     _span(td, "rowspan"), max(_span(td, "colspan"), 1))
                    for td in _own_cells(tr)] for tr in rows]
        out: list[tuple[Tag, Row]] = []
        covered: list[tuple[int, ...]] = []
        for tr, cells, under in zip(rows, expand_spans(printed, covered), covered):
            if len(cells) > max_cols:
                self.warnings.append(f"line {tr.sourceline}: row wider than {max_cols} "
                                     "columns; the rest was not read")
                cells = cells[:max_cols]
            if all(c.empty for c in cells):
                continue
            out.append((tr, Row(cells=tuple(cells), line_start=tr.sourceline,
                                line_end=_last_line(tr), covered=under)))
        return out

    def nested_lines(self, table: Tag) -> list[str]:
        """A table inside a cell: one line a row, cells joined with `` | ``."""
        lines = []
        for row in self.grid(_own_rows(table)):
            line = " | ".join(c.text.replace("\n", " ") for c in row.cells if not c.empty)
            if line:
                lines.append(line)
        return lines


def _header_rows(rows: list[Tag]) -> int:
    """How many rows the table marks as its header: those in ``<thead>``, or
    the leading rows made only of ``<th>`` cells."""
    count = 0
    for tr in rows:
        cells = _own_cells(tr)
        if tr.parent is not None and tr.parent.name == "thead" or (
                cells and all(c.name == "th" for c in cells)):
            count += 1
        else:
            break
    return count


def parse_html(text: str, settings: Settings = DEFAULT) -> tuple[list, list[str]]:
    """Blocks of an HTML page in reading order, and warnings."""
    text = _VOID.sub(r"<\1\2/>", text)
    try:
        soup = BeautifulSoup(text, "html.parser")
    except ParserRejectedMarkup:
        # html.parser gives up on a broken marked section ("<![if ...]>" cut short):
        # those hold no plan text, so without them the page is read
        try:
            soup = BeautifulSoup(_MARKED_SECTION.sub("", text), "html.parser")
        except ParserRejectedMarkup as err:
            raise ReaderError(f"the page's markup cannot be parsed ({err}); open it in a "
                              "browser and save it again") from None
    classes = grid_classes(soup)  # before the stylesheets are dropped with the furniture
    _drop_furniture(soup)
    reader = _Reader(settings)
    reader.grid_classes = classes
    reader.walk(soup.body or soup)
    reader.flush_inline()
    return settle(reader.blocks), reader.warnings


def read_html(data: bytes, source_format: str = "html",
              settings: Settings = DEFAULT) -> RawDocument:
    text, warnings = decode(data)
    try:
        blocks, found = parse_html(text, settings)
    except RecursionError:
        raise ReaderError("the page nests its elements too deeply to be a plan (thousands "
                          "of levels, or tags never closed); open it in a browser and save "
                          "it again, or pass the plan as .docx or .pdf") from None
    return RawDocument(source_format="html", blocks=blocks, warnings=warnings + found)
