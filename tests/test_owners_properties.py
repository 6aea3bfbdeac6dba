"""Properties of owner resolution on any cells: it never fails, never emits an
empty label, and the order the cells come in never changes what they resolve to."""

from hypothesis import given, settings
from hypothesis import strategies as st

from planextract.normalise.owners import resolve

WORDS = ["Head", "of", "HR", "ACO", "Mgr", "Manager", "–", "-", "/", "&", ",", "and", "(",
         ")", ":", "Dr", "Supt", "C/Insp", "T", "D", "All", "Fiona", "Smith", "Estates",
         "Dep", "Deputy", "Chief", "Executive", "E&D", "Equality", "Diversity", "SMT", "\n"]
cell = st.one_of(st.none(), st.text(max_size=40),
                 st.lists(st.sampled_from(WORDS), max_size=8).map(" ".join))


@settings(max_examples=100, deadline=None)
@given(st.lists(cell, min_size=1, max_size=8), st.randoms(use_true_random=False))
def test_resolution_never_fails_and_ignores_order(cells, rng):
    key = {"HR": "Human Resources", "E&D": "Equality and Diversity"}
    first = resolve(cells, key)
    assert len(first.rows) == len(cells)
    assert all(o and o == o.strip() for row in first.rows for o in row.owners)
    order = list(range(len(cells)))
    rng.shuffle(order)
    second = resolve([cells[i] for i in order], key)
    assert [second.rows[n].owners for n in range(len(cells))] == [
        first.rows[i].owners for i in order]
    assert sorted(first.roles, key=repr) == sorted(second.roles, key=repr)
