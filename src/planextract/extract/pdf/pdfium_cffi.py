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
import hashlib
import importlib.util
import os
import tempfile
from pathlib import Path
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


def _parsed_ffi() -> Any:
    """An FFI holding ``_CDEF``, parsed once: cffi's out-of-line ABI mode writes the
    declarations, parsed, as a small Python module (no compiler), kept beside this
    one under a name keyed on the declarations and cffi's version, written whole or
    not at all; loading it takes ~1 ms where ``cdef`` imports pycparser and parses
    (~35 ms of every fork server's start). A read-only install parses as before."""
    import _cffi_backend

    key = hashlib.sha256(f"{_CDEF}{_cffi_backend.__version__}".encode()).hexdigest()[:16]
    name = f"pdfium_ffi_{key}"
    cached = Path(__file__).parent / "__pycache__" / f"{name}.py"
    if not cached.exists():
        import cffi

        builder = cffi.FFI()
        builder.cdef(_CDEF)
        builder.set_source(name, None)
        try:
            cached.parent.mkdir(exist_ok=True)
            fd, scratch = tempfile.mkstemp(dir=cached.parent, suffix=".tmp")
            os.close(fd)
        except OSError:
            return builder
        try:
            builder.emit_python_code(scratch)
            os.chmod(scratch, 0o644)
            os.replace(scratch, cached)
        except OSError:
            os.unlink(scratch)
            return builder
    spec = importlib.util.spec_from_file_location(name, cached)
    module = importlib.util.module_from_spec(spec)  # type: ignore[arg-type]
    spec.loader.exec_module(module)  # type: ignore[union-attr]
    return module.ffi


def _bind() -> tuple[Any, Any]:
    try:
        import _cffi_backend  # noqa: F401
    except ImportError:
        return None, None
    path = _library_path()
    if not path:
        return None, None
    ffi = _parsed_ffi()
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
