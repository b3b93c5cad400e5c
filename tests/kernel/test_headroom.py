"""kernel.headroom: a call from a large frame, where CPython's frame chunks do not
thrash (an mmap and a munmap at each crossing of a chunk boundary)."""

from __future__ import annotations

import resource
import threading

import pytest

from kernel.headroom import call_with_headroom, with_headroom

OSCILLATIONS = 300


def _down(n: int) -> int:
    return _down(n - 1) if n else 0


def _at_depth(depth: int, then) -> int:
    return _at_depth(depth - 1, then) if depth else then()


def _faults_oscillating_at(depth: int) -> int:
    """Minor page faults while the stack rises 30 frames and falls back, again and again,
    from ``depth`` frames below the caller."""

    def oscillate() -> int:
        before = resource.getrusage(resource.RUSAGE_SELF).ru_minflt
        for _ in range(OSCILLATIONS):
            _down(30)
        return resource.getrusage(resource.RUSAGE_SELF).ru_minflt - before

    return _at_depth(depth, oscillate)


def _worst(run) -> int:
    """The most faults at any depth up to 150 frames (somewhere a chunk boundary lies in
    the oscillation's way), each measured in a thread of its own: a new thread's stack
    starts in a new chunk, as a request's thread in the web server does (this test runs
    with headroom itself, tests/headroom.py)."""
    counts = []

    def measure(depth: int) -> None:
        counts.append(run(lambda: _faults_oscillating_at(depth)))

    for depth in range(150):
        thread = threading.Thread(target=measure, args=(depth,))
        thread.start()
        thread.join()
    return max(counts)


def test_the_plain_stack_thrashes_at_a_chunk_boundary_and_headroom_does_not():
    plain = _worst(lambda run: run())
    with_room = _worst(lambda run: call_with_headroom(run))

    # Each crossing maps a fresh chunk: a page fault at least, every oscillation.
    assert plain >= OSCILLATIONS
    assert with_room < OSCILLATIONS // 10


def test_arguments_results_and_errors_pass_through():
    def combine(a, b, *, c):
        return (a, b, c)

    assert call_with_headroom(combine, 1, 2, c=3) == (1, 2, 3)
    wrapped = with_headroom(combine)
    assert wrapped(1, b=2, c=3) == (1, 2, 3)
    assert wrapped.__name__ == "combine"

    def fail():
        raise LookupError("kept")

    with pytest.raises(LookupError, match="kept"):
        call_with_headroom(fail)


def test_a_wsgi_handler_keeps_its_own_attributes():
    class Handler:
        def __init__(self):
            self.chain = "middleware"

        def __call__(self, environ, start_response):
            return [environ["PATH_INFO"].encode()]

    wrapped = with_headroom(Handler())

    assert wrapped({"PATH_INFO": "/x/"}, None) == [b"/x/"]
    assert not hasattr(wrapped, "chain")
