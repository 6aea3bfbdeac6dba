"""The groups of people a protected characteristic protects, as plans name them.

A strand cell or heading often names the people a strand is for rather than the
characteristic (``Older people`` for Age, ``Women`` for Sex). The words below are the
class "a protected characteristic's group words": written from the Equality Act 2010's
characteristics (ss. 5-12) and the ways public bodies commonly name each one's groups,
not from any plan. ``strands`` reads them exactly (never by a fuzzy match: ``men``
is no misspelling of anything), alone or before a noun for people (``Older staff``).
"""

from __future__ import annotations

_SEX = ["Sex"]
_AGE = ["Age"]
_RACE = ["Race"]
_BELIEF = ["Religion or belief"]
_ORIENTATION = ["Sexual orientation"]
_REASSIGNMENT = ["Gender reassignment"]
_PREGNANCY = ["Pregnancy and maternity"]
_MARRIAGE = ["Marriage and civil partnership"]
_DISABILITY = ["Disability"]

GROUPS: dict[str, list[str]] = {
    # sex (s. 11): a man or a woman, of any age
    **dict.fromkeys(["women", "woman", "men", "man", "girls", "boys", "female", "females",
                     "male", "males"], _SEX),
    # age (s. 5): a group by age, old or young
    **dict.fromkeys(["older", "old", "younger", "young", "elderly", "pensioners", "children",
                     "child", "over 50s", "over 60s", "over 65s"], _AGE),
    # race (s. 9): colour, nationality, ethnic or national origins
    **dict.fromkeys(["black", "asian", "minority ethnic", "ethnic minority",
                     "ethnic minorities", "gypsy", "gypsies", "travellers", "roma"], _RACE),
    # religion or belief (s. 10): faith groups and named religions, or none
    **dict.fromkeys(["faiths", "muslim", "muslims", "christian", "christians",
                     "jewish", "jews", "hindu", "hindus", "sikh", "sikhs", "buddhist",
                     "buddhists", "humanist", "humanists", "atheist", "atheists"], _BELIEF),
    # sexual orientation (s. 12)
    **dict.fromkeys(["gay", "gays", "lesbian", "lesbians", "bisexual", "bisexuals"],
                    _ORIENTATION),
    # gender reassignment (s. 7)
    **dict.fromkeys(["transsexual", "transsexuals"], _REASSIGNMENT),
    # pregnancy and maternity (s. 18)
    **dict.fromkeys(["pregnant", "new mothers", "expectant mothers", "breastfeeding",
                     "breastfeeding mothers"], _PREGNANCY),
    # marriage and civil partnership (s. 8)
    **dict.fromkeys(["married", "civil partners"], _MARRIAGE),
    # disability (s. 6): groups named by their impairment
    **dict.fromkeys(["deaf", "blind"], _DISABILITY),
}

# the nouns a plan names people by, staff or public: a group word before one or two
# of them names the group's strand (``Older staff``, ``Young people``, ``Women service
# users``); any other noun after a group word (``Young carers'``, ``Black history
# month``) names something else
PEOPLE_NOUNS = frozenset([
    "people", "persons", "person", "individuals", "staff", "employees", "workers",
    "colleagues", "officers", "residents", "citizens", "communities", "community",
    "groups", "patients", "users", "service", "clients", "customers", "students",
    "pupils", "learners", "offenders", "prisoners", "victims", "tenants", "applicants",
    "members", "volunteers", "visitors", "adults", "men", "women", "girls", "boys",
    "children", "families", "parents", "mothers", "fathers", "couples",
])


def group_of(words: list[str]) -> list[str] | None:
    """The strand of a term naming one group (lower-case words): group words alone
    (``women``, ``minority ethnic``) or before one or two nouns for people (``older
    people``, ``women service users``); None for anything else."""
    for cut in range(len(words), 0, -1):
        names = GROUPS.get(" ".join(words[:cut]))
        if names is not None:
            rest = words[cut:]
            return names if len(rest) <= 2 and all(w in PEOPLE_NOUNS for w in rest) else None
    return None
