"""The words plans of the family use: bodies, column headers per role, roles with
their printed spellings, people, the pieces action sentences are made of.

Everything here is invented: no name is a real body or person. A role's canonical
label is its spelled-out form and is the same in every document (the scorer's
cross-document owner measure checks that one role keeps one label).
"""

from __future__ import annotations

from dataclasses import dataclass, field

# ---------------------------------------------------------------- organisations
# (kind, invented places); the name is "<place> <suffix>"
ORG_KINDS = {
    "probation": ["Probation Trust", "Probation Service"],
    "police": ["Police", "Constabulary"],
    "nhs": ["NHS Foundation Trust", "Healthcare NHS Trust"],
    "council": ["Borough Council", "County Council", "City Council"],
    "university": ["University"],
    "fire": ["Fire and Rescue Service"],
    "housing": ["Housing Association", "Homes"],
}
PLACES = ["Aldermoor", "Brackenfield", "Cresswold", "Dunmere", "Eastholme", "Fallowby",
          "Glenvale", "Harrowden", "Ivybridge Vale", "Kestrel Downs", "Langmoor", "Marlston",
          "Northwick", "Oakhollow", "Pennerley", "Queensmead", "Ravensford", "Saltmarsh",
          "Thornbury Heath", "Upperdale", "Westercombe", "Yarrowfield"]
PLAN_TITLES = ["Single Equality Scheme Action Plan", "Equality and Diversity Action Plan",
               "Equality Objectives Delivery Plan", "Equality, Diversity and Inclusion Plan",
               "Race Equality Scheme Action Plan", "Disability Equality Action Plan",
               "Workforce Equality Improvement Plan", "Equality Strategy Delivery Plan"]

# ---------------------------------------------------------------- column headers
# Several printed wordings per column role; the layouts pick one per table.
HEADERS = {
    "action": ["Action", "Actions", "What we will do", "Action agreed", "Action(s)",
               "Description", "Recommendation", "Task", "Actions to be taken",
               "Action required", "Key actions", "Measure", "Action / Measurable Outcome",
               "Planned activity", "Activity", "Actions planned"],
    "owner": ["Lead", "Owner", "Responsible party", "Department", "Contact", "By whom",
              "Who", "Lead officer", "Responsible officer", "Action owner", "Accountable officer",
              "Lead person"],
    "due": ["Due", "By when", "Deadline", "Time frame", "Target date", "Timescale",
            "Completion date", "When", "Date for completion", "Target", "Milestone"],
    "outcome": ["Outcome", "Aim", "Objective", "Expected result", "Outcomes",
                "What we want to achieve", "Intended outcome", "Desired outcome", "Goal"],
    "id": ["No", "Ref", "No.", "Ref.", "Action No", "#", ""],
    "progress": ["Progress", "Update", "Progress update", "Current position", "Status",
                 "Comments", "Progress to date"],
    "rag": ["RAG", "RAG status", "Status (RAG)", "Rating"],
    "issue": ["Issue", "Issue to be addressed", "Identified issue", "Gap identified",
              "Why this matters"],
    "theme": ["Theme", "Strategic theme", "Priority area", "Workstream"],
    "strand": ["Strand", "Diversity strand", "Protected characteristic", "Equality group"],
    "start": ["Start", "Start date", "From"],
    "end": ["End", "End date", "To"],
    "measure": ["Measurable", "How we will measure success", "Success measure",
                "Performance measure", "Evidence of success"],
    "resources": ["Achievable (resources)", "Resources", "Resource implications"],
}
SMART_ACTION = ["Specific action", "Specific"]
SMART_DUE = ["Time-bound", "Timed"]

# ---------------------------------------------------------------- roles


@dataclass(frozen=True)
class Role:
    """One role: its canonical label, spellings any plan may print, and spellings a
    plan may print only when its key defines an abbreviation in them: (spelling,
    abbreviation, expansion), e.g. ("SPOs", "SPO", "Senior Probation Officer")."""

    label: str
    spellings: tuple[str, ...]
    keyed: tuple[tuple[str, str, str], ...] = ()
    sectors: tuple[str, ...] = ()  # empty: any kind of body
    comma: bool = False  # the label itself holds a comma: never in a comma-separated cell
    slash: bool = False  # a spelling holds a slash: never in a slash-separated cell
    conj: bool = field(default=False)  # holds " and ": never joined by " and "


ROLES = [
    Role("Head of Human Resources", ("Head of Human Resources", "Head of HR", "HR Head",
                                     "Hd HR"), (("HoHR", "HoHR", "Head of Human Resources"),),
         conj=False),
    Role("Human Resources Manager", ("Human Resources Manager", "HR Manager", "HR Mgr")),
    Role("Equality and Diversity Manager", ("Equality and Diversity Manager",
                                            "Equality & Diversity Manager",
                                            "Equality and Diversity Mgr"),
         (("EDM", "EDM", "Equality and Diversity Manager"),
          ("E&D Manager", "E&D", "Equality and Diversity")), conj=True),
    Role("Chief Executive", ("Chief Executive", "Chief Exec.", "CE")),
    Role("Deputy Chief Executive", ("Deputy Chief Executive", "Deputy Chief Exec.",
                                    "Dep. Chief Executive"),
         (("DCE", "DCE", "Deputy Chief Executive"),)),
    Role("Director of Finance", ("Director of Finance", "Finance Director", "Dir. Finance"),
         (("DoF", "DoF", "Director of Finance"),)),
    Role("Head of Estates", ("Head of Estates", "Estates Head", "Hd Estates")),
    Role("Training and Development Manager", ("Training and Development Manager",
                                              "T&D Manager", "T & D Manager"),
         (("T&DM", "T&DM", "Training and Development Manager"),), conj=True),
    Role("Head of Learning and Development", ("Head of Learning and Development",
                                              "Head of L&D",
                                              "Head of Learning & Development"), conj=True),
    Role("Communications Manager", ("Communications Manager", "Comms Manager", "Comms Mgr")),
    Role("Senior Management Team", ("Senior Management Team", "SMT")),
    Role("Board Secretary", ("Board Secretary", "Secretary to the Board")),
    Role("Policy Officer", ("Policy Officer", "Policy Officers")),
    Role("Equality Officer", ("Equality Officer", "Equalities Officer")),
    Role("Head of Facilities", ("Head of Facilities", "Facilities Head")),
    Role("Diversity Manager", ("Diversity Manager", "Diversity Mgr")),
    Role("Estates Manager", ("Estates Manager",)),
    Role("Assistant Chief Officer", ("Assistant Chief Officer", "ACO"),
         sectors=("probation",)),
    Role("Area Manager", ("Area Manager", "Area Mgr"), (("AM", "AM", "Area Manager"),),
         sectors=("probation", "housing", "fire")),
    Role("Area Business Manager", ("Area Business Manager",),
         (("ABM", "ABM", "Area Business Manager"),), sectors=("probation",)),
    Role("Senior Probation Officer", ("Senior Probation Officer",),
         (("SPO", "SPO", "Senior Probation Officer"),
          ("SPOs", "SPO", "Senior Probation Officer")), sectors=("probation",)),
    Role("Assistant Chief Officer Human Resources", ("ACO HR", "ACO – HR", "HR ACO", "ACO -HR",
                                                     "Assistant Chief Officer HR"),
         sectors=("probation",)),
    Role("Assistant Chief Constable Operations", ("Assistant Chief Constable Operations",
                                                  "ACC Ops", "ACC Operations"),
         sectors=("police",)),
    Role("Chief Inspector Operations", ("Chief Inspector Operations", "C/Insp Ops",
                                        "Ch Insp Operations"), sectors=("police",), slash=True),
    Role("Head of Professional Standards", ("Head of Professional Standards",
                                            "Professional Standards Head"),
         sectors=("police", "fire")),
    Role("Director of Public Health", ("Director of Public Health", "Public Health Director"),
         (("DPH", "DPH", "Director of Public Health"),), sectors=("nhs", "council")),
    Role("Director of Nursing", ("Director of Nursing", "Nursing Director", "Dir. Nursing"),
         sectors=("nhs",)),
    Role("Head of Patient Experience", ("Head of Patient Experience", "Patient Experience Lead"),
         sectors=("nhs",)),
    Role("Head of Housing Services", ("Head of Housing Services", "Housing Services Head"),
         (("HHS", "HHS", "Head of Housing Services"),), sectors=("housing", "council")),
    Role("Tenant Involvement Officer", ("Tenant Involvement Officer", "Tenant Involvement Off."),
         sectors=("housing",)),
    Role("Station Manager", ("Station Manager", "Stn Manager"), sectors=("fire",)),
    Role("Community Safety Manager", ("Community Safety Manager", "Community Safety Mgr"),
         (("CSM", "CSM", "Community Safety Manager"),), sectors=("fire", "council", "police")),
    Role("Pro Vice-Chancellor Education", ("Pro Vice-Chancellor Education",
                                           "Pro-Vice-Chancellor Education", "PVC Education"),
         sectors=("university",)),
    Role("Academic Registrar", ("Academic Registrar", "Registrar"), sectors=("university",)),
    Role("Manager, Disability Services", ("Manager, Disability Services",
                                          "Disability Services Manager"),
         sectors=("university",), comma=True),
    Role("Head of Democratic Services", ("Head of Democratic Services",
                                         "Democratic Services Head"), sectors=("council",)),
]

# People: (printed shape, role label or None, person as canonical). Given names and
# surnames are invented pairs.
GIVEN = ["Fiona", "Rob", "Amara", "Tomasz", "Priya", "Gareth", "Helen", "Kwame", "Siobhan",
         "Martin", "Leona", "Darren", "Yusuf", "Clare", "Bethany", "Owen"]
SURNAMES = ["Washington", "Malcolm", "Okafor", "Nowak", "Raman", "Pryce", "Ashdown", "Mensah",
            "Doyle", "Fairbairn", "Quayle", "Holt", "Rahman", "Beaumont", "Tranter", "Lowe"]
TITLES = ["Dr", "Cllr", "Professor", "Supt", "Watch Commander"]

# ---------------------------------------------------------------- strands
# printed -> canonical list
STRANDS = {
    "Race": ["Race"], "Disability": ["Disability"], "Age": ["Age"],
    "Gender": ["Sex"], "Sex": ["Sex"], "Faith": ["Religion or belief"],
    "Religion or Belief": ["Religion or belief"], "Sexual Orientation": ["Sexual orientation"],
    "LGBT": ["Sexual orientation", "Gender reassignment"],
    "Gender Reassignment": ["Gender reassignment"],
    "Pregnancy & Maternity": ["Pregnancy and maternity"],
    "Pregnancy and Maternity": ["Pregnancy and maternity"], "All": ["All"],
    "Carers": ["Carers"],
}
STRAND_HEADINGS = ["Race", "Disability", "Gender", "Age", "Religion or Belief",
                   "Sexual Orientation", "Pregnancy & Maternity", "Gender Reassignment"]

# ---------------------------------------------------------------- sentences
VERBS = ["Develop", "Review", "Publish", "Deliver", "Introduce", "Monitor", "Analyse",
         "Establish", "Consult on", "Agree", "Update", "Extend", "Audit", "Commission",
         "Evaluate", "Refresh", "Promote", "Embed", "Pilot", "Report on"]
# how plans word an action: mostly imperative, also "To ...", "X to ...", "We will ..."
SHAPES = ["{Verb} {rest}", "To {verb} {rest}", "{who} to {verb} {rest}",
          "We will {verb} {rest}"]
SHAPE_WEIGHTS = [6, 1.5, 1.5, 1]
SUBJECTS = ["All managers", "Each directorate", "The equality group", "HR",
            "Service leads", "The project board"]
OBJECTS = ["the recruitment and selection policy", "equality impact assessments of new policies",
           "the staff diversity profile", "mandatory equality training for managers",
           "the complaints procedure", "accessible information standards",
           "the reasonable adjustments process", "a staff disability network",
           "monitoring data on service users", "the procurement equality clauses",
           "the flexible working policy", "a mentoring scheme for under-represented staff",
           "exit interview data", "the annual equality report", "community engagement plans",
           "hate crime reporting arrangements", "interpreting and translation services",
           "the estates accessibility audit", "the gender pay gap report",
           "satisfaction surveys of service users", "the apprenticeship programme",
           "the dignity at work policy", "partnership agreements with local groups",
           "the website content for accessibility", "workforce monitoring returns",
           "the leadership development programme", "the carers leave policy",
           "prayer and quiet room provision", "the induction pack for new staff",
           "the use of restraint by ethnicity", "access to premises for wheelchair users",
           "the volunteer recruitment process", "targeted outreach events",
           "sickness absence data by protected characteristic", "the staff survey results",
           "the equality scheme's consultation plan", "grievance and disciplinary outcomes",
           "the customer access strategy", "data sharing with the local authority",
           "pay and grading decisions", "the estates strategy for new buildings"]
PURPOSES = ["to identify and remove barriers", "so that gaps are closed by year end",
            "with the staff networks", "across all local delivery units",
            "and report findings to the board", "to meet the public sector equality duty",
            "in line with the Equality Act 2010", "to improve take-up by minority groups",
            "and publish the results on the website", "with partner agencies",
            "to ensure decisions are evidence based", "and agree actions with managers",
            "for every directorate", "so that service users can give feedback",
            "to increase representation at senior grades"]
FOLLOW_UPS = ["report progress to the equality group", "share the results with staff",
              "review the position after twelve months", "set targets for next year",
              "publish a summary for the public",
              "report progress to the scrutiny committee"]
BULLET_ITEMS = ["data analysed by protected characteristic", "findings shared with staff",
                "actions agreed with the trade unions", "progress reported quarterly",
                "guidance issued to managers", "targets set for next year",
                "good practice shared with partners", "training materials refreshed",
                "feedback gathered from service users", "an action log kept up to date"]
ISSUES = ["Low declaration rates in workforce data", "Under-representation at senior grades",
          "Few complaints recorded by protected characteristic",
          "Limited engagement with disabled service users",
          "Training completion below target in some teams",
          "Gaps in monitoring of service outcomes", "Premises not fully accessible",
          "Inconsistent use of impact assessments"]
THEMES = ["Leadership and governance", "Our workforce", "Service delivery",
          "Community engagement", "Knowing our communities", "Accessible services"]
OBJECTIVES = ["Leadership and Governance", "Equality Impact Assessment",
              "Staff Training and Development", "Employment Duties", "Service Delivery",
              "Procurement and Commissioning", "Publication and Review",
              "Engagement and Consultation"]
OUTCOMES = ["Staff understand their duties under the equality scheme",
            "Decisions are informed by equality evidence",
            "The workforce reflects the communities we serve",
            "Services are accessible to everyone who needs them",
            "Complaints and feedback are used to improve services",
            "Managers lead on equality in their teams",
            "Partners share our commitment to equality",
            "Progress is reported openly to the public"]
PROGRESS = ["Draft prepared and circulated for comment.", "Complete.", "On track.",
            "Delayed by restructure; new date agreed.", "Working group established.",
            "Report presented to the board in the autumn.", "Not yet started.", ""]
SECTIONS = ["SECTION 1: CORPORATE OBJECTIVES", "Part A – Corporate actions",
            "PRIORITY A. OUR STAFF", "Year 2: 2011-12", "SECTION TWO: SERVICE DELIVERY"]

# ---------------------------------------------------------------- other printed words
# (literals of the layouts and the document frame, kept here so ``--holdout`` can swap
# them for ``heldout.py``'s)
NOUNS: list[str] = []  # noun-phrase openings ("Review of"): none in the seen pool
# the action column of an outcome/measure table (a header that could name either)
MEASURE_ACTION = ["Measure", "Measures", "Success measure", "Performance measure"]
# the second table of a delivery plan: None is drawn from HEADERS["owner"]
DELIVERY_HEADERS = [["Action", "Issue identified", "Agreed action", None, "Current position"]]
GROUP_LABELS = ["Delivery", "Responsibility", "Accountability and timescale"]
KEY_HEADINGS = ["Key to abbreviations", "Abbreviations", "Glossary"]
TABLE_TITLES = ["Corporate Delivery Plan", "Workforce Action Plan",
                "Staff Survey Delivery Plan", "Service Delivery Plan"]
OBJECTIVE_HEADINGS = ["Objective {n}: {t}"]
OBJECTIVE_ROWS = ["Objective {n}: {t}", "{n}. {t}"]
STRAND_HEADING_FORMS = ["{s}", "{s} equality", "Strand: {s}"]
RAG_KEY = ["Objective in jeopardy", "Progressing - objective likely to be met",
           "Objective met"]
# numbered paragraphs of prose: narrative, never actions
FOREWORD = ["This plan sets out the actions we will take over the next year to meet our "
            "equality objectives.",
            "Each action has a lead officer and a date by which it will be completed; "
            "progress is reported to the equality group.",
            "Develop and publish an annual report is one of the duties the plan supports; "
            "the actions themselves are listed in the table below."]
EXTRA_KEY = [("EIA", "Equality Impact Assessment"), ("SES", "Single Equality Scheme"),
             ("BME", "Black and Minority Ethnic"), ("JNCC", "Joint Negotiating Committee")]
MEASURE_TEXTS = ["{n}% of staff report improvement"]
RESOURCE_TEXTS = ["Within existing budget", "Staff time", "£5,000 training budget"]
