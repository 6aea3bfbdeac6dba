"""Which document gets which body, layout and format; writes the documents, one gold
JSONL per document and the manifest. Seeded: the same seed writes the same corpus."""

from __future__ import annotations

import json
import random
import re
import shutil
import tempfile
from pathlib import Path

from corpus import pools, vocab
from corpus.content import Drawer
from corpus.layouts import LAYOUTS, Ctx
from corpus.model import Document, Heading, Key, Table, Text
from corpus.owners import choose_style
from corpus.shapes import SHAPE_FORMATS, merge_owners
from corpus.soffice_convert import convert

# format label -> (how many documents, file extension)
FORMATS = {
    "docx": (8, "docx"), "pdf-grid": (3, "pdf"), "pdf-hrules": (3, "pdf"),
    "pdf-norules": (3, "pdf"), "pdf-shaded": (3, "pdf"), "pdf-rotated": (3, "pdf"),
    "html": (5, "html"), "text-tabbed": (5, "txt"), "text-html": (4, "txt"),
    "text-cells": (5, "txt"), "text-markdown": (4, "md"), "csv": (4, "csv"),
    # shapes added later go last, so the documents before them keep their layouts
    "html-div": (4, "html"), "docx-textbox": (4, "docx"), "text-markdown-pandoc": (4, "md"),
}
# the held-out shapes (``--shapes``, corpus.shapes) follow them all, so the default
# corpus is the same with or without them
ALL_FORMATS = {**FORMATS, **SHAPE_FORMATS}
# a CSV file holds one table: no headings, no key, no second table
ONE_TABLE = {"csv"}
MULTI_TABLE_LAYOUTS = {"delivery", "per-strand"}
# formats whose tables have one header row
FLAT_HEADER = {"csv", "text-markdown", "html-div", "text-markdown-pandoc", "text-grid",
               "csv-euro", "docx-labelled", "text-labelled", "pdf-labelled"}
# the held-out shapes printing each action as labelled paragraphs, no table
LABELLED = {"docx-labelled", "text-labelled", "pdf-labelled"}


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def _group_header(rng: random.Random, table: Table) -> None:
    """A two-row header in some tables: one cell merged over Owner and Due."""
    owner, due = table.column("owner"), table.column("due")
    if owner is None or due is None or abs(owner - due) != 1 or rng.random() > 0.3:
        return
    table.group = (min(owner, due), 2, rng.choice(vocab.GROUP_LABELS))


def plan_document(seed: int, index: int, fmt: str, layout: str) -> Document:
    """One plan's content and layout. Each kind of choice draws from its own random
    stream, so changing one word list changes only what is drawn from it."""
    key = f"{seed}:{index}"
    rng = random.Random(key)
    kind = rng.choice(list(vocab.ORG_KINDS))
    organisation = f"{rng.choice(vocab.PLACES)} {rng.choice(vocab.ORG_KINDS[kind])}"
    year = rng.randint(2009, 2016)
    title = f"{rng.choice(vocab.PLAN_TITLES)} {year}{rng.choice(['-', ' – ', '/'])}" \
            f"{str(year + 1)[2:] if rng.random() < 0.5 else year + 1}"
    one_table = fmt in ONE_TABLE
    with_key = not one_table and rng.random() < 0.6
    owners = choose_style(random.Random(f"{key}:roles"), kind, with_key)
    drawer = Drawer(key, owners, bullet_share=rng.choice([0.0, 0.15, 0.3]))
    ctx = Ctx(rng, drawer, number_style=rng.choice(["dotted", "spaced", "trailing",
                                                    "letter-spaced"]),
              id_in_text=rng.random() < 0.5,
              bullet=rng.choice(["list", "glyph", "dash"] if not fmt.startswith("docx")
                                else ["list", "glyph"]),
              stacked=rng.choice([0.0, 0.0, 0.15]), swaps=rng.choice([0, 0, 1]),
              split=0.15 if fmt.startswith("text") else 0.0,
              header_rng=random.Random(f"{key}:headers"), key=key,
              number_rng=random.Random(f"{key}:numbers"))
    blocks: list = []
    if not one_table:
        blocks += [Heading(organisation, 1), Heading(title, 1),
                   Text(f"This plan sets out how {organisation} will meet its equality "
                        "objectives. Progress is reviewed by the board every quarter.")]
        if random.Random(f"{key}:foreword").random() < 0.4:
            blocks += [Heading("Introduction", 2)] + [Text(f"{n}. {line}") for n, line in
                                                      enumerate(vocab.FOREWORD, start=1)]
        if with_key:
            entries = sorted(owners.key.items()) + rng.sample(vocab.EXTRA_KEY, 2)
            blocks.append(Key(entries, as_table=rng.random() < 0.5,
                              heading=rng.choice(vocab.KEY_HEADINGS)))
        if rng.random() < 0.4:
            section = rng.choice(vocab.SECTIONS)
            blocks.append(Heading(section, 2))
            ctx.context["section"] = section
    ctx.single_table = one_table
    if fmt in ("html-lists", "xlsx"):  # these shapes print stacked cells: more of them
        ctx.stacked = 0.3
    elif fmt in LABELLED:  # one action to a run of labelled paragraphs
        ctx.stacked = 0.0
    blocks += LAYOUTS[layout](ctx)
    if fmt not in FLAT_HEADER:
        for table in (b for b in blocks if isinstance(b, Table)):
            _group_header(rng, table)
    name = f"{index:02d}-{slug(organisation)}-{layout}"
    return Document(name, organisation, title, layout, blocks, bullet=ctx.bullet)


def features(document: Document, fmt: str) -> list[str]:
    """The hard cases a document holds, for reading a score by cause."""
    tables = document.tables()
    rows = [r for t in tables for r in t.rows]
    gold = document.gold()
    keys = [b for b in document.blocks if isinstance(b, Key)]
    found = {
        "key-table": any(k.as_table for k in keys),
        "key-paragraphs": any(not k.as_table for k in keys),
        "two-row-header": any(t.group for t in tables),
        "stacked-cell": any(len(r.gold) > 1 for r in rows),
        "swapped-columns": any("columns_swapped" in g["flags"] for g in gold),
        "split-row": fmt.startswith("text") and any(r.split for r in rows),
        "bullets": any("\n" in g["action"] for g in gold),
        "people": any(g["owner_people"] for g in gold),
        "numbered-prose": any(isinstance(b, Text) and b.text[:2] == "1." for b in
                              document.blocks),
        "colour-key": any(t.roles == ["rag", "meaning"] for t in tables),
        "owner-merged": any(t.column("owner") in r.spans for t in tables for r in t.rows),
        "several-tables": len([t for t in tables if t.roles != ["rag", "meaning"]]) > 1,
    }
    return [name for name, present in found.items() if present]


def schedule(seed: int, limit: int | None = None,
             shapes: bool = False) -> list[tuple[int, str, str]]:
    """(index, format, layout) for every document: one counter runs through the
    layouts over all documents, so each format's documents take consecutive layouts
    (all different) and the formats start at different ones. ``shapes`` adds the
    held-out shapes' documents after all the others."""
    layouts = list(LAYOUTS)
    counter = random.Random(seed).randrange(len(layouts))
    order = []
    for fmt, (count, _ext) in (ALL_FORMATS if shapes else FORMATS).items():
        for _ in range(count):
            while fmt in ONE_TABLE and layouts[counter % len(layouts)] in MULTI_TABLE_LAYOUTS:
                counter += 1
            order.append((len(order), fmt, layouts[counter % len(layouts)]))
            counter += 1
    return order[:limit] if limit else order


def write(document: Document, fmt: str, path: Path, seed: int) -> str | None:
    """Write ``document`` as ``fmt``; returns the text encoding (None for binary)."""
    from corpus import write_docx, write_html, write_pdf, write_text

    if fmt == "docx":
        write_docx.write(document, path, random.Random(seed))
    elif fmt in SHAPE_FORMATS:
        return _write_shape(document, fmt, path, seed)
    elif fmt == "docx-textbox":
        rng = random.Random(seed)
        write_docx.write(document, path, rng, textbox=(rng.random() < 0.5, rng.random() < 0.6))
    elif fmt.startswith("pdf-"):
        write_pdf.write(document, path, fmt[4:], random.Random(seed))
    elif fmt == "html":
        write_html.write(document, path)
        return "utf-8"
    elif fmt == "text-markdown-pandoc":
        from corpus import write_pandoc

        path.write_text(write_pandoc.markdown(document), encoding="utf-8")
        return "utf-8"
    elif fmt == "html-div":
        style = write_html.DIV_STYLES[random.Random(seed).randrange(len(write_html.DIV_STYLES))]
        write_html.write(document, path, divs=style)
        return "utf-8"
    else:
        return write_text.write(document, path, fmt, random.Random(seed))
    return None


def _write_shape(document: Document, fmt: str, path: Path, seed: int) -> str | None:
    """The held-out shapes (``corpus.shapes``): each from its own seeded stream."""
    from corpus import (
        write_docx_labelled,
        write_docx_nested,
        write_docx_shapes,
        write_grid,
        write_html_lists,
        write_html_shapes,
        write_labelled,
        write_plain_pdf,
    )

    rng = random.Random(f"{seed}:shape")
    if fmt.endswith(("-timeline", "-form")):
        return _write_reshaped(document, fmt, path, rng)
    if fmt == "pdf-plain":
        write_plain_pdf.write(document, path, rng)
    elif fmt == "docx-nested":
        write_docx_nested.write(document, path, rng)
    elif fmt == "docx-labelled":
        write_docx_labelled.write(document, path, rng)
    elif fmt == "text-labelled":
        return write_labelled.write_text(document, path, rng)
    elif fmt == "pdf-labelled":
        write_labelled.write_pdf(document, path, rng)
    elif fmt == "html-lists":
        write_html_lists.write(document, path, rng)
        return "utf-8"
    elif fmt == "text-grid":
        path.write_text(write_grid.grid_markdown(document, rng), encoding="utf-8")
        return "utf-8"
    elif fmt == "csv-euro":
        return write_grid.write_euro_csv(document, path, rng)
    elif fmt == "xlsx":
        from corpus import write_xlsx

        merge_owners(document, rng)
        write_xlsx.write(document, path, rng)
    elif fmt == "html-shapes":
        merge_owners(document, rng)
        write_html_shapes.write(document, path, rng)
        return "utf-8"
    else:
        merge_owners(document, rng)
        write_docx_shapes.write(document, path, rng)
    return None


def _write_reshaped(document: Document, fmt: str, path: Path,
                    rng: random.Random) -> str | None:
    """A ``*-timeline`` or ``*-form`` shape: the plan's tables reshaped (its date
    column a timeline, ``corpus.timeline``; its rows forms, ``corpus.forms``), then
    written by the format's own writer (a PDF ruled, with horizontal rules or none)."""
    from corpus import write_docx, write_html, write_pdf, write_text
    from corpus.forms import make_forms
    from corpus.timeline import make_timeline

    base, shape = fmt.rsplit("-", 1)
    if shape == "timeline":
        make_timeline(document, rng, pdf=base == "pdf")
    else:
        make_forms(document, rng)
    if base == "docx":
        write_docx.write(document, path, rng)
    elif base == "pdf":
        write_pdf.write(document, path, rng.choice(["grid", "hrules", "norules"]), rng)
    elif base == "html":
        write_html.write(document, path)
        return "utf-8"
    elif base == "xlsx":
        from corpus import write_xlsx

        write_xlsx.write(document, path, rng)
    else:
        return write_text.write(document, path, "text-tabbed", rng)
    return None


def generate(out: Path, seed: int = 6, only: list[str] | None = None,
             per_format: int | None = None, indexes: set[int] | None = None,
             libreoffice: bool = False, holdout: bool = False,
             shapes: bool = False) -> list[dict]:
    """Write ``out/docs``, ``out/gold`` and ``out/manifest.json``; returns the manifest.
    ``only``, ``per_format`` and ``indexes`` pick a slice of the seeded schedule; a
    document is the same whichever slice it is written in. ``holdout`` draws every
    word from the held-out pools (``corpus.heldout``); ``shapes`` adds the held-out
    shapes' documents (``corpus.shapes``)."""
    with pools.using(holdout):
        return _generate(out, seed, only, per_format, indexes, libreoffice, shapes)


def _generate(out: Path, seed: int, only: list[str] | None, per_format: int | None,
              indexes: set[int] | None, libreoffice: bool, shapes: bool = False) -> list[dict]:
    docs, gold_dir = out / "docs", out / "gold"
    docs.mkdir(parents=True, exist_ok=True)
    gold_dir.mkdir(parents=True, exist_ok=True)
    manifest, seen = [], {}
    for index, fmt, layout in schedule(seed, shapes=shapes):
        if (only and fmt not in only) or (indexes is not None and index not in indexes):
            continue
        seen[fmt] = seen.get(fmt, 0) + 1
        if per_format and seen[fmt] > per_format:
            continue
        document = plan_document(seed, index, fmt, layout)
        file_name = f"{document.name}.{ALL_FORMATS[fmt][1]}"
        encoding = write(document, fmt, docs / file_name, seed * 1000 + index)
        with (gold_dir / f"{file_name}.jsonl").open("w", encoding="utf-8") as handle:
            for record in document.gold():
                handle.write(json.dumps(record, ensure_ascii=False) + "\n")
        manifest.append({"file": file_name, "format": fmt, "layout": layout, "index": index,
                         "actions": len(document.gold()), "encoding": encoding,
                         "features": features(document, fmt)})
    if libreoffice:
        manifest += libreoffice_pdfs(docs, gold_dir, manifest, seed)
    if libreoffice and shapes:  # the held-out odt shape: the Word plans saved as .odt
        from corpus.write_odt import libreoffice_odts

        manifest += libreoffice_odts(docs, gold_dir, manifest, soffice())
    if libreoffice and shapes:  # the held-out shapes doc and rtf (corpus.legacy_words)
        from corpus.legacy_words import legacy_words

        manifest += legacy_words(soffice(), docs, gold_dir, manifest)
    if not only and indexes is None and not per_format:
        manifest += _broken(docs, gold_dir, manifest, seed)
    (out / "manifest.json").write_text(json.dumps(manifest, indent=1) + "\n", encoding="utf-8")
    return manifest


def _broken(docs: Path, gold_dir: Path, manifest: list[dict], seed: int) -> list[dict]:
    """Three inputs a batch meets that hold no plan: a PDF cut off in transfer, a Word
    file cut in half, random bytes. Each must come out ``failed`` with a message and
    no rows (the manifest's ``expect``; the gold is empty)."""
    first = {m["format"]: m["file"] for m in reversed(manifest)}
    made = []
    for name, source, keep in (("broken-truncated.pdf", first.get("pdf-grid"), 1 / 3),
                               ("broken-damaged.docx", first.get("docx"), 1 / 2),
                               ("broken-random.txt", None, 0)):
        if source:
            data = (docs / source).read_bytes()
            data = data[:int(len(data) * keep)]
        elif keep == 0:
            data = random.Random(seed).randbytes(4096)
        else:
            continue
        (docs / name).write_bytes(data)
        (gold_dir / f"{name}.jsonl").write_text("", encoding="utf-8")
        made.append({"file": name, "format": "broken", "layout": None, "actions": 0,
                     "encoding": None, "expect": "failed"})
    return made


def soffice() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


def libreoffice_pdfs(docs: Path, gold_dir: Path, manifest: list[dict],
                     seed: int) -> list[dict]:
    """Every Word plan of the corpus saved as PDF by LibreOffice headless, as authors'
    "Save as PDF" makes them (``<name>.lo.pdf``, format ``pdf-libreoffice``, the Word
    plan's gold). Written from the Word file without tracked changes. None where
    LibreOffice is not installed (``apt-get install libreoffice-writer-nogui``)."""
    from corpus import write_docx

    program = soffice()
    words = [m for m in manifest if m["format"] == "docx"]
    if program is None or not words:
        return []
    made = []
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        sources = []
        for entry in words:
            document = plan_document(seed, entry["index"], "docx", entry["layout"])
            source = folder / f"{document.name}.lo.docx"
            write_docx.write(document, source, random.Random(seed * 1000 + entry["index"]),
                             tracked=False)
            sources.append((entry, source))
        convert(program, [s for _, s in sources], "pdf", folder, folder / "profile",
                timeout=600)
        for entry, source in sources:
            name = source.with_suffix(".pdf").name
            shutil.move(str(folder / name), docs / name)
            shutil.copyfile(gold_dir / f"{entry['file']}.jsonl", gold_dir / f"{name}.jsonl")
            made.append({**entry, "file": name, "format": "pdf-libreoffice",
                         "encoding": None})
    return made
