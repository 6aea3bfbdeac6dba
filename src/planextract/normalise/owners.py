"""Owners of one document: every owner cell cut into roles and people, every
spelling of a role tied to one canonical label, and the ``roles`` rows that let
an analyst review each merge.

Three layers: the spelling as printed (``owner_cells``, ``role_split``); a
cluster of spellings per role (``role_text`` fingerprints, ``role_match``
alignment and guards); a deterministic label (``role_labels``).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, replace

from planextract import memo
from planextract.lexicon import role_vocab
from planextract.lexicon.fold import fold
from planextract.lexicon.role_vocab import VocabRole, Vocabulary
from planextract.memo import forget_document
from planextract.memo import forget_document as forget_answers  # (the early forgets)
from planextract.normalise.cut_prints import CutPrints
from planextract.normalise.owner_cells import (
    HeldCell,
    OwnerCell,
    forget_cuts,
    has_head_noun,
    lean_cell,
    segments,
    split_cell,
    uses_comma_separators,
)
from planextract.normalise.owner_keys import spell_out
from planextract.normalise.owner_rows import RowOwners, _row_owners, rows_as_made
from planextract.normalise.people import (
    document_surnames,
    given_names,
    is_person,
    titled_words,
)
from planextract.normalise.role_labels import (
    Spelling,
    anchors,
    choose,
    match_code,
    vocab_role,
)
from planextract.normalise.role_match import (
    NO_DOTS,
    Clusters,
    Group,
    PairSet,
    align_tokens,
    cluster,
    pair_key,
)
from planextract.normalise.role_split import (
    RoleContext,
    plan_posts,
    proven_posts,
    share_prefix,
    split_and,
    split_run_together,
)
from planextract.normalise.role_text import (
    Expander,
    Expansion,
    clean_role,
    fingerprint,
    words_of,
)
from planextract.settings import DEFAULT, OwnerSettings

# the modules whose per-document memos only owner resolution asks (tests/test_draft_pack.py
# checks none of them is asked while the records are made)
OWNER_RULES = frozenset(f"planextract.normalise.{name}"
                        for name in ("owner_cells", "owner_peel", "people", "role_match",
                                     "role_text"))

# the owner rules' memos emptied once every cell is cut too (issue 11); False, the
# reference: kept to the labels (tests swap it in over whole documents)
FORGET_CUT = True

# the pieces of a segment that are a role or a name, never both
_PARTS = re.compile(r"\s+[-–—]+\s+|\s*[():]\s*|\s+(?:and|&)\s+")


@dataclass(frozen=True)
class RoleSpelling:
    """A row of the ``roles`` table, less its ``doc_id``."""

    role: str
    spelling: str
    mentions: int
    match: str  # exact, key, builtin, vocabulary, fuzzy


@dataclass
class OwnerResolution:
    """Each row's owners (a list; ``as_made``: made one at a time as asked) and the
    document's ``roles`` rows."""

    rows: list[RowOwners] | Iterator[RowOwners]
    roles: list[RoleSpelling]


def _document_parts(cells: list[str | None], vocab: Vocabulary, commas: bool) -> set[str]:
    """Every piece of the document's owner cells, once (a post printed in many cells
    is read once)."""
    return {part for text in set(cells) for segment in segments(text or "", vocab, commas)
            for part in _PARTS.split(segment)}


def _document_role_words(cells: list[str | None], vocab: Vocabulary, commas: bool,
                         parts: set[str] | None = None) -> frozenset[str]:
    """Words the document itself uses in roles (a surname never is one): the
    words of every piece with a head noun that does not open with a rank.
    ``parts``: ``_document_parts`` of the cells, when already made."""
    words = set(vocab.role_words)
    if parts is None:
        parts = _document_parts(cells, vocab, commas)
    titles = tuple(t + " " for t in vocab.titles)  # one startswith for them all
    named = titled_words(parts, vocab)
    for part in parts:
        lowered = part.strip().lower()
        if has_head_noun(part, vocab) and not lowered.startswith(titles) \
                and not is_person(part, vocab, vocab.role_words, beside_role=True):
            words.update(w for w in _role_words_of(part, vocab) if w not in named)
    return frozenset(words)


def body_words(body: str | None, vocab: Vocabulary) -> frozenset[str]:
    """The words of the plan's own body's name (``Deepdene National Park
    Authority``), folded, less post nouns, ranks and function words: in that plan's
    posts they say no more than ``Service`` does, so ``Park Ranger Manager`` and
    ``Ranger Manager`` printed in it may be one role (``role_match.aligns``'s
    generic word more or less, still decided by ``cluster``'s guards)."""
    if not body:
        return frozenset()
    drop = vocab.head_nouns | vocab.rank_modifiers | vocab.stop_words
    return frozenset(w for w in (fold(t) for t in words_of(body)) if w and w not in drop)


def _role_words_of(part: str, vocab: Vocabulary) -> list[str]:
    """The words of a role piece, less a given name or a title and the word
    after it (a name run into the role: ``Tomasz Lowe Head of Learning``,
    ``Head of Democratic Services Professor Nowak``)."""
    out, skip = [], False
    for word in words_of(part):
        lowered = word.lower()
        if skip:
            skip = False
        elif (lowered in given_names() and lowered not in vocab.role_words) \
                or (lowered in vocab.titles and word[:1].isupper()):
            skip = True  # a name or a title, and the word after it
        else:
            out.append(lowered)
    return out


def _cut_roles(split: list[OwnerCell] | list[HeldCell], key: dict[str, str],
               builtin: dict[str, str], vocab: Vocabulary
               ) -> list[tuple[tuple[str, str], ...]]:
    """Each cell's role spellings, with the document-level cuts applied, each
    beside the text the cell prints for it (the piece itself where a cut made it)."""
    expander = Expander(key, builtin)
    fp = CutPrints(expander, vocab.stop_words)  # a piece's print kept while its cell is cut

    def acronym_of(word: str) -> str | None:
        expansion = expander.expand(word)
        return " ".join(expansion.words) if expansion.expanded else None

    known = {fp(r) for cell in split for r in (cell if type(cell) is tuple else cell.roles)}
    context = RoleContext(vocab, known, {clean_role(k) for k in key}, acronym_of, fp)
    # no set of the distinct roles: it cost 0.1x a 1 MB export's peak; proven is a set
    proven_posts((r for cell in split for r in (cell if type(cell) is tuple else cell.roles)),
                 context)
    plan_posts((r for cell in split for r in (cell if type(cell) is tuple else cell.roles)),
               context)
    out = []
    done: dict[tuple, tuple[tuple[str, str], ...]] = {}
    # one (role, printed) tuple per distinct pair, shared by the cells printing it
    one_pair: dict[tuple[str, str], tuple[str, str]] = {}
    cuts: dict[str, list[str]] = {}  # one role in many cells: cut once (issue 11)
    for cell in split:
        # a lean cell's roles stand for its printed roles where they read alike: the
        # roles alone are the key then (strings, never equal to a pair of tuples); a
        # cell of roles alone is its roles (``owner_cells.ROLES_ALONE``)
        if type(cell) is tuple:
            roles = printed_roles = seen = cell
        else:
            roles, printed_roles = cell.roles, cell.printed
            seen = roles if printed_roles is roles else (tuple(roles), tuple(printed_roles))
        if seen not in done:
            fp.forget()  # the last cell's pieces: few are tried again (issue 11)
            pairs: dict[str, str] = {}
            shared = share_prefix(roles, context)
            for role, printed, cleaned in zip(shared, printed_roles, roles):
                parts = cuts.get(role)
                if parts is None:
                    parts = cuts[role] = [p for part in split_run_together(role, context)
                                          for p in split_and(part, context)]
                for part in parts:
                    if part:
                        pairs.setdefault(part, printed if parts == [cleaned] else part)
            done[seen] = tuple(one_pair.setdefault(pair, pair) for pair in pairs.items())
        out.append(done[seen])  # one tuple per distinct cell (issue 11)
    return out


def _groups(expansions: dict[str, Expansion], mentions: Counter[str], vocab: Vocabulary
            ) -> list[Group]:
    """Spellings whose fingerprints collide, in fingerprint order."""
    by_key: dict[str, list[str]] = {}
    for s, expansion in sorted(expansions.items()):
        by_key.setdefault(fingerprint(expansion.words, vocab.stop_words), []).append(s)
    groups = []
    for fp in sorted(by_key):
        members = sorted(by_key[fp], key=lambda s: (-mentions[s], s))
        tokens, _ = align_tokens(list(expansions[members[0]].words), vocab.stop_words)
        dotted = frozenset().union(*(align_tokens(s.split(), vocab.stop_words)[1]
                                     for s in members)) or NO_DOTS
        groups.append(Group(fp, members, tokens, dotted))
    return groups


def _label(groups: list[Group], clusters: Clusters, expansions: dict[str, Expansion],
           mentions: Counter[str], in_vocab: dict[int, VocabRole | None], vocab: Vocabulary
           ) -> tuple[dict[str, str], dict[str, str]]:
    """(spelling -> label, spelling -> match code). A spelling joined by
    alignment that the label does not come from is ``fuzzy``."""
    canon: dict[str, str] = {}
    codes: dict[str, str] = {}
    for members in clusters.members:
        spelt = {i: [Spelling(s, mentions[s], expansions[s], in_vocab[i], False)
                     for s in groups[i].spellings] for i in members}
        label, source = choose([s for i in members for s in spelt[i]], vocab)
        aligned = any(i in clusters.fuzzy for i in members)
        anchored = {i for i in members if any(anchors(s, label, source, vocab) for s in spelt[i])}
        anchored = anchored or {i for i in members if any(
            anchors(s, label, source, vocab, contractions=True) for s in spelt[i])}
        for i in members:
            fuzzy = aligned and i not in anchored
            for s in spelt[i]:
                canon[s.text] = label
                codes[s.text] = match_code(replace(s, fuzzy=fuzzy), label, vocab.stop_words)
    return canon, codes


def _roles_table(cut_pairs: list[tuple[tuple[str, str], ...]], canon: dict[str, str],
                 codes: dict[str, str]) -> list[RoleSpelling]:
    """One row per (label, spelling as printed), with its mentions."""
    printed_mentions = Counter((role, printed) for pairs in cut_pairs for role, printed in pairs)
    rows: dict[tuple[str, str], list] = {}
    for (role, printed), count in printed_mentions.items():
        rows.setdefault((canon[role], printed), [0, codes[role]])[0] += count
    return [RoleSpelling(label, printed, count, code)
            for (label, printed), (count, code) in sorted(rows.items())]


def apart_pairs(per_cell: list[tuple[str, ...]], group_of: dict[str, int], count: int
                ) -> PairSet:
    """Pairs of groups printed in one cell (never one role), as ``pair_key`` ints,
    held sorted (``PairSet``); each distinct cell read once (rows printing one cell
    share its roles' tuple). ``reference_apart_pairs`` is the set it was."""
    distinct = {id(roles): roles for roles in per_cell}.values()
    return PairSet.of({pair_key(group_of[a], group_of[b], count) for roles in distinct
                       for a in roles for b in roles if group_of[a] != group_of[b]})


def reference_apart_pairs(per_cell: list[tuple[str, ...]], group_of: dict[str, int],
                          count: int) -> set[int]:
    """``apart_pairs`` as it was: a set of ints, every cell read (the tests swap it in)."""
    return {pair_key(group_of[a], group_of[b], count) for roles in per_cell
            for a in roles for b in roles if group_of[a] != group_of[b]}


def resolve(cells: list[str | None], key: dict[str, str], roles_file: str | None = None,
            sector: str | None = None, tolerance: OwnerSettings = DEFAULT.owners, *,
            as_made: bool = False, body: str | None = None) -> OwnerResolution:
    """Every owner cell of one document (one per action, in document order) to
    its canonical roles and people, with the document's ``roles`` rows.
    ``key`` is the plan's own key of abbreviations (one meaning each);
    ``sector`` the kind of body (``role_vocab.sector_of``), which decides the
    builtin acronyms that apply. ``as_made``: the rows' owners come one at a time
    as they are asked (``rows_as_made``), not as a list. ``body``: the name of the
    plan's organisation, whose words are generic in its posts (``body_words``)."""
    # a long document's free lists drained before its cells are cut and once they are
    # (memo.drain_free_lists; memo.DRAIN the switch, OwnerSettings.drain_cells how long)
    drain = memo.DRAIN and len(cells) > tolerance.drain_cells
    if drain:  # what the drafts' memos left freed goes before the cells are cut, and is
        memo.drain_free_lists()  # reused by them (issue 11: s20-cellspeak)
    vocab = role_vocab.load(roles_file)
    builtin = role_vocab.acronyms_for(vocab, sector)
    commas = uses_comma_separators(cells, vocab)
    parts = _document_parts(cells, vocab, commas)
    role_words = _document_role_words(cells, vocab, commas, parts)
    surnames = document_surnames({p.strip() for p in parts}, vocab, role_words)
    del parts
    cut = {text: lean_cell(split_cell(text, vocab, role_words, commas, surnames))
           for text in set(cells)}
    split = [cut[text] for text in cells]
    del cut  # the rows hold the cells
    forget_cuts()  # every cell is cut: its segments and peeled pieces go before the cuts
    if FORGET_CUT:  # and the rules' answers about the cells' pieces (asked again: few)
        forget_answers(OWNER_RULES)
    cut_pairs = _cut_roles(split, key, builtin, vocab)
    if FORGET_CUT:  # the cells' pieces' answers go: what follows asks of its roles alone
        forget_answers(OWNER_RULES)
    if drain:  # the free lists those answers and the cuts filled: the clustering
        memo.drain_free_lists()  # reuses their memory
    roles_of: dict[int, tuple[str, ...]] = {}  # rows printing one cell share its pairs: and roles
    per_cell = [roles_of.get(id(pairs)) or roles_of.setdefault(id(pairs),
                                                               tuple(r for r, _ in pairs))
                for pairs in cut_pairs]
    del roles_of
    mentions = Counter(r for roles in per_cell for r in roles)
    expansions = spell_out(sorted(mentions), key, builtin, vocab)
    groups = _groups(expansions, mentions, vocab)
    group_of = {s: i for i, g in enumerate(groups) for s in g.spellings}

    apart = apart_pairs(per_cell, group_of, len(groups))
    holders: dict[int, set[str]] = {}
    for cell in split:
        if type(cell) is tuple:  # roles alone: no holders (owner_cells.ROLES_ALONE)
            continue
        for role, person in cell.holders.items():
            if role in group_of:
                holders.setdefault(group_of[role], set()).add(person)
    in_vocab = {i: vocab_role(expansions[g.spellings[0]], vocab) for i, g in enumerate(groups)}
    by_role: dict[str, set[int]] = {}
    for i, found in in_vocab.items():
        if found is not None:
            by_role.setdefault(found.label, set()).add(i)
    clusters = cluster(groups, apart, holders, vocab, list(by_role.values()), tolerance,
                       body_words(body, vocab))
    del apart, holders  # read by the clustering alone
    canon, codes = _label(groups, clusters, expansions, mentions, in_vocab, vocab)
    # nothing asks the owner rules again for this document: their remembered answers
    # go now, not when it is done nor once the rows' owners are made, so the rows'
    # owners and the records reuse their memory (issue 11: 0.3-0.4x a 1 MB export's
    # records step peak, where the rows' owners were made)
    forget_document(OWNER_RULES)

    if as_made:
        roles = _roles_table(cut_pairs, canon, codes)
        del cut_pairs
        return OwnerResolution(rows_as_made(split, per_cell, canon, codes), roles)
    rows = _row_owners(split, per_cell, canon, codes)  # its lookups go before the table
    return OwnerResolution(rows, _roles_table(cut_pairs, canon, codes))
