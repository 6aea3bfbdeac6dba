"""``planextract export``, in the form the CLI's command registry takes
(``add_parser(subparsers)`` and ``run(args)``)."""

from planextract.report.cli import add_export_parser as add_parser
from planextract.report.cli import run_export as run

__all__ = ["add_parser", "run"]
