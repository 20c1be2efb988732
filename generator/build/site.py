"""Build the whole site: validate, render each language, run MkDocs strictly, index with
Pagefind, and only then move the result into place. A failure at any step leaves the
previous site untouched."""

from __future__ import annotations

import json
import logging
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from generator.build.configs import language_config, site_prefix, write_config
from generator.build.errors import BuildError
from generator.build.parallel import run_each
from generator.load.tree import LANGUAGES
from generator.render.docs_tree import render_language, write_tree
from generator.validate.knowledge_base import KnowledgeBase, validate

ASSETS = Path(__file__).resolve().parent.parent / "render" / "assets"
# A search downloads the index chunks holding its words, and a chunk also holds the words next
# to them in alphabetical order ("temporary" shares one with "the"). Pagefind closes a chunk at
# 20,000 word positions; at 10,000 the worst-case English search at 2,500 records fell from 156 KB
# to 127 KB gzip (5,000 gave no more: more chunks per word, a bigger pf_meta). Pagefind 1.5 reads
# this only from the environment, under an UNSTABLE name: if a later version drops it, chunks are
# simply bigger again and benchmarks/run.py shows it.
PAGEFIND_ENV = {"PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE": "10000"}


def build_site(root: Path, out: Path) -> Path:
    kb = validate(root)
    out.parent.mkdir(parents=True, exist_ok=True)  # `build --out new/folder/site` just works
    work = Path(tempfile.mkdtemp(prefix=".kb-build-", dir=out.parent))
    try:
        site = work / "site"
        run_each(lambda language: _build_language(root, kb, language, work), LANGUAGES)
        for language in LANGUAGES:  # each was built apart (MkDocs empties its site_dir); nest them: es at the root
            target = site / site_prefix(language)
            target.parent.mkdir(parents=True, exist_ok=True)
            (work / f"site-{language}").rename(target)
        index_search(site)
        shutil.copytree(root / "schema", site / "schema")  # published beside the records
        _replace(out, site)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return out


def prepare_language(root: Path, kb: KnowledgeBase, language: str, work: Path, site_dir: Path) -> Path:
    """Render one language's docs tree and write its config; return the config path."""
    docs = work / "docs" / language
    if docs.exists():
        shutil.rmtree(docs)
    write_tree(render_language(kb, language), docs)
    shutil.copytree(ASSETS, docs / "assets")
    config_path = work / f"mkdocs.{language}.yml"
    write_config(language_config(kb, language, root / "mkdocs.yml", docs, site_dir), config_path)
    return config_path


def _build_language(root: Path, kb: KnowledgeBase, language: str, work: Path) -> None:
    """Render and build one language into work/site-LANGUAGE (run in parallel: see parallel.py)."""
    config_path = prepare_language(root, kb, language, work, work / f"site-{language}")
    _run_mkdocs(config_path, language)


def _run_mkdocs(config_path: Path, language: str) -> None:
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.exceptions import MkDocsException

    warnings = _CollectWarnings()
    logger = logging.getLogger("mkdocs")
    logger.addHandler(warnings)
    try:
        build(load_config(config_file=str(config_path), strict=True))
    except (MkDocsException, SystemExit) as error:
        details = "\n".join(warnings.messages) or str(error)
        raise BuildError(f"MkDocs failed for the '{language}' site:\n{details}") from None
    finally:
        logger.removeHandler(warnings)


class _CollectWarnings(logging.Handler):
    def __init__(self) -> None:
        super().__init__(level=logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


def index_search(site: Path) -> None:
    """One Pagefind run over the whole site writes one index per <html lang>."""
    result = subprocess.run(
        # A record page's section headings are the same on every record: they would only make
        # every record match "pagar" or "solicitar" and every word's index larger.
        [sys.executable, "-m", "pagefind", "--site", str(site), "--silent",
         "--exclude-selectors", "[data-kb-record-page] h2"],
        capture_output=True, text=True, check=False, env={**os.environ, **PAGEFIND_ENV},
    )
    if result.returncode != 0:
        raise BuildError(f"Pagefind failed:\n{result.stderr or result.stdout}")
    # Pagefind lists languages in no fixed order; sort them so identical trees give identical files.
    entry = site / "pagefind" / "pagefind-entry.json"
    entry.write_text(json.dumps(json.loads(entry.read_text(encoding="utf-8")), sort_keys=True), encoding="utf-8")


def _replace(out: Path, new_site: Path) -> None:
    """Swap the finished site into place; the old one is removed only after the swap."""
    old = None
    if out.exists():
        old = new_site.parent / "previous-site"
        out.rename(old)
    try:
        new_site.rename(out)
    except OSError:
        if old is not None:  # put the previous site back before the work folder is deleted
            old.rename(out)
        raise
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)


def serve_site(root: Path, port: int, language: str) -> None:
    from generator.build.serve import serve

    serve(root, port, language)
