"""The head of a prison as the prison service prints the post: `Governor`,
`Governing Governor`, `Number One Governor`, `No. 1 Governor` are one role
(roles.toml, the prison sector's `Governor`), `Deputy Governor` another; the post
printed before a surname is a title (`Governor Okafor`: a person, as `Supt
Johnson` is), so the role vocabulary's post does not swallow its holders."""

from planextract.extract import read_document
from planextract.normalise.document import normalise


def _actions(text: str):
    return normalise(read_document(text.encode())).actions


def test_the_prison_services_names_for_its_governor_are_one_role():
    plan = """# HMP Eastwood Equality Action Plan 2011-12

| No | Action | Lead | Due |
|---|---|---|---|
| 1 | Review the induction pack for new staff | Number One Governor | March 2012 |
| 2 | Audit the complaints | No. 1 Governor and Head of Residence | 31.3.12 |
| 3 | Publish the workforce profile | Governing Governor | 2012 |
| 4 | Train the recruitment panels | Deputy Governor | 2013 |
| 5 | Consult the staff networks | Governor Okafor | Dec 2012 |
"""
    actions = _actions(plan)
    assert [a["owners"] for a in actions] == [
        ["Governor"], ["Governor", "Head of Residence"], ["Governor"], ["Deputy Governor"], []]
    assert actions[4]["owner_people"] == ["Governor Okafor"]


def test_a_second_plan_as_a_word_text_export():
    rows = ["No.\tObjective\tResponsible\tBy when",
            "A1\tMonitor the use of segregation by ethnicity\tNo 1 Governor/Head of Safer Custody"
            "\tQuarterly",
            "A2\tAgree the faith provision with the chaplaincy\tGovernor\t30.9.11",
            "A3\tReview the adjudications data\tDeputy Governor - Governor Brathwaite\tOn-going"]
    actions = _actions("HMP Northgate Race Equality Action Plan\n\n" + "\n".join(rows) + "\n")
    assert [a["owners"] for a in actions] == [
        ["Governor", "Head of Safer Custody"], ["Governor"], ["Deputy Governor"]]
    assert actions[2]["owner_people"] == ["Governor Brathwaite"]
