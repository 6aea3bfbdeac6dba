"""Dataset folders whose paths deltalake would misread (it percent-decodes a local
table path after writing, so ``a%20b`` is looked for as ``a b``): refused before
anything is written, exit 2; a ``%`` that is not an escape is an ordinary path."""

from __future__ import annotations

import shutil
from pathlib import Path

import pandas as pd
import pytest
from conftest import ROOT

from planextract.pipeline.cli import main
from planextract.schema.delta import Dataset, DatasetError


def _inbox(tmp_path: Path) -> Path:
    inbox = tmp_path / "in"
    inbox.mkdir()
    smallest = min((ROOT / "samples").glob("*.txt"), key=lambda p: p.stat().st_size)
    shutil.copy(smallest, inbox)
    return inbox


@pytest.mark.parametrize("name", ["a%20b", "plans%2Fold", "x%e9"])
def test_a_path_with_an_escape_is_refused_and_nothing_is_written(tmp_path, capsys, name):
    inbox, root = _inbox(tmp_path), tmp_path / "out dir" / name
    assert main(["ingest", str(inbox), "--dataset", str(root), "--log", "quiet"]) == 2
    assert not (tmp_path / "out dir").exists()
    message = capsys.readouterr().err
    assert "%" in message and "choose a dataset folder" in message
    with pytest.raises(DatasetError):
        Dataset(root)


@pytest.mark.parametrize("name", ["50%done", "a%zz", "sp ace é"])
def test_a_percent_that_is_no_escape_is_an_ordinary_dataset(tmp_path, name):
    inbox, root = _inbox(tmp_path), tmp_path / name
    assert main(["ingest", str(inbox), "--dataset", str(root), "--log", "quiet"]) == 0
    actions = pd.read_parquet(root / "actions")
    assert len(actions) > 0
    assert main(["ingest", str(inbox), "--dataset", str(root), "--log", "quiet"]) == 0
    assert len(pd.read_parquet(root / "actions")) == len(actions)
