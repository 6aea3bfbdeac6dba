"""Command-line options for the limits in ``settings.Limits``: one option per
limit, sizes in MB, defaults taken from the dataclass so they never drift."""

from __future__ import annotations

import argparse
from dataclasses import fields

from planextract.settings import Limits

_MB = 1 << 20
# option -> (Limits field, factor from the option's unit to the field's, help)
OPTIONS = {
    "--max-file-mb": ("max_file_bytes", _MB, "largest input file read"),
    "--max-text-mb": ("max_text_bytes", _MB, "largest text export read"),
    "--max-pages": ("max_pages", 1, "most PDF pages read; more is refused before reading"),
    "--max-docx-unpacked-mb": ("max_docx_uncompressed", _MB,
                               "most a .docx or .xlsx may unpack to (sum of its declared "
                               "part sizes)"),
    "--max-docx-xml-mb": ("max_docx_xml_bytes", _MB,
                          "largest XML part of a .docx or .xlsx (the text and tables)"),
    "--max-docx-ratio": ("max_docx_ratio", 1,
                         "largest unpacked/packed ratio of a .docx or .xlsx part over 1 MB"),
    "--max-zip-entries": ("max_zip_entries", 1, "most parts in a .docx or .xlsx"),
    "--max-merged-cells": ("max_merged_cells", 1,
                           "most cells a workbook's merged ranges may cover, summed"),
    "--max-lines": ("max_lines", 1, "lines of a text export read, the rest warned about"),
    "--max-line-chars": ("max_line_chars", 1, "longer text lines are cut, with a warning"),
    "--max-cell-chars": ("max_cell_chars", 1, "longer table cells are cut, with a warning"),
    "--max-table-rows": ("max_table_rows", 1, "rows of one table read, the rest warned about"),
    "--max-columns": ("max_columns", 1, "columns of one table read, the rest warned about"),
}


def _positive(text: str) -> float:
    value = float(text)
    if value <= 0:
        raise argparse.ArgumentTypeError(f"must be more than 0, not {text}")
    return value


def add_limit_options(parser: argparse.ArgumentParser) -> None:
    """Add one option per limit to ``parser`` (an ``extract``-like command)."""
    defaults = {f.name: f.default for f in fields(Limits)}
    group = parser.add_argument_group("limits (a file over one is refused or cut, and said so)")
    for option, (name, factor, text) in OPTIONS.items():
        default = defaults[name] / factor
        shown = f"{default:g}"
        group.add_argument(option, type=_positive, default=None, metavar="N",
                           dest=name, help=f"{text} (default: {shown})")


def limits_from_args(args: argparse.Namespace) -> Limits:
    """The Limits the options ask for; an option not given keeps its default."""
    chosen = {}
    for name, factor, _ in OPTIONS.values():
        value = getattr(args, name, None)
        if value is not None:
            chosen[name] = int(value * factor)
    return Limits(**chosen)
