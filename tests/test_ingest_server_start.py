"""The fork server's start, on the path to the first result that both runs of an
ingest pay (issue 8, session 19): charset_normalizer imported only by a file that is
not UTF-8, and multiprocessing's resource tracker started at the first worker rather
than beside the starting server (``forkctx.tracker_later``). The old paths are
swapped in in a separate run: the four tables and the log lines are the same."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from conftest import ROOT, SAMPLES

from planextract.pipeline import forkctx

sys.path.insert(0, str(ROOT / "scripts"))
import ingest_plans  # noqa: E402
from test_ingest import assert_same_runs, log_records  # noqa: E402
from test_ingest_startup import TEXT_SAMPLE, _probe  # noqa: E402

# a plan as Windows office software writes it: pound signs, en dashes, curly quotes
NOT_UTF8 = ("Ref\tAction\tLead\tDue\n"
            "1\tReview the \u2018Dignity at Work\u2019 policy \u2013 \u00a35k\tHR\tMarch 2012\n"
            "2\tTrain caf\u00e9 staff \u2013 all sites\tTraining\tJune 2012\n")


def _python(code: str, *args: str) -> str:
    run = subprocess.run([sys.executable, "-c", code, *args], capture_output=True,
                         text=True, cwd=ROOT, timeout=300)
    assert run.returncode == 0, run.stderr
    return run.stdout.strip().splitlines()[-1]


def test_a_text_run_never_imports_charset_normalizer_nor_the_other_readers(tmp_path):
    records = _probe(tmp_path, "extract", str(TEXT_SAMPLE), "--out", str(tmp_path / "ds"))
    server, worker = (set(records[k]["modules"]) for k in ("server", "worker"))
    assert "planextract.extract.text.decode" in server
    assert not {"charset_normalizer", "docx", "pypdfium2"} & (server | worker)


_DECODE = """
import json, sys
if sys.argv[1] == "before":  # the old order: charset_normalizer with the module
    import charset_normalizer
from planextract.extract.text.decode import decode
imported = "charset_normalizer" in sys.modules
texts = json.loads(sys.argv[2])
out = [decode(t.encode(e)) for t, e in texts]
print(json.dumps([imported, "charset_normalizer" in sys.modules, out]))
"""


def test_a_file_that_is_not_utf8_decodes_as_before():
    texts = [(NOT_UTF8, "cp1252"), (NOT_UTF8 * 3, "mac_roman"),
             ("R\u00e9vision du plan: caf\u00e9, gar\u00e7on\tHR\n" * 5, "latin-1"),
             (NOT_UTF8, "utf-8")]
    now = json.loads(_python(_DECODE, "now", json.dumps(texts)))
    before = json.loads(_python(_DECODE, "before", json.dumps(texts)))
    assert now[:2] == [False, True]  # imported by the first file that needs it
    assert now[2] == before[2]
    assert any("not UTF-8" in w for _, warnings in now[2] for w in warnings)


_TRACKER = """
import json, sys
from multiprocessing import resource_tracker
from planextract.pipeline import forkctx
from planextract.pipeline.isolation import Task, run_isolated
from planextract.settings import DEFAULT
ensure = resource_tracker.ensure_running
forkctx.context([])
started = resource_tracker._resource_tracker._pid is not None
restored = resource_tracker.ensure_running is ensure
done = list(run_isolated([Task(sys.argv[1], None, 0)], DEFAULT, 1))
print(json.dumps([started, restored, resource_tracker._resource_tracker._pid is not None,
                  done[0].document["status"]]))
"""


def test_the_resource_tracker_starts_with_the_first_worker():
    assert json.loads(_python(_TRACKER, str(TEXT_SAMPLE))) == [False, True, True, "ok"]


_RUN = """
import contextlib, sys
from planextract.pipeline import forkctx
if sys.argv[1] == "before":  # charset_normalizer preloaded, the tracker started first
    forkctx.PRELOAD = ["charset_normalizer", *forkctx.PRELOAD]
    forkctx.tracker_later = contextlib.nullcontext
from planextract.pipeline.cli import main
print(main(["ingest", sys.argv[2], "--dataset", sys.argv[3], "--log", "json", "--workers",
            sys.argv[4], "--commit-every", "7"]))
"""


def _run(inbox, ds, path: str, workers: int) -> list[dict]:
    run = subprocess.run([sys.executable, "-c", _RUN, path, str(inbox), str(ds), str(workers)],
                         capture_output=True, text=True, cwd=ROOT, timeout=300)
    assert run.stdout.strip().splitlines()[-1] == "1", run.stderr  # the broken file
    return log_records(run.stderr, others=True)


@pytest.mark.parametrize("workers", [1, 2])
def test_the_old_start_gives_the_same_log_and_dataset(tmp_path, workers):
    inbox = tmp_path / "inbox"
    ingest_plans.write_plans(inbox, 20, actions=3)
    (inbox / "windows.txt").write_bytes(NOT_UTF8.encode("cp1252"))
    pdf = SAMPLES / "cheshire-probation_ses-action-plan-year3-2011-12.pdf"
    (inbox / pdf.name).write_bytes(pdf.read_bytes())
    (inbox / "broken.docx").write_bytes(b"not a zip")
    now = _run(inbox, tmp_path / "now", "now", workers)
    before = _run(inbox, tmp_path / "before", "before", workers)
    assert len(now) == 23
    assert_same_runs(now, before, tmp_path / "now", tmp_path / "before", workers)


def test_the_tracker_is_left_as_it_was_when_the_server_fails_to_start(monkeypatch):
    from multiprocessing import forkserver, resource_tracker

    ensure = resource_tracker.ensure_running

    def fails() -> None:
        assert resource_tracker.ensure_running is not ensure  # put off in the block
        raise OSError("no server")

    monkeypatch.setattr(forkserver, "ensure_running", fails)
    with pytest.raises(OSError), forkctx.tracker_later():
        forkserver.ensure_running()
    assert resource_tracker.ensure_running is ensure
