"""A cell's HTML fragment parsed without BeautifulSoup, when it is plain enough
that the tree is certain (issue 11: one bs4 parse a cell cost ~0.3 ms, most of
reading a text export).

Text exports print cells as ``<p>``, ``<ul><li>`` and ``<br>`` with no attributes.
For exactly those fragments the tree bs4's ``html.parser`` builder makes is the
obvious one: tags nest as written (bs4 closes nothing implicitly: ``<li>a<li>b``
nests), an end tag closes the latest open tag of its name and those opened after
it (or nothing), tags left open close at the end, a text of ASCII spaces alone becomes one
space or one line break, and a few entities are decoded. Anything else (an
attribute, a comment, a script, a stray ``<``, an entity this module does not
decode) returns None and the
caller parses the fragment with bs4, the reference
(``tests/test_fragment_equivalence.py``).
"""

from __future__ import annotations

import re
from html.entities import html5

# tags with no meaning for html.parser or bs4 beyond nesting (no void, raw-text,
# whitespace-keeping or special-string elements among them)
_PLAIN_TAGS = frozenset({"p", "ul", "ol", "li", "b", "i", "u", "strong", "em", "span",
                         "a", "div", "font", "sup", "sub", "small", "big"})
_NAMED = {"amp": "&", "lt": "<", "gt": ">", "quot": '"', "nbsp": "\u00a0"}
_ASCII_SPACES = frozenset("\x20\x0a\x09\x0c\x0d")
# a tag; an entity decoded here; "&Name" + a terminator, which bs4 keeps as it is
# printed when Name is no entity; "&" before a character no entity starts with;
# any other "<" or "&" (the bs4 path)
_TOKEN = re.compile(
    r"<(/?)([A-Za-z]+)\s*(/?)>"
    r"|&(?:(amp|lt|gt|quot|nbsp);|#([0-9]{1,4});|([A-Za-z][A-Za-z0-9]*)(?=[^-.A-Za-z0-9;])"
    r"|(?=[^A-Za-z#]))"
    r"|([<&])")


def _known_entities() -> frozenset[str]:
    """Every name bs4 decodes without a semicolon (its table is built from
    these, ``tests/test_fragment_equivalence.py`` checks it). The reference of
    ``_is_entity``: held, this set was 0.23 MiB of a worker's first html export."""
    return frozenset(name.rstrip(";") for name in html5)


def _is_entity(word: str) -> bool:
    """``word in _known_entities()``, asked of ``html5`` itself, which the import
    holds anyway (issue 11: no 2,125-name set made on a document's first ``&Name``).
    A name (letters and digits) is a key as it is or with its semicolon."""
    return word in html5 or word + ";" in html5


class Node:
    """An element: its tag name and children (``Node`` or ``str``), with the
    two bs4 ``Tag`` methods the parts reader asks of a list."""

    __slots__ = ("name", "children")

    def __init__(self, name: str) -> None:
        self.name = name
        self.children: list[Node | str] = []

    def find_all(self, name: str) -> list[Node]:
        found: list[Node] = []
        for child in self.children:
            if isinstance(child, Node):
                if child.name == name:
                    found.append(child)
                found.extend(child.find_all(name))
        return found

    def get_text(self) -> str:
        return "".join(c if isinstance(c, str) else c.get_text() for c in self.children)


def _text(pieces: list[str]) -> str:
    text = "".join(pieces)
    if all(ch in _ASCII_SPACES for ch in text):  # as bs4's endData does
        return "\n" if "\n" in text else " "
    return text


def parse_fragment(raw: str) -> Node | None:
    """The fragment's tree (its root's children are the top-level nodes), or
    None when bs4 must read it."""
    root = Node("[document]")
    stack = [root]
    pieces: list[str] = []
    at = 0

    def flush() -> None:
        if pieces:
            text = _text(pieces)
            pieces.clear()
            if text:
                stack[-1].children.append(text)

    for match in _TOKEN.finditer(raw):
        if match.start() > at:
            pieces.append(raw[at:match.start()])
        at = match.end()
        end, name, slash, named, number, word, stray = match.groups()
        if stray is not None:
            return None
        if name is not None:
            name = name.lower()
            flush()
            if name == "br":
                if end:
                    return None
                stack[-1].children.append(Node("br"))
            elif name not in _PLAIN_TAGS or slash:
                return None
            elif end:
                # as bs4's _popToTag: up to the latest open tag of that name, if any
                for depth in range(len(stack) - 1, 0, -1):
                    if stack[depth].name == name:
                        del stack[depth:]
                        break
            else:
                node = Node(name)
                stack[-1].children.append(node)
                stack.append(node)
        elif named is not None:
            pieces.append(_NAMED[named])
        elif number is not None:
            code = int(number)
            if not (32 <= code < 127 or 160 <= code < 0xD800):
                return None
            pieces.append(chr(code))
        elif word is not None:
            if _is_entity(word):
                return None
            pieces.append("&" + word)
        else:
            pieces.append("&")
    if at < len(raw):
        pieces.append(raw[at:])
    flush()
    return root
