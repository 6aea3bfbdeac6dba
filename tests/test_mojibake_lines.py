"""The mojibake repair that cuts out only the lines ftfy's test could flag, each found
by a search from the last (issue 11), says what the reference says: the text split
into every line, each line not ASCII asked (``test_mojibake_hint``'s reference)."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

# the old repair, every line of the text in a list: the one reference of both tests
from test_mojibake_hint import reference_repair_mojibake as reference_repair

from planextract.extract.text import decode, mojibake_hint

ROOT = Path(__file__).resolve().parent.parent


_PIECE = st.sampled_from(["a", " ", "\n", "\n", "\t", "é", "’", "â€™", "Ã©", "â€œ", "Ã",
                          "â€", "€", "Â£", "Â", "€™s", "It", "â”€", "ÃƒÂ©", "\r"])


@settings(max_examples=800, deadline=None)
@given(st.lists(_PIECE, max_size=40), st.booleans())
# ftfy "repairs" this to a NUL: both refuse it (found by this test after 1fd5ec0)
@example(["Ã", "€", "Â", "€™s"], False)
def test_repair_is_the_references(pieces, hinted):
    text = "".join(pieces)
    with pytest.MonkeyPatch.context() as patch:
        if not hinted:  # every non-ASCII line asked, as when ftfy's pattern gives no hint
            patch.setattr(mojibake_hint, "hint", lambda: None)
        assert decode._repair_mojibake(text) == reference_repair(text)


def test_many_broken_lines_and_every_sample_repair_alike():
    text = "\n".join(f"line {i} it\u00e2\u20ac\u2122s \u00c3\u00a9t\u00c3\u00a9" if i % 3
                     else f"plain {i}" for i in range(40)) + "\n"
    got = decode._repair_mojibake(text)
    assert got[1] and got == reference_repair(text)  # some lines repaired
    for path in sorted((ROOT / "samples").iterdir()):
        if path.is_file() and path.suffix in {".txt", ".md", ".csv", ".html", ".htm"}:
            raw, _ = decode._raw_decode(path.read_bytes())
            assert decode._repair_mojibake(raw) == reference_repair(raw), path.name


def test_whole_datasets_alike_with_the_old_repair_and_sniff(tmp_path, monkeypatch):
    """Every text shape, as written and with its dashes and pound signs turned to mojibake,
    read whole with the old repair and the old sniff (``sniff_reference``) swapped in."""
    import sniff_reference
    from text_exports import everything, write_exports

    from planextract.extract import registry

    paths = write_exports(tmp_path, 40_000, seed=5)
    for path in list(paths):
        broken = path.with_name("broken-" + path.name)
        text = path.read_text(encoding="utf-8")
        text = text.replace("\u2013", "\u00e2\u20ac\u201c").replace("\u00a3", "\u00c2\u00a3")
        broken.write_text(text, encoding="utf-8")
        paths.append(broken)
    got = [everything(p) for p in paths]
    assert any("mojibake" in str(g[0]) for g in got)  # the repair did repair
    monkeypatch.setattr(decode, "_repair_mojibake", reference_repair)
    monkeypatch.setattr(registry, "TEXT_FORMATS", [
        registry.Format(f.name, (lambda _d, lines, _n=f.name: sniff_reference.DETECTORS[_n](
            sniff_reference.kept_lines(lines.text))), f.reader)
        for f in registry.TEXT_FORMATS])
    decode.forget()
    assert [everything(p) for p in paths] == got
