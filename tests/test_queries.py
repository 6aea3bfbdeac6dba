"""The README's queries run on the samples' dataset: each SQL block in DuckDB, each
pandas block in Python; both give the same table, and it is the output the README shows
(scripts/readme_queries.py --write refreshes it after a change to what is extracted)."""

import sys

import pandas as pd
import pytest
from conftest import ROOT

sys.path.insert(0, str(ROOT / "scripts"))
import readme_queries  # noqa: E402


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
    queries = readme_queries.parse(readme_queries.README.read_text(encoding="utf-8"))
    assert [q.title for q in queries] == [
        "Overdue actions by owner", "Actions per strand per organisation",
        "Documents with the most flagged rows"]
    assert all("read_parquet('out/actions/*.parquet')" in q.sql for q in queries)


def test_readme_queries_give_the_output_shown_in_sql_and_pandas(samples_cwd, monkeypatch):
    monkeypatch.chdir(samples_cwd)
    queries = readme_queries.parse(readme_queries.README.read_text(encoding="utf-8"))
    for query, (by_sql, by_pandas) in zip(queries, readme_queries.run(queries)):
        assert list(by_pandas.columns) == list(by_sql.columns), query.title
        assert plain(by_pandas) == plain(by_sql), query.title
        assert len(by_sql) > 1, query.title
        assert readme_queries.printed(by_sql) == query.shown, (
            f"README output of {query.title!r} is stale: make extract, then "
            f".venv/bin/python scripts/readme_queries.py --write")


def test_refresh_replaces_only_the_output_blocks():
    readme = ("# x\n\n## Queries\n\n### One\n\n```sql\nselect 1\n```\n\n```python\nresult = 1\n"
              "```\n\n```text\nold\n```\n\n### Two\n\n```sql\nselect 2\n```\n\n```python\n"
              "result = 2\n```\n\n```text\nold two\nlines\n```\n\n## Next\n\n```text\nkeep\n```\n")
    queries = readme_queries.parse(readme)
    assert [(q.title, q.sql, q.shown) for q in queries] == [
        ("One", "select 1\n", "old"), ("Two", "select 2\n", "old two\nlines")]
    new = readme_queries.refresh(readme, queries, ["new 1", "new 2"])
    assert new == readme.replace("```text\nold\n```", "```text\nnew 1\n```").replace(
        "```text\nold two\nlines\n```", "```text\nnew 2\n```")
