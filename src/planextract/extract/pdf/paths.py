"""A page's path objects, as page.py's rule finder asks about them: their
bounds, how they are drawn, their fill colour, their matrix and segments.

Two sources answer the same questions with the same pdfium calls, in the
same order: ``pdfium_paths`` through pypdfium2's helpers (the reference),
``cffi_paths`` through cffi (pdfium_cffi.py), without a helper object and a
ctypes conversion per object. Objects come in the order of pypdfium2's
``PdfPage.get_objects``: depth first into Form XObjects, to ``max_depth``
levels, with its errors where pdfium fails.
"""

from __future__ import annotations

import ctypes
from collections.abc import Iterator
from itertools import repeat
from typing import Any

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from planextract.extract.pdf.pdfium_cffi import FFI, LIB, handle

_PATH, _FORM, _UNKNOWN = (pdfium_c.FPDF_PAGEOBJ_PATH, pdfium_c.FPDF_PAGEOBJ_FORM,
                          pdfium_c.FPDF_PAGEOBJ_UNKNOWN)
Segment = tuple[int, float, float, bool]  # kind, x, y (user space), closes the figure


class PdfiumPath:
    """A path through pypdfium2 (the reference). ``state`` holds the values
    pdfium writes into, shared by a page's paths as the reference shares them."""

    def __init__(self, obj: Any, state: dict) -> None:
        self.obj, self.state = obj, state

    def bounds(self) -> tuple[float, float, float, float]:
        return self.obj.get_bounds()

    def draw_mode(self) -> tuple[int, int]:
        fill, stroke = self.state["fill"], self.state["stroke"]
        pdfium_c.FPDFPath_GetDrawMode(self.obj.raw, fill, stroke)
        return fill.value, stroke.value

    def fill_colour(self) -> tuple[int, int, int, int] | None:
        r, g, b, a = (ctypes.c_uint() for _ in range(4))
        if not pdfium_c.FPDFPageObj_GetFillColor(self.obj.raw, r, g, b, a):
            return None
        return r.value, g.value, b.value, a.value

    def matrix(self) -> tuple[float, ...]:
        return self.obj.get_matrix().get()

    def segments(self) -> list[Segment]:
        raw, px, py = self.obj.raw, self.state["px"], self.state["py"]
        out: list[Segment] = []
        for index in range(pdfium_c.FPDFPath_CountSegments(raw)):
            segment = pdfium_c.FPDFPath_GetPathSegment(raw, index)
            pdfium_c.FPDFPathSegment_GetPoint(segment, px, py)
            out.append((pdfium_c.FPDFPathSegment_GetType(segment), px.value, py.value,
                        bool(pdfium_c.FPDFPathSegment_GetClose(segment))))
        return out


def pdfium_paths(page: pdfium.PdfPage, max_depth: int) -> Iterator[PdfiumPath]:
    state = {"fill": ctypes.c_int(), "stroke": ctypes.c_int(), "px": ctypes.c_float(),
             "py": ctypes.c_float()}
    for obj in page.get_objects(filter=(pdfium_c.FPDF_PAGEOBJ_PATH,), max_depth=max_depth):
        yield PdfiumPath(obj, state)


class _Buffers:
    """What pdfium writes into, made once a page."""

    def __init__(self) -> None:
        self.bounds = FFI.new("float[4]")
        self.mode = FFI.new("int[2]")
        self.point = FFI.new("float[2]")
        self.colour = FFI.new("unsigned int[4]")
        self.matrix = FFI.new("FS_MATRIX*")


class CffiPath:
    """The same questions through cffi."""

    def __init__(self, obj: Any, buffers: _Buffers) -> None:
        self.obj, self.buffers = obj, buffers

    def bounds(self) -> tuple[float, float, float, float]:
        box = self.buffers.bounds
        if not LIB.FPDFPageObj_GetBounds(self.obj, box, box + 1, box + 2, box + 3):
            raise pdfium.PdfiumError("Failed to locate pageobject.")
        return box[0], box[1], box[2], box[3]

    def draw_mode(self) -> tuple[int, int]:
        mode = self.buffers.mode
        LIB.FPDFPath_GetDrawMode(self.obj, mode, mode + 1)
        return mode[0], mode[1]

    def fill_colour(self) -> tuple[int, int, int, int] | None:
        c = self.buffers.colour
        c[0] = c[1] = c[2] = c[3] = 0  # fresh values each call, as the reference's
        if not LIB.FPDFPageObj_GetFillColor(self.obj, c, c + 1, c + 2, c + 3):
            return None
        return c[0], c[1], c[2], c[3]

    def matrix(self) -> tuple[float, ...]:
        m = self.buffers.matrix
        if not LIB.FPDFPageObj_GetMatrix(self.obj, m):
            raise pdfium.PdfiumError("Failed to get matrix of pageobject.")
        return m.a, m.b, m.c, m.d, m.e, m.f

    def segments(self) -> list[Segment]:
        obj, point = self.obj, self.buffers.point
        y = point + 1
        out: list[Segment] = []
        for index in range(LIB.FPDFPath_CountSegments(obj)):
            segment = LIB.FPDFPath_GetPathSegment(obj, index)
            LIB.FPDFPathSegment_GetPoint(segment, point, y)
            out.append((LIB.FPDFPathSegment_GetType(segment), point[0], point[1],
                        bool(LIB.FPDFPathSegment_GetClose(segment))))
        return out


def cffi_paths(page: pdfium.PdfPage, max_depth: int) -> Iterator[CffiPath]:
    buffers = _Buffers()
    for obj in _walk(handle(page.raw), None, 0, max_depth):
        yield CffiPath(obj, buffers)


def _walk(page: Any, form: Any, level: int, max_depth: int) -> Iterator[Any]:
    """Path objects in get_objects' order, raising where it raises. The
    objects and their types are asked for through ``map`` (pdfium answers
    NULL with no type, checked in order below)."""
    count = (LIB.FPDFPage_CountObjects(page) if form is None
             else LIB.FPDFFormObj_CountObjects(form))
    if count < 0:
        raise pdfium.PdfiumError("Failed to get number of pageobjects.")
    objects = (list(map(LIB.FPDFPage_GetObject, repeat(page, count), range(count)))
               if form is None else
               list(map(LIB.FPDFFormObj_GetObject, repeat(form, count), range(count))))
    for obj, kind in zip(objects, map(LIB.FPDFPageObj_GetType, objects)):
        if kind == _PATH:
            yield obj
        elif kind == _FORM:
            if level < max_depth - 1:
                yield from _walk(page, obj, level + 1, max_depth)
        elif kind == _UNKNOWN:
            if obj == FFI.NULL:
                raise pdfium.PdfiumError("Failed to get pageobject.")
            raise pdfium.PdfiumError("Failed to determine pageobject type, did you pass in a "
                                     "valid FPDF_PAGEOBJECT handle?")
