"""Small pure rules moved out of document._finish: RAG colours, the owner/date
swap, and the repeated header."""

from plan_blocks import run, table

from planextract.normalise import rag, swap
from planextract.normalise.columns import repeats_header


def test_rag_colour_words_and_letters():
    assert rag.colour("Green") == "green" and rag.colour("G") == "green"
    assert rag.colour("Amber - on track") == "amber" and rag.colour("GREY") == "grey"
    assert rag.colour("Red tape cut by half") is None
    # a RAG cell gives the colour and the progress text stays whole
    assert rag.rag_and_progress("Red", "Delayed by the move") == ("red", "Delayed by the move")
    # with no RAG column a progress cell that is only a colour is the colour
    assert rag.rag_and_progress(None, "Amber") == ("amber", None)
    assert rag.rag_and_progress(None, "Green: all done") == ("green", "Green: all done")
    assert rag.rag_and_progress(None, "Good progress") == (None, "Good progress")


def test_swap_needs_words_under_the_date_and_a_date_under_the_owner():
    assert swap.swapped("Head of HR", "March 2012")
    assert swap.swapped("Diversity Manager", "31.3.11")
    assert not swap.swapped("March 2012", "Head of HR")
    assert not swap.swapped("TBC 2012", "March 2012")  # a digit: a date that did not read
    assert not swap.swapped(None, "March 2012")


def test_swapped_cells_in_a_plan_are_put_back_and_flagged():
    doc = run(table(["Action", "Lead", "Deadline"],
                    ["Audit the website", "June 2013", "Web Manager"],
                    ["Train the call centre", "Contact Centre Manager", "May 2013"]))
    first, second = doc.actions
    assert (first.owners_raw, first.due_raw, first.flags) == ("Web Manager", "June 2013",
                                                              ["columns_swapped"])
    assert second.flags == []


def test_repeats_header_ignores_case_and_spacing_and_needs_every_cell():
    header = ["Outcome", "Actions", "By  when", "By whom"]
    assert repeats_header(["OUTCOME", "Actions", "By when", ""], header)
    assert repeats_header(["", "", "by whom", ""], header)
    assert not repeats_header(["Outcome", "Publish the plan", "", ""], header)
    assert not repeats_header(["", "", "", ""], header)
