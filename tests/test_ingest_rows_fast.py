"""A worker's tables skip the validator's cast when they are already in the contract's
schema (issue 8: ~0.7 ms of a worker's ~12 a document). The cast they skip would have
changed nothing: checked here against the cast itself, on the samples and generated
plans, and the checks after it still run."""

from __future__ import annotations

import sys

import pyarrow as pa
import pytest
from conftest import ROOT

from planextract.pipeline.document_run import run_one
from planextract.pipeline.rows import arrow_table, document_tables
from planextract.schema import SCHEMAS, SchemaError, validate

sys.path.insert(0, str(ROOT / "scripts"))
import ingest_plans  # noqa: E402

SAMPLES = sorted(p for p in (ROOT / "samples").iterdir()
                 if p.suffix in (".txt", ".md", ".docx"))[:6]


def _cast(name: str, table: pa.Table) -> pa.Table:
    """What the validator did to every table before (the reference)."""
    schema = SCHEMAS[name]
    return table.select(schema.names).cast(schema)


@pytest.fixture(scope="module")
def results(tmp_path_factory):
    folder = tmp_path_factory.mktemp("plans")
    plans = [ingest_plans.write_plan(folder, i, ingest_plans.FORMATS[i % 4], actions=4)
             for i in range(8)]
    return [run_one(str(p)) for p in [*SAMPLES, *plans]]


def test_a_table_in_the_contract_schema_validates_to_what_the_cast_gave(results):
    assert any(r.actions for r in results)
    for result in results:
        for name, rows in (("actions", result.actions), ("glossary", result.glossary),
                           ("roles", result.roles), ("documents", [result.document])):
            table = arrow_table(name, rows)
            checked = validate(name, table)
            reference = _cast(name, table)
            assert checked.schema.equals(reference.schema, check_metadata=True)
            assert checked.equals(reference), (result.document["source"], name)
            assert document_tables(result).document["status"] == result.document["status"]


def test_tables_in_another_shape_are_still_cast_and_checked(results):
    result = next(r for r in results if r.actions)
    table = arrow_table("actions", result.actions)
    reordered = table.select(list(reversed(table.column_names)))
    assert validate("actions", reordered).equals(_cast("actions", table))
    with pytest.raises(SchemaError, match="missing columns"):
        validate("actions", table.drop_columns(["action"]))
    empty_action = table.set_column(table.schema.get_field_index("action"), "action",
                                    pa.array([""] * table.num_rows, pa.string()))
    with pytest.raises(SchemaError, match="no action text"):
        validate("actions", empty_action)  # the contract's schema: the checks still run
