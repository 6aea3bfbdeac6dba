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

from planextract.lexicon.role_vocab import Vocabulary
from planextract.memo import per_document_lean
from planextract.normalise.owner_peel import (
    AND,
    SPACED_DASH,
    has_head_noun,
    looks_like_role,
    peeled_pieces,
    remembered_peel_parts,
)
from planextract.normalise.people import NO_NAMES, is_person
from planextract.normalise.role_text import clean_role, strip_ends, words_of
from planextract.settings import DEFAULT

_OWNED_BY = re.compile(r"\s+owned by\s+", re.I)
_HARD_SPLIT = re.compile(r"\s*(?:;|\n)\s*")


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
                and piece.strip() and not has_head_noun(AND.split(piece)[0], vocab)
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
    comma with an owner on each side (a post, an acronym, a person, or words the
    plan prints as a whole owner elsewhere: a cell or a line of its own, as
    ``Governor`` beside ``Head of Legal Services, Governor``)."""
    role_words = vocab.role_words
    alone: set[str] | None = None
    for text in cells:
        if not text or "," not in text:
            continue
        for hard in _HARD_SPLIT.split(text):
            for slash in _slash_pieces(hard, vocab):
                pieces = [p.strip(" .") for p in slash.split(",") if p.strip(" .")]
                if len(pieces) < 2:
                    continue
                owners = [p for p in pieces
                          if looks_like_role(p, vocab)
                          # the plan's own evidence: a listed surname (Older People)
                          # is too weak to decide how every cell is cut
                          or is_person(p, vocab, role_words, listed=False)
                          or SPACED_DASH.search(p)]
                if len(owners) < len(pieces):
                    if alone is None:
                        alone = printed_alone(cells, vocab)
                    owners += [p for p in pieces if p not in owners and p in alone]
                if len(owners) == len(pieces):
                    return True
    return False


def printed_alone(cells: list[str | None], vocab: Vocabulary) -> set[str]:
    """The pieces the plan prints with no comma in them, each a cell or a cell's
    line or slash piece of its own: over the distinct cells."""
    return {piece.strip(" .") for text in set(cells) if text
            for piece in read_segments(text, vocab, commas_separate=False) if "," not in piece}


def _name_shaped(role: str, vocab: Vocabulary, role_words: frozenset[str]) -> bool:
    """Capitalised words no role uses: a name as much as a role."""
    words = role.split()
    return (1 <= len(words) <= 3 and not looks_like_role(role, vocab)
            and all(_CAPITALISED.fullmatch(w) and w.lower() not in role_words
                    for w in words))


# the memos themselves, held here: a test may swap the module's names for the plain
# functions (tests/test_memo_caches.py), which have nothing to forget
_CUTS = (_segments, peeled_pieces)


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
        roles, people = remembered_peel_parts(piece, vocab, words, surnames)
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
