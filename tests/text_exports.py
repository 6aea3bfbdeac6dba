"""Helpers the equivalence tests share: generated text exports of every shape
(``scripts/bench_text_plans.py``: family-corpus plans one after another), and a
replacement of functions wherever a module holds them."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
# the family corpus's formats read by the text readers
TEXT_SHAPES = ("text-tabbed", "text-html", "text-cells", "text-markdown", "csv",
               "text-markdown-pandoc")


def everything(path: Path, settings: object = None) -> tuple:
    """A document's whole result as the equivalence tests compare it: its documents
    row (less the seconds it took), actions, glossary and roles; read under
    ``settings`` when given (the default settings otherwise)."""
    from planextract.pipeline.document_run import run_one

    result = run_one(str(path)) if settings is None else run_one(str(path), settings)
    document = {k: v for k, v in result.document.items() if k != "seconds"}
    return document, result.actions, result.glossary, result.roles


def write_exports(folder: Path, size: int, seed: int, tag: str = "") -> list[Path]:
    """One export of about ``size`` characters of every text shape in ``folder``,
    named ``<shape><tag>.<suffix>``."""
    sys.path.insert(0, str(ROOT / "scripts"))
    import bench_text_plans

    made = []
    for shape, suffix in bench_text_plans.SHAPES.items():
        text, _ = bench_text_plans.build(shape, size, seed=seed)
        path = folder / f"{shape}{tag}.{suffix}"
        path.write_text(text, encoding="utf-8")
        made.append(path)
    return made


def text_samples(suffixes: tuple[str, ...] = (".txt", ".md", ".csv", ".html")) -> list[Path]:
    """The samples a whole-document comparison reads, by suffix."""
    return sorted(p for p in (ROOT / "samples").iterdir() if p.suffix in suffixes)


def corpus_text_documents(folder: Path, seed: int, per_format: int) -> list[Path]:
    """Family-corpus documents in every text format (``TEXT_SHAPES``), generated
    into ``folder``: plans other than the samples and the generated exports."""
    sys.path.insert(0, str(ROOT / "scripts"))
    from corpus.build import generate

    manifest = generate(folder, seed, only=list(TEXT_SHAPES), per_format=per_format)
    return [folder / "docs" / entry["file"] for entry in manifest]


def whole_documents(folder: Path, seeds: tuple[int, int, int], per_format: int
                    ) -> list[Path]:
    """Every text sample, the PDF and Word samples, generated exports of every shape
    (one table run and many: about 40,000 and 150,000 characters) and the family
    corpus' text formats, written into ``folder``: what the whole-document
    equivalence tests read. ``seeds``: the small exports', the large ones' and the
    corpus'."""
    small, large, corpus_seed = seeds
    made = [*write_exports(folder, 40_000, seed=small, tag="-small"),
            *write_exports(folder, 150_000, seed=large)]
    corpus = corpus_text_documents(folder / "corpus", corpus_seed, per_format=per_format)
    others = sorted(p for p in (ROOT / "samples").iterdir() if p.suffix in (".pdf", ".docx"))
    return [*text_samples(), *others, *made, *corpus]


def swap_everywhere(monkeypatch: pytest.MonkeyPatch, swaps: dict[int, object]) -> int:
    """Each function whose ``id`` is a key of ``swaps`` replaced by its value in
    every planextract module holding it (imported names too); how many were."""
    swapped = 0
    for module in list(sys.modules.values()):
        if not getattr(module, "__name__", "").startswith("planextract."):
            continue
        for name, value in list(vars(module).items()):
            if id(value) in swaps:
                monkeypatch.setattr(module, name, swaps[id(value)])
                swapped += 1
    return swapped
