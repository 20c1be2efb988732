"""Local preview: MkDocs' own dev server for one language, with live reload. A hook re-renders
the docs tree from the YAML records before every rebuild, so editing a record refreshes the
page; a record with problems shows them in the terminal and the last good page stays up."""

from __future__ import annotations

import os
from pathlib import Path

from generator.build.configs import write_config
from generator.build.site import prepare_language
from generator.validate.knowledge_base import validate

HOOK = Path(__file__).resolve().parent / "serve_hook.py"


def serve(root: Path, port: int, language: str = "es") -> None:
    from mkdocs.commands.serve import serve as mkdocs_serve

    work = root / ".build" / "serve"
    work.mkdir(parents=True, exist_ok=True)
    config_path = prepare_language(root, validate(root), language, work, work / "site")
    config = _with_hook(config_path, root)
    write_config(config, config_path)
    os.environ.update(KB_ROOT=str(root), KB_LANGUAGE=language, KB_WORK=str(work))
    mkdocs_serve(config_file=str(config_path), livereload=True, dev_addr=f"127.0.0.1:{port}")


def _with_hook(config_path: Path, root: Path) -> dict:
    import yaml

    config = yaml.safe_load(config_path.read_text(encoding="utf-8"))
    config["hooks"] = [str(HOOK)]
    config["watch"] = [str(root / "mechanisms"), str(root / "content")]
    config["strict"] = False  # keep serving while someone edits; `build` stays strict
    return config
