from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
GOLDEN = ROOT / "golden"


@pytest.fixture
def normalise_text():
    """Run reader + normaliser on text written in a test."""
    from planextract.extract import read_document
    from planextract.normalise.document import normalise

    def run(text: str):
        return normalise(read_document(text.encode("utf-8")))

    return run


@pytest.fixture(scope="session")
def samples_dataset(tmp_path_factory):
    """The samples extracted once for every test that only reads them: ``<tmp>/out``."""
    from planextract.pipeline.cli import main

    out = tmp_path_factory.mktemp("samples") / "out"
    assert main(["extract", str(SAMPLES), "--out", str(out), "--jobs", "2"]) == 0
    return out
