"""The fourth round of held-out shapes (session 25, scripts/corpus/timeline.py): each
plan's date column (or its Start and End) printed as a timeline of periods over marks,
in Word, PDF (ruled, horizontal rules, none), HTML, TAB-separated text and Excel (a
year typed as a number, a month as a date under a format that prints it back). It follows
every earlier shape's documents without moving them, its documents print what it says
(periods for headers, marks in the cells, no date column), and the pipeline reads each
action's timing as the gold, written by hand from the periods, says."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest
from conftest import ROOT
from corpus_score import scored

sys.path.insert(0, str(ROOT / "scripts"))
from corpus.build import generate, plan_document, schedule  # noqa: E402
from corpus.shapes import SHAPE_FORMATS  # noqa: E402
from corpus.timeline import make_timeline  # noqa: E402

from planextract.lexicon.periods import is_period_label  # noqa: E402
from planextract.normalise.timeline import is_mark, is_period  # noqa: E402
from planextract.pipeline.document_run import run_one  # noqa: E402

SEED = 6
FOURTH_ROUND = ["docx-timeline", "pdf-timeline", "html-timeline", "text-timeline",
                "xlsx-timeline"]


def test_the_fourth_round_follows_the_third():
    formats = list(SHAPE_FORMATS)
    start = formats.index("xlsx") + 1  # the third round's last
    assert formats[start:start + len(FOURTH_ROUND)] == FOURTH_ROUND
    shaped = schedule(SEED, shapes=True)
    later = set(formats[start + len(FOURTH_ROUND):])  # the form shapes follow
    earlier = [d for d in shaped if d[1] not in FOURTH_ROUND and d[1] not in later
               and d[0] >= len(schedule(SEED))]
    fourth = [d for d in shaped if d[1] in FOURTH_ROUND]
    assert max(i for i, _, _ in earlier) < min(i for i, _, _ in fourth)
    assert [f for _, f, _ in fourth] == [f for f in FOURTH_ROUND for _ in range(3)]


def test_a_timeline_document_prints_periods_over_marks_and_no_date_column():
    import random

    for index, fmt, layout in [d for d in schedule(SEED, shapes=True) if d[1] in FOURTH_ROUND]:
        document = plan_document(SEED, index, fmt, layout)
        assert make_timeline(document, random.Random(index), pdf=fmt.startswith("pdf")) >= 1
        for table in document.tables():
            if "period" not in table.roles:
                continue
            assert not {"due", "start", "end"} & set(table.roles)
            labels = [h for h, r in zip(table.headers, table.roles) if r == "period"]
            assert 3 <= len(labels) <= 5 and all(is_period(label) for label in labels)
            marks = {p.text for row in table.rows if row.full is None
                     for c, r in zip(row.cells, table.roles) if r == "period" for p in c or []}
            assert marks and all(is_mark(m) or m == "–" for m in marks), marks
    # the year-shaped labels are header labels despite their leading digit
    assert is_period_label("2011/12") and is_period_label("2014")


@pytest.fixture(scope="module")
def timelines(tmp_path_factory) -> tuple[Path, list[dict]]:
    out = tmp_path_factory.mktemp("timeline")
    return out, generate(out, SEED, only=FOURTH_ROUND, shapes=True)


def test_every_timeline_document_is_read_with_each_actions_timing(timelines):
    out, entries = timelines
    assert len(entries) == 15
    kinds: set[str] = set()
    for entry in entries:
        scored(out, entry)  # every action read whole, nothing more
        gold = [json.loads(line) for line in
                (out / "gold" / f"{entry['file']}.jsonl").read_text().splitlines()]
        got = {a["action"]: a for a in run_one(str(out / "docs" / entry["file"])).actions}
        for record in gold:
            row = got[record["action"]]
            due = row["due_date"].isoformat() if row["due_date"] else None
            start = row["due_start"].isoformat() if row["due_start"] else None
            assert (row["due_kind"], due, start, row["due_raw"]) == (
                record["due_kind"], record["due_date"], record["due_start"],
                record["due_raw"]), (entry["file"], record["action"])
            kinds.add(record["due_kind"])
    assert kinds == {"date", "range", "multiple", "none"}
