"""planextract: turn exports of public-sector action plans into one dataset.

Each command lives in its own module exposing ``add_parser(subparsers)`` (returns
its parser) and ``run(args) -> int``; a new command is one more entry in COMMANDS,
``"package.module"`` or, for other function names, ``"package.module:add_fn:run_fn"``.
"""

from __future__ import annotations

import argparse
import importlib
import os
import signal
import sys

# Nothing heavy is imported at module level: worker processes import the console
# script's module (multiprocessing re-imports __main__), and must start in a few ms.
COMMANDS = [
    "planextract.pipeline.cmd_extract",
    "planextract.pipeline.cmd_ingest",
    "planextract.report.cmd_report",
    "planextract.report.cmd_export",
]

DESCRIPTION = """\
Turns messy exports of public-sector action plans (equality schemes, delivery plans)
into one dataset of Delta Lake tables (actions, documents, glossary, roles) that plain
Parquet readers read too.

formats (detected from the content, never the name):
  PDF, Word .docx, Excel .xlsx/.xlsm workbooks, web pages (HTML), CSV, Word text
  exports (TAB-separated rows, one cell per line), markdown exports (pipe, grid
  and pandoc tables, HTML cells)"""

EPILOG = """\
exit status:
  0  every document was read
  1  some documents failed (the rest is written; see the summary and DIR/quarantine/)
  2  usage or dataset error (missing input, dataset locked or not writable): nothing read

examples:
  planextract ingest uploads/ --dataset plans/        nightly: add what is new
  planextract extract samples/ --out out/             one shot: rebuild out/ from samples/
  planextract ingest uploads/ --dataset plans/ --engine dask --scheduler tcp://host:8786"""


def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version  # only for --version

    try:
        return version("planextract")
    except PackageNotFoundError:
        return "unknown"


class _Version(argparse.Action):
    """``--version``, looked up only when asked: importlib.metadata costs more
    than the rest of the start-up of a run."""

    def __init__(self, option_strings: list[str], dest: str = argparse.SUPPRESS,
                 default: str = argparse.SUPPRESS, help: str | None = None) -> None:
        super().__init__(option_strings, dest=dest, default=default, nargs=0,
                         help=help or "show program's version number and exit")

    def __call__(self, parser, namespace, values, option_string=None) -> None:
        print(f"planextract {_version()}")  # on stdout, as argparse's own action
        parser.exit()


def build_parser() -> tuple[argparse.ArgumentParser, dict]:
    parser = argparse.ArgumentParser(prog="planextract", description=DESCRIPTION,
                                     epilog=EPILOG,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--version", action=_Version)
    subparsers = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    runners = {}
    for name in COMMANDS:
        module = importlib.import_module(name)
        sub = module.add_parser(subparsers)
        sub.epilog = sub.epilog or EPILOG
        sub.formatter_class = argparse.RawDescriptionHelpFormatter
        runners[sub.prog.split()[-1]] = module.run
    return parser, runners


def _fail(message: str, code: int = 2) -> int:
    try:
        print(f"planextract: error: {message}", file=sys.stderr)
    except (BrokenPipeError, OSError):
        pass
    return code


def _interrupt(_signum: int, _frame: object) -> None:
    raise KeyboardInterrupt


def _stop_on_sigterm() -> object:
    """SIGTERM (a service stop) ends a run as Ctrl-C does: what was read is committed.
    Returns the handler it replaced."""
    try:
        return signal.signal(signal.SIGTERM, _interrupt)
    except ValueError:  # not the main thread (an embedding program): leave it be
        return None


def main(argv: list[str] | None = None) -> int:
    from planextract.pipeline.blas_threads import single_blas_thread
    from planextract.pipeline.forkctx import start_early

    single_blas_thread()  # before the fork server starts: it imports numpy
    start_early(sys.argv[1:] if argv is None else argv)  # warms up while we import
    from planextract.pipeline.lean import (
        lean_argv,
        lean_command,
        without,
        without_pandas,
        without_pickler,
    )

    if argv is None and lean_argv(sys.argv[1:]):
        # run as the program: pyarrow, imported next, finds no numpy (nor pandas, nor
        # cloudpickle)
        without("numpy")
        without_pandas()
        without_pickler()
    from planextract.pipeline.lock import LockBusy
    from planextract.pipeline.run import UsageError
    from planextract.schema.delta import DatasetError

    parser, runners = build_parser()
    args = parser.parse_args(argv)
    program = argv is None and lean_command(args.command, args)
    if program:
        # run as the program (not called from Python, which may want pandas later)
        from planextract.pipeline.arrow_pool import use_system_pool

        without_pandas()
        use_system_pool()
        _leave_imports_alone()
    previous = _stop_on_sigterm()
    try:
        return runners[args.command](args)
    except (UsageError, DatasetError, LockBusy) as err:
        return _fail(str(err))
    except KeyboardInterrupt:
        return _fail("interrupted: every document committed before is kept; run again to "
                     "finish", 130)
    except BrokenPipeError:
        # the reader of our output went away: say nothing more on it
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return _fail("output closed early (broken pipe); the dataset is complete")
    except OSError as err:
        return _fail(f"{err.filename + ': ' if err.filename else ''}{err.strerror or err}")
    except Exception as err:  # noqa: BLE001 - a traceback is never the interface
        if os.environ.get("PLANEXTRACT_DEBUG"):
            raise
        first = str(err).strip().splitlines()[0] if str(err).strip() else ""
        return _fail(f"{type(err).__name__}: {first} (set PLANEXTRACT_DEBUG=1 for details; "
                     "please report it)")
    finally:
        if previous is not None:
            signal.signal(signal.SIGTERM, previous)
        if program:
            _leave_to_exit()


def _leave_imports_alone() -> None:
    """Run as the program, the objects its imports made (pyarrow's, deltalake's, the
    pipeline's: they live until the exit) are kept out of the collector's passes
    from before the run (``gc.freeze``), as a worker does with what it inherits:
    the collection as the command returns (``_leave_to_exit``) then walks only what
    the run made, 7.5-8 ms -> 0.1 ms at the end of an ingest, after its last
    document (issue 8: both runs of the bench pay it). A cycle the run makes is
    still freed."""
    import gc

    gc.freeze()


def _leave_to_exit() -> None:
    """The program ends once its command is done: what is garbage now is collected
    (a finaliser still runs), and what is left lives until the exit, so it is kept
    out of the collector's passes (``gc.freeze``): the interpreter's shutdown walked
    every object pyarrow, deltalake and the run left several times, 35-50 ms after
    an ingest of 1,000 plans against 21-22 now, from the command's return to the
    process's end (issue 8: both runs of the bench pay it after their last
    document). The shutdown still clears the modules, as before; only a cycle among
    the objects kept is left to the process's end."""
    import gc

    gc.collect()
    gc.freeze()


if __name__ == "__main__":
    sys.exit(main())
