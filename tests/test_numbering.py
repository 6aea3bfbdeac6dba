import pytest

from planextract.normalise.numbering import (
    correct_prefix,
    normalise_id,
    split_embedded,
    split_leading,
)


@pytest.mark.parametrize("raw, expected", [
    ("1. 1", "1.1"), ("13. 6", "13.6"), ("A 1", "A1"), ("3.1.", "3.1"), ("15. 2.", "15.2"),
    ("14", "14"), ("1.", "1"),
])
def test_normalise_id(raw, expected):
    assert normalise_id(raw) == expected


def test_split_leading_keeps_raw_number_and_text():
    lead = split_leading("15. 2. Implement robust processes")
    assert (lead.raw, lead.text) == ("15. 2.", "Implement robust processes")
    assert split_leading("Develop a plan").raw is None
    # an outcome number alone is not an action number when dotted numbers are required
    assert split_leading("14 WMPT demonstrates", dotted_only=True).raw is None
    assert split_leading("14 WMPT demonstrates").raw == "14"


def test_split_embedded_splits_only_numbers_of_this_outcome():
    pieces = split_embedded("25.1. Identify partners 25. 2 Work in partnership", {"25"})
    assert [(p.raw, p.text) for p in pieces] == [
        ("25.1.", "Identify partners"), ("25. 2", "Work in partnership")]
    # a cross-reference to another outcome's action is text
    one = split_embedded("32.6 Make adequate provision for financing/resourcing 23.5", {"32"})
    assert len(one) == 1 and one[0].text.endswith("23.5")
    # a tail with no number, then a new action
    tail = split_embedded("recruitment processes 31.4 Develop a plan", {"31"})
    assert [(p.raw, p.text) for p in tail] == [
        (None, "recruitment processes"), ("31.4", "Develop a plan")]


def test_correct_prefix_uses_the_outcome_the_action_sits_under():
    assert correct_prefix("32.2", "31") == "31.2"
    assert correct_prefix("31.2", "31") == "31.2"
    assert correct_prefix("1.2", None) == "1.2"
    assert correct_prefix("A1", "3") == "A1"
