"""Bytes held LZ4-compressed while a document is read and normalised (issue 11).

The readers' packed tables (``extract/block_pack.SqueezedTable``) and the
normaliser's packed drafts (``normalise/draft_pack``) both hold ``marshal`` bytes
they unpack a piece at a time; squeezed, they take about 0.6 of their size for
about 1% of the read's CPU (zlib cost 4%). One module for both, top-level so that
either layer may import it (``tests/test_layering.py``).
"""

from __future__ import annotations

from typing import Any

_LZ4: list[tuple[Any, Any]] = []  # pyarrow's LZ4 block codec and the C allocator, once


def _lz4() -> tuple[Any, Any]:
    """LZ4's block form and the C allocator for its buffers (freed to glibc's heap
    and used again, not kept by Arrow's own allocator). pyarrow, a dependency
    already, is imported where it is used: a worker has it already. (Not
    ``functools.cache``: the normaliser's caches are ``memo``'s, per document; this
    is no answer about one.)"""
    if not _LZ4:
        import pyarrow

        _LZ4.append((pyarrow.Codec("lz4_raw"), pyarrow.system_memory_pool()))
    return _LZ4[0]


def squeeze(data: bytes) -> bytes:
    """``data`` LZ4-compressed, behind its own length (4 bytes, little-endian), which
    LZ4's block form needs to unsqueeze it."""
    codec, pool = _lz4()
    return len(data).to_bytes(4, "little") + codec.compress(data, asbytes=True,
                                                            memory_pool=pool)


def unsqueeze(held: bytes) -> bytes:
    """The bytes ``squeeze`` was given."""
    codec, pool = _lz4()
    return codec.decompress(memoryview(held)[4:], int.from_bytes(held[:4], "little"),
                            asbytes=True, memory_pool=pool)
