"""An issue column beside an unnamed column of actions, in a text export whose
page breaks cut the action cells: the rest of a cut cell is a row of its own
(one filled cell, opening mid-sentence), which is no row of the column when the
cells are weighed (as a heading printed across is not), so the cut pieces do not
hide that the column holds the actions (held-out ``Concern raised | Response``)."""

from pathlib import Path

from planextract.normalise.column_evidence import resolve
from planextract.pipeline.document_run import run_one

HEAD = "Ref\tConcern raised\tResponse\tOwner\tUpdate"


def _plan(tmp_path: Path, name: str, text: str) -> list[dict]:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return run_one(str(path)).actions


def test_cut_action_cells_leave_the_actions_beside_the_issue_column(tmp_path: Path):
    text = "\n".join([
        "## Customer Access Plan", "",
        HEAD,
        "1\tFew interpreters booked for appointments\tCreation of the interview"
        " arrangements so that\tProcurement Mgr\tScoping meeting held.", "",
        HEAD,
        "\t\tno group is disadvantaged\t\t",
        "2\tEthnicity not recorded for a third of referrals\tContinued roll-out of"
        " facilities within the current\tInclusion Manager\tNo update received.", "",
        HEAD,
        "\t\tfinancial year for every clinic\t\t",
        "3\tBoard papers rarely consider equality impact\tRefresh of the covenant"
        "\tHead of Planning\tScoping meeting held.", "",
        HEAD,
        "\t\tcommitments with service users\t\t",
        "4\tFew interpreters booked for appointments\tMainstream adjustment passports"
        "\tInclusion Manager\tNo update received.", "",
    ])
    rows = _plan(tmp_path, "plan.txt", text)
    assert [r["action"] for r in rows] == [
        "Creation of the interview arrangements so that no group is disadvantaged",
        "Continued roll-out of facilities within the current financial year for every"
        " clinic",
        "Refresh of the covenant commitments with service users",
        "Mainstream adjustment passports",
    ]
    assert [r["action_id"] for r in rows] == ["1", "2", "3", "4"]


def test_a_second_plan_differing_in_all_but_the_rule():
    # other labels, other words, resolved from the columns alone: three of four
    # action cells cut, their rests alone in their rows
    columns = [
        ["7", "", "8", "", "9", "", "10"],
        ["Waiting lists longer for older patients", "", "Leaflets only in English", "",
         "No step-free entrance", "", "Few carers on the panel"],
        ["Review of the booking rules for every", "clinic in the county",
         "Translate the leaflets into", "five languages",
         "Installation of a ramp and handrails at", "the main door",
         "Carers' forum places"],
        ["Clinic Manager", "", "Comms Officer", "", "Estates Lead", "", "Carers Lead"],
    ]
    got = resolve(["Key", "Barrier", "Answer", "Lead"],
                  ["action_id", "issue", "extra", "owner"], columns)
    assert got.roles == ["action_id", "issue", "action", "owner"]
