"""Does a cell open with a verb? Actions are printed as instructions
(``Develop ...``, ``Review ...``); labels and names are not."""

from __future__ import annotations

import re

# Imperative verbs plans open an action with; a first word ending in a verb
# suffix (-ise, -ize, -ate, -ify) counts too, so the list needs only the
# common short verbs the suffixes miss.
VERBS = frozenset("""
add agree align analyse assess attend audit build carry check collect commission complete
conduct consider consult continue create define deliver design develop devise distribute draft
embed encourage engage enhance ensure establish evaluate examine explore extend gather hold
identify implement improve include increase introduce involve issue launch lead link maintain
make map measure meet monitor offer organise pilot plan prepare present produce promote
provide publish raise record reduce refresh report research respond review revise run seek
set share strengthen support take test train undertake update use work write
adopt allocate appoint arrange ask brief change clarify communicate consolidate deploy discuss
disseminate enable expand facilitate focus highlight inform invite keep liaise mandate notify
obtain recruit refer remind replace request require roll secure send source start submit
survey track upgrade widen
""".split())
_VERB_SUFFIX = re.compile(r"(?:ise|ize|ate|ify)$")
_WORDS = re.compile(r"[A-Za-z]+")


def opens_with_verb(text: str) -> bool:
    words = _WORDS.findall(text[:40])
    if not words:
        return False
    first = words[0].lower()
    return first in VERBS or bool(_VERB_SUFFIX.search(first) and len(first) > 5)
