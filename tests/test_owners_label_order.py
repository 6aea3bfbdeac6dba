"""One role printed ``Lead for X`` in one plan and ``X Lead`` in another carries one
label in both (CANONICAL.md: one role spelled the same after expansion, one label
across all documents). The label chose the title form where a plan printed both
and the printed one where it printed one, so two plans labelled one role apart; now
a post noun opening ``... for X`` goes last, whichever the plans print. The words
below are made up for the rule, from no corpus pool."""

from planextract.lexicon.role_vocab import load
from planextract.normalise import owners
from planextract.normalise.role_labels import _head_first

VOCAB = load()


def _labels(cells: list[str | None]) -> list[list[str]]:
    return [list(r.owners) for r in owners.resolve(cells, {}).rows]


def test_one_label_whichever_order_a_plan_prints():
    one = _labels(["Officer for Moorings", "Fleet Manager"])
    other = _labels(["Fleet Manager/Moorings Officer"])
    both = _labels(["Moorings Officer", "Officer for Moorings"])
    assert one[0] == ["Moorings Officer"]
    assert other[0][1] == "Moorings Officer"
    assert both == [["Moorings Officer"], ["Moorings Officer"]]


def test_a_second_document_differing_in_all_but_the_rule():
    # other words, a rank in front, a phrase of several words after for
    first = _labels(["Senior Adviser for Kiln Safety\nGlazing Clerk"])
    second = _labels(["Glazing Clerk, Senior Kiln Safety Adviser"])
    assert "Senior Kiln Safety Adviser" in first[0]
    assert "Senior Kiln Safety Adviser" in second[0]


def test_the_orders_left_alone():
    def order(text: str) -> str:
        return " ".join(_head_first(text.split(), VOCAB))
    assert order("Estates Head") == "Head of Estates"  # Head still goes first
    assert order("Glazing Director") == "Glazing Director"  # an adjective may stand before
    assert order("Head for Moorings") == "Head for Moorings"  # Head takes its phrase
    assert order("Officer for Moorings of Kilns") == "Officer for Moorings of Kilns"
