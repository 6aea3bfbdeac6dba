import pytest

from planextract.extract import ReaderError, read_document
from planextract.extract.html_fragments import cell_parts
from planextract.extract.model import Paragraph, Table
from planextract.extract.registry import sniff

TABBED = "Title line\n\nOutcome\tAction\tOwner\n1. Do\t1.1 Act\tCE\n\n\t1.2 More\tET\n"
MARKDOWN = "# Plan\n\n## Part\n\nOutcome\tActions\tBy when\n1.1 X\t<ul><li>a</li></ul>\tJuly 2011\n"
CELLS = ("Org\n\n\tNo\n\tAction\n\tDate\n\n\t1\n\tDo a thing\nover two lines\n\t31.3.11\n"
         "\t2\n\tDo more\n\t1.1.12\n")


def test_format_is_sniffed_from_content_not_name():
    assert sniff(TABBED.encode()) == "text-tabbed"
    assert sniff(MARKDOWN.encode()) == "text-html"
    assert sniff(CELLS.encode()) == "text-cells"
    assert sniff(b"%PDF-1.7\n...") == "pdf"


@pytest.mark.parametrize("data, status, words", [
    (b"", "empty", "empty"),
    (b"   \n\n", "empty", "empty"),
    (b"just prose\nno tables here\n", "failed", "no table"),
    (bytes(range(256)) * 4, "failed", "binary"),
    (b"PK\x03\x04 not really a zip", "failed", "damaged"),
])
def test_bad_input_gets_a_clear_error(data, status, words):
    with pytest.raises(ReaderError) as caught:
        read_document(data)
    assert caught.value.status == status
    assert words in str(caught.value)


def test_tabbed_reader_keeps_lines_and_page_breaks():
    doc = read_document(TABBED.encode())
    assert isinstance(doc.blocks[0], Paragraph) and doc.blocks[0].line == 1
    table = doc.blocks[1]
    assert isinstance(table, Table)
    assert [r.line_start for r in table.rows] == [3, 4, 6]
    assert [r.after_break for r in table.rows] == [False, False, True]


def test_markdown_headings_get_levels():
    doc = read_document(MARKDOWN.encode())
    heads = [(b.text, b.level) for b in doc.blocks if isinstance(b, Paragraph)]
    assert heads == [("Plan", 1), ("Part", 2)]


def test_cells_reader_groups_cells_into_rows_and_drops_repeated_headers():
    text = CELLS + "\n\tNo\n\tAction\n\n\t3\n\tLast one\n\tOngoing\n"
    doc = read_document(text.encode())
    table = next(b for b in doc.blocks if isinstance(b, Table))
    rows = [[c.text for c in r.cells] for r in table.rows]
    assert rows[0] == ["No", "Action", "Date"]
    assert rows[1] == ["1", "Do a thing over two lines", "31.3.11"]
    assert rows[3] == ["3", "Last one", "Ongoing"]
    assert table.rows[3].after_break and not table.rows[2].after_break
    assert table.rows[1].line_start == 7 and table.rows[1].line_end == 10


def test_html_cell_parts():
    assert cell_parts("<p>one</p> <p>two</p>") == ("one", "two")
    assert cell_parts("<ul><li>a</li><li>b</li></ul>") == ("a\nb",)
    assert cell_parts("Ensure that: • first • second") == ("Ensure that:\nfirst\nsecond",)
    assert cell_parts("<ul> Intro • x • y </ul>") == ("Intro\nx\ny",)
    # a list with no items or glyphs is inline text
    assert cell_parts('<p>areas:</p> <ul style="x"> a) one b) two ') == ("areas: a) one b) two",)
    assert cell_parts("Fish &amp; chips") == ("Fish & chips",)
    assert cell_parts("   ") == ()


def test_paragraphs_typed_as_bullets_are_lines_of_one_part():
    assert cell_parts("<p>Extend the process:</p><p>- training refreshed</p>"
                      "<p>• feedback gathered</p><p>2.2 Next action</p>") == (
        "Extend the process:\ntraining refreshed\nfeedback gathered", "2.2 Next action")
    # differs in everything but the rule: en dash and square glyphs, no lead paragraph
    assert cell_parts("<p>– CE</p><p>▪ Board</p>") == ("CE\nBoard",)
    # a dash inside the text, or a negative number, is no bullet
    assert cell_parts("<p>HR - Manager</p><p>-5% gap</p>") == ("HR - Manager", "-5% gap")
