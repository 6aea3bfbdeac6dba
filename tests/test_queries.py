"""The README's queries run on the samples' dataset: each SQL block in DuckDB, each
pandas block in Python; both give the same table, and it is the output the README shows."""

import re

import duckdb
import pandas as pd
import pytest
from conftest import ROOT


def readme_queries() -> list[tuple[str, str, str, str]]:
    """(title, sql, python, output) for every query of the README's Queries section."""
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    section = text.split("\n## Queries\n", 1)[1].split("\n## ", 1)[0]
    queries = []
    for part in section.split("\n### ")[1:]:
        title = part.splitlines()[0]
        blocks = dict(re.findall(r"```(sql|python|text)\n(.*?)```", part, re.S))
        queries.append((title, blocks["sql"], blocks["python"], blocks["text"].rstrip("\n")))
    return queries


def plain(frame: pd.DataFrame) -> list[tuple]:
    """Rows as plain values, so DuckDB's and pandas' types compare (dates as ISO text)."""
    def value(v):
        if hasattr(v, "isoformat"):
            return str(v)[:10]
        return v.item() if hasattr(v, "item") else v
    return [tuple(value(v) for v in row) for row in frame.itertuples(index=False)]


@pytest.fixture(scope="module")
def samples_cwd(samples_dataset):
    """A folder whose out/ holds the samples' dataset, as after `make extract`."""
    assert samples_dataset.name == "out"
    return samples_dataset.parent


def test_the_readme_has_three_queries():
    titles = [q[0] for q in readme_queries()]
    assert titles == ["Overdue actions by owner", "Actions per strand per organisation",
                      "Documents with the most flagged rows"]


def test_readme_queries_give_the_output_shown_in_sql_and_pandas(samples_cwd, monkeypatch):
    monkeypatch.chdir(samples_cwd)
    namespace: dict = {}
    for title, sql, python, shown in readme_queries():
        by_sql = duckdb.sql(sql).df()
        exec(compile(python, f"README {title}", "exec"), namespace)
        by_pandas = namespace["result"]
        assert list(by_pandas.columns) == list(by_sql.columns), title
        assert plain(by_pandas) == plain(by_sql), title
        assert len(by_sql) > 1, title
        printed = by_sql.to_string(index=False)
        assert printed == shown, f"README output of {title!r} is stale; it is now:\n{printed}"
