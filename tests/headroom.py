"""Each test runs with stack headroom (kernel/headroom.py).

A plugin of the root conftest. The test client serves its requests inside the test's
own stack, so the frame chunk boundaries that CPython maps and unmaps lie wherever the
test's depth puts them: in the permission matrix some 200 mmap/munmap pairs a request
(strace) and a fifth of its time. Here pytest's own implementation of the hook is
called from a frame with headroom; what it does is unchanged. (Not the fixtures':
``pytest_fixture_setup`` returns the fixture's value, and a fixture whose value is
None would let pytest call its own implementation after this one, a second time.)
"""

from __future__ import annotations

import pytest
from _pytest import python

from kernel.headroom import call_with_headroom


@pytest.hookimpl(tryfirst=True)
def pytest_pyfunc_call(pyfuncitem):
    # pytest's implementation returns True: the call is done, no other runs after it.
    return call_with_headroom(python.pytest_pyfunc_call, pyfuncitem)
