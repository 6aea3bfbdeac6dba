"""Word text boxes (``w:txbxContent``) around a plan's tables or its whole text, as
templates and designed reports leave them: the modern DrawingML shape with the VML
copy Word writes beside it for older readers (``mc:AlternateContent``), or VML
alone (files saved by older Word)."""

from __future__ import annotations

import copy

from docx.oxml.ns import qn
from lxml import etree

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
WPS = "http://schemas.microsoft.com/office/word/2010/wordprocessingShape"
WP = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"
A = "http://schemas.openxmlformats.org/drawingml/2006/main"
V = "urn:schemas-microsoft-com:vml"


def _el(ns: str, tag: str, parent=None, **attrs):
    node = etree.SubElement(parent, f"{{{ns}}}{tag}") if parent is not None \
        else etree.Element(f"{{{ns}}}{tag}")
    for key, value in attrs.items():
        node.set(key, value)
    return node


def _content(elements: list) -> etree._Element:
    box = _el(W, "txbxContent")
    for element in elements:
        box.append(element)
    if not len(box) or box[-1].tag != qn("w:p"):
        _el(W, "p", box)  # a text box ends with a paragraph, as Word requires
    return box


def _vml(box) -> etree._Element:
    pict = _el(W, "pict")
    shape = _el(V, "shape", pict, id="TextBox1", style="width:700pt;height:400pt")
    textbox = _el(V, "textbox", shape)
    textbox.append(box)
    return pict


def _drawing(box) -> etree._Element:
    drawing = _el(W, "drawing")
    inline = _el(WP, "inline", drawing)
    _el(WP, "extent", inline, cx="8890000", cy="5080000")
    _el(WP, "docPr", inline, id="1", name="Text Box 1")
    graphic = _el(A, "graphic", inline)
    data = _el(A, "graphicData", graphic, uri=WPS)
    shape = _el(WPS, "wsp", data)
    _el(WPS, "cNvSpPr", shape, txBox="1")
    txbx = _el(WPS, "txbx", shape)
    txbx.append(box)
    _el(WPS, "bodyPr", shape)
    return drawing


def box_paragraph(elements: list, modern: bool) -> etree._Element:
    """A paragraph anchoring a text box that holds ``elements`` (paragraphs and
    tables, moved out of the body)."""
    p = _el(W, "p")
    run = _el(W, "r", p)
    box = _content(elements)
    if not modern:
        run.append(_vml(box))
        return p
    alternate = _el(MC, "AlternateContent", run)
    choice = _el(MC, "Choice", alternate, Requires="wps")
    choice.append(_drawing(box))
    fallback = _el(MC, "Fallback", alternate)
    fallback.append(_vml(copy.deepcopy(box)))
    return p


def into_text_boxes(body, whole: bool, modern: bool) -> None:
    """Move every table of ``body`` (with ``whole``: everything after the first two
    paragraphs, the organisation and the title) into text boxes."""
    children = [c for c in body if c.tag != qn("w:sectPr")]
    if whole:
        moved = children[2:]
        if not moved:
            return
        anchor = moved[0]
        paragraph = box_paragraph([], modern)
        anchor.addprevious(paragraph)
        boxes = paragraph.iter(qn("w:txbxContent"))
        targets = list(boxes)
        for element in moved:
            body.remove(element)
        for index, target in enumerate(targets):
            last = target[-1]
            for element in moved:
                last.addprevious(copy.deepcopy(element) if index else element)
        return
    for child in children:
        if child.tag in (qn("w:tbl"), qn("w:sdt")) and child.find(".//" + qn("w:tbl")) is not None \
                or child.tag == qn("w:tbl"):
            paragraph = box_paragraph([], modern)
            child.addprevious(paragraph)
            body.remove(child)
            for index, target in enumerate(paragraph.iter(qn("w:txbxContent"))):
                target[-1].addprevious(copy.deepcopy(child) if index else child)
