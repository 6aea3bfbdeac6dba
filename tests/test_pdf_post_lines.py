"""Owners listed one a line in a PDF cell whose lines each fill the column
(issue 6, class 4): the layout cannot tell a new line from a wrap, so two
lines that are each a whole post are two posts. The rule alone, then on a
plan drawn here with reportlab, and on a second plan that differs in
everything but the rule."""

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.pdfbase.pdfmetrics import stringWidth
from test_pdf_unruled import draw, tables_of, texts

from planextract.extract.pdf.post_lines import is_post_line, posts_apart


def test_a_line_that_is_a_whole_post():
    assert is_post_line("Operations Manager")
    assert is_post_line("Director Offender Mgt.")  # opens with a post noun
    assert is_post_line("Head of Human Resources")
    assert is_post_line("Secretary to the Board")
    assert is_post_line("LDU Managers")
    assert is_post_line("Registrar")
    assert not is_post_line("Head of Professional and")  # runs on
    assert not is_post_line("Professional Standards")  # names no post
    assert not is_post_line("Board Secretary and Deputy")  # a rank runs on
    assert not is_post_line("Director of Finance and Estates")  # may run on: ... Manager
    assert not is_post_line("publish a summary for the Board")  # a sentence


def test_two_posts_apart_and_one_post_wrapped():
    assert posts_apart("Director Offender Mgt.", "Operations Manager")
    assert posts_apart("Head of Human Resources", "Registrar")
    assert not posts_apart("Head of Professional", "Standards")
    assert not posts_apart("Secretary to the Board", "Professional Standards")
    assert not posts_apart("Chief Executive", "Officer")  # a compound post wrapped
    assert not posts_apart("train the staff who lead", "Diversity Manager")


def _fitted(lines, font, size, pad):
    """A column exactly as wide as the widest of ``lines``: each fills it."""
    return max(stringWidth(x, font, size) for x in lines) + 2 * pad + 1


def test_owners_each_filling_the_column_are_kept_apart():
    owners = ["Director Offender Mgt.", "Operations Manager", "LDU Managers"]
    width = _fitted(owners, "Helvetica", 9, 4)
    rows = [["Ref", "Action", "By whom", "Date"],
            ["6", "Introduce a focus on violence as a specified activity", "|".join(owners),
             "31.3.11"],
            ["7", "Review the roles of semi-specialist staff", "Diversity Manager", "2011"]]
    [table], _ = tables_of(draw([rows], [30, 260, width, 60]))
    assert table[1][2] == tuple(owners)
    assert texts(table)[2][2] == "Diversity Manager"


def test_a_wrapped_post_and_a_second_post_in_another_layout():
    cells = ["Head of Human Resources", "Registrar"]
    width = _fitted(cells, "Times-Roman", 10, 6)
    rows = [["Measure", "Responsible officer", "Deadline"],
            ["Promote community engagement plans with partner agencies", "|".join(cells),
             "December 2010"],
            ["Audit the staff survey results", "Head of Professional Standards", "31.3.11"]]
    style = [("LINEBELOW", (0, 0), (-1, -1), 0.5, colors.black)]
    narrow = stringWidth("Head of Professional", "Times-Roman", 10) + 12 + 4
    [table], _ = tables_of(draw([rows], [250, max(width, narrow), 90], font="Times-Roman",
                                size=10, pad=6, style=style, page=A4))
    assert table[1][1] == ("Head of Human Resources", "Registrar")
    # a post wrapped because it is too long for the column stays one post
    assert texts(table)[2][1] == "Head of Professional Standards"
