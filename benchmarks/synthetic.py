"""Synthetic knowledge bases for the benchmark: N records, valid against the schema, in three
languages, of realistic length (about as many words per language as the repository's own
records), and plainly marked as synthetic. They are written only into a folder the caller
gives (a temporary folder), never into the repository's record folders.

The words come from the repository's own records, sampled by frequency per language, so the
search index sees a real vocabulary; the sentences they make are meaningless on purpose."""

from __future__ import annotations

import random
import re
import shutil
from pathlib import Path
from typing import Any

import yaml

REPO = Path(__file__).resolve().parent.parent
SHARED = ["mkdocs.yml", "overrides", "schema", "content/taxonomies", "content/ui", "content/pages"]
LANGUAGES = ("es", "en", "fr")
ORIGINS = ["MX", "GT", "HN", "SV", "NI", "CR", "PA", "BZ"]
DESTINATIONS = ["US", "CA", "ES", "DE", "MX", "CR", "PA", "QA", "FR"]
SECTORS = ["agriculture", "agro-industry", "construction", "tourism-hospitality", "services", "domestic-work",
           "health-care", "fishing-maritime", "manufacturing", "skilled-trades"]
TYPES = ["binational-agreement", "memorandum-of-understanding", "cooperation-agreement", "national-programme", "visa-category"]
PHASES = ["information-pre-departure", "recruitment-selection", "travel-admission", "employment-stay", "return", "reintegration"]
FRAMEWORKS = ["ilo-c097", "ilo-c181", "ilo-fair-recruitment", "sdg-8-8", "sdg-10-7"]
COVERAGE = ["yes", "partial", "no", "unknown"]
PROTECTIONS = ("no_fees_for_workers", "social_security", "social_security_portability", "return_reintegration")
KIND = {"es": ("Mecanismo sintético", "Acuerdo sintético", "Práctica sintética"),
        "en": ("Synthetic mechanism", "Synthetic agreement", "Synthetic practice"),
        "fr": ("Mécanisme synthétique", "Accord synthétique", "Pratique synthétique")}
WORD = re.compile(r"[^\W\d_]{3,}", re.UNICODE)


class _NoAliases(yaml.SafeDumper):
    def ignore_aliases(self, data: Any) -> bool:
        return True  # the strict loader refuses anchors and aliases


class Words:
    """Sentences and paragraphs sampled from one language's vocabulary."""

    def __init__(self, vocabulary: dict[str, list[tuple[str, int]]]) -> None:
        self.words = {lang: [w for w, _ in pairs] for lang, pairs in vocabulary.items()}
        self.weights = {lang: [n for _, n in pairs] for lang, pairs in vocabulary.items()}

    def sentence(self, rng: random.Random, lang: str) -> str:
        words = rng.choices(self.words[lang], self.weights[lang], k=rng.randint(8, 20))
        return " ".join(words).capitalize() + "."

    def text(self, rng: random.Random, lang: str, words: int) -> str:
        out: list[str] = []
        while sum(len(s.split()) for s in out) < words:
            out.append(self.sentence(rng, lang))
        return " ".join(out)

    def rich(self, rng: random.Random, lang: str, words: int) -> str:
        """Paragraphs, a list and some bold: the Markdown subset records may use."""
        paragraphs = [self.text(rng, lang, 60) for _ in range(max(1, words // 80))]
        items = [f"- {self.sentence(rng, lang)}" for _ in range(3)]
        first = paragraphs[0].split(" ")
        first[1] = f"**{first[1]}**"
        paragraphs[0] = " ".join(first)
        return "\n\n".join([*paragraphs, "\n".join(items)])


def vocabulary(repo: Path = REPO) -> dict[str, list[tuple[str, int]]]:
    """Word frequencies per language, from the text of the repository's own records."""
    counts: dict[str, dict[str, int]] = {lang: {} for lang in LANGUAGES}
    for folder in ("mechanisms", "content/agreements", "content/practices"):
        for path in sorted((repo / folder).glob("*.yaml")):
            _count(yaml.safe_load(path.read_text(encoding="utf-8")), counts)
    return {lang: sorted(found.items(), key=lambda p: (-p[1], p[0])) for lang, found in counts.items()}


def _count(value: Any, counts: dict[str, dict[str, int]]) -> None:
    if isinstance(value, dict):
        for key, item in value.items():
            if key in counts and isinstance(item, str):
                for word in WORD.findall(item.lower()):
                    counts[key][word] = counts[key].get(word, 0) + 1
            else:
                _count(item, counts)
    elif isinstance(value, list):
        for item in value:
            _count(item, counts)


def make_root(target: Path, records: int, seed: int = 7) -> Path:
    """A repository tree with the real configuration and `records` synthetic records:
    three mechanisms for every agreement and every practice (60 % / 20 % / 20 %)."""
    target.mkdir(parents=True, exist_ok=True)
    for name in SHARED:
        source = REPO / name
        (target / name).parent.mkdir(parents=True, exist_ok=True)
        (shutil.copytree if source.is_dir() else shutil.copy)(source, target / name)
    words = Words(vocabulary())
    n_agreements = n_practices = records // 5
    n_mechanisms = records - n_agreements - n_practices
    mechanism_ids = [f"syn-mechanism-{i:05d}" for i in range(1, n_mechanisms + 1)]
    folders = {"mechanisms": target / "mechanisms", "agreements": target / "content/agreements", "practices": target / "content/practices"}
    for folder in folders.values():
        folder.mkdir(parents=True, exist_ok=True)
    for i, record_id in enumerate(mechanism_ids, 1):
        _write(folders["mechanisms"] / f"{record_id}.yaml", mechanism(random.Random(f"{seed}-m-{i}"), words, i, mechanism_ids))
    for i in range(1, n_agreements + 1):
        rng = random.Random(f"{seed}-a-{i}")
        _write(folders["agreements"] / f"syn-agreement-{i:05d}.yaml", agreement(rng, words, i, mechanism_ids))
    for i in range(1, n_practices + 1):
        rng = random.Random(f"{seed}-p-{i}")
        _write(folders["practices"] / f"syn-practice-{i:05d}.yaml", practice(rng, words, i, mechanism_ids))
    return target


def _write(path: Path, record: dict) -> None:
    path.write_text(yaml.dump(record, Dumper=_NoAliases, allow_unicode=True, sort_keys=False, width=10**6), encoding="utf-8")


def _texts(make) -> dict[str, str]:
    return {lang: make(lang) for lang in LANGUAGES}


def _name(rng: random.Random, words: Words, kind: int, number: int) -> dict[str, str]:
    tail = {lang: " ".join(rng.choices(words.words[lang][:400], k=3)) for lang in LANGUAGES}
    return {lang: f"{KIND[lang][kind]} {number}: {tail[lang]}" for lang in LANGUAGES}


def _sources(rng: random.Random, kind: str, number: int) -> list[dict]:
    # example.org is reserved for examples (RFC 2606): a synthetic record, built only in a
    # temporary folder for timing, must never point at a real source.
    return [
        {"title": f"Synthetic source {k} for {kind} {number}", "publisher": "Synthetic benchmark data", "year": str(rng.randint(2005, 2025)),
         "url": f"https://example.org/synthetic/{kind}/{number}/{k}", "accessed": "unknown"}
        for k in range(1, rng.randint(2, 4) + 1)
    ]


def mechanism(rng: random.Random, words: Words, number: int, ids: list[str]) -> dict:
    """About 800 words per language, like the repository's mechanisms."""
    def text(n: int) -> dict[str, str]:
        return _texts(lambda lang: words.text(rng, lang, n))

    def rich(n: int) -> dict[str, str]:
        return _texts(lambda lang: words.rich(rng, lang, n))

    def protection() -> dict:
        return {"covered": rng.choice(COVERAGE), "detail": text(20)}

    return {
        "id": ids[number - 1],
        "name": _name(rng, words, 0, number),
        "acronym": {lang: f"SYN{number}" for lang in LANGUAGES},
        "summary": text(40),
        "instrument_type": rng.choice(TYPES),
        "scope": rng.choice(["bilateral", "multilateral", "unilateral"]),
        "origin_countries": sorted(rng.sample(ORIGINS, rng.randint(1, 2))),
        "destination_countries": sorted(rng.sample(DESTINATIONS, 1)),
        "started": str(rng.randint(1974, 2024)),
        "status": rng.choice(["active", "suspended", "ended", "proposed"]),
        "sectors": sorted(rng.sample(SECTORS, rng.randint(1, 3))),
        "stay": [rng.choice(["temporary", "seasonal", "circular"])],
        "institutions": [{"name": text(4), "country": rng.choice(ORIGINS), "role": text(10)} for _ in range(3)],
        "cycle_phases": sorted(rng.sample(PHASES, rng.randint(1, 4))),
        "protections": {key: protection() for key in PROTECTIONS},
        "details": rich(330),
        "eligibility": rich(80),
        "how_to_apply": rich(100),
        "official_channels": [{"name": text(4), "url": f"https://example.org/synthetic/channel/{number}"}],
        "never_pay": rich(40),
        "complaints": rich(40),
        "warnings": rich(40),
        "figures": [{"label": text(4), "value": f"{rng.randint(100, 50000):,}", "year": str(rng.randint(2010, 2025)), "source": "1"}],
        "gcm_objectives": sorted({str(rng.randint(1, 23)) for _ in range(3)}, key=int),
        "frameworks": sorted(rng.sample(FRAMEWORKS, 2)),
        "related": sorted({rng.choice(ids) for _ in range(2)} - {ids[number - 1]}),
        "sources": _sources(rng, "mechanism", number),
        "last_reviewed": "2026-01-15",
    }


def agreement(rng: random.Random, words: Words, number: int, ids: list[str]) -> dict:
    """About 250 words per language."""
    return {
        "id": f"syn-agreement-{number:05d}",
        "name": _name(rng, words, 1, number),
        "summary": _texts(lambda lang: words.text(rng, lang, 40)),
        "instrument_type": rng.choice(TYPES),
        "parties": sorted(rng.sample(ORIGINS + DESTINATIONS[:4], 2)),
        "signed": f"{rng.randint(1974, 2024)}-{rng.randint(1, 12):02d}",
        "status": rng.choice(["active", "ended", "unknown"]),
        "text_public": rng.choice(["yes", "no", "unknown"]),
        "mechanisms": sorted({rng.choice(ids) for _ in range(2)}),
        "details": _texts(lambda lang: words.rich(rng, lang, 200)),
        "sources": _sources(rng, "agreement", number),
        "last_reviewed": "2026-01-15",
    }


def practice(rng: random.Random, words: Words, number: int, ids: list[str]) -> dict:
    """About 370 words per language."""
    return {
        "id": f"syn-practice-{number:05d}",
        "name": _name(rng, words, 2, number),
        "summary": _texts(lambda lang: words.text(rng, lang, 40)),
        "countries": sorted(rng.sample(ORIGINS + DESTINATIONS[:4], 2)),
        "actors": [_texts(lambda lang: words.text(rng, lang, 5)) for _ in range(2)],
        "period": f"{rng.randint(2000, 2015)}–{rng.randint(2016, 2025)}",
        "cycle_phases": sorted(rng.sample(PHASES, 2)),
        "gcm_objectives": sorted({str(rng.randint(1, 23)) for _ in range(2)}, key=int),
        "what_was_done": _texts(lambda lang: words.rich(rng, lang, 150)),
        "results": _texts(lambda lang: words.rich(rng, lang, 80)),
        "lessons": _texts(lambda lang: words.rich(rng, lang, 80)),
        "mechanisms": [rng.choice(ids)],
        "sources": _sources(rng, "practice", number),
        "last_reviewed": "2026-01-15",
    }
