"""Text of ruled cells: a spaced dash ending a wrapped line (``Chief
Executive -`` over ``Fiona Beaumont``) is a dash, kept apart from the next
word; a hyphen inside a word (``anti-`` over ``discrimination``) is where
Word broke the word and joins it again."""

from grid_pdf import grid_pdf

from planextract.extract import read_document
from planextract.extract.pdf.cell_text import cell_parts
from planextract.normalise.document import normalise


def test_a_spaced_dash_at_a_line_end_keeps_its_space_and_a_word_hyphen_does_not():
    assert cell_parts("Chief Executive -\nFiona Beaumont") == ("Chief Executive - Fiona Beaumont",)
    assert cell_parts("Head of HR –\nAnna Lee") == ("Head of HR – Anna Lee",)
    assert cell_parts("tackle anti-\ndiscrimination") == ("tackle anti-discrimination",)


def test_a_person_after_a_dash_wrapped_onto_the_next_line_is_a_person():
    from reportlab.lib.pagesizes import A4, landscape

    xs = [50, 90, 330, 420, 520]
    header = [["No"], ["Action"], ["Lead"], ["Due"]]
    row = [["12"], ["Refresh the complaints procedure"], ["Chief Executive -", "Fiona Beaumont"],
           ["30.9.10"]]
    [action] = normalise(read_document(grid_pdf(landscape(A4), xs, header, [[row]]))).actions
    assert action["owners"] == ["Chief Executive"] and action["owner_people"] == ["Fiona Beaumont"]


def test_a_second_plan_with_a_person_after_a_wrapped_dash():
    from reportlab.lib.pagesizes import A4

    xs = [40, 260, 380, 470, 560]
    header = [["Objective"], ["Responsible"], ["Deadline"], ["RAG"]]
    row = [["1.1 Publish the workforce profile"], ["Head of Facilities -", "Bethany Pryce,",
                                                    "Board Secretary"],
           ["Annually"], ["Red"]]
    [action] = normalise(read_document(grid_pdf(A4, xs, header, [[row]], font="Times-Roman",
                                                points=10, leading=12))).actions
    assert action["owner_people"] == ["Bethany Pryce"]
    assert action["owners"] == ["Head of Facilities", "Board Secretary"]
