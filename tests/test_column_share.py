"""A column's share of dates or of ids read only until it is certain
(``column_evidence.reaches``) decides as counting every cell did (issue 11)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from planextract.normalise import column_evidence
from planextract.normalise.column_evidence import _YEAR, ID_LIKE, _dated
from planextract.settings import DEFAULT


def reference_id_like(values: list[str], share: float = DEFAULT.columns.id_share) -> bool:
    """``id_like`` as it was: every filled cell counted."""
    filled = [v for v in values if v]
    ids = sum(bool(ID_LIKE.match(v)) and not _YEAR.match(v) for v in filled)
    return bool(filled) and ids >= share * len(filled)


def reference_dated_column(values: list[str], share: float = 0.5) -> bool:
    """``dated_column`` as it was: every filled cell read as a date."""
    filled = [v for v in values if v]
    return bool(filled) and sum(_dated(v) for v in filled) >= share * len(filled)


_SHARES = st.sampled_from([0.0, 0.1, 1 / 3, 0.5, 0.6, 2 / 3, 0.7, 0.8, 0.9, 1.0, 1.2])


@settings(max_examples=500, deadline=None)
@given(st.lists(st.booleans(), max_size=30), _SHARES)
def test_reaches_is_the_count_compared(hits, share):
    assert column_evidence.reaches(iter(hits), len(hits), share) == \
        (sum(hits) >= share * len(hits))


_CELLS = st.lists(st.sampled_from(["", "1", "1.2", "A1", "2012", "12 March 2013", "Ongoing",
                                   "March - June 2014", "Q3 2012/13", "Publish the plan",
                                   "HR Manager", "1000.1", "tbc", "Annually"]), max_size=25)


@settings(max_examples=400, deadline=None)
@given(_CELLS, _SHARES)
def test_date_and_id_columns_read_until_certain_are_the_columns_counted(cells, share):
    assert column_evidence.id_like(cells, share) == reference_id_like(cells, share)
    assert column_evidence.dated_column(cells, share) == reference_dated_column(cells, share)
    assert column_evidence.dated_column(cells) == reference_dated_column(cells)
