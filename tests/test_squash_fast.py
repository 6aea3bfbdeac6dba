"""Text already collapsed is given back without splitting it (``lexicon.text.spaced_once``):
the same text, the same object, as the split and join it replaced (``read_squash``,
``read_squash_lines``)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from planextract.lexicon import text as text_module

# printable ASCII and every kind of space str.split knows, ASCII controls among them
_TEXT = st.text(alphabet=st.sampled_from(list("ab Z.-  \t\n\r\x0b\x0c\x1c\x1f\x7f\x85\u00a0"
                                             "\u2003\u2028é")), max_size=24)


class Subclass(str):
    pass


@settings(max_examples=800, deadline=None)
@given(_TEXT)
def test_squash_is_the_split_and_join(text):
    for fast, reference in ((text_module.squash.__wrapped__, text_module.read_squash),
                            (text_module.squash_lines.__wrapped__,
                             text_module.read_squash_lines)):
        got, expected = fast(text), reference(text)
        assert got == expected
        assert (got is text) == (expected is text)  # the text itself when nothing changed
        sub = Subclass(text)
        assert type(fast(sub)) is type(reference(sub)) and fast(sub) == reference(sub)


def test_collapsed_text_is_given_back_itself():
    text = "Publish the plan by March 2013"
    assert text_module.squash.__wrapped__(text) is text
    assert text_module.squash_lines.__wrapped__(text) is text
    assert text_module.squash.__wrapped__(" two  spaces ") == "two spaces"
