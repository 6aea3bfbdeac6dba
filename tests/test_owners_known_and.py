"""An ``and`` inside a post the plan prints whole is no cut between two owners.

Where a reader joins a cell's lines (LibreOffice PDFs print owners one a line),
``Vice Principal Curriculum`` and ``Performance and Information Manager`` come as one
run: the ``and`` was cut (``... Curriculum Performance`` | ``Information Manager``),
and a run-together cut put a generic word on the wrong side (``Head of Legal`` |
``Services Performance and Information Manager``), whose spelling then labelled the
post everywhere. Now a post the plan prints alone that spans the ``and`` stays whole,
the words before it an owner of their own (``role_split._known_tail``), and in a run
of posts a piece printed alone counts where it holds the ``and`` itself
(``split_run_together``). The words below are made up for the rules, from no corpus
pool; the canonical owners beside them."""

from planextract.normalise import owners


def _owners(cells: list[str | None]) -> list[list[str]]:
    return [list(r.owners) for r in owners.resolve(cells, {}).rows]


def test_the_and_of_a_post_printed_whole_is_not_cut():
    assert _owners(["Chief Pilot Navigation Charts and Surveys Officer",
                    "Charts and Surveys Officer"]) == [
        ["Chief Pilot Navigation", "Charts and Surveys Officer"],
        ["Charts and Surveys Officer"]]
    # an ``of`` left open before it is no owner: the post runs on as before
    assert _owners(["Director of Ports and Harbours", "Ports and Harbours"]) == [
        ["Director of Ports and Harbours"], ["Ports and Harbours"]]


def test_a_run_of_posts_cut_where_the_plan_prints_the_post_with_its_and():
    assert _owners(["Head of Port Services Pilotage and Buoyage Manager Dredging Lead",
                    "Pilotage & Buoyage Manager", "Dredging Lead"]) == [
        ["Head of Port Services", "Pilotage and Buoyage Manager", "Dredging Lead"],
        ["Pilotage and Buoyage Manager"], ["Dredging Lead"]]
    assert _owners(["Head of Marine Services Charts and Surveys Officer Head of Dredging",
                    "Charts and Surveys Officer", "Head of Dredging"])[0] == [
        "Head of Marine Services", "Charts and Surveys Officer", "Head of Dredging"]
