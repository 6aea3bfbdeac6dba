"""The builtin role vocabulary and a user's own file (`--roles FILE`)."""

import pandas as pd
import pytest

from planextract.lexicon.role_vocab import RolesFileError, load
from planextract.normalise.owners import resolve
from planextract.pipeline.cli import main

USER = '''
[acronyms]
HoCS = "Head of Customer Services"

[[role]]
label = "Head of Customer Experience"
variants = ["Customer Experience Head", "Head of Customer Services"]
sectors = ["housing"]
'''

PLAN = ("Outcomes\tActions\tOwner\tTimescale\n"
        "1. Tenants\t1.1 Survey tenants\tHoCS\tMarch 2012\n"
        "\t1.2 Publish results\tHead of Customer Services\tJune 2012\n"
        "\t1.3 Train staff\tHR Mgr/T&D Manager\tJuly 2012\n")


def test_the_builtin_vocabulary_covers_the_sectors():
    vocab = load()
    sectors = {s for role in vocab.roles for s in role.sectors}
    assert sectors >= {"probation", "police", "nhs", "council", "university", "fire", "housing"}
    assert vocab.acronyms["ACO"] == "Assistant Chief Officer"
    assert "mgr" in vocab.contractions and "manager" in vocab.head_nouns
    assert load() is load()  # read once


def test_a_user_file_adds_roles_and_acronyms(tmp_path):
    path = tmp_path / "roles.toml"
    path.write_text(USER, encoding="utf-8")
    rows = resolve(["HoCS", "Head of Customer Services"], {}, str(path)).rows
    assert [r.owners for r in rows] == [["Head of Customer Experience"]] * 2
    # the builtin vocabulary is still there
    assert resolve(["Head of HR"], {}, str(path)).rows[0].owners == ["Head of Human Resources"]
    # without the file: spelled out by the plan alone
    assert resolve(["Head of Customer Services"], {}).rows[0].owners == [
        "Head of Customer Services"]


def test_a_broken_user_file_is_a_clear_error(tmp_path):
    with pytest.raises(RolesFileError, match="cannot open"):
        load(str(tmp_path / "missing.toml"))
    bad = tmp_path / "bad.toml"
    bad.write_text("[[role]]\nvariants = ['x']\n", encoding="utf-8")
    with pytest.raises(RolesFileError, match="label"):
        load(str(bad))


def test_cli_roles_option_reaches_the_owners_and_the_roles_table(tmp_path, capsys):
    plan = tmp_path / "plan.txt"
    plan.write_text(PLAN, encoding="utf-8")
    roles = tmp_path / "roles.toml"
    roles.write_text(USER, encoding="utf-8")
    out = tmp_path / "out"
    assert main(["extract", str(plan), "--out", str(out), "--roles", str(roles),
                 "--jobs", "1"]) == 0
    actions = pd.read_parquet(out / "actions")
    assert [list(o) for o in actions["owners"]] == [
        ["Head of Customer Experience"], ["Head of Customer Experience"],
        ["Human Resources Manager", "Training and Development Manager"]]
    table = pd.read_parquet(out / "roles")
    match = dict(zip(table["spelling"], zip(table["role"], table["match"], table["mentions"])))
    assert match["HoCS"] == ("Head of Customer Experience", "builtin", 1)
    assert match["Head of Customer Services"] == ("Head of Customer Experience",
                                                  "vocabulary", 1)
    assert match["T&D Manager"][1] == "builtin"
    assert main(["extract", str(plan), "--out", str(out), "--roles",
                 str(tmp_path / "nope.toml")]) == 2
    assert "cannot open the roles file" in capsys.readouterr().err


def test_builtin_acronyms_follow_the_kind_of_body():
    from planextract.lexicon.role_vocab import sector_of

    assert sector_of("Kestrel Downs Constabulary", None) == "police"
    assert sector_of(None, "Marlston NHS Foundation Trust equality plan") == "nhs"
    assert sector_of("Westercombe Homes") == "housing"
    assert sector_of("Ivybridge Vale Borough Council") == "council"
    assert sector_of(None, None) is None
    # DCS is a council's Director of Children's Services, never spelled out so in a police plan
    assert resolve(["DCS"], {}, sector="council").rows[0].owners == [
        "Director of Children's Services"]
    assert resolve(["DCS"], {}, sector="police").rows[0].owners == ["DCS"]
    assert resolve(["CE"], {}, sector="police").rows[0].owners == ["Chief Executive"]
