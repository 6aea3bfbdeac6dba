"""The Word reader on lxml (``docx_reader``) reads what the reader on python-docx's
object model (``docx_reference``) reads (issue 11): the same blocks and the same
dataset, on the Word samples (``scripts/build_docx_samples.py``'s output), the
family corpus' Word plans, hand-made hostile documents and generated ones. Where
the reference refuses a file, the lxml reader raises too, and ``read_docx`` gives
the reference's own error."""

from __future__ import annotations

import random
import re
import sys
import zipfile
from io import BytesIO
from pathlib import Path

import pytest
from conftest import ROOT, SAMPLES
from text_exports import everything

from planextract.extract import docx_reader
from planextract.extract.docx_package import Unusual
from planextract.extract.docx_reader import read_docx, read_docx_lxml
from planextract.extract.docx_reference import read_docx_reference

sys.path.insert(0, str(ROOT / "scripts"))

TEMPLATE = Path(sys.modules["docx"].__file__).parent / "templates" / "default.docx"
NS = ('xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
      'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
      'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
      'xmlns:v="urn:schemas-microsoft-com:vml"')


def package(body: str, replace: dict[str, bytes | None] | None = None) -> bytes:
    """python-docx's default document with ``body`` as its body; ``replace``: parts
    given other bytes (None: left out)."""
    parts = {"word/document.xml": (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
                                   f"<w:document {NS}><w:body>{body}</w:body></w:document>"
                                   ).encode()}
    parts.update(replace or {})
    out = BytesIO()
    with zipfile.ZipFile(TEMPLATE) as source, zipfile.ZipFile(out, "w") as target:
        for info in source.infolist():
            data = parts.get(info.filename, source.read(info.filename))
            if data is not None:
                target.writestr(info.filename, data)
    return out.getvalue()


def agree(data: bytes, fast: bool = True) -> None:
    """The lxml reader gives the reference's blocks (``fast``: by itself, else by
    handing the file on), or raises where the reference raises, and ``read_docx``
    then raises the reference's error."""
    try:
        expected = read_docx_reference(data)
    except Exception as err:  # noqa: BLE001 - the error is what is compared
        with pytest.raises(Exception):  # noqa: B017, PT011 - any: it is handed on
            read_docx_lxml(data)
        with pytest.raises(type(err)) as got:
            read_docx(data)
        assert str(got.value) == str(err)
        return
    if fast:
        assert read_docx_lxml(data) == expected
    else:
        with pytest.raises(Unusual):
            read_docx_lxml(data)
    assert read_docx(data) == expected


@pytest.mark.parametrize("path", sorted(SAMPLES.glob("*.docx")), ids=lambda p: p.stem[:30])
def test_the_word_samples_read_the_same(path):
    agree(path.read_bytes())


@pytest.fixture(scope="module")
def corpus_plans(tmp_path_factory) -> list[Path]:
    from corpus.build import generate

    out = tmp_path_factory.mktemp("word")
    manifest = generate(out, 6, only=["docx", "docx-textbox"], per_format=4)
    return [out / "docs" / entry["file"] for entry in manifest]


def test_the_corpus_word_plans_read_the_same(corpus_plans):
    assert len(corpus_plans) == 8
    for path in corpus_plans:
        agree(path.read_bytes())


def test_the_whole_dataset_is_the_same_with_the_reference_reader(corpus_plans, monkeypatch):
    paths = [*sorted(SAMPLES.glob("*.docx")), *corpus_plans]
    fast = [everything(p) for p in paths]
    assert all(doc["status"] == "ok" and actions for doc, actions, _, _ in fast)
    read = []

    def reference(data, settings):
        read.append(data)
        return read_docx_reference(data, settings)

    monkeypatch.setattr(docx_reader, "read_docx", reference)
    for path, got in zip(paths, fast):
        assert everything(path) == got, path.name
    assert len(read) >= len(paths)  # every document was read by the reference


def _p(inner: str, ppr: str = "") -> str:
    return f"<w:p>{f'<w:pPr>{ppr}</w:pPr>' if ppr else ''}{inner}</w:p>"


def _r(text: str, rpr: str = "") -> str:
    properties = f"<w:rPr>{rpr}</w:rPr>" if rpr else ""
    return f'<w:r>{properties}<w:t xml:space="preserve">{text}</w:t></w:r>'


def _tc(content: str, tcpr: str = "") -> str:
    return f"<w:tc>{f'<w:tcPr>{tcpr}</w:tcPr>' if tcpr else ''}{content or _p('')}</w:tc>"


def _tbl(*rows: str) -> str:
    return f"<w:tbl><w:tblPr/>{''.join(rows)}</w:tbl>"


def _tr(*cells: str, trpr: str = "") -> str:
    return f"<w:tr>{f'<w:trPr>{trpr}</w:trPr>' if trpr else ''}{''.join(cells)}</w:tr>"


_HEAD = _tr(_tc(_p(_r("Action"))), _tc(_p(_r("Lead"))), _tc(_p(_r("By when"))))
_SDT = "<w:sdt><w:sdtPr/><w:sdtContent>{}</w:sdtContent></w:sdt>"
_PROMPT = "<w:sdt><w:sdtPr><w:showingPlcHdr/></w:sdtPr><w:sdtContent>{}</w:sdtContent></w:sdt>"
_BOX = ("<w:r><mc:AlternateContent><mc:Choice Requires=\"wps\"><w:drawing><wps:txbx>"
        "<w:txbxContent>{0}</w:txbxContent></wps:txbx></w:drawing></mc:Choice><mc:Fallback>"
        "<w:pict><v:textbox><w:txbxContent>{0}</w:txbxContent></v:textbox></w:pict>"
        "</mc:Fallback></mc:AlternateContent></w:r>")

HOSTILE = {
    "merged across and down": _tbl(
        _HEAD, _tr(_tc(_p(_r("1.1 Train staff")), '<w:gridSpan w:val="2"/>'),
                   _tc(_p(_r("May 2011")), '<w:vMerge w:val="restart"/>')),
        _tr(_tc(_p(_r("1.2 Audit"))), _tc(_p(_r("HR"))), _tc(_p(_r("lost")), "<w:vMerge/>")),
        _tr(_tc(_p(_r("1.3"))), _tc(_p(_r("x"))), _tc(_p(""), '<w:vMerge w:val="continue"/>'))),
    "nested tables": _tbl(_HEAD, _tr(
        _tc(_p(_r("Review")) + _tbl(_tr(_tc(_p(_r("a"))), _tc(_tbl(_tr(_tc(_p(_r("deep")))))))),
            ), _tc(_p(_r("CE"))), _tc(_p(_r("2012"))))),
    "empty cells and rows": _tbl(_HEAD, _tr(_tc(""), _tc(""), _tc("")), _tr(),
                                 _tr(_tc(_p(_r("  "))), _tc(_p(_r("HR"))), _tc(""))),
    "a table with no rows": _tbl() + _p(_r("After")),
    "tracked changes": _tbl(_HEAD, _tr(
        _tc(_p(f"<w:ins>{_r('Inserted ')}</w:ins><w:del><w:r><w:delText>gone</w:delText>"
               f"</w:r></w:del>{_r('kept')}<w:moveFrom>{_r('moved')}</w:moveFrom>"
               f"<w:moveTo>{_r(' here')}</w:moveTo>")),
        _tc(_p(_r("CE"))), _tc(_p(_r("2012")))),
        _tr(_tc(_p(_r("deleted row"))), _tc(""), _tc(""), trpr="<w:del/>"),
        f"<w:ins>{_tr(_tc(_p(_r('row inserted'))), _tc(''), _tc(''))}</w:ins>"),
    "content controls": _SDT.format(_p(_r("Heading in a control"), '<w:pStyle w:val="Heading1"/>'))
    + _SDT.format(_tbl(_HEAD, _SDT.format(_tr(
        _SDT.format(_tc(_p(_SDT.format(_r("typed"))))), _tc(_p(_PROMPT.format(_r("Click here")))),
        _tc(_p(_r("2013")))))))
    + _PROMPT.format(_p(_r("Click here to enter text."))),
    "runs in links, smart tags, fields and custom XML": _p(
        f'<w:hyperlink w:anchor="x">{_r("link ")}</w:hyperlink><w:smartTag w:element="place">'
        f"{_r('Leeds')}</w:smartTag><w:fldSimple w:instr=\"PAGE\">{_r(' 3 ')}</w:fldSimple>"
        f"<w:customXml w:element=\"c\">{_r('custom')}</w:customXml><w:r><w:fldChar/>"
        f"<w:instrText>HYPERLINK</w:instrText></w:r>"
        f"<w:hyperlink><w:ins><w:smartTag>{_r('deep')}</w:smartTag></w:ins></w:hyperlink>"),
    "breaks, tabs, hyphens and symbols": _tbl(_HEAD, _tr(_tc(_p(
        '<w:r><w:t>one</w:t><w:br/><w:t>two</w:t><w:br w:type="page"/><w:t>three</w:t>'
        '<w:cr/><w:t>four</w:t><w:br w:type="textWrapping"/><w:tab/><w:t>five</w:t>'
        '<w:noBreakHyphen/><w:t>six</w:t><w:sym w:char="F0B7"/></w:r>')),
        _tc(_p(_r("A\tB"))), _tc(_p(_r("x"))))) + _p('<w:r><w:t>Key</w:t><w:tab/><w:t>Value'
                                                      '</w:t></w:r>')
    + _p("<w:r><w:t>CE</w:t><w:tab/><w:t>Chief Executive</w:t></w:r>"),
    "text where Word never puts it": _p(
        f"<w:r><w:rPr><w:t>in properties</w:t></w:rPr><w:t>run</w:t></w:r>"
        f"<w:r><w:t>outer<w:t>inner</w:t></w:t></w:r><w:r>{_r('run in run')}</w:r>"
        f"<w:r><w:pPr><w:r><w:t>pPr in run</w:t></w:r></w:pPr></w:r><w:t>bare</w:t>",
        '<w:pStyle w:val="Heading2"/>') + _p(_r("late properties") + '<w:pPr><w:pStyle '
                                            'w:val="Title"/></w:pPr>'),
    "rows skipping grid columns": _tbl(_HEAD, _tr(_tc(_p(_r("1.1"))), _tc(_p(_r("CE"))),
                                                  trpr='<w:gridBefore w:val="1"/>')),
    "numbering and bullets": _p(_r("Objective"), '<w:numPr><w:ilvl w:val="0"/><w:numId w:val='
                                '"1"/></w:numPr>')
    + _p(_r("Second"), '<w:numPr><w:ilvl w:val="1"/><w:numId w:val="01"/></w:numPr>')
    + _p(_r("Listed"), '<w:pStyle w:val="ListNumber"/>')
    + _p(_r("None"), '<w:numPr><w:numId w:val="0"/></w:numPr>')
    + _tbl(_HEAD, _tr(_tc(_p(_r("Act")) + _p(_r("• typed bullet")) + _p(_r("- dash item"))
                          + _p(_r("styled bullet"), '<w:pStyle w:val="ListBullet"/>')
                          + _p(_r("numbered"), '<w:numPr><w:numId w:val="3"/></w:numPr>')),
                      _tc(_p(_r("CE"))), _tc(_p(_r("2012"))))),
    "headings": _p(_r("Plan"), '<w:pStyle w:val="Title"/>')
    + _p(_r("Section"), '<w:pStyle w:val="Heading1"/>')
    + _p(_r("Outlined"), '<w:outlineLvl w:val="2"/>')
    + _p(_r("Body level"), '<w:pStyle w:val="Heading2"/><w:outlineLvl w:val="9"/>')
    + _p(_r("Bad level"), '<w:outlineLvl w:val="x"/>')
    + _p(_r("Bold", "<w:b/>") + _r(" all", '<w:b w:val="1"/>'))
    + _p(_r("Not bold", '<w:b w:val="0"/>')),
    "text boxes": _p(_r("Anchor") + _BOX.format(_p(_r("In the box")) + _tbl(_HEAD, _tr(
        _tc(_p(_r("1.1 Boxed action"))), _tc(_p(_r("CE"))), _tc(_p(_r("2012")))))))
    + _tbl(_HEAD, _tr(_tc(_p(_r("cell") + _BOX.format(_p(_r("box in cell"))))), _tc(""),
                      _tc("")))
    + _p('<w:r><w:pict><v:shape><v:textbox><w:txbxContent>'
         f'{_p(_r("VML only"))}</w:txbxContent></v:textbox></v:shape></w:pict></w:r>'),
    "header rows and layout tables": _tbl(
        _tr(_tc(_p(_r("Plan title")), '<w:gridSpan w:val="3"/>'), trpr="<w:tblHeader/>"),
        _tr(_tc(_p(_r("Action"))), _tc(_p(_r("Lead"))), _tc(_p(_r("Date"))),
            trpr='<w:tblHeader w:val="1"/>'),
        _tr(_tc(_p(_r("Do"))), _tc(_p(_r("CE"))), _tc(_p(_r("2012")))))
    + _tbl(_tr(_tc(_p(_r("Layout")) + _tbl(_HEAD, _tr(_tc(_p(_r("Inner"))), _tc(""),
                                                        _tc(""))))),
           _tr(_tc(_p(_r("second"))))),
    "comments and processing instructions": _p("<!-- c --><w:r><!-- d --><w:t>t</w:t><?pi x?>"
                                               "</w:r>"),
}


@pytest.mark.parametrize("name", HOSTILE)
def test_hostile_documents_read_the_same(name):
    agree(package(HOSTILE[name]))


REFUSED = {
    "a span that is no number": _tbl(_tr(_tc(_p(_r("a")), '<w:gridSpan w:val="two"/>'))),
    "a span without a value": _tbl(_tr(_tc(_p(_r("a")), "<w:gridSpan/>"))),
    "a list without a number": _p(_r("a"), "<w:numPr><w:numId/></w:numPr>"),
    "a style without a name": _p(_r("a"), "<w:pStyle/>"),
    "a level that is no number": _p(_r("a"), '<w:numPr><w:ilvl w:val="z"/><w:numId w:val="1"/>'
                                    '</w:numPr>'),
    "rows skipping no number": _tbl(_tr(_tc(_p(_r("a"))), trpr='<w:gridBefore w:val="q"/>')),
}


@pytest.mark.parametrize("name", REFUSED)
def test_what_the_reference_refuses_the_fast_reader_refuses(name):
    data = package(REFUSED[name])
    with pytest.raises(Exception):  # noqa: B017, PT011 - whichever python-docx raises
        read_docx_reference(data)
    agree(data)


def _styles(edit) -> bytes:
    with zipfile.ZipFile(TEMPLATE) as source:
        return edit(source.read("word/styles.xml").decode()).encode()


def test_packages_read_differently_are_left_to_python_docx():
    body = _p(_r("Heading"), '<w:pStyle w:val="Heading1"/>') + _tbl(_HEAD)
    rels = zipfile.ZipFile(TEMPLATE).read("word/_rels/document.xml.rels").decode()
    no_styles = re.sub(r'<Relationship [^>]*/styles"[^>]*/>', "", rels)
    # python-docx gives a document without styles its own default styles
    agree(package(body, {"word/_rels/document.xml.rels": no_styles.encode()}), fast=False)
    # a style without a type: python-docx fails on it
    agree(package(body, {"word/styles.xml": _styles(
        lambda xml: xml.replace('w:type="paragraph" w:default="1"', 'w:default="1"', 1))}))
    # malformed XML in a part the reader does not read: python-docx fails on it
    agree(package(body, {"word/settings.xml": b"<w:settings"}))
    # no numbering part: no numbers drawn
    agree(package(_p(_r("x"), '<w:numPr><w:numId w:val="1"/></w:numPr>') + body,
                  {"word/numbering.xml": None}))


def _random_inline(rng: random.Random, depth: int) -> str:
    kind = rng.random()
    if depth > 2 or kind < 0.55:
        pieces = rng.choices(["<w:t>{}</w:t>", '<w:t xml:space="preserve"> {} </w:t>', "<w:tab/>",
                              "<w:br/>", '<w:br w:type="page"/>', "<w:cr/>",
                              "<w:noBreakHyphen/>", "<w:rPr><w:b/></w:rPr>",
                              "<w:rPr><w:t>hidden</w:t></w:rPr>",
                              "<w:instrText>PAGE</w:instrText>"],
                             weights=[20, 6, 3, 3, 1, 1, 1, 4, 1, 1], k=rng.randint(1, 4))
        words = ["Review", "policy", "•", "-", "1.1", "CE", "", "March 2012", "a\tb"]
        return "<w:r>" + "".join(p.format(rng.choice(words)) for p in pieces) + "</w:r>"
    wrapper = rng.choice(["w:ins", "w:del", "w:moveFrom", "w:moveTo", "w:hyperlink", "w:smartTag",
                          "w:customXml", "w:fldSimple", "sdt", "prompt"])
    inner = "".join(_random_inline(rng, depth + 1) for _ in range(rng.randint(1, 3)))
    if wrapper == "sdt":
        return _SDT.format(inner)
    if wrapper == "prompt":
        return _PROMPT.format(inner)
    return f"<{wrapper}>{inner}</{wrapper}>"


def _random_paragraph(rng: random.Random) -> str:
    ppr = "".join(rng.sample(['<w:pStyle w:val="Heading1"/>', '<w:pStyle w:val="ListBullet"/>',
                              '<w:pStyle w:val="ListNumber"/>', '<w:outlineLvl w:val="1"/>',
                              '<w:numPr><w:numId w:val="2"/></w:numPr>'], rng.randint(0, 2)))
    inner = "".join(_random_inline(rng, 0) for _ in range(rng.randint(0, 4)))
    return _p(inner, ppr)


def _random_block(rng: random.Random, depth: int) -> str:
    if depth > 1 or rng.random() < 0.6:
        block = _random_paragraph(rng)
    else:
        rows = []
        for _ in range(rng.randint(0, 4)):
            cells = []
            for _ in range(rng.randint(1, 4)):
                tcpr = rng.choice(["", '<w:gridSpan w:val="2"/>', '<w:vMerge w:val="restart"/>',
                                   "<w:vMerge/>"])
                content = "".join(_random_block(rng, depth + 1) for _ in range(rng.randint(0, 3)))
                cell = _tc(content, tcpr)
                cells.append(_SDT.format(cell) if rng.random() < 0.1 else cell)
            trpr = rng.choice(["", "", "<w:tblHeader/>", "<w:del/>", '<w:gridBefore w:val="1"/>'])
            rows.append(_tr(*cells, trpr=trpr))
        block = _tbl(*rows)
    return rng.choice([block] * 8 + [_SDT.format(block), f"<w:ins>{block}</w:ins>"])


@pytest.mark.parametrize("seed", range(60))
def test_generated_documents_read_the_same(seed):
    rng = random.Random(seed)
    agree(package("".join(_random_block(rng, 0) for _ in range(rng.randint(1, 8)))))
