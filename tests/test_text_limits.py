"""Every text reader decodes within the limits it is given (``settings.limits``),
not the defaults: a long line is cut to ``max_line_chars`` with a warning, and
the file's lines to ``max_lines``."""

from __future__ import annotations

from dataclasses import replace

import pytest

from planextract.extract.text.cells import read_cells
from planextract.extract.text.csv_reader import read_csv
from planextract.extract.text.markdown import read_markdown
from planextract.extract.text.tabbed import read_tabbed
from planextract.settings import DEFAULT, Limits

LONG = "Review the policy " * 20  # 360 characters on one line

EXPORTS = {
    "cells": (read_cells, f"\tNo\n\tAction\n\tLead\n\tDue\n\t1\n\t{LONG}\n\tHR\n\tMarch 09\n"),
    "tabbed": (read_tabbed, f"No\tAction\tLead\tDue\n1\t{LONG}\tHR\tMarch 09\n"),
    "markdown": (read_markdown, f"| No | Action | Lead | Due |\n|---|---|---|---|\n"
                                f"| 1 | {LONG} | HR | March 09 |\n"),
    "csv": (read_csv, f"No,Action,Lead,Due\n1,{LONG},HR,March 09\n"),
}


@pytest.mark.parametrize("name", sorted(EXPORTS))
def test_reader_cuts_lines_to_its_settings_limit(name):
    read, text = EXPORTS[name]
    settings = replace(DEFAULT, limits=Limits(max_line_chars=100))
    raw = read(text.encode("utf-8"), settings=settings)
    assert any("cut to 100" in w for w in raw.warnings), raw.warnings
    # the same bytes under the default limits are read whole
    assert not any("cut to" in w for w in read(text.encode("utf-8")).warnings)


@pytest.mark.parametrize("name", sorted(EXPORTS))
def test_reader_reads_only_its_settings_lines(name):
    read, text = EXPORTS[name]
    settings = replace(DEFAULT, limits=Limits(max_lines=2))
    raw = read((text + "\n" * 3).encode("utf-8"), settings=settings)
    assert any("only the first 2 read" in w for w in raw.warnings), raw.warnings
