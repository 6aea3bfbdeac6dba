"""``schema.validate`` without pyarrow.compute decides what the compute-based checks
decided (issue 8: the fork server no longer imports the compute kernels).

The reference checks below are the ones replaced, kept as they were; both run on the
rows of every sample and of generated plans, and on tables broken on purpose (values
outside the contract, nulls, empty action text), and must pass or fail alike, with
the same message.
"""

from __future__ import annotations

import importlib
import sys

import pyarrow as pa
import pyarrow.compute as pc
import pytest
from conftest import ROOT, SAMPLES

from planextract.pipeline.document_run import run_one
from planextract.pipeline.rows import arrow_table
from planextract.schema import SchemaError, validate

validate_module = importlib.import_module("planextract.schema.validate")

sys.path.insert(0, str(ROOT / "scripts"))
import ingest_plans  # noqa: E402


def reference_values_in(table: pa.Table, name: str, column: str, allowed: set[str],
                        nullable: bool) -> None:
    """``_values_in`` as it was: distinct values through the compute kernels."""
    values = set(table.column(column).drop_null().unique().to_pylist())
    bad = values - allowed
    if bad:
        raise SchemaError(f"{name}.{column}: unexpected values {sorted(bad)}")
    if not nullable and table.column(column).null_count:
        raise SchemaError(f"{name}.{column}: nulls are not allowed")


def reference_empty_actions(table: pa.Table) -> int:
    """The empty-action count as it was: ``utf8_length == 0`` summed."""
    return pc.sum(pc.equal(pc.utf8_length(table.column("action")), 0)).as_py() or 0


def outcome(check, *args) -> str:
    try:
        check(*args)
    except SchemaError as err:
        return f"error: {err}"
    return "ok"


def _tables() -> list[tuple[str, pa.Table]]:
    """Every table of the samples and of generated plans, as the workers build them."""
    sources = sorted(p for p in SAMPLES.iterdir() if p.is_file())
    found = []
    for source in sources:
        result = run_one(str(source))
        found.append(("actions", result.action_rows))
        found.append(("glossary", arrow_table("glossary", result.glossary)))
        found.append(("roles", arrow_table("roles", result.roles)))
        found.append(("documents", arrow_table("documents", [result.document])))
    return found


@pytest.fixture(scope="module")
def tables(tmp_path_factory) -> list[tuple[str, pa.Table]]:
    found = _tables()
    inbox = tmp_path_factory.mktemp("plans")
    ingest_plans.write_plans(inbox, 12, actions=6)
    for source in sorted(inbox.iterdir()):
        result = run_one(str(source))
        found.append(("actions", result.action_rows))
        found.append(("documents", arrow_table("documents", [result.document])))
    return found


CHECKED = {"actions": [("due_kind", validate_module.DUE_KINDS, False),
                       ("rag", validate_module.RAGS, True)],
           "documents": [("status", validate_module.STATUSES, False)],
           "glossary": [("origin", {"document", "builtin"}, False)],
           "roles": [("match", validate_module.ROLE_MATCHES, False)]}


def _broken(name: str, table: pa.Table) -> list[pa.Table]:
    """``table`` with one checked column given a value outside the contract, a null,
    and (actions) an empty action text, one change each."""
    if not table.num_rows:
        return []
    out = []
    for column, _allowed, _nullable in CHECKED[name]:
        index = table.schema.get_field_index(column)
        values = table.column(column).to_pylist()
        for bad in ("no-such-value", None):
            changed = [bad, *values[1:]]
            out.append(table.set_column(index, table.schema.field(index),
                                        pa.array(changed, table.schema.field(index).type)))
    if name == "actions":
        index = table.schema.get_field_index("action")
        values = table.column("action").to_pylist()
        out.append(table.set_column(index, table.schema.field(index),
                                    pa.array(["", *values[1:]], pa.string())))
    return out


def test_the_value_checks_decide_as_the_compute_ones(tables):
    assert len(tables) > 40
    compared = 0
    for name, table in tables:
        for candidate in [table, *_broken(name, table)]:
            for column, allowed, nullable in CHECKED[name]:
                args = (candidate, name, column, allowed, nullable)
                assert outcome(validate_module._values_in, *args) == \
                    outcome(reference_values_in, *args), (name, column)
                compared += 1
            if name == "actions":
                assert candidate.column("action").to_pylist().count("") == \
                    reference_empty_actions(candidate)
    assert compared > 200


def test_validate_passes_and_fails_alike(tables, monkeypatch):
    """The whole validator, with and without the reference value checks patched in
    (the empty-action count is compared on its own above)."""
    for name, table in tables:
        for candidate in [table, *_broken(name, table)]:
            now = outcome(validate, name, candidate)
            with monkeypatch.context() as patch:
                patch.setattr(validate_module, "_values_in", reference_values_in)
                before = outcome(validate, name, candidate)
            assert now == before, name
            if now == "ok":
                assert validate(name, candidate).equals(candidate)
