"""numpy imported in the fork server without tidying its docstrings (issue 8).

numpy attaches the docstrings of its compiled functions and types as it is imported
(``numpy._core._add_newdocs``: ~350 ``add_newdoc`` calls), and each is passed
through ``inspect.cleandoc`` first, which re-indents it line by line: 6-8 ms of the
fork server's CPU, on the path to the first worker that both runs of an ingest pay.
While numpy is imported here, ``cleandoc`` returns the text as it stands, so those
docstrings keep their source indentation; nothing in a run reads them (``help()``
still shows them). Only numpy's import is covered, and ``cleandoc`` is restored
after it, whatever happens; an import of numpy that already happened is left be.
"""

from __future__ import annotations

import inspect
import sys
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def docstrings_as_written() -> Iterator[None]:
    """``inspect.cleandoc`` is the identity inside the block, itself again after."""
    tidy = inspect.cleandoc
    inspect.cleandoc = _as_written
    try:
        yield
    finally:
        inspect.cleandoc = tidy


def _as_written(doc: str) -> str:
    return doc


def import_numpy() -> bool:
    """Import numpy with its docstrings as written; whether this call imported it
    (False: imported before, or not installed, which pyarrow makes do without)."""
    if "numpy" in sys.modules:
        return False
    with docstrings_as_written():
        try:
            import numpy  # noqa: F401
        except ImportError:
            return False
    return True
