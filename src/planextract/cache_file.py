"""A file derived from a package's data (a name list parsed once per install),
written whole or not at all.

The lists planextract reads from other packages (gender-guesser's given names, the
census surnames) are parsed once and kept beside the module that reads them. A
process reading one while another writes it must never see half of it, and an
install it cannot write to (read-only site-packages) only means the list is parsed
again next time.
"""

from __future__ import annotations

import contextlib
import os
from pathlib import Path


def write_whole(path: Path, data: bytes, prefix: str) -> None:
    """``data`` at ``path`` through a temporary file (named ``prefix``...) renamed
    into place; any error writing it is no error of the run."""
    import tempfile  # only here: a cache is written once per install

    temporary = None
    try:
        path.parent.mkdir(exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=prefix)
        with os.fdopen(handle, "wb") as out:
            out.write(data)
        os.chmod(temporary, 0o644)  # as the modules beside it: every user may read it
        os.replace(temporary, path)
    except OSError:
        if temporary:
            with contextlib.suppress(OSError):
                os.unlink(temporary)
