"""pdfium's cffi declarations are parsed once and kept as cffi's out-of-line ABI
module (pdf/pdfium_cffi.py): the kept module declares the same types, and an
install where it cannot be written parses as before."""

import pytest

from planextract.extract.pdf import pdfium_cffi

cffi = pytest.importorskip("cffi")


def _reference():
    ffi = cffi.FFI()
    ffi.cdef(pdfium_cffi._CDEF)
    return ffi


def test_the_kept_declarations_match_a_fresh_parse():
    kept, fresh = pdfium_cffi._parsed_ffi(), _reference()
    for name in pdfium_cffi.C_TYPES:
        assert kept.typeof(name).cname == fresh.typeof(name).cname, name
    for name in ["FS_RECTF", "FS_MATRIX", "uintptr_t"]:
        assert kept.sizeof(name) == fresh.sizeof(name), name
    assert [f[0] for f in kept.typeof("FS_MATRIX").fields] == list("abcdef")
    rect = kept.new("FS_RECTF*", {"left": 1.5, "bottom": -2})
    assert (rect.left, rect.bottom) == (1.5, -2)


def test_a_read_only_install_parses_as_before(monkeypatch):
    def refuse(*_args):
        raise PermissionError("read-only")

    # declarations not kept yet (a new key), and no file may be written
    monkeypatch.setattr(pdfium_cffi, "_CDEF", pdfium_cffi._CDEF + "\n// changed\n")
    monkeypatch.setattr(pdfium_cffi.os, "replace", refuse)
    ffi = pdfium_cffi._parsed_ffi()
    assert ffi.sizeof("FS_RECTF") == 16
    folder = pdfium_cffi.Path(pdfium_cffi.__file__).parent / "__pycache__"
    assert list(folder.glob("*.tmp")) == []  # nothing half-written left behind
