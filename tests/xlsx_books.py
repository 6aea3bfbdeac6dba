"""Small Excel workbooks for the tests, written with XlsxWriter (or openpyxl, which
saves formulas without their values) from the values a plan prints."""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Callable

import xlsxwriter

from planextract.extract import read_document
from planextract.normalise.document import NormalisedDocument, normalise


def book(build: Callable, **options) -> bytes:
    """The bytes of a workbook ``build(workbook)`` fills."""
    out = io.BytesIO()
    workbook = xlsxwriter.Workbook(out, {"in_memory": True, **options})
    build(workbook)
    workbook.close()
    return out.getvalue()


def read(data: bytes) -> NormalisedDocument:
    return normalise(read_document(data))


def rows(doc: NormalisedDocument, *keys: str) -> list[tuple]:
    """The actions' ``keys``, dates as ISO text."""
    return [tuple(a[k].isoformat() if isinstance(a[k], dt.date) else a[k] for k in keys)
            for a in doc.actions]


def day(year: int, month: int, date: int) -> dt.datetime:
    return dt.datetime(year, month, date)
