"""Files for the hostile corpus, drawn or packed here rather than committed:
PDFs written object by object (loops, deep trees), drawn with reportlab or
made by pdfium, and Word packages made with python-docx then altered."""

from __future__ import annotations

import io
import struct
import zipfile
from pathlib import Path

from hostile_plan import PLAN_HEADER, PLAN_ROWS, PLAN_TITLE, plain_punctuation

# --- PDFs ---------------------------------------------------------------------------------

def raw_pdf(objects: list[bytes]) -> bytes:
    """A PDF whose object i+1 is ``objects[i]``, with a correct xref table."""
    out = io.BytesIO()
    out.write(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n" % number + body + b"\nendobj\n")
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    for offset in offsets:
        out.write(b"%010d 00000 n \n" % offset)
    out.write(b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n"
              % (len(objects) + 1, xref))
    return out.getvalue()


def stream(content: bytes, extra: bytes = b"") -> bytes:
    return b"<< /Length %d %s >>\nstream\n" % (len(content), extra) + content + b"\nendstream"


FONT = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"


def page_tree_cycle() -> bytes:
    return raw_pdf([b"<< /Type /Catalog /Pages 2 0 R >>",
                     b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                     b"<< /Type /Pages /Kids [2 0 R] /Parent 2 0 R /Count 1 >>"])


def deep_page_tree(depth: int) -> bytes:
    """One page under ``depth`` levels of page-tree nodes."""
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>"]
    objects += [b"<< /Type /Pages /Kids [%d 0 R] /Count 1 >>" % (n + 1)
                for n in range(2, depth + 2)]
    leaf = depth + 2
    objects.append(b"<< /Type /Page /MediaBox [0 0 595 842] /Contents %d 0 R "
                   b"/Resources << /Font << /F1 %d 0 R >> >> >>" % (leaf + 1, leaf + 2))
    objects += [stream(b"BT /F1 12 Tf 72 700 Td (Deep) Tj ET"), FONT]
    return raw_pdf(objects)


def content_loop() -> bytes:
    """A form XObject that draws itself, and the only text on the page is inside it."""
    return raw_pdf([
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
        b"/Resources << /XObject << /X 5 0 R >> >> >>",
        stream(b"/X Do"),
        stream(b"BT /F1 12 Tf 72 700 Td (Loop) Tj ET /X Do",
                b"/Type /XObject /Subtype /Form /BBox [0 0 595 842] "
                b"/Resources << /Font << /F1 6 0 R >> /XObject << /X 5 0 R >> >>"),
        FONT])


def deep_nesting(depth: int) -> bytes:
    content = (b"q " * depth + b"BT /F1 12 Tf 72 700 Td (Deep) Tj ET " + b"Q " * depth
               + b"[" * depth + b"]" * depth)
    return raw_pdf([
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        stream(content), FONT])


def blank_pdf(pages: int) -> bytes:
    import pypdfium2 as pdfium

    document = pdfium.PdfDocument.new()
    for _ in range(pages):
        document.new_page(595, 842)
    out = io.BytesIO()
    document.save(out)
    document.close()
    return out.getvalue()


def plan_pdf(encrypt=None, image: bool = False) -> bytes:
    """The plan as a ruled table drawn with reportlab; ``image`` draws a
    scanned page (an image, no text) instead."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    out = io.BytesIO()
    c = canvas.Canvas(out, pagesize=A4, encrypt=encrypt)
    if image:
        from PIL import Image
        from reportlab.lib.utils import ImageReader

        c.drawImage(ImageReader(Image.new("L", (80, 110), 220)), 40, 40, 515, 760)
        c.showPage()
        c.save()
        return out.getvalue()
    c.setFont("Helvetica-Bold", 14)
    c.drawString(40, 800, PLAN_TITLE[0])
    c.setFont("Helvetica", 10)
    c.drawString(40, 782, "Single Equality Scheme Action Plan 2010 - 2011")
    xs, top, height = [40, 90, 390, 480, 560], 760, 20
    rows = [PLAN_HEADER] + [[plain_punctuation(c) for c in r] for r in PLAN_ROWS]
    c.setFont("Helvetica", 7)
    for i, row in enumerate(rows):
        y = top - i * height
        for x, text in zip(xs, row):
            c.drawString(x + 3, y - 13, text)
    for i in range(len(rows) + 1):
        c.line(xs[0], top - i * height, xs[-1], top - i * height)
    for x in xs:
        c.line(x, top, x, top - len(rows) * height)
    c.showPage()
    c.save()
    return out.getvalue()


# --- Word packages ------------------------------------------------------------------------

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def plan_docx() -> bytes:
    import docx

    document = docx.Document()
    document.add_heading(PLAN_TITLE[0], level=1)
    document.add_paragraph(PLAN_TITLE[1])
    table = document.add_table(rows=1 + len(PLAN_ROWS), cols=len(PLAN_HEADER))
    for r, row in enumerate([PLAN_HEADER, *PLAN_ROWS]):
        for c, text in enumerate(row):
            table.cell(r, c).text = text
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def replace_part(package: bytes, name: str, content: bytes) -> bytes:
    source = zipfile.ZipFile(io.BytesIO(package))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            target.writestr(info.filename, content if info.filename == name
                            else source.read(info))
    return out.getvalue()


def bad_crc(package: bytes, name: str) -> bytes:
    """The package with the CRC-32 of ``name`` wrong in both of its headers."""
    data = bytearray(package)
    info = zipfile.ZipFile(io.BytesIO(package)).getinfo(name)
    wrong = struct.pack("<I", info.CRC ^ 0xFFFFFFFF)
    data[info.header_offset + 14:info.header_offset + 18] = wrong
    start = package.find(b"PK\x01\x02")
    while start >= 0:  # walk the central directory to the entry of ``name``
        n, m, k = struct.unpack("<HHH", package[start + 28:start + 34])
        if package[start + 46:start + 46 + n].decode() == name:
            data[start + 16:start + 20] = wrong
            return bytes(data)
        start = package.find(b"PK\x01\x02", start + 46 + n + m + k)
    raise ValueError(name)


def document_xml(body: str, prolog: str = "") -> bytes:
    return (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n{prolog}'
            f'<w:document xmlns:w="{W}"><w:body>{body}</w:body></w:document>').encode()


def para(text: str) -> str:
    return f"<w:p><w:r><w:t>{text}</w:t></w:r></w:p>"


def billion_laughs() -> bytes:
    entities = '<!ENTITY lol0 "lol">' + "".join(
        f'<!ENTITY lol{i} "{f"&lol{i - 1};" * 10}">' for i in range(1, 10))
    return replace_part(plan_docx(), "word/document.xml", document_xml(
        para("&lol9;"), f"<!DOCTYPE w:document [{entities}]>\n"))


def xxe(secret: Path) -> bytes:
    return replace_part(plan_docx(), "word/document.xml", document_xml(
        para("&xxe;"), f'<!DOCTYPE w:document [<!ENTITY xxe SYSTEM "file://{secret}">]>\n'))


def zip_bomb(unpacked: int) -> bytes:
    """A Word package whose document part unpacks to ``unpacked`` bytes."""
    out = io.BytesIO()
    good = zipfile.ZipFile(io.BytesIO(plan_docx()))
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as target:
        for info in good.infolist():
            if info.filename != "word/document.xml":
                target.writestr(info.filename, good.read(info))
        with target.open("word/document.xml", "w", force_zip64=True) as part:
            part.write(document_xml("")[:-len(b"</w:body></w:document>")])
            chunk = b" " * (1 << 20)
            for _ in range(unpacked >> 20):
                part.write(chunk)
            part.write(b"</w:body></w:document>")
    return out.getvalue()


def package(parts: dict[str, bytes], stored_first: str | None = None) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        if stored_first:
            target.writestr(stored_first, parts.pop(stored_first), zipfile.ZIP_STORED)
        for name, content in parts.items():
            target.writestr(name, content)
    return out.getvalue()


def odt() -> bytes:
    return package({"mimetype": b"application/vnd.oasis.opendocument.text",
                     "content.xml": b"<office:document-content/>"}, stored_first="mimetype")


def strict_docx() -> bytes:
    strict = "http://purl.oclc.org/ooxml/wordprocessingml/main"
    return package({"[Content_Types].xml": b"<Types/>",
                     "word/document.xml": document_xml(para("Action")).replace(
                         W.encode(), strict.encode())})


def word97() -> bytes:
    """The start of a Compound File holding a WordDocument stream, as Word 97-2003 writes."""
    header = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504)
    entry = "Root Entry".encode("utf-16-le").ljust(128, b"\x00")
    entry += "WordDocument".encode("utf-16-le").ljust(128, b"\x00")
    return header + entry + bytes(4096)


# --- Excel workbooks ----------------------------------------------------------------------

SHEET = "xl/worksheets/sheet1.xml"


def plan_xlsx() -> bytes:
    """The plan as a workbook: title rows, then the table (XlsxWriter)."""
    import xlsxwriter

    out = io.BytesIO()
    book = xlsxwriter.Workbook(out, {"in_memory": True})
    sheet = book.add_worksheet("Plan")
    for r, text in enumerate(PLAN_TITLE[:2]):
        sheet.write_string(r, 0, text)
    for r, row in enumerate([PLAN_HEADER, *PLAN_ROWS], start=3):
        for c, text in enumerate(row):
            sheet.write_string(r, c, text)
    book.close()
    return out.getvalue()


def xlsx_bomb(unpacked: int) -> bytes:
    """The workbook with its sheet part unpacking to ``unpacked`` bytes."""
    out = io.BytesIO()
    good = zipfile.ZipFile(io.BytesIO(plan_xlsx()))
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as target:
        for info in good.infolist():
            if info.filename != SHEET:
                target.writestr(info.filename, good.read(info))
        content = good.read(SHEET)
        with target.open(SHEET, "w", force_zip64=True) as part:
            head, tail = content.rsplit(b"</worksheet>", 1)
            part.write(head)
            chunk = b" " * (1 << 20)
            for _ in range(unpacked >> 20):
                part.write(chunk)
            part.write(b"</worksheet>" + tail)
    return out.getvalue()


def xlsx_laughs() -> bytes:
    """The workbook's sheet declaring an entity bomb."""
    entities = '<!ENTITY lol0 "lol">' + "".join(
        f'<!ENTITY lol{i} "{f"&lol{i - 1};" * 10}">' for i in range(1, 10))
    sheet = zipfile.ZipFile(io.BytesIO(plan_xlsx())).read(SHEET)
    head, body = sheet.split(b"?>", 1)
    return replace_part(plan_xlsx(), SHEET, head + b"?>" + f"<!DOCTYPE worksheet [{entities}]>"
                        .encode() + body)


def _compound(*streams: str) -> bytes:
    """The start of a Compound File whose directory names ``streams``."""
    header = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504)
    entries = b"".join(name.encode("utf-16-le").ljust(128, b"\x00")
                       for name in ("Root Entry", *streams))
    return header + entries + bytes(4096)


def excel97() -> bytes:
    """An Excel 97-2003 .xls: a Compound File holding a Workbook stream."""
    return _compound("Workbook", "SummaryInformation")


def encrypted_office() -> bytes:
    """A password-protected .xlsx as Excel saves it: a Compound File holding the
    encrypted package and how it is encrypted."""
    return _compound("EncryptionInfo", "EncryptedPackage", "DataSpaces")


def xlsx_merged(refs: list[str]) -> bytes:
    """The workbook with its sheet merging the ranges ``refs`` (``A1:XFD1048576``:
    every cell of a sheet, in 50 bytes)."""
    sheet = zipfile.ZipFile(io.BytesIO(plan_xlsx())).read(SHEET)
    merges = "".join(f'<mergeCell ref="{ref}"/>' for ref in refs)
    merged = sheet.replace(b"</sheetData>", f'</sheetData><mergeCells count="{len(refs)}">'
                                            f"{merges}</mergeCells>".encode())
    return replace_part(plan_xlsx(), SHEET, merged)
