"""HTML fragments in text exports (issue 9): tags left open or nested anyhow
give each word of the cell exactly once, every list item on its own line."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from planextract.extract.html_fragments import cell_parts

_TAGS = ["<li>", "</li>", "<ul>", "</ul>", "<ol>", "</ol>", "<p>", "</p>", "<br>", "<b>",
         "</b>", "<div>", "</div>", " ", "\n"]


def _words(parts: tuple[str, ...]) -> list[str]:
    return re.findall(r"w\d+", " ".join(parts))


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(_TAGS), min_size=1, max_size=30), st.data())
def test_every_word_of_a_fragment_comes_out_once_in_order(tags, data):
    """Words are distinct, so a repeated or lost one is seen whatever tags surround it."""
    words = [f"w{i}" for i in range(len(tags))]
    glue = data.draw(st.lists(st.booleans(), min_size=len(tags), max_size=len(tags)))
    raw = "".join(f"{t}{w}" if first else f"{w}{t}" for t, w, first in zip(tags, words, glue))
    assert _words(cell_parts(raw)) == words


def test_an_item_left_open_is_its_own_line_once():
    assert cell_parts("a<li>b") == ("a\nb",)
    assert cell_parts("<ul><li>a<li>b</ul>") == ("a\nb",)
    assert cell_parts("<li>Train staff<li>Audit sites<li>Report") == (
        "Train staff\nAudit sites\nReport",)
    assert cell_parts("<p>Review policy:<li>HR<li>Finance</p><p>Publish</p>") == (
        "Review policy:\nHR\nFinance", "Publish")


def test_nested_items_follow_their_parent_once_each():
    raw = "<ul><li>Audit<ul><li>north<li>south</ul></li><li>Report</li></ul>"
    assert cell_parts(raw) == ("Audit\nnorth\nsouth\nReport",)


def test_inline_markup_inside_an_item_stays_on_its_line():
    assert cell_parts("<ul><li>Book <b>all</b> rooms</li><li>Pay</li></ul>") == (
        "Book all rooms\nPay",)
