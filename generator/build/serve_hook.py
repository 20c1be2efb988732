"""MkDocs hook used only by `python -m generator serve` (see serve.py)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
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
    subprocess.run([sys.executable, "-m", "pagefind", "--site", config["site_dir"], "--silent"], check=False)
