"""The small plan every readable case of the hostile corpus prints, with its
expected actions beside it."""

from __future__ import annotations

# a small plan as a text export prints it, with its expected actions beside it
PLAN_TITLE = ["Derbyshire Probation Trust", "Single Equality Scheme Action Plan 2010 – 2011", ""]
PLAN_HEADER = ["Ref", "Action", "Lead", "Timescale"]
PLAN_ROWS = [
    ["1. 1", "Révise the ‘Dignity at Work’ policy – café staff", "HR ACO", "March 09"],
    ["1. 2", "Consult Zoë’s équipe on the scheme", "Diversity Manager", "31.3.11"],
    ["1. 3", "Publish the scheme in Braille and large print", "Comms Manager", "On-going"],
]
PLAN_ACTIONS = ["Révise the ‘Dignity at Work’ policy – café staff",
                "Consult Zoë’s équipe on the scheme",
                "Publish the scheme in Braille and large print"]
XXE_MARKER = "XXE-SECRET-7f3a"  # the local file's content: must never reach the output


def plain_punctuation(text: str) -> str:
    """Curly quotes and dashes as ASCII, for encodings and fonts without them."""
    return text.replace("‘", "'").replace("’", "'").replace("–", "-")


def plan_text(rows: list[list[str]] | None = None) -> str:
    lines = [*PLAN_TITLE, "\t".join(PLAN_HEADER)]
    lines += ["\t".join(r) for r in rows or PLAN_ROWS]
    return "\n".join(lines) + "\n"
