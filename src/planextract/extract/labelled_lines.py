"""What the labelled-records rule (``extract.labelled``) reads a paragraph as: a
``Label: value`` line, a bullet item, or neither; and a text export's or a PDF's
printed lines made paragraphs again where one runs on over several.

A Word or HTML paragraph is the author's. A text export prints each paragraph on a
line (Word's plain text) or wraps it (pandoc's markdown, paragraphs apart by blank
lines); a PDF prints lines, which its reader joins only where a line runs to the
text's right edge (a value set in a narrow block, or running on after a bold label,
does not). Joined here: the lines a paragraph printed, by what the lines
themselves show, never by the labels' words."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable

from planextract.extract.model import Paragraph
from planextract.extract.printed import DASH_BULLET, GLYPH_BULLET, NUMBERED
from planextract.settings import DEFAULT, LabelledSettings

_LABEL = re.compile(r"([A-Z][^:\n]*?)[^\S\n]*:[^\S\n]+(\S[^\n]*)")
_MARKS = re.compile(r"^\s*(?:#{1,6}\s+)?|\*\*|__")
_LOWER_LABEL = re.compile(r"[a-z][^:\n]*:[^\S\n]")


def label_line(block: object, settings: LabelledSettings) -> tuple[str, str] | None:
    """(label, value) of a one-line ``Label: value`` paragraph, or None."""
    if not isinstance(block, Paragraph) or block.level or ":" not in block.text:
        return None
    found = _LABEL.fullmatch(block.text.strip())
    if found is None:
        return None
    label = found.group(1).strip()
    if (len(label) > settings.label_chars or len(label.split()) > settings.label_words
            or label[-1] in ".;,!?"):
        return None
    return label, found.group(2).strip()


def is_item(block: Paragraph) -> bool:
    """A bullet item: printed with its glyph (a PDF's list item), or one whose glyph
    or mark its reader took off (a text export's)."""
    return block.item or bool(GLYPH_BULLET.match(block.text) or DASH_BULLET.match(block.text))


def unglyphed(text: str) -> str:
    """An item's text without the bullet glyph it opens with (as Word's list items)."""
    return DASH_BULLET.sub("", GLYPH_BULLET.sub("", text, count=1), count=1)


def looks_labelled(lines: Iterable[str], settings: LabelledSettings = DEFAULT.labelled) -> bool:
    """A text with no table whose lines print labelled records: ``min_labels``
    labels or more each printed on ``min_records`` lines or more (markdown's heading
    and bold marks taken off). Read as ``text-plain``: a paragraph a line."""
    used: Counter[str] = Counter()
    for line in lines:
        if ":" in line:
            pair = label_line(Paragraph(_MARKS.sub("", line)), settings)
            if pair is not None:
                used[pair[0]] += 1
    return sum(1 for count in used.values() if count >= settings.min_records) \
        >= settings.min_labels


def text_run_ons(blocks: list, lines: list, settings: LabelledSettings) -> list:
    """A text export's lines as paragraphs. An export that parts its paragraphs by
    blank lines (pandoc's markdown: most labelled lines with a blank line above
    them) may wrap one over several lines: there a line right under another
    continues it, unless either is a heading or it opens a label, a bullet item or
    a bold title. An export with no blank line between its label lines prints a
    paragraph a line."""
    labelled = [k for k, line in enumerate(lines) if line is not None and k
                and isinstance(blocks[k - 1], Paragraph)]
    apart = sum(1 for k in labelled if _gap(blocks[k - 1], blocks[k]))
    if not labelled or 2 * apart < len(labelled):
        return blocks
    out: list = []
    end = None  # the last line of the paragraph out[-1]
    for k, block in enumerate(blocks):
        before = out[-1] if out else None
        if (isinstance(block, Paragraph) and isinstance(before, Paragraph)
                and end is not None and block.line == end + 1
                and not (before.level or block.level)
                and lines[k] is None and not is_item(block) and not block.bold):
            out[-1] = _emphasised(_joined(before, block))
            end = block.line
            continue
        out.append(block)
        end = block.line if isinstance(block, Paragraph) else None
    return out


_WRAPPED_BOLD = re.compile(r"(\*\*|__)(.+)\1", re.S)


def _emphasised(block: Paragraph) -> Paragraph:
    """A markdown paragraph bold as a whole once its lines are joined (``**`` opens
    its first line and closes its last, which no line read alone shows)."""
    found = _WRAPPED_BOLD.fullmatch(block.text.strip())
    if found is None or found.group(1) in found.group(2):
        return block
    return Paragraph(found.group(2).strip(), line=block.line, page=block.page,
                     level=block.level, bold=True)


def _gap(above: Paragraph, below: Paragraph) -> bool:
    """A blank line (or more) between two paragraphs of a text export."""
    return above.line is None or below.line is None or below.line - above.line > 1


def pdf_run_ons(blocks: list, lines: list, settings: LabelledSettings) -> list:
    """A PDF's lines as paragraphs, where a labelled record's paragraph ran on: a
    label wrapped before its colon (``Target for`` over ``completion: May 2012``:
    the second line opens in lower case with the label's end); a label line the
    reader ran onto the value above it (that value reached the right edge), parted
    again before a label the plan prints at the start of two lines or more; a
    title's lines, one weight and size (two bold lines of body text in a row, never
    a document's headings set larger); a value or an item running on (a plain line
    right under a label line or an item, opening no label, item or numbered title).
    """
    blocks = _wrapped_labels(blocks, lines, settings)
    blocks = _parted(blocks, [label_line(b, settings) for b in blocks], settings)
    lines = [label_line(b, settings) for b in blocks]
    out: list = []
    kinds: list[str] = []  # label, item, title, other: what each paragraph of out is
    for block, line in zip(blocks, lines):
        before = out[-1] if out else None
        kind = kinds[-1] if kinds else "other"
        if isinstance(block, Paragraph) and isinstance(before, Paragraph) \
                and block.page == before.page and line is None:
            title = kind == "title" and block.bold == before.bold \
                and block.level == before.level and block.level in settings.title_levels
            runs_on = kind in ("label", "item") and _plain(block) \
                and not _numbered_title(block.text) and not _LOWER_LABEL.match(block.text)
            if title or runs_on:
                out[-1] = _joined(before, block)
                continue
        out.append(block)
        kinds.append("other" if not isinstance(block, Paragraph) else "label" if line
                     else "item" if is_item(block)
                     else "title" if block.bold or block.level else "other")
    return out


def _wrapped_labels(blocks: list, lines: list, settings: LabelledSettings) -> list:
    """Two plain lines that are one label line joined (``Target for`` over
    ``completion: May 2012``), joined."""
    out: list = []
    k = 0
    while k < len(blocks):
        block = blocks[k]
        after = blocks[k + 1] if k + 1 < len(blocks) else None
        if (lines[k] is None and isinstance(block, Paragraph) and isinstance(after, Paragraph)
                and _plain(block) and _plain(after) and _LOWER_LABEL.match(after.text)
                and label_line(_joined(block, after), settings) is not None):
            out.append(_joined(block, after))
            k += 2
            continue
        out.append(block)
        k += 1
    return out


def _parted(blocks: list, lines: list, settings: LabelledSettings) -> list:
    """Label lines holding a second ``Label:`` of the plan's own (one opening two
    lines or more) after their value, parted before it."""
    used = Counter(line[0] for line in lines if line is not None)
    labels = [label for label, count in used.items() if count >= 2]
    if not labels:
        return blocks
    inner = re.compile(r"\s(?=(?:" + "|".join(re.escape(label) for label in labels)
                       + r")\s*:\s)")
    out: list = []
    for block, line in zip(blocks, lines):
        if line is None:
            out.append(block)
            continue
        pieces = inner.split(block.text)
        out += [Paragraph(piece.strip(), line=block.line, page=block.page)
                for piece in pieces if piece.strip()] if len(pieces) > 1 else [block]
    return out


def _numbered_title(text: str) -> bool:
    """A line opening with a number and a capitalised word: the next record's
    title (``2.1 Review the ...``), not a value running on (``2012``, ``2013 onwards``)."""
    found = NUMBERED.match(text)
    return found is not None and text[found.end():].lstrip()[:1].isupper()


def _plain(block: Paragraph) -> bool:
    """A line of body text: no heading, no bold, no bullet glyph."""
    return not (block.level or block.bold or is_item(block))


def _joined(before: Paragraph, block: Paragraph) -> Paragraph:
    return Paragraph(f"{before.text} {block.text}", line=before.line, page=before.page,
                     level=before.level, bold=before.bold, item=before.item)
