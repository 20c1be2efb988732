"""Command line: `python -m generator validate|build|serve|new|check-links|schema`, run from the
repository root.

Only this module prints and chooses exit codes; everything else raises."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from urllib.parse import urlsplit

from generator.annotations import annotation, plain, running_in_github_actions
from generator.build.errors import BuildError
from generator.problems import InputError, Problem
from generator.validate.maintenance import DEFAULT_MAX_AGE_DAYS


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m generator", description=__doc__)
    parser.add_argument("--root", type=Path, default=Path.cwd(), help="repository root (default: current folder)")
    commands = parser.add_subparsers(dest="command", required=True)
    validate = commands.add_parser("validate", help="check every record and report every problem")
    validate.add_argument(
        "--format", choices=["text", "github"], default=None,
        help="github: also print each problem as a GitHub Actions annotation (default when GITHUB_ACTIONS=true)",
    )
    validate.add_argument("--fail-on-fallback", action="store_true", help="fail if any text falls back to Spanish in another language")
    validate.add_argument(
        "--max-age-days", type=_positive, default=DEFAULT_MAX_AGE_DAYS, metavar="DAYS",
        help=f"warn about records last reviewed more than DAYS days ago (default: {DEFAULT_MAX_AGE_DAYS})",
    )
    new = commands.add_parser("new", help="write a commented skeleton of a new record")
    new.add_argument("record_type", choices=["mechanism", "agreement", "practice"])
    new.add_argument("record_id", metavar="ID", help="the new record's id, e.g. gt-ca-seasonal-work")
    links = commands.add_parser("check-links", help="check every internal link of a built site")
    links.add_argument("site", type=Path, nargs="?", default=None, help="the built site (default: ROOT/site)")
    links.add_argument(
        "--base-url", default=os.environ.get("SITE_URL", ""),
        help="address the site is served at, for links from the server root (default: $SITE_URL)",
    )
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
        _report(error.problems, "error", getattr(args, "format", None))
        print(f"{len(error.problems)} problem(s) found; nothing was built.", file=sys.stderr)
        return 1
    except BuildError as error:
        print(error, file=sys.stderr)
        print("The build failed; the previous site/ was left as it was.", file=sys.stderr)
        return 1
    except OSError as error:  # disk full, permissions: the build stops, the old site stays
        print(f"Could not read or write a file: {error}", file=sys.stderr)
        print("The build stopped; the previous site/ was left as it was.", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130


def _run(args: argparse.Namespace, root: Path) -> int:
    if args.command == "validate":
        return _validate(args, root)
    if args.command == "new":
        return _new(args, root)
    if args.command == "check-links":
        return _check_links(args, root)
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


def _validate(args: argparse.Namespace, root: Path) -> int:
    from generator.validate.knowledge_base import validate
    from generator.validate.maintenance import (
        fallback_problems,
        reference_date,
        stale_records,
        staleness_problems,
        translation_status,
    )

    kb = validate(root)
    stale = stale_records(kb, reference_date(), args.max_age_days)
    _report(staleness_problems(root, stale, args.max_age_days), "warning", args.format)
    fallbacks = fallback_problems(root, translation_status(kb))
    if fallbacks and args.fail_on_fallback:
        raise InputError(fallbacks)
    print(f"OK: {len(kb.mechanisms)} mechanisms, {len(kb.agreements)} agreements, {len(kb.practices)} practices.")
    if stale:
        print(f"{len(stale)} record(s) last reviewed more than {args.max_age_days} days ago (warnings above).")
    if fallbacks:
        print(f"{len(fallbacks)} text(s) fall back to Spanish; --fail-on-fallback makes that an error.")
    return 0


def _new(args: argparse.Namespace, root: Path) -> int:
    from generator.scaffold import ScaffoldError, create

    try:
        path = create(root, args.record_type, args.record_id)
    except ScaffoldError as error:
        print(error, file=sys.stderr)
        return 1
    print(f"Wrote {path.relative_to(root).as_posix()}: fill in every value, then run python3 dev.py test")
    return 0


def _check_links(args: argparse.Namespace, root: Path) -> int:
    from generator.build.link_check import check_site

    site = args.site or root / "site"
    base_path = urlsplit(args.base_url).path if args.base_url else None
    try:
        broken = check_site(site, base_path)
    except FileNotFoundError as error:
        print(error, file=sys.stderr)
        return 1
    for link in broken:
        print(link, file=sys.stderr)
    if broken:
        print(f"{len(broken)} broken internal link(s) in {site}.", file=sys.stderr)
        return 1
    print(f"OK: no broken internal link in {site}.")
    return 0


def _report(problems: list[Problem], level: str, output_format: str | None) -> None:
    """Problems for a person (stderr) and, in GitHub Actions, as annotations on their lines (stdout)."""
    github = output_format == "github" or (output_format is None and running_in_github_actions())
    for problem in problems:
        print(plain(problem, level), file=sys.stderr)
        if github:
            print(annotation(problem, level))


def _positive(text: str) -> int:
    if not text.isdigit() or int(text) < 1:
        raise argparse.ArgumentTypeError(f"{text!r} is not a number of days; expected a whole number such as 365")
    return int(text)


if __name__ == "__main__":
    sys.exit(main())
