from planextract.normalise.owners import (
    RoleCanon,
    clean_role,
    is_person,
    role_key,
    share_prefix,
    split_and,
    split_cell,
    split_run_together,
)


def test_clean_role_folds_dashes_and_ampersand_spacing():
    assert {clean_role(s) for s in ["ACO – HR", "ACO -HR", "ACO-HR", "ACO- HR"]} == {"ACO HR"}
    assert {clean_role(s) for s in ["T&D Manager", "T& D Manager", "T &D Manager"]} == {
        "T&D Manager"}
    assert clean_role("Training & Diversity Mgr") == "Training & Diversity Mgr"


def test_people_are_kept_apart_from_roles():
    cell = split_cell("Diversity Manager - Fiona Washington")
    assert (cell.roles, cell.people) == (["Diversity Manager"], ["Fiona Washington"])
    cell = split_cell("Supt Johnson - SCI, Chief Superintendent Sturman - CI Programme")
    assert (cell.roles, cell.people) == (["SCI", "CI Programme"],
                                         ["Supt Johnson", "Chief Superintendent Sturman"])
    cell = split_cell("Gang lead – Ben Wild & Sandeep Thandi")
    assert (cell.roles, cell.people) == (["Gang lead"], ["Ben Wild", "Sandeep Thandi"])
    cell = split_cell("Claire Johnson – dedicated Probation Officer")
    assert (cell.roles, cell.people) == (["dedicated Probation Officer"], ["Claire Johnson"])
    assert split_cell("ALL, DCC Thompson").people == ["DCC Thompson"]


def test_is_person_rejects_roles():
    for role in ["Diversity Manager", "Human Resources", "Case Administrators", "Head of HR",
                 "Local Policing", "Policy Writers", "ACO HR"]:
        assert not is_person(role), role
    for person in ["Rob Malcolm", "CS Jo Byrne", "Supt Johnson", "Chief Supt Byrne"]:
        assert is_person(person), person


def test_cell_splits_on_separators_and_owned_by():
    assert split_cell("ACO – BS/ACO - I").roles == ["ACO BS", "ACO I"]
    assert split_cell("Policy Writers \nDirectors\n\nDiversity Adviser").roles == [
        "Policy Writers", "Directors", "Diversity Adviser"]
    assert split_cell("EIA Auditors Owned by ACE Equality and Diversity").roles == [
        "EIA Auditors", "ACE Equality and Diversity"]


def test_run_together_roles_split_only_into_known_pieces():
    known = {"aco om", "all am"}  # role keys: sorted, singular
    known = {role_key("ACO OM"), role_key("All AMs")}
    assert split_run_together("All AMs ACO OM", known, set()) == ["All AMs", "ACO OM"]
    assert split_run_together("Diversity Manager SMT", {role_key("Diversity Manager")},
                              {"SMT"}) == ["Diversity Manager", "SMT"]
    assert split_run_together("Office Manager", known, {"SMT"}) == ["Office Manager"]
    assert split_and("Chief Executive and ACE Equality and Diversity",
                     {role_key("ACE Equality and Diversity")}) == [
        "Chief Executive", "ACE Equality and Diversity"]
    assert split_and("ACE Equality and Diversity", set()) == ["ACE Equality and Diversity"]


def test_every_spelling_of_a_role_maps_to_the_first_one_seen():
    canon = RoleCanon(["ACO HR", "HR ACO", "T&D Manager", "T&DM", "Operations Manager",
                       "Operation Manager", "Operation Mgr", "Diversity Adviser",
                       "Diversity Manager", "LDU Mgrs", "LDU Managers"],
                      {"T&DM": "Training and Development Manager"})
    assert canon.canonical("HR ACO") == "ACO HR"
    assert canon.canonical("T&DM") == "T&D Manager"
    assert canon.canonical("Operation Mgr") == "Operations Manager"
    assert canon.canonical("LDU Managers") == "LDU Mgrs"
    assert canon.canonical("Diversity Manager") == "Diversity Manager"
    assert canon.canonical("Diversity Adviser") == "Diversity Adviser"


def test_a_role_spelt_out_by_the_key_less_a_generic_word_is_the_same_role():
    key = {"ACO": "Assistant Chief Officer",
           "ACO – BS": "Assistant Chief Officer Business Services",
           "ACO – OM": "Assistant Chief Officer Offender Management"}
    canon = RoleCanon(["ACO Business", "ACO BS", "ACO", "ACO OM", "ACO HR"], key)
    assert canon.canonical("ACO BS") == "ACO Business"
    assert canon.canonical("ACO OM") == "ACO OM"
    assert canon.canonical("ACO HR") == "ACO HR"
    assert canon.canonical("ACO") == "ACO"


def test_common_abbreviations_are_used_where_the_plans_key_is_silent():
    common = {"HR": "Human Resources", "L&D": "Learning and Development",
              "PSD": "Professional Standards Department"}
    canon = RoleCanon(["Human Resources", "HR", "Head of Learning & Development", "Head of L&D",
                       "Head of Professional Standards", "Head of PSD", "Head of HR"], {},
                      common=common)
    assert canon.canonical("HR") == "Human Resources"
    assert canon.canonical("Head of L&D") == "Head of Learning & Development"
    assert canon.canonical("Head of PSD") == "Head of Professional Standards"
    assert canon.canonical("Head of HR") == "Head of HR"
    # the plan's own key wins over the common table
    own = RoleCanon(["Human Resources", "HR"], {"HR": "Health Review"}, common=common)
    assert own.canonical("HR") == "HR"


def test_a_bare_abbreviation_after_a_slash_shares_the_head_of_the_role_before():
    key = {"ACO OM", "ACO BS", "AM"}
    assert share_prefix(["ACO OM", "BS"], key, set()) == ["ACO OM", "ACO BS"]
    assert share_prefix(["ACOs I", "OM"], key, {role_key("ACO OM")}) == ["ACOs I", "ACOs OM"]
    # a role of its own, or a pair nobody names, is left alone
    assert share_prefix(["ACO I", "AM"], key, set()) == ["ACO I", "AM"]
    assert share_prefix(["ACO I", "XY"], key, set()) == ["ACO I", "XY"]
    assert share_prefix(["CE", "OM"], key, set()) == ["CE", "OM"]
