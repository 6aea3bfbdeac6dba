"""Cells read by the fast paths of issue 11 against the code they replaced:
HTML fragments read without bs4 when the tree is certain (``fragment_tree``)
against bs4 as it read every such cell before, and one-line text cells
(``cell_text._one_line_parts``) against the parts builder, and the sniffing
tests made only where their characters are printed against the full scans: the parts of every
cell, and whole documents, on the samples, generated exports of every text
shape, the family corpus' text formats and generated hostile fragments (tags
left open or closed out of turn, entities, nested lists, ``<br>``, comments,
scripts). The output must be identical."""

from __future__ import annotations

import html
import re
import sys
import warnings
from pathlib import Path

import pytest
from bs4 import BeautifulSoup, MarkupResemblesLocatorWarning, NavigableString, Tag
from hypothesis import given, settings
from hypothesis import strategies as st
from text_exports import write_exports

from planextract.extract import fragment_parts, parts, read_document
from planextract.extract.fragment_tree import _is_entity, _known_entities, parse_fragment
from planextract.extract.parts import (
    _INLINE_BULLET,
    BULLET_GLYPHS,
    PartsBuilder,
    cell_parts,
    collapse,
    split_inline_bullets,
)
from planextract.extract.printed import lone_mark
from planextract.extract.text import cell_text, csv_reader, markdown
from planextract.extract.text.decode import decode_lines
from planextract.settings import DEFAULT

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))
warnings.filterwarnings("ignore", category=MarkupResemblesLocatorWarning)

TEXT_SHAPES = ("text-tabbed", "text-html", "text-cells", "text-markdown", "csv",
               "text-markdown-pandoc")

# --- html_fragments.soup_parts before issue 11, kept as the reference (with session
# 25's rule that a glyph alone is a mark) ------------------------------------------

_LINE_TAGS = ("li", "ul", "ol")
_TYPED_BULLET = re.compile(rf"^\s*(?:[{BULLET_GLYPHS.replace('–', '')}]\s*|[-–]\s+)")


def _inline_text(node):
    if isinstance(node, NavigableString):
        return str(node)
    if node.name == "br":
        return "\n"
    text = "".join(_inline_text(c) for c in node.children)
    return f"\n{text}\n" if node.name in _LINE_TAGS else text


def _is_inline_list(node):
    return not node.find_all("li") and not _INLINE_BULLET.search(node.get_text())


def reference_soup_parts(raw: str) -> tuple[str, ...]:
    soup = BeautifulSoup(raw, "html.parser")
    for code in soup.find_all(["script", "style"]):
        code.decompose()
    parts: list[list[str]] = []
    current: list[str] | None = None
    loose: list[str] = []

    def flush_loose() -> None:
        nonlocal current
        text = split_inline_bullets(collapse("".join(loose)))
        loose.clear()
        if not text:
            return
        if current is None:
            current = []
            parts.append(current)
        current.append(text)

    for node in soup.children:
        if isinstance(node, Tag) and node.name == "p":
            flush_loose()
            text = collapse(_inline_text(node))
            # a glyph alone is a mark, kept (session 25: a timeline's ticks)
            bullet = bool(_TYPED_BULLET.match(text)) and not lone_mark(text)
            if bullet:
                text = _TYPED_BULLET.sub("", text, count=1)
            text = split_inline_bullets(text)
            if current is not None and bullet:
                current.append(text)
                continue
            current = [text]
            parts.append(current)
        elif isinstance(node, Tag) and node.name in ("ul", "ol") and _is_inline_list(node):
            text = collapse(_inline_text(node))
            if current and not "".join(loose).strip():
                loose.clear()
                current[-1] = f"{current[-1]} {text}"
            else:
                loose.append(" " + text)
        elif isinstance(node, Tag) and node.name in ("ul", "ol"):
            flush_loose()
            lines = [split_inline_bullets(collapse(_inline_text(node)))]
            lines = [ln for ln in lines if ln]
            if current is None:
                current = []
                parts.append(current)
            current.extend(lines)
        else:
            loose.append(_inline_text(node))
    flush_loose()
    cleaned = ("\n".join(x for x in part if x).strip() for part in parts)
    return tuple(p for p in cleaned if p)


# --- cell_text.text_cell_parts before issue 11, kept as the reference ----------------

def reference_text_cell_parts(text: str, lines_are_paragraphs: bool = False) -> tuple[str, ...]:
    builder = PartsBuilder()
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    for chunk in cell_text._BLANK_LINE.split(text):
        if cell_text._TAG_HINT.search(chunk):
            for part in cell_parts(chunk):
                builder.paragraph(part)
        elif lines_are_paragraphs:
            for line in html.unescape(chunk).split("\n"):
                if builder.parts and cell_text._RUNS_ON.match(line) \
                        and not cell_text._ITEM_MARK.match(line):
                    builder.run_on(line)
                else:
                    builder.paragraph(line)
        else:
            builder.paragraph(html.unescape(chunk))
    return builder.result()


# --- the inputs ----------------------------------------------------------------------

@pytest.fixture(scope="module")
def inputs(tmp_path_factory) -> list[Path]:
    """Every text sample, a generated export of many plans in each text shape, and
    the family corpus' documents in the text formats."""
    from corpus.build import generate

    folder = tmp_path_factory.mktemp("fragment-exports")
    made = write_exports(folder, 60_000, seed=7)
    manifest = generate(folder / "corpus", 17, only=list(TEXT_SHAPES), per_format=3)
    corpus = [folder / "corpus" / "docs" / entry["file"] for entry in manifest]
    samples = sorted(p for p in (ROOT / "samples").iterdir()
                     if p.suffix in (".txt", ".md", ".csv"))
    return samples + made + corpus


def _fragments(paths: list[Path]) -> list[str]:
    """Every TAB-separated field and every line holding a tag."""
    found = set()
    for path in paths:
        lines, _ = decode_lines(path.read_bytes(), DEFAULT.limits)
        for line in lines:
            if "<" in line:
                found.update(field for field in line.split("\t") if "<" in field)
    return sorted(found)


def test_every_cell_of_the_inputs_has_the_reference_parts(inputs):
    fragments = _fragments(inputs)
    plain = [raw for raw in fragments if parse_fragment(raw) is not None]
    assert len(plain) > 100  # the fast path is the one taken
    for raw in fragments:
        assert fragment_parts.fragment_parts(raw) == reference_soup_parts(raw), raw


def test_whole_documents_are_read_as_the_reference_reads_them(inputs, monkeypatch):
    fast = [read_document(p.read_bytes()) for p in inputs]
    monkeypatch.setattr(fragment_parts, "fragment_parts", reference_soup_parts)
    for module in (csv_reader, markdown):
        monkeypatch.setattr(module, "text_cell_parts", reference_text_cell_parts)
    reference = [read_document(p.read_bytes()) for p in inputs]
    for path, got, expected in zip(inputs, fast, reference):
        assert (got.source_format, got.blocks, got.warnings) == (
            expected.source_format, expected.blocks, expected.warnings), path.name


# --- hostile fragments ---------------------------------------------------------------

PIECES = ["<p>", "</p>", "<P>", "</P >", "<ul>", "</ul>", "<ol>", "</ol>", "<li>", "</li>",
          "<br>", "<br/>", "<br />", "</br>", "<b>", "</b>", "<i>", "<span>", "</span>",
          "<div>", "</div>", "<pre>", "</pre>", "<p class='x'>", "<p/>", "<a href=x>",
          "<!-- note -->", "<script>var x = '<p>';</script>", "<style>p {}</style>",
          "<![CDATA[c]]>", "<?pi?>", "<!DOCTYPE html>", "<td>", "</table>",
          "&amp;", "&amp", "&D", "&D;", "&D.M", "&nbsp;", "&#39;", "&#8226;", "&#150;",
          "&#x41;", "&copy", "&copy;", "&lt;p&gt;", "&", "& ", "&#", "<", "< p>", ">",
          " ", "  ", "\n", "\t", "\r", "\x0c", "\u00a0", "•", "▪ ", "- ", "– ", "a", "Text",
          "1.1 Do this", "T&D ", "x <y", "a) one b) two"]


@settings(max_examples=1500, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=14))
def test_hostile_fragments_have_the_reference_parts(pieces):
    raw = "".join(pieces)
    assert fragment_parts.fragment_parts(raw) == reference_soup_parts(raw)


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(["<p>", "</p>", "<ul>", "</ul>", "<li>", "</li>", "<br>",
                                 "<b>", "</b>", "&amp;", "T&D ", " ", "\n", "•", "- ",
                                 "Do it", "a"]), max_size=16))
def test_plain_fragments_take_the_fast_path_and_match(pieces):
    raw = "".join(pieces)
    tree = parse_fragment(raw)
    if tree is not None:
        assert fragment_parts.tree_parts(tree.children) == reference_soup_parts(raw)


def test_what_the_fast_path_leaves_to_bs4():
    for raw in ("<p>a</p><ul><li>b<li>c</ul><br/>T&amp;D &D x", "a</p>", "<p><b>a</p></b>"):
        assert parse_fragment(raw) is not None, raw
    for raw in ("<p class='x'>a</p>", "<!-- c -->", "<script>x</script>",
                "<pre> a </pre>", "&copy x", "T&D", "&#150;", "a < b"):
        assert parse_fragment(raw) is None, raw


def test_bs4_decodes_no_entity_the_fast_path_keeps_as_printed():
    from bs4.dammit import EntitySubstitution

    assert set(EntitySubstitution.HTML_ENTITY_TO_CHARACTER) <= _known_entities()


def test_is_entity_answers_as_the_set_of_names_did():
    """``_is_entity`` (html5 asked directly) against the names set it replaced, on
    every name, every key as printed, and words no entity has."""
    import html.entities

    names = _known_entities()
    asked = names | {k for k in html.entities.html5 if k.isalnum()} | {
        "T", "D", "Name", "ampx", "copyx", "lt1", "x", "nbspx", "Amp", "AMP", "LT", "gt2"}
    assert {w for w in asked if _is_entity(w)} == names & asked
    assert all(_is_entity(n) for n in names)


@settings(max_examples=1500, deadline=None)
@given(st.lists(st.sampled_from(["a", "Do it", "b) two", "ii. x", " ", "  ", "\t", "\u00a0",
                                 "\u2003", "\n", "\r", "\r\n", "\n\n", "•", "• ", "▪",
                                 "- ", "– ", "-", "&amp;", "&#10;", "&#13;", "&nbsp;", "&bull;",
                                 "&", "<p>", "</p>", "<br>", "<", "T&D", "*"]), max_size=12),
       st.booleans())
def test_text_cells_have_the_reference_parts(pieces, lines_are_paragraphs):
    text = "".join(pieces)
    assert cell_text.text_cell_parts(text, lines_are_paragraphs) == \
        reference_text_cell_parts(text, lines_are_paragraphs)


@settings(max_examples=1500, deadline=None)
@given(st.lists(st.sampled_from(["a", "Do it", " ", "\t", "\u00a0", "\u2003", "\u2028", "\n",
                                 "\r", "•", " • ", "▪", "■", "–", "- ", "&amp;", "&#8226;",
                                 "&nbsp;", "&bull;", "&", "<", "<p>", "</p>", "<br>", "T&D"]),
                max_size=12))
def test_plain_text_is_the_parts_joined(pieces):
    raw = "".join(pieces)
    assert parts.plain(raw) == " ".join(" ".join(parts.cell_parts(raw)).split())


def reference_has_pipe_table(lines: list[str]) -> bool:
    from planextract.extract.text import pandoc_tables

    return any(markdown._starts_table(lines, i) or markdown._starts_grid(lines, i)
               for i in range(len(lines) - 1)) or any(
        pandoc_tables.starts_multiline(lines, i) or pandoc_tables.starts_simple(lines, i)
        for i in range(len(lines) - 1))


@settings(max_examples=1500, deadline=None)
@given(st.lists(st.text(alphabet=st.sampled_from(list("|-+ =:a")), max_size=14), max_size=8))
def test_table_sniffing_is_the_reference(lines):
    assert markdown.has_pipe_table(lines) == reference_has_pipe_table(lines)


def test_table_sniffing_finds_each_kind():
    for lines in (["| a | b |", "|---|---|"], ["+---+---+", "| a | b |"],
                  ["Action   Owner", "------   -----", "Do it    HR"],
                  ["-" * 20, "Action   Owner", "------   -----", "Do it    HR", "-" * 20]):
        assert markdown.has_pipe_table(lines) and reference_has_pipe_table(lines), lines


@settings(max_examples=1000, deadline=None)
@given(st.lists(st.text(alphabet=st.sampled_from(list(" \ta|")), max_size=6), max_size=8))
def test_cell_line_counts_are_the_reference(lines):
    from planextract.extract import sniff_lines

    start = sniff_lines._CELL_START
    expected = (sum(1 for ln in lines if start.match(ln) and ln.count("\t") == 1),
                sum(1 for ln in lines if ln.count("\t") >= 2
                    or (ln.count("\t") == 1 and not start.match(ln))))
    assert sniff_lines.cell_counts(lines) == expected
