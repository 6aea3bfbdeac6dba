"""The role vocabulary now lives in ``lexicon.role_vocab`` (the PDF reader reads
post names with it too). Kept so callers outside ``normalise`` that still import
it from here (``pipeline.child``, ``pipeline.options``) keep working; new code
imports ``planextract.lexicon.role_vocab``."""

from planextract.lexicon.role_vocab import RolesFileError, load

__all__ = ["RolesFileError", "load"]
