"""A Word 97-2003 ``.doc`` or an ``.rtf`` converted to ``.docx`` by LibreOffice
headless, so the Word reader and every rule it has read it.

No well-kept Python library reads a ``.doc``'s tables; LibreOffice does. Each call
is safe for a nightly batch of thousands: its own LibreOffice profile (parallel
workers never share one, which LibreOffice refuses or corrupts), made with macros
and link updates off before it starts; stdin closed and the output to a file (no
pipe a hung child can block on); its own process group, killed whole when the
conversion overruns its share of the document's time limit (``ConvertSettings``)
and once more after a normal exit; and a watchdog at the head of that group that
kills it when the worker dies first (killed past ``--timeout``, out of memory, its
run stopped), so no ``soffice.bin`` outlives the worker that started it; every
temporary file removed. It runs in the worker reading the document
(the registry's readers are only imported there), never in the main process.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import tempfile
from pathlib import Path

from planextract.extract.errors import ReaderError
from planextract.settings import DEFAULT, Settings

ENV = "PLANEXTRACT_SOFFICE"  # another soffice than the one on PATH
INSTALL = "apt-get install libreoffice-writer-nogui"
_KINDS = {"doc": "a Word 97-2003 .doc file", "rtf": "a Rich Text Format (.rtf) file"}
_RESAVE = "open it in Word or LibreOffice and save it as .docx"
# the profile's settings, written before LibreOffice first reads it: no macro of any
# kind runs (Basic, VBA, document events), VBA is not even loaded, and links to
# other files or the network are never updated while loading (0: never)
_PROFILE = """<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" \
xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Common/Security/Scripting">\
<prop oor:name="DisableMacrosExecution" oor:op="fuse"><value>true</value></prop></item>
<item oor:path="/org.openoffice.Office.Common/Security/Scripting">\
<prop oor:name="MacroSecurityLevel" oor:op="fuse"><value>3</value></prop></item>
<item oor:path="/org.openoffice.Office.Writer/Filter/Import/VBA">\
<prop oor:name="Load" oor:op="fuse"><value>false</value></prop></item>
<item oor:path="/org.openoffice.Office.Writer/Filter/Import/VBA">\
<prop oor:name="Executable" oor:op="fuse"><value>false</value></prop></item>
<item oor:path="/org.openoffice.Office.Writer/Content/Update">\
<prop oor:name="Link" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
"""
_SAID = 400  # characters of LibreOffice's own output quoted in a failure message
# the watchdog LibreOffice runs under, the head of its process group: Linux sends it
# SIGTERM when the worker that started it dies (PR_SET_PDEATHSIG), and it then kills
# the whole group, LibreOffice with it; it started after the worker died: the same
_WATCH = """import ctypes, os, signal, subprocess, sys
def stop(*_):
    os.killpg(0, signal.SIGKILL)
signal.signal(signal.SIGTERM, stop)
try:
    ctypes.CDLL(None).prctl(1, signal.SIGTERM, 0, 0, 0)
except (OSError, AttributeError):
    pass
if os.getppid() != int(sys.argv[1]):
    stop()
try:
    sys.exit(subprocess.call(sys.argv[2:], stdin=subprocess.DEVNULL))
except OSError as err:
    print(f"cannot start {sys.argv[2]}: {err}")
    sys.exit(127)
"""


def find_soffice(settings: Settings = DEFAULT) -> str | None:
    """The LibreOffice program to run: the setting, else ``PLANEXTRACT_SOFFICE``,
    else ``soffice`` or ``libreoffice`` on PATH; None when there is none."""
    named = settings.convert.soffice or os.environ.get(ENV)
    if named:
        return shutil.which(named) or (named if os.access(named, os.X_OK) else None)
    return shutil.which("soffice") or shutil.which("libreoffice")


def missing_message(kind: str) -> str:
    """What a person does when LibreOffice is not installed here."""
    return (f"{_KINDS[kind]}, which is read here through LibreOffice, and LibreOffice is "
            f"not installed (no soffice on PATH): install it ({INSTALL}) or set {ENV} to "
            f"its soffice program, or {_RESAVE}")


def write_profile(folder: Path) -> str:
    """A fresh LibreOffice profile in ``folder`` with macros and link updates off;
    returns its ``-env:UserInstallation`` URL."""
    user = folder / "user"
    user.mkdir(parents=True)
    (user / "registrymodifications.xcu").write_text(_PROFILE, encoding="utf-8")
    return folder.resolve().as_uri()


def _kill_group(process: subprocess.Popen) -> None:
    """SIGKILL the conversion's process group (soffice, oosplash, soffice.bin)."""
    try:
        os.killpg(process.pid, signal.SIGKILL)
    except (ProcessLookupError, PermissionError):
        pass  # every member has exited


def conversion_timeout(settings: Settings) -> float:
    return max(1.0, settings.run.timeout * settings.convert.timeout_share)


def to_docx(data: bytes, kind: str, settings: Settings = DEFAULT) -> bytes:
    """The bytes of the .docx LibreOffice makes of ``data`` (``kind``: ``doc`` or
    ``rtf``); a ReaderError a person can act on when it cannot."""
    program = find_soffice(settings)
    if program is None:
        raise ReaderError(missing_message(kind))
    timeout = conversion_timeout(settings)
    with tempfile.TemporaryDirectory(prefix="planextract-soffice-") as tmp:
        folder = Path(tmp)
        source, out = folder / f"plan.{kind}", folder / "out"
        source.write_bytes(data)
        out.mkdir()
        command = [program, f"-env:UserInstallation={write_profile(folder / 'profile')}",
                   "--headless", "--invisible", "--nologo", "--norestore", "--nolockcheck",
                   "--convert-to", "docx:MS Word 2007 XML", "--outdir", str(out), str(source)]
        log = folder / "said.txt"
        with open(log, "wb") as said:
            try:
                watched = [sys.executable, "-I", "-S", "-c", _WATCH, str(os.getpid()), *command]
                process = subprocess.Popen(watched, stdin=subprocess.DEVNULL, stdout=said,
                                           stderr=subprocess.STDOUT, cwd=folder,
                                           start_new_session=True,
                                           env={**os.environ, "HOME": str(folder)})
            except OSError as err:
                raise ReaderError(f"{_KINDS[kind]}: LibreOffice ({program}) could not be "
                                  f"started ({err.strerror or err}); check the install "
                                  f"({INSTALL}) or {_RESAVE}") from None
            try:
                process.wait(timeout=timeout)
            except subprocess.TimeoutExpired:
                _kill_group(process)
                process.wait()
                raise ReaderError(
                    f"gave up after {timeout:g} s: LibreOffice did not convert {_KINDS[kind]} "
                    "to .docx within its share of the time limit (--timeout) and was "
                    "stopped; the file may be damaged or very large - raise --timeout to "
                    f"retry, or {_RESAVE}") from None
            finally:
                _kill_group(process)  # whatever it left running, even after a clean exit
        made = out / "plan.docx"
        if not made.is_file() or made.stat().st_size == 0:
            said = " ".join(log.read_text("utf-8", "replace").split())
            said = " ".join(line for line in said.split("Warning: failed to launch javaldx - "
                                                         "java may not function correctly")
                            if line.strip())[:_SAID]
            raise ReaderError(f"LibreOffice could not convert {_KINDS[kind]} to .docx "
                              f"(exit code {process.returncode}"
                              + (f"; it said: {said.strip()}" if said.strip() else "")
                              + "): it is damaged, cut short, password-protected or not "
                              f"a Word document; {_RESAVE}")
        return made.read_bytes()
