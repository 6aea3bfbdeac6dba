"""Pipeline: files in, dataset out; the CLI and batch runs."""
