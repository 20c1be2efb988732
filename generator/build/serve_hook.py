"""MkDocs hook used only by `python -m generator serve` (see serve.py)."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from mkdocs.exceptions import PluginError

from generator.problems import InputError
from generator.render.docs_tree import render_language, write_tree


def on_pre_build(config, **_) -> None:
    from generator.validate.knowledge_base import validate

    root, language = Path(os.environ["KB_ROOT"]), os.environ["KB_LANGUAGE"]
    try:
        kb = validate(root)
    except InputError as error:
        raise PluginError(f"{len(error.problems)} problem(s):\n{error}") from None
    docs = Path(config["docs_dir"])
    for child in docs.iterdir():
        if child.name != "assets":
            shutil.rmtree(child) if child.is_dir() else child.unlink()
    write_tree(render_language(kb, language), docs)


def on_post_build(config, **_) -> None:
    from generator.build.errors import BuildError
    from generator.build.site import index_search

    try:
        index_search(Path(config["site_dir"]))
    except BuildError as error:
        raise PluginError(str(error)) from None
