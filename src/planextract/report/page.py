"""One self-contained HTML file from the page model: styles, script and data inline.

Nothing is fetched when it opens (it must work from a USB stick on an
air-gapped laptop), and the Content-Security-Policy says so: no network, and
only the one script whose hash the policy names may run, so even markup that
slipped into the page could not execute.
"""

from __future__ import annotations

import base64
import hashlib
import html
import json
from importlib import resources
from pathlib import Path

_ASSETS = resources.files("planextract.report") / "assets"


def _asset(name: str) -> str:
    return (_ASSETS / name).read_text(encoding="utf-8")


def embed_json(value: object) -> str:
    """JSON safe inside ``<script type="application/json">``: every ``<``, ``>`` and
    ``&`` is a ``\\u`` escape, so no ``</script>`` or ``<!--`` can end or bend the
    element, and ``JSON.parse`` gives the original text back."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    return (text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
            .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029"))


def script_hash(script: str) -> str:
    """The CSP source that allows exactly this inline script."""
    digest = hashlib.sha256(script.encode("utf-8")).digest()
    return "'sha256-" + base64.b64encode(digest).decode("ascii") + "'"


def page_script() -> str:
    """The page's one script: the table code, then the report, in one function scope
    so neither leaves globals behind."""
    return ('(function () {\n  "use strict";\n' + _asset("table.js") + "\n"
            + _asset("report.js") + "})();\n")


def render(model: dict) -> str:
    """The report page for ``model`` (see model.build)."""
    script = page_script()
    csp = (f"default-src 'none'; script-src {script_hash(script)}; "
           "style-src 'unsafe-inline'; img-src data:")
    parts, rest = [], _asset("report.html")
    for marker, value in (("@@CSP@@", html.escape(csp)),
                          ("@@TITLE@@", html.escape(str(model.get("title", "")))),
                          ("@@CSS@@", _asset("report.css")),
                          ("@@DATA@@", embed_json(model)),
                          ("@@JS@@", script)):
        # markers in template order, each looked for only after the one before, so a
        # marker's text inside the data is never taken for one
        before, found, rest = rest.partition(marker)
        if not found:
            raise ValueError(f"report template has no {marker} after the previous marker")
        parts += [before, value]
    return "".join(parts) + rest


def write(model: dict, path: Path) -> Path:
    """Write the page atomically (a half-written report is never left behind)."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.tmp")
    tmp.write_text(render(model), encoding="utf-8")
    tmp.replace(path)
    return path
