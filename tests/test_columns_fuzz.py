"""The normaliser never raises on odd tables: empty tables and rows, ragged
widths, header words in data, numbers everywhere (seeded, so it is repeatable)."""

import random

from planextract.extract.model import Cell, Paragraph, RawDocument, Row, Table
from planextract.normalise.document import normalise

WORDS = ["Action", "Owner", "Lead", "Due", "Date", "Issues", "Outcome", "No", "RAG", "Green",
         "1", "1.1", "A 2", "1.1.1", "2012", "31.6.10", "March 09", "Ongoing", "Start", "End",
         "Theme", "Race", "Priority A: Staff", "Objective 2: Pay", "- item", "• item", "",
         "Develop a plan for the staff network", "Review the policy", "HR", "To", "From"]


def _cell(rng: random.Random) -> Cell:
    return Cell(tuple(" ".join(rng.choice(WORDS) for _ in range(rng.randint(0, 4)))
                      for _ in range(rng.randint(0, 3))))


def _table(rng: random.Random) -> Table:
    rows = []
    for n in range(rng.randint(0, 8)):
        width = rng.randint(0, 7)
        rows.append(Row(tuple(_cell(rng) for _ in range(width)), line_start=n + 1,
                        line_end=n + 1, after_break=rng.random() < 0.2))
    return Table(tuple(rows))


def test_random_tables_never_raise_and_every_record_has_text():
    rng = random.Random(6)
    for _ in range(150):
        blocks = [_table(rng) if rng.random() < 0.7 else Paragraph(rng.choice(WORDS) or "x",
                                                                     level=rng.randint(0, 2))
                  for _ in range(rng.randint(1, 5))]
        doc = normalise(RawDocument("docx", blocks))
        assert all(a.action.strip() for a in doc.actions)
        assert all(a.due_kind in {"date", "range", "multiple", "ongoing", "unknown", "none"}
                   for a in doc.actions)
