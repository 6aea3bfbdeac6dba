"""One corpus document read by the pipeline and scored against its gold, for the
held-out shapes' tests (test_corpus_shapes2, test_corpus_shapes3,
test_corpus_xlsx_shape)."""

from __future__ import annotations

import json
import sys
from pathlib import Path

from conftest import ROOT

sys.path.insert(0, str(ROOT / "scripts"))
from corpus.measure import score_document  # noqa: E402

from planextract.pipeline.document_run import run_one  # noqa: E402


def scored(out: Path, entry: dict):
    """The exact measure of ``entry`` (a corpus manifest entry under ``out``) as read
    by ``run_one``, asserting it was read whole and nothing more."""
    gold = [json.loads(line) for line in
            (out / "gold" / f"{entry['file']}.jsonl").read_text(encoding="utf-8").splitlines()]
    score = score_document(gold, run_one(str(out / "docs" / entry["file"])).actions)
    assert score.recall == 1.0, f"{entry['file']}: {score.matched}/{score.gold} read whole"
    assert score.precision == 1.0, entry["file"]
    return score
