"""The decoder asks ftfy's mojibake test only of lines holding a character it
needs (``extract/text/mojibake_hint``): every line it would flag still is, and
the decoded text and warnings are those of asking every non-ASCII line."""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest
from ftfy.badness import BADNESS_RE, is_bad
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from text_exports import write_exports

from planextract.extract.text import decode as decode_module
from planextract.extract.text import mojibake_hint

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))

_AROUND = st.text(alphabet=st.sampled_from(list("ab AZ.,’–é£•“”\u00a0Ã¢€™")), max_size=12)


def test_the_hint_is_read_from_the_installed_ftfy():
    assert mojibake_hint.hint() is not None  # its pattern is an alternation it can read


@settings(max_examples=500, deadline=None, suppress_health_check=list(HealthCheck))
@given(st.from_regex(BADNESS_RE), _AROUND, _AROUND)
def test_every_line_ftfy_flags_holds_a_needed_character(found, before, after):
    """Text made from ftfy's own pattern (a match, or what ``^`` or a line break
    keep from matching once text is put around it)."""
    for line in (found, before + found + after):
        if is_bad(line):
            assert mojibake_hint.hint().search(line)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab AZ.,’–é£•“”\u00a0Ã¢€™ÂâœžŸ¦¬°±")),
               max_size=20))
def test_a_line_without_a_needed_character_is_never_flagged(line):
    if not mojibake_hint.hint().search(line):
        assert not is_bad(line)


def test_no_hint_for_a_pattern_with_an_alternative_matching_ascii():
    assert mojibake_hint.needed_characters(re.compile("Ã[ ]|ab")) is None
    assert mojibake_hint.needed_characters(re.compile("é", re.I)) is None
    assert mojibake_hint.needed_characters(re.compile("(?:Ã|é)x")) is None  # no plain element
    hint = mojibake_hint.needed_characters(re.compile("aÃ[©®]|[€‚]b|x?ž"))
    assert hint is not None and {c for c in "Ã€‚ž©®ab" if hint.search(c)} == set("Ã€‚ž")


@pytest.fixture(scope="module")
def texts(tmp_path_factory) -> list[str]:
    """The text samples, generated exports of every text shape, and each of them
    broken as UTF-8 read as Windows-1252 (mojibake on every non-ASCII line)."""
    folder = tmp_path_factory.mktemp("mojibake")
    paths = write_exports(folder, 30_000, seed=11)
    paths += sorted(p for p in (ROOT / "samples").iterdir() if p.suffix in (".txt", ".md", ".csv"))
    out = []
    for path in paths:
        text = path.read_text(encoding="utf-8")
        out += [text, text.encode("utf-8").decode("cp1252", errors="replace")]
    return out


def test_repairs_are_those_of_asking_every_line(texts, monkeypatch):
    fast = [decode_module._repair_mojibake(t) for t in texts]
    assert any(warnings for _, warnings in fast)  # the broken copies are repaired
    monkeypatch.setattr(mojibake_hint, "hint", lambda: None)  # every non-ASCII line asked
    reference = [decode_module._repair_mojibake(t) for t in texts]
    assert fast == reference


def reference_repair_mojibake(text: str) -> tuple[str, list[str]]:
    """``decode._repair_mojibake`` as it was: the text split into every line."""
    if text.isascii():
        return text, []
    import ftfy
    from ftfy.badness import is_bad

    config = ftfy.TextFixerConfig(**decode_module._FIX)
    lines = text.split("\n")
    fixed: list[int] = []
    # a line holding none of the characters ftfy's test needs is not asked (issue 11)
    could_be = mojibake_hint.hint()
    for i, line in enumerate(lines):
        if not line.isascii() and (could_be is None or could_be.search(line)) \
                and is_bad(line):
            repaired = ftfy.fix_text(line, config)
            # the rule both keep: a repair that makes a control character is no repair
            if repaired != line and not decode_module._CONTROLS.search(repaired):
                lines[i] = repaired
                fixed.append(i + 1)
    if not fixed:
        return text, []
    shown = ", ".join(str(n) for n in fixed[:5]) + (" ..." if len(fixed) > 5 else "")
    return "\n".join(lines), [f"mojibake repaired on {len(fixed)} line(s) (line {shown})"]


def test_repairs_are_those_of_the_text_split_into_lines(texts):
    """Only the non-ASCII lines visited, cut where they stand (issue 11), against
    every line split out: the same text and warnings, with the hint and without."""
    for text in texts:
        assert decode_module._repair_mojibake(text) == reference_repair_mojibake(text)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(_AROUND, st.sampled_from(["", "\r", "Ã©tÃ©", "donâ€™t", "a\r"])),
                max_size=12), st.booleans())
def test_any_lines_are_repaired_as_the_reference_repairs_them(lines, hinted):
    text = "\n".join(lines)
    with pytest.MonkeyPatch.context() as patch:
        if not hinted:
            patch.setattr(mojibake_hint, "hint", lambda: None)
        assert decode_module._repair_mojibake(text) == reference_repair_mojibake(text)
