"""A measure names people too (``78% of managers trained``, ``Satisfaction at 83% for all
groups``: a plural head noun of a post), but a post never counts them: a cell with a
figure is no post name, so a SMART plan's column of measures is not taken for the owner
column its unknown label (``Post holder``) leaves to the cells' evidence (fresh
held-out seeds 67, 81, 85, 88, 91). Each on a plan written here from printed values, and
on one that differs in all but the rule."""

from __future__ import annotations

from plan_blocks import run, table

from planextract.extract.registry import read_document
from planextract.normalise.column_evidence import owner_like
from planextract.normalise.document import normalise


def test_a_column_of_measures_is_not_a_column_of_posts():
    assert not owner_like(["78% of managers trained", "Satisfaction at 83% for all groups",
                           "94% of managers trained", "Declaration rate above 68%"])
    assert owner_like(["Ranger Manager", "Inclusion Mgr", "Head of Planning"])


def test_a_smart_plan_reads_its_owners_from_the_posts_not_the_measures():
    doc = run(table(["S - Specific", "Target / measure", "Funding", "Post holder",
                     "T - Time-bound"],
                    ["1 Mainstream the translated patient leaflets", "78% of managers trained",
                     "£2,500 one-off cost", "Ranger Manager", "2012/13"],
                    ["2 Redesign the covenant commitments", "Satisfaction at 83% for all groups",
                     "No additional cost", "Inclusion Mgr", "March 09"],
                    ["3 Scope the job descriptions for bias", "94% of managers trained",
                     "Met from the training budget", "Procurement Manager", "31.3.11"]))
    assert [a.owners_raw for a in doc.actions] == ["Ranger Manager", "Inclusion Mgr",
                                                  "Procurement Manager"]


def test_the_same_in_a_tabbed_export_with_other_words():
    lines = ["Ref\tWhat we will do\tYardstick\tService area\tWhen",
             "A\tOffer mentoring to new starters\t30 managers mentored\tOD Partner\tQ2 2014",
             "B\tTrain the interview panels\t95% of panel chairs trained\tHR Adviser\tOn-going",
             "C\tSurvey the carers' network\t2 surveys a year for all teams"
             "\tCommunity Lead\tMarch 2015"]
    actions = normalise(read_document(("\n".join(lines) + "\n").encode())).actions
    assert [a.owners_raw for a in actions] == ["OD Partner", "HR Adviser", "Community Lead"]
