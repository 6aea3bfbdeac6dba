"""One column holding both who and when (``Lead and timescale``:
``HR Manager – March 2012``), cut into the owner and the date."""

from __future__ import annotations

import re

from planextract.normalise import dates

_GLUE = re.compile(r"^[\s,;:/()–—-]*(?:by\s+)?|[\s,;:/()–—-]*(?:by)?[\s,;:/()–—-]*$", re.I)


def split(text: str | None) -> tuple[str | None, str | None]:
    """(owner, due) of a cell naming both; the date is every date expression
    and ongoing word in it, the owner what is left."""
    if not text or not text.strip():
        return None, None
    exprs, _ = dates.find_expressions(text)
    spans = [e.pos for e in exprs if e.end is not None or e.kind == "month"]
    spans += [m.span() for m in dates.ONGOING.finditer(text)]
    if not spans:
        return text.strip(), None
    start, end = min(a for a, _ in spans), max(b for _, b in spans)
    due = text[start:end].strip()
    owner = _GLUE.sub("", text[:start]) + " " + _GLUE.sub("", text[end:])
    owner = " ".join(owner.split())
    return owner or None, due or None
