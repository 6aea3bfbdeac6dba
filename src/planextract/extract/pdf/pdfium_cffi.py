"""The pdfium functions the page reader calls per character and per path, bound
with cffi's ABI mode on the very library pypdfium2 has loaded.

A call through pypdfium2's ctypes bindings costs about a microsecond; through
cffi about a quarter of that, and cffi functions can be handed to ``map`` so
the per-character loop runs without Python bytecode. ABI mode needs no
compiler: ``dlopen`` on the loaded library returns the same handle, so
documents and pages opened by pypdfium2 are used as they are. The binding is
optional: without cffi (or the library's path) ``LIB`` is None and the page
reader keeps to pypdfium2's own calls.
"""

from __future__ import annotations

import ctypes
from typing import Any

# the signatures of pypdfium2_raw/bindings.py (pdfium's public fpdf_text.h,
# fpdf_edit.h), with handles as opaque pointers
_CDEF = """
typedef struct { float left; float top; float right; float bottom; } FS_RECTF;
int FPDFText_CountChars(void* text_page);
int FPDFText_GetText(void* text_page, int start_index, int count, unsigned short* result);
unsigned int FPDFText_GetUnicode(void* text_page, int index);
double FPDFText_GetFontSize(void* text_page, int index);
int FPDFText_GetLooseCharBox(void* text_page, int index, FS_RECTF* rect);
int FPDFText_GetCharOrigin(void* text_page, int index, double* x, double* y);
uintptr_t FPDFText_GetTextObject(void* text_page, int index);
uintptr_t FPDFTextObj_GetFont(uintptr_t text);
typedef struct { float a; float b; float c; float d; float e; float f; } FS_MATRIX;
int FPDFPage_CountObjects(void* page);
void* FPDFPage_GetObject(void* page, int index);
int FPDFFormObj_CountObjects(void* form);
void* FPDFFormObj_GetObject(void* form, unsigned long index);
int FPDFPageObj_GetType(void* obj);
int FPDFPageObj_GetBounds(void* obj, float* left, float* bottom, float* right, float* top);
int FPDFPageObj_GetMatrix(void* obj, FS_MATRIX* matrix);
int FPDFPageObj_GetFillColor(void* obj, unsigned int* r, unsigned int* g, unsigned int* b,
                             unsigned int* a);
int FPDFPath_GetDrawMode(void* path, int* fillmode, int* stroke);
int FPDFPath_CountSegments(void* path);
void* FPDFPath_GetPathSegment(void* path, int index);
int FPDFPathSegment_GetPoint(void* segment, float* x, float* y);
int FPDFPathSegment_GetType(void* segment);
int FPDFPathSegment_GetClose(void* segment);
"""
# the text object and font handles come and go as their addresses (a pointer
# is passed as an integer of its width on every platform pypdfium2 ships
# for): dict keys as they are, where pointers would first be cast


def _library_path() -> str | None:
    """Where the libpdfium pypdfium2 loaded lives (pypdfium2 may be built
    against a system pdfium, so its own loader is asked, not a guess)."""
    try:
        from pypdfium2_raw import bindings
    except ImportError:
        return None
    library = getattr(bindings, "_libs", {}).get("pdfium")
    return getattr(library, "_name", None)


def _bind() -> tuple[Any, Any]:
    try:
        import cffi
    except ImportError:
        return None, None
    path = _library_path()
    if not path:
        return None, None
    ffi = cffi.FFI()
    ffi.cdef(_CDEF)
    try:
        return ffi, ffi.dlopen(path)
    except OSError:
        return None, None


FFI, LIB = _bind()

# the C types the page reader makes buffers of, parsed now: cffi parses a type
# string (with pycparser) the first time it meets it, about 10 ms for these,
# which would otherwise fall on the first page read
C_TYPES = ("FS_RECTF[]", "double[]", "unsigned short[]", "float[4]", "int[2]", "float[2]",
           "unsigned int[4]", "FS_MATRIX*", "void*")
if FFI is not None:
    for _type in C_TYPES:
        FFI.typeof(_type)


def handle(raw: Any) -> Any:
    """A pypdfium2 (ctypes) handle as a cffi ``void*`` to the same object."""
    return FFI.cast("void*", ctypes.cast(raw, ctypes.c_void_p).value or 0)
