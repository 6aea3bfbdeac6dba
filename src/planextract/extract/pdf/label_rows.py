"""Forms drawn with no vertical rule: lines of a label at the left and its value set
off by a gutter (``Lead officer      Head of HR``), the same labels again for each
action. A ruled form is a grid; an unruled one has no header for the unruled tables
to anchor on, so its lines would be read as text, label and value run together. Here
such a run of lines becomes a two-column table (its value's wrapped lines joined to
it), which ``extract.form_tables`` then reads as forms.

A run is lines, one under the other, each a label-like first cell starting at one x
and a second cell starting at another further right (or, wrapped, a line starting at
that second x alone, or a line of a first cell alone: a title); it is a table only
where some label comes back (``min_records``) and ``min_labels`` labels do so: a list
of abbreviations and their meanings prints each once, and stays lines.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from planextract.extract.form_tables import label_of
from planextract.extract.pdf.columns import Line, aligned, cell_groups
from planextract.settings import DEFAULT, LabelledSettings, PdfSettings


def _key(text: str, settings: LabelledSettings) -> str:
    """A label without its colon and a number printed after it (``Action 3``): the
    form rule's own reading (``form_tables.label_of``)."""
    found = label_of(text, settings)
    return found[0].lower() if found else text.lower()


@dataclass(frozen=True, slots=True)
class LabelRun:
    """A run's rows (label, value), where it lies, and its two columns' x-ranges."""

    rows: list[list[str]]
    top: float
    bottom: float
    spans: list[tuple[float, float]]
    labels: tuple[str, ...] = ()  # its labels (``_key``), those printed with a value
    # a run whose labels do not come back on this page (a form or two at a page's foot
    # or under a heading): its lines, read as lines unless the document's forms print
    # every one of its labels (``stitch``)
    lines: list[Line] | None = None


def label_rows(lines: list[Line], settings: PdfSettings = DEFAULT.pdf,
               labelled: LabelledSettings = DEFAULT.labelled,
               ends: set[int] | frozenset[int] = frozenset()) -> list[Line | LabelRun]:
    """``lines`` with each run of label and value lines replaced by its rows, in
    place of the run's lines; other lines as they were (``ends``: the indexes of
    lines no run takes, a page's running header and number). A line of one cell at the
    labels' x is the run's only where it ends with a number (a record's title,
    ``Action 3``) or a colon (a label printed with no value): else it is a heading,
    and ends the run. A run printing two labels
    or more that do not come back on the page is handed on with its lines
    (``LabelRun.lines``), for the document to decide."""
    out: list[Line | LabelRun] = []
    k = 0
    while k < len(lines):
        end, rows = _run(lines, k, settings, labelled, ends)
        labels = tuple(dict.fromkeys(_key(label, labelled) for label, value in rows if value))
        repeats = bool(rows) and _repeats(rows, labelled)
        if repeats or len(labels) >= labelled.min_labels:
            run = lines[k:end]
            left = min(w.x0 for line in run for w in line)
            right = cell_groups(lines[k], settings.cell_gap)[1][0].x0
            out.append(LabelRun(rows, min(w.top for w in run[0]),
                                max(w.bottom for w in run[-1]),
                                [(left, right), (right, max(w.x1 for line in run for w in line))],
                                labels, None if repeats else run))
            k = end
            continue
        out.append(lines[k])
        k += 1
    return out


def _run(lines: list[Line], k: int, settings: PdfSettings, labelled: LabelledSettings,
         ends: set[int] | frozenset[int] = frozenset()) -> tuple[int, list[list[str]]]:
    """(end, rows) of the run of label lines from ``lines[k]`` on; no rows when it
    does not open with one."""
    groups = cell_groups(lines[k], settings.cell_gap)
    if k in ends or len(groups) != 2 or label_of(_words(groups[0]), labelled) is None:
        return k, []
    left, right = groups[0][0].x0, groups[1][0].x0
    rows: list[list[str]] = []
    end = k
    while end < len(lines) and end not in ends:
        groups = cell_groups(lines[end], settings.cell_gap)
        first = groups[0][0].x0
        if len(groups) == 2 and aligned(first, [left], settings) \
                and aligned(groups[1][0].x0, [right], settings) \
                and label_of(_words(groups[0]), labelled) is not None:
            rows.append([_words(groups[0]), _words(groups[1])])
        elif len(groups) == 1 and rows and first >= right - settings.align:
            # the value wrapped (or its list items, indented under it)
            rows[-1][1] = f"{rows[-1][1]}\n{_words(groups[0])}"
        elif len(groups) == 1 and aligned(first, [left], settings) \
                and _title_or_bare(_words(groups[0]), labelled):
            # a numbered title (``Action 3``), or a label with a colon and no value
            rows.append([_words(groups[0]), ""])
        else:
            break
        end += 1
    return end, rows


def _repeats(rows: list[list[str]], settings: LabelledSettings) -> bool:
    used = Counter(_key(label, settings) for label, value in rows if value)
    return sum(1 for count in used.values() if count >= settings.min_records) \
        >= settings.min_labels


def _words(group: Line) -> str:
    return " ".join(w.text for w in group)


def _title_or_bare(text: str, settings: LabelledSettings) -> bool:
    """A label with a number (a record's title, ``Action 3``) or with a colon and no
    value: a form's line of one cell."""
    found = label_of(text, settings)
    return found is not None and (bool(found[1]) or text.rstrip().endswith(":"))
