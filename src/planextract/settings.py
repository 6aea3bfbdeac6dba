"""Every tolerance and limit in one place, with its default and why.

Readers, the normaliser and the pipeline take a ``Settings`` (or the part they
need) instead of module constants, so a user can change one from the CLI and a
test can state the one it depends on.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Limits:
    """What one input may cost before it is refused with a clear message.

    Checked before parsing where the file says its size (bytes, a .docx's
    declared part sizes, a PDF's page count), during reading otherwise."""

    max_file_bytes: int = 200 * 1024 * 1024  # one plan; larger is not a plan export
    max_pages: int = 3000  # PDF pages read; more is refused
    max_docx_uncompressed: int = 512 * 1024 * 1024  # sum of a .docx's parts, unpacked
    max_docx_ratio: int = 200  # unpacked/packed size of one part: a zip bomb beyond
    max_line_chars: int = 1_000_000  # a text line longer than this is cut, with a warning
    max_cell_chars: int = 100_000  # a cell longer than this is cut, with a warning
    max_table_rows: int = 100_000  # rows of one table read; the rest warned about
    max_columns: int = 200  # columns of one table read; the rest warned about


@dataclass(frozen=True)
class PdfSettings:
    """PDF reading tolerances, in points unless said otherwise (as pdfplumber's
    ``TableSettings``)."""

    snap: float = 2.0  # rules this close are one rule
    join: float = 3.0  # collinear rules with a gap this small are one rule
    margin: float = 0.07  # share of the page height where running headers/footers sit
    thin_box: float = 3.0  # a filled box thinner than this is a rule
    word_gap: float = 0.33  # a gap wider than this share of the font size ends a word
    cell_gap: float = 12.0  # words further apart than this on a line are separate cells


@dataclass(frozen=True)
class RunSettings:
    """How a batch runs: what one document may cost in its worker process, and how
    often results are committed (bounded memory, little lost to a kill)."""

    timeout: float = 120.0  # wall-clock seconds one document may take before it is failed
    max_memory: int = 2 * 1024**3  # address space of a document's worker (RLIMIT_AS), bytes
    workers: int = 1  # documents read at once
    commit_every: int = 200  # documents buffered before a commit
    commit_seconds: float = 60.0  # ...or seconds since the last commit, whichever is first
    commit_rows: int = 50_000  # ...or action rows buffered (a few big PDFs fill memory too)
    quarantine_max_bytes: int = 200 * 1024 * 1024  # larger failed files get only the .txt


@dataclass(frozen=True)
class Settings:
    limits: Limits = field(default_factory=Limits)
    pdf: PdfSettings = field(default_factory=PdfSettings)
    run: RunSettings = field(default_factory=RunSettings)
    roles_file: str | None = None  # a user's own role vocabulary, added to the builtin one


DEFAULT = Settings()
