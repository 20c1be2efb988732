"""Validate the whole tree and assemble the knowledge base the renderer works from."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from generator.gc_pause import cycle_collector_paused
from generator.load.strict_yaml import Document
from generator.load.tree import LANGUAGES, LoadedTree, load_tree
from generator.problems import InputError, Problem, printable, shorten
from generator.validate.records import RECORD_TYPES, Agreement, Mechanism, Practice, Taxonomy, Term_
from generator.validate.references import check_figure_sources, check_ids, check_references
from generator.validate.schema import check

REQUIRED_PAGES = ("index", "methodology", "glossary", "safety")
RAW_HTML = re.compile(r"<(?:[A-Za-z!/?])")
LINK_TARGET = re.compile(r"\]\(\s*<?((?:[^()\s>]|\([^()\s]*\))*)")  # one level of (…) inside, as Markdown allows
REFERENCE_TARGET = re.compile(r"^ {0,3}\[[^\]]+\]:\s*<?([^\s>]*)")  # [1]: target, for links written [text][1]
SAFE_LINK = re.compile(r"^(?:https?://|mailto:|#|\.{0,2}/|[a-z0-9-]+(?:/|\.md|/index\.md)?(?:#[\w-]+)?$)")


@dataclass
class KnowledgeBase:
    mechanisms: dict[str, Mechanism] = field(default_factory=dict)
    agreements: dict[str, Agreement] = field(default_factory=dict)
    practices: dict[str, Practice] = field(default_factory=dict)
    taxonomies: dict[str, dict[str, Term_]] = field(default_factory=dict)
    ui: dict[str, dict[str, str]] = field(default_factory=dict)
    pages: dict[str, dict[str, str]] = field(default_factory=dict)


def validate(root: Path) -> KnowledgeBase:
    """Load and check everything under root; raise InputError listing every problem."""
    with cycle_collector_paused():
        return _validate(root)


def _validate(root: Path) -> KnowledgeBase:
    tree = load_tree(root)
    problems = list(tree.problems)
    kb = KnowledgeBase(pages={lang: {name: text for name, (_, text) in pages.items()} for lang, pages in tree.pages.items()})
    _add_taxonomies(tree, kb, problems)
    _add_ui(tree, kb, problems)
    _check_pages(tree, problems)
    _add_records(tree, kb, problems)
    if problems:
        raise InputError(problems)
    return kb


def _add_taxonomies(tree: LoadedTree, kb: KnowledgeBase, problems: list[Problem]) -> None:
    for name, doc in tree.taxonomies.items():
        taxonomy, found = check(doc, Taxonomy)
        problems.extend(found)
        if taxonomy is None:
            continue
        terms: dict[str, Term_] = {}
        for index, term in enumerate(taxonomy.terms):
            if term.id in terms:
                problems.append(Problem(doc.path, *doc.locate(("terms", index, "id")), f"terms[{index}].id",
                                        f"{shorten(term.id)} is listed twice"))
            terms[term.id] = term
        kb.taxonomies[name] = terms
    for required in {t for refs in _reference_targets() for t in [refs] if not t.startswith("@")}:
        if required not in kb.taxonomies and not any(p.path.endswith(f"{required}.yaml") for p in problems):
            problems.append(Problem(f"content/taxonomies/{required}.yaml", 1, 1, "", "taxonomy file is missing"))


def _reference_targets() -> set[str]:
    from generator.validate.references import REFERENCES

    return {target for refs in REFERENCES.values() for target in refs.values()}


def _add_ui(tree: LoadedTree, kb: KnowledgeBase, problems: list[Problem]) -> None:
    """Interface strings: a flat mapping per language, with exactly the keys Spanish has."""
    for language, doc in tree.ui.items():
        strings = _flat_strings(doc, problems)
        if strings is not None:
            kb.ui[language] = strings
    reference = kb.ui.get("es", {})
    for language, strings in kb.ui.items():
        doc = tree.ui[language]
        for key in sorted(set(reference) - set(strings)):
            problems.append(Problem(doc.path, 1, 1, printable(key), "missing; every key in content/ui/es.yaml needs a translation"))
        for key in sorted(set(strings) - set(reference)):
            problems.append(Problem(doc.path, *doc.locate((key,), key=True), printable(key), "unknown key; it is not in content/ui/es.yaml"))


def _flat_strings(doc: Document, problems: list[Problem]) -> dict[str, str] | None:
    if not isinstance(doc.data, dict):
        problems.append(Problem(doc.path, 1, 1, "", "expected a mapping of key: text"))
        return None
    strings = {}
    for key, value in doc.data.items():
        if not isinstance(value, str) or not value.strip():
            problems.append(Problem(doc.path, *doc.locate((key,)), printable(key), "expected non-empty text"))
        else:
            strings[key] = value
    return strings


def _check_pages(tree: LoadedTree, problems: list[Problem]) -> None:
    """Narrative pages are Markdown without raw HTML, and link only to safe places."""
    for language in LANGUAGES:
        pages = tree.pages.get(language, {})
        unreadable = {p.path for p in tree.problems}  # already reported: not UTF-8, too large
        for name in REQUIRED_PAGES:
            if name not in pages and f"content/pages/{language}/{name}.md" not in unreadable:
                problems.append(Problem(f"content/pages/{language}/{name}.md", 1, 1, "", "page is missing"))
        extra = set(pages) - set(tree.pages.get("es", {}))
        for name in sorted(extra):
            problems.append(Problem(pages[name][0], 1, 1, "", "no page of this name in content/pages/es/"))
        for path, text in pages.values():
            problems.extend(_page_problems(path, text))


def _page_problems(path: str, text: str) -> list[Problem]:
    problems = []
    in_code = False
    for number, line in enumerate(text.splitlines(), 1):
        if line.lstrip().startswith("```"):
            in_code = not in_code
        if in_code:
            continue
        html = RAW_HTML.search(line)
        if html:
            problems.append(Problem(path, number, html.start() + 1, "", "raw HTML is not allowed in pages; use Markdown"))
        for link in [*LINK_TARGET.finditer(line), *REFERENCE_TARGET.finditer(line)]:
            if not SAFE_LINK.match(link.group(1)):
                problems.append(Problem(path, number, link.start(1) + 1, "",
                                        f"link {shorten(link.group(1))} is not allowed; use https://, mailto: or a page name"))
    return problems


def _add_records(tree: LoadedTree, kb: KnowledgeBase, problems: list[Problem]) -> None:
    known = {name: set(terms) for name, terms in kb.taxonomies.items()}
    known["@mechanism"] = {_stem(doc) for doc in tree.records["mechanism"]}
    for target in _reference_targets():
        known.setdefault(target, set())
    targets = {"mechanism": kb.mechanisms, "agreement": kb.agreements, "practice": kb.practices}
    for record_type, documents in tree.records.items():
        problems.extend(check_ids(documents))
        for doc in documents:
            record, found = check(doc, RECORD_TYPES[record_type])
            problems.extend(found)
            problems.extend(_not_already_reported(_cross_checks(record_type, doc, known), found))
            if record is not None:
                targets[record_type][record.id] = record  # type: ignore[assignment]


def _cross_checks(record_type: str, doc: Document, known: dict[str, set[str]]) -> list[Problem]:
    if not isinstance(doc.data, dict):
        return []
    return check_references(record_type, doc, known) + check_figure_sources(doc)


def _not_already_reported(problems: list[Problem], reported: list[Problem]) -> list[Problem]:
    """A value the model already rejected (e.g. 'mx' as a country) needs no second message."""
    places = {(p.line, p.column) for p in reported}
    return [p for p in problems if (p.line, p.column) not in places]


def _stem(doc: Document) -> str:
    return Path(doc.path).stem
