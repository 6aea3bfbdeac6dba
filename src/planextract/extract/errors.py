"""Errors a reader raises; each message tells a person what to do about the file."""


class ReaderError(Exception):
    """The file could not be read as a plan. ``status`` is ``failed`` or ``empty``."""

    def __init__(self, message: str, status: str = "failed") -> None:
        super().__init__(message)
        self.status = status


class LimitError(ReaderError):
    """The file is over one of the stated limits (``settings.Limits``); the
    message names the limit and the CLI option that raises it."""
