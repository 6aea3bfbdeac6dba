"""Generate the corpus of broken and hostile inputs of issue 9, with what a
person expects planextract to answer for each.

    python tests/hostile_corpus.py OUT [--small]

writes every case into OUT (nothing is committed as binary: this script makes
them) and prints the expectations. ``--small`` makes the few large cases
smaller (a 5,000-row table instead of 20,000, 300 blank pages instead of
2,000, a 64 MB zip bomb instead of 2 GB, a 20 MB text file instead of 50 MB),
so the test suite can run the whole corpus in seconds; every case is still
over or under the same limit as its full size.

An expectation is a status (``ok``, ``failed``, ``empty``) and a phrase the
message (or, for ``ok``, a warning) must hold, or, for entries of an input
folder that are not files, the kind and phrase of the InputProblem.
"""

from __future__ import annotations

import argparse
import io
import json
import os
import random
import struct
import subprocess
import sys
import zipfile
from dataclasses import dataclass
from pathlib import Path

SEED = 9
# a small plan as a text export prints it, with its expected actions beside it
PLAN_TITLE = ["Derbyshire Probation Trust", "Single Equality Scheme Action Plan 2010 – 2011", ""]
PLAN_HEADER = ["Ref", "Action", "Lead", "Timescale"]
PLAN_ROWS = [
    ["1. 1", "Révise the ‘Dignity at Work’ policy – café staff", "HR ACO", "March 09"],
    ["1. 2", "Consult Zoë’s équipe on the scheme", "Diversity Manager", "31.3.11"],
    ["1. 3", "Publish the scheme in Braille and large print", "Comms Manager", "On-going"],
]
PLAN_ACTIONS = ["Révise the ‘Dignity at Work’ policy – café staff",
                "Consult Zoë’s équipe on the scheme",
                "Publish the scheme in Braille and large print"]
XXE_MARKER = "XXE-SECRET-7f3a"  # the local file's content: must never reach the output


@dataclass(frozen=True)
class Case:
    name: str  # path inside the corpus folder
    status: str  # ok / failed / empty; or "problem:failed" / "problem:warning"
    phrase: str  # in the error (failed/empty), a warning (ok) or the problem's message
    actions: tuple[str, ...] | None = None  # for ok: the action texts, in order


def plain_punctuation(text: str) -> str:
    """Curly quotes and dashes as ASCII, for encodings and fonts without them."""
    return text.replace("‘", "'").replace("’", "'").replace("–", "-")


def plan_text(rows: list[list[str]] | None = None) -> str:
    lines = [*PLAN_TITLE, "\t".join(PLAN_HEADER)]
    lines += ["\t".join(r) for r in rows or PLAN_ROWS]
    return "\n".join(lines) + "\n"


def _many_rows(count: int) -> str:
    rows = [[f"{i // 10 + 1}.{i % 10 + 1}", f"Review the policy with staff group {i}", "HR ACO",
             "March 2011"] for i in range(count)]
    return plan_text(rows)


# --- PDFs ---------------------------------------------------------------------------------

def _raw_pdf(objects: list[bytes]) -> bytes:
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


def _stream(content: bytes, extra: bytes = b"") -> bytes:
    return b"<< /Length %d %s >>\nstream\n" % (len(content), extra) + content + b"\nendstream"


_FONT = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"


def _page_tree_cycle() -> bytes:
    return _raw_pdf([b"<< /Type /Catalog /Pages 2 0 R >>",
                     b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                     b"<< /Type /Pages /Kids [2 0 R] /Parent 2 0 R /Count 1 >>"])


def _deep_page_tree(depth: int) -> bytes:
    """One page under ``depth`` levels of page-tree nodes."""
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>"]
    objects += [b"<< /Type /Pages /Kids [%d 0 R] /Count 1 >>" % (n + 1)
                for n in range(2, depth + 2)]
    leaf = depth + 2
    objects.append(b"<< /Type /Page /MediaBox [0 0 595 842] /Contents %d 0 R "
                   b"/Resources << /Font << /F1 %d 0 R >> >> >>" % (leaf + 1, leaf + 2))
    objects += [_stream(b"BT /F1 12 Tf 72 700 Td (Deep) Tj ET"), _FONT]
    return _raw_pdf(objects)


def _content_loop() -> bytes:
    """A form XObject that draws itself, and the only text on the page is inside it."""
    return _raw_pdf([
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
        b"/Resources << /XObject << /X 5 0 R >> >> >>",
        _stream(b"/X Do"),
        _stream(b"BT /F1 12 Tf 72 700 Td (Loop) Tj ET /X Do",
                b"/Type /XObject /Subtype /Form /BBox [0 0 595 842] "
                b"/Resources << /Font << /F1 6 0 R >> /XObject << /X 5 0 R >> >>"),
        _FONT])


def _deep_nesting(depth: int) -> bytes:
    content = (b"q " * depth + b"BT /F1 12 Tf 72 700 Td (Deep) Tj ET " + b"Q " * depth
               + b"[" * depth + b"]" * depth)
    return _raw_pdf([
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        _stream(content), _FONT])


def _blank_pdf(pages: int) -> bytes:
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

_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


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


def _replace_part(package: bytes, name: str, content: bytes) -> bytes:
    source = zipfile.ZipFile(io.BytesIO(package))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            target.writestr(info.filename, content if info.filename == name
                            else source.read(info))
    return out.getvalue()


def _bad_crc(package: bytes, name: str) -> bytes:
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


def _document_xml(body: str, prolog: str = "") -> bytes:
    return (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n{prolog}'
            f'<w:document xmlns:w="{_W}"><w:body>{body}</w:body></w:document>').encode()


def _para(text: str) -> str:
    return f"<w:p><w:r><w:t>{text}</w:t></w:r></w:p>"


def _billion_laughs() -> bytes:
    entities = '<!ENTITY lol0 "lol">' + "".join(
        f'<!ENTITY lol{i} "{f"&lol{i - 1};" * 10}">' for i in range(1, 10))
    return _replace_part(plan_docx(), "word/document.xml", _document_xml(
        _para("&lol9;"), f"<!DOCTYPE w:document [{entities}]>\n"))


def _xxe(secret: Path) -> bytes:
    return _replace_part(plan_docx(), "word/document.xml", _document_xml(
        _para("&xxe;"), f'<!DOCTYPE w:document [<!ENTITY xxe SYSTEM "file://{secret}">]>\n'))


def _zip_bomb(unpacked: int) -> bytes:
    """A Word package whose document part unpacks to ``unpacked`` bytes."""
    out = io.BytesIO()
    good = zipfile.ZipFile(io.BytesIO(plan_docx()))
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as target:
        for info in good.infolist():
            if info.filename != "word/document.xml":
                target.writestr(info.filename, good.read(info))
        with target.open("word/document.xml", "w", force_zip64=True) as part:
            part.write(_document_xml("")[:-len(b"</w:body></w:document>")])
            chunk = b" " * (1 << 20)
            for _ in range(unpacked >> 20):
                part.write(chunk)
            part.write(b"</w:body></w:document>")
    return out.getvalue()


def _package(parts: dict[str, bytes], stored_first: str | None = None) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        if stored_first:
            target.writestr(stored_first, parts.pop(stored_first), zipfile.ZIP_STORED)
        for name, content in parts.items():
            target.writestr(name, content)
    return out.getvalue()


def _odt() -> bytes:
    return _package({"mimetype": b"application/vnd.oasis.opendocument.text",
                     "content.xml": b"<office:document-content/>"}, stored_first="mimetype")


def _strict_docx() -> bytes:
    strict = "http://purl.oclc.org/ooxml/wordprocessingml/main"
    return _package({"[Content_Types].xml": b"<Types/>",
                     "word/document.xml": _document_xml(_para("Action")).replace(
                         _W.encode(), strict.encode())})


def _word97() -> bytes:
    """The start of a Compound File holding a WordDocument stream, as Word 97-2003 writes."""
    header = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504)
    entry = "Root Entry".encode("utf-16-le").ljust(128, b"\x00")
    entry += "WordDocument".encode("utf-16-le").ljust(128, b"\x00")
    return header + entry + bytes(4096)


# --- the corpus ---------------------------------------------------------------------------

ENCODINGS = ["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be", "utf-32", "utf-32-le",
             "utf-32-be", "cp1252", "mac_roman"]


def build(folder: Path, small: bool = False) -> list[Case]:
    """Write every case into ``folder`` (created); return the expectations."""
    folder.mkdir(parents=True, exist_ok=True)
    rng = random.Random(SEED)
    cases: list[Case] = []
    text = plan_text()
    actions = tuple(PLAN_ACTIONS)

    def add(name: str, data: bytes, status: str, phrase: str, acts=None) -> None:
        (folder / name).write_bytes(data)
        cases.append(Case(name, status, phrase, acts))

    def noise(size: int) -> bytes:
        return bytes(rng.getrandbits(8) for _ in range(size))

    # files that are read, in every encoding, and the same plan in Word and PDF
    for encoding in ENCODINGS:
        add(f"plan.{encoding}.txt", text.encode(encoding), "ok", "", actions)
    add("plan.latin-1.txt", plain_punctuation(text).encode("latin-1"), "ok", "not UTF-8",
        tuple(plain_punctuation(a) for a in PLAN_ACTIONS))
    add("plan.mojibake.txt", text.encode("utf-8").decode("cp1252", "replace").encode("utf-8"),
        "ok", "mojibake repaired", actions)
    stray = text.encode("utf-8").replace(b"Braille", b"Braille\x96")
    add("plan.stray-byte.txt", stray, "ok", "read as Windows-1252 where they stand",
        actions[:2] + ("Publish the scheme in Braille– and large print",))
    add("plan.nul-bytes.txt", text.replace("HR ACO", "HR\x00 ACO").replace(
        "Consult", "Con\x00sult").encode(), "ok", "NUL", actions)
    html_rows = [[r[0], f"<p>{r[1].replace('café', '<b>café')}</p><script>var x = 1;</script>"
                  if i == 0 else r[1].replace("équipe", "&eacute;quipe &amp; <i>team"),
                  r[2], r[3]] for i, r in enumerate(PLAN_ROWS)]
    add("plan.html-fragments.txt", plan_text(html_rows).encode(), "ok", "",
        (PLAN_ACTIONS[0], "Consult Zoë’s équipe & team on the scheme", PLAN_ACTIONS[2]))
    add("plan.docx", plan_docx(), "ok", "", actions)
    pdf_actions = tuple(plain_punctuation(a) for a in PLAN_ACTIONS)
    add("plan.pdf", plan_pdf(), "ok", "", pdf_actions)
    add("plan.junk-before-header.pdf", b"\r\n" + plan_pdf(), "ok", "", pdf_actions)
    add("plan.junk-2k-before-header.pdf", b"%" + b"x" * 1000 + b"\n" + plan_pdf(), "ok", "",
        pdf_actions)
    from reportlab.lib.pdfencrypt import StandardEncryption
    add("plan.owner-password-only.pdf",
        plan_pdf(StandardEncryption("", "owner", canPrint=0, canCopy=0)), "ok", "", pdf_actions)
    rows = 5_000 if small else 20_000
    many = _many_rows(rows)
    add(f"table-{rows}-rows.txt", many.encode(), "ok", "")
    cases[-1] = Case(cases[-1].name, "ok", "", tuple(
        f"Review the policy with staff group {i}" for i in range(rows)))
    wide = "\t".join(f"Column {i}" for i in range(10_000))
    add("table-10000-columns.txt", (text + "\n" + wide + "\n" + wide.replace("Column", "v")
                                    + "\n").encode(), "ok", "10,000 columns")
    add("line-10mb.txt", (text + "x" * 10_000_000 + "\n").encode(), "ok",
        "cut to 1000000 (--max-line-chars)", actions)

    # files that cannot be read, each with what to do about it
    add("empty.txt", b"", "empty", "the file is empty")
    add("spaces.txt", b"  \n\t\n", "empty", "the file is empty")
    add("random.txt", noise(4096), "failed", "binary content")
    add("random.pdf", noise(4096), "failed", "binary content")
    add("random.docx", noise(4096), "failed", "binary content")
    add("not-a-zip.docx", b"Action plan\nNothing here is a table.\n", "failed", "no table found")
    add("prose-only.txt", b"Minutes of the meeting.\nNo tables were agreed.\n", "failed",
        "no table found")
    good_pdf = plan_pdf()
    add("truncated.pdf", good_pdf[:len(good_pdf) // 3], "failed", "not a readable PDF")
    good_docx = plan_docx()
    add("truncated.docx", good_docx[:len(good_docx) // 2], "failed", "damaged or cut short")
    add("encrypted-user-password.pdf", plan_pdf(StandardEncryption("user", "owner")), "failed",
        "it is encrypted; save an unprotected copy")
    add("scan-no-text-layer.pdf", plan_pdf(image=True), "failed", "a scan; run OCR")
    add("zero-pages.pdf", _blank_pdf(0), "empty", "the PDF has no pages")
    blank = 300 if small else 2_000
    add(f"blank-{blank}-pages.pdf", _blank_pdf(blank), "empty",
        f"the PDF has {blank} page(s) but no text on any page")
    add("blank-5000-pages.pdf", _blank_pdf(5_000), "failed",
        "5,000 pages, more than the limit of 3,000 (--max-pages)")
    add("page-tree-cycle.pdf", _page_tree_cycle(), "failed", "the PDF is damaged")
    add("deep-page-tree.pdf", _deep_page_tree(5_000), "failed", "the PDF is damaged")
    add("content-stream-loop.pdf", _content_loop(), "empty", "no action table found")
    add("deep-nesting.pdf", _deep_nesting(100_000), "empty", "no action table found")
    add("zip-bomb.docx", _zip_bomb((64 if small else 2048) << 20), "failed",
        "a zip bomb, refused")
    add("billion-laughs.docx", _billion_laughs(), "failed", "refused as unsafe")
    secret = folder.parent / f"{folder.name}-secret.txt"
    secret.write_text(XXE_MARKER + "\n")
    add("external-entity.docx", _xxe(secret), "failed", "refused as unsafe")
    add("word-97.docx", _word97(), "failed", "a Word 97-2003 .doc file")
    add("plan.odt", _odt(), "failed", "an OpenDocument text (.odt) file")
    add("strict-ooxml.docx", _strict_docx(), "failed", "a Strict Open XML .docx")
    add("bad-crc.docx", _bad_crc(good_docx, "word/document.xml"), "failed", "Bad CRC-32")
    add("malformed-xml.docx", _replace_part(good_docx, "word/document.xml",
                                            _document_xml(_para("x"))[:-30]),
        "failed", "holds malformed XML")
    add("workbook.docx", _package({"[Content_Types].xml": b"<Types/>",
                                   "xl/workbook.xml": b"<workbook/>"}), "failed",
        "an Excel workbook (.xlsx)")
    huge = (20 if small else 50) << 20
    line = "1.1\tReview the policy\tHR ACO\tMarch 2011\n"
    add(f"text-export-{huge >> 20}mb.txt", (text + line * (huge // len(line))).encode(),
        "failed", "more than the limit of 16.0 MB for text exports (--max-text-mb)")

    # entries of an input folder that are not files
    walk = folder / "walk"
    walk.mkdir(exist_ok=True)
    os.symlink("loop-b", walk / "loop-a")
    os.symlink("loop-a", walk / "loop-b")
    cases.append(Case("walk/loop-a", "problem:failed", "a symlink loop"))
    cases.append(Case("walk/loop-b", "problem:failed", "a symlink loop"))
    os.symlink(".", walk / "itself")
    cases.append(Case("walk/itself", "problem:warning", "already read"))
    os.mkfifo(walk / "pipe.txt")
    cases.append(Case("walk/pipe.txt", "problem:failed", "a FIFO (named pipe)"))
    (walk / "unreadable.txt").write_text(text)
    os.chmod(walk / "unreadable.txt", 0)
    if os.geteuid() == 0:  # root reads it all the same
        cases.append(Case("walk/unreadable.txt", "ok", "", actions))
    else:
        cases.append(Case("walk/unreadable.txt", "failed", "Permission denied"))
    return cases


_BATCH = """
import json, resource, sys, time
from pathlib import Path
from planextract.pipeline.batch import run_batch, write
from planextract.pipeline.inputs import collect
folder, out = sys.argv[1], Path(sys.argv[2])
started = time.perf_counter()
scan = collect([folder], exclude=[out])
result = run_batch(scan.files, jobs=2)
write(result, out)
peak = max(resource.getrusage(who).ru_maxrss
           for who in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN))
json.dump({"documents": [r.document for r in result.results],
           "actions": [[a["action"] for a in r.actions] for r in result.results],
           "dump": repr([r.actions for r in result.results]),
           "problems": [[p.path, p.kind, p.message] for p in scan.problems],
           "seconds": time.perf_counter() - started, "peak_mb": peak / 1024}, sys.stdout)
"""


def run_corpus(folder: Path, out: Path, timeout: float) -> dict:
    """The corpus as one batch (two workers) in a fresh process: every
    document row, the action texts, the input problems, the seconds it took
    and the peak RSS of its largest process."""
    run = subprocess.run([sys.executable, "-c", _BATCH, str(folder), str(out)],
                         capture_output=True, text=True, timeout=timeout)
    if run.returncode:
        raise RuntimeError(run.stderr[-3000:])
    return json.loads(run.stdout)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--small", action="store_true", help="smaller large cases")
    parser.add_argument("--run", action="store_true",
                        help="then run it as one batch into OUT-dataset and report")
    args = parser.parse_args()
    cases = build(args.out, args.small)
    if not args.run:
        for case in cases:
            print(f"{case.name:40} {case.status:16} {case.phrase}")
        return
    report = run_corpus(args.out, args.out.with_name(args.out.name + "-dataset"), 3600)
    for document in report["documents"]:
        print(f"{Path(document['source']).name:40} {document['status']:7} "
              f"{document['seconds']:6.2f}s {(document['error'] or '')[:90]}")
    print(f"{len(report['documents'])} documents, {len(report['problems'])} input problems, "
          f"{report['seconds']:.1f} s, peak RSS {report['peak_mb']:.0f} MB")


if __name__ == "__main__":
    main()
