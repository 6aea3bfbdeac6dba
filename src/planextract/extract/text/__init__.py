"""Readers of text exports: decoding, TAB-separated rows, one cell per line."""
