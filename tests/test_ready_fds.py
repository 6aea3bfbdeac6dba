"""``isolation.ready_fds``: which busy workers' pipes or sentinels are ready, as
``multiprocessing.connection.wait`` said before it (issue 8: the main process's CPU)."""

from __future__ import annotations

import multiprocessing as mp
import time
from types import SimpleNamespace

from planextract.pipeline.isolation import ready_fds


def _worker(conn, sentinel: int) -> SimpleNamespace:
    return SimpleNamespace(conn=conn, process=SimpleNamespace(sentinel=sentinel))


def test_an_answer_a_death_and_silence_are_told_apart():
    ctx = mp.get_context("fork")
    answering, answer_end = ctx.Pipe()
    silent, _silent_end = ctx.Pipe()
    dead = ctx.Process(target=time.sleep, args=(0,))
    dead.start()
    dead.join()
    alive = ctx.Process(target=time.sleep, args=(30,))
    alive.start()
    try:
        answer_end.send("done")
        one = _worker(answering, alive.sentinel)
        two = _worker(silent, dead.sentinel)
        three = _worker(silent, alive.sentinel)
        assert ready_fds([one, two, three], 1.0) == {answering.fileno(), dead.sentinel}
        started = time.monotonic()
        assert ready_fds([three], 0.2) == set()
        assert time.monotonic() - started >= 0.19  # it waited the whole timeout
        assert ready_fds([three], 0.0) == set()
    finally:
        alive.kill()
        alive.join()


def test_a_pipe_whose_other_end_closed_is_ready():
    ctx = mp.get_context("fork")
    ours, theirs = ctx.Pipe()
    theirs.close()
    alive = ctx.Process(target=time.sleep, args=(30,))
    alive.start()
    try:
        assert ready_fds([_worker(ours, alive.sentinel)], 1.0) == {ours.fileno()}
    finally:
        alive.kill()
        alive.join()
