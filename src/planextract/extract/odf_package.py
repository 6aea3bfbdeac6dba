"""An OpenDocument text (``.odt``, or the flat XML ``.fodt``) told by its content and
checked before its XML is parsed.

A package is a zip whose ``mimetype`` part says
``application/vnd.oasis.opendocument.text``; ODF stores that part first and
uncompressed, so a package cut short (no zip directory) still names itself in its
first local header. A flat ``.fodt`` is one XML document, ``<office:document>``
with ``office:mimetype`` saying the same. The file name is never asked.

The checks follow the Word and Excel ones (``guards``): the package's declared
sizes within the zip limits, every XML part read once (bad CRC, broken deflate,
a DOCTYPE or entity, which LibreOffice never writes), an encrypted package (its
manifest's ``manifest:encryption-data``) and a package without ``content.xml``
refused with what to do. The XML is parsed with entities, the network and DTDs
off.
"""

from __future__ import annotations

import zipfile
import zlib
from dataclasses import dataclass
from io import BytesIO

from planextract.extract import guards
from planextract.extract.errors import LimitError, ReaderError
from planextract.settings import Limits

MIMETYPE = b"application/vnd.oasis.opendocument.text"
OFFICE = "{urn:oasis:names:tc:opendocument:xmlns:office:1.0}"
_RESAVE = "open it in LibreOffice Writer and save it again as .odt (or as .docx)"
_FLAT_HEAD = 4096  # bytes of a flat file its root element and mimetype are looked for in
_CHUNK = 1 << 20


def is_odt(data: bytes) -> bool:
    """A zip whose ``mimetype`` part is an OpenDocument text's: by the zip's
    directory, or, cut short, by its first local header (ODF writes it first)."""
    if not data.startswith(b"PK\x03\x04"):
        return False
    try:
        with zipfile.ZipFile(BytesIO(data)) as archive:
            if "mimetype" not in archive.namelist():
                return False
            return archive.open("mimetype").read(200).strip() == MIMETYPE
    except (zipfile.BadZipFile, zlib.error, EOFError, ValueError, NotImplementedError,
            RuntimeError, OSError):
        return data[30:38] == b"mimetype" and data[38:38 + len(MIMETYPE)] == MIMETYPE


def is_flat_odt(data: bytes) -> bool:
    """A flat OpenDocument text: its root ``office:document`` saying the text mimetype."""
    head = data[:_FLAT_HEAD].lstrip(b"\xef\xbb\xbf \t\r\n")
    return (head.startswith(b"<") and b"<office:document" in head
            and b'office:mimetype="' + MIMETYPE + b'"' in head)


@dataclass(frozen=True)
class OdfParts:
    """The parsed ``content.xml`` root and ``styles.xml`` root (None without one);
    a flat file is both."""

    content: object
    styles: object | None


def check_odt(data: bytes, limits: Limits) -> None:
    """An .odt (or .fodt) within the limits, or a ReaderError saying what to do."""
    if not data.startswith(b"PK"):
        if len(data) > limits.max_docx_xml_bytes:
            raise LimitError(f"a flat OpenDocument text (.fodt) of {len(data) / (1 << 20):,.1f}"
                             f" MB of XML, more than the limit of "
                             f"{limits.max_docx_xml_bytes / (1 << 20):,.1f} MB "
                             "(--max-docx-xml-mb): far more than a plan")
        _no_entities(data, "the flat OpenDocument text (.fodt)")
        return
    try:
        with zipfile.ZipFile(BytesIO(data)) as archive:
            infos = archive.infolist()
            names = {i.filename for i in infos}
            guards._sizes(infos, limits, ".odt")
            if "META-INF/manifest.xml" in names:
                with archive.open("META-INF/manifest.xml") as part:
                    manifest = part.read(limits.max_docx_xml_bytes)
                if b"encryption-data" in manifest:
                    raise ReaderError("a password-protected OpenDocument text (.odt): it is "
                                      "encrypted; open it in LibreOffice Writer with its "
                                      "password and save an unprotected copy (File > Properties"
                                      " or Save As without a password), then try again")
            if "content.xml" not in names:
                raise ReaderError("an OpenDocument text (.odt) missing its main part "
                                  f"(content.xml): it is damaged; {_RESAVE}")
            for info in infos:
                if info.filename.endswith(".xml"):
                    _scan(archive, info)
    except (zipfile.BadZipFile, zlib.error, EOFError, ValueError) as err:
        raise ReaderError(f"an OpenDocument text (.odt) that is damaged or cut short ({err}); "
                          f"{_RESAVE}") from None
    except (NotImplementedError, RuntimeError) as err:  # unknown compression, encrypted entry
        raise ReaderError(f"an OpenDocument text (.odt) this program cannot unpack ({err}); "
                          f"{_RESAVE}") from None


def _scan(archive: zipfile.ZipFile, info: zipfile.ZipInfo) -> None:
    """One XML part read through (bounded by its declared size): damage shows here."""
    tail = b""
    with archive.open(info) as part:
        while chunk := part.read(_CHUNK):
            _no_entities(tail + chunk, f"the .odt part {info.filename}")
            tail = chunk[-16:]


def _no_entities(xml: bytes, what: str) -> None:
    if b"<!DOCTYPE" in xml or b"<!ENTITY" in xml:
        raise ReaderError(f"{what} declares a DOCTYPE or entities, which LibreOffice never "
                          "writes (an entity bomb or external-entity attack): refused as "
                          f"unsafe; {_RESAVE}")


def _parse(xml: bytes, what: str):
    from lxml import etree  # installed with python-docx

    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False,
                             huge_tree=False)
    try:
        return etree.fromstring(xml, parser)
    except etree.XMLSyntaxError as err:
        raise ReaderError(f"{what} holds malformed XML ({err}): it is damaged or was not "
                          f"written by LibreOffice or Word; {_RESAVE}") from None


def open_parts(data: bytes) -> OdfParts:
    """The parsed parts of an .odt or .fodt checked by ``check_odt``."""
    if not data.startswith(b"PK"):
        root = _parse(data, "the flat OpenDocument text (.fodt)")
        if root.tag != f"{OFFICE}document":
            raise ReaderError("the flat OpenDocument text's root is not <office:document>: "
                              f"it is damaged; {_RESAVE}")
        return OdfParts(content=root, styles=None)
    try:
        with zipfile.ZipFile(BytesIO(data)) as archive:
            content = _parse(archive.read("content.xml"), "the .odt part content.xml")
            styles = None
            if "styles.xml" in archive.namelist():
                styles = _parse(archive.read("styles.xml"), "the .odt part styles.xml")
    except (zipfile.BadZipFile, zlib.error, EOFError, KeyError) as err:
        raise ReaderError(f"an OpenDocument text (.odt) that is damaged ({err}); "
                          f"{_RESAVE}") from None
    if content.tag != f"{OFFICE}document-content":
        raise ReaderError("the .odt part content.xml is not an OpenDocument content part "
                          f"(<{content.tag}>): it is damaged; {_RESAVE}")
    return OdfParts(content=content, styles=styles)
