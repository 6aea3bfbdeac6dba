"""Which half of the word pools a corpus draws from: the seen pools (``vocab``,
``printed``: the default, what the project developed against) or the held-out ones
(``heldout``: ``--holdout``, words the readers were never written from).

The swap is done for the duration of one ``generate`` call and undone after, so a
test may write both corpora in one process.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from corpus import heldout, printed, vocab

_MODULES = (vocab, printed)


def pool_names() -> list[str]:
    """The pools ``heldout`` replaces: every upper-case name it defines."""
    return [n for n in vars(heldout) if n.isupper() and not n.startswith("_")]


@contextmanager
def using(holdout: bool) -> Iterator[None]:
    """Within the block, ``vocab`` and ``printed`` hold the held-out pools when
    ``holdout`` is true (every held-out pool replaces one of the same name)."""
    if not holdout:
        yield
        return
    saved: list[tuple[object, str, object]] = []
    try:
        for name in pool_names():
            owner = next((m for m in _MODULES if hasattr(m, name)), None)
            if owner is None:
                raise AttributeError(f"heldout.{name} replaces no seen pool")
            saved.append((owner, name, getattr(owner, name)))
            setattr(owner, name, getattr(heldout, name))
        yield
    finally:
        for owner, name, value in reversed(saved):
            setattr(owner, name, value)
