"""Posts listed one a line in a PDF cell where every line fills the cell, so the
fit test cannot part them: parted where the plan's own tables print a post
alone (``posts_alone``), where the stacked actions beside them give the count
(``cell_text.parallel_lines``), and a list of posts wrapping at ``and`` is not
taken for one word cut over two lines (``cell_text.links_on``). Each document is
written as a plan prints it (LibreOffice's PDFs of Word plans wrap so)."""

from grid_pdf import grid_pdf
from reportlab.lib.pagesizes import A4, landscape
from reportlab.pdfbase.pdfmetrics import stringWidth

from planextract.extract import read_document
from planextract.extract.pdf.cell_text import parallel_lines
from planextract.extract.pdf.post_lines import post_shaped
from planextract.extract.pdf.posts_alone import cut_paragraph
from planextract.normalise.document import normalise


def _snug(x0, lines, font, points):
    """A right border 3 pt past the widest line (4 pt inset each side): no
    further word fits after any of its lines."""
    return x0 + 8 + 3 + max(stringWidth(line, font, points) for line in lines)


# --------------------------------------------------------------- the rule alone

def test_a_run_the_plan_prints_alone_parts_the_lines():
    known = {"company secretary"}
    assert cut_paragraph("Vice Principal Curriculum\nCompany Secretary", known) == [
        "Vice Principal Curriculum", "Company Secretary"]
    # a person with the post in brackets, wrapped, then a post printed alone
    assert cut_paragraph("Hamish Gallagher\n(Vice Principal\nCurriculum)\nPerformance &\n"
                         "Information\nManager", {"performance & information manager"}) == [
        "Hamish Gallagher\n(Vice Principal\nCurriculum)", "Performance &\nInformation\nManager"]


def test_no_part_without_the_plans_word_or_where_a_post_wrapped():
    # nothing printed alone: the layout cannot tell, so nothing is parted
    assert cut_paragraph("Vice Principal Curriculum\nCompany Secretary", set()) is None
    # the rest is no post of its own: a wrapped post, even though its start is printed alone
    assert cut_paragraph("Head of Service\nDevelopment", {"head of service"}) is None
    # a lone post noun is the end of a wrapped post
    assert cut_paragraph("Organisational Development\nHead", {"organisational development"}) is None
    # never after a linking word, never inside brackets, never in a sentence
    assert cut_paragraph("Head of\nHR", {"hr"}) is None
    assert cut_paragraph("Lee Ward (Head\nof Estates)", {"of estates"}) is None
    sentence = "Agree the plan with\nthe Estates Manager"
    assert cut_paragraph(sentence, {"the estates manager"}) is None


def test_a_second_plan_parts_three_posts_one_known():
    known = {"fleet manager", "estates officer"}
    assert cut_paragraph("Assistant Chief Constable\nFleet Manager\nEstates Officer", known) == [
        "Assistant Chief Constable", "Fleet Manager", "Estates Officer"]


def test_more_lines_than_stacked_actions_grouped_one_post_each():
    row = ["7. To capture the complaints data\n\n8. Resource the pay audit findings",
           "Customer Services Head\nWorkforce Planning\nManager"]
    assert parallel_lines(row)[1] == "Customer Services Head\n\nWorkforce Planning\nManager"
    # a second plan: three actions, four lines, one wrapped post in the middle
    row = ["1 Publish the profile\n\n2 Train panels\n\n3 Audit the estate",
           "Chief Inspector\nHead of Learning and\nDevelopment\nEstates Officer"]
    assert parallel_lines(row)[1] == (
        "Chief Inspector\n\nHead of Learning and\nDevelopment\n\nEstates Officer")
    # two ways of grouping, or none: the lines cannot tell, the cell stays
    ambiguous = "Head of Estates\nFleet Manager\nHead of HR"
    assert parallel_lines([row[0].rsplit("\n\n", 1)[0], ambiguous])[1] == ambiguous
    none = "Agreed with the board\nin May after the\nconsultation"
    assert parallel_lines([row[0].rsplit("\n\n", 1)[0], none])[1] == none


def test_a_post_printed_as_its_initials_is_a_post_line():
    assert post_shaped("PM") and post_shaped("L&D")
    assert not post_shaped("Pm") and not post_shaped("2012")
    row = ["2. Benchmark the pipeline\n\n3. Review the leaflets\n\n4. Audit the site",
           "Company Secretary\n\nCustomer Services Head\nPM"]
    assert parallel_lines(row)[1] == "Company Secretary\n\nCustomer Services Head\n\nPM"


# --------------------------------------------------------------- whole documents

def test_a_plan_whose_owner_lines_fill_the_cell_reads_each_post():
    font, points = "Helvetica", 9
    owners = ["Vice Principal Curriculum", "Company Secretary"]
    xs = [40, 70, 330]
    xs += [_snug(xs[-1], owners, font, points), 560]
    header = [["No"], ["Action"], ["Lead"], ["Due"]]
    rows = [[["1"], ["Review the induction pack"], owners, ["31.3.12"]],
            [["2"], ["Publish the pay gap"], ["Company Secretary"], ["March 12"]]]
    actions = normalise(read_document(grid_pdf(landscape(A4), xs, header, [rows]))).actions
    assert [a["owners"] for a in actions] == [
        ["Vice Principal Curriculum", "Company Secretary"], ["Company Secretary"]]


def test_a_second_plan_prints_the_post_alone_in_another_table():
    font, points = "Times-Roman", 10
    owners = ["Lee Ward (Assistant", "Chief Constable)", "Fleet Manager"]
    xs = [40, 250]
    xs += [_snug(xs[-1], owners, font, points), 470]
    header = [["Objective"], ["Responsible"], ["Deadline"]]
    first = [[["1.1 Replace the pool cars"], owners, ["Dec 2013"]]]
    second = [[["2.1 Audit the depot access"], ["Fleet Manager"], ["On-going"]]]
    data = grid_pdf(A4, xs, header, [first, second], font=font, points=points, leading=12)
    actions = normalise(read_document(data)).actions
    assert actions[0]["owners"] == ["Assistant Chief Constable", "Fleet Manager"]
    assert actions[0]["owner_people"] == ["Lee Ward"]
    assert actions[1]["owners"] == ["Fleet Manager"]


def test_a_list_of_posts_wrapping_at_and_keeps_its_words_apart():
    font, points = "Times-Roman", 10
    lines = ["Head of Residential", "Services/Performance", "and Information", "Manager"]
    xs = [40, 70, 300]
    xs += [_snug(xs[-1], lines, font, points), 520]
    header = [["Ref"], ["Action"], ["Executive lead"], ["When by"]]
    rows = [[["C 2"], ["Reinforce the staff exit survey"], lines, ["March 2013"]]]
    data = grid_pdf(landscape(A4), xs, header, [rows], font=font, points=points, leading=12)
    [action] = normalise(read_document(data)).actions
    assert action["owners"] == ["Head of Residential Services",
                                "Performance and Information Manager"]


def test_no_part_that_leaves_a_post_cut_at_its_and_or_its_noun():
    # ``Park`` after ``and`` opens the post on the next line
    assert cut_paragraph("Planning Head and Park\nRanger Manager", {"ranger manager"}) is None
    # ``Head`` closes the post above it; ``Head of ...`` would open one
    assert cut_paragraph("Organisational Development\nHead and Mr Ndlovu",
                         {"organisational development"}) is None
    assert cut_paragraph("Organisational Development\nHead of Legal Services",
                         {"organisational development"}) == [
        "Organisational Development", "Head of Legal Services"]
