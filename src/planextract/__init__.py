"""planextract: messy action-plan exports in, one canonical Parquet dataset out.

Data flows readers (``extract``) -> intermediate tables (``extract.model``) ->
normaliser (``normalise``) -> schema (``schema``) -> dataset (``pipeline``), and
imports flow the same way.
"""

__version__ = "0.1.0"
