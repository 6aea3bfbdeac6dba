"""The report's rules and page model, without a browser (tests/test_report_browser.py
opens the page itself)."""

import datetime as dt
import json
import re
from html import unescape

import pyarrow as pa
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from planextract.report import model, page, review
from planextract.report.dataset import DatasetError, load, read_table
from planextract.schema import SCHEMAS, write_dataset
from planextract.settings import ReportSettings


def action(**values) -> dict:
    """An action row as a reader would write it: the contract's defaults plus ``values``."""
    row = {f.name: None for f in SCHEMAS["actions"]}
    row.update(doc_id="d1", source="plans/a.txt", source_format="text-tabbed", action="Do it",
               owners=[], owner_people=[], due_kind="none", strands=[], scrutiny=[], extra=[],
               flags=[])
    row.update(values)
    return row


def document(**values) -> dict:
    row = {"doc_id": "d1", "source": "plans/a.txt", "source_format": "text-tabbed",
           "sha256": "0" * 64, "bytes": 10, "pages": None, "organisation": None,
           "plan_title": None, "n_actions": 1, "status": "ok", "error": None, "warnings": [],
           "seconds": 0.1}
    row.update(values)
    return row


def write(root, actions, documents, roles=None):
    tables = {"actions": pa.Table.from_pylist(actions, schema=SCHEMAS["actions"]),
              "documents": pa.Table.from_pylist(documents, schema=SCHEMAS["documents"]),
              "glossary": SCHEMAS["glossary"].empty_table()}
    if roles is not None:
        tables["roles"] = pa.Table.from_pylist(roles, schema=SCHEMAS["roles"])
    write_dataset(root, tables)
    return root


# ---- review rules, each on rows written here


def test_review_reasons_name_each_kind_of_doubt():
    assert review.review_reasons(action()) == []
    assert review.review_reasons(action(due_kind="unknown", due_raw="Spring")) == [
        "date_unparsed"]
    assert review.review_reasons(action(due_kind="date", flags=["date_impossible"])) == [
        "date_impossible"]
    assert review.review_reasons(action(flags=["renumbered", "columns_swapped"])) == [
        "renumbered", "columns_swapped"]
    assert review.review_reasons(action(flags=["split_stacked_cell"])) == ["split_row"]
    assert review.review_reasons(action(flags=["strand_fuzzy_matched"])) == ["fuzzy_match"]


def test_an_owner_cell_that_gave_no_owner_is_unknown():
    assert review.review_reasons(action(owners_raw="?? ", owners=[])) == ["owner_unknown"]
    assert review.review_reasons(action(flags=["owner_unknown"], owners=["X"])) == [
        "owner_unknown"]
    # no owner cell at all is not a doubt: many plans have no owner column
    assert review.review_reasons(action(owners_raw=None, owners=[])) == []
    assert review.review_reasons(action(owners_raw="HR", owners=["Human Resources"])) == []


def test_failures_come_first_then_empty_then_ok_by_source():
    docs = [document(source="b", status="ok"), document(source="z", status="failed"),
            document(source="a", status="ok"), document(source="c", status="empty"),
            document(source="y", status="failed")]
    assert [d["source"] for d in review.documents_in_review_order(docs)] == [
        "y", "z", "c", "a", "b"]


@pytest.mark.parametrize(("values", "expected"), [
    ({"page_start": 3, "page_end": 3}, "p. 3"),
    ({"page_start": 3, "page_end": 5}, "pp. 3–5"),
    ({"line_start": 12, "line_end": None}, "line 12"),
    ({"line_start": 12, "line_end": 14}, "lines 12–14"),
    ({}, ""),
])
def test_provenance_reads_page_or_line(values, expected):
    assert review.provenance(action(**values)) == expected


def test_deadlines_by_quarter_keep_the_empty_quarters_between():
    days = [dt.date(2011, 3, 31), dt.date(2011, 1, 1), dt.date(2011, 12, 31), None]
    assert review.deadline_bins(days, max_bins=48) == [
        ("2011 Q1", 2), ("2011 Q2", 0), ("2011 Q3", 0), ("2011 Q4", 1)]
    assert review.deadline_bins([None], max_bins=48) == []


def test_deadlines_over_many_years_are_counted_by_year():
    days = [dt.date(2009, 3, 31), dt.date(2015, 12, 31), dt.date(2015, 1, 1)]
    bins = review.deadline_bins(days, max_bins=8)
    assert bins[0] == ("2009", 1) and bins[-1] == ("2015", 2) and len(bins) == 7


def test_one_stray_year_does_not_stretch_the_chart():
    days = [dt.date(2011, 3, 31)] * 5 + [dt.date(2101, 1, 1), dt.date(1901, 1, 1)]
    bins = review.deadline_bins(days, max_bins=10)
    assert bins[0] == ("before 2006", 1) and bins[-1] == ("after 2015", 1)
    assert dict(bins)["2011"] == 5 and len(bins) == 12


def test_owner_counts_count_each_owner_once_per_action():
    rows = [action(owners=["HR", "HR", "Board"]), action(owners=["HR"]), action(owners=[])]
    assert review.owner_counts(rows, top=5) == [("HR", 2), ("Board", 1)]
    assert review.owner_counts(rows, top=1) == [("HR", 2)]


def test_roles_merged_across_documents_show_merges_first():
    roles = [{"doc_id": "d1", "role": "ACO HR", "spelling": "HR ACO", "mentions": 2,
              "match": "key"},
             {"doc_id": "d1", "role": "ACO HR", "spelling": "ACO HR", "mentions": 3,
              "match": "exact"},
             {"doc_id": "d2", "role": "ACO HR", "spelling": "ACO HR", "mentions": 1,
              "match": "exact"},
             {"doc_id": "d1", "role": "Board", "spelling": "Board", "mentions": 4,
              "match": "exact"}]
    merged = review.merged_roles(roles)
    assert [(m["role"], m["spelling"], m["mentions"], m["doc_ids"]) for m in merged] == [
        ("ACO HR", "ACO HR", 4, ["d1", "d2"]), ("ACO HR", "HR ACO", 2, ["d1"]),
        ("Board", "Board", 4, ["d1"])]


def test_without_a_roles_table_owners_show_the_cells_they_came_from():
    rows = [action(owners=["ACO HR"], owners_raw="HR ACO"),
            action(owners=["ACO HR"], owners_raw="ACO -HR"),
            action(owners=["ACO HR", "Board"], owners_raw="HR ACO / Board")]
    got = {(r["role"], r["spelling"]): r["mentions"] for r in review.roles_from_owners(rows)}
    assert got == {("ACO HR", "HR ACO"): 1, ("ACO HR", "ACO -HR"): 1,
                   ("ACO HR", "HR ACO / Board"): 1, ("Board", "HR ACO / Board"): 1}


# ---- reading a dataset and the page model


def test_a_folder_without_tables_is_refused_with_what_to_do(tmp_path):
    with pytest.raises(DatasetError, match="no actions or documents folder"):
        load(tmp_path)


def test_a_missing_roles_table_falls_back_to_the_owner_cells(tmp_path):
    root = write(tmp_path / "ds", [action(owners=["ACO HR"], owners_raw="HR ACO")],
                 [document()])
    data = load(root)
    assert data.roles.num_rows == 0 and data.roles.schema.names == SCHEMAS["roles"].names
    built = model.build(data, "t")
    assert built["roles_origin"] == "owners"
    assert [(r["role"], r["spelling"]) for r in built["roles"]] == [("ACO HR", "HR ACO")]


def test_tables_written_as_several_files_or_beside_a_delta_log_read_whole(tmp_path):
    import pyarrow.parquet as pq
    folder = tmp_path / "glossary"
    folder.mkdir()
    (folder / "_delta_log").mkdir()
    (folder / "_delta_log" / "00000000000000000000.json").write_text("{}")
    rows = [{"doc_id": "d", "abbreviation": f"A{i}", "expansion": "x", "origin": "document"}
            for i in range(4)]
    for i in (0, 1):
        pq.write_table(pa.Table.from_pylist(rows[2 * i:2 * i + 2], schema=SCHEMAS["glossary"]),
                       folder / f"part-{i}.parquet")
    assert read_table(folder, "glossary").column("abbreviation").to_pylist() == [
        "A0", "A1", "A2", "A3"]


def test_the_model_lists_every_document_failures_first_and_counts_the_flags(tmp_path):
    actions = [action(action_id="1.1", flags=["renumbered"], page_start=2, page_end=3,
                      due_kind="date", due_date=dt.date(2011, 3, 31)),
               action(action_id="1.2", flags=["renumbered", "date_unparsed"],
                      due_kind="unknown", due_raw="Spring")]
    docs = [document(n_actions=2),
            document(doc_id="d2", source="plans/broken.pdf", status="failed", n_actions=0,
                     error="not a PDF: the file is empty")]
    built = model.build(load(write(tmp_path / "ds", actions, docs)), "t",
                        ReportSettings(page_rows=7))
    assert [d["source"] for d in built["documents"]] == ["plans/broken.pdf", "plans/a.txt"]
    assert built["flags"] == [{"flag": "renumbered", "count": 2},
                              {"flag": "date_unparsed", "count": 1}]
    reasons = {r["reason"]: r["count"] for r in built["review"]}
    assert reasons["renumbered"] == 2 and reasons["date_unparsed"] == 1
    columns = built["action_columns"]
    first = dict(zip(columns, built["actions"][0]))
    assert first["doc"] == 1 and first["id"] == "1.1" and first["where"] == "pp. 2–3"
    assert first["due_date"] == "2011-03-31" and built["page_rows"] == 7
    assert built["deadlines_by_document"] == {"1": [("2011 Q1", 1)]}


# ---- the page


def test_embedded_json_cannot_close_its_script_element():
    text = 'a</script><script>alert(1)</script><!--<script>&amp;\u2028'
    embedded = page.embed_json({"t": text})
    assert "<" not in embedded and ">" not in embedded
    assert json.loads(embedded) == {"t": text}


def test_the_page_is_self_contained_and_holds_the_data_as_json_only(tmp_path):
    hostile = '<script>window.__pwned=1</script> @@JS@@ <img src=x onerror="alert(1)">'
    actions = [action(action=hostile, owners=[hostile], owners_raw=hostile)]
    built = model.build(load(write(tmp_path / "ds", actions,
                                   [document(plan_title=hostile)])), hostile)
    html = page.render(built)
    # exactly the two script elements of the template: the data and the page's own code
    assert len(re.findall(r"<script\b", html)) == 2
    assert "<img" not in html
    data = html.split('id="report-data">', 1)[1].split("</script>", 1)[0]
    assert json.loads(data)["actions"][0][built["action_columns"].index("action")] == hostile
    # nothing to fetch: no URL outside the CSP's own text, and a policy that allows none
    assert not re.search(r"(src|href)=\"(https?:)?//", html)
    csp = unescape(re.search(r'http-equiv="Content-Security-Policy" content="([^"]*)"',
                             html).group(1))
    assert "default-src 'none'" in csp and page.script_hash(page.page_script()) in csp


def test_repeated_context_travels_once_and_points_back():
    columns = model.ACTION_COLUMNS
    rows = [model.action_row(action(section="S1", outcome_id="1.1", outcome="Long outcome"), 0),
            model.action_row(action(section="S1", outcome_id="1.1", outcome="Long outcome"), 0),
            model.action_row(action(section=None, outcome="Other"), 0)]
    strings = model.share_strings(rows, columns)
    assert strings == ["S1", "1.1 Long outcome", "Other"]
    section, outcome = columns.index("section"), columns.index("outcome")
    assert [(r[section], r[outcome]) for r in rows] == [(0, 1), (0, 1), (None, 2)]
    assert rows[0][columns.index("action")] == "Do it"  # other columns untouched


@settings(max_examples=200, deadline=None)
@given(st.text())
def test_any_text_embeds_without_markup_and_parses_back(text):
    embedded = page.embed_json({"t": [text]})
    assert not set("<>&") & set(embedded)
    assert json.loads(embedded) == {"t": [text]}


def test_a_dataset_of_failures_only_still_makes_a_page(tmp_path):
    docs = [document(status="failed", n_actions=0, error="not a PDF")]
    built = model.build(load(write(tmp_path / "ds", [], docs)), "t")
    assert built["actions"] == [] and built["deadlines"] == [] and built["owners_chart"] == []
    assert built["documents"][0]["error"] == "not a PDF"
    assert "report-data" in page.render(built)


def test_report_command_writes_beside_the_dataset_and_refuses_other_folders(tmp_path, capsys):
    from planextract.pipeline.cli import main

    assert main(["report", str(tmp_path)]) == 1
    assert "not a planextract dataset" in capsys.readouterr().err
    root = write(tmp_path / "ds", [action()], [document()])
    assert main(["report", str(root), "--title", "Council plans"]) == 0
    assert capsys.readouterr().out.strip() == f"report: {root / 'report.html'}"
    assert "<title>Council plans</title>" in (root / "report.html").read_text(encoding="utf-8")


def test_the_page_script_can_sit_inline():
    # an inline script ends at the first "</script"; "<!--" can make the parser skip it
    script = page.page_script()
    assert "</" not in script and "<!--" not in script and "<script" not in script


def test_commands_plug_into_a_registry_of_add_parser_and_run(tmp_path):
    import argparse

    from planextract.report import cmd_export, cmd_report

    parser = argparse.ArgumentParser(prog="planextract")
    subparsers = parser.add_subparsers(dest="command", required=True)
    runners = {}
    for module in (cmd_report, cmd_export):
        runners[module.add_parser(subparsers).prog.split()[-1]] = module.run
    root = write(tmp_path / "ds", [action()], [document()])
    args = parser.parse_args(["export", str(root), "-o", str(tmp_path / "a.jsonl")])
    assert runners[args.command](args) == 0
    assert (tmp_path / "a.jsonl").read_text(encoding="utf-8").count("\n") == 1
    args = parser.parse_args(["report", str(root)])
    assert runners[args.command](args) == 0 and (root / "report.html").exists()


def test_rows_in_files_of_any_order_read_in_document_order(tmp_path):
    import pyarrow.parquet as pq

    root = write(tmp_path / "ds", [action(doc_id="d2", source="b.txt", action_id="1"),
                                   action(doc_id="d2", source="b.txt", action_id="2")],
                 [document(doc_id="d2", source="b.txt")])
    # a later commit's file whose name sorts first, as Delta Lake's uuid names may
    rows = [action(doc_id="d1", source="a.txt", action_id=str(i)) for i in (3, 1, 2)]
    pq.write_table(pa.Table.from_pylist(rows, schema=SCHEMAS["actions"]),
                   root / "actions" / "0-later.parquet")
    got = load(root).actions
    assert list(zip(got.column("source").to_pylist(), got.column("action_id").to_pylist())) == [
        ("a.txt", "3"), ("a.txt", "1"), ("a.txt", "2"), ("b.txt", "1"), ("b.txt", "2")]
