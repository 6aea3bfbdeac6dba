"""Reader for Word 97-2003 ``.doc`` (``doc``) and Rich Text Format (``rtf``) plans:
converted to ``.docx`` by LibreOffice (``legacy_convert``), checked as any .docx
is (``guards.check_docx``) and read by the Word reader, so every Word rule applies.

Provenance is the Word reader's: a .docx carries no page numbers, so ``page_*`` are
empty, and blocks are in document order as LibreOffice wrote them. An encrypted
``.doc`` (its File Information Block says so) is refused before LibreOffice is
started: headless, it cannot ask for the password.
"""

from __future__ import annotations

from planextract.extract import guards
from planextract.extract.errors import ReaderError
from planextract.extract.failures import reader_failures
from planextract.extract.legacy_convert import to_docx
from planextract.extract.model import RawDocument
from planextract.settings import DEFAULT, Settings

_WORD_IDENT = 0xA5EC  # a File Information Block's first two bytes
_ENCRYPTED, _OBFUSCATED = 0x0100, 0x8000  # the FIB's fEncrypted and fObfuscated flags
_END = 0xFFFFFFFA  # sector numbers from here up end a chain or mark special sectors
_MAX_SECTORS = 1 << 20  # chains walked no further (a loop in a damaged file)


def _u16(data: bytes, at: int) -> int:
    return int.from_bytes(data[at:at + 2], "little")


def _u32(data: bytes, at: int) -> int:
    return int.from_bytes(data[at:at + 4], "little")


def _fat(data: bytes, shift: int) -> list[int]:
    """The compound file's sector allocation table, from the header's list of its
    sectors and the chain of sectors continuing that list."""
    size = 1 << shift
    places = [_u32(data, 0x4C + 4 * i) for i in range(109)]
    extra, seen = _u32(data, 0x44), 0
    while extra < _END and seen < _MAX_SECTORS and (extra + 2) << shift <= len(data):
        start = (extra + 1) << shift
        places += [_u32(data, start + 4 * i) for i in range(size // 4 - 1)]
        extra, seen = _u32(data, start + size - 4), seen + 1
    fat: list[int] = []
    for place in places:
        if place >= _END or (place + 2) << shift > len(data):
            continue
        start = (place + 1) << shift
        fat += [_u32(data, start + 4 * i) for i in range(size // 4)]
    return fat


def encrypted_doc(data: bytes) -> bool:
    """Whether a .doc's ``WordDocument`` stream says it is encrypted or obfuscated
    (a password to open); False when the compound file cannot be walked, so
    LibreOffice then says what is wrong."""
    shift = _u16(data, 0x1E)
    if shift not in (9, 12) or len(data) < 512:
        return False
    fat, sector, seen = _fat(data, shift), _u32(data, 0x30), 0
    while sector < min(len(fat), _END) and seen < _MAX_SECTORS:
        start = (sector + 1) << shift
        for entry in range(start, start + (1 << shift), 128):
            if entry + 128 > len(data):
                return False
            length = min(_u16(data, entry + 0x40), 64)
            name = data[entry:entry + length].decode("utf-16-le", "replace").rstrip("\0")
            if name == "WordDocument" and data[entry + 0x42] == 2:
                first, size = _u32(data, entry + 0x74), _u32(data, entry + 0x78)
                if size < _u32(data, 0x38):  # in the mini stream: Word never writes one
                    return False
                fib = (first + 1) << shift
                if _u16(data, fib) != _WORD_IDENT:
                    return False
                return bool(_u16(data, fib + 0x0A) & (_ENCRYPTED | _OBFUSCATED))
        sector, seen = fat[sector], seen + 1
    return False


def _read(data: bytes, kind: str, settings: Settings) -> RawDocument:
    docx = to_docx(data, kind, settings)
    guards.check_docx(docx, settings.limits)  # what LibreOffice wrote is held to the limits
    from planextract.extract.docx_reader import read_docx

    with reader_failures("docx"):
        raw = read_docx(docx, settings)
    raw.source_format = kind
    return raw


def read_doc(data: bytes, settings: Settings = DEFAULT) -> RawDocument:
    """A Word 97-2003 document, through LibreOffice."""
    if encrypted_doc(data):
        raise ReaderError("a password-protected Word 97-2003 .doc file: it is encrypted; "
                          "save an unprotected copy without a password (.docx) and try again")
    return _read(data, "doc", settings)


def read_rtf(data: bytes, settings: Settings = DEFAULT) -> RawDocument:
    """A Rich Text Format document, through LibreOffice."""
    return _read(data, "rtf", settings)
