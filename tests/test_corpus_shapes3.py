"""The third round of held-out shapes (session 24: ``text-labelled``,
``pdf-labelled``, scripts/corpus/shapes.py, ``write_labelled``): they follow the
second round's documents without moving them, they print no plan table, and the
pipeline reads a slice of them whole."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from conftest import ROOT
from corpus_score import scored

sys.path.insert(0, str(ROOT / "scripts"))
from corpus.build import generate, schedule  # noqa: E402
from corpus.shapes import SHAPE_FORMATS  # noqa: E402

SEED = 6
THIRD_ROUND = ["text-labelled", "pdf-labelled"]
# seed 6: 94 text-labelled delivery (two runs of records under two headings), 96
# text-labelled objective-rows (objectives printed as ``Label: value`` headings), 98
# pdf-labelled smart and 100 outcome-action (an outcome printed on its first record
# only). Main read none of them (``no table found``, or the PDF's lines as prose).
SLICE = {94, 96, 98, 100}


@pytest.fixture(scope="module")
def shapes(tmp_path_factory) -> tuple[Path, dict[int, dict]]:
    out = tmp_path_factory.mktemp("shapes3")
    return out, {m["index"]: m for m in generate(out, SEED, indexes=SLICE, shapes=True)}


def test_the_third_round_follows_the_second():
    formats = list(SHAPE_FORMATS)
    start = formats.index("docx-labelled") + 1  # the second round's last
    assert formats[start:start + len(THIRD_ROUND)] == THIRD_ROUND
    shaped = schedule(SEED, shapes=True)
    later = formats[start + len(THIRD_ROUND):]  # the rest of the third round (xlsx)
    second = [d for d in shaped if d[1] not in THIRD_ROUND + later
              and d[0] >= len(schedule(SEED))]
    third = [d for d in shaped if d[1] in THIRD_ROUND]
    assert max(i for i, _, _ in second) < min(i for i, _, _ in third)
    assert [f for _, f, _ in third] == [f for f in THIRD_ROUND for _ in range(4)]


def test_the_shapes_print_no_plan_table(shapes):
    out, entries = shapes
    for index in (94, 96):
        entry = entries[index]
        text = (out / "docs" / entry["file"]).read_text(encoding="utf-8")
        assert "\t" not in text.split("\n\n")[-1]  # no TAB row after the key
        assert sum(1 for line in text.splitlines() if ":" in line) >= 2 * entry["actions"]
    import pypdfium2

    pdf = pypdfium2.PdfDocument(str(out / "docs" / entries[98]["file"]))
    page = pdf[0].get_textpage().get_text_range()
    assert page.count(": ") >= 4


@pytest.mark.parametrize("index", sorted(SLICE))
def test_pipeline_reads_the_third_round_slice(shapes, index):
    out, entries = shapes
    entry = entries[index]
    score = scored(out, entry)
    assert score.share("owners_ok") >= 0.9, entry["file"]
