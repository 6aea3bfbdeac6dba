"""The second round of held-out shapes (session 23: ``docx-nested``, ``html-lists``,
``text-grid``, ``csv-euro``, ``docx-labelled``, scripts/corpus/shapes.py): they follow
the first round's documents without moving them, they print what they say, and the
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
FIRST_ROUND = ["pdf-plain", "docx-shapes", "html-shapes"]
SECOND_ROUND = ["docx-nested", "html-lists", "text-grid", "csv-euro", "docx-labelled"]
# seed 6: 76 docx-nested objective-rows (its table in a frame inside the layout
# table), 78 html-lists smart (stacked actions as <ol> items, bullets nested in an
# item), 84 text-grid delivery, 86 csv-euro objective-rows (a key longer than half
# the sheet), 90 docx-labelled outcome-action and 92 issue-action (no table: labelled
# paragraphs). Main read 76, 86, 90 and 92 not at all; recall 1.00 on each when the
# fixes landed, owners as below.
SLICE = {76, 78, 84, 86, 90, 92}
# owners right of the actions read, measured when the fixes landed, less a margin (76
# prints ``Registrar``, which the vocabulary spells otherwise; the same plan as a
# plain Word table reads the same owners)
OWNERS = {76: 0.7, 78: 0.95, 84: 0.95, 86: 0.95, 90: 0.95, 92: 0.95}


@pytest.fixture(scope="module")
def shapes(tmp_path_factory) -> tuple[Path, dict[int, dict]]:
    out = tmp_path_factory.mktemp("shapes2")
    return out, {m["index"]: m for m in generate(out, SEED, indexes=SLICE, shapes=True)}


def test_the_second_round_follows_the_first():
    assert list(SHAPE_FORMATS)[:len(FIRST_ROUND + SECOND_ROUND)] == FIRST_ROUND + SECOND_ROUND
    shaped = schedule(SEED, shapes=True)
    first = [d for d in shaped if d[1] in FIRST_ROUND]
    second = [d for d in shaped if d[1] in SECOND_ROUND]
    assert max(i for i, _, _ in first) < min(i for i, _, _ in second)
    assert [f for _, f, _ in second] == [f for f in SECOND_ROUND for _ in range(4)]


def test_the_shapes_print_what_they_say(shapes):
    import docx
    from docx.oxml.ns import qn

    out, entries = shapes

    def doc(index: int) -> Path:
        return out / "docs" / entries[index]["file"]

    body = docx.Document(str(doc(76))).element.body
    layout = [t for t in body.iterchildren(qn("w:tbl"))
              if any(tc.find(qn("w:tbl")) is not None for tc in t.iter(qn("w:tc")))]
    assert layout and all(len(t.findall(f"{qn('w:tr')}/{qn('w:tc')}")) == 2 for t in layout)
    page = doc(78).read_text(encoding="utf-8")
    assert "<ol><li>" in page and "<ul><li>" in page
    grid = doc(84).read_text(encoding="utf-8")
    assert "\n+=" in grid and "\n|" in grid
    sheet = doc(86).read_bytes().decode(entries[86]["encoding"])
    assert sheet.count(";") > 30 and "," not in sheet.splitlines()[0]
    labelled = docx.Document(str(doc(92)))
    assert len(labelled.tables) <= 1  # the key's, if it has one: no plan table
    assert sum(1 for p in labelled.paragraphs if ": " in p.text) >= 2 * entries[92]["actions"]


@pytest.mark.parametrize("index", sorted(SLICE))
def test_pipeline_reads_the_second_round_slice(shapes, index):
    out, entries = shapes
    entry = entries[index]
    score = scored(out, entry)
    assert score.share("owners_ok") >= OWNERS[index], entry["file"]
