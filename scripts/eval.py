"""``make eval``: write the family corpus, extract it, score it per format.

    .venv/bin/python scripts/eval.py [--out out/corpus] [--seed 6] [--holdout] [--shapes]

1. ``scripts/family_corpus.py`` writes OUT/docs, OUT/gold and OUT/manifest.json;
2. ``planextract extract OUT/docs --out OUT/ds``;
3. ``../shared/tools/score.py OUT/ds OUT/gold`` (the project's shared scorer, looked
   for beside the repository and one folder further up, or given by --scorer):
   its per-format table and overall line are printed, the whole report is kept in
   OUT/score.txt and OUT/score.json. Where the scorer is missing, this says so.
4. the corpus's own exact yardstick (``scripts/corpus/measure.py``: actions whose
   whole normalised text matches, and of those the due kind, due date and owners
   that agree) per format, as the test slice measures it.
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))
from corpus.build import generate, soffice  # noqa: E402
from corpus.measure import Score, score_document  # noqa: E402


def find_scorer(given: Path | None) -> Path | None:
    candidates = [given] if given else []
    candidates += [ROOT.parent / "shared" / "tools" / "score.py",
                   ROOT.parent.parent / "shared" / "tools" / "score.py"]
    return next((p for p in candidates if p and p.exists()), None)


def read_actions(dataset: Path) -> list[dict]:
    import pyarrow.dataset as ds

    actions = dataset / "actions"
    if not actions.exists() or not any(actions.rglob("*.parquet")):
        return []
    return ds.dataset(str(actions), format="parquet").to_table(
        columns=["source", "action", "due_kind", "due_date", "owners"]).to_pylist()


def own_table(out: Path, manifest: list[dict], per_document: bool = False) -> str:
    """Per format, per layout, per feature (documents holding that hard case), and per
    document if asked: documents, gold, out,
    exact recall, precision, F1, and of the matched actions the share with the right
    due kind, due date (where gold has one), owners."""
    rows_by_file: dict[str, list[dict]] = defaultdict(list)
    for row in read_actions(out / "ds"):
        rows_by_file[Path(row["source"]).name].append(row)
    totals: dict[str, Score] = defaultdict(Score)
    docs: dict[str, int] = defaultdict(int)
    for entry in manifest:
        if entry.get("expect") == "failed":
            continue
        gold_path = out / "gold" / f"{entry['file']}.jsonl"
        gold = [json.loads(x) for x in gold_path.read_text(encoding="utf-8").splitlines() if x]
        score = score_document(gold, rows_by_file.get(entry["file"], []))
        if per_document:
            totals[entry["file"]].add(score)
            docs[entry["file"]] += 1
        keys = [entry["format"], f"layout {entry['layout']}",
                *(f"with {f}" for f in entry.get("features", [])), "ALL"]
        for key in keys:
            totals[key].add(score)
            docs[key] += 1
    width = max(len(k) for k in totals) + 2
    head = f"{'format':{width}}{'docs':>5}{'gold':>6}{'out':>6}{'R':>7}{'P':>7}{'F1':>7}" \
           f"{'kind':>7}{'date':>7}{'owners':>7}"
    lines = [head]
    for fmt in sorted(totals, key=lambda f: (f == "ALL", "." not in f, f.startswith("layout"),
                                             f.startswith("with"), f)):
        s = totals[fmt]
        shares = [s.share(n) for n in ("kind_ok", "due_ok", "owners_ok")]
        lines.append(f"{fmt:{width}}{docs[fmt]:>5}{s.gold:>6}{s.out:>6}{s.recall:>7.3f}"
                     f"{s.precision:>7.3f}{s.f1:>7.3f}"
                     + "".join(f"{v:>7.3f}" if v is not None else f"{'-':>7}" for v in shares))
    return "\n".join(lines)


def show(out: Path, name: str) -> int:
    """Read one document of the written corpus and list its differences from gold."""
    from corpus.diff import differences

    from planextract.pipeline.document_run import run_one

    path, gold_path = out / "docs" / name, out / "gold" / f"{name}.jsonl"
    if not path.exists() or not gold_path.exists():
        print(f"{name}: no such corpus document in {out} (run make corpus first)")
        return 2
    result = run_one(str(path))
    gold = [json.loads(x) for x in gold_path.read_text(encoding="utf-8").splitlines() if x]
    doc = result.document
    print(f"{name}: {doc['status']}, {doc['source_format']}, {len(result.actions)} rows, "
          f"{len(gold)} gold; {doc['error'] or ''} {doc['warnings'] or ''}")
    print("\n".join(differences(gold, result.actions)) or "no differences")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=ROOT / "out" / "corpus")
    parser.add_argument("--seed", type=int, default=6)
    parser.add_argument("--scorer", type=Path, help="path of score.py")
    parser.add_argument("--holdout", action="store_true",
                        help="the held-out corpus: every word drawn from the pools the "
                             "readers were never written from (scripts/corpus/heldout.py)")
    parser.add_argument("--shapes", action="store_true",
                        help="add the held-out shapes' documents (scripts/corpus/shapes.py)")
    parser.add_argument("--format", action="append", dest="formats", metavar="FORMAT",
                        help="only this format's documents (repeatable), e.g. html")
    parser.add_argument("--documents", action="store_true",
                        help="the exact measure per document too")
    parser.add_argument("--show", metavar="FILE",
                        help="only read FILE (a corpus document's name) and list what its "
                             "output gets wrong against its gold, field by field")
    args = parser.parse_args(argv)
    out: Path = args.out
    if args.show:
        return show(out, args.show)
    for sub in ("docs", "gold", "ds"):
        shutil.rmtree(out / sub, ignore_errors=True)
    if soffice() is None:
        print("LibreOffice (soffice) is not installed: the pdf-libreoffice documents (and "
              "the doc, rtf and odt shapes) are left out (apt-get install "
              "libreoffice-writer-nogui)")
    made_by_lo = {"pdf-libreoffice", "doc", "rtf", "odt"}  # made by LibreOffice
    use_lo = soffice() is not None and (not args.formats or bool(made_by_lo & set(args.formats)))
    only = [f for f in args.formats or [] if f not in made_by_lo] or None
    if args.formats and "odt" in args.formats:  # the .odt are made from the Word plans
        from corpus.write_odt import WORD_FORMATS

        only = [*(only or []), *WORD_FORMATS]
    elif args.formats and only is None:
        only = ["docx"]  # the LibreOffice PDFs (and .doc/.rtf) are made from the Word plans
    manifest = generate(out, args.seed, only=only, libreoffice=use_lo, holdout=args.holdout,
                        shapes=args.shapes)
    if args.formats:
        manifest = [m for m in manifest if m["format"] in args.formats]
        (out / "manifest.json").write_text(json.dumps(manifest, indent=1) + "\n",
                                           encoding="utf-8")
        for path in (out / "docs").iterdir():
            if path.name not in {m["file"] for m in manifest}:
                path.unlink()
                (out / "gold" / f"{path.name}.jsonl").unlink(missing_ok=True)
    words = " (held-out words)" if args.holdout else ""
    print(f"corpus{words}: {len(manifest)} documents, {sum(m['actions'] for m in manifest)} gold "
          f"actions in {out}")
    planextract = Path(sys.executable).parent / "planextract"
    run = subprocess.run([str(planextract), "extract", str(out / "docs"), "--out",
                          str(out / "ds")], capture_output=True, text=True)
    print(run.stdout.strip().splitlines()[0] if run.stdout.strip() else run.stderr.strip())
    scorer = find_scorer(args.scorer)
    if scorer is None:
        print("the shared scorer (../shared/tools/score.py) is missing: "
              "only the corpus's own exact measure follows")
    else:
        scored = subprocess.run([sys.executable, str(scorer), str(out / "ds"),
                                 str(out / "gold"), "--json-out", str(out / "score.json")],
                                capture_output=True, text=True)
        (out / "score.txt").write_text(scored.stdout + scored.stderr, encoding="utf-8")
        lines = scored.stdout.splitlines()
        head = next((ln for ln in lines if ln.startswith("document")), "")
        keep = [ln for ln in lines if ln.startswith(("[", "OVERALL", "overall", "output rows",
                                                     "broken inputs", "  "))]
        print(f"\nshared scorer ({scorer}), per format (whole report: {out / 'score.txt'}):")
        print("\n".join([head.replace("document", "format  ", 1), *keep]) or scored.stderr)
        if scored.returncode:
            print(scored.stderr.strip())
    print("\nexact text match (the test slice's measure):")
    print(own_table(out, manifest, args.documents))
    return 0


if __name__ == "__main__":
    sys.exit(main())
