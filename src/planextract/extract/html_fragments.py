"""A cell printed as an HTML fragment, parsed with BeautifulSoup: the path for
fragments ``fragment_tree`` leaves (attributes, comments, scripts, broken
nesting), and the reference its plain trees are tested against. The parts are
read from the tree by ``fragment_parts.tree_parts``.
"""

from __future__ import annotations

import warnings

from bs4 import BeautifulSoup, MarkupResemblesLocatorWarning

from planextract.extract.fragment_parts import tree_parts
from planextract.extract.parts import (  # noqa: F401 - cell_parts, plain: named here before
    _INLINE_BULLET,
    BULLET_GLYPHS,
    cell_parts,
    collapse,
    plain,
    split_inline_bullets,
)

warnings.filterwarnings("ignore", category=MarkupResemblesLocatorWarning)


def soup_parts(raw: str) -> tuple[str, ...]:
    """``parts.cell_parts`` of a cell holding HTML tags, parsed by bs4."""
    soup = BeautifulSoup(raw, "html.parser")
    try:
        for code in soup.find_all(["script", "style"]):  # code, not printed text (issue 9)
            code.decompose()
        return tree_parts(soup.children)
    finally:
        _take_apart(soup)


def _take_apart(soup: BeautifulSoup) -> None:
    """Unlink every node of the tree (parents and children point at each other):
    it goes at once, not at the cycle collector's next pass, which text exports
    are read without (``planextract.gc_pause``). ``decompose`` on the soup itself
    unlinks the soup alone."""
    for node in list(soup.descendants):
        node.__dict__.clear()
    soup.__dict__.clear()
