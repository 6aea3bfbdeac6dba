"""The benchmark's plan generator: a ruled plan whose header row repeats on
every page, and which is drawn once and then kept (the bench times reading
it, not drawing it). Times nothing."""

import sys
from pathlib import Path

import pdfplumber

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "scripts"))
import bench_plan_pdf  # noqa: E402

HEADER = "Outcomes Actions Owner Timescale Scrutiny"


def test_plan_has_the_pages_asked_for_and_repeats_its_header(tmp_path):
    target = tmp_path / "plan-3.pdf"
    facts, drawn = bench_plan_pdf.ensure(target, 3)
    assert drawn and facts["actions"] > 0
    with pdfplumber.open(target) as pdf:
        assert len(pdf.pages) == facts["pages"] >= 3
        first, second = (page.extract_text().splitlines() for page in pdf.pages[:2])
        assert pdf.pages[1].lines  # ruled: the grid is drawn, not just text
    assert first[0].startswith("BENCHMARK PROBATION TRUST")
    assert HEADER in first
    assert second[0] == HEADER  # repeatRows=1: the header heads the next page


def test_plan_is_drawn_once_then_kept(tmp_path):
    target = tmp_path / "plan-2.pdf"
    facts, drawn = bench_plan_pdf.ensure(target, 2)
    data = target.read_bytes()
    again, drawn_again = bench_plan_pdf.ensure(target, 2)
    assert drawn and not drawn_again and again == facts
    bench_plan_pdf.build(target, 2)
    assert target.read_bytes() == data  # deterministic: no date, no random seed drift
