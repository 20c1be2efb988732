"""The generator's own work for one tree, alone and one step after the other: load + validate,
render the three languages, write their Markdown trees. Prints JSON CPU seconds per step
(process time: the build is compared in CPU time too, and other work on the machine does not
inflate it).
Run by run.py with the project's .venv Python:  python benchmarks/generator_steps.py ROOT WORK"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from generator.load.tree import LANGUAGES  # noqa: E402
from generator.render.docs_tree import render_language, write_tree  # noqa: E402
from generator.validate.knowledge_base import validate  # noqa: E402


def main(root: Path, work: Path) -> None:
    spent = {"load_validate": 0.0, "render": 0.0, "write": 0.0}
    start = time.process_time()
    kb = validate(root)
    spent["load_validate"] = time.process_time() - start
    for language in LANGUAGES:
        start = time.process_time()
        pages = render_language(kb, language)
        spent["render"] += time.process_time() - start
        start = time.process_time()
        write_tree(pages, work / language)
        spent["write"] += time.process_time() - start
    json.dump(spent, sys.stdout)


if __name__ == "__main__":
    main(Path(sys.argv[1]), Path(sys.argv[2]))
