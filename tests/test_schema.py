from datetime import date
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from planextract.schema import ACTIONS, SchemaError, validate, write_dataset


def action_row(**overrides):
    row = {f.name: None for f in ACTIONS}
    row.update(doc_id="abc", source="x.txt", source_format="text-tabbed", action="Do it",
               owners=[], owner_people=[], due_kind="date", due_date=date(2011, 3, 31),
               strands=[], scrutiny=[], extra=[], flags=[])
    row.update(overrides)
    return row


def table(*rows):
    return pa.Table.from_pylist(list(rows), schema=ACTIONS)


def test_a_valid_table_passes_and_keeps_the_contract_types():
    checked = validate("actions", table(action_row()))
    assert checked.schema.field("due_date").type == pa.date32()
    assert checked.schema.field("owners").type == pa.list_(pa.string())


@pytest.mark.parametrize("overrides, words", [
    ({"due_kind": "soon"}, "due_kind"),
    ({"rag": "purple"}, "rag"),
    ({"action": ""}, "no action text"),
    ({"due_kind": "ongoing"}, "due_date"),
    ({"due_kind": "date", "due_date": None}, "due_date"),
])
def test_contract_violations_are_named(overrides, words):
    with pytest.raises(SchemaError, match=words):
        validate("actions", table(action_row(**overrides)))


def test_a_missing_column_is_named():
    with pytest.raises(SchemaError, match="missing columns"):
        validate("actions", table(action_row()).drop_columns(["strands"]))


def test_writer_replaces_a_dataset_whole(tmp_path: Path):
    write_dataset(tmp_path, {"actions": table(action_row(action="first"))})
    write_dataset(tmp_path, {"actions": table(action_row(action="second"))})
    files = sorted(p.relative_to(tmp_path).as_posix() for p in tmp_path.rglob("*") if p.is_file())
    assert files == ["actions/part-0.parquet"]
    assert pq.read_table(tmp_path / "actions").column("action").to_pylist() == ["second"]


def test_an_invalid_table_leaves_the_old_dataset_untouched(tmp_path: Path):
    write_dataset(tmp_path, {"actions": table(action_row(action="kept"))})
    with pytest.raises(SchemaError):
        write_dataset(tmp_path, {"actions": table(action_row(due_kind="bad"))})
    assert pq.read_table(tmp_path / "actions").column("action").to_pylist() == ["kept"]
    assert [p.name for p in tmp_path.iterdir()] == ["actions"]
