"""A PDF cell that keeps its raw text as its printed line lengths (issue 11).

Most cells of a long plan wrap over a few lines and print no bullet, hyphen
cut or paragraph break: their one part is their raw lines joined by spaces, so
the raw text is that part with some spaces made line breaks. Holding the raw
text as well doubled what every such cell cost (a 3,014-page plan: about 7 MB
of raw strings beside 7.7 MB of parts). ``PackedCell`` keeps the line lengths
(one byte a line) and rebuilds ``raw`` when asked (the stitcher's page-break
join and the limits check, once a cell); it equals, hashes and prints as the
``Cell`` of the same parts and raw text. Any other cell stays a ``Cell``.
"""

from __future__ import annotations

from planextract.extract.model import Cell


class PackedCell(Cell):
    """A ``Cell`` whose ``raw`` is its one part with line breaks put back."""

    __slots__ = ("_lines",)

    def __init__(self, part: str, lines: bytes) -> None:  # noqa: D107 - see packed()
        object.__setattr__(self, "parts", (part,))
        object.__setattr__(self, "text", part)
        object.__setattr__(self, "_lines", lines)

    @property  # type: ignore[override]
    def raw(self) -> str:  # noqa: D102 - the Cell field, rebuilt
        part, start, out = self.text, 0, []
        for length in self._lines:
            out.append(part[start:start + length])
            start += length + 1
        return "\n".join(out)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Cell):
            return NotImplemented
        return self.parts == other.parts and self.raw == other.raw

    def __hash__(self) -> int:
        return hash((self.parts, self.raw))

    def __repr__(self) -> str:
        return f"Cell(parts={self.parts!r}, raw={self.raw!r})"

    def __reduce__(self) -> tuple:
        return PackedCell, (self.text, self._lines)


def packed(parts: tuple[str, ...], raw: str) -> Cell:
    """The cell of ``parts`` and ``raw``: a ``PackedCell`` when ``raw`` is its
    one part with some spaces made line breaks, each line under 256
    characters; else a plain ``Cell``."""
    if len(parts) == 1 and "\n" in raw and len(raw) == len(parts[0]):
        lengths = [len(line) for line in raw.split("\n")]
        if max(lengths) < 256 and raw.replace("\n", " ") == parts[0]:
            return PackedCell(parts[0], bytes(lengths))
    return Cell(parts=parts, raw=raw)
