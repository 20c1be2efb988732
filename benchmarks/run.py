"""Benchmark: build time, memory, size and what readers download, for synthetic knowledge bases
of 25, 250 and 2,500 records, against a plain MkDocs + Material + mkdocs-static-i18n baseline.
Writes benchmarks/RESULTS.md. Everything is built in a temporary folder, removed at the end.

    python3 dev.py test                      # once: creates .venv with the pinned packages and Chromium
    .venv/bin/python benchmarks/run.py       # about 15 minutes on 2 cores
    .venv/bin/python benchmarks/run.py --sizes 25 250 --baseline-sizes 25   # quicker
    .venv/bin/python benchmarks/run.py --report-only   # RESULTS.md again from RESULTS.json
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sys
import tempfile
from pathlib import Path

import baseline
from browser_costs import Browser
from measure import machine, page_size, run_measured, site_size
from report import write_report
from synthetic import make_root

REPO = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
RECORD = "mechanisms/syn-mechanism-00001/"
QUERIES = {"es": "trabajadores temporales", "en": "temporary workers", "fr": "travailleurs temporaires"}
PREFIX = {"es": "", "en": "en/", "fr": "fr/"}
# The architecture guide measured the baseline at 7.5 s (250) and 311 s (2,500): ×41.
BASELINE_GROWTH_250_TO_2500 = 41
BASELINE_LIMIT_S = 600


def ours(n: int, tmp: Path) -> dict:
    root = make_root(tmp / f"kb-{n}", n)
    env = {**os.environ, "PYTHONHASHSEED": "0"}
    build = run_measured([PYTHON, "-m", "generator", "--root", str(root), "build", "--out", str(root / "site")], REPO, env)
    steps = run_measured([PYTHON, str(Path(__file__).parent / "generator_steps.py"), str(root), str(tmp / f"steps-{n}")], REPO, env)
    generator = json.loads(steps.stdout)
    site = root / "site"
    result = _site_figures(site, site / RECORD / "index.html")
    result.update(wall=build.wall, cpu=build.cpu, peak_mb=build.peak_mb, generator=generator,
                  generator_share=sum(generator.values()) / build.cpu)
    with Browser(site) as browser:
        visit = browser.first_visit(RECORD)
        result["first_visit_gz"] = visit.gzip_bytes
        result["first_visit_files"] = [path for path, _ in visit.files]
        result["index_before_search"] = bool(visit.matching("pagefind", "search_index").files)
        result["search_gz"] = {}
        for language, query in QUERIES.items():
            found = browser.search(f"{PREFIX[language]}search/", query)
            result["search_gz"][language] = found.gzip_bytes
            result.setdefault("search_files", {})[language] = len(found.files)
    shutil.rmtree(tmp / f"steps-{n}", ignore_errors=True)
    return result


def plain(n: int, tmp: Path, python: Path) -> dict:
    project = tmp / f"baseline-{n}"
    config = baseline.write_project(tmp / f"kb-{n}", project)
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    build = run_measured(baseline.build_command(python, config), project, env)
    site = project / "site"
    result = _site_figures(site, site / RECORD / "index.html")
    result.update(wall=build.wall, cpu=build.cpu, peak_mb=build.peak_mb)
    with Browser(site) as browser:
        visit = browser.first_visit(RECORD)
    result["first_visit_gz"] = visit.gzip_bytes
    # Material's search downloads its worker and whole index as the page loads, before any search.
    result["search_gz"] = visit.matching("search", "lunr").gzip_bytes
    result["index_before_search"] = bool(visit.matching("search_index").files)
    return result


def _site_figures(site: Path, record_page: Path) -> dict:
    size, files = site_size(site)
    raw, gz = page_size(record_page)
    return {"site_bytes": size, "site_files": files, "page_raw": raw, "page_gz": gz}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="+", default=[25, 250, 2500])
    parser.add_argument("--baseline-sizes", type=int, nargs="*", default=[25, 250, 2500])
    parser.add_argument("--out", type=Path, default=Path(__file__).parent / "RESULTS.md")
    parser.add_argument("--keep", action="store_true", help="keep the temporary folder")
    parser.add_argument("--report-only", action="store_true", help="rewrite the Markdown from the last run's JSON (after editing analysis.md)")
    args = parser.parse_args()
    if args.report_only:
        _rewrite_report(args.out)
        return
    tmp = Path(tempfile.mkdtemp(prefix="kb-bench-"))
    before = machine()
    results: dict = {"machine": before, "ours": {}, "baseline": {}, "baseline_skipped": {}}
    try:
        for n in args.sizes:
            print(f"our build, {n} records …", flush=True)
            results["ours"][n] = ours(n, tmp)
            print(f"  {results['ours'][n]['wall']:.1f} s", flush=True)
        python = baseline.make_venv(tmp / "baseline-venv") if args.baseline_sizes else None
        for n in args.baseline_sizes:
            estimate = _baseline_estimate(results, n)
            if estimate and estimate > BASELINE_LIMIT_S:
                results["baseline_skipped"][n] = estimate
                print(f"baseline, {n} records: skipped (estimated {estimate:.0f} s)", flush=True)
                continue
            if n not in results["ours"]:
                make_root(tmp / f"kb-{n}", n)
            print(f"baseline, {n} records …", flush=True)
            results["baseline"][n] = plain(n, tmp, python)
            print(f"  {results['baseline'][n]['wall']:.1f} s", flush=True)
    finally:
        if args.keep:
            print(f"kept {tmp}")
        else:
            shutil.rmtree(tmp, ignore_errors=True)
    results["machine_after"] = machine()
    command = "python3 dev.py test && .venv/bin/python benchmarks/run.py" + _arguments(args)
    results["command"] = command
    write_report(results, args.out, command)
    (args.out.with_suffix(".json")).write_text(json.dumps(results, indent=1, default=str), encoding="utf-8")
    print(f"wrote {args.out}")


def _rewrite_report(out: Path) -> None:
    saved = json.loads(out.with_suffix(".json").read_text(encoding="utf-8"))
    for part in ("ours", "baseline", "baseline_skipped"):  # JSON turned the record counts into strings
        saved[part] = {int(n): figures for n, figures in saved[part].items()}
    write_report(saved, out, saved.get("command", "python3 dev.py test && .venv/bin/python benchmarks/run.py"))
    print(f"rewrote {out}")


def _baseline_estimate(results: dict, n: int) -> float | None:
    if n == 2500 and 250 in results["baseline"]:
        return results["baseline"][250]["wall"] * BASELINE_GROWTH_250_TO_2500
    return None


def _arguments(args: argparse.Namespace) -> str:
    text = ""
    if args.sizes != [25, 250, 2500]:
        text += " --sizes " + " ".join(map(str, args.sizes))
    if args.baseline_sizes != [25, 250, 2500]:
        text += " --baseline-sizes " + " ".join(map(str, args.baseline_sizes))
    return text


if __name__ == "__main__":
    main()
