"""Data flows one way, and so do imports: the readers (``extract``) never import
the normaliser, the dataset's schema, the pipeline or the report; the normaliser
never imports the pipeline or the report; the shared vocabulary (``lexicon``)
imports none of the layers. Read from the source with ``ast``, so an import inside
a function counts as much as one at the top."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "src" / "planextract"

FORBIDDEN = {
    "extract": ("planextract.normalise", "planextract.pipeline", "planextract.schema",
                "planextract.report"),
    "normalise": ("planextract.pipeline", "planextract.report"),
    "lexicon": ("planextract.extract", "planextract.normalise", "planextract.pipeline",
                "planextract.schema", "planextract.report"),
}


def _module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imported_names(source: str, module: str, is_package: bool = False) -> set[str]:
    """Every module ``source`` (the text of ``module``) imports, relative imports
    resolved; ``from planextract import normalise`` counts as
    ``planextract.normalise``."""
    package = module if is_package else module.rpartition(".")[0]
    names: set[str] = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")
                anchor = anchor[:len(anchor) - (node.level - 1)]
                base = ".".join([*anchor, base] if base else anchor)
            names.add(base)
            names.update(f"{base}.{alias.name}" for alias in node.names)
    return names


def _imports_of(layer: str) -> dict[str, set[str]]:
    out = {}
    for path in sorted((PACKAGE / layer).rglob("*.py")):
        module = _module_name(path)
        out[module] = imported_names(path.read_text("utf-8"), module,
                                     path.name == "__init__.py")
    return out


def _breaches(layer: str) -> list[str]:
    return [f"{module} imports {name}"
            for module, names in _imports_of(layer).items()
            for name in sorted(names)
            if any(name == f or name.startswith(f + ".") for f in FORBIDDEN[layer])]


@pytest.mark.parametrize("layer", sorted(FORBIDDEN))
def test_a_layer_imports_nothing_downstream(layer):
    assert _breaches(layer) == []


def test_every_module_of_a_layer_is_read():
    """The walk sees the readers' modules and their imports: the one-cell-per-line
    reader names columns with the shared vocabulary."""
    imports = _imports_of("extract")
    assert "planextract.extract.pdf.post_lines" in imports
    assert "planextract.lexicon.column_roles.role_of" in \
        imports["planextract.extract.text.cell_rows"]


@pytest.mark.parametrize("source", [
    "from planextract.normalise.columns import role_of",
    "import planextract.normalise.columns",
    "from planextract import normalise",
    "def f():\n    from ...normalise import columns\n",
    "from ...normalise.text import squash",
])
def test_each_way_of_importing_the_normaliser_is_caught(source):
    names = imported_names(source, "planextract.extract.text.cell_rows")
    assert any(n == "planextract.normalise" or n.startswith("planextract.normalise.")
               for n in names), names
