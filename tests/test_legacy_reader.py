"""Word 97-2003 .doc and .rtf plans, read through LibreOffice (``extract/legacy_reader``,
``extract/legacy_convert``).

The fixtures (``tests/documents/legacy-plan.*``, rebuilt by
``scripts/build_legacy_samples.py``) are one small plan written from PRINTED values
and saved by LibreOffice as .doc and .rtf; the expected canonical values are written
beside the printed ones below. A hand-written RTF table (``\\trowd ... \\cell ...
\\row``) differs from it in everything but the rule. Each document is converted once
for the module (a conversion costs 1-3 s).

LibreOffice is needed: ``.ci/run`` installs it when missing. These tests do not skip:
a machine without it fails them with the command that installs it (as the report's
browser test does for Chromium).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pytest
from conftest import ROOT

from planextract.extract.errors import ReaderError
from planextract.extract.legacy_convert import ENV, find_soffice, write_profile
from planextract.extract.legacy_reader import encrypted_doc
from planextract.extract.registry import read_document, sniff
from planextract.pipeline.document_run import run_one
from planextract.settings import DEFAULT, ConvertSettings, RunSettings

DOCS = ROOT / "tests" / "documents"
INSTALL = "apt-get install -y libreoffice-writer-nogui"

# printed -> canonical, as the plan prints each row (one row, two stacked actions)
PLAN = [
    # action_id_raw, action, owners_raw, owners, due_raw, due_kind, due_date, due_start
    ("1.1", "Review the recruitment and selection policy", "Head of HR",
     ["Head of Human Resources"], "March 09", "date", dt.date(2009, 3, 31), None),
    # the owner cell is merged down from the row above: its value is this row's too
    ("1.2", "Train all line managers in the new equality duties", "Head of HR",
     ["Head of Human Resources"], "31.3.11", "date", dt.date(2011, 3, 31), None),
    # two numbered actions stacked in one cell, each with its own owner and date
    ("1.3", "Publish the equality scheme on the intranet", "Diversity Manager",
     ["Diversity Manager"], "Sept 2010", "date", dt.date(2010, 9, 30), None),
    ("1.4", "Consult the staff disability network on the scheme", "Chief Executive",
     ["Chief Executive"], "Dec 09 – Dec 2012", "range", dt.date(2012, 12, 31),
     dt.date(2009, 12, 1)),
    # a row split across a page break (the fixture's short page): one action
    ("1.5", "Audit physical access to every office open to the public, including reception "
     "areas, interview rooms and car parks, and record what must change before the next "
     "inspection of the estate", "Estates Manager / ACO Resources",
     ["Estates Manager", "Assistant Chief Officer Resources"], "30 June 2010", "date",
     dt.date(2010, 6, 30), None),
]

HAND_RTF = r"""{\rtf1\ansi\ansicpg1252\deff0{\fonttbl{\f0\fswiss Arial;}}
{\stylesheet{\s0 Normal;}{\s1\b\fs32 heading 1;}}
\pard\plain\s1\f0\fs32\b Kestrel Valley Fire and Rescue Service\b0\par
\pard\plain\f0\fs22 Equality Delivery Plan 2010-2013\par
\trowd\trgaph100\cellx1200\cellx5400\cellx7800\cellx9800
\pard\intbl No.\cell\pard\intbl Task\cell\pard\intbl Owner\cell\pard\intbl Deadline\cell\row
\trowd\trgaph100\cellx1200\cellx5400\clvmgf\cellx7800\cellx9800
\pard\intbl A 1\cell\pard\intbl Appoint an equality champion at each fire station\cell
\pard\intbl Area Manager Prevention\cell\pard\intbl December 2010\cell\row
\trowd\trgaph100\cellx1200\cellx5400\clvmrg\cellx7800\cellx9800
\pard\intbl A 2\cell\pard\intbl Translate the home safety leaflet into Polish and Urdu\cell
\pard\intbl\cell\pard\intbl 1/12/2012\cell\row
\trowd\trgaph100\cellx1200\cellx5400\cellx7800\cellx9800
\pard\intbl\cell\pard\intbl A 3 Hold open days for community groups\par
\pard\intbl A 4 Report recruitment figures by ethnicity to the Authority\cell
\pard\intbl Station Manager\cell\pard\intbl Apr 2011 \u8211? Mar 2013\cell\row
\pard\par
}
"""
HAND = [
    ("A 1", "A1", "Appoint an equality champion at each fire station",
     ["Area Manager Prevention"], "December 2010", "date", dt.date(2010, 12, 31), None),
    ("A 2", "A2", "Translate the home safety leaflet into Polish and Urdu",
     ["Area Manager Prevention"], "1/12/2012", "date", dt.date(2012, 12, 1), None),
    ("A 3", "A3", "Hold open days for community groups", ["Station Manager"],
     "Apr 2011 – Mar 2013", "range", dt.date(2013, 3, 31), dt.date(2011, 4, 1)),
    ("A 4", "A4", "Report recruitment figures by ethnicity to the Authority",
     ["Station Manager"], "Apr 2011 – Mar 2013", "range", dt.date(2013, 3, 31),
     dt.date(2011, 4, 1)),
]


def _alive(pid: int) -> bool:
    """Running (a zombie waiting for a reaper counts as gone)."""
    try:
        with open(f"/proc/{pid}/stat") as handle:
            return handle.read().rsplit(")", 1)[1].split()[0] != "Z"
    except (FileNotFoundError, ProcessLookupError, IndexError):
        return False


def _ours(folder: Path) -> list[int]:
    """Processes started with a conversion profile under ``folder``."""
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                command = (entry / "cmdline").read_bytes()
            except OSError:
                continue
            if str(folder).encode() in command and _alive(int(entry.name)):
                found.append(int(entry.name))
    return found


@pytest.fixture(scope="module")
def read(tmp_path_factory):
    assert find_soffice() is not None, (
        f"LibreOffice is not installed: {INSTALL} (or set {ENV} to its soffice)")
    hand = tmp_path_factory.mktemp("legacy") / "delivery-plan.txt"  # the name says nothing
    hand.write_text(HAND_RTF, encoding="ascii")
    sources = {"docx": DOCS / "legacy-plan.docx", "doc": DOCS / "legacy-plan.doc",
               "rtf": DOCS / "legacy-plan.rtf", "hand": hand}
    scratch = tmp_path_factory.mktemp("scratch")  # where the conversions' files go
    before, tempfile.tempdir = tempfile.tempdir, str(scratch)
    try:
        return {"scratch": scratch,
                **{name: run_one(str(path)) for name, path in sources.items()}}
    finally:
        tempfile.tempdir = before


def _canonical(result) -> list[tuple]:
    return [(a["action_id_raw"], a["action"], a["owners_raw"], a["owners"], a["due_raw"],
             a["due_kind"], a["due_date"], a["due_start"]) for a in result.actions]


@pytest.mark.parametrize("kind", ["doc", "rtf"])
def test_printed_values_read_canonical(read, kind):
    result = read[kind]
    assert result.document["status"] == "ok", result.document["error"]
    assert result.document["source_format"] == kind
    assert result.document["organisation"] == "Severnvale Probation Trust"
    assert result.document["plan_title"] == "Single Equality Scheme Action Plan 2009-2012"
    assert _canonical(result) == PLAN
    assert [a["action_id"] for a in result.actions] == ["1.1", "1.2", "1.3", "1.4", "1.5"]
    # no page numbers in a .docx, so none through it; Word rows have no lines
    assert {(a["page_start"], a["line_start"]) for a in result.actions} == {(None, None)}


@pytest.mark.parametrize("kind", ["doc", "rtf"])
def test_doc_and_rtf_read_as_their_word_twin(read, kind):
    keep = ("doc_id", "source", "source_format")
    twin = [{k: v for k, v in a.items() if k not in keep} for a in read["docx"].actions]
    assert [{k: v for k, v in a.items() if k not in keep} for a in read[kind].actions] == twin


def test_a_hand_written_rtf_table(read):
    """Control words LibreOffice never wrote: a vertical merge (``\\clvmgf``/``\\clvmrg``),
    stacked actions as ``\\par`` in a cell, a dash as ``\\u8211?``; the file named .txt."""
    result = read["hand"]
    assert result.document["status"] == "ok", result.document["error"]
    assert result.document["source_format"] == "rtf"
    assert result.document["plan_title"] == "Equality Delivery Plan 2010-2013"
    got = [(a["action_id_raw"], a["action_id"], a["action"], a["owners"], a["due_raw"],
            a["due_kind"], a["due_date"], a["due_start"]) for a in result.actions]
    assert got == HAND


def test_no_libreoffice_process_is_left_behind(read):
    assert read["scratch"].is_dir()  # every conversion of the module done
    assert _ours(read["scratch"]) == []
    assert list(read["scratch"].iterdir()) == []  # profiles, inputs and outputs removed


def test_told_by_content_never_the_name():
    doc = (DOCS / "legacy-plan.doc").read_bytes()
    rtf = (DOCS / "legacy-plan.rtf").read_bytes()
    assert sniff(doc) == "doc"
    assert sniff(rtf) == "rtf"
    assert sniff(b"\r\n  " + rtf) == "rtf"
    assert sniff(b"Ref\tAction\n1\t{\\rtf is text here\n2\tTrain staff\n") != "rtf"


def test_without_libreoffice_the_message_says_how(tmp_path, monkeypatch):
    monkeypatch.setenv("PATH", str(tmp_path))  # no soffice anywhere
    monkeypatch.delenv(ENV, raising=False)
    for name, kind in (("legacy-plan.doc", "Word 97-2003 .doc"), ("legacy-plan.rtf", ".rtf")):
        row = run_one(str(DOCS / name)).document
        assert row["status"] == "failed"
        assert kind in row["error"]
        assert "apt-get install libreoffice-writer-nogui" in row["error"]
        assert "save it as .docx" in row["error"]


def test_a_setting_or_variable_names_another_soffice(tmp_path, monkeypatch):
    program = tmp_path / "my-office"
    program.write_text("#!/bin/sh\nexit 0\n")
    program.chmod(0o755)
    monkeypatch.setenv(ENV, str(program))
    assert find_soffice() == str(program)
    other = dataclasses.replace(DEFAULT, convert=ConvertSettings(soffice="/no/such/soffice"))
    assert find_soffice(other) is None
    # a program that makes nothing: the conversion fails with LibreOffice's say
    with pytest.raises(ReaderError, match="LibreOffice could not convert a Word 97-2003"):
        read_document((DOCS / "legacy-plan.doc").read_bytes())


def test_the_profile_turns_macros_and_link_updates_off(tmp_path):
    url = write_profile(tmp_path / "profile")
    assert url == (tmp_path / "profile").resolve().as_uri()
    xcu = (tmp_path / "profile" / "user" / "registrymodifications.xcu").read_text()
    for setting in ('"DisableMacrosExecution" oor:op="fuse"><value>true',
                    '"MacroSecurityLevel" oor:op="fuse"><value>3',
                    'Import/VBA"><prop oor:name="Load" oor:op="fuse"><value>false',
                    'Import/VBA"><prop oor:name="Executable" oor:op="fuse"><value>false',
                    'Update"><prop oor:name="Link" oor:op="fuse"><value>0'):
        assert setting in xcu


def test_an_encrypted_doc_is_refused_before_libreoffice(monkeypatch):
    data = bytearray((DOCS / "legacy-plan.doc").read_bytes())
    assert not encrypted_doc(bytes(data))
    fib = data.index(b"\xec\xa5")  # the WordDocument stream's first sector (checked below)
    assert fib % 512 == 0
    data[fib + 0x0B] |= 0x01  # fEncrypted: 0x0100 of the flags word at 0x0A, little-endian
    assert encrypted_doc(bytes(data))
    monkeypatch.setenv(ENV, "/no/such/soffice")  # were it converted, this would say so
    with pytest.raises(ReaderError, match="password-protected Word 97-2003 .doc"):
        read_document(bytes(data))


def test_a_damaged_doc_fails_with_a_message(read):
    data = bytearray((DOCS / "legacy-plan.doc").read_bytes())
    fib = data.index(b"\xec\xa5")
    data[fib:fib + 4096] = bytes(4096)  # the stream's header and text gone
    with pytest.raises(ReaderError, match="LibreOffice could not convert .* damaged, cut "
                                          "short, password-protected or not a Word"):
        read_document(bytes(data))


def test_a_doc_cut_short_before_its_directory_is_named_so():
    """LibreOffice writes a .doc's directory at its end: half a file names no stream
    (what its bytes hold by chance, ``Book`` in UTF-16, named an Excel file before)."""
    data = (DOCS / "legacy-plan.doc").read_bytes()
    with pytest.raises(ReaderError, match=r"97-2003 file \(a Word .doc or an Excel .xls\) cut "
                                          r"short: its directory lies past the end"):
        sniff(data[:len(data) // 2])
    sniff(data)  # whole, it is read


def test_an_rtf_bomb_of_deep_groups_ends(read):
    depth = 100_000
    bomb = b"{\\rtf1 " + b"{" * depth + b"Ref" + b"}" * depth + b"}"
    row = run_one_bytes(bomb)
    assert row["status"] in ("empty", "failed")


def run_one_bytes(data: bytes) -> dict:
    with tempfile.NamedTemporaryFile(suffix=".bin") as handle:
        handle.write(data)
        handle.flush()
        return run_one(handle.name).document


def _fake_soffice(folder: Path) -> Path:
    """A LibreOffice that hangs: it starts a child, notes both ids, and sleeps."""
    program = folder / "soffice"
    program.write_text(f"#!/bin/sh\necho $$ >> {folder}/pids\nsleep 300 &\n"
                       f"echo $! >> {folder}/pids\nwait\n")
    program.chmod(0o755)
    return program


def _pids(folder: Path) -> list[int]:
    path = folder / "pids"
    for _ in range(600):  # the script notes them as it starts
        if path.exists() and len(path.read_text().split()) == 2:
            break
        time.sleep(0.05)
    return [int(p) for p in path.read_text().split()]


def test_a_hung_conversion_is_killed_whole(tmp_path, monkeypatch):
    program = _fake_soffice(tmp_path)
    settings = dataclasses.replace(DEFAULT, run=RunSettings(timeout=2.0),
                                   convert=ConvertSettings(soffice=str(program)))
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    with pytest.raises(ReaderError, match=r"gave up after 1.6 s: LibreOffice did not convert"):
        read_document((DOCS / "legacy-plan.doc").read_bytes(), settings)
    assert not any(_alive(pid) for pid in _pids(tmp_path))
    assert not list(tmp_path.glob("planextract-soffice-*"))  # its files removed


def test_a_hung_conversion_fails_its_document_and_the_batch_goes_on(tmp_path):
    """Through ``planextract ingest``: isolated workers, the document's --timeout."""
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    (inbox / "old-plan.doc").write_bytes((DOCS / "legacy-plan.doc").read_bytes())
    (inbox / "plan.docx").write_bytes((DOCS / "legacy-plan.docx").read_bytes())
    program = _fake_soffice(tmp_path)
    run = subprocess.run([sys.executable, "-m", "planextract.pipeline.cli", "ingest",
                          str(inbox), "--dataset", str(tmp_path / "ds"), "--timeout", "3"],
                         capture_output=True, text=True, timeout=120, cwd=ROOT,
                         env={**os.environ, ENV: str(program)})
    assert run.returncode == 1, run.stderr
    assert "old-plan.doc: gave up after 2.4 s: LibreOffice did not convert" in run.stdout
    assert "read now: 1 ok, 0 empty, 1 failed" in run.stdout
    assert not any(_alive(pid) for pid in _pids(tmp_path))


def test_libreoffice_dies_with_the_worker_that_started_it(tmp_path):
    """A worker killed while LibreOffice converts (past --timeout, out of memory, its
    run stopped) takes the conversion with it: the watchdog heading its group kills it."""
    program = _fake_soffice(tmp_path)
    code = ("import dataclasses, sys\n"
            "from planextract.extract.legacy_convert import to_docx\n"
            "from planextract.settings import DEFAULT, ConvertSettings, RunSettings\n"
            "settings = dataclasses.replace(DEFAULT, run=RunSettings(timeout=600), "
            "convert=ConvertSettings(soffice=sys.argv[1]))\n"
            "to_docx(b'{\\\\rtf1 x}', 'rtf', settings)\n")
    worker = subprocess.Popen([sys.executable, "-c", code, str(program)], cwd=ROOT,
                              env={**os.environ, "TMPDIR": str(tmp_path)})
    pids = _pids(tmp_path)  # the fake LibreOffice and its child, running
    assert all(_alive(pid) for pid in pids)
    worker.kill()
    worker.wait()
    for _ in range(600):  # the kernel's signal and the watchdog's kill, not a timing
        if not any(_alive(pid) for pid in pids):
            break
        time.sleep(0.05)
    assert not any(_alive(pid) for pid in pids)
