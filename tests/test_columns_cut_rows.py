"""An issue column beside an unnamed column of actions, in a text export whose
page breaks cut the action cells: the rest of a cut cell is a row of its own
(one filled cell, opening mid-sentence), which is no row of the column when the
cells are weighed (as a heading printed across is not), so the cut pieces do not
hide that the column holds the actions (an issue column beside one headed by a
word the vocabulary lacks)."""

from pathlib import Path

from planextract.normalise.column_evidence import resolve
from planextract.pipeline.document_run import run_one

HEAD = "No\tGap\tReply\tLead\tProgress"


def _plan(tmp_path: Path, name: str, text: str) -> list[dict]:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return run_one(str(path)).actions


def test_cut_action_cells_leave_the_actions_beside_the_issue_column(tmp_path: Path):
    text = "\n".join([
        "## Listening to tenants", "",
        HEAD,
        "1\tRepairs slow for disabled tenants\tLaunch of a fast-track repair line so"
        " that\tRepairs Manager\tStarted.", "",
        HEAD,
        "\t\tadaptations come first\t\t",
        "2\tFew bids from young people\tExtension of bidding clinics to the"
        "\tLettings Officer\tNot started.", "",
        HEAD,
        "\t\tyouth centre each month\t\t",
        "3\tHate incidents reported late\tUpdate of the warden handbook"
        "\tSafety Officer\tStarted.", "",
        HEAD,
        "\t\tfor logging on the day\t\t",
        "4\tLong waits at the housing office\tSaturday opening hours"
        "\tHousing Manager\tDone.", "",
    ])
    rows = _plan(tmp_path, "plan.txt", text)
    assert [r["action"] for r in rows] == [
        "Launch of a fast-track repair line so that adaptations come first",
        "Extension of bidding clinics to the youth centre each month",
        "Update of the warden handbook for logging on the day",
        "Saturday opening hours",
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
    got = resolve(["Key", "Problem", "Answer", "Lead"],
                  ["action_id", "issue", "extra", "owner"], columns)
    assert got.roles == ["action_id", "issue", "action", "owner"]
