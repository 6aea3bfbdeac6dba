"""Cutting an owner cell: roles by default, people only on positive evidence."""

from planextract.lexicon.role_vocab import load
from planextract.normalise.owner_cells import split_cell, uses_comma_separators
from planextract.normalise.people import is_person
from planextract.normalise.role_text import clean_role

VOCAB = load()


def cut(text, commas=True):
    cell = split_cell(text, VOCAB, commas_separate=commas)
    return cell.roles, cell.people


def test_clean_role_folds_dashes_and_ampersand_spacing():
    assert {clean_role(s) for s in ["ACO – HR", "ACO -HR", "ACO-HR", "ACO- HR", "ACO –HR"]} == {
        "ACO HR"}
    assert {clean_role(s) for s in ["T&D Manager", "T& D Manager", "T &D Manager"]} == {
        "T&D Manager"}
    # a hyphen inside a word is part of it
    assert clean_role("Co-ordinator") == "Co-ordinator"
    assert clean_role("Non-Executive Director") == "Non-Executive Director"


def test_role_dash_person_in_both_orders():
    assert cut("Diversity Manager - Fiona Washington") == (["Diversity Manager"],
                                                           ["Fiona Washington"])
    assert cut("Claire Johnson – dedicated Probation Officer") == (
        ["dedicated Probation Officer"], ["Claire Johnson"])
    assert cut("Gang lead – Ben Wild & Sandeep Thandi") == (["Gang lead"],
                                                            ["Ben Wild", "Sandeep Thandi"])


def test_a_dash_inside_a_role_is_not_the_role_person_dash():
    assert cut("ACO – HR – Priya Shah") == (["ACO HR"], ["Priya Shah"])
    assert cut("ACO – HR") == (["ACO HR"], [])
    assert cut("Head of Estates - North") == (["Head of Estates North"], [])


def test_people_in_other_shapes():
    assert cut("Tomasz Nowak (Head of Finance)") == (["Head of Finance"], ["Tomasz Nowak"])
    assert cut("Head of Finance (Tomasz Nowak)") == (["Head of Finance"], ["Tomasz Nowak"])
    assert cut("Estates Lead: Gareth Pugh") == (["Estates Lead"], ["Gareth Pugh"])
    for person in ["Dr Lowe", "Professor Adeyemi", "Cllr Marsh", "Watch Commander Price",
                   "Supt Johnson", "CS Jo Byrne", "Chief Superintendent Sturman", "ACC Rowe"]:
        assert cut(person) == ([], [person]), person
    # a given name is evidence; two unknown capitalised words without it are not
    assert cut("Chris Rowson") == ([], ["Chris Rowson"])
    assert cut("Custody Estate Development") == (["Custody Estate Development"], [])


def test_contractions_and_rank_acronyms_stay_roles():
    # Hd, Ops are role words: never a surname after a rank, never a name
    assert cut("Hd Estates") == (["Hd Estates"], [])
    assert cut("ACC Ops") == (["ACC Ops"], [])
    assert cut("C/Insp Ops") == (["C/Insp Ops"], [])
    assert not is_person("Head of HR", VOCAB, VOCAB.role_words)
    assert not is_person("Local Policing", VOCAB, VOCAB.role_words)


def test_never_a_one_letter_role():
    roles, _ = cut("ACO – OM/B")
    assert all(len(r) > 1 for r in roles)


def test_unknown_words_default_to_a_role_and_are_flagged_unsure():
    cell = split_cell("Quill Marrowby", VOCAB)
    assert cell.roles == ["Quill Marrowby"] and cell.unsure == ["Quill Marrowby"]
    assert split_cell("Diversity Manager", VOCAB).unsure == []


def test_separators_and_owned_by():
    assert cut("Policy Writers \nDirectors\n\nDiversity Adviser")[0] == [
        "Policy Writers", "Directors", "Diversity Adviser"]
    assert cut("EIA Auditors Owned by ACE Equality and Diversity")[0] == [
        "EIA Auditors", "ACE Equality and Diversity"]
    assert cut("ACO – BS/ACO - I")[0] == ["ACO BS", "ACO I"]


def test_a_comma_inside_a_role():
    # an inverted title is one owner even where commas separate owners
    assert cut("Manager, Disability Services")[0] == ["Manager, Disability Services"]
    assert cut("Assistant Director, Housing; Head of HR")[0] == [
        "Assistant Director, Housing", "Head of HR"]
    # a plan that never separates owners with commas keeps the comma inside the role
    cells = ["Officer, Learning Disabilities Support", "Head of HR/Officer, Older People"]
    assert not uses_comma_separators(cells, VOCAB)
    assert cut(cells[1], commas=False)[0] == ["Head of HR", "Officer, Older People"]
    assert uses_comma_separators(["Head of HR, Diversity Manager"], VOCAB)


def test_a_rank_before_a_function_is_a_post_not_a_person():
    assert cut("Group Commander Prevention") == (["Group Commander Prevention"], [])
    assert cut("Station Manager Community Safety") == (["Station Manager Community Safety"], [])
    assert cut("Cllr Marsh (Cabinet Member for Housing)") == (["Cabinet Member for Housing"],
                                                             ["Cllr Marsh"])


def test_and_is_split_first_then_a_person_peeled_off_each_part():
    assert cut("Head of Facilities – Fiona Okafor and Director of Finance") == (
        ["Head of Facilities", "Director of Finance"], ["Fiona Okafor"])
    assert cut("Owen Ashdown (Area Manager) and Community Safety Manager") == (
        ["Area Manager", "Community Safety Manager"], ["Owen Ashdown"])
    assert cut("Human Resources Manager and Dr Holt") == (["Human Resources Manager"],
                                                          ["Dr Holt"])
    # the roles around the person stay whole: one role, not Equality + Diversity Mgr
    assert cut("Equality and Diversity Mgr - Owen Tranter") == (
        ["Equality and Diversity Mgr"], ["Owen Tranter"])
    assert cut("Head of Learning & Development – Aisha Khan") == (
        ["Head of Learning & Development"], ["Aisha Khan"])
    assert cut("T & D Manager – Aisha Khan") == (["T&D Manager"], ["Aisha Khan"])


def test_a_lone_letter_before_a_slash_prefixes_a_rank():
    assert cut("ACC Ops and C/Insp Ops")[0] == ["ACC Ops and C/Insp Ops"]
    assert cut("ACO – I/OM")[0] == ["ACO I", "OM"]


def test_a_line_wrapped_inside_an_owner_is_joined_back():
    assert cut("EIA Auditors, ACE Equality and\nDiversity")[0] == [
        "EIA Auditors", "ACE Equality and Diversity"]
    assert cut("Head of Learning\n& Development")[0] == ["Head of Learning & Development"]
    # a line of its own stays an owner of its own, whatever its case
    assert cut("Human Resources Manager\nchief executive")[0] == [
        "Human Resources Manager", "chief executive"]


def test_bullet_glyphs_of_a_list_of_owners_are_not_part_of_a_role():
    assert cut("• Head of HR\n• Diversity Manager\n▪ SMT")[0] == [
        "Head of HR", "Diversity Manager", "SMT"]


def test_a_name_run_into_its_role_needs_a_given_name_or_a_title():
    assert cut("ACO HR Leona Lowe") == (["ACO HR"], ["Leona Lowe"])
    assert cut("Supt Johnson Hate Crime Lead") == (["Hate Crime Lead"], ["Supt Johnson"])
    # capitalised words without that evidence stay in the role
    assert cut("Head of Quill Marrow") == (["Head of Quill Marrow"], [])


def test_a_name_run_into_the_next_owner_is_peeled_off():
    assert cut("PIU lead - Rob Malcolm Diversity Adviser") == (
        ["PIU lead", "Diversity Adviser"], ["Rob Malcolm"])
    assert cut("Sandeep Thandi Specialist worker – Bob Schofield") == (
        ["Specialist worker"], ["Sandeep Thandi", "Bob Schofield"])
