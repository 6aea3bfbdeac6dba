"""Run ``planextract`` as its console script does and record, per process of the
run, its own CPU seconds and the modules it imported (for bench_startup.py).

    .venv/bin/python scripts/startup_probe.py OUT.json extract FILE --out DIR

The main process writes ``OUT.json.main``. This module is also preloaded by the fork
server (after the core and the readers it preloads): there it writes ``OUT.json.server`` once
warm (its start-up; the server does little else but fork), and makes each worker
write ``OUT.json.worker-PID`` when it stops (its own CPU since the fork, and the
modules it imported beyond the server's).
"""

from __future__ import annotations

import json
import os
import resource
import sys

ENV = "PLANEXTRACT_STARTUP_PROBE"


def _cpu(who: int) -> float:
    usage = resource.getrusage(who)
    return usage.ru_utime + usage.ru_stime


def _write(suffix: str, record: dict) -> None:
    with open(f"{os.environ[ENV]}.{suffix}", "w") as handle:
        json.dump(record, handle)


def _in_server() -> None:
    """Imported in the fork server after the warm-up: watch it and its workers."""
    from planextract.pipeline import child

    server_modules = set(sys.modules)
    work = child.worker_main

    def worker_main(*args, **kwargs):
        try:
            return work(*args, **kwargs)
        finally:
            _write(f"worker-{os.getpid()}", {
                "cpu": _cpu(resource.RUSAGE_SELF),
                "modules": sorted(set(sys.modules) - server_modules)})

    child.worker_main = worker_main
    # now, not at exit: the server is killed with the run (child.die_with_parent)
    _write("server", {"cpu": _cpu(resource.RUSAGE_SELF), "modules": sorted(server_modules)})


def main() -> int:
    os.environ[ENV] = sys.argv[1]
    here = os.path.dirname(os.path.abspath(__file__))
    # the fork server finds this module on PYTHONPATH (3.11's ignores our sys.path)
    os.environ["PYTHONPATH"] = os.pathsep.join(
        [here, *filter(None, [os.environ.get("PYTHONPATH")])])
    from planextract.pipeline import cli, forkctx

    try:
        from planextract.pipeline import preload
    except ImportError:  # older code (bench_startup.py --before): no reader preloading
        forkctx.PRELOAD.append("startup_probe")
    else:
        readers = preload.preload_for
        preload.preload_for = lambda argv: [*readers(argv), "startup_probe"]  # imported last
    sys.argv = ["planextract", *sys.argv[2:]]
    try:
        return cli.main()
    finally:
        _write("main", {"cpu": _cpu(resource.RUSAGE_SELF), "modules": sorted(sys.modules)})


if __name__ == "__main__":
    sys.exit(main())
elif os.environ.get(ENV) and __name__ == "startup_probe":
    _in_server()
