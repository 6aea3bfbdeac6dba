"""Surnames from the census list the ``names`` package ships (US Census 1990, 88,799
names, MIT): evidence that ``Governor Hendry`` is a person where the plan has none.

Held as one sorted bytes object of fixed-width records, searched by bisection: a
frozenset of the same names costs ~13.6 MB and ~20 ms in every process that asks,
this ~1.4 MB and a few ms from its cache file (``normalise.people`` asks only for
pieces that pass every cheaper test first).
"""

from __future__ import annotations

from bisect import bisect_left
from functools import lru_cache
from importlib import resources
from importlib.util import find_spec
from pathlib import Path
from typing import TYPE_CHECKING

from planextract.cache_file import write_whole

if TYPE_CHECKING:  # importlib.abc's moved to importlib.resources.abc in 3.11
    from importlib.resources.abc import Traversable

SURNAME_LIST = ("names", "dist.all.last")  # one a line: name, frequencies, rank
WIDTH = 16  # bytes a record; the census's longest surname has 13 letters
CACHE_FORMAT = 1  # bump when what the cache holds changes


class SurnameList:
    """Lower-case ASCII surnames, each padded with spaces to ``WIDTH``, sorted."""

    __slots__ = ("_data", "_start", "_count")

    def __init__(self, data: bytes, start: int = 0) -> None:
        """``start``: where the records begin in ``data`` (after a cache's header,
        which is not cut off: that would copy the whole list once more)."""
        self._data = data
        self._start = start
        self._count = (len(data) - start) // WIDTH

    def __len__(self) -> int:
        return self._count

    def __getitem__(self, index: int) -> bytes:  # what bisect reads
        if not 0 <= index < self._count:
            raise IndexError(index)
        at = self._start + index * WIDTH
        return self._data[at:at + WIDTH]

    def __contains__(self, word: object) -> bool:
        key = record(word) if isinstance(word, str) else None
        if key is None:
            return False
        at = bisect_left(self, key)
        return at < self._count and self[at] == key

    def names(self) -> frozenset[str]:
        """Every name, as ``str`` (for tests: the list is searched, never expanded)."""
        return frozenset(self[i].decode("ascii").rstrip() for i in range(self._count))


def record(word: str) -> bytes | None:
    """``word`` lower case, padded to a record; None when no record can hold it."""
    lowered = word.lower()
    if not lowered.isascii() or not 0 < len(lowered) <= WIDTH or " " in lowered:
        return None
    return lowered.encode("ascii").ljust(WIDTH)


def parse_surname_list(text: str) -> bytes:
    """The records of the census list (no frequency floor: the rare surnames, Iqbal
    or Okafor, ranked past 20,000 of 88,799, are the ones a plan needs)."""
    keys = {record(line.split(None, 1)[0]) for line in text.splitlines() if line.strip()}
    return b"".join(sorted(k for k in keys if k is not None))


def cache_path(source: Path) -> Path:
    """Beside this module, in ``__pycache__`` (derived, never committed), named after
    the list's size and modification time, so an upgraded package is parsed afresh."""
    stat = source.stat()
    return (Path(__file__).parent / "__pycache__"
            / f"surnames-{CACHE_FORMAT}-{stat.st_size}-{stat.st_mtime_ns}.bin")


def _read_cache(path: Path) -> bytes | None:
    """A cache file's bytes, its header first; None when missing or not whole (its
    first record is the count of those after it)."""
    try:
        data = path.read_bytes()
    except OSError:
        return None
    count = data[:WIDTH].strip()
    if not count.isdigit() or (int(count) + 1) * WIDTH != len(data):
        return None
    return data


def _write_cache(path: Path, body: bytes) -> None:
    """The records after a header record holding their count (``_read_cache``)."""
    write_whole(path, str(len(body) // WIDTH).encode("ascii").rjust(WIDTH) + body,
                ".surnames-")


def _source() -> Traversable:
    """The list's file, found without importing the ``names`` package (whose
    ``__init__`` nothing here needs): a worker imports no module the fork server
    lacks (tests/test_ingest_ends.py); from a zip, through the package."""
    spec = find_spec(SURNAME_LIST[0])  # a top-level package is found, not run
    for folder in (spec.submodule_search_locations or ()) if spec else ():
        path = Path(folder) / SURNAME_LIST[1]
        if path.is_file():
            return path
    return resources.files(SURNAME_LIST[0]).joinpath(SURNAME_LIST[1])


@lru_cache(maxsize=1)
def listed_surnames() -> SurnameList:
    """The census surnames; read once per process, on first use only."""
    source = _source()
    if not isinstance(source, Path):  # inside a zip: nothing to key a cache on
        return SurnameList(parse_surname_list(source.read_text("utf-8")))
    path = cache_path(source)
    data = _read_cache(path)
    if data is None:
        body = parse_surname_list(source.read_text("utf-8"))
        _write_cache(path, body)
        return SurnameList(body)
    return SurnameList(data, start=WIDTH)
