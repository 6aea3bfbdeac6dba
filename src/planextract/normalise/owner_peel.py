"""Peeling named people off one piece of an owner cell (split from ``owner_cells``).

A piece is a role unless positive evidence shows a person in it (see ``people``):
at a dash at either end (``ACO – HR – Jane Smith``), in brackets (``Jane Smith
(Head of HR)``), after a colon (``Head of HR: Jane Smith``), or run into its role
with the dash lost (``ACO HR Leona Lowe``). ``and`` parts the piece first, and the
roles between stay joined for the document-level cut (``role_split``).
"""

from __future__ import annotations

import re

from planextract.lexicon.fold import fold
from planextract.lexicon.role_vocab import Vocabulary
from planextract.memo import per_document_lean
from planextract.normalise.people import NO_NAMES, is_person, people_in
from planextract.normalise.role_text import clean_role, is_acronym, words_of
from planextract.settings import DEFAULT

SPACED_DASH = re.compile(r"\s+[-–—]+\s+|\s+[-–—]+(?=[A-Za-z])|(?<=[A-Za-z.])[-–—]+\s+")
AND = re.compile(r"(?<!\b\w)\s+(?:and|&)\s+(?!\w\b)")  # never T & D
BRACKETS = re.compile(r"^(?P<out>[^()]+?)\s*\((?P<in>[^()]+)\)$")


@per_document_lean(DEFAULT.memo.pieces)  # pure; asked of every piece by several rules (issue 11)
def has_head_noun(text: str, vocab: Vocabulary) -> bool:
    """A word naming a post or a body (``Manager``, ``Mgr``, ``Board``, ``Head``)."""
    for word in words_of(text):
        parts = [word, *word.split("-")] if "-" in word else [word]
        if any(p.lower() in vocab.head_nouns or fold(p) in vocab.head_nouns for p in parts):
            return True
        for expansion in vocab.contractions.get(word.lower(), ()):
            if any(fold(w) in vocab.head_nouns for w in expansion.split()):
                return True
    return False


@per_document_lean(DEFAULT.memo.pieces)  # pure; asked of every piece by several rules (issue 11)
def looks_like_role(text: str, vocab: Vocabulary) -> bool:
    """A piece that can stand as an owner on its own: a head noun, an acronym."""
    return has_head_noun(text, vocab) or any(
        is_acronym(w) or is_acronym(w[:-1]) and w.endswith("s")
        for w in words_of(clean_role(text)))


def _peel(piece: str, vocab: Vocabulary, role_words: frozenset[str],
          surnames: frozenset[str] = NO_NAMES) -> tuple[list[str], list[str]]:
    """(roles, people) of one piece: a person at the last or first dash, in
    brackets or after a colon; otherwise the piece is a role, dashes and all."""
    brackets = BRACKETS.match(piece)
    if brackets:
        outer, inner = brackets.group("out"), brackets.group("in")
        for name, role in ((inner, outer), (outer, inner)):
            if is_person(name, vocab, role_words, beside_role=looks_like_role(role, vocab),
                         surnames=surnames):
                return [role], [name]
    if ":" in piece:
        role, name = (p.strip() for p in piece.split(":", 1))
        named = people_in(name, vocab, role_words, beside_role=bool(role), surnames=surnames)
        if named and role:
            return [role], named
        if role:  # the next owner run into the name, its line break lost (drawn PDFs)
            roles, named = _glued_person(name, vocab, role_words, at_end=False,
                                         surnames=surnames, beside_role=True)
            if named:
                return [role, *roles], named
    parts = [p.strip(" .,") for p in SPACED_DASH.split(piece) if p.strip(" .,")]
    if len(parts) > 1:
        rest = " – ".join(parts[:-1])
        last = people_in(parts[-1], vocab, role_words,
                         beside_role=looks_like_role(rest, vocab), surnames=surnames)
        if last:
            return _unglue([rest], last, vocab, role_words, surnames)
        rest = " – ".join(parts[1:])
        first = people_in(parts[0], vocab, role_words,
                          beside_role=looks_like_role(rest, vocab), surnames=surnames)
        if first:
            return _unglue([rest], first, vocab, role_words, surnames)
        # the name run into the next owner: PIU lead - Rob Malcolm Diversity Adviser
        roles, named = _glued_person(parts[-1], vocab, role_words, at_end=False,
                                      surnames=surnames)
        if named:
            return [" – ".join(parts[:-1]), *roles], named
    named = people_in(piece, vocab, role_words, surnames=surnames)
    if named:
        return [], named
    return _glued_person(piece, vocab, role_words, surnames=surnames)


def _unglue(roles: list[str], people: list[str], vocab: Vocabulary,
            role_words: frozenset[str], surnames: frozenset[str] = NO_NAMES
            ) -> tuple[list[str], list[str]]:
    """A role peeled off a person may still open or close with another name run
    into it (``Sandeep Thandi Specialist worker – Bob Schofield``)."""
    out_roles: list[str] = []
    out_people: list[str] = []
    for role in roles:
        found, named = _glued_person(role, vocab, role_words, surnames=surnames)
        out_roles.extend(found)
        out_people.extend(named)
    return out_roles, [*out_people, *people]


def closes_post(text: str, vocab: Vocabulary) -> bool:
    """A post ending in its post noun with no ``of`` phrase (``Inclusion Manager``):
    what an ``and`` joins to it is another owner, never more of it; after an ``of``
    phrase the words run on (``Head of Learning and Development``)."""
    words = text.split()
    return (bool(words) and not any(w.lower() == "of" for w in words)
            and words[-1].lower() not in vocab.rank_modifiers
            and has_head_noun(words[-1], vocab))


def _post_after_and(rest: str, vocab: Vocabulary) -> bool:
    """``Inclusion Manager and Number``: the words after the last ``and`` stand for no
    role and follow a closed post, so they open the next owner, and a name after them
    is the rest of that owner (``Number One Governor``), not a person run into it."""
    parts = AND.split(rest)
    return (len(parts) > 1 and closes_post(parts[-2], vocab)
            and not looks_like_role(parts[-1], vocab))


def _glued_person(piece: str, vocab: Vocabulary, role_words: frozenset[str],
                  at_end: bool = True, surnames: frozenset[str] = NO_NAMES,
                  beside_role: bool = False) -> tuple[list[str], list[str]]:
    """A name run into its role with nothing between (``ACO HR Leona Lowe``,
    the dash lost): only a given name or a title is evidence enough, or the shape
    (``beside_role``: after ``Role:``, where the next owner ran into the name); never
    the end of a post an ``and`` opens after a closed post (``_post_after_and``)."""
    words = piece.split()
    for size in (2, 3):
        if len(words) <= size:
            break
        shapes = [(words[:size], words[size:], False)]
        if at_end:
            shapes.insert(0, (words[-size:], words[:-size], True))
        for name, rest, ending in shapes:
            text = " ".join(rest)
            # after "of" (Head of Quill Marrow) or a comma kept in a role (Officer,
            # Older People) a listed surname is no evidence: the words are the post's
            # object unless a given name or a title proves them a person
            listed = not (text.endswith(",") or rest[-1].lower() in vocab.stop_words)
            if is_person(" ".join(name), vocab, role_words, beside_role, surnames,
                         listed=listed) \
                    and looks_like_role(text, vocab) \
                    and not (ending and _post_after_and(text, vocab)):
                longer = words[-size - 1:] if ending and size == 2 and len(words) > 3 else ()
                if longer and is_person(" ".join(longer), vocab, role_words, False, surnames) \
                        and looks_like_role(" ".join(words[:-3]), vocab):
                    # a title of two words (Chief Supt Gallagher), not its last word
                    return [" ".join(words[:-3])], [" ".join(longer)]
                return [text], [" ".join(name)]
    return [piece], []


def remembered_peel_parts(piece: str, vocab: Vocabulary, role_words: frozenset[str],
                surnames: frozenset[str] = NO_NAMES) -> tuple[list[str], list[str]]:
    """``peel_parts``, remembered: one post is printed in many cells (issue 11)."""
    roles, people = peeled_pieces(piece, vocab, role_words, surnames)
    return list(roles), list(people)


@per_document_lean(DEFAULT.memo.pieces)  # no link node nor key tuple an answer
def peeled_pieces(piece: str, vocab: Vocabulary, role_words: frozenset[str],
            surnames: frozenset[str]) -> tuple[tuple[str, ...], tuple[str, ...]]:
    roles, people = peel_parts(piece, vocab, role_words, surnames)
    return tuple(roles), tuple(people)


def peel_parts(piece: str, vocab: Vocabulary, role_words: frozenset[str],
               surnames: frozenset[str] = NO_NAMES) -> tuple[list[str], list[str]]:
    """Split on `` and `` first, then peel a person off each part
    (``Head of Facilities – Fiona Okafor and Director of Finance``); the roles
    between stay joined by ``and`` for the document-level cut (``Head of
    Learning and Development`` is one role)."""
    parts = AND.split(piece)
    joins = [m.group(0).strip() for m in AND.finditer(piece)]  # and / & as printed
    if len(parts) > 1:
        peeled = [_peel(part, vocab, role_words, surnames) for part in parts]
        if any(people for _, people in peeled) and not all(
                people and not roles for roles, people in peeled):
            roles_out: list[str] = []
            people_out: list[str] = []
            run: list[tuple[int, str]] = []

            def joined(items: list[tuple[int, str]]) -> str:
                text = items[0][1]
                for index, role in items[1:]:
                    text += f" {joins[index - 1]} {role}"
                return text

            for index, (roles, people) in enumerate(peeled):
                if people:
                    if run and roles and not (looks_like_role(run[-1][1], vocab)
                                              and looks_like_role(roles[0], vocab)):
                        # Equality and Diversity Mgr - Owen Tranter: one role
                        roles = [joined([*run, (index, roles[0])]), *roles[1:]]
                    elif run:
                        roles_out.append(joined(run))
                    run = []
                    roles_out.extend(roles)
                    people_out.extend(people)
                else:
                    run.extend((index, role) for role in roles)
            if run:
                roles_out.append(joined(run))
            return roles_out, people_out
    return _peel(piece, vocab, role_words, surnames)
