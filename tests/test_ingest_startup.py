"""Start-up (issue 11) and the fork server's preload (issue 8): each process of a run
imports what it uses, and the fork server the readers the inputs call for."""

import json
import subprocess
import sys

from conftest import ROOT, SAMPLES

from planextract.pipeline.preload import (
    DOCX,
    LEGACY,
    MOJIBAKE,
    NOT_UTF8,
    ODT,
    PAGE,
    PDF,
    TAGS,
    TEXT,
    XLSX,
    preload_for,
    readers_for,
)

PROBE = ROOT / "scripts" / "startup_probe.py"
TEXT_SAMPLE = SAMPLES / "derbyshire-probation-trust_ses-action-plan-2010-11.txt"


def test_readers_are_told_by_the_first_bytes_not_the_name():
    assert readers_for(b"%PDF-1.7\n...") == PDF
    assert readers_for(b"PK\x03\x04....word/document.xml") == DOCX
    assert readers_for(b"PK\x03\x04....[Content_Types].xml....xl/workbook.xml") == XLSX
    odt = (ROOT / "tests" / "documents" / "odt").glob("*.odt")
    assert readers_for(next(odt).read_bytes()[:8192]) == ODT  # its stored mimetype, first
    assert readers_for(b"Ref\tAction\tLead\n1\tTrain staff\tHR\n") == TEXT
    assert readers_for(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504)) == LEGACY
    assert readers_for(b"\r\n{\\rtf1\\ansi ...") == LEGACY
    assert readers_for(b"| a | b |\n<td><p>Train staff</p></td>") == TEXT + TAGS
    assert readers_for(b"<!DOCTYPE html><html><body>") == TEXT + TAGS + PAGE
    assert readers_for(b"Plan\n<table><tr><td>Train staff</td></tr></table>") == TEXT + TAGS + PAGE
    assert readers_for("Ref\tAction\n1\tBudget \u00a35k\n".encode()) == TEXT + MOJIBAKE
    cut = "Ref\tAction\n1\tBudget \u00a35k\n".encode()[:-4]  # inside a character
    assert readers_for(cut) == TEXT + MOJIBAKE
    assert readers_for("Ref\tAction\n1\tBudget \u00a35k\n".encode("cp1252")) == \
        TEXT + MOJIBAKE + NOT_UTF8


def test_ascii_plans_with_html_cells_preload_no_bs4_nor_ftfy():
    """bs4 is the fragment reader's fallback and ftfy only repairs non-ASCII lines: a
    run of ASCII text plans whose cells hold plain HTML fragments must not wait in
    the fork server for their imports."""
    code = ("import importlib, sys\n"
            "from planextract.pipeline.preload import TAGS, TEXT\n"
            "[importlib.import_module(m) for m in TEXT + TAGS]\n"
            "print('bs4' in sys.modules, 'ftfy' in sys.modules)")
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         cwd=ROOT, timeout=120, check=True)
    assert run.stdout.strip() == "False False"


def test_the_preload_follows_the_inputs_and_skips_the_dataset(tmp_path):
    inbox, dataset = tmp_path / "inbox", tmp_path / "ds"
    inbox.mkdir()
    dataset.mkdir()
    (inbox / "plan.txt").write_text("Ref\tAction\n1\tTrain staff\n")
    (dataset / "plan.pdf").write_bytes(b"%PDF-1.7\n")  # never an input
    (inbox / ".hidden.pdf").write_bytes(b"%PDF-1.7\n")  # hidden files are not read
    assert preload_for(["ingest", str(inbox), "--dataset", str(dataset)]) == TEXT
    (inbox / "report.doc").write_bytes(b"%PDF-1.4\n")  # named .doc, a PDF inside
    assert set(preload_for(["ingest", str(inbox), "--dataset", str(dataset)])) == \
        set(TEXT + PDF)
    assert preload_for(["extract", str(tmp_path / "missing"), "--out", str(dataset)]) == []


def _probe(tmp_path, *args) -> dict[str, dict]:
    out = tmp_path / "probe.json"
    run = subprocess.run([sys.executable, str(PROBE), str(out), *args], capture_output=True,
                         text=True, cwd=ROOT, timeout=120)
    assert run.returncode == 0, run.stderr
    records = {}
    for path in tmp_path.glob("probe.json.*"):
        kind = path.name.split(".")[-1].split("-")[0]
        records[kind] = json.loads(path.read_text())
    return records


def test_a_one_file_text_run_imports_only_what_it_uses(tmp_path):
    records = _probe(tmp_path, "extract", str(TEXT_SAMPLE), "--out", str(tmp_path / "ds"))
    assert set(records) == {"main", "server", "worker"}
    main, server, worker = (set(records[k]["modules"]) for k in ("main", "server", "worker"))
    # the main process commits: no numpy, pandas, compute kernels or datasets layer
    assert "deltalake" in main and "pyarrow" in main
    assert not {"numpy", "pandas", "pyarrow.compute", "pyarrow.dataset", "bs4", "docx",
                "openpyxl", "pypdfium2", "rapidfuzz", "cloudpickle"} & main
    # the fork server: the core and the text readers, no other reader, no pandas, and
    # nothing workers never use (compute kernels, the Parquet writer, cloudpickle):
    # every import there delays the first worker (issue 8)
    assert "planextract.extract.text.tabbed" in server
    assert not {"pandas", "deltalake", "bs4", "docx", "openpyxl", "pypdfium2",
                "pyarrow.compute", "pyarrow.parquet", "cloudpickle"} & server
    # the worker imports nothing heavy of its own: no BeautifulSoup for plain cells
    assert not {"bs4", "docx", "openpyxl", "pypdfium2", "pandas", "deltalake",
                "pyarrow.compute", "pyarrow.parquet"} & (server | worker)


def test_the_preload_never_opens_a_fifo(tmp_path):
    import os
    import threading

    inbox = tmp_path / "inbox"
    inbox.mkdir()
    os.mkfifo(inbox / "pipe")  # opening it would wait for a writer for ever
    (inbox / "plan.txt").write_text("Ref\tAction\n1\tTrain staff\n")
    found = []
    look = threading.Thread(target=lambda: found.append(preload_for(["ingest", str(inbox)])),
                            daemon=True)
    look.start()
    look.join(timeout=10)
    assert found == [TEXT]


def test_the_main_process_reads_tables_as_deltalake_does_even_in_awkward_folders(tmp_path):
    """``Dataset.read`` reads the live Parquet files itself (no pyarrow.dataset); the
    file names deltalake gives are percent-encoded (a space, a non-ASCII letter)."""
    from deltalake import DeltaTable
    from test_ingest_isolation import ingest, ingest_plans

    from planextract.schema.delta import TABLES, Dataset

    inbox = tmp_path / "in box"
    ingest_plans.write_plans(inbox, 3, actions=2)
    root = tmp_path / "my plans ü"
    assert ingest(inbox, "--dataset", root) == 0
    changed = sorted(inbox.iterdir())[0]
    changed.write_text(changed.read_text() + "\n")
    assert ingest(inbox, "--dataset", root) == 0  # a replaced file: removes in the log
    dataset = Dataset(root)
    for name in TABLES:
        mine = dataset.read(name).to_pylist()
        theirs = DeltaTable(str(root / name)).to_pyarrow_table().to_pylist()
        key = repr
        assert sorted(mine, key=key) == sorted(theirs, key=key) and mine, name


def test_a_workbook_run_preloads_openpyxl_in_the_fork_server_only(tmp_path):
    """openpyxl (~0.1 s) is imported where a workbook is among the inputs, once, in the
    fork server (``pipeline.preload``: told by the ``xl/`` part names of the file's
    first bytes); never by the main process, nor by a run without workbooks (above)."""
    sys.path.insert(0, str(ROOT / "tests"))
    from hostile_files import plan_xlsx

    book = tmp_path / "tracker.bin"  # the name says nothing
    book.write_bytes(plan_xlsx())
    records = _probe(tmp_path, "extract", str(book), "--out", str(tmp_path / "ds"))
    main, server, worker = (set(records[k]["modules"]) for k in ("main", "server", "worker"))
    assert "openpyxl" in server and "planextract.extract.xlsx_reader" in server
    assert "openpyxl" not in main
    assert not {"docx", "pypdfium2", "bs4"} & (server | worker)
