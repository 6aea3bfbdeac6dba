"""Decoding text exports: bytes to numbered lines."""

from __future__ import annotations

from planextract.extract.errors import ReaderError


def decode(data: bytes) -> tuple[str, list[str]]:
    """Decode as UTF-8 (with or without BOM), falling back to Windows-1252,
    which is what Word's "plain text" export writes on most machines.
    Returns the text and a list of warnings."""
    if b"\x00" in data[:4096]:
        raise ReaderError("binary content that is not a PDF or Word file; "
                          "export the plan as .docx, .pdf or text and try again")
    try:
        return data.decode("utf-8-sig"), []
    except UnicodeDecodeError:
        text = data.decode("cp1252", errors="replace")
    controls = sum(1 for c in text if (ord(c) < 32 and c not in "\t\n\r") or c == "\ufffd")
    if controls > 0.01 * len(text):
        raise ReaderError("binary content that is not a PDF or Word file; "
                          "export the plan as .docx, .pdf or text and try again")
    return text, ["not valid UTF-8: decoded as Windows-1252"]


def lines_of(text: str) -> list[str]:
    """Lines without their endings; line N of the file is element N-1."""
    return text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
