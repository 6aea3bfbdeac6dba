"""One plan, printed in every format these readers take, gives the same actions.

The plan is written here from printed values (a merged outcome cell, bullet items,
raw numbers and dates, section headings) by a small writer per format, the way each
format prints it: HTML rowspans and lists, markdown ``<br>`` lines, CSV line breaks,
one cell per line, Word vertical merges and hand-typed bullets.
"""

import csv
import html
import io

import docx
import pytest

from planextract.extract import read_document
from planextract.normalise.document import normalise

HEADERS = ["Outcome", "Action", "Lead", "Timescale"]
SECTIONS = [
    ("SECTION 1: OUR WORKFORCE", [
        ("1. A workforce that reflects the county", "1.1 Publish the workforce profile",
         ["by grade", "by service"], "Head of HR", "March 12"),
        ("", "1.2 Train every interview panel", [], "T&D Manager", "31.3.12"),
    ]),
    ("SECTION 2: OUR SERVICES", [
        ("2. Services everyone can use", "2.1 Audit the buildings for access", [],
         "Estates Manager", "On-going"),
        ("", "2.2 Translate the leaflets", ["Polish", "Urdu"], "Comms Lead", "Dec 2012"),
    ]),
]
# owners as the project's role vocabulary labels them
EXPECTED = [
    ("SECTION 1: OUR WORKFORCE", "1", "1.1", "Publish the workforce profile\nby grade\nby service",
     ["Head of Human Resources"], "March 12"),
    ("SECTION 1: OUR WORKFORCE", "1", "1.2", "Train every interview panel",
     ["Training and Development Manager"], "31.3.12"),
    ("SECTION 2: OUR SERVICES", "2", "2.1", "Audit the buildings for access", ["Estates Manager"],
     "On-going"),
    ("SECTION 2: OUR SERVICES", "2", "2.2", "Translate the leaflets\nPolish\nUrdu",
     ["Communications Lead"], "Dec 2012"),
]
TITLE = ["Northshire County Council", "Equality Action Plan 2011 – 2012"]


def _html() -> bytes:
    out = [f"<html><body><nav>Home</nav><h1>{TITLE[0]}</h1><p>{TITLE[1]}</p>"]
    for section, rows in SECTIONS:
        out.append(f"<h2>{section}</h2><table><thead><tr>"
                   + "".join(f"<th>{h}</th>" for h in HEADERS) + "</tr></thead><tbody>")
        for index, (outcome, action, items, lead, due) in enumerate(rows):
            span = 1 + sum(1 for r in rows[index + 1:] if not r[0])
            cells = [f'<td rowspan="{span}">{outcome}</td>'] if outcome else []
            bullets = "<ul>" + "".join(f"<li>{i}</li>" for i in items) + "</ul>" if items else ""
            cells += [f"<td><p>{action}</p>{bullets}</td>", f"<td>{html.escape(lead)}</td>",
                      f"<td>{due}</td>"]
            out.append("<tr>" + "".join(cells) + "</tr>")
        out.append("</tbody></table>")
    return ("\n".join(out) + "</body></html>").encode()


def _markdown() -> bytes:
    out = [f"# {TITLE[0]}", "", f"**{TITLE[1]}**", ""]
    for section, rows in SECTIONS:
        out += [f"## {section}", "", "| " + " | ".join(HEADERS) + " |", "|---|---|---|---|"]
        for outcome, action, items, lead, due in rows:
            cell = "<br>".join([action] + [f"- {i}" for i in items])
            out.append(f"| {outcome} | {cell} | {lead} | {due} |")
        out.append("")
    return "\n".join(out).encode()


def _csv() -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    for line in TITLE:
        writer.writerow([line, "", "", ""])
    writer.writerow(["", "", "", ""])
    writer.writerow(HEADERS)
    for section, rows in SECTIONS:
        writer.writerow([section, "", "", ""])
        for outcome, action, items, lead, due in rows:
            writer.writerow([outcome, "\n".join([action] + [f"• {i}" for i in items]), lead, due])
    return buffer.getvalue().encode()


def _cells() -> bytes:
    out = [*TITLE, ""] + [f"\t{h}" for h in HEADERS] + [""]
    for section, rows in SECTIONS:
        out += ["", section, ""]
        for outcome, action, items, lead, due in rows:
            out += [f"\t{outcome}", f"\t{action}"] + [f"- {i}" for i in items]
            out += [f"\t{lead}", f"\t{due}", ""]
    return "\n".join(out).encode()


def _docx() -> bytes:
    document = docx.Document()
    document.add_heading(TITLE[0], level=1)
    document.add_paragraph(TITLE[1])
    for section, rows in SECTIONS:
        document.add_heading(section, level=2)
        table = document.add_table(rows=1 + len(rows), cols=4)
        for cell, header in zip(table.rows[0].cells, HEADERS):
            cell.text = header
        for index, (outcome, action, items, lead, due) in enumerate(rows, start=1):
            cells = table.rows[index].cells
            cells[1].text = action
            for item in items:
                cells[1].add_paragraph(f"• {item}")
            cells[2].text, cells[3].text = lead, due
            if outcome:
                cells[0].text = outcome
        for index, row in enumerate(rows, start=1):
            if not row[0]:  # merged with the outcome above
                top = table.cell(index - 1, 0)
                text = top.text
                top.merge(table.cell(index, 0)).text = text
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


@pytest.mark.parametrize("write, fmt", [(_html, "html"), (_markdown, "text-markdown"),
                                        (_csv, "csv"), (_cells, "text-cells"), (_docx, "docx")],
                         ids=["html", "text-markdown", "csv", "text-cells", "docx"])
def test_the_same_plan_in_every_format_gives_the_same_actions(write, fmt):
    raw = read_document(write())
    assert raw.source_format == fmt
    doc = normalise(raw)
    assert (doc.organisation, doc.plan_title) == tuple(TITLE)
    got = [(a["section"], a["outcome_id"], a["action_id"], a["action"], a["owners"], a["due_raw"])
           for a in doc.actions]
    assert got == EXPECTED
