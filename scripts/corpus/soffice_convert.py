"""LibreOffice headless saving a batch of the corpus's Word files as another format,
one call for the lot (its start costs seconds): the held-out shapes it makes
(``pdf-libreoffice``, ``odt``, ``doc``, ``rtf``) share this one way of asking it."""

from __future__ import annotations

import subprocess
from pathlib import Path


def convert(program: str, sources: list[Path], kind: str, outdir: Path, profile: Path,
            timeout: int = 900) -> None:
    """Every file of ``sources`` saved as ``kind`` into ``outdir`` under the same stem,
    with its own LibreOffice profile (``profile``: no other run's settings or locks)
    and nothing read from stdin; a failed conversion raises."""
    subprocess.run([program, "--headless", f"-env:UserInstallation={profile.as_uri()}",
                    "--convert-to", kind, "--outdir", str(outdir), *[str(s) for s in sources]],
                   check=True, capture_output=True, timeout=timeout, stdin=subprocess.DEVNULL)
