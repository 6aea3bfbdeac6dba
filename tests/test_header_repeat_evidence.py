"""A header of labels the vocabulary does not know is proven by the rows below it
(``header_rows._labels_over_plan``); a page break that repeats the header one
row after it (with the rest of the cut row under the repeat) put the header's own
rows into that evidence, where they are no cells of the plan: they are left out
(held-out text export, a strand's table of three actions). Written here from
printed values."""

from __future__ import annotations

from planextract.extract.registry import read_document
from planextract.lexicon.column_roles import is_header_row
from planextract.normalise.document import normalise
from planextract.normalise.header_rows import header_in


def _tabbed(*lines: str) -> list:
    data = ("\n".join(lines) + "\n").encode("utf-8")
    return normalise(read_document(data)).actions


def test_a_two_row_header_repeated_after_its_first_row_is_still_the_header():
    top, lower = "Ref\tUndertaking\tArrangement\t", "\t\tSeason\tLead"
    assert not is_header_row(top.split("\t"))
    actions = _tabbed(
        "## Carers",
        "",
        top, lower,
        "1.\tWe will open a carers' drop-in\tSpring 2015\tCarers Officer",
        "",
        top, lower,
        "\tat the main library each week\t\t",
        "2.\tPublish a carers' guide to our services\t31/10/2015\tComms Manager",
        "3.\tTrain reception staff to spot carers\ttbc\tTraining Officer",
    )
    assert [(a.action_id, a.action, a.owners_raw, a.due_raw) for a in actions] == [
        ("1", "We will open a carers' drop-in at the main library each week",
         "Carers Officer", "Spring 2015"),
        ("2", "Publish a carers' guide to our services", "Comms Manager", "31/10/2015"),
        ("3", "Train reception staff to spot carers", "Training Officer", "tbc"),
    ]
    assert [str(a.due_date) for a in actions] == ["2015-05-31", "2015-10-31", "None"]


def test_a_second_table_differing_in_all_but_the_rule():
    # one header row of four unknown labels, repeated twice among the rows below
    # it, one date not yet set
    labels = ["Mark", "Pledge", "Keeper", "Window"]
    assert not is_header_row(labels)
    texts = [
        labels,
        ["a", "Fit hearing loops at each counter", "Estates Lead", "June 2016"],
        labels,
        ["", "and in the council chamber", "", ""],
        ["b", "Caption every public webcast", "Digital Officer", "2016/17"],
        ["c", "Offer large print agendas on request", "Clerk", "tbc"],
        labels,
        ["", "and on the website", "", ""],
    ]
    header = header_in(texts)
    assert header is not None and header.labels == labels
