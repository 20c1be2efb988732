"""Run one task per language at the same time, in forked processes: rendering and MkDocs are
single-threaded Python, so three languages on two cores take about half the time they take one
after the other. Where fork is missing (Windows, macOS' default) or there is one core, the
tasks run one after the other in this process."""

from __future__ import annotations

import multiprocessing
import os
import traceback
from collections.abc import Callable, Sequence
from multiprocessing.connection import Connection

from generator.build.errors import BuildError
from generator.problems import InputError


def run_each(task: Callable[[str], None], items: Sequence[str]) -> None:
    """task(item) for every item; once all have ended, raise the first failure (in item order):
    InputError as it was, anything else as a BuildError with its message (and traceback)."""
    if len(items) < 2 or (os.cpu_count() or 1) < 2 or "fork" not in multiprocessing.get_all_start_methods():
        for item in items:
            task(item)
        return
    context = multiprocessing.get_context("fork")  # the child inherits the validated records: nothing is pickled
    children = []
    for item in items:
        receive, send = context.Pipe(duplex=False)
        process = context.Process(target=_child, args=(task, item, send), daemon=True)
        process.start()
        send.close()
        children.append((item, process, receive))
    errors: list[BaseException] = []
    for item, process, receive in children:
        try:
            kind, detail = receive.recv()
        except EOFError:
            kind, detail = "other", f"the build of '{item}' stopped without a result (exit code {process.exitcode})"
        process.join()
        if kind == "input":
            errors.append(InputError(detail))
        elif kind != "ok":
            errors.append(BuildError(detail))
    if errors:
        raise errors[0]


def _child(task: Callable[[str], None], item: str, send: Connection) -> None:
    """Send ("ok", None), ("input", problems) or ("other", message) to the parent, which raises."""
    try:
        task(item)
    except InputError as error:
        send.send(("input", error.problems))
    except BuildError as error:
        send.send(("other", str(error)))
    except BaseException:  # a bug: keep its traceback in the message
        send.send(("other", traceback.format_exc()))
    else:
        send.send(("ok", None))
    finally:
        send.close()
