"""Owners on plans nobody has seen: what the plan's own cells show (session 23).

- A word printed straight after a known title (``Ms Lindqvist``) is a surname the
  plan shows, so a role piece that also holds it (``Vice Principal Curriculum,
  Governor Lindqvist``, its comma kept) does not make it a role word of the plan.
- An ``and`` before a post noun with its ``of``/``for`` phrase (``Head of Student
  Support``) opens the next owner: that post cannot share a head with the words
  before it (``VP Curriculum``).
- A word the plan prints as an owner alone and closing a longer owner with no
  ``of`` phrase (``Governor``, ``Number One Governor``) is a post noun of that plan;
  never an abstract noun nor a gerund.
- ``Director`` goes first after a plural noun (``Operations Director`` -> ``Director
  of Operations``), so one role carries one label in every plan.
- An unnamed column of post names is the owner column even when the posts open
  with a verb (``Lead for``, ``Head``): such cells are no sentences.

Each rule has a document written from the printed values that showed it and a
second that differs in everything but the rule. The words are made up, from no
corpus pool."""

from reference_resolve import reference_resolve

from planextract.normalise import column_evidence, owners


def _resolve(cells: list[str | None]) -> list[tuple[list[str], list[str]]]:
    return [(list(r.owners), list(r.people)) for r in owners.resolve(cells, {}).rows]


def _owners(cells: list[str | None]) -> list[list[str]]:
    return [o for o, _ in _resolve(cells)]


# ---- a word after a known title is no role word of the plan ----------------------

def test_a_surname_after_a_title_is_not_vetoed_by_a_role_piece_holding_it():
    # commas kept inside roles here (Kiln Clerk, Glazing Services): the first piece
    # is one role with a head noun, and held Vostrikk as a role word of the plan
    rows = _resolve(["Vice Kiln Clerk, Almoner Vostrikk", "Ms Vostrikk",
                     "Kiln Clerk, Glazing Services"])
    assert rows[1] == ([], ["Ms Vostrikk"])


def test_a_second_document_differing_in_all_but_the_rule():
    # commas part owners here, slashes and line breaks, a title of two words
    rows = _resolve(["Harbour Clerk, Weir Steward Dragomirr\nTide Manager",
                     "Chief Supt Dragomirr/Tide Manager", "Harbour Clerk, Sluice Services"])
    assert rows[1] == (["Tide Manager"], ["Chief Supt Dragomirr"])


def test_a_word_no_title_stands_before_stays_a_role_word():
    rows = _resolve(["Harbour Clerk, Weir Steward Dragomirr\nTide Manager", "Tide Manager"])
    assert all(people == [] for _, people in rows)


# ---- an and before a post with its of phrase -------------------------------------

def test_an_and_before_a_post_with_its_of_phrase_opens_the_next_owner():
    rows = _owners(["Quay Almoner and Head of Moorings", "Head of Moorings and Berths",
                    "Tide Manager"])
    assert rows[0] == ["Quay Almoner", "Head of Moorings"]
    assert rows[1] == ["Head of Moorings and Berths"]  # an of phrase still runs on


def test_a_second_document_for_the_post_before_the_and():
    # an ampersand, a rank before the post noun, for instead of of, a line break
    rows = _owners(["Outer Basin Gaugemaster & Deputy Director for Glazing\nTide Manager"])
    assert rows[0] == ["Outer Basin Gaugemaster", "Deputy Director for Glazing",
                       "Tide Manager"]


# ---- a post noun the plan shows --------------------------------------------------

def test_a_word_printed_alone_and_closing_a_longer_owner_is_a_post_noun():
    rows = _owners(["Kilnwright", "Upper Sluice Kilnwright and Tide Manager",
                    "Head of Moorings and Kilnwright"])
    assert rows[1] == ["Upper Sluice Kilnwright", "Tide Manager"]
    assert rows[2] == ["Head of Moorings", "Kilnwright"]


def test_a_second_document_for_the_plans_post_noun():
    # slashes, ampersands, a line break, another made-up post
    rows = _owners(["Gaugemaster/Weir Clerk", "Outer Basin Gaugemaster & Tide Officer",
                    "Director of Sluices & Gaugemaster\nWeir Clerk"])
    assert rows[1] == ["Outer Basin Gaugemaster", "Tide Officer"]
    assert rows[2] == ["Director of Sluices", "Gaugemaster", "Weir Clerk"]


def test_an_abstract_noun_or_a_gerund_is_no_post_noun():
    rows = _owners(["Estate Refurbishment", "Refurbishment", "Head of Glazing and Refurbishment",
                    "Lock Gauging", "Gauging", "Director of Weirs & Gauging"])
    assert rows[2] == ["Head of Glazing and Refurbishment"]
    assert rows[5] == ["Director of Weirs and Gauging"]


def test_a_word_printed_alone_only_is_no_post_noun():
    # nothing closes a longer owner with it: the of phrase runs on, as before
    assert _owners(["Kilnwright", "Head of Moorings and Kilnwright"])[1] == \
        ["Head of Moorings and Kilnwright"]


# ---- Director first after a plural noun -----------------------------------------

def test_director_goes_first_after_a_plural_noun():
    assert _owners(["Moorings Director"]) == [["Director of Moorings"]]
    assert _owners(["Director of Moorings"]) == [["Director of Moorings"]]
    # a second document: a rank in front, a slash
    assert _owners(["Deputy Sluices Director/Tide Manager"]) == \
        [["Deputy Director of Sluices", "Tide Manager"]]


def test_director_stays_after_a_word_that_may_be_an_adjective():
    assert _owners(["Campus Director"]) == [["Campus Director"]]  # -us: no plural
    assert _owners(["Kiln Business Director"]) == [["Kiln Business Director"]]  # -ss
    assert _owners(["Glazing Director"]) == [["Glazing Director"]]


# ---- the owner column shown by its cells ----------------------------------------

ACTIONS = ["Review the mooring fees with every boat owner",
           "Publish the lock rota on the notice board",
           "Train the sluice keepers in the new gauges",
           "Survey the weir banks after each flood",
           "Agree a tide table with the harbour"]
POSTS = ["Lead for Moorings and Head of Sluices and Tide Manager",
         "Lead for Locks and Kilnwright Clerk", "Head of Sluices and Lead for Gauges",
         "Lead for Weirs and Tide Manager and Head of Moorings", "Lead for Tides"]


def test_an_unnamed_column_of_posts_opening_with_verbs_is_the_owner_column():
    headers = ["Area", "What we will do", "When", "Post holder"]
    roles = ["extra", "action", "due", "extra"]
    columns = [["Moorings", "Moorings", "Sluices", "Sluices", "Weirs"], ACTIONS,
               ["March 2031", "Summer 2031", "Ongoing", "April 2032", "End 2031"], POSTS]
    for resolve in (column_evidence.resolve, reference_resolve):
        assert resolve(headers, roles, columns).roles[3] == "owner"


def test_a_second_table_differing_in_all_but_the_rule():
    # numbered, the owners before the dates, Chair of and slashes, other openings
    headers = ["No.", "Task", "Responsible body", "Deadline"]
    roles = ["action_id", "action", "extra", "due"]
    columns = [["4.1", "4.2", "4.3", "4.4"],
               ["We will audit every kiln once a year", "To chart the quay walls and slipways",
                "Repaint the lock gates", "Managers should log each closure"],
               ["Chair of Kiln Board & Lead for Quays", "Lead for Slipways / Dock Foreman",
                "Lead for Lock Gates & Chair of Kiln Board", "Chair of Kiln Board"],
               ["31.3.31", "Q2 2031/32", "Quarterly", "31.12.31"]]
    for resolve in (column_evidence.resolve, reference_resolve):
        assert resolve(headers, roles, columns).roles[2] == "owner"


def test_sentences_naming_posts_keep_their_action_score():
    sentences = ["Train every kiln manager in glazing safety",
                 "Brief the harbour officers on the new tide table",
                 "Lead the review of mooring fees with the lock keepers"]
    assert column_evidence.unposted_action_score(sentences) == \
        column_evidence.action_score(sentences)
    assert column_evidence.unposted_action_score(POSTS) == 0.0


# ---- run together: of as few pieces, the most the plan prints alone ---------------

def test_a_run_together_cell_is_cut_where_the_plan_prints_its_pieces_alone():
    # a drawn PDF's lost line break: Head of Lock | Repairs Weir Clerk cut first
    rows = _owners(["Weir Clerk/Head of Lock Repairs", "Head of Lock Repairs Weir Clerk"])
    assert rows[1] == ["Head of Lock Repairs", "Weir Clerk"]


def test_a_second_document_for_the_run_together_cut():
    # a line break, a Director of phrase of three words, another post noun
    rows = _owners(["Glazing Officer\nDirector of Kiln Safety Checks", "Deputy Quay Adviser",
                    "Director of Kiln Safety Checks Glazing Officer"])
    assert rows[2] == ["Director of Kiln Safety Checks", "Glazing Officer"]


# ---- the words of the plan's own body's name are generic in its posts -------------

def _with_body(cells: list[str | None], body: str | None) -> list[list[str]]:
    return [list(r.owners) for r in owners.resolve(cells, {}, body=body).rows]


def test_a_word_of_the_bodys_name_more_or_less_is_one_role():
    cells = ["Harbour Tide Officer", "Tide Officer and Head of Kilns", "Head of Kilns"]
    assert _with_body(cells, None)[1] == ["Tide Officer", "Head of Kilns"]
    rows = _with_body(cells, "Kilnmere Harbour Trust")
    assert rows[0] == ["Harbour Tide Officer"]
    assert rows[1] == ["Harbour Tide Officer", "Head of Kilns"]


def test_a_second_document_for_the_bodys_words():
    # slashes and line breaks, a body of other words, the shorter spelling first
    cells = ["Sluice Manager/Weir Clerk", "Weir Clerk\nLock Sluice Manager"]
    rows = _with_body(cells, "Upper Wold Lock Authority")
    assert rows[0][0] == rows[1][1] == "Lock Sluice Manager"


def test_a_word_outside_the_bodys_name_keeps_two_posts():
    cells = ["Quay Tide Officer", "Tide Officer"]
    assert _with_body(cells, "Kilnmere Harbour Trust") == [["Quay Tide Officer"],
                                                          ["Tide Officer"]]


# ---- a date in an owner column is a row's swap, not evidence against it -----------

def test_a_date_swapped_into_the_owner_column_is_left_out_of_its_share():
    cells = ["Spring 2031", "Almoner Quill", "Upper Kilnwright", "Tide Manager",
             "Lead for Glazing", "Head of Sluices", "Weir Clerk, Tide Manager"]
    assert column_evidence.owner_like(cells)
    assert not column_evidence.owner_like(["Spring 2031", "31.3.31", "Ongoing"])


def test_a_second_column_for_the_swapped_date():
    # an unnamed owner column in a table, other dates, other unknown posts
    headers = ["No.", "Task", "Unit", "Deadline"]
    roles = ["action_id", "action", "extra", "due"]
    columns = [[str(n) for n in range(1, 10)],
               ["We will audit every kiln once a year", "To chart the quay walls",
                "Repaint the lock gates", "Managers should log each closure",
                "Publish the slipway rota", "Survey the kiln chimneys",
                "To agree a glazing standard", "We will list every berth",
                "Clean the sluice channels"],
               ["Q1 2031/32", "Reeve Bellhouse", "Glazing Officer", "Dock Foreman & Quay Adviser",
                "Lower Lockkeeper", "Berth Warden Tasker", "Kiln Officer", "Slipway Adviser",
                "Quay Steward"],
               ["Kiln Adviser", "31.12.31", "Quarterly", "April 2032", "Summer 2031",
                "Autumn 2031", "Ongoing", "31.3.32", "Winter 2031"]]
    for resolve in (column_evidence.resolve, reference_resolve):
        assert resolve(headers, roles, columns).roles[2] == "owner"
