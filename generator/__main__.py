"""Command line: `python -m generator validate|build|serve`, run from the repository root.

Only this module prints and chooses exit codes; everything else raises."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from generator.build.errors import BuildError
from generator.problems import InputError


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m generator", description=__doc__)
    parser.add_argument("--root", type=Path, default=Path.cwd(), help="repository root (default: current folder)")
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("validate", help="check every record and report every problem")
    commands.add_parser("schema", help="write the JSON Schema of each record type into schema/")
    build = commands.add_parser("build", help="validate, then build the site into site/")
    build.add_argument("--out", type=Path, default=None, help="output folder (default: ROOT/site)")
    serve = commands.add_parser("serve", help="build, serve on localhost and rebuild when a file changes")
    serve.add_argument("--port", type=int, default=8000)
    serve.add_argument("--lang", choices=["es", "en", "fr"], default="es", help="language to preview")
    args = parser.parse_args(argv)
    root = args.root.resolve()
    try:
        return _run(args, root)
    except InputError as error:
        for problem in error.problems:
            print(problem, file=sys.stderr)
        print(f"{len(error.problems)} problem(s) found; nothing was built.", file=sys.stderr)
        return 1
    except BuildError as error:
        print(error, file=sys.stderr)
        print("The build failed; the previous site/ was left as it was.", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130


def _run(args: argparse.Namespace, root: Path) -> int:
    from generator.validate.knowledge_base import validate

    if args.command == "validate":
        kb = validate(root)
        print(f"OK: {len(kb.mechanisms)} mechanisms, {len(kb.agreements)} agreements, {len(kb.practices)} practices.")
        return 0
    if args.command == "schema":
        from generator.validate.json_schema import write_schemas

        for path in write_schemas(root):
            print(f"Wrote {path.relative_to(root)}")
        return 0
    from generator.build.site import build_site, serve_site

    if args.command == "build":
        out = build_site(root, args.out or root / "site")
        print(f"Built {out}")
        return 0
    serve_site(root, args.port, args.lang)
    return 0


if __name__ == "__main__":
    sys.exit(main())
