"""Checks made before any parser sees a file: its size, what a zip says it
unpacks to, and the formats that look like a plan but are not read here.

They cost milliseconds whatever the file claims to hold: a zip's declared
sizes are read from its directory and every part is read through zipfile,
which never yields more than the declared size (more is a bad CRC), so a 10 KB
file claiming gigabytes is refused before python-docx unpacks anything.
"""

from __future__ import annotations

import os
import re
import stat
import zipfile
import zlib
from io import BytesIO

from planextract.extract.errors import LimitError, ReaderError
from planextract.settings import Limits

_OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # Compound File: Office 97-2003, encrypted OOXML
_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_STRICT_W = "{http://purl.oclc.org/ooxml/wordprocessingml/main}"
_CHUNK = 1 << 20
# a cell spanning or a row skipping N grid columns: python-docx and the reader
# make N cells, so a 1 KB file saying 30,000,000 costs minutes and gigabytes
_GRID_VALUE = re.compile(
    rb"<(?:[\w.-]+:)?grid(?:Span|Before|After)\b[^>]*?val\s*=\s*[\"']([^\"']{1,40})")
# a merged range of a workbook's sheet (``<mergeCell ref="B3:B7"/>``): its corners
_MERGE_REF = re.compile(rb"<(?:[\w.-]+:)?mergeCell\b[^>]*?ref\s*=\s*[\"']\$?([A-Za-z]{1,3})\$?"
                        rb"(\d{1,7})(?::\$?([A-Za-z]{1,3})\$?(\d{1,7}))?")
_RATIO_FLOOR = 1 << 20  # parts smaller than this unpacked are never a bomb worth refusing
_RESAVE = "open it in Word or LibreOffice and save it again as .docx"
_RESAVE_XLSX = "open it in Excel or LibreOffice Calc and save it again as .xlsx"
_LOCAL_HEADER = b"PK\x03\x04"


def _mb(size: int) -> str:
    return f"{size / (1 << 20):,.1f} MB"


def check_size(data: bytes | int, limits: Limits) -> None:
    """``data`` (or a size in bytes) within the file size limit."""
    size = data if isinstance(data, int) else len(data)
    if size > limits.max_file_bytes:
        raise LimitError(f"the file is {_mb(size)}, more than the limit of "
                         f"{_mb(limits.max_file_bytes)} (--max-file-mb); a plan export is "
                         "far smaller: check it is the right file")


def read_input(path: str, limits: Limits) -> bytes:
    """The bytes of the file at ``path``, refused before they are read when it
    is not a regular file or over the size limit. Opened without blocking and
    checked on the open descriptor, so a FIFO swapped in after the folder was
    walked cannot hang the run. OSError (missing, unreadable) is the caller's."""
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    with os.fdopen(fd, "rb") as handle:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise ReaderError("not a regular file (a FIFO, device or socket): never read")
        check_size(info.st_size, limits)
        # what fstat says, and a byte more to see it grew: a read of the limit
        # itself allocates that much (200 MB) for every file, which a worker's
        # address-space cap (--max-memory) counts though it is never touched
        data = handle.read(info.st_size + 1)
        if len(data) > info.st_size:  # it grew since: read on, up to the limit
            data += handle.read(limits.max_file_bytes + 1 - len(data))
    check_size(data, limits)  # it grew while being read
    return data


def _utf16(name: str) -> bytes:
    return name.encode("utf-16-le")


def _directory_missing(data: bytes) -> bool:
    """A Compound File whose header (sector size 512 or 4,096 bytes) places the first
    sector of its directory, which names every stream, past the end of the data:
    the file was cut short, and what streams it held cannot be told."""
    shift = int.from_bytes(data[0x1E:0x20], "little")
    if shift not in (9, 12):
        return False
    first = int.from_bytes(data[0x30:0x34], "little")
    return first < 0xFFFFFFFA and ((first + 1) << shift) + 128 > len(data)


def is_word97(data: bytes) -> bool:
    """A Compound File holding a ``WordDocument`` stream: a Word 97-2003 .doc."""
    return data.startswith(_OLE2) and _utf16("WordDocument") in data


def is_rtf(data: bytes) -> bool:
    """Rich Text Format: the content opens ``{\\rtf`` (white space before it allowed)."""
    return data.lstrip()[:5] == b"{\\rtf"


def refuse_other_formats(data: bytes) -> None:
    """Formats a plan may arrive in that are not read here, named, with how
    to convert them."""
    if data.startswith(_OLE2):
        if _utf16("EncryptedPackage") in data:
            raise ReaderError("a password-protected Word/Office file (a Word document or "
                              "an Excel workbook): it is encrypted; save an unprotected copy "
                              "without a password (.docx or .xlsx) and try again")
        if _directory_missing(data):
            raise ReaderError(f"a Microsoft Office 97-2003 file (a Word .doc or an Excel .xls) "
                              f"cut short: its directory lies past the end of the file's "
                              f"{len(data):,} bytes; copy it again from where it came from, "
                              "or " + _RESAVE)
        if is_word97(data):
            return  # read through LibreOffice (``legacy_reader``)
        if _utf16("Workbook") in data or _utf16("Book") in data:
            raise ReaderError("an Excel 97-2003 .xls workbook, which is not read here: "
                              "open it in Excel or LibreOffice Calc and save it as an Excel "
                              "Workbook (.xlsx)")
        raise ReaderError("a Microsoft Office 97-2003 file (Compound File), which is not "
                          "read here: " + _RESAVE)


def _package_kind(archive: zipfile.ZipFile, names: set[str]) -> None:
    """Refuse packages that are not Word documents, saying what they are."""
    if "mimetype" in names:
        mimetype = archive.open("mimetype").read(200).decode("ascii", "replace").strip()
        if mimetype == "application/vnd.oasis.opendocument.text":
            raise ReaderError("an OpenDocument text (.odt) file, which is not read here: "
                              "open it in LibreOffice Writer or Word and save it as .docx")
        if mimetype.startswith("application/vnd.oasis.opendocument"):
            raise ReaderError(f"an OpenDocument file ({mimetype.rsplit('.', 1)[-1]}), which "
                              "is not read here: save the plan as .docx or PDF")
    if "word/document.xml" in names:
        return
    if "xl/workbook.xml" in names:
        raise ReaderError("an Excel workbook (.xlsx), which is not read here: save the plan "
                          "as .docx or PDF, or its sheet as CSV")
    if "ppt/presentation.xml" in names:
        raise ReaderError("a PowerPoint file (.pptx), which is not read here: save the plan "
                          "as .docx or PDF")
    if any(n.startswith("word/") for n in names) and "[Content_Types].xml" in names:
        raise ReaderError("a Word package without its main part (word/document.xml): "
                          "it is damaged; " + _RESAVE)
    raise ReaderError("a zip archive that is not a Word .docx file; "
                      "unpack it and pass the plan files themselves")


def _sizes(infos: list[zipfile.ZipInfo], limits: Limits, what: str = ".docx") -> None:
    """The declared sizes within the limits (``what``: the package's kind, named)."""
    if len(infos) > limits.max_zip_entries:
        raise LimitError(f"a {what} with {len(infos):,} parts, more than the limit of "
                         f"{limits.max_zip_entries:,} (--max-zip-entries): not a plan")
    total = sum(i.file_size for i in infos)
    if total > limits.max_docx_uncompressed:
        raise LimitError(f"the {what} unpacks to {_mb(total)}, more than the limit of "
                         f"{_mb(limits.max_docx_uncompressed)} (--max-docx-unpacked-mb): "
                         "a zip bomb or not a plan")
    for info in infos:
        ratio = info.file_size / max(info.compress_size, 1)
        if info.file_size > _RATIO_FLOOR and ratio > limits.max_docx_ratio:
            raise LimitError(f"the {what} part {info.filename} unpacks {ratio:,.0f} times its "
                             f"packed size, more than the limit of {limits.max_docx_ratio} "
                             "(--max-docx-ratio): a zip bomb, refused")
        if info.filename.endswith((".xml", ".rels")) and info.file_size > limits.max_docx_xml_bytes:
            raise LimitError(f"the {what} part {info.filename} is {_mb(info.file_size)} of XML, "
                             f"more than the limit of {_mb(limits.max_docx_xml_bytes)} "
                             "(--max-docx-xml-mb): far more than a plan")


def _check_grid(xml: bytes, limits: Limits) -> None:
    for match in _GRID_VALUE.finditer(xml):
        try:
            columns = int(match.group(1))
        except ValueError:
            continue  # not a number: the reader says the value is invalid
        if columns > limits.max_columns:
            raise LimitError(f"a .docx table cell spanning {columns:,} columns, more than the "
                             f"limit of {limits.max_columns} (--max-columns); Word tables have "
                             "at most 63: the file is damaged or hostile")


def _column(letters: bytes) -> int:
    number = 0
    for letter in letters.upper():
        number = number * 26 + letter - 64
    return number


def _merged_cells(window: bytes, start: int) -> int:
    """The cells covered by the merged ranges in ``window`` that end after ``start``
    (the ones before were counted with the window before)."""
    total = 0
    for found in _MERGE_REF.finditer(window):
        if found.end() <= start:
            continue
        first_col, first_row, last_col, last_row = found.groups()
        if last_col is None:
            continue  # one cell: nothing merged
        rows = abs(int(last_row) - int(first_row)) + 1
        total += rows * (abs(_column(last_col) - _column(first_col)) + 1)
    return total


def _scan_parts(archive: zipfile.ZipFile, infos: list[zipfile.ZipInfo], limits: Limits,
                what: str = ".docx") -> None:
    """Read every XML part once (bounded by the declared sizes): a bad CRC or
    broken deflate data shows here, and so does a DOCTYPE, which Word never
    writes and which carries entity bombs and external entities (XXE)."""
    merged = 0
    for info in infos:
        if not info.filename.endswith((".xml", ".rels")):
            continue
        tail = b""
        with archive.open(info) as part:
            while chunk := part.read(_CHUNK):
                window = tail + chunk
                if b"<!DOCTYPE" in window or b"<!ENTITY" in window:
                    program, resave = (("Excel", _RESAVE_XLSX) if what == ".xlsx"
                                       else ("Word", _RESAVE))
                    raise ReaderError(f"the {what} part {info.filename} declares a DOCTYPE or "
                                      f"entities, which {program} never writes (an entity "
                                      "bomb or external-entity attack): refused as unsafe; "
                                      + resave)
                if what == ".docx":
                    _check_grid(window, limits)
                else:
                    merged += _merged_cells(window, len(tail))
                    if merged > limits.max_merged_cells:
                        raise LimitError(f"the {what} merges more than {merged:,} cells, more "
                                         f"than the limit of {limits.max_merged_cells:,} "
                                         "(--max-merged-cells): a plan's merged cells cover "
                                         "hundreds; the file is damaged or hostile")
                tail = chunk[-160:]


def _check_main_part(archive: zipfile.ZipFile) -> None:
    """The main part is a Word document with a body (python-docx assumes both);
    read as far as the body's start, with entities and the network off."""
    from lxml import etree  # installed with python-docx

    root = None
    with archive.open("word/document.xml") as part:
        events = etree.iterparse(part, events=("start",), resolve_entities=False,
                                 no_network=True, load_dtd=False)
        try:
            for _event, element in events:
                if root is None:
                    root = element
                    if element.tag.startswith(_STRICT_W):
                        raise ReaderError("a Strict Open XML .docx (ISO 29500 Strict), which "
                                          "is not read here: open it in Word and save it as a "
                                          "Word Document (.docx), not Strict Open XML")
                    if element.tag != f"{_W}document":
                        raise ReaderError(f"the .docx main part is <{element.tag}>, not a Word "
                                          "document: it was not written by Word; " + _RESAVE)
                elif element.tag == f"{_W}body" and element.getparent() is root:
                    return
        except etree.XMLSyntaxError as err:
            raise ReaderError(f"the .docx holds malformed XML ({err}): it is damaged or was "
                              "not written by Word; " + _RESAVE) from None
    raise ReaderError("the .docx main part has no body: it is damaged or was not written "
                      "by Word; " + _RESAVE)


def check_docx(data: bytes, limits: Limits) -> None:
    """A zip that is a Word document within the limits, or a ReaderError
    saying what it is instead."""
    try:
        archive = zipfile.ZipFile(BytesIO(data))
        infos = archive.infolist()
        names = {i.filename for i in infos}
        _package_kind(archive, names)
        _sizes(infos, limits)
        _scan_parts(archive, infos, limits)
        _check_main_part(archive)
    except (zipfile.BadZipFile, zlib.error, EOFError, ValueError) as err:
        raise ReaderError(f"a zip/.docx file that is damaged or cut short ({err}); "
                          f"{_RESAVE}") from None
    except (NotImplementedError, RuntimeError) as err:  # unknown compression, encrypted entry
        raise ReaderError(f"a zip/.docx file this program cannot unpack ({err}); "
                          f"{_RESAVE}") from None


def _local_names(data: bytes) -> list[bytes]:
    """The part names of a zip's local headers, in order, as far as they can be
    walked (a zip cut short has no directory, but its first parts still name
    themselves); stops at a part whose size is given only after its data."""
    names, at = [], 0
    while data.startswith(_LOCAL_HEADER, at) and len(names) < 64:
        flags = int.from_bytes(data[at + 6:at + 8], "little")
        packed = int.from_bytes(data[at + 18:at + 22], "little")
        name_size = int.from_bytes(data[at + 26:at + 28], "little")
        extra = int.from_bytes(data[at + 28:at + 30], "little")
        names.append(data[at + 30:at + 30 + name_size])
        if flags & 0x08:
            break
        at += 30 + name_size + extra + packed
    return names


def is_workbook(data: bytes) -> bool:
    """A zip holding an Excel workbook (``xl/workbook.xml``; ``.xlsm`` too, and the
    binary ``.xlsb``'s ``xl/workbook.bin``): by its directory, or, when the zip is
    cut short, by the names of its first parts."""
    if not data.startswith(_LOCAL_HEADER):
        return False
    try:
        with zipfile.ZipFile(BytesIO(data)) as archive:
            names = set(archive.namelist())
    except (zipfile.BadZipFile, ValueError, EOFError):
        names = {n.decode("cp437", "replace") for n in _local_names(data)}
    return bool(names & {"xl/workbook.xml", "xl/workbook.bin"})


def check_xlsx(data: bytes, limits: Limits) -> None:
    """A zip that is an Excel workbook within the limits (the .docx limits: part
    count, unpacked sizes, ratio, XML part size; no DOCTYPE), or a ReaderError
    saying what is wrong and what to do."""
    what = "an Excel workbook (.xlsx) that is"
    try:
        with zipfile.ZipFile(BytesIO(data)) as archive:
            infos = archive.infolist()
            names = {i.filename for i in infos}
            if "xl/workbook.xml" not in names:
                if "xl/workbook.bin" in names:
                    raise ReaderError("an Excel binary workbook (.xlsb), which is not read "
                                      "here: open it in Excel or LibreOffice Calc and save it "
                                      "as an Excel Workbook (.xlsx)")
                raise ReaderError(f"{what} missing its main part (xl/workbook.xml): it is "
                                  f"damaged; {_RESAVE_XLSX}")
            _sizes(infos, limits, ".xlsx")
            _scan_parts(archive, infos, limits, ".xlsx")
            with archive.open("xl/workbook.xml") as part:
                if b"purl.oclc.org/ooxml/spreadsheetml" in part.read(4096):
                    raise ReaderError("a Strict Open XML workbook (ISO 29500 Strict), which is "
                                      "not read here: open it in Excel and save it as an Excel "
                                      "Workbook (.xlsx), not Strict Open XML")
    except (zipfile.BadZipFile, zlib.error, EOFError, ValueError) as err:
        raise ReaderError(f"{what} damaged or cut short ({err}); {_RESAVE_XLSX}") from None
    except (NotImplementedError, RuntimeError) as err:  # unknown compression, encrypted entry
        raise ReaderError(f"an Excel workbook (.xlsx) this program cannot unpack ({err}); "
                          f"{_RESAVE_XLSX}") from None
