"""A small slice of scripts/owner_eval.py: generated plans with gold by construction."""

import importlib.util
from pathlib import Path

_spec = importlib.util.spec_from_file_location(
    "owner_eval", Path(__file__).resolve().parent.parent / "scripts" / "owner_eval.py")
owner_eval = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(owner_eval)


def test_owner_clustering_on_generated_plans_meets_the_target():
    scores = owner_eval.evaluate(plans=25, seed=11)
    assert scores["f1"] >= 0.97
    assert scores["merged_roles"] == 0  # no two different roles ever merged
    assert scores["cells_cut_wrong"] == 0
