"""Write the dataset so that a crash never leaves a half-written one.

Every table is written into a fresh temporary folder beside the target and
validated first; the folders are then swapped in with renames, so a reader
sees either the old dataset or the new one, never a mix or a partial file.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from planextract.schema.validate import validate

PART_NAME = "part-0.parquet"


def write_dataset(out: Path, tables: dict[str, pa.Table]) -> None:
    """Validate and write ``tables`` as ``out/<name>/part-0.parquet``."""
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    checked = {name: validate(name, table) for name, table in tables.items()}
    staging = Path(tempfile.mkdtemp(prefix=".planextract-", dir=out))
    try:
        for name, table in checked.items():
            folder = staging / name
            folder.mkdir()
            pq.write_table(table, folder / PART_NAME, compression="zstd")
            with open(folder / PART_NAME, "rb") as handle:
                os.fsync(handle.fileno())
        for name in checked:
            target = out / name
            retired = staging / f"{name}.old"
            if target.exists():
                os.replace(target, retired)
            os.replace(staging / name, target)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
