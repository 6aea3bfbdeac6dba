"""Small generated action plans for the ingestion tests and ``make bench``.

Each plan is written as a plan prints it (raw numbers like ``1. 3``, roles spelt
as printed, raw dates like ``March 11``) in one of several formats, with a
known number of actions, so a test can check the dataset counts every one once.
"""

from __future__ import annotations

from pathlib import Path

FORMATS = ("tabbed", "cells", "markdown", "docx")


def tabbed(i: int, n: int) -> str:
    lines = [f"Borough Council {i}", f"Equality Action Plan {2010 + i % 5}", "",
             "Ref\tAction\tLead\tTarget date\tProgress"]
    for k in range(1, n + 1):
        lines.append(f"{k}. {i % 7}\tReview access route number {k} for plan {i}\t"
                     f"HR Manager\tMarch 1{k % 9}\tOn track")
    return "\n".join(lines) + "\n"


def cells(i: int, n: int) -> str:
    lines = [f"County Trust {i}", "Delivery Plan", ""]
    lines += ["\t" + h for h in ("No", "Action", "Owner", "Target Date")]
    for k in range(1, n + 1):
        lines += [f"\t{k}", f"\tTrain staff group {k} of plan {i}", "\tT&D Manager", "\t31.3.11"]
    return "\n".join(lines) + "\n"


def markdown(i: int, n: int) -> str:
    lines = [f"# Probation Area {i}", "## Action plan", "",
             "Action No\tAction\tResponsible\tBy when"]
    for k in range(1, n + 1):
        lines.append(f"{k}\t<p>Publish report {k} of plan {i}</p>\t<p>ACO HR</p>\tDecember 2011")
    return "\n".join(lines) + "\n"


def docx(i: int, n: int, path: Path) -> None:
    from docx import Document

    document = Document()
    document.add_heading(f"Fire and Rescue Service {i}", level=1)
    document.add_paragraph("Equality Scheme Action Plan")
    table = document.add_table(rows=1, cols=4)
    for cell, text in zip(table.rows[0].cells, ("No", "Action", "Lead", "Target date")):
        cell.text = text
    for k in range(1, n + 1):
        row = table.add_row().cells
        for cell, text in zip(row, (f"{k}.", f"Audit station {k} of plan {i}",
                                    "Area Manager", "Sept 2012")):
            cell.text = text
    document.save(str(path))


def write_plan(folder: Path, i: int, fmt: str, actions: int = 5, name: str | None = None
               ) -> Path:
    """Write plan number ``i`` in format ``fmt`` with ``actions`` actions."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / (name or f"plan-{i:05d}.{'docx' if fmt == 'docx' else 'txt'}")
    if fmt == "docx":
        docx(i, actions, path)
    else:
        path.write_text({"tabbed": tabbed, "cells": cells, "markdown": markdown}[fmt](i, actions),
                        encoding="utf-8")
    return path


def write_plans(folder: Path, count: int, formats: tuple[str, ...] = FORMATS,
                actions: int = 5) -> dict[str, int]:
    """``count`` plans, formats taken in turn; returns path -> actions written."""
    made = {}
    for i in range(count):
        made[str(write_plan(folder, i, formats[i % len(formats)], actions))] = actions
    return made
