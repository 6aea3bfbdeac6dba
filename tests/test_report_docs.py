"""docs/DATASET.md is what the schema and the column meanings generate, and every
schema column has a meaning."""

from conftest import ROOT

from planextract.report import dataset_docs
from planextract.report.meanings import COLUMNS, TABLES
from planextract.schema import SCHEMAS


def test_every_table_and_column_of_the_schema_has_a_meaning():
    assert set(TABLES) == set(SCHEMAS)
    for name, schema in SCHEMAS.items():
        missing = [c for c in schema.names if not COLUMNS.get(name, {}).get(c)]
        assert not missing, f"{name}: describe {missing} in report/meanings.py"
        stale = set(COLUMNS[name]) - set(schema.names)
        assert not stale, f"{name}: {sorted(stale)} described but not in the schema"


def test_committed_dataset_docs_are_what_the_schema_generates():
    committed = (ROOT / "docs" / "DATASET.md").read_text(encoding="utf-8")
    assert committed == dataset_docs.render(), (
        "docs/DATASET.md is stale: run .venv/bin/python -m planextract.report.dataset_docs")


def test_the_docs_print_every_column_with_its_type():
    text = dataset_docs.render()
    assert "| `owners` | list<string> | no |" in text
    assert "| `extra` | map<string, string> | no |" in text
    assert "| `due_date` | date32 | yes |" in text
    assert 'dtype_backend="pyarrow"' in text and 'actions["flags"]' in text
