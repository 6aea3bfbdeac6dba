"""Which spellings are one role, and the label the role gets."""

import random

from planextract.normalise.owners import resolve


def labels(cells, key=None):
    """Canonical owners of each cell."""
    return [row.owners for row in resolve(cells, key or {}).rows]


def clusters(cells, key=None):
    """Spellings grouped by their canonical role."""
    out = {}
    for row in resolve(cells, key or {}).roles:
        out.setdefault(row.role, set()).add(row.spelling)
    return out


def test_word_order_case_ampersand_and_plural_are_one_role():
    found = clusters(["ACO HR", "HR ACO", "ACO – HR", "Estates Head", "Head of Estates",
                      "Equality & Diversity Group", "equality and diversity group",
                      "Case Administrator", "Case Administrators"])
    assert len(found) == 4
    assert found["Assistant Chief Officer Human Resources"] == {"ACO HR", "HR ACO", "ACO – HR"}


def test_adversarial_pairs_stay_apart():
    for a, b in [("HR Manager", "Head of HR"), ("Area Manager", "Area Business Manager"),
                 ("Director of Public Health", "Director of Health"),
                 ("Deputy Chief Executive", "Chief Executive"),
                 ("Senior Probation Officer", "Probation Officer"),
                 ("Acting Head of Finance", "Head of Finance"),
                 ("Head of Policing", "Head of Policy")]:
        found = clusters([a, a, b])
        assert len(found) == 2, (a, b, found)


def test_contractions_are_proposed_and_merged_when_one_candidate():
    result = resolve(["Head of Estates", "Hd Estates", "Comms Manager",
                      "Communications Manager", "Corp. Services Director",
                      "Corporate Services Director", "Equality Co-ordinator",
                      "Equality Coordinator"], {})
    owners = [row.owners for row in result.rows]
    assert owners[0] == owners[1] and owners[2] == owners[3] and owners[4] == owners[5]
    assert owners[6] == owners[7]
    assert {r.spelling for r in result.roles if r.match == "fuzzy"} >= {"Hd Estates",
                                                                       "Comms Manager"}
    assert "owner_fuzzy_matched" in result.rows[1].flags
    assert "owner_fuzzy_matched" not in result.rows[0].flags


def test_two_spellings_printed_in_one_cell_are_two_roles():
    # Adviser / Advisor differ by one letter, but one cell names both
    assert len(clusters(["Diversity Adviser/Diversity Advisor"])) == 2
    assert len(clusters(["Diversity Adviser", "Diversity Advisor"])) == 1


def test_a_contraction_with_two_candidates_joins_neither():
    # Dep may be Deputy or Department: two candidates, no merge
    found = clusters(["Dep Head of Finance", "Deputy Head of Finance",
                      "Department Head of Finance"])
    assert len(found) == 3


def test_key_expansions_plurals_and_generic_words():
    key = {"SPO": "Senior Probation Officer", "VLU": "Vulnerable Lives Unit",
           "T&DM": "Training and Development Manager"}
    found = clusters(["SPOs", "Senior Probation Officers", "VLU Manager",
                      "Vulnerable Lives Manager", "T&DM", "T & D Manager"], key)
    assert found["Senior Probation Officer"] == {"SPOs", "Senior Probation Officers"}
    assert {"VLU Manager", "Vulnerable Lives Manager"} in found.values()
    # the roles table keeps each spelling as printed
    assert found["Training and Development Manager"] == {"T&DM", "T & D Manager"}


def test_initials_the_plan_spells_out():
    found = clusters(["E&D Manager", "Equality and Diversity Manager", "EDM Lead"])
    assert found["Equality and Diversity Manager"] == {"E&D Manager",
                                                       "Equality and Diversity Manager"}
    result = resolve(["E&D Manager", "Equality and Diversity Manager"], {})
    assert {r.spelling: r.match for r in result.roles}["E&D Manager"] == "fuzzy"


def test_the_plans_key_wins_over_the_builtin_table():
    # HR is Health Review in this plan: not the builtin Human Resources
    assert labels(["Head of HR"], {"HR": "Health Review"}) == [["Head of Health Review"]]
    assert labels(["Head of HR"]) == [["Head of Human Resources"]]


def test_label_is_the_vocabulary_then_spelled_out_then_most_frequent():
    assert labels(["HR Head", "Head of HR"]) == [["Head of Human Resources"]] * 2
    assert labels(["E&D Manager", "Equality & Diversity Manager"]) == [
        ["Equality and Diversity Manager"]] * 2
    assert labels(["ACO"]) == [["Assistant Chief Officer"]]
    # not in the vocabulary, nothing to spell out: the most printed spelling
    assert labels(["Estates Lead", "Lead Estates", "Lead Estates"]) == [["Lead Estates"]] * 3
    # a tie goes to the alphabetically first, never to the first printed
    assert labels(["Lead Estates", "Estates Lead"]) == [["Estates Lead"]] * 2
    assert labels(["Estates Lead", "Lead Estates"]) == [["Estates Lead"]] * 2


def test_one_label_across_documents_for_one_spelled_out_role():
    first = labels(["T&D Manager", "Head of L&D"])
    second = labels(["Training & Development Manager", "Head of Learning and Development"])
    third = labels(["T&DM", "Hd of Learning & Development"],
                   {"T&DM": "Training and Development Manager"})
    assert first == second
    assert [o for row in third for o in row] == [o for row in first for o in row]


def test_order_of_spellings_never_changes_clusters_or_labels():
    cells = ["ACO HR", "HR ACO", "ACO – BS", "ACO Business", "T&D Manager", "T&DM",
             "Operation Mgr", "Operation Manager", "Operations Manager", "Hd Estates",
             "Head of Estates", "Estates Manager", "Diversity Adviser", "Diversity Advisor",
             "Head of HR", "HR Manager", "E&D Manager", "Equality and Diversity Manager"]
    key = {"ACO – BS": "Assistant Chief Officer Business Services",
           "T&DM": "Training and Development Manager"}
    expected = {c: o for c, o in zip(cells, labels(cells, key))}
    rng = random.Random(7)
    for _ in range(20):
        shuffled = cells[:]
        rng.shuffle(shuffled)
        assert {c: o for c, o in zip(shuffled, labels(shuffled, key))} == expected


def test_x_and_y_split_when_both_sides_are_roles():
    assert labels(["Chief Executive and Head of HR"]) == [
        ["Chief Executive", "Head of Human Resources"]]
    assert labels(["SMT & Strategic Diversity Group"]) == [
        ["Senior Management Team", "Strategic Diversity Group"]]
    assert labels(["Head of Learning and Development"]) == [["Head of Learning and Development"]]
    assert labels(["Director of Finance and Human Resources", "Human Resources"])[0] == [
        "Director of Finance and Human Resources"]
    # a string printed twice is split all the same
    assert labels(["Chief Executive and Head of HR"] * 2)[1] == [
        "Chief Executive", "Head of Human Resources"]


def test_run_together_owners_are_cut_into_roles_the_document_knows():
    rows = labels(["CE All SPOs", "Diversity Manager SMT", "Diversity Manager", "ACO OM"])
    assert rows[0] == ["Chief Executive", "All Senior Probation Officers"]
    assert rows[1] == ["Diversity Manager", "Senior Management Team"]
    assert len(rows[3]) == 1  # an ACO for offender management is one role


def test_a_bare_abbreviation_after_a_slash_shares_the_head_before_it():
    key = {"ACO – OM": "Assistant Chief Officer Offender Management",
           "ACO – BS": "Assistant Chief Officer Business Services"}
    rows = labels(["ACO – OM/BS", "ACOs – I/OM"], key)
    assert rows[0] == ["Assistant Chief Officer Offender Management",
                       "Assistant Chief Officer Business Services"]
    assert rows[1][1] == "Assistant Chief Officer Offender Management"


def test_roles_rows_say_how_each_spelling_was_matched():
    key = {"T&DM": "Training and Development Manager"}
    result = resolve(["T&DM", "T&D Manager", "Training and Development Manager",
                      "HR", "Human Resources", "Trust Secretary", "Secretary to the Board"],
                     key)
    match = {r.spelling: (r.role, r.match, r.mentions) for r in result.roles}
    assert match["T&DM"] == ("Training and Development Manager", "key", 1)
    assert match["T&D Manager"][1] == "builtin"
    assert match["Training and Development Manager"][1] == "exact"
    assert match["HR"] == ("Human Resources", "builtin", 1)
    assert match["Trust Secretary"] == ("Board Secretary", "vocabulary", 1)
    assert match["Secretary to the Board"] == ("Board Secretary", "exact", 1)  # word order


def test_initials_join_a_spelled_out_role_but_never_relabel_one_alone():
    # OM could be read as Operations Manager, printed elsewhere: not without a key
    rows = labels(["ACO OM", "Operations Manager"])
    assert rows[0] != rows[1] and "Operations" not in rows[0][0]
    # T&DM beside T&D Manager (spelled out by the builtin table): one role
    assert labels(["T&DM", "T&D Manager"]) == [["Training and Development Manager"]] * 2


def test_spelled_out_labels_do_not_depend_on_how_often_each_form_is_printed():
    # the same two spellings, printed more or less often, give one label
    one = labels(["Estates Head", "Estates Head", "Estates Head", "Head of Estates"])
    two = labels(["Head of Estates", "Head of Estates", "Estates Head"])
    assert set(map(tuple, one)) == set(map(tuple, two)) == {("Head of Estates",)}
    # the fuller form wins: Business Services over Business
    key = {"ACO – BS": "Assistant Chief Officer Business Services"}
    assert labels(["ACO Business", "ACO Business", "ACO – BS"], key)[0] == [
        "Assistant Chief Officer Business Services"]
    # a plan that prints only the other word order gets the title form as well
    assert labels(["Estates Head"]) == [["Head of Estates"]]


def test_a_label_names_the_post_in_the_singular_but_a_group_stays_plural():
    key = {"ACO": "Assistant Chief Officer"}
    assert labels(["All ACOs", "All ACO", "All ACOs"], key)[1] == ["All Assistant Chief Officers"]
    assert labels(["All managers"]) == [["All Managers"]]
    assert labels(["LDU Managers", "LDU Mgrs"]) == [["Local Delivery Unit Manager"]] * 2
    # printed plural in one plan, singular in another: one label
    assert labels(["Policy Officers"]) == labels(["Policy Officer"]) == [["Policy Officer"]]
    assert labels(["Deputies"]) == [["Deputies"]]  # no post noun: as printed


def test_document_cuts_on_and_with_acronyms_and_inverted_titles():
    assert labels(["ACC Ops and C/Insp Ops"]) == [[
        "Assistant Chief Constable Operations", "Chief Inspector Operations"]]
    assert labels(["HoHR and Democratic Services Head and DPH"],
                  {"HoHR": "Head of Human Resources"}) == [[
        "Head of Human Resources", "Head of Democratic Services", "Director of Public Health"]]
    assert labels(["Manager, Disability Services and Academic Registrar"]) == [[
        "Manager Disability Services", "Registrar"]]
    # a cut never leaves a piece opening with `and`
    rows = labels(["Comms Mgr and Policy Officer", "Policy Officer", "Comms Mgr"])
    assert rows[0] == ["Communications Manager", "Policy Officer"]


def test_a_shared_post_holder_picks_one_of_several_candidates():
    rows = resolve(["Dep Head of Finance – Jo Bloggs", "Deputy Head of Finance – Jo Bloggs",
                    "Department Head of Finance"], {}).rows
    assert rows[0].owners == rows[1].owners != rows[2].owners
    assert rows[0].people == ["Jo Bloggs"] and "owner_fuzzy_matched" in rows[0].flags


def test_a_role_that_could_be_a_name_is_kept_and_flagged():
    row = resolve(["Quill Marrowby"], {}).rows[0]
    assert row.owners == ["Quill Marrowby"] and row.people == []
    assert "owner_unknown" in row.flags


def test_a_surname_glued_into_a_role_elsewhere_is_still_a_surname():
    rows = resolve(["Estates Head – Tomasz Lowe Head of Learning", "ACO HR – Leona Lowe"],
                   {}).rows
    assert rows[1].owners == ["Assistant Chief Officer Human Resources"]
    assert rows[1].people == ["Leona Lowe"]


def test_the_typo_tolerance_comes_from_the_settings():
    from planextract.settings import OwnerSettings

    cells = ["Diversity Adviser", "Diversity Advisor"]
    assert len({tuple(r.owners) for r in resolve(cells, {}).rows}) == 1
    strict = resolve(cells, {}, tolerance=OwnerSettings(typo_distance=0)).rows
    assert len({tuple(r.owners) for r in strict}) == 2


def test_a_shortened_head_or_director_is_spelled_out_in_the_title_form():
    assert labels(["Hd Estates"]) == labels(["Head of Estates"]) == [["Head of Estates"]]
    assert labels(["Dir. Estates"]) == [["Director of Estates"]]
    # a printed Director keeps the printed form: Director Offender Mgt.
    assert labels(["Director Offender Mgt."]) == [["Director Offender Management"]]


def test_the_vocabulary_reads_an_ambiguous_contraction_one_way_only():
    # Dep is Deputy or Department: only Deputy Chief Executive is a post
    assert labels(["Dep. Chief Executive"]) == [["Deputy Chief Executive"]]
    # hyphens joined or not: one post
    assert labels(["Pro-Vice-Chancellor"]) == labels(["Pro Vice Chancellor"]) == [
        ["Pro Vice-Chancellor"]]


def test_owners_run_together_are_cut_at_post_shaped_pieces():
    rows = labels(["Public Health Director Diversity Manager", "Diversity Manager",
                   "Head of Facilities Head of Learning and Development",
                   "Head of Learning and Development", "Area Business Manager"])
    assert rows[0] == ["Director of Public Health", "Diversity Manager"]
    assert rows[2] == ["Head of Facilities", "Head of Learning and Development"]
    assert rows[4] == ["Area Business Manager"]  # nothing known inside: one role


def test_of_two_forms_alike_the_singular_words_name_the_post():
    assert labels(["Equalities Officer", "Equality Officer"]) == [["Equality Officer"]] * 2


def test_a_body_named_after_a_department_is_not_cut_at_the_department():
    rows = labels(["Local Policing Programme Board", "Diversity Champions, Local Policing"])
    assert rows[0] == ["Local Policing Programme Board"]


def test_two_posts_run_together_are_cut_even_when_neither_is_printed_alone():
    assert labels(["Public Health Director Diversity Manager"]) == [
        ["Director of Public Health", "Diversity Manager"]]
    for one in ["Community Safety Partnership Board Officer", "Youth Offending Team Manager",
                "Head of Service Delivery Manager", "Programme Board Chair",
                "Human Resources Business Partner Manager"]:
        assert len(labels([one])[0]) == 1, one
