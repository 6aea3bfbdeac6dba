"""Every limit has a CLI option; an option given changes only its limit."""

from __future__ import annotations

import argparse
from dataclasses import fields

import pytest

from planextract.pipeline.limits_cli import OPTIONS, add_limit_options, limits_from_args
from planextract.settings import Limits


def _parse(argv: list[str]) -> Limits:
    parser = argparse.ArgumentParser()
    add_limit_options(parser)
    return limits_from_args(parser.parse_args(argv))


def test_every_limit_has_an_option():
    assert sorted(name for name, _, _ in OPTIONS.values()) == sorted(f.name for f in fields(Limits))


def test_no_option_gives_the_defaults():
    assert _parse([]) == Limits()


def test_options_set_their_limit_in_its_unit():
    limits = _parse(["--max-file-mb", "1.5", "--max-pages", "10", "--max-line-chars", "500"])
    assert limits == Limits(max_file_bytes=1572864, max_pages=10, max_line_chars=500)


@pytest.mark.parametrize("value", ["0", "-3", "many"])
def test_a_bad_value_is_refused_by_the_parser(value, capsys):
    with pytest.raises(SystemExit):
        _parse(["--max-pages", value])
    assert "--max-pages" in capsys.readouterr().err
