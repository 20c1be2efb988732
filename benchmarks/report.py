"""RESULTS.md from the figures run.py measured, with each budget of issue 7 checked."""

from __future__ import annotations

import datetime
from pathlib import Path

KB = 1024
COLUMNS = "| records | build (wall) | build (CPU) | peak memory | site on disk | record page raw / gzip | first visit (gzip) |"


def _kb(n: float) -> str:
    return f"{n / KB:,.1f} KB"


def _mb(n: float) -> str:
    return f"{n / KB / KB:,.1f} MB"


def _row(n: int, r: dict, search: str) -> str:
    return (
        f"| {n:,} | {r['wall']:.1f} s | {r['cpu']:.1f} s | {r['peak_mb']:,.0f} MB | {_mb(r['site_bytes'])} ({r['site_files']:,} files) "
        f"| {_kb(r['page_raw'])} / {_kb(r['page_gz'])} | {_kb(r['first_visit_gz'])} | {search} |"
    )


def budgets(results: dict) -> list[tuple[str, str, bool | None]]:
    ours = results["ours"]
    checks: list[tuple[str, str, bool | None]] = []
    if 250 in ours and 2500 in ours:
        ratio = ours[2500]["wall"] / ours[250]["wall"]
        cpu_ratio = ours[2500]["cpu"] / ours[250]["cpu"]
        checks.append(("t(2,500) / t(250) ≤ 12", f"{ratio:.1f} (wall), {cpu_ratio:.1f} (CPU)", ratio <= 12))
    if 2500 in ours:
        checks.append(("2,500 records, three languages, < 120 s", f"{ours[2500]['wall']:.1f} s", ours[2500]["wall"] < 120))
    if 25 in ours and 2500 in ours:
        change = ours[2500]["page_raw"] / ours[25]["page_raw"] - 1
        checks.append(("record page same size ±20 % at 25 and 2,500", f"{change:+.1%}", abs(change) <= 0.2))
    for n, r in ours.items():
        ok = r["first_visit_gz"] <= 80 * KB and not r["index_before_search"]
        index = "a search index was downloaded" if r["index_before_search"] else "no search index"
        checks.append((f"first visit ≤ 80 KB gzip, no index before search ({n:,})", f"{_kb(r['first_visit_gz'])}, {index}", ok))
    if 2500 in ours:
        worst = max(ours[2500]["search_gz"].values())
        checks.append(("a search at 2,500 records ≤ 150 KB gzip", f"{_kb(worst)} (largest of es/en/fr)", worst <= 150 * KB))
    for n, r in ours.items():
        checks.append((f"generator share < 10 % ({n:,})", f"{r['generator_share']:.1%} of the build's CPU time", r["generator_share"] < 0.10))
    return checks


def write_report(results: dict, out: Path, command: str) -> None:
    m, after = results["machine"], results["machine_after"]
    lines = [
        "# Benchmark results",
        "",
        f"Measured {datetime.date.today().isoformat()} by `benchmarks/run.py`. Reproduce with:",
        "",
        "```sh",
        command,
        "```",
        "",
        f"Machine: {m.get('nproc')} cores ({m.get('cpu', '?')}), {m.get('memory', '?')} memory; load average "
        f"{m.get('load')} at the start and {after.get('load')} at the end (other work on the machine makes wall "
        "times longer; CPU time is less affected).",
        "",
        "Records are synthetic (benchmarks/synthetic.py): 60 % mechanisms (~800 words per language), 20 % agreements "
        "(~250), 20 % practices (~370), in Spanish, English and French, with words drawn from the repository's own "
        "records; valid against the schema and written only to a temporary folder. The record page is "
        "`mechanisms/syn-mechanism-00001/` (the same record at every size). Sizes in gzip are what a server sends with "
        "gzip level 6 (Pagefind's files are gzip already and count as they are). First visit: everything Chromium "
        "fetched for that page with an empty cache until the network was idle. Search: what one search on the search "
        "page fetched (Pagefind's script, worker, WebAssembly, index chunks and the fragments of the results shown).",
        "",
        "## This project (generator + MkDocs + Material + Pagefind)",
        "",
        f"{COLUMNS} one search es / en / fr (gzip) |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for n, r in results["ours"].items():
        search = " / ".join(_kb(r["search_gz"][lang]) for lang in ("es", "en", "fr"))
        lines.append(_row(n, r, search))
    lines += ["", "The generator's own work (run alone, one language after the other), against the build's CPU time:", "",
              "| records | load + validate | render (3 languages) | write Markdown | share of the build's CPU time |", "|---|---|---|---|---|"]
    for n, r in results["ours"].items():
        g = r["generator"]
        lines.append(f"| {n:,} | {g['load_validate']:.1f} s | {g['render']:.1f} s | {g['write']:.1f} s | {r['generator_share']:.1%} |")
    lines += ["", "## Baseline (MkDocs + Material + mkdocs-static-i18n, every page in the navigation, Material's search)", "",
              f"{COLUMNS} search (gzip, loaded with every page) |",
              "|---|---|---|---|---|---|---|---|"]
    for n, r in results["baseline"].items():
        lines.append(_row(n, r, _kb(r["search_gz"])))
    for n, estimate in results["baseline_skipped"].items():
        lines.append(f"| {n:,} | not run: estimated {estimate:,.0f} s (t(250) × 41, the growth the architecture guide measured) | | | | | | |")
    lines += ["", "## Budgets (issue 7)", "", "| budget | measured | met |", "|---|---|---|"]
    for name, measured, ok in budgets(results):
        lines.append(f"| {name} | {measured} | {'yes' if ok else 'NO'} |")
    fetched = results["ours"][min(results["ours"])]["first_visit_files"]
    lines += ["", "First visit to the record page fetched: " + ", ".join(f"`{p}`" for p in fetched), ""]
    analysis = Path(__file__).with_name("analysis.md")  # written by hand after a run
    if analysis.exists():
        lines += [analysis.read_text(encoding="utf-8")]
    out.write_text("\n".join(lines) + "\n", encoding="utf-8")
