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
import json
import os
import random
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import hostile_files as files
from hostile_plan import PLAN_ACTIONS, PLAN_ROWS, XXE_MARKER, plain_punctuation, plan_text

SEED = 9


@dataclass(frozen=True)
class Case:
    name: str  # path inside the corpus folder
    status: str  # ok / failed / empty; or "problem:failed" / "problem:warning"
    phrase: str  # in the error (failed/empty), a warning (ok) or the problem's message
    actions: tuple[str, ...] | None = None  # for ok: the action texts, in order


def _many_rows(count: int) -> str:
    rows = [[f"{i // 10 + 1}.{i % 10 + 1}", f"Review the policy with staff group {i}", "HR ACO",
             "March 2011"] for i in range(count)]
    return plan_text(rows)


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
    add("plan.docx", files.plan_docx(), "ok", "", actions)
    pdf_actions = tuple(plain_punctuation(a) for a in PLAN_ACTIONS)
    add("plan.pdf", files.plan_pdf(), "ok", "", pdf_actions)
    add("plan.junk-before-header.pdf", b"\r\n" + files.plan_pdf(), "ok", "", pdf_actions)
    add("plan.junk-2k-before-header.pdf", b"%" + b"x" * 1000 + b"\n" + files.plan_pdf(), "ok", "",
        pdf_actions)
    from reportlab.lib.pdfencrypt import StandardEncryption
    owner_only = StandardEncryption("", "owner", canPrint=0, canCopy=0)
    add("plan.owner-password-only.pdf", files.plan_pdf(owner_only), "ok", "", pdf_actions)
    rows = 5_000 if small else 20_000
    many = _many_rows(rows)
    add(f"table-{rows}-rows.txt", many.encode(), "ok", "")
    cases[-1] = Case(cases[-1].name, "ok", "", tuple(
        f"Review the policy with staff group {i}" for i in range(rows)))
    if not small:  # a million short rows (13 MB): the first 100,000 lines read
        add("million-rows.txt", ("Ref\tAction\tLead\n" + "1\tReview\tHR\n" * 1_000_000).encode(),
            "ok", "1,000,001 lines, only the first 100,000 read (--max-lines)")
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
    good_pdf = files.plan_pdf()
    add("truncated.pdf", good_pdf[:len(good_pdf) // 3], "failed", "not a readable PDF")
    good_docx = files.plan_docx()
    add("truncated.docx", good_docx[:len(good_docx) // 2], "failed", "damaged or cut short")
    add("encrypted-user-password.pdf", files.plan_pdf(StandardEncryption("user", "owner")),
        "failed", "it is encrypted; save an unprotected copy")
    add("scan-no-text-layer.pdf", files.plan_pdf(image=True), "failed", "a scan; run OCR")
    add("zero-pages.pdf", files.blank_pdf(0), "empty", "the PDF has no pages")
    blank = 300 if small else 2_000
    add(f"blank-{blank}-pages.pdf", files.blank_pdf(blank), "empty",
        f"the PDF has {blank} page(s) but no text on any page")
    add("blank-5000-pages.pdf", files.blank_pdf(5_000), "failed",
        "5,000 pages, more than the limit of 3,000 (--max-pages)")
    add("page-tree-cycle.pdf", files.page_tree_cycle(), "failed", "the PDF is damaged")
    add("deep-page-tree.pdf", files.deep_page_tree(5_000), "failed", "the PDF is damaged")
    add("content-stream-loop.pdf", files.content_loop(), "empty", "no action table found")
    add("deep-nesting.pdf", files.deep_nesting(100_000), "empty", "no action table found")
    add("zip-bomb.docx", files.zip_bomb((64 if small else 2048) << 20), "failed",
        "a zip bomb")
    add("billion-laughs.docx", files.billion_laughs(), "failed", "refused as unsafe")
    secret = folder.parent / f"{folder.name}-secret.txt"
    secret.write_text(XXE_MARKER + "\n")
    add("external-entity.docx", files.xxe(secret), "failed", "refused as unsafe")
    add("word-97.docx", files.word97(), "failed", "a Word 97-2003 .doc file")
    # read as OpenDocument text now: its content part names a prefix it never declares
    add("plan.odt", files.odt(), "failed", "the .odt part content.xml holds malformed XML")
    add("strict-ooxml.docx", files.strict_docx(), "failed", "a Strict Open XML .docx")
    add("bad-crc.docx", files.bad_crc(good_docx, "word/document.xml"), "failed", "Bad CRC-32")
    add("malformed-xml.docx", files.replace_part(good_docx, "word/document.xml",
                                            files.document_xml(files.para("x"))[:-30]),
        "failed", "holds malformed XML")
    add("workbook.docx", files.package({"[Content_Types].xml": b"<Types/>",
                                   "xl/workbook.xml": b"<workbook/>"}), "failed",
        "the workbook (.xlsx) could not be read: it is damaged")
    good_xlsx = files.plan_xlsx()
    add("plan.xlsx", good_xlsx, "ok", "", actions)
    add("truncated.xlsx", good_xlsx[:len(good_xlsx) // 2], "failed",
        "an Excel workbook (.xlsx) that is damaged or cut short")
    add("zip-bomb.xlsx", files.xlsx_bomb((64 if small else 2048) << 20), "failed", "a zip bomb")
    add("billion-laughs.xlsx", files.xlsx_laughs(), "failed", "refused as unsafe")
    add("password.xlsx", files.encrypted_office(), "failed",
        "it is encrypted; save an unprotected copy without a password")
    add("excel-97.xls", files.excel97(), "failed",
        "an Excel 97-2003 .xls workbook, which is not read here: open it in Excel")
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
# this process's own peak from VmHWM: its ru_maxrss carries the peak of the process
# that started it across exec (a full pytest run's); its children's ru_maxrss only
# what they shared of this one at fork
own = next(int(line.split()[1]) for line in open("/proc/self/status")
           if line.startswith("VmHWM:"))
peak = max(own, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
json.dump({"documents": [r.document for r in result.results],
           "actions": [[a["action"] for a in r.actions] for r in result.results],
           "dump": repr([r.actions for r in result.results]),
           "problems": [[p.path, p.kind, p.message] for p in scan.problems + scan.notes],
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
