"""Cutting a role spelling that holds several roles, using what the whole
document says: ``Chief Executive and ACE Equality and Diversity``, ``Diversity
Manager SMT`` (run together), ``ACO – OM/BS`` (a head shared across a slash).

``Head of Learning and Development`` stays whole: a piece is cut off only when
both sides are roles on their own.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

from planextract.lexicon.fold import fold
from planextract.lexicon.role_vocab import Vocabulary
from planextract.normalise.owner_peel import closes_post, has_head_noun
from planextract.normalise.people import NOUN_ENDING
from planextract.normalise.role_text import is_acronym

_AND = re.compile(r"\s+(?:and|&)\s+")
_OF = re.compile(r"\bof\b", re.I)


class RoleContext:
    """What the document knows about roles: ``known`` holds fingerprints of
    spellings printed on their own in some cell; ``acronym_of`` spells out an
    acronym (the plan's key, then the builtin table)."""

    def __init__(self, vocab: Vocabulary, known: set[str], key_phrases: set[str],
                 acronym_of: Callable[[str], str | None], fingerprint: Callable[[str], str]):
        self.vocab = vocab
        self.known = known
        self.key_phrases = key_phrases
        self.acronym_of = acronym_of
        self.fingerprint = fingerprint
        # posts an ``and`` opens after a closed post somewhere in the document
        # (``proven_posts``): proof enough after an ``of`` phrase elsewhere
        self.proven: set[str] = set()
        # words the plan itself uses as post nouns (``plan_posts``), lower case
        self.posts: set[str] = set()
        # post nouns less ranks, made once for every piece tried (issue 11)
        self.post_heads = vocab.head_nouns - vocab.rank_modifiers

    def is_known(self, text: str) -> bool:
        return self.fingerprint(text) in self.known

    def post_acronym(self, word: str) -> bool:
        """An acronym that names a post or a body (``SMT``, ``CE``, ``SPOs``), not a
        function (``HR``) that qualifies the post before it."""
        if not (is_acronym(word.rstrip("s")) or word in self.key_phrases):
            return False
        expansion = self.acronym_of(word) or self.acronym_of(word.rstrip("s"))
        return bool(expansion) and has_head_noun(expansion, self.vocab)

    def closes_plan_post(self, text: str) -> bool:
        """Words ending in a post noun the plan shows (``plan_posts``), no ``of``."""
        if not self.posts:
            return False
        words = text.split()
        return (bool(words) and words[-1].lower() in self.posts
                and not any(w.lower() in ("of", "for") for w in words))

    def standalone(self, text: str) -> bool:
        """A role on its own: a head noun, a post acronym, printed alone elsewhere or
        opened by an ``and`` after a closed post (``proven``)."""
        words = text.split()
        if len(words) == 1 and len(text) <= 1:
            return False
        return (has_head_noun(text, self.vocab) or self.is_known(text)
                or self.closes_plan_post(text)
                or (bool(self.proven) and self.fingerprint(text) in self.proven)
                or (len(words) == 1 and self.post_acronym(text))
                # a post acronym with its function: ACO – HR, PVC Education
                or (len(words) <= 3 and self.post_acronym(words[0])))


def split_and(role: str, context: RoleContext) -> list[str]:
    """``X and Y`` -> two roles when both sides stand alone; ``Head of Learning
    and Development``, ``Director of Finance and Human Resources`` stay whole
    (the part after ``of`` runs on unless the right side has a post of its own or
    the document prints it alone). After a closed post (``Inclusion Manager``:
    ``owner_peel.closes_post``) the capitalised words an ``and`` opens are the
    next owner though the vocabulary lacks their post (``Number One Governor``)."""
    matches = list(_AND.finditer(role))
    for match in matches:
        left, right = role[:match.start()], role[match.end():]
        start = _known_tail(left, right, context)
        if start is not None:  # the and is inside a post the plan prints whole
            whole = f"{left[start:]}{match.group(0)}{right}"
            return [*split_and(left[:start].strip(), context), whole]
        if (closes_post(left, context.vocab) or context.closes_plan_post(left)) \
                and _owner_shaped(right, context):
            return [*split_and(left, context), *split_and(right, context)]
        if _opens_post(right, context) and _owner_shaped(left, context) \
                and _owner_shaped(right, context):
            return [*split_and(left, context), *split_and(right, context)]
        if not context.standalone(left) or not context.standalone(right):
            continue
        if _OF.search(left) and not has_head_noun(right, context.vocab) \
                and not context.closes_plan_post(right) \
                and not context.post_acronym(right) and not _printed_apart(right, context):
            continue
        return [*split_and(left, context), *split_and(right, context)]
    return [role]


def _known_tail(left: str, right: str, context: RoleContext) -> int | None:
    """Where in ``left`` a post starts that runs on over the ``and`` to the end and
    that the plan prints alone (``Performance and Information Manager`` closing
    ``Vice Principal Curriculum Performance and Information Manager``: lines run
    together), after words that are an owner of their own (no ``of`` left open:
    ``Director of`` + ``Finance and Human Resources`` is no cut); None if none."""
    stop = context.vocab.stop_words
    for i in _word_starts(left)[1:]:
        head, tail = left[:i].strip(), left[i:]
        if tail.split()[0].lower() not in stop and head.split()[-1].lower() not in stop \
                and _owner_shaped(head, context) and context.is_known(f"{tail} and {right}") \
                and context.standalone(head):
            return i
    return None


def _word_starts(text: str) -> list[int]:
    return [m.start() for m in re.finditer(r"\S+", text)]


def _opens_post(text: str, context: RoleContext) -> bool:
    """Words opening with a post noun and its ``of``/``for`` phrase (``Head of
    Student Support``, ``Deputy Director for Estates``): a post whole in itself,
    which cannot share a head with the words before the ``and``, so those words
    are an owner of their own though the vocabulary lacks their post
    (``VP Curriculum and Head of Student Support``)."""
    words = text.split(None, 4)
    i = 0
    while i < len(words) - 1 and words[i].lower() in context.vocab.rank_modifiers:
        i += 1
    return (i + 1 < len(words) and words[i + 1] in ("of", "for")
            and _post_noun(words[i], context.post_heads, context))


def _owner_shaped(text: str, context: RoleContext) -> bool:
    """Words that may name an owner of their own: capitalised at both ends (a
    lower-case tail is more of the phrase before it), more than one letter."""
    words = text.split()
    return (len(text) > 1 and bool(words) and words[0][:1].isupper()
            and words[-1][:1].isupper())


def _printed_apart(right: str, context: RoleContext) -> bool:
    """The words after ``of ... and`` are an owner of their own where the document
    shows them as one after a closed post's ``and`` in some cell (``proven_posts``);
    printed alone is not enough (``Director of Finance and Human Resources`` beside
    ``Human Resources``)."""
    return context.fingerprint(right) in context.proven


def proven_posts(roles: Iterable[str], context: RoleContext) -> None:
    """Add to ``context.proven`` every run of capitalised words an ``and`` opens
    after a closed post in one of the document's roles (``Workforce Planning Mgr
    and Governor``); read before any role is cut, so no cut depends on the order."""
    for role in roles:
        if " and " not in role and "&" not in role:
            continue  # most roles: no regular expression run
        for match in _AND.finditer(role):
            left, right = role[:match.start()], role[match.end():]
            right = _AND.split(right, 1)[0]
            if closes_post(_AND.split(left)[-1], context.vocab) \
                    and _owner_shaped(right, context):
                context.proven.add(context.fingerprint(right))


def plan_posts(roles: Iterable[str], context: RoleContext) -> None:
    """Add to ``context.posts`` every capitalised word the plan prints both as an
    owner alone (``Governor``) and closing an owner of two or three capitalised
    words with no ``of`` phrase nor post noun before it (``Number One Governor``;
    not ``Information Manager Learning``, posts run together): a word that stands as an
    owner and heads a longer one is a post noun of this plan though the vocabulary
    lacks it, so an ``and`` beside it parts two owners. A post names a person, so
    never an abstract noun (``Custody Estate Development`` beside ``Development``)
    nor a gerund (``Learning``). Read from the ``and``
    parts of the roles before any cut, so no cut depends on the order."""
    alone: set[str] = set()
    closing: set[str] = set()
    for role in roles:
        for part in _AND.split(role) if (" and " in role or "&" in role) else (role,):
            words = part.split()
            if not words or not all(w[:1].isupper() for w in words):
                continue
            if len(words) == 1 and not words[0].isupper() and len(words[0]) > 2:
                alone.add(words[0].lower())
            elif 2 <= len(words) <= 3 and not has_head_noun(" ".join(words[:-1]), context.vocab):
                closing.add(words[-1].lower())  # a head before it: run-together posts
    heads = context.vocab.head_nouns
    context.posts.update(w for w in alone & closing
                         if w not in heads and w not in context.vocab.stop_words
                         and not NOUN_ENDING.search(w) and not w.endswith("ing"))


def _piece_ok(piece: str, context: RoleContext) -> bool:
    words = piece.split()
    stop = context.vocab.stop_words
    if words[0].lower() in stop or words[-1].lower() in stop:
        return False  # and Policy Officer: a cut inside an X and Y
    if len(words) == 1:  # known or not, one word is a piece only as a post acronym
        return context.post_acronym(piece)
    if context.is_known(piece):
        return True
    if words[0].lower() in context.vocab.quantifiers and len(words) == 2:
        return context.post_acronym(words[1])
    return _post_shaped(words, context)


def _post_noun(word: str, heads: frozenset[str], context: RoleContext) -> bool:
    """A post noun as printed or shortened (``Manager``, ``Mgr``, ``Mgrs``)."""
    spelt = context.vocab.contractions.get(word.lower().rstrip("."), ())
    return fold(word) in heads or any(fold(e) in heads for e in spelt)


def _post_shaped(words: list[str], context: RoleContext) -> bool:
    """Several words shaped as a post: ending in a post noun (``Public Health
    Director``) or opening with one and ``of`` (``Head of Facilities``)."""
    heads = context.post_heads
    lowered = [w.lower() for w in words]
    inner = [_post_noun(w, heads, context) for w in words]
    if lowered[0] in heads and lowered[1] == "of" and len(words) > 2:
        return not any(inner[2:])
    # one post noun, the last word (Board Officer, Adviser Training Manager are no post)
    return (inner[-1] and not any(inner[:-1])
            and lowered[-2] not in context.vocab.stop_words)


def _anchor(piece: str, context: RoleContext) -> bool:
    """A piece that proves the spelling is run together: a role of several words
    printed alone elsewhere, or a group (``All SPOs``)."""
    words = piece.split()
    return len(words) > 1 and (context.is_known(piece)
                               or words[0].lower() in context.vocab.quantifiers)


def split_run_together(role: str, context: RoleContext) -> list[str]:
    """``All AMs ACO OM`` -> ``All AMs``, ``ACO OM``; ``CE All SPOs`` -> ``CE``,
    ``All SPOs``: every piece a role on its own and one of them more than an
    acronym, so ``ACO OM`` (an ACO for offender management) is never cut."""
    if role in context.key_phrases:
        return [role]
    words = role.split()
    n = len(words)
    if n < 2:
        return [role]
    best: list[list[str] | None] = [None] * (n + 1)
    known: list[int] = [0] * (n + 1)  # pieces of best[i] printed alone elsewhere
    plain = not _AND.search(role)
    best[0] = []
    for end in range(1, n + 1):
        for start in range(end):
            done = best[start]
            if done is None or (start == 0 and end == n):
                continue
            piece = " ".join(words[start:end])
            if _piece_ok(piece, context):
                candidate = [*done, piece]
                current = best[end]
                # a piece printed alone counts where the role has no ``and``, or
                # where the ``and`` is inside it (Performance and Information Manager)
                printed = known[start] + ((plain or _AND.search(piece) is not None)
                                          and context.is_known(piece))
                # the fewest pieces; of as few, the most the plan prints alone
                # (Head of Customer Services | Workforce Planning Manager, not
                # Head of Customer | Services Workforce Planning Manager); where an
                # and joins posts, ``split_and`` decides, so the first cut stands
                if current is None or len(candidate) < len(current) \
                        or (len(candidate) == len(current) and printed > known[end]):
                    best[end] = candidate
                    known[end] = printed
    found = best[n]
    if not found:
        return [role]
    if not any(_anchor(p, context) for p in found):
        # no piece printed alone elsewhere: cut only into posts of two words or more
        # (Public Health Director Diversity Manager)
        heads = context.vocab.head_nouns
        posts = all(len(p.split()) > 1 and _post_shaped(p.split(), context)
                    and _post_noun(p.split()[-1], heads, context) for p in found)
        return found if posts else [role]
    # a piece taken for its shape alone needs posts all round: Local Policing
    # Programme Board stays one body though Local Policing is printed alone
    by_shape = any(not context.is_known(p) and len(p.split()) > 1 for p in found)
    if by_shape and not all(_post_like(p, context) for p in found):
        return [role]
    return found


def _post_like(piece: str, context: RoleContext) -> bool:
    words = piece.split()
    if len(words) == 1:
        return context.post_acronym(piece)
    if words[0].lower() in context.vocab.quantifiers:
        return True
    return _post_shaped(words, context)


_BARE_ABBREVIATION = re.compile(r"[A-Z&]{1,4}")


def share_prefix(roles: list[str] | tuple[str, ...], context: RoleContext) -> list[str]:
    """``ACO – OM/BS`` -> ``ACO OM``, ``ACO BS``: a bare abbreviation after a slash
    that is no role of its own takes the head of the role before it, when the two
    make a role the key or the document names."""
    out: list[str] = []
    for role in roles:
        previous = out[-1].split() if out else []
        if (_BARE_ABBREVIATION.fullmatch(role) and role not in context.key_phrases
                and context.acronym_of(role) is None and len(previous) >= 2):
            candidate = " ".join([*previous[:-1], role])
            if candidate in context.key_phrases or context.is_known(candidate):
                out.append(candidate)
                continue
        out.append(role)
    return out
