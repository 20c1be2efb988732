"""What the mechanism catalogue's filters work from: data attributes on each table row (codes
only, never contributed text) and the options of each filter, labelled in the page's language.
The table itself is complete plain HTML; assets/catalogue.js only hides rows."""

from __future__ import annotations

from generator.render.localize import Localizer
from generator.validate.knowledge_base import KnowledgeBase
from generator.validate.records import Mechanism

# filter name -> (ui label key, taxonomy for option labels, or a ui key prefix for fixed values)
SELECTS = {
    "origin": ("filter_origin", "countries", None),
    "destination": ("filter_destination", "countries", None),
    "type": ("filter_type", "instrument-types", None),
    "sector": ("filter_sector", "sectors", None),
    "status": ("filter_status", "statuses", None),
    "stay": ("filter_stay", None, "stay_"),
}
CHECKS = {"fees": "no_fees_for_workers", "portability": "social_security_portability", "return": "return_reintegration"}


def catalogue_data(m: Mechanism) -> dict[str, str]:
    """Space-separated codes per filter; protections as yes / partial / no / unknown."""
    data = {
        "origin": " ".join(m.origin_countries),
        "destination": " ".join(m.destination_countries),
        "type": m.instrument_type,
        "sector": " ".join(m.sectors),
        "status": m.status,
        "stay": " ".join(m.stay),
    }
    data.update({name: getattr(m.protections, field).covered for name, field in CHECKS.items()})
    return data


def catalogue_filters(kb: KnowledgeBase, L: Localizer, t: dict[str, str]) -> dict:
    rows = [catalogue_data(m) for m in kb.mechanisms.values()]
    selects = []
    for name, (label_key, taxonomy, prefix) in SELECTS.items():
        values = sorted({v for row in rows for v in row[name].split()})
        options = [(v, L.term(taxonomy, v) if taxonomy else t[f"{prefix}{v}"]) for v in values]
        selects.append({"name": name, "label": t[label_key], "options": sorted(options, key=lambda o: o[1].casefold())})
    checks = [(name, t[f"p_{field}"]) for name, field in CHECKS.items()]
    return {"selects": selects, "checks": checks}
