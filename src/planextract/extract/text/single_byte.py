"""The single-byte encodings of a text export that is not UTF-8 (rule 4 of
``decode``): charset-normalizer chooses among the ones plan exports are written in
(Windows-1252, Latin-1, Mac Roman), and Windows-1252 wins over a Mac Roman guess
where it reads no less plausibly, since it is what Windows office software writes
(curly quotes, dashes, bullets and the pound sign in its 0x80-0x9F range)."""

from __future__ import annotations

import unicodedata

SINGLE_BYTE = ["cp1252", "latin_1", "mac_roman"]
_NAMES = {"cp1252": "Windows-1252", "latin_1": "Latin-1", "mac_roman": "Mac Roman"}


def implausible(text: str) -> int:
    """How many non-ASCII characters of ``text`` read wrong as plan text: a
    letter with no letter either side (a dash or bullet decoded in the wrong
    code page: `` ñ ``), a capital right after a small letter or a small letter
    right before a capital (a curly quote glued to a word: ``ëDignityí``), a
    control character. Punctuation and symbols (quotes, dashes, ``£``) are
    plausible anywhere."""
    count = 0
    for at, char in enumerate(text):
        if char.isascii():
            continue
        category = unicodedata.category(char)
        if category == "Cc":
            count += 1
            continue
        if not char.isalpha():
            continue
        before = text[at - 1] if at else " "
        after = text[at + 1] if at + 1 < len(text) else " "
        if not before.isalpha() and not after.isalpha():
            count += 1
        elif (char.isupper() and before.islower()) or (char.islower() and after.isupper()):
            count += 1
    return count


def prefer_windows(data: bytes, guess: str) -> str:
    """``guess``, unless it is Mac Roman and the Windows-1252 reading is no
    less plausible: then Windows-1252 (or Latin-1 where a byte is undefined
    in Windows-1252)."""
    if guess != "mac_roman":
        return guess
    try:
        windows, name = data.decode("cp1252"), "cp1252"
    except UnicodeDecodeError:
        windows, name = data.decode("latin_1"), "latin_1"
    return name if implausible(windows) <= implausible(data.decode("mac_roman")) else guess


def from_bytes(data: bytes, **options: object) -> object:
    """``charset_normalizer.from_bytes``, imported at the first call: only a file that
    is not UTF-8 needs it, and its import (9-12 ms of CPU) was on the fork server's
    path before the first worker of every run (issue 8)."""
    from charset_normalizer import from_bytes as detect

    return detect(data, **options)


def single_byte(data: bytes) -> tuple[str, list[str]]:
    """A file that is neither UTF-8 nor UTF-16/32 decoded in the single-byte encoding
    charset-normalizer picks among ``SINGLE_BYTE`` (``prefer_windows`` has the last
    word), with a warning naming it."""
    best = from_bytes(data, cp_isolation=SINGLE_BYTE).best()
    encoding = prefer_windows(data, best.encoding if best is not None else "cp1252")
    return data.decode(encoding, errors="replace"), [
        f"not UTF-8: decoded as {_NAMES.get(encoding, encoding)}"]
