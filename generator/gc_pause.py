"""Pause Python's cycle collector during the big allocation-heavy steps.

Loading, validating and rendering make millions of small objects that reference counting frees
on its own; the cycle collector still walks the growing knowledge base again and again, finds
next to nothing and costs about a sixth of the loading time (measured at 2,500 records). What
cycles there are (a few hundred thousand small objects, ~16 MB) are collected when it resumes."""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Iterator


@contextlib.contextmanager
def cycle_collector_paused() -> Iterator[None]:
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
