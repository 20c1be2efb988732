"""generator/build/parallel.py: every language is built, and a failure in one reaches the caller."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.build.errors import BuildError
from generator.build.parallel import run_each
from generator.problems import InputError, Problem


def test_every_item_runs(tmp_path: Path) -> None:
    run_each(lambda item: (tmp_path / item).write_text(item), ["es", "en", "fr"])
    assert sorted(p.name for p in tmp_path.iterdir()) == ["en", "es", "fr"]


def test_a_failure_in_one_item_is_raised_after_all_have_ended(tmp_path: Path) -> None:
    def task(item: str) -> None:
        if item == "en":
            raise BuildError("MkDocs failed for the 'en' site")
        (tmp_path / item).write_text(item)

    with pytest.raises(BuildError, match="MkDocs failed for the 'en' site"):
        run_each(task, ["es", "en", "fr"])
    assert sorted(p.name for p in tmp_path.iterdir()) == ["es", "fr"]


def test_a_bug_in_a_child_becomes_a_build_error_with_its_traceback() -> None:
    class Local(Exception):  # defined in a function: pickle could not send it
        pass

    def task(item: str) -> None:
        raise Local(f"broken {item}")

    with pytest.raises(BuildError, match=r"(?s)Traceback.*Local: broken es"):
        run_each(task, ["es", "en"])


def test_input_problems_keep_their_type_and_lines() -> None:
    problem = Problem("mechanisms/x.yaml", 3, 5, "status", "'alive' is not a status")

    def task(item: str) -> None:
        raise InputError([problem])

    with pytest.raises(InputError) as raised:
        run_each(task, ["es", "en"])
    assert raised.value.problems == [problem]
