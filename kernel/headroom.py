"""Calls with stack headroom: a way round CPython's data stack chunks.

CPython 3.11 (the version measured here) keeps the frames of Python functions in chunks
of 16 KiB. It maps a new chunk when the stack grows past the current one and unmaps it
as soon as the stack shrinks out of it again (Python/pystate.c: ``push_chunk``,
``_PyThreadState_PopFrame``); nothing keeps a spare. Wherever a chunk boundary happens
to lie in a request's stack, the stack rises and falls through it again and again while
the templates render (every row, every variable looked up), and each crossing is an
``mmap``, fresh zeroed pages and a ``munmap``. Measured on the 2-core machine with
Python 3.11.7 (strace, the permission matrix's 11,000 requests): about 200 such pairs a
request, 16 of the walk's 68 CPU seconds spent in the kernel; called with headroom, 3.4
seconds.

``call_with_headroom`` calls a function from a frame that reserves half a megabyte of
value stack it never uses. A frame that large gets a chunk of 1 MiB to itself (the
chunk size doubles from 16 KiB until the frame fits), and the frames of the call fill
the rest of that chunk, room for some thousands of frames, without reaching a
boundary. The reserved half is never written, so it costs address space, not memory;
a call costs one map and unmap of that chunk (about 10 µs).

Used where the work of a process starts: the WSGI application (each request),
``manage.py`` (every command) and the test processes (each test, tests/headroom.py).
"""

from __future__ import annotations

import functools
import types
from collections.abc import Callable
from typing import Any, TypeVar

Result = TypeVar("Result")

# Value stack slots (8 bytes each) the calling frame reserves: 528 KiB, so that its chunk
# is 1 MiB and about 490 KiB of it are left to the frames it calls.
RESERVED_SLOTS = 66_000


def _call(function, args, kwargs):
    return function(*args, **kwargs)


# The same code with a larger value stack: the interpreter sizes a frame by its code's
# stack size and trusts it to be enough, so more than is used is only more room.
_call_from_large_frame = types.FunctionType(
    _call.__code__.replace(co_stacksize=RESERVED_SLOTS), {}, "call_with_headroom"
)


def call_with_headroom(function: Callable[..., Result], /, *args: Any, **kwargs: Any) -> Result:
    """``function(*args, **kwargs)``, its frames in a chunk of their own (see above)."""
    return _call_from_large_frame(function, args, kwargs)


def with_headroom(function: Callable[..., Result]) -> Callable[..., Result]:
    """``function`` such that every call runs with headroom (a WSGI application, say)."""

    # Not the function's __dict__: a WSGI handler's is its middleware chain.
    @functools.wraps(function, updated=())
    def called_with_headroom(*args: Any, **kwargs: Any) -> Result:
        return _call_from_large_frame(function, args, kwargs)

    return called_with_headroom
