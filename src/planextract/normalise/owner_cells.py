"""Cutting one owner cell into role spellings and named people.

Roles by default; a person only on positive evidence (see ``people``). The
cell is cut on line breaks, ``;``, ``/``, ``owned by`` and, where the plan uses
them so, commas; a person is peeled off a dash at either end of a piece
(``ACO – HR – Jane Smith``), out of brackets (``Jane Smith (Head of HR)``) or
after a colon (``Head of HR: Jane Smith``).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType

from planextract.lexicon.fold import fold
from planextract.lexicon.role_vocab import Vocabulary
from planextract.memo import per_document_lean
from planextract.normalise.people import NO_NAMES, is_person, people_in
from planextract.normalise.role_text import clean_role, is_acronym, strip_ends, words_of
from planextract.settings import DEFAULT

_OWNED_BY = re.compile(r"\s+owned by\s+", re.I)
_HARD_SPLIT = re.compile(r"\s*(?:;|\n)\s*")
_SPACED_DASH = re.compile(r"\s+[-–—]+\s+|\s+[-–—]+(?=[A-Za-z])|(?<=[A-Za-z.])[-–—]+\s+")
_AND = re.compile(r"(?<!\b\w)\s+(?:and|&)\s+(?!\w\b)")  # never T & D
_BRACKETS = re.compile(r"^(?P<out>[^()]+?)\s*\((?P<in>[^()]+)\)$")


@dataclass(slots=True)  # one per distinct owner cell, held through resolution (issue 11)
class OwnerCell:
    """A cell cut into role spellings (cleaned) and people, in printed order.

    ``holders`` ties a role spelling to the person named with it (evidence
    that two spellings are one post); ``unsure`` lists roles taken as roles
    only by default (they look like a name but nothing says so)."""

    roles: list[str] = field(default_factory=list)
    printed: list[str] = field(default_factory=list)  # each role as the cell prints it
    people: list[str] = field(default_factory=list)
    holders: dict[str, str] = field(default_factory=dict)
    unsure: list[str] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class LeanCell:
    """An ``OwnerCell`` as resolution holds it, one per distinct cell until the
    rows are made: tuples (the one empty tuple where there is nothing) and the
    holders' dict only where there are any. ``split_cell``'s lists, each grown by
    appends, cost about 1.3x the input on a 1 MB text-cells export (issue 11)."""

    roles: tuple[str, ...]
    printed: tuple[str, ...]
    people: tuple[str, ...]
    holders: Mapping[str, str]
    unsure: tuple[str, ...]


_NO_HOLDERS: Mapping[str, str] = MappingProxyType({})


# a cell of roles alone (each printed as cleaned; no people, holders nor unsure
# roles) is held as its roles' tuple, not a ``LeanCell`` around it: two cells in three
# of a 1 MB export (issue 11: 72 bytes each, ~0.12 MB); False: the reference, every
# cell a ``LeanCell`` (tests/test_owner_memory.py swaps it in over whole documents)
ROLES_ALONE = True

# a cell as resolution holds it: a ``LeanCell``, or a cell of roles alone as its roles
HeldCell = LeanCell | tuple[str, ...]


def lean_cell(cell: OwnerCell) -> HeldCell:
    """``cell`` read only and compact; ``split_cell``'s own lists are let go. The
    roles' tuple stands for the printed ones where they read alike (most cells:
    a 1 MB export's cells print 98% of their roles as cleaned; issue 11), and for
    the whole cell where it holds nothing else (``ROLES_ALONE``)."""
    roles = tuple(cell.roles)
    alike = cell.printed == cell.roles
    if alike and ROLES_ALONE and not (cell.people or cell.holders or cell.unsure):
        return roles
    printed = roles if alike else tuple(cell.printed)
    return LeanCell(roles, printed, tuple(cell.people), cell.holders or _NO_HOLDERS,
                    tuple(cell.unsure))


def as_lean(cell: HeldCell) -> LeanCell:
    """A held cell as a ``LeanCell``: a cell of roles alone made whole again."""
    if type(cell) is tuple:
        return LeanCell(cell, cell, (), _NO_HOLDERS, ())
    return cell


def as_printed(role: str, cleaned: str) -> str:
    """``role`` as the cell prints it, its spaces squeezed: ``cleaned``'s own string
    where the two read alike, so a spelling printed in many cells is one string
    (``clean_role`` remembers it), not one per cell (issue 11)."""
    printed = " ".join(role.split()).strip(" ,;:")
    return cleaned if printed == cleaned else printed


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


_ENDS_IN_LETTER = re.compile(r"(?:^|\s)[A-Za-z]\s*$")
_LONE_LETTER = re.compile(r"\s*[A-Za-z]\s*")
_SEMICOLON = re.compile(r"\s*;\s*")
_CAPITALISED = re.compile(r"[A-Z][a-z]+")
_LETTER = re.compile(r"[^\W\d_]")


def _slash_pieces(text: str, vocab: Vocabulary) -> list[str]:
    """Split on ``/`` except after a lone letter that prefixes a rank or a
    shortened word (``C/Insp``, ``T/Supt``): never a one-letter role."""
    pieces: list[str] = []
    for piece in text.split("/"):
        head = piece.split()[0].lower().strip(".") if piece.split() else ""
        if pieces and _ENDS_IN_LETTER.search(pieces[-1]) and (
                _LONE_LETTER.fullmatch(pieces[-1])
                or head in vocab.contractions or head in vocab.titles):
            pieces[-1] = pieces[-1].rstrip() + "/" + piece
        else:
            pieces.append(piece)
    return pieces


def _comma_pieces(text: str, vocab: Vocabulary, commas_separate: bool) -> list[str]:
    """Commas separate owners only where the plan uses them so; an inverted
    title (``Manager, Disability Services``) is always one owner."""
    if not commas_separate:
        return [text]
    pieces: list[str] = []
    for piece in text.split(","):
        previous = pieces[-1].strip() if pieces else ""
        bare = [w.lower() for w in previous.split()]
        # Manager, Disability Services; Assistant Director, Housing (but Chief
        # Executive, ACE Equality and Diversity are two owners)
        if (bare and bare[-1] in vocab.head_nouns and len(bare) <= 2
                and all(w in vocab.rank_modifiers for w in bare[:-1])
                and piece.strip() and not has_head_noun(_AND.split(piece)[0], vocab)
                and (len(bare) == 1 or not looks_like_role(piece, vocab))
                and not is_person(piece, vocab, vocab.role_words)):
            pieces[-1] = previous + ", " + piece.strip()
        else:
            pieces.append(piece)
    return pieces


_RUNS_ON = re.compile(r"(?:\b(?:and|of|for|the|to|&)|[&–-])\s*$", re.I)
_OPENS_ON = re.compile(r"(?:and|of|for|the|to)\b|&", re.I)


def _unwrapped(text: str) -> list[str]:
    """Lines of a cell, a line wrapped inside an owner joined back: one ending
    in ``and``/``of``/``&`` or a dash, or followed by one opening with such a word
    (``ACE Equality and`` / ``Diversity``, ``Head of Learning`` / ``& Development``)."""
    lines: list[str] = []
    for line in text.split("\n"):
        line = line.strip()
        if lines and line and (_RUNS_ON.search(lines[-1]) or _OPENS_ON.match(line)):
            lines[-1] = f"{lines[-1]} {line}"
        else:
            lines.append(line)
    return [piece for line in lines for piece in _SEMICOLON.split(line)]


def segments(text: str, vocab: Vocabulary, commas_separate: bool = True) -> list[str]:
    """The pieces of a cell, before people are told from roles. Remembered: the
    document's role words and its cuts both read every cell (issue 11)."""
    return list(_segments(text, vocab, commas_separate))


@per_document_lean(DEFAULT.memo.pieces)  # no link node nor key tuple an answer
def _segments(text: str, vocab: Vocabulary, commas_separate: bool) -> tuple[str, ...]:
    return tuple(read_segments(text, vocab, commas_separate))


def read_segments(text: str, vocab: Vocabulary, commas_separate: bool = True) -> list[str]:
    """``segments`` without the memory: the reference it is tested against."""
    out = []
    for hard in _unwrapped(_OWNED_BY.sub("\n", text)):
        for slash in _slash_pieces(hard, vocab):
            for piece in _comma_pieces(slash, vocab, commas_separate):
                piece = strip_ends(piece)
                if piece:
                    out.append(piece)
    return out


def uses_comma_separators(cells: list[str | None], vocab: Vocabulary) -> bool:
    """Does the plan separate owners with commas? Yes when some cell has a
    comma with an owner on each side (a post, an acronym, a person)."""
    role_words = vocab.role_words
    for text in cells:
        if not text or "," not in text:
            continue
        for hard in _HARD_SPLIT.split(text):
            for slash in _slash_pieces(hard, vocab):
                pieces = [p.strip(" .") for p in slash.split(",") if p.strip(" .")]
                owners = [p for p in pieces
                          if looks_like_role(p, vocab) or is_person(p, vocab, role_words)
                          or _SPACED_DASH.search(p)]
                if len(pieces) > 1 and len(owners) == len(pieces):
                    return True
    return False


def _peel(piece: str, vocab: Vocabulary, role_words: frozenset[str],
          surnames: frozenset[str] = NO_NAMES) -> tuple[list[str], list[str]]:
    """(roles, people) of one piece: a person at the last or first dash, in
    brackets or after a colon; otherwise the piece is a role, dashes and all."""
    brackets = _BRACKETS.match(piece)
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
    parts = [p.strip(" .,") for p in _SPACED_DASH.split(piece) if p.strip(" .,")]
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
    parts = _AND.split(rest)
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
            if is_person(" ".join(name), vocab, role_words, beside_role, surnames) \
                    and looks_like_role(text, vocab) \
                    and not (ending and _post_after_and(text, vocab)):
                longer = words[-size - 1:] if ending and size == 2 and len(words) > 3 else ()
                if longer and is_person(" ".join(longer), vocab, role_words, False, surnames) \
                        and looks_like_role(" ".join(words[:-3]), vocab):
                    # a title of two words (Chief Supt Gallagher), not its last word
                    return [" ".join(words[:-3])], [" ".join(longer)]
                return [text], [" ".join(name)]
    return [piece], []


def _name_shaped(role: str, vocab: Vocabulary, role_words: frozenset[str]) -> bool:
    """Capitalised words no role uses: a name as much as a role."""
    words = role.split()
    return (1 <= len(words) <= 3 and not looks_like_role(role, vocab)
            and all(_CAPITALISED.fullmatch(w) and w.lower() not in role_words
                    for w in words))


def _peel_parts(piece: str, vocab: Vocabulary, role_words: frozenset[str],
                surnames: frozenset[str] = NO_NAMES) -> tuple[list[str], list[str]]:
    """``peel_parts``, remembered: one post is printed in many cells (issue 11)."""
    roles, people = _peeled(piece, vocab, role_words, surnames)
    return list(roles), list(people)


@per_document_lean(DEFAULT.memo.pieces)  # no link node nor key tuple an answer
def _peeled(piece: str, vocab: Vocabulary, role_words: frozenset[str],
            surnames: frozenset[str]) -> tuple[tuple[str, ...], tuple[str, ...]]:
    roles, people = peel_parts(piece, vocab, role_words, surnames)
    return tuple(roles), tuple(people)


def peel_parts(piece: str, vocab: Vocabulary, role_words: frozenset[str],
               surnames: frozenset[str] = NO_NAMES) -> tuple[list[str], list[str]]:
    """Split on `` and `` first, then peel a person off each part
    (``Head of Facilities – Fiona Okafor and Director of Finance``); the roles
    between stay joined by ``and`` for the document-level cut (``Head of
    Learning and Development`` is one role)."""
    parts = _AND.split(piece)
    joins = [m.group(0).strip() for m in _AND.finditer(piece)]  # and / & as printed
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


# the memos themselves, held here: a test may swap the module's names for the plain
# functions (tests/test_memo_caches.py), which have nothing to forget
_CUTS = (_segments, _peeled)


def forget_cuts() -> None:
    """Let go of the cells' segments and peeled pieces once every distinct cell is
    cut: nothing asks for them again in this document, and they hold a tuple and
    fresh piece strings for every distinct cell (issue 11: about 0.3 times a 1 MB
    export, live where owner resolution set the peak)."""
    for cached in _CUTS:
        cached.cache_clear()


def split_cell(text: str | None, vocab: Vocabulary, role_words: frozenset[str] | None = None,
               commas_separate: bool = True, surnames: frozenset[str] = NO_NAMES
               ) -> OwnerCell:
    """Cut a cell into role spellings and people, in printed order.

    ``role_words``: words the document uses in roles (never surnames); ``surnames``:
    those it prints after a given name or a title (``people.document_surnames``)."""
    out = OwnerCell()
    if not text or not text.strip():
        return out
    words = role_words if role_words is not None else vocab.role_words
    for piece in segments(text, vocab, commas_separate):
        roles, people = _peel_parts(piece, vocab, words, surnames)
        out.people.extend(p for p in people if p not in out.people)
        for role in roles:
            cleaned = clean_role(role)
            if not words_of(cleaned) or not _LETTER.search(cleaned):
                continue  # punctuation or numbers only: no role
            if len(cleaned.replace("&", "")) <= 1:
                # never a one-letter role: it belongs to the role before it
                if out.roles:
                    out.roles[-1] = f"{out.roles[-1]}/{cleaned}"
                    out.printed[-1] = f"{out.printed[-1]}/{role.strip()}"
                continue
            out.roles.append(cleaned)
            out.printed.append(as_printed(role, cleaned))
            if people:
                out.holders[cleaned] = people[0]
            if _name_shaped(cleaned, vocab, words):
                out.unsure.append(cleaned)
    return out
