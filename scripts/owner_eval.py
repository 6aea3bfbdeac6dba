"""Measure owner clustering on small generated plans with gold by construction.

Each plan draws roles from ROLES, prints each role in several of the ways plans
print it (acronyms the plan's key or the builtin table spell out, contractions,
word order, ``&``, plurals, dashes, case), packs one to three owners in a cell
(with a post holder's name now and then), and knows which role every printed
owner is. Printed: pairwise clustering F1 over owner mentions within each plan,
merges of two different roles, cells cut wrongly, and how many labels each role
gets across plans.

    .venv/bin/python scripts/owner_eval.py [--plans N] [--seed S]
"""

from __future__ import annotations

import argparse
import random
from collections import defaultdict
from dataclasses import dataclass

from planextract.normalise.owners import resolve
from planextract.normalise.role_text import Expander, clean_role, fingerprint
from planextract.normalise.role_vocab import load

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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--plans", type=int, default=200)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    scores = evaluate(args.plans, args.seed)
    for name, value in scores.items():
        print(f"{name:18} {value:.3f}" if isinstance(value, float) else f"{name:18} {value}")


if __name__ == "__main__":
    main()
