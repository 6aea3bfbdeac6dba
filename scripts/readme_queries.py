"""Run the README's queries on ``out/`` and check, or refresh, the output it shows.

    make extract
    .venv/bin/python scripts/readme_queries.py           # exit 1 when the README is stale
    .venv/bin/python scripts/readme_queries.py --write   # rewrite the output blocks

Each query of the README's "Queries" section is a ```sql block, a ```python block
that leaves its answer in ``result``, and a ```text block with the output. A change
to what the pipeline extracts changes the output; this puts the new one in place
(tests/test_queries.py fails until it is).
"""

from __future__ import annotations

import argparse
import re
import sys
from dataclasses import dataclass
from pathlib import Path

import duckdb
import pandas as pd

README = Path(__file__).resolve().parent.parent / "README.md"
_BLOCK = re.compile(r"```(sql|python|text)\n(.*?)```", re.S)


@dataclass
class Query:
    title: str
    sql: str
    python: str
    shown: str
    span: tuple[int, int]  # where the text block's content sits in the README


def parse(readme: str) -> list[Query]:
    """Every query of the README's Queries section, in order."""
    start = readme.index("\n## Queries\n")
    end = readme.find("\n## ", start + 1)
    end = len(readme) if end < 0 else end
    queries = []
    for match in re.finditer(r"\n### (.+)\n", readme[start:end]):
        head = start + match.end()
        tail = readme.find("\n### ", head)
        tail = end if tail < 0 or tail > end else tail
        blocks = {kind: (body, m.start(2) + head)
                  for m in _BLOCK.finditer(readme[head:tail]) for kind, body in [m.groups()]}
        text, at = blocks["text"]
        queries.append(Query(match.group(1), blocks["sql"][0], blocks["python"][0],
                             text.rstrip("\n"), (at, at + len(text))))
    return queries


def run(queries: list[Query]) -> list[tuple[pd.DataFrame, pd.DataFrame]]:
    """Each query's answer from DuckDB and from pandas, run in the current folder (where
    ``out/`` is); the pandas blocks share one namespace, as in a notebook."""
    namespace: dict = {}
    answers = []
    for query in queries:
        by_sql = duckdb.sql(query.sql).df()
        exec(compile(query.python, f"README: {query.title}", "exec"), namespace)
        answers.append((by_sql, namespace["result"]))
    return answers


def printed(frame: pd.DataFrame) -> str:
    return frame.to_string(index=False)


def refresh(readme: str, queries: list[Query], outputs: list[str]) -> str:
    """The README with each query's text block replaced by ``outputs``."""
    for query, output in sorted(zip(queries, outputs), key=lambda qo: -qo[0].span[0]):
        readme = readme[:query.span[0]] + output + "\n" + readme[query.span[1]:]
    return readme


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--write", action="store_true", help="rewrite the output blocks")
    args = parser.parse_args(argv)
    text = README.read_text(encoding="utf-8")
    queries = parse(text)
    outputs = [printed(by_sql) for by_sql, _ in run(queries)]
    stale = [q.title for q, out in zip(queries, outputs) if q.shown != out]
    if args.write and stale:
        README.write_text(refresh(text, queries, outputs), encoding="utf-8")
        print("rewrote the output of: " + "; ".join(stale))
        return 0
    print("stale: " + "; ".join(stale) if stale else "README query output is current")
    return 1 if stale else 0


if __name__ == "__main__":
    sys.exit(main())
