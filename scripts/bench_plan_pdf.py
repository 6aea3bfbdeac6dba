"""A long, realistic plan PDF for the benchmark, drawn with reportlab.

A title, theme headings and one ruled table per theme (Outcome, Action,
Owner, Timescale, Scrutiny) whose header repeats on every page and whose long
rows split across pages, as the samples' Word tables do. Deterministic: the
same page count gives the same file, so ``ensure`` keeps it between runs.
"""

from __future__ import annotations

import json
import random
from pathlib import Path

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle, getSampleStyleSheet
from reportlab.lib.units import cm
from reportlab.platypus import Paragraph, SimpleDocTemplate, Table, TableStyle

WORDS = ("monitor analyse review develop implement equality diversity staff offenders "
         "service delivery data training managers outcomes report board partners "
         "consultation disability race gender age faith assessment impact policy").split()
OWNERS = ["ACO HR", "ACO – OM", "T&D Manager", "Diversity Manager", "All ACOs", "CE", "Board"]
DATES = ["December 2010", "April 2011", "March 09", "31.3.11", "On-going", "Dec 09 – Dec 2012"]
SCRUTINY = ["ET/DSG", "Board/ET/HRC/DSG", "HRC", "ET"]
OUTCOMES_PER_PAGE = 2.2  # outcomes of one to three actions of this length per page


def _sentence(rng: random.Random, low: int, high: int) -> str:
    words = [rng.choice(WORDS) for _ in range(rng.randint(low, high))]
    return " ".join(words).capitalize() + "."


def build(target: Path, pages: int) -> int:
    """Write a plan of about ``pages`` pages (within a few per cent) to
    ``target``; returns the number of actions in it, for checking the reading."""
    rng = random.Random(pages)
    styles = getSampleStyleSheet()
    body = ParagraphStyle("cell", parent=styles["BodyText"], fontSize=9, leading=11)
    head = ParagraphStyle("head", parent=body, fontName="Helvetica-Bold")
    header = [Paragraph(t, head) for t in ("Outcomes", "Actions", "Owner", "Timescale",
                                           "Scrutiny")]
    story: list = [Paragraph("BENCHMARK PROBATION TRUST: SINGLE EQUALITY SCHEME ACTION PLAN",
                             styles["Heading1"])]
    rows_left = round(pages * OUTCOMES_PER_PAGE)
    outcome = 0
    theme = 0
    actions = 0
    while rows_left > 0:
        theme += 1
        story.append(Paragraph(f"OBJECTIVE {theme}: THEME NUMBER {theme}", styles["Heading2"]))
        data = [header]
        for _ in range(min(rows_left, 60)):
            outcome += 1
            for action in range(1, rng.randint(2, 4)):
                first = action == 1
                actions += 1
                data.append([
                    Paragraph(f"{outcome}. {_sentence(rng, 10, 30)}" if first else "", body),
                    Paragraph(f"{outcome}.{action} {_sentence(rng, 20, 90)}", body),
                    Paragraph(rng.choice(OWNERS), body),
                    Paragraph(rng.choice(DATES), body),
                    Paragraph(rng.choice(SCRUTINY), body)])
            rows_left -= 1
        story.append(Table(data, colWidths=[6 * cm, 10 * cm, 3.5 * cm, 3 * cm, 3 * cm],
                           repeatRows=1, splitInRow=1,
                           style=TableStyle([("GRID", (0, 0), (-1, -1), 0.5, colors.black),
                                             ("VALIGN", (0, 0), (-1, -1), "TOP")])))
    target.parent.mkdir(parents=True, exist_ok=True)
    SimpleDocTemplate(str(target), pagesize=landscape(A4), invariant=1,
                      title="Benchmark plan").build(story)
    return actions


def ensure(target: Path, pages: int) -> tuple[dict, bool]:
    """The plan at ``target`` with its page and action counts, drawn only when
    missing or older than this script (drawing 300 pages takes seconds, and
    the same page count always gives the same file). The counts are kept in a
    JSON file beside it, so the benchmark can check every drawn action is read
    back. Returns the counts and whether the plan was drawn now."""
    facts_path = target.with_suffix(".json")
    script_time = Path(__file__).stat().st_mtime
    if (target.exists() and facts_path.exists()
            and min(target.stat().st_mtime, facts_path.stat().st_mtime) >= script_time):
        facts = json.loads(facts_path.read_text())
        if facts.get("requested") == pages:
            return facts, False
    actions = build(target, pages)
    facts = {"requested": pages, "pages": _page_count(target), "actions": actions}
    facts_path.write_text(json.dumps(facts) + "\n")
    return facts, True


def _page_count(path: Path) -> int:
    """Pages in the drawn file: the page count asked for is only approximate."""
    import pypdfium2

    document = pypdfium2.PdfDocument(str(path))
    try:
        return len(document)
    finally:
        document.close()
