"""The benchmark's generated plan is read completely: every action the
generator drew, once, across reportlab's split rows and repeated headers."""

import sys
from pathlib import Path

from planextract.pipeline.document_run import run_one

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "scripts"))
import bench_plan_pdf  # noqa: E402


def test_generated_plan_reads_back_whole(tmp_path):
    target = tmp_path / "plan.pdf"
    made = bench_plan_pdf.build(target, 4)
    result = run_one(str(target))
    assert result.document["status"] == "ok" and result.document["pages"] >= 4
    ids = [a["action_id"] for a in result.actions]
    assert len(ids) == made and len(set(ids)) == made
    assert all(a["action_id"].split(".")[0] == a["outcome_id"] for a in result.actions)
    assert any(a["page_start"] != a["page_end"] for a in result.actions)  # a split row
    # the rows a page break cut are joined, and flagged so: no other repair
    for action in result.actions:
        split = action["page_start"] != action["page_end"]
        assert action["flags"] == (["merged_split_row"] if split else []), action["action_id"]
