"""Which lines ftfy's mojibake test could flag, found without running it.

``ftfy.badness.is_bad`` searches a line with one regex of a few dozen
alternatives, about 0.2 us a character, and the decoder asked it of every line
that is not pure ASCII (2-4% of a text export's whole pipeline, issue 11). Each
alternative must match one character of a fixed set of non-ASCII characters
(a letter of ``Ã`` / ``â€`` mojibake, a box-drawing or currency sign, ...) at a
fixed place of its sequence; a line holding none of any alternative's set can
match none of them. The sets are read from ftfy's own compiled pattern, so
the hint follows the installed ftfy; a pattern not shaped so gives no hint
(every non-ASCII line is then asked, as before).
"""

from __future__ import annotations

import re
from functools import cache

try:  # the regex parser (Python 3.11+ names it re._parser)
    from re import _constants as _sre
    from re import _parser as _sre_parse
except ImportError:  # pragma: no cover - older Pythons
    import sre_constants as _sre  # type: ignore[no-redef]
    import sre_parse as _sre_parse  # type: ignore[no-redef]


def _characters(item: tuple) -> set[str] | None:
    """The characters one element of a sequence matches: a literal or a plain
    class of literals and ranges; None for anything else (a repeat, a group,
    a category, a negated class)."""
    op, arg = item
    if op is _sre.LITERAL:
        return {chr(arg)}
    if op is not _sre.IN:
        return None
    out: set[str] = set()
    for kind, value in arg:
        if kind is _sre.LITERAL:
            out.add(chr(value))
        elif kind is _sre.RANGE:
            out.update(chr(c) for c in range(value[0], value[1] + 1))
        else:
            return None
    return out


def needed_characters(pattern: re.Pattern[str]) -> re.Pattern[str] | None:
    """A class matching at least one character of every match of ``pattern``:
    for each top-level alternative, the smallest set of non-ASCII characters
    one of its elements must match (an element of the sequence itself, so it
    matches exactly once); None when some alternative has no such element or
    the pattern is not a plain alternation (case-insensitive included)."""
    if pattern.flags & re.IGNORECASE:
        return None
    try:
        tree = _sre_parse.parse(pattern.pattern, pattern.flags)
    except Exception:  # noqa: BLE001 - an unknown shape: no hint, never an error
        return None
    if len(tree.data) != 1 or tree.data[0][0] is not _sre.BRANCH:
        return None
    needed: set[str] = set()
    for branch in tree.data[0][1][1]:
        sets = [found for found in map(_characters, branch.data)
                if found and all(ord(c) > 127 for c in found)]
        if not sets:
            return None
        needed |= min(sets, key=len)
    return re.compile("[" + "".join(re.escape(c) for c in sorted(needed)) + "]")


@cache
def hint() -> re.Pattern[str] | None:
    """``needed_characters`` of ftfy's mojibake pattern (ftfy imported on first use,
    as the decoder imports it: only for text that is not ASCII)."""
    from ftfy.badness import BADNESS_RE

    return needed_characters(BADNESS_RE)
