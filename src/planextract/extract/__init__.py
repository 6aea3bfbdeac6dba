"""Readers: each turns one input file into the shared intermediate form."""

from planextract.extract.errors import ReaderError
from planextract.extract.model import Block, Cell, Paragraph, RawDocument, Row, Table
from planextract.extract.registry import read_document

__all__ = ["Block", "Cell", "Paragraph", "RawDocument", "ReaderError", "Row", "Table",
           "read_document"]
