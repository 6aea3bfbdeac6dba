"""A small slice of scripts/owner_eval.py: generated plans with gold by construction."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "scripts"))
import owner_eval  # noqa: E402


def test_owner_clustering_on_generated_plans_meets_the_target():
    scores = owner_eval.evaluate(plans=25, seed=11)
    assert scores["f1"] >= 0.97
    assert scores["merged_roles"] == 0  # no two different roles ever merged
    assert scores["cells_cut_wrong"] == 0
