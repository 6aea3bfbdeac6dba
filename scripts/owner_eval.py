"""Measure owner clustering on small generated plans with gold by construction.

Each plan draws roles from ROLES, prints each role in several of the ways plans
print it (acronyms the plan's key or the builtin table spell out, contractions,
word order, ``&``, plurals, dashes, case), packs one to three owners in a cell
(with a post holder's name now and then), and knows which role every printed
owner is. Printed: pairwise clustering F1 over owner mentions within each plan,
merges of two different roles, cells cut wrongly, and how many labels each role
gets across plans.

    .venv/bin/python scripts/owner_eval.py [--plans N] [--seed S]
    .venv/bin/python scripts/owner_eval.py --corpus out/corpus   (after make eval)

With ``--corpus`` it scores the family corpus's owner cells instead: each gold
record's ``owners_raw`` with the key planextract reads from the document (none
where the document cannot be read yet), against the gold owners and people.
"""

from __future__ import annotations

import argparse
import json
import random
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

from planextract.lexicon.role_vocab import load
from planextract.normalise.owners import resolve
from planextract.normalise.role_text import Expander, clean_role, fingerprint

# role id -> spellings a plan may print; key: abbreviations a plan's key may define
ROLES: dict[str, list[str]] = {
    "head-hr": ["Head of HR", "Head of Human Resources", "HR Head", "Hd of HR"],
    "hr-manager": ["HR Manager", "Human Resources Manager", "HR Mgr"],
    "ed-manager": ["Equality and Diversity Manager", "E&D Manager", "Equality & Diversity Mgr",
                   "E & D Manager"],
    "ce": ["Chief Executive", "CE", "Chief Exec.", "chief executive"],
    "dce": ["Deputy Chief Executive", "Dep. Chief Executive", "DCE"],
    "aco-hr": ["ACO HR", "HR ACO", "ACO – HR", "ACO -HR"],
    "aco-om": ["ACO OM", "ACO – OM", "ACO-OM"],
    "area-manager": ["Area Manager", "AM", "Area Mgr"],
    "area-business-manager": ["Area Business Manager", "Area Business Mgr"],
    "dph": ["Director of Public Health", "DPH", "Public Health Director"],
    "dir-health": ["Director of Health", "Health Director"],
    "estates": ["Head of Estates", "Estates Head", "Hd Estates"],
    "comms": ["Communications Manager", "Comms Manager", "Comms Mgr"],
    "board-sec": ["Board Secretary", "Secretary to the Board"],
    "td-manager": ["T&D Manager", "T&DM", "Training and Development Manager",
                   "T & D Manager"],
    "spo": ["SPOs", "Senior Probation Officers", "Senior Probation Officer"],
    "vlu": ["VLU Manager", "Vulnerable Lives Manager", "Vulnerable Lives Unit Manager"],
    "coordinator": ["Equality Co-ordinator", "Equality Coordinator"],
    "lnd": ["Head of L&D", "Head of Learning and Development",
            "Head of Learning & Development"],
    "pcc": ["Police and Crime Commissioner", "PCC"],
    "smt": ["SMT", "Senior Management Team"],
    "ops-manager": ["Operations Manager", "Operation Manager", "Operation Mgr.", "Ops Manager"],
}
KEY = {"T&DM": "Training and Development Manager", "VLU": "Vulnerable Lives Unit",
       "ACO": "Assistant Chief Officer", "ACO – OM": "Assistant Chief Officer Offender Management"}
PEOPLE = ["Fiona Washington", "Rob Malcolm", "Priya Shah", "Tomasz Nowak", "Gareth Pugh",
          "Aisha Khan", "Dr Lowe", "Supt Johnson", "Cllr Marsh"]
SEPARATORS = ["/", ", ", "\n", "; "]


@dataclass
class Plan:
    cells: list[str]
    gold: list[list[str]]  # role ids of each cell, printed order
    people: list[list[str]]
    key: dict[str, str]
    printed: list[list[str]]  # the spelling of each role id, as printed


def make_plan(rng: random.Random) -> Plan:
    roles = rng.sample(sorted(ROLES), rng.randint(6, 12))
    spellings = {r: rng.sample(ROLES[r], rng.randint(1, len(ROLES[r]))) for r in roles}
    plan = Plan([], [], [], dict(KEY) if rng.random() < 0.7 else {}, [])
    for _ in range(rng.randint(15, 40)):
        chosen = rng.sample(roles, rng.choice([1, 1, 1, 2, 2, 3]))
        pieces, people, printed = [], [], []
        for role in chosen:
            text = rng.choice(spellings[role])
            printed.append(text)
            if rng.random() < 0.15:
                person = rng.choice(PEOPLE)
                text = f"{text} – {person}"
                people.append(person)
            pieces.append(text)
        plan.cells.append(rng.choice(SEPARATORS).join(pieces))
        plan.gold.append(chosen)
        plan.people.append(list(dict.fromkeys(people)))
        plan.printed.append(printed)
    return plan


def pairwise(gold: list[str], found: list[str]) -> tuple[int, int, int]:
    """True positives, predicted pairs, gold pairs over mentions."""
    tp = predicted = actual = 0
    for i in range(len(gold)):
        for j in range(i + 1, len(gold)):
            same_gold, same_found = gold[i] == gold[j], found[i] == found[j]
            tp += same_gold and same_found
            predicted += same_found
            actual += same_gold
    return tp, predicted, actual


def evaluate(plans: int, seed: int) -> dict[str, float]:
    rng = random.Random(seed)
    tp = predicted = actual = 0
    merged_roles = cut_wrong = cells = 0
    labels: dict[str, set[str]] = defaultdict(set)
    alike: dict[tuple, set[str]] = defaultdict(set)
    vocab = load()
    for _ in range(plans):
        plan = make_plan(rng)
        result = resolve(plan.cells, plan.key)
        expander = Expander(plan.key, dict(vocab.acronyms))
        printed: dict[str, set[str]] = defaultdict(set)
        for spellings, gold in zip(plan.printed, plan.gold):
            for role, spelling in zip(gold, spellings):
                words = list(expander.expand(clean_role(spelling)).words)
                printed[role].add(fingerprint(words, vocab.stop_words))
        gold_mentions, found_mentions = [], []
        label_roles: dict[str, set[str]] = defaultdict(set)
        for row, gold, people in zip(result.rows, plan.gold, plan.people):
            cells += 1
            if len(row.owners) != len(gold) or row.people != people:
                cut_wrong += 1
                continue
            for role, label in zip(gold, row.owners):
                gold_mentions.append(role)
                found_mentions.append(label)
                label_roles[label].add(role)
                labels[role].add(label)
                alike[(role, frozenset(printed[role]))].add(label)
        merged_roles += sum(1 for roles in label_roles.values() if len(roles) > 1)
        counts = pairwise(gold_mentions, found_mentions)
        tp, predicted, actual = tp + counts[0], predicted + counts[1], actual + counts[2]
    precision = tp / predicted if predicted else 1.0
    recall = tp / actual if actual else 1.0
    return {"plans": plans, "cells": cells,
            "f1": 2 * precision * recall / (precision + recall) if tp else 0.0,
            "precision": precision, "recall": recall, "merged_roles": merged_roles,
            "cells_cut_wrong": cut_wrong,
            "labels_per_role": sum(len(v) for v in labels.values()) / max(len(labels), 1),
            # a role printed with the same spellings after expansion, in every plan
            "labels_per_role_spelled_alike": (sum(len(v) for v in alike.values())
                                              / max(len(alike), 1))}


def _document_key(path: Path) -> tuple[dict[str, str], str | None]:
    """The plan's key and kind of body as planextract reads them off the document
    (the kind from its file name where the reader cannot read it yet)."""
    from planextract.extract import ReaderError, read_document
    from planextract.lexicon.role_vocab import sector_of
    from planextract.normalise.document import normalise
    from planextract.normalise.glossary import unambiguous

    try:
        doc = normalise(read_document(path.read_bytes()))
    except ReaderError:
        return {}, sector_of(path.stem.replace("-", " "))
    key = unambiguous([e for e in doc.glossary if e.origin == "document"])
    return key, sector_of(doc.organisation, doc.plan_title, path.stem.replace("-", " "))


def evaluate_corpus(folder: Path) -> dict[str, float]:
    """Owner cells of the family corpus's gold records, scored as above."""
    tp = predicted = actual = 0
    merged_roles = cut_wrong = cells = keyed = 0
    across: list[tuple[str, str, str]] = []
    for gold_file in sorted((folder / "gold").glob("*.jsonl")):
        records = [json.loads(line) for line in gold_file.read_text("utf-8").splitlines()
                   if line.strip()]
        key, sector = _document_key(folder / "docs" / gold_file.name[:-len(".jsonl")])
        keyed += bool(key)
        result = resolve([r.get("owners_raw") for r in records], key, sector=sector)
        gold_mentions, found_mentions = [], []
        label_roles: dict[str, set[str]] = defaultdict(set)
        for record, row in zip(records, result.rows):
            cells += 1
            if len(row.owners) != len(record["owners"]) or \
                    sorted(row.people) != sorted(record["owner_people"]):
                cut_wrong += 1
                continue
            for role, label in zip(record["owners"], row.owners):
                gold_mentions.append(role)
                found_mentions.append(label)
                label_roles[label].add(role)
                across.append((gold_file.name, role, label))
        merged_roles += sum(1 for roles in label_roles.values() if len(roles) > 1)
        counts = pairwise(gold_mentions, found_mentions)
        tp, predicted, actual = tp + counts[0], predicted + counts[1], actual + counts[2]
    precision = tp / predicted if predicted else 1.0
    recall = tp / actual if actual else 1.0
    x_tp = x_pred = x_act = 0
    for i, (doc_a, gold_a, out_a) in enumerate(across):
        for doc_b, gold_b, out_b in across[i + 1:]:
            if doc_a != doc_b:
                x_tp += gold_a == gold_b and out_a == out_b
                x_pred += out_a == out_b
                x_act += gold_a == gold_b
    xp, xr = (x_tp / x_pred if x_pred else 1.0), (x_tp / x_act if x_act else 1.0)
    return {"documents": len(list((folder / "gold").glob("*.jsonl"))), "keys_read": keyed,
            "cells": cells, "f1": 2 * precision * recall / (precision + recall) if tp else 0.0,
            "precision": precision, "recall": recall, "merged_roles": merged_roles,
            "cells_cut_wrong": cut_wrong,
            "across_documents_f1": 2 * xp * xr / (xp + xr) if x_tp else 0.0}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--plans", type=int, default=200)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--corpus", type=Path, help="a family corpus folder (make eval)")
    args = parser.parse_args()
    scores = evaluate_corpus(args.corpus) if args.corpus else evaluate(args.plans, args.seed)
    for name, value in scores.items():
        print(f"{name:18} {value:.3f}" if isinstance(value, float) else f"{name:18} {value}")


if __name__ == "__main__":
    main()
