"""The parts of a ``.docx`` the Word reader reads, as plain lxml trees (issue 11).

python-docx's ``Document()`` parses every XML part with a parser that gives each
element a Python class of its own, and the reader then pays for that class on
every element it touches. Here the package is walked by python-docx's own
package reader (the same relationship walk, so a dangling relationship or a
missing content type fails the same way), the XML parts python-docx would parse
are parsed with the same parser options but plain elements (so malformed XML in
any of them fails too), and the main document, its styles and its numbering are
found by their relationships as python-docx finds them. What python-docx would
not read as this module assumes (no styles part, two of them, a part of the
wrong type) raises ``Unusual``: the reader then hands the file to python-docx.
"""

from __future__ import annotations

from dataclasses import dataclass
from io import BytesIO

from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.pkgreader import PackageReader
from lxml import etree

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"

# the content types python-docx loads as XML parts (docx/__init__.py's PartFactory)
_XML_PARTS = frozenset({CT.OPC_CORE_PROPERTIES, CT.WML_COMMENTS, CT.WML_DOCUMENT_MAIN,
                        CT.WML_FOOTER, CT.WML_HEADER, CT.WML_NUMBERING, CT.WML_SETTINGS,
                        CT.WML_STYLES})
# python-docx's parser options (docx/oxml/parser.py), without its element classes
_PARSER = etree.XMLParser(remove_blank_text=True, resolve_entities=False)


class Unusual(Exception):
    """A package this module does not read the way python-docx would; the
    reader leaves the file to python-docx."""


@dataclass(frozen=True)
class Parts:
    """The document's body, its styles part's root and its numbering part's root
    (None when it has none)."""

    body: etree._Element
    styles: etree._Element
    numbering: etree._Element | None


def _related(rels: dict, reltype: str):
    """The one relationship of ``reltype`` (python-docx's ``part_related_by``),
    None when there is none; two of them raise."""
    matching = [rel for rel in rels.values() if rel.reltype == reltype]
    if len(matching) > 1 or any(rel.is_external for rel in matching):
        raise Unusual(f"{len(matching)} relationships of type {reltype}")
    return matching[0] if matching else None


def open_parts(data: bytes) -> Parts:
    """The parts the reader needs; raises what python-docx raises on a damaged
    package, or ``Unusual``."""
    reader = PackageReader.from_file(BytesIO(data))
    types: dict[str, str] = {}
    roots: dict[str, etree._Element] = {}
    for partname, content_type, reltype, blob in reader.iter_sparts():
        types[partname] = content_type
        if reltype != RT.IMAGE and content_type in _XML_PARTS:
            roots[partname] = etree.fromstring(blob, _PARSER)
    rels: dict[str, dict] = {}
    for source, srel in reader.iter_srels():
        rels.setdefault(str(source), {})[srel.rId] = srel
    main = _related(rels.get("/", {}), RT.OFFICE_DOCUMENT)
    if main is None or types.get(main.target_partname) != CT.WML_DOCUMENT_MAIN:
        raise Unusual("no main document part")
    root = roots[main.target_partname]
    body = root.find(f"{W}body")
    if root.tag != f"{W}document" or body is None:
        raise Unusual("no document body")
    own = rels.get(str(main.target_partname), {})
    styles = _related(own, RT.STYLES)
    if styles is None or types.get(styles.target_partname) != CT.WML_STYLES:
        raise Unusual("no styles part (python-docx supplies its default styles)")
    styles_root = roots[styles.target_partname]
    if styles_root.tag != f"{W}styles":
        raise Unusual("the styles part holds no styles")
    numbering = _related(own, RT.NUMBERING)
    if numbering is not None and types.get(numbering.target_partname) != CT.WML_NUMBERING:
        raise Unusual("the numbering relationship names another kind of part")
    return Parts(body=body, styles=styles_root,
                 numbering=roots[numbering.target_partname] if numbering else None)
