"""What each fuzz target runs on one input, and which exceptions are answers.

A reader may refuse an input only with ReaderError (the project's own error,
which becomes a ``failed`` row with a message); anything else escaping is a
finding. The same functions run the kept regression inputs in the test suite
(tests/test_hostile_fuzz_regressions.py), so a finding stays fixed.
"""

from __future__ import annotations

from collections.abc import Callable

from planextract.extract.errors import ReaderError
from planextract.extract.failures import reader_failures


def _pdf(data: bytes) -> None:
    from planextract.extract.pdf.reader import read_pdf

    with reader_failures("pdf"):
        read_pdf(b"%PDF-" + data if not data.startswith(b"%PDF-") else data)


def _docx(data: bytes) -> None:
    from planextract.extract.docx_reader import read_docx
    from planextract.extract.guards import check_docx
    from planextract.settings import DEFAULT

    check_docx(data, DEFAULT.limits)
    with reader_failures("docx"):
        read_docx(data)


def _with_part(package: bytes, name: str, data: bytes) -> bytes:
    """``package`` (a zip: a Word package, a workbook) with part ``name`` replaced by
    ``data``: the zip layer out of the way of fuzzing one XML part and its reader."""
    import io
    import zipfile

    source = zipfile.ZipFile(io.BytesIO(package))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as target:
        for info in source.infolist():
            target.writestr(info.filename, data if info.filename == name else source.read(info))
    return out.getvalue()


_TEMPLATE: list[bytes] = []


def _docx_xml(data: bytes) -> None:
    """Any bytes as the main part of an otherwise sound Word package: the zip
    layer is not in the way of fuzzing the XML and the reader."""
    import io

    if not _TEMPLATE:
        import docx

        buffer = io.BytesIO()
        docx.Document().save(buffer)
        _TEMPLATE.append(buffer.getvalue())
    _docx(_with_part(_TEMPLATE[0], "word/document.xml", data))


def _xlsx(data: bytes) -> None:
    from planextract.extract.guards import check_xlsx
    from planextract.extract.xlsx_reader import read_xlsx
    from planextract.settings import DEFAULT

    check_xlsx(data, DEFAULT.limits)
    with reader_failures("xlsx"):
        read_xlsx(data)


_BOOK: list[bytes] = []


def _xlsx_sheet(data: bytes) -> None:
    """Any bytes as the first sheet of an otherwise sound workbook: the hostile
    plan's, whose shared strings and styles the seed sheet names."""
    import sys
    from pathlib import Path

    if not _BOOK:
        sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
        import hostile_files

        _BOOK.append(hostile_files.plan_xlsx())
    _xlsx(_with_part(_BOOK[0], "xl/worksheets/sheet1.xml", data))


def _odt(data: bytes) -> None:
    from planextract.extract.odf_package import check_odt
    from planextract.extract.odt_reader import read_odt
    from planextract.settings import DEFAULT

    check_odt(data, DEFAULT.limits)
    with reader_failures("odt"):
        read_odt(data)


_ODT: list[bytes] = []


def _odt_content(data: bytes) -> None:
    """Any bytes as the content.xml of an otherwise sound OpenDocument text: the
    committed LibreOffice-made plan's (its styles name the content's styles)."""
    from pathlib import Path

    if not _ODT:
        folder = Path(__file__).resolve().parents[1] / "documents" / "odt"
        _ODT.append(sorted(folder.glob("*.odt"))[0].read_bytes())
    _odt(_with_part(_ODT[0], "content.xml", data))


def _text(name: str) -> Callable[[bytes], None]:
    def run(data: bytes) -> None:
        from planextract.extract.registry import TEXT_FORMATS, _load

        fmt = next(f for f in TEXT_FORMATS if f.name == name)
        _load(fmt.reader)(data, fmt.name)
    return run


def _decode(data: bytes) -> None:
    from planextract.extract.text.decode import decode

    decode(data)


def _whole(data: bytes) -> None:
    """Sniffing, any reader, the normaliser: what run_one does with a file."""
    from planextract.extract.registry import read_document
    from planextract.normalise.document import normalise

    normalise(read_document(data))


def targets() -> dict[str, Callable[[bytes], None]]:
    from planextract.extract.registry import TEXT_FORMATS

    found = {"pdf": _pdf, "docx": _docx, "docx-xml": _docx_xml, "xlsx": _xlsx,
             "xlsx-sheet": _xlsx_sheet, "odt": _odt, "odt-content": _odt_content,
             "decode": _decode, "whole": _whole}
    found.update({fmt.name: _text(fmt.name) for fmt in TEXT_FORMATS})
    return found


def preload() -> None:
    """Import every reader now (the registry imports them lazily), so that
    atheris instruments them for coverage."""
    import importlib

    from planextract.extract.registry import BINARY_FORMATS, TEXT_FORMATS

    for fmt in [*BINARY_FORMATS, *TEXT_FORMATS]:
        importlib.import_module(fmt.reader.split(":")[0])
    importlib.import_module("planextract.normalise.document")


def run(target: str, data: bytes) -> None:
    """One input through ``target``; ReaderError is an answer, not a finding."""
    try:
        targets()[target](data)
    except ReaderError:
        pass
