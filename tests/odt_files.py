"""Small OpenDocument texts written in the tests: a zip (``mimetype`` first and
stored, as ODF asks) holding ``content.xml`` from the body's XML as LibreOffice
Writer writes it, ``styles.xml`` with the named styles and a manifest; the flat
``.fodt`` form of the same; and cell/row/list shorthands."""

from __future__ import annotations

import io
import zipfile
from xml.sax.saxutils import escape

NAMESPACES = (
    'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
    'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" '
    'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
    'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
    'xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0" '
    'xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" '
    'xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0" '
    'xmlns:dc="http://purl.org/dc/elements/1.1/" '
    'xmlns:loext="urn:org:documentfoundation:names:experimental:office:xmlns:loext:1.0"')
MIMETYPE = "application/vnd.oasis.opendocument.text"
# the named styles LibreOffice writes into styles.xml, as it names them
NAMED_STYLES = """
<style:style style:name="Standard" style:family="paragraph"/>
<style:style style:name="Heading" style:family="paragraph" style:parent-style-name="Standard">
 <style:text-properties fo:font-weight="bold"/></style:style>
<style:style style:name="Heading_20_1" style:display-name="Heading 1" style:family="paragraph"
 style:parent-style-name="Heading" style:default-outline-level="1"/>
<style:style style:name="Heading_20_2" style:display-name="Heading 2" style:family="paragraph"
 style:parent-style-name="Heading" style:default-outline-level="2"/>
<style:style style:name="Strong_20_Emphasis" style:display-name="Strong Emphasis"
 style:family="text"><style:text-properties fo:font-weight="bold"/></style:style>
<text:list-style style:name="Numbering_20_123" style:display-name="Numbering 123">
 <text:list-level-style-number text:level="1" style:num-suffix="." style:num-format="1"/>
 <text:list-level-style-number text:level="2" style:num-suffix="." style:num-format="1"
  text:display-levels="2"/>
</text:list-style>
<text:list-style style:name="List_20_1" style:display-name="List 1">
 <text:list-level-style-bullet text:level="1" text:bullet-char="•"/>
 <text:list-level-style-bullet text:level="2" text:bullet-char="◦"/>
</text:list-style>
"""
# automatic styles as LibreOffice names them: P for paragraphs, T for spans
AUTOMATIC = """
<style:style style:name="P1" style:family="paragraph" style:parent-style-name="Standard">
 <style:text-properties fo:font-weight="bold"/></style:style>
<style:style style:name="P2" style:family="paragraph" style:parent-style-name="Heading_20_2"/>
<style:style style:name="T1" style:family="text"><style:text-properties fo:font-weight="bold"/>
 </style:style>
<style:style style:name="T2" style:family="text"><style:text-properties fo:font-weight="normal"/>
 </style:style>
"""


def content(body: str, automatic: str = AUTOMATIC) -> bytes:
    return (f'<?xml version="1.0" encoding="UTF-8"?>\n<office:document-content {NAMESPACES} '
            f'office:version="1.3"><office:automatic-styles>{automatic}'
            f'</office:automatic-styles><office:body><office:text>{body}</office:text>'
            "</office:body></office:document-content>").encode()


def styles(named: str = NAMED_STYLES) -> bytes:
    return (f'<?xml version="1.0" encoding="UTF-8"?>\n<office:document-styles {NAMESPACES} '
            f'office:version="1.3"><office:styles>{named}</office:styles>'
            "</office:document-styles>").encode()


def manifest(encrypted: bool = False) -> bytes:
    secret = ('<manifest:encryption-data manifest:checksum-type="SHA1/1K" '
              'manifest:checksum="x"><manifest:algorithm manifest:algorithm-name="Blowfish CFB"'
              ' manifest:initialisation-vector="x"/></manifest:encryption-data>'
              if encrypted else "")
    return ('<?xml version="1.0" encoding="UTF-8"?>\n<manifest:manifest xmlns:manifest='
            '"urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.3">'
            f'<manifest:file-entry manifest:full-path="/" manifest:media-type="{MIMETYPE}"/>'
            '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type='
            f'"text/xml">{secret}</manifest:file-entry></manifest:manifest>').encode()


def package(parts: dict[str, bytes], mimetype: str = MIMETYPE) -> bytes:
    """A zip of ``parts`` after a stored ``mimetype`` part, as ODF packages are."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(zipfile.ZipInfo("mimetype"), mimetype, zipfile.ZIP_STORED)
        for name, data in parts.items():
            archive.writestr(name, data)
    return out.getvalue()


def odt(body: str, automatic: str = AUTOMATIC, named: str = NAMED_STYLES) -> bytes:
    return package({"content.xml": content(body, automatic), "styles.xml": styles(named),
                    "META-INF/manifest.xml": manifest()})


def fodt(body: str, automatic: str = AUTOMATIC, named: str = NAMED_STYLES) -> bytes:
    """The same document as one flat XML file (LibreOffice's "Flat XML ODF Text")."""
    return (f'<?xml version="1.0" encoding="UTF-8"?>\n<office:document {NAMESPACES} '
            f'office:version="1.3" office:mimetype="{MIMETYPE}"><office:styles>{named}'
            f"</office:styles><office:automatic-styles>{automatic}</office:automatic-styles>"
            f"<office:body><office:text>{body}</office:text></office:body></office:document>"
            ).encode()


def p(text: str, style: str = "Standard") -> str:
    return f'<text:p text:style-name="{style}">{escape(text)}</text:p>'


def h(text: str, level: int = 1) -> str:
    return (f'<text:h text:style-name="Heading_20_{level}" text:outline-level="{level}">'
            f"{escape(text)}</text:h>")


def cell(*paragraphs: str, attrs: str = "") -> str:
    """A cell of paragraphs: plain text is escaped into ``text:p``; XML (starting
    with ``<``) is put in as it is."""
    inner = "".join(x if x.startswith("<") else p(x) for x in paragraphs)
    return f'<table:table-cell office:value-type="string" {attrs}>{inner}</table:table-cell>'


def row(*cells: str) -> str:
    return "<table:table-row>" + "".join(c if c.startswith("<") else cell(c)
                                         for c in cells) + "</table:table-row>"


def table(rows: list[str], header: list[str] | None = None, columns: int = 3) -> str:
    head = ("<table:table-header-rows>" + "".join(header) + "</table:table-header-rows>"
            if header else "")
    return (f'<table:table table:name="Table1"><table:table-column '
            f'table:number-columns-repeated="{columns}"/>{head}{"".join(rows)}</table:table>')


def listed(items: list[str], style: str = "List_20_1", attrs: str = "") -> str:
    """A list of one paragraph an item (XML items put in as they are)."""
    inner = "".join(f"<text:list-item>{i if i.startswith('<') else p(i)}</text:list-item>"
                    for i in items)
    return f'<text:list text:style-name="{style}" {attrs}>{inner}</text:list>'


COVERED = "<table:covered-table-cell/>"
SOFT_BREAK = "<text:soft-page-break/>"
