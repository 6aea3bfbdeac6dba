"""The held-out half of every word pool (``--holdout``): wordings the readers' and the
normaliser's vocabularies were never written from.

``vocab.py`` and ``printed.py`` hold the pools the project has developed against (the
default corpus draws only from them, so ``make eval`` stays comparable). This module
holds, under the same names, other words plans of the family print for the same
things: other column headers per role, other date spellings, other roles and
sectors, action sentences that open with a noun phrase or ``To``/``We will`` instead
of an imperative verb, other objectives, outcomes, issues, headings. The rule for
this file: never copy a word from it into ``src/`` (fix the mechanism instead); add
to it freely. Everything is invented; no name is a real body or person.
"""

from __future__ import annotations

from corpus.printed import DateCase
from corpus.vocab import Role

ORG_KINDS = {
    "ambulance": ["Ambulance Service NHS Trust", "Ambulance Service"],
    "college": ["College", "College of Further Education"],
    "prison": ["Prison", "Young Offender Institution"],
    "park": ["National Park Authority"],
    "ccg": ["Clinical Commissioning Group"],
    "district": ["District Council", "Metropolitan Borough Council"],
}
PLACES = ["Ashcombe", "Birchwick", "Coldharbour Vale", "Deepdene", "Elmstead Moor", "Foxley",
          "Greyfriars Bay", "Hollins Cross", "Inglebrook", "Juniper Hill", "Kingsreach",
          "Lowther Edge", "Millbeck", "Netherfold", "Orrin Valley", "Penwarden", "Redwater",
          "Stonecross", "Tarnside", "Wexcombe"]
PLAN_TITLES = ["Equality Improvement Programme", "Inclusion Action Plan",
               "Fairness and Respect Plan", "Public Sector Equality Duty Action Plan",
               "Equality Outcomes Implementation Plan", "Access and Inclusion Plan",
               "Diversity Delivery Programme"]

HEADERS = {
    "action": ["Proposed action", "Planned action", "Intended action", "Work to be undertaken",
               "How we will achieve this", "What will be done", "Commitment",
               "Steps to be taken", "Delivery actions", "Action points", "Our actions",
               "Improvement action", "Key deliverables", "Key tasks", "Specific actions",
               "Activities / tasks", "Proposal", "Work programme", "Detail"],
    "owner": ["Responsibility", "Responsible", "Led by", "Owned by", "Named lead",
              "Service area", "Responsible manager", "Senior responsible officer",
              "Lead director", "Executive lead", "Lead(s)", "Delivery lead",
              "Who will do it", "Key contact", "Lead agency", "Post holder", "Accountable"],
    "due": ["Target completion", "Timing", "Completion by", "Date due", "Review date",
            "Timescales", "Expected completion", "When by", "Due by", "Delivery date",
            "Target for completion", "Key dates", "Timetable", "Target end date",
            "Schedule", "Time"],
    "outcome": ["Desired result", "Success looks like", "What will be different",
                "Expected impact", "Anticipated outcome", "Intended impact",
                "Objective to be achieved", "End result", "Expected benefit",
                "What success will look like"],
    "id": ["Item", "Ref no.", "Reference", "Action ref", "ID", "Nr", "No/Ref", ""],
    "progress": ["Progress report", "Latest update", "Position statement",
                 "Update on progress", "Notes", "Status update", "Remarks", "Commentary",
                 "Evidence of progress", "Achieved so far"],
    "rag": ["R/A/G", "RAG rating", "Traffic light", "Red/Amber/Green", "RAG rated"],
    "issue": ["Challenge", "Problem identified", "Area for improvement", "Barrier",
              "Current situation", "Rationale", "Identified need", "Reason for action",
              "Finding", "Evidence of need"],
    "theme": ["Focus area", "Key priority", "Area of work", "Corporate priority", "Pillar",
              "Domain"],
    "strand": ["Equality strand", "Characteristic(s)", "Equality area", "Group affected",
               "Protected group", "Relevant strand"],
    "start": ["Start by", "Commencing", "Begins", "Date from", "Starting", "Begin date"],
    "end": ["Finish", "Finish date", "Ends", "Date to", "Until"],
    "measure": ["Key performance indicator", "Indicator", "Success criteria",
                "How success will be measured", "Monitoring measure", "Target / measure"],
    "resources": ["Cost", "Budget", "Resources required", "Funding"],
}
SMART_ACTION = ["S - Specific", "Specific (what)"]
SMART_DUE = ["T - Time-bound", "Time bound (when)"]
# the action column of an outcome/measure table: a header that could be either
MEASURE_ACTION = ["Measures of success", "Measurable actions", "Key measures",
                  "Indicators", "Outcome measures"]
DELIVERY_HEADERS = [["Ref", "Concern raised", "Response", "Owner", "Update"],
                    ["No", "What staff told us", "What we will do", "Lead", "Position"]]
GROUP_LABELS = ["Ownership", "Delivery arrangements", "Who and when"]
KEY_HEADINGS = ["Abbreviations used", "Acronyms", "Glossary of terms"]
TABLE_TITLES = ["Community Cohesion Plan", "Workforce Development Plan",
                "Staff Feedback Response Plan", "Customer Access Plan"]
OBJECTIVE_HEADINGS = ["Equality objective {n}: {t}", "Aim {n} – {t}", "Priority {n} – {t}"]
OBJECTIVE_ROWS = ["Equality objective {n}: {t}", "{n}) {t}", "Aim {n} – {t}"]
STRAND_HEADING_FORMS = ["{s}", "{s} actions", "Protected characteristic: {s}"]
RAG_KEY = ["At risk", "Some slippage", "Achieved"]

# ---------------------------------------------------------------- roles
ROLES = [
    Role("Head of Organisational Development", ("Head of Organisational Development",
                                                "Organisational Development Head"),
         (("Head of OD", "OD", "Organisational Development"),)),
    Role("Workforce Planning Manager", ("Workforce Planning Manager",
                                        "Workforce Planning Mgr")),
    Role("Director of Operations", ("Director of Operations", "Operations Director",
                                    "Dir. Operations")),
    Role("Safeguarding Lead", ("Safeguarding Lead", "Lead for Safeguarding")),
    Role("Inclusion Manager", ("Inclusion Manager", "Inclusion Mgr")),
    Role("Procurement Manager", ("Procurement Manager", "Procurement Mgr"),
         (("PM", "PM", "Procurement Manager"),)),
    Role("Head of Customer Services", ("Head of Customer Services",
                                       "Customer Services Head")),
    Role("Head of Legal Services", ("Head of Legal Services", "Legal Services Head")),
    Role("Company Secretary", ("Company Secretary",)),
    Role("Performance and Information Manager", ("Performance and Information Manager",
                                                 "Performance & Information Manager"),
         conj=True),
    Role("Head of Community Engagement", ("Head of Community Engagement",
                                          "Community Engagement Head")),
    Role("Learning and Development Adviser", ("Learning and Development Adviser",
                                              "L&D Adviser"), conj=True),
    Role("Clinical Director", ("Clinical Director",), sectors=("ambulance", "ccg")),
    Role("Head of Paramedic Education", ("Head of Paramedic Education",),
         sectors=("ambulance",)),
    Role("Governor", ("Governor", "Number One Governor"), sectors=("prison",)),
    Role("Head of Residential Services", ("Head of Residential Services",
                                          "Residential Services Head"),
         sectors=("prison", "college")),
    Role("Vice Principal Curriculum", ("Vice Principal Curriculum", "VP Curriculum"),
         sectors=("college",)),
    Role("Head of Student Support", ("Head of Student Support", "Student Support Head"),
         sectors=("college",)),
    Role("Park Ranger Manager", ("Park Ranger Manager", "Ranger Manager"),
         sectors=("park",)),
    Role("Head of Visitor Services", ("Head of Visitor Services", "Visitor Services Head"),
         sectors=("park",)),
    Role("Chief Officer", ("Chief Officer",), sectors=("ccg", "district")),
    Role("Head of Commissioning", ("Head of Commissioning", "Commissioning Head"),
         sectors=("ccg",)),
    Role("Head of Planning", ("Head of Planning", "Planning Head"),
         sectors=("district", "park")),
    Role("Electoral Services Manager", ("Electoral Services Manager",),
         sectors=("district",)),
]
GIVEN = ["Aisling", "Bogdan", "Chidi", "Delyth", "Esther", "Faisal", "Gwen", "Hamish",
         "Ines", "Jarrah", "Kofi", "Lorna", "Mehmet", "Niamh"]
SURNAMES = ["Abernethy", "Bellamy", "Castellano", "Dunsford", "Etherington", "Fenwick",
            "Gallagher", "Hendry", "Iqbal", "Jessop", "Kowalczyk", "Lindqvist", "Moreau",
            "Ndlovu"]
TITLES = ["Mr", "Mrs", "Ms", "Chief Supt", "Governor"]

STRANDS = {
    "Ethnicity": ["Race"], "Disabled people": ["Disability"], "Older people": ["Age"],
    "Women": ["Sex"], "Belief": ["Religion or belief"],
    "Lesbian, gay and bisexual": ["Sexual orientation"],
    "Transgender": ["Gender reassignment"], "Maternity": ["Pregnancy and maternity"],
}
STRAND_HEADINGS = ["Ethnicity", "Disabled people", "Older people", "Women", "Belief",
                   "Transgender"]

# ---------------------------------------------------------------- sentences
# openings that are no imperative verb from vocab.VERBS: other verbs, and noun phrases
VERBS = ["Scope", "Benchmark", "Streamline", "Overhaul", "Revisit", "Reinforce",
         "Co-ordinate", "Roll out", "Signpost", "Scrutinise", "Tackle", "Mainstream",
         "Broaden", "Capture", "Redesign", "Simplify", "Resource", "Showcase"]
NOUNS = ["Review of", "Development of", "Introduction of", "Implementation of",
         "Continued roll-out of", "Annual review of", "Further work on", "A review of",
         "Ongoing monitoring of", "Consultation on", "Analysis of", "Evaluation of",
         "Creation of", "Refresh of", "Completion of"]
SHAPES = ["{Verb} {rest}", "To {verb} {rest}", "We will {verb} {rest}", "{Noun} {rest}",
          "{who} will {verb} {rest}", "{who} should {verb} {rest}"]
SHAPE_WEIGHTS = [2, 1, 1, 3, 1, 0.5]
SUBJECTS = ["Line managers", "The inclusion board", "Workforce services",
            "The corporate management team", "Every service area"]
OBJECTS = ["the shortlisting and interview arrangements", "job descriptions for bias",
           "the pay audit findings", "reasonable adjustment passports",
           "British Sign Language provision", "the staff networks' terms of reference",
           "translated patient leaflets", "the approach to positive action",
           "the buildings access statements", "equality data held on the case system",
           "the board's own diversity", "the prevention of harassment at work",
           "the corporate complaints data", "the hate incident protocol",
           "the menopause guidance for managers", "the carers' passport scheme",
           "the supplier diversity survey", "the gender identity guidance",
           "facilities for breastfeeding mothers", "the induction for board members",
           "the customer feedback cards", "the recording of ethnicity on referral",
           "the apprenticeship recruitment pipeline", "the volunteer role descriptions",
           "the digital inclusion offer", "the armed forces covenant commitments",
           "the staff exit survey", "the religious observance guidance",
           "the public consultation toolkit", "the parental leave entitlements",
           "the learning disability health checks", "the out-of-hours access arrangements"]
PURPOSES = ["to close the gaps identified in the audit", "ahead of the next inspection",
            "with the involvement of service users", "in every locality",
            "and share the learning across teams", "using the latest census data",
            "so that no group is disadvantaged", "with support from the union side",
            "within the current financial year", "alongside neighbouring organisations",
            "and track take-up by characteristic", "for front-line staff first"]
FOLLOW_UPS = ["present the findings to the inclusion board",
              "agree next steps with the staff networks",
              "feed back to the people who took part", "publish the outcome on the intranet"]
BULLET_ITEMS = ["baseline figures gathered", "staff networks consulted",
                "options paper agreed by directors", "pilot run in one locality",
                "lessons shared at team briefings", "results published internally",
                "quarterly returns checked", "case studies collected"]
ISSUES = ["Disabled applicants less likely to be shortlisted",
          "Ethnicity not recorded for a third of referrals",
          "Older people report difficulty using the website",
          "Women under-represented in operational roles",
          "Low staff confidence in reporting harassment",
          "Few interpreters booked for appointments",
          "Board papers rarely consider equality impact"]
THEMES = ["Fair employment", "Inclusive services", "Listening to communities",
          "Strong leadership", "Better information", "Safe and respectful workplaces"]
OBJECTIVES = ["Fair Recruitment", "Accessible Premises and Information",
              "Inclusive Leadership", "Evidence and Data", "Tackling Harassment",
              "Partnership Working", "Workforce Wellbeing", "Involving Communities"]
OUTCOMES = ["Recruitment is fair at every stage",
            "People can use our buildings and information independently",
            "Leaders model inclusive behaviour",
            "Our data shows who uses services and who does not",
            "Staff feel safe to raise concerns",
            "Community groups help shape our priorities",
            "Staff wellbeing is equal across groups",
            "Residents trust us to treat them fairly"]
PROGRESS = ["Scoping meeting held.", "Achieved.", "Behind schedule.",
            "Awaiting sign-off by directors.", "Partly achieved; rest carried forward.",
            "No update received.", ""]
SECTIONS = ["PART ONE: ORGANISATIONAL ACTIONS", "Annex B – Workforce", "Year 1 (2012/13)",
            "Chapter 2 – Services to the public", "STAGE TWO: DELIVERY"]
FOREWORD = ["Our commitments for the coming year are set out below, grouped by "
            "equality objective.",
            "Each commitment names who will lead it and when it will be finished; the "
            "inclusion board checks progress every quarter.",
            "Review of the previous plan found that some commitments lacked dates; this "
            "plan gives every one a date."]
EXTRA_KEY = [("EqIA", "Equality Impact Assessment"), ("PSED", "Public Sector Equality Duty"),
             ("LGB", "Lesbian, Gay and Bisexual"), ("JCC", "Joint Consultative Committee")]
MEASURE_TEXTS = ["Declaration rate above {n}%", "{n}% of managers trained",
                 "Gap reduced to {n}% or less", "Satisfaction at {n}% for all groups"]
RESOURCE_TEXTS = ["Officer time", "Met from the training budget", "£2,500 one-off cost",
                  "No additional cost"]

# ---------------------------------------------------------------- dates
# printed form                    due_kind    due_date      due_start
DATES = [
    DateCase("Q3 2011/12", "date", "2011-12-31"),
    DateCase("Q4 2012/13", "date", "2013-03-31"),
    DateCase("Autumn 2010", "date", "2010-11-30"),
    DateCase("Summer 2013", "date", "2013-08-31"),
    DateCase("End of March 2012", "date", "2012-03-31"),
    DateCase("2010-11", "date", "2011-03-31"),
    DateCase("2012/13", "date", "2013-03-31"),
    DateCase("By Dec 2010", "date", "2010-12-31"),
    DateCase("31st March 2013", "date", "2013-03-31"),
    DateCase("March 31, 2014", "date", "2014-03-31"),
    DateCase("31-Mar-12", "date", "2012-03-31"),
    DateCase("Jan-13", "date", "2013-01-31"),
    DateCase("2012-06-30", "date", "2012-06-30"),
    DateCase("End 2012", "date", "2012-12-31"),
    DateCase("By end of 2014", "date", "2014-12-31"),
    DateCase("w/e 14/09/2012", "date", "2012-09-14"),
    DateCase("Jan to Mar 2012", "range", "2012-03-31", "2012-01-01"),
    DateCase("2011/12 – 2013/14", "range", "2014-03-31", "2011-04-01"),
    DateCase("Sept 2011 until March 2012", "range", "2012-03-31", "2011-09-01"),
    DateCase("Spring 2012 - Summer 2013", "range", "2013-08-31", "2012-03-01"),
    DateCase("Ongoing - annual", "ongoing", None),
    DateCase("Every six months", "ongoing", None),
    DateCase("Each quarter", "ongoing", None),
    DateCase("Bi-monthly", "ongoing", None),
    DateCase("Apr 2012 onwards", "ongoing", None, "2012-04-01"),
    DateCase("Starting June 2013", "ongoing", None, "2013-06-01"),
    DateCase("March 2012 and March 2013", "multiple", "2013-03-31"),
    DateCase("Interim June 2012; final December 2012", "multiple", "2012-12-31"),
    DateCase("31/04/2012", "date", None, None, "date_impossible"),
    DateCase("To be agreed", "unknown", None),
    DateCase("As required", "unknown", None),
    DateCase("", "none", None),
]
START_END = [
    (("Q1 2012/13", "Q4 2012/13"), DateCase("Q1 2012/13 – Q4 2012/13", "range",
                                            "2013-03-31", "2012-04-01")),
    (("Autumn 2011", "Spring 2012"), DateCase("Autumn 2011 – Spring 2012", "range",
                                              "2012-05-31", "2011-09-01")),
    (("01-Apr-13", "31-Mar-14"), DateCase("01-Apr-13 – 31-Mar-14", "range",
                                          "2014-03-31", "2013-04-01")),
    (("2013", "Continuing"), DateCase("2013 – Continuing", "ongoing", None, "2013-01-01")),
    (("Jun-12", "Dec-12"), DateCase("Jun-12 – Dec-12", "range", "2012-12-31", "2012-06-01")),
]
