"""Text of ruled cells: a spaced dash ending a wrapped line (``Chief
Executive -`` over ``Fiona Beaumont``) is a dash, kept apart from the next
word; a hyphen inside a word (``anti-`` over ``discrimination``) is where
Word broke the word and joins it again."""

from grid_pdf import grid_pdf

from planextract.extract import read_document
from planextract.extract.pdf.cell_text import cell_parts, cell_raw
from planextract.extract.pdf.page import Word
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


def _snug(x0, lines, font, points):
    """A column's right border 3 pt past its widest line (4 pt inset each side):
    no further word fits on any of its lines."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    return x0 + 8 + 3 + max(stringWidth(line, font, points) for line in lines)


def test_lettered_actions_stacked_in_one_cell_are_read_as_actions():
    from reportlab.lib.pagesizes import A4, landscape

    # "D" does not fit after "networks" on the line above: only the lettered
    # number at the line start says a new action starts there
    lines = ["D 4 Audit the estates strategy with the staff networks",
             "D 5 We will analyse outreach events for every directorate and",
             "set targets for next year", "D 6 Consult on the standards"]
    right = _snug(50, lines, "Helvetica", 9.0)
    xs = [50, right, right + 90, right + 230]
    header = [["Actions"], ["Due"], ["Lead"]]
    rows = [[[f"D {k} Review the policy"], ["2013"], ["Head of HR"]] for k in (1, 2, 3)]
    rows.append([lines, ["30.9.10", "April 2014", "", "2015"],
                 ["Estates Manager", "Station Manager", "", "Estates Manager"]])
    data = grid_pdf(landscape(A4), xs, header, [rows])
    actions = normalise(read_document(data)).actions
    assert [(a["action_id"], a["owners_raw"]) for a in actions][3:] == [
        ("D4", "Estates Manager"), ("D5", "Station Manager"), ("D6", "Estates Manager")]


def test_a_second_plan_with_lettered_stacked_actions_reads_them_too():
    from reportlab.lib.pagesizes import A4

    lines = ["A1 Agree the equality scheme with the", "Board and the staff networks",
             "A2 Publish the scheme online"]
    right = _snug(40, lines, "Times-Roman", 10.0)
    xs = [40, right, right + 120, right + 200]
    header = [["Task"], ["Owner"], ["By"]]
    rows = [[lines, ["Chief Executive", "Head of Policy"], ["2014", "2015"]],
            [["A3 Train all staff"], ["HR Manager"], ["2016"]]]
    data = grid_pdf(A4, xs, header, [rows], font="Times-Roman", points=10, leading=12)
    actions = normalise(read_document(data)).actions
    assert [(a["action_id"], a["action"], a["due_raw"]) for a in actions][:2] == [
        ("A1", "Agree the equality scheme with the Board and the staff networks", "2014"),
        ("A2", "Publish the scheme online", "2015")]


def _line(y, *texts, x=10.0):
    out = []
    for text in texts:
        out.append(Word(text, x, x + 5 * len(text), y, y + 9, 9.0, False))
        x += 5 * len(text) + 2.5
    return out


def test_a_line_opening_with_the_cells_own_letter_and_a_number_is_a_paragraph():
    # "D" would not fit after "networks": the fit test alone calls it a wrap
    first = _line(0, "D", "4", "Audit", "the", "staff", "networks")
    right = first[-1].x1 + 4
    lines = [first, _line(11, "D", "5", "Analyse", "the", "outreach", "events"),
             _line(22, "for", "every", "unit")]
    assert cell_raw(lines, 10, right) == (
        "D 4 Audit the staff networks\n\nD 5 Analyse the outreach events\nfor every unit")
    # another letter, or a cell that opens with none, is a wrap as before
    other = [first, _line(11, "E", "5", "Analyse", "events")]
    assert cell_raw(other, 10, right) == "D 4 Audit the staff networks\nE 5 Analyse events"
    plain = [_line(0, "Audit", "the", "staff", "networks", "of"), _line(11, "D", "5", "units")]
    assert cell_raw(plain, 10, plain[0][-1].x1 + 4) == "Audit the staff networks of\nD 5 units"


def test_a_line_opening_with_the_next_whole_number_is_a_paragraph():
    # "7" would not fit after "audit": the fit test alone calls it a wrap; the
    # number next in turn after the cell's own (6, then 7, then 8) starts a paragraph
    first = _line(0, "6", "Annual", "review", "of", "the", "audit")
    right = first[-1].x1 + 4
    lines = [first, _line(11, "7", "To", "simplify", "the", "facilities"),
             _line(22, "8.", "Review", "the", "pipeline")]
    assert cell_raw(lines, 10, right) == (
        "6 Annual review of the audit\n\n7 To simplify the facilities\n\n8. Review the pipeline")
    # a number out of turn, a date's day, or a cell that opens with no number: a wrap
    for line in (_line(11, "9", "Review", "pay"), _line(11, "7", "March", "2012"),
                 _line(11, "6", "Review", "pay")):
        assert cell_raw([first, line], 10, right).count("\n\n") == 0
    plain = [_line(0, "Audit", "the", "staff", "networks", "of"), _line(11, "1", "Unit")]
    assert cell_raw(plain, 10, plain[0][-1].x1 + 4) == "Audit the staff networks of\n1 Unit"


def test_whole_numbered_actions_stacked_in_a_full_cell_are_read_as_actions():
    from reportlab.lib.pagesizes import A4, landscape

    # the id column empty, the numbers in the text; "8" does not fit after the line
    # above (the cell's widest): only the number next in turn says an action starts
    lines = ["6 Annual review of the board's own diversity within the current year and feed",
             "back to the people who took part",
             "7 To simplify facilities for breastfeeding mothers to close the gaps in the audit",
             "8 Review of the apprenticeship recruitment pipeline"]
    right = _snug(50, lines, "Helvetica", 9.0)
    xs = [20, 50, right, right + 160, right + 260]
    header = [[""], ["Work programme"], ["Key contact"], ["Target for completion"]]
    rows = [[["5"], ["Resource the equality data held on the case system"], ["Governor"],
             ["March 31, 2014"]],
            [[""], lines, ["Learning and Development Adviser", "Customer Services Head",
                           "Head of Engagement"],
             ["Jan-13", "March 2013", "2012-06-30"]]]
    actions = normalise(read_document(grid_pdf(landscape(A4), xs, header, [rows]))).actions
    assert [(a["action_id"], a["due_raw"], a["owners_raw"]) for a in actions] == [
        ("5", "March 31, 2014", "Governor"), ("6", "Jan-13", "Learning and Development Adviser"),
        ("7", "March 2013", "Customer Services Head"), ("8", "2012-06-30", "Head of Engagement")]
    assert actions[3]["action"] == "Review of the apprenticeship recruitment pipeline"


def test_a_second_plan_with_whole_numbered_stacked_actions_reads_them_too():
    from reportlab.lib.pagesizes import A4

    # differs in everything but the rule: numbers with a stop, actions opening with
    # nouns, Times, portrait, one owner and date shared by the cell
    lines = ["12. Publication of the scheme on the website and in the newsletter",
             "13. Training for every manager in equality law"]
    right = _snug(60, lines, "Times-Roman", 10.0)
    xs = [30, 60, right, right + 120, right + 200]
    header = [["Ref"], ["Action"], ["Lead"], ["When"]]
    rows = [[[""], lines, ["Head of Policy"], ["2015"]],
            [["14."], ["Audit of the buildings"], ["Estates"], ["2016"]]]
    data = grid_pdf(A4, xs, header, [rows], font="Times-Roman", points=10, leading=12)
    actions = normalise(read_document(data)).actions
    assert [(a["action_id"], a["action"], a["due_raw"]) for a in actions] == [
        ("12", "Publication of the scheme on the website and in the newsletter", "2015"),
        ("13", "Training for every manager in equality law", "2015"),
        ("14", "Audit of the buildings", "2016")]
