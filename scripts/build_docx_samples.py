"""Rebuild ``samples/*.docx``: each plan as its authors' Word file would have been.

The text exports in ``samples/`` are what other tools made of Word tables. This
script rebuilds those Word tables from the hand-checked records in ``golden/``
(the plan as a person reads it) plus each plan's own title lines, narrative and
key of abbreviations: one real table per plan table with a header row, outcome
cells merged vertically over their actions, bullet items as separate List Bullet
paragraphs, headings by style.

    .venv/bin/python scripts/build_docx_samples.py

Needs only python-docx (a project dependency). The .docx files are committed; the
tests read them, they never rebuild them.
"""

from __future__ import annotations

import json
import re
import sys
from itertools import groupby
from pathlib import Path

import docx
from docx.enum.section import WD_ORIENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt

ROOT = Path(__file__).resolve().parent.parent

# Per plan: title lines, narrative, where the key is, and the table columns.
# Column kinds: outcome, action, action-numbered (number in the text), id (own column), owner, due,
# duty, scrutiny, strand, progress, risk.
PLANS = {
    "west-mercia-probation-trust_single-equality-scheme-action-plans": {
        "title": ["WEST MERCIA PROBATION TRUST: SINGLE EQUALITY SCHEME ACTION PLANS"],
        "narrative": ["This plan is in two parts starting with objectives that are common to "
                      "all the six equality strands and then moves to objectives specific to "
                      "each equality strand."],
        "key_from_text": True,
        "columns": [("Outcomes", "outcome"), ("Actions", "action-numbered"), ("Owner", "owner"),
                    ("Timescale", "due"), ("General Duty Relevance", "duty"),
                    ("Scrutiny", "scrutiny")],
    },
    "cheshire-probation_ses-action-plan-year3-2011-12": {
        "title": ["Cheshire Probation Single Equality Scheme", "Action Plan 2009-12"],
        "narrative": [],
        "columns": [("Outcome", "outcome"), ("Actions", "action"), ("By when", "due"),
                    ("By whom", "owner"), ("RAG Status", "progress")],
    },
    "derbyshire-probation-trust_ses-action-plan-2010-11": {
        "title": ["Derbyshire Probation Trust", "Single Equality Scheme Action Plan 2010 – 2011"],
        "narrative": [],
        "columns": [("No", "id"), ("Diversity Strand", "strand"),
                    ("Objective / Measurable Outcomes", "action"), ("By Whom", "owner"),
                    ("Date", "due"), ("Update", "progress")],
    },
    "noms_equality-strategy-delivery-plan-2015-17": {
        "title": ["The National Offender Management Service", "Equality Strategy 2015 - 2017"],
        "narrative": ["The offenders in our care or under our supervision and the staff in "
                      "our organisation are entitled to fair, transparent and equitable "
                      "treatment."],
        "columns": [("", "id"), ("What we want to achieve", "outcome"),
                    ("What action we will take", "action"), ("Timescale", "due")],
    },
    "west-midlands-police_edhr-delivery-plan": {
        "title": ["Equality, Diversity and Human Rights Delivery Plan"],
        "narrative": [],
        "columns_by_table": {
            "EDHR Programme Board - Delivery Plan": [
                ("Strategic Theme action", "id"), ("Action Required", "action"), ("PC", "strand"),
                ("Action Owner", "owner"), ("Date to be Completed", "due"),
                ("Progress Update", "progress"), ("Risk", "risk")],
            "Staff Survey Delivery Plan": [
                ("Action", "id"), ("Issues", "action"), ("Contact", "owner"),
                ("Current position", "progress"), ("Risks / Issues", "risk")],
        },
    },
}


def _key_from_text(stem: str) -> list[tuple[str, str]]:
    lines = (ROOT / "samples" / f"{stem}.txt").read_text(encoding="utf-8").splitlines()
    start = next(i for i, ln in enumerate(lines) if ln.startswith("Key to Abbreviations"))
    pairs = []
    for line in lines[start + 1:]:
        if "\t" in line:
            a, b = line.split("\t", 1)
            pairs.append((a, b))
        elif pairs and not line.strip():
            break
    return pairs


def _repeat_header(row) -> None:
    trpr = row._tr.get_or_add_trPr()
    node = OxmlElement("w:tblHeader")
    node.set(qn("w:val"), "true")
    trpr.append(node)


def _fill(cell, text: str | None) -> None:
    """First line as the cell's paragraph, the rest as List Bullet paragraphs."""
    lines = (text or "").split("\n")
    cell.paragraphs[0].text = lines[0]
    for line in lines[1:]:
        cell.add_paragraph(line, style="List Bullet")


def _value(record: dict, kind: str) -> str:
    if kind == "outcome":
        number = record["outcome_id"]
        text = record["outcome"] or ""
        return f"{number}. {text}" if number and "." not in number else (
            f"{number} {text}" if number else text)
    if kind in ("action", "action-numbered"):
        number = record["action_id"] if kind == "action-numbered" else None
        return f"{number} {record['action']}" if number else record["action"]
    if kind == "id":
        return record["action_id"] or ""
    if kind == "owner":
        return ", ".join(record["owners"] + record["owner_people"])
    if kind == "due":
        return record["due_raw"] or ""
    if kind == "duty":
        return record["duty_relevance"] or ""
    if kind == "scrutiny":
        return "/".join(record["scrutiny"])
    if kind == "strand":
        return ", ".join(record["strands"])
    return record.get(kind) or ""


# Relative column widths by kind: wide text columns, narrow number and date ones.
WIDTHS = {"outcome": 3.0, "action": 4.5, "action-numbered": 4.5, "id": 1.8, "owner": 2.3,
          "due": 1.9, "duty": 1.3, "scrutiny": 2.6, "strand": 1.4, "progress": 3.5,
          "risk": 2.5}
PAGE_WIDTH, MARGIN = Cm(29.7), Cm(2)


def _landscape(document) -> None:
    """A4 landscape, as wide plan tables are printed."""
    section = document.sections[0]
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = PAGE_WIDTH, Cm(21)
    section.left_margin = section.right_margin = MARGIN
    section.top_margin = section.bottom_margin = MARGIN


def _set_widths(table, kinds: list[str]) -> None:
    """Column widths in the grid (LibreOffice) and on every cell (Word)."""
    usable = PAGE_WIDTH - 2 * MARGIN
    weights = [WIDTHS.get(kind, 2.0) for kind in kinds]
    widths = [int(usable * w / sum(weights)) for w in weights]
    table.autofit = False
    for column, width in zip(table.columns, widths):
        column.width = width
    for row in table.rows:
        for cell, width in zip(row.cells, widths):
            cell.width = width


def _table(document, columns, records) -> None:
    if not any(kind == "duty" and any(r["duty_relevance"] for r in records)
               for _, kind in columns):
        columns = [c for c in columns if c[1] != "duty"]
    table = document.add_table(rows=1, cols=len(columns))
    table.style = "Table Grid"
    for cell, (header, _kind) in zip(table.rows[0].cells, columns):
        cell.text = header
        for run in cell.paragraphs[0].runs:
            run.bold = True
    _repeat_header(table.rows[0])
    outcome_col = next((i for i, c in enumerate(columns) if c[1] == "outcome"), None)
    first_of_outcome = None
    previous_outcome = object()
    for record in records:
        row = table.add_row()
        for cell, (_header, kind) in zip(row.cells, columns):
            if kind != "outcome":
                _fill(cell, _value(record, kind))
        if outcome_col is None:
            continue
        key = (record["outcome_id"], record["outcome"])
        if key != previous_outcome or first_of_outcome is None:
            first_of_outcome = row.cells[outcome_col]
            _fill(first_of_outcome, _value(record, "outcome"))
            previous_outcome = key
        else:
            text = first_of_outcome.text
            merged = first_of_outcome.merge(row.cells[outcome_col])
            for paragraph in merged.paragraphs[1:]:
                paragraph._p.getparent().remove(paragraph._p)
            merged.paragraphs[0].text = text
            first_of_outcome = merged
    _set_widths(table, [kind for _, kind in columns])


def load_records(stem: str) -> list[dict]:
    """The plan's hand-checked golden records."""
    return [json.loads(line) for line in
            (ROOT / "golden" / f"{stem}.jsonl").read_text(encoding="utf-8").splitlines()
            if line]


def build(stem: str) -> Path:
    plan = PLANS[stem]
    records = load_records(stem)
    document = docx.Document()
    document.styles["Normal"].font.size = Pt(10)
    _landscape(document)
    for level, line in enumerate(plan["title"], start=1):
        document.add_heading(line, level=level)
    for line in plan["narrative"]:
        document.add_paragraph(line)
    if plan.get("key_from_text"):
        document.add_paragraph("Key to Abbreviations:")
        pairs = _key_from_text(stem)
        key = document.add_table(rows=0, cols=2)
        for abbreviation, expansion in pairs:
            cells = key.add_row().cells
            cells[0].text, cells[1].text = abbreviation, expansion
    group = lambda r: (r["table"], r["section"], r["objective_id"], r["objective"])  # noqa: E731
    last = (None, None, None, None)
    for (table, section, objective_id, objective), rows in groupby(records, key=group):
        rows = list(rows)
        if table and table != last[0]:
            document.add_heading(table, level=2)
        if section and section != last[1]:
            document.add_heading(section, level=2)
        if objective:
            label = (f"({objective_id}) {objective}" if re.match(r"^[A-Z ]+EQUALITY:", objective)
                     else f"Objective {objective_id}: {objective}")
            document.add_heading(label, level=3)
        columns = plan.get("columns") or plan["columns_by_table"][table]
        _table(document, columns, rows)
        last = (table, section, objective_id, objective)
    target = ROOT / "samples" / f"{stem}.docx"
    document.core_properties.author = "planextract sample builder"
    document.save(target)
    return target


if __name__ == "__main__":
    for name in sys.argv[1:] or PLANS:
        print(build(name))
