"""Coverage-guided fuzzing of one reader with atheris (the optional ``fuzz``
extra): ``python tests/fuzz/fuzz.py TARGET [libFuzzer options]``.

Seeds are the samples of the target's kind; a crash (any exception other than
ReaderError, or a hang past -timeout) is written by libFuzzer as crash-*;
keep it as tests/fuzz/regressions/TARGET/NAME once fixed. ``make fuzz
SECONDS=600`` runs every target for that many seconds each.
"""

from __future__ import annotations

import io
import shutil
import sys
import tempfile
import zipfile
from pathlib import Path

import atheris

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

with atheris.instrument_imports():
    import targets

    targets.preload()

SEEDS = {"pdf": "*.pdf", "docx": "*.docx", "docx-xml": "*.docx", "xlsx": "*.xlsx",
         "xlsx-sheet": "*.xlsx", "odt": "*.odt", "odt-content": "*.odt"}


def _seed_folder(target: str) -> str:
    folder = Path(tempfile.mkdtemp(prefix=f"fuzz-{target}-"))
    samples = HERE.parents[1] / "samples"
    for path in samples.glob(SEEDS.get(target, "*.txt")):
        if target == "docx-xml":  # the seeds are the samples' main parts
            with zipfile.ZipFile(path) as package:
                (folder / path.name).write_bytes(package.read("word/document.xml"))
        else:
            shutil.copy(path, folder / path.name)
    if target == "pdf":  # small drawn plans: many more runs a second than the samples
        sys.path.insert(0, str(HERE.parent))
        import hostile_files

        (folder / "plan.pdf").write_bytes(hostile_files.plan_pdf())
        (folder / "deep.pdf").write_bytes(hostile_files.deep_nesting(50))
    if target.startswith("xlsx"):  # no workbook among the samples: the hostile plan's
        sys.path.insert(0, str(HERE.parent))
        import hostile_files

        book = hostile_files.plan_xlsx()
        (folder / "plan.xlsx").write_bytes(
            book if target == "xlsx" else zipfile.ZipFile(io.BytesIO(book)).read(
                hostile_files.SHEET))
        (folder / "loop.pdf").write_bytes(hostile_files.content_loop())
    if target.startswith("odt"):  # the committed LibreOffice-made plans, or their content
        for path in (HERE.parent / "documents" / "odt").glob("*.odt"):
            data = path.read_bytes()
            (folder / path.name).write_bytes(
                data if target == "odt" else zipfile.ZipFile(io.BytesIO(data)).read("content.xml"))
    for path in (HERE / "regressions" / target).glob("*"):
        shutil.copy(path, folder / f"regression-{path.name}")
    return str(folder)


def main() -> None:
    target = sys.argv[1]
    if target not in targets.targets():
        sys.exit(f"unknown target {target}; one of {', '.join(targets.targets())}")

    def one_input(data: bytes) -> None:
        targets.run(target, data)

    argv = [sys.argv[0], *sys.argv[2:], _seed_folder(target)]
    atheris.Setup(argv, one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
