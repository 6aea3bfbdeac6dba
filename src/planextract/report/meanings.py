"""What every table and column of the dataset means, in the analyst's words.

``docs/DATASET.md`` is generated from these and from the pyarrow schemas in
``schema/`` (names, types, nullability), and a test checks every schema column
has a meaning here, so the documentation cannot drift from the code.
"""

from __future__ import annotations

TABLES: dict[str, str] = {
    "actions": "One row per action item, in document order (the main table).",
    "documents": "One row per input file, read or not: what was ingested and what went wrong.",
    "glossary": "One row per abbreviation known for a document.",
    "roles": "One row per (document, canonical role, printed spelling): every merge of "
             "owner spellings, for an analyst to review.",
}

COLUMNS: dict[str, dict[str, str]] = {
    "actions": {
        "doc_id": "Stable id of the input: the first 16 hex digits of the sha256 of its bytes.",
        "source": "The input's path as given on the command line.",
        "source_format": "The reader that read it: `pdf`, `docx`, `doc`, `rtf`, `xlsx`, `html`, "
                         "`text-tabbed`, `text-html`, `text-cells`, `text-markdown`, `csv`, ...",
        "organisation": "The body that owns the plan (`West Mercia Probation Trust`).",
        "plan_title": "The plan's own title.",
        "table": "Which table of the document the row comes from, when it has several.",
        "section": "The nearest heading above the row that groups objectives.",
        "objective_id": "The objective's number or letter, normalised (`1`, `7`, `A`).",
        "objective": "The objective's title without its number.",
        "outcome_id": "The outcome's number, normalised (`12`, `1.4`).",
        "outcome": "The outcome text without its number, whole even when the export split it.",
        "action_id": "The action's number, normalised (`1. 1` -> `1.1`, `A 1` -> `A1`); a "
                     "number that contradicts its place is corrected and flagged `renumbered`.",
        "action_id_raw": "The action's number exactly as printed.",
        "action": "The action text: markup removed, whitespace collapsed, number removed, "
                  "whole even when split over rows, cells or pages; bullets joined by newlines.",
        "owners": "Owners as canonical roles or names, in printed order; every spelling of "
                  "one role maps to one label (see the `roles` table).",
        "owners_raw": "The owner cell as printed, markup removed.",
        "owner_people": "Named individuals found in the owner cell, kept apart from roles.",
        "due_raw": "The date cell as printed, markup removed.",
        "due_kind": "`date`, `range`, `multiple`, `ongoing`, `unknown` (text but no readable "
                    "date) or `none` (empty).",
        "due_date": "The deadline as a day: the last day of the period named (`March 09` -> "
                    "2009-03-31); numeric dates day-first; of several the latest; null for "
                    "ongoing, unknown, none and impossible dates (flagged `date_impossible`).",
        "due_start": "The first day of a range's start or of an open start, else null.",
        "progress": "Progress or status text (`Update`, `RAG Status`, `Current position`).",
        "rag": "`red`, `amber`, `green` or `grey` where the row states a RAG colour.",
        "risk": "Risk text where the plan has a risk column.",
        "strands": "Equality strands the row targets (`All`, `Age`, `Disability`, `Race`, "
                   "`Sex`, ...), from a strand column or the section heading.",
        "scrutiny": "Scrutiny or oversight bodies, split on `/` and `,`.",
        "duty_relevance": "The `General Duty Relevance` cell (`1-12`).",
        "extra": "Every other column of the row, keyed by its header as printed.",
        "page_start": "First 1-based page the row spans (PDF; in a workbook, its sheet's "
                      "number among the visible sheets, in tab order).",
        "page_end": "Last 1-based page the row spans (PDF; in a workbook, its sheet's "
                    "number).",
        "line_start": "First 1-based line of the input the row spans (text formats; in a "
                      "workbook, the row number Excel shows on the row's sheet).",
        "line_end": "Last 1-based line of the input the row spans (text formats; in a "
                    "workbook, the row number on its sheet).",
        "flags": "What the normaliser repaired or doubts, one short code each "
                 "(`merged_split_row`, `renumbered`, `date_impossible`, `columns_swapped`, ...).",
    },
    "documents": {
        "doc_id": "Stable id of the input (first 16 hex digits of its sha256).",
        "source": "The input's path as given on the command line.",
        "source_format": "The reader that read it; null when no reader could.",
        "sha256": "The sha256 of the input's bytes.",
        "bytes": "The input's size in bytes.",
        "pages": "Pages of a PDF; null for other formats.",
        "organisation": "The body that owns the plan, when found.",
        "plan_title": "The plan's own title, when found.",
        "n_actions": "Rows this document gave the `actions` table.",
        "status": "`ok`, `failed` (not read: see `error`) or `empty` (read, no actions).",
        "error": "The message a person needs to act on a failure; null when ok.",
        "warnings": "What was read but doubtful (a key giving one abbreviation two meanings).",
        "seconds": "Time spent on the document.",
    },
    "glossary": {
        "doc_id": "The document the abbreviation is known for.",
        "abbreviation": "The abbreviation as printed (`DSG`).",
        "expansion": "What it stands for; a plan's key giving two meanings keeps both rows.",
        "origin": "`document` (the plan's own key) or `builtin` (the project's table).",
    },
    "roles": {
        "doc_id": "The document the spelling was printed in.",
        "role": "The canonical label, as in `actions.owners`.",
        "spelling": "The owner as printed, markup removed.",
        "mentions": "How often that spelling occurs in the document's owner cells.",
        "match": "How the spelling was tied to the role: `exact`, `key` (the plan's own key), "
                 "`builtin` (abbreviation table), `vocabulary` (role vocabulary) or `fuzzy` "
                 "(a near spelling; such rows carry `owner_fuzzy_matched`).",
    },
}
