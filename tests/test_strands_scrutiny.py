from planextract.normalise.scrutiny import split_bodies
from planextract.normalise.strands import is_common_heading, map_strands, strands_in_heading


def test_strand_words_map_to_the_vocabulary():
    assert map_strands("Race, LGBT, Disability and Careers") == (
        ["Race", "Sexual orientation", "Gender reassignment", "Disability", "Carers"], True)
    assert map_strands("Faith, Race")[0] == ["Religion or belief", "Race"]
    assert map_strands("Gender")[0] == ["Sex"]
    assert map_strands("Religion and Belief")[0] == ["Religion or belief"]
    assert map_strands("Veterans")[0] == ["Veterans"]
    assert map_strands("")[0] == []


def test_strand_headings_and_common_sections():
    assert strands_in_heading("RACE EQUALITY") == ["Race"]
    assert strands_in_heading("SEXUAL ORIENTATION EQUALITY") == ["Sexual orientation"]
    assert strands_in_heading("LEADERSHIP AND GOVERNANCE") == []
    assert is_common_heading("SECTION ONE: SES COMMON OBJECTIVES")
    assert not is_common_heading("SECTION 2: ACTIONS SPECIFIC TO PARTICULAR EQUALITY STRANDS")


def test_scrutiny_split_and_rejoin():
    known = {"HRC", "DSG", "ET", "Board", "DIS"}
    assert split_bodies("HR ACO/HRC /DSG", known) == ["HR ACO", "HRC", "DSG"]
    assert split_bodies("Board/ET/D SG/DIG", known) == ["Board", "ET", "DSG", "DIG"]
    assert split_bodies("ET/HRC DSG", known) == ["ET", "HRC", "DSG"]
    assert split_bodies("ET’DSG", known) == ["ET", "DSG"]
    assert split_bodies("CE//Board/DSG", known) == ["CE", "Board", "DSG"]
    assert split_bodies("Board Board", known) == ["Board"]
    assert split_bodies("All ACO/senior managers", known) == ["All ACO", "senior managers"]
