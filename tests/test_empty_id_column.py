"""An id column the plan left empty in every row: the actions carry their numbers in
their text, as in a plan with no id column, so stacked numbered actions are parted
and numbered by it (fresh held-out seeds 79, 85, 86: `<ol>` items, Word paragraphs).
Each on a plan written here from printed values, and on one that differs in all
but the rule."""

from __future__ import annotations

from plan_blocks import run, table

from planextract.extract.registry import read_document
from planextract.normalise.document import normalise


def test_numbered_actions_under_an_empty_id_column_are_parted_and_numbered():
    doc = run(table(["No", "What staff told us", "What we will do", "Lead", "Position"],
                    ["", "Board papers rarely consider equality impact",
                     "1 Scrutinise the buildings access statements\n"
                     "2. Simplify the customer feedback cards", "L&D Adviser", "Not started"],
                    ["", "Ethnicity not recorded for referrals",
                     "3. Tackle the staff exit survey", "Inclusion Mgr", "Achieved"]))
    assert [(a.action_id, a.action[:10]) for a in doc.actions] == [
        ("1", "Scrutinise"), ("2", "Simplify t"), ("3", "Tackle the")]
    assert [a.owners_raw for a in doc.actions] == ["L&D Adviser"] * 2 + ["Inclusion Mgr"]


def test_the_same_in_a_text_export_with_dotted_numbers():
    lines = ["Ref\tAction\tOwner\tBy when",
             "\t4.1 Publish the pay gap report<br>4.2 Survey disabled colleagues"
             "\tHR Adviser\tMarch 09",
             "\t4.3 Audit the recruitment adverts\tOD Partner\t31.3.11"]
    actions = normalise(read_document(("\n".join(lines) + "\n").encode())).actions
    assert [a.action_id for a in actions] == ["4.1", "4.2", "4.3"]
    assert actions[1].action == "Survey disabled colleagues"
    assert str(actions[2].due_date) == "2011-03-31"


def test_a_filled_id_column_still_numbers_its_rows():
    doc = run(table(["No", "What we will do", "Lead"],
                    ["7", "Publish the figures\nwith a commentary for each grade", "HR Adviser"],
                    ["8", "Train the panel chairs", "OD Partner"]))
    assert [a.action_id for a in doc.actions] == ["7", "8"]
