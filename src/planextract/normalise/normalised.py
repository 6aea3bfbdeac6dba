"""A document as the normaliser hands it on: its records, glossary, owner roles and
the warnings its repairs left (shared by the two passes, drafts and records)."""

from __future__ import annotations

from dataclasses import dataclass, field

from planextract.normalise import glossary, owners
from planextract.normalise.record import ActionRecord


@dataclass
class NormalisedDocument:
    organisation: str | None
    plan_title: str | None
    actions: list[ActionRecord] = field(default_factory=list)
    glossary: list[glossary.Entry] = field(default_factory=list)
    roles: list[owners.RoleSpelling] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


def _warn(doc: NormalisedDocument, message: str) -> None:
    if message not in doc.warnings:
        doc.warnings.append(message)
