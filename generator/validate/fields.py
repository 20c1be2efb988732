"""Value types shared by the record models.

Every value arrives as text (the loader converts nothing), so each type here parses text and
says in plain words what it expected. Any field declared with `maybe(...)` also accepts the
word `unknown`: a fact no source gives is written as `unknown`, never guessed.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Annotated, Any, Literal
from urllib.parse import urlsplit

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Discriminator,
    Field,
    Tag,
)

from generator.load.tree import WINDOWS_RESERVED
from generator.problems import shorten

UNKNOWN = "unknown"
LANGUAGES = ("es", "en", "fr")
SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
TERM_ID = re.compile(r"[A-Za-z0-9]+(?:-[A-Za-z0-9]+)*")
ALLOWED_URL_SCHEMES = ("https", "http", "mailto")
# Characters a browser or Markdown reads as the end of an address or an escape; in a real
# address they are written %-encoded.
URL_FORBIDDEN = re.compile(r"[\s<>\"`\\{}|^]")
NOTHING = ("~", "null", "Null", "NULL")  # YAML 1.1 reads these as "no value"; the loader keeps them as text


class StrictModel(BaseModel):
    """Unknown fields are errors (a misspelt field must never be dropped silently)."""

    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=False)


def _not_blank(value: str) -> str:
    if not value.strip():
        raise ValueError("must not be empty; write 'unknown' if no source gives it")
    if value.strip() in NOTHING:
        raise ValueError(f"{shorten(value)} means 'no value' in YAML; write 'unknown' if no source gives it")
    return value


def _slug(value: str) -> str:
    if len(value) > 80 or not SLUG.fullmatch(value):
        raise ValueError(
            f"{shorten(value)} is not a valid id; use lower-case letters, digits and single hyphens, "
            "at most 80 characters (e.g. mx-ca-ptat)"
        )
    if WINDOWS_RESERVED.fullmatch(value):
        raise ValueError(f"'{value}' is a reserved device name on Windows; choose another id")
    return value


def _term_id(value: str) -> str:
    """Taxonomy codes become page addresses (countries/mx/, phases/return/), so they are slugs too."""
    if len(value) > 80 or not TERM_ID.fullmatch(value) or WINDOWS_RESERVED.fullmatch(value):
        raise ValueError(f"{shorten(value)} is not a valid code; use letters, digits and single hyphens, e.g. MX or return")
    return value


def _country_code(value: str) -> str:
    if not re.fullmatch(r"[A-Z]{2}", value):
        raise ValueError(f"{shorten(value, 20)} is not an ISO 3166-1 alpha-2 code; expected two capital letters, e.g. MX")
    return value


def _year(value: str) -> str:
    if not re.fullmatch(r"[0-9]{4}", value) or not 1900 <= int(value) <= 2100:
        raise ValueError(f"{shorten(value, 20)} is not a year; expected four digits between 1900 and 2100, e.g. 2019")
    return value


def _calendar_date(value: str) -> str:
    try:
        parsed = date.fromisoformat(value) if re.fullmatch(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", value) else None
    except ValueError:
        parsed = None
    if parsed is None:
        raise ValueError(f"{shorten(value, 20)} is not a date; expected YYYY-MM-DD, e.g. 2026-11-22")
    _year(value[:4])
    return value


def _partial_date(value: str) -> str:
    """A date as precise as the source: 2019, 2019-07 or 2019-07-30."""
    if re.fullmatch(r"[0-9]{4}", value):
        return _year(value)
    if re.fullmatch(r"[0-9]{4}-[0-9]{2}", value) and 1 <= int(value[5:]) <= 12:
        _year(value[:4])
        return value
    try:
        return _calendar_date(value)
    except ValueError:
        raise ValueError(
            f"{shorten(value, 20)} is not a date; expected YYYY, YYYY-MM or YYYY-MM-DD, e.g. 2019-07-30"
        ) from None


def _url(value: str) -> str:
    try:
        parts = urlsplit(value)
    except ValueError:  # e.g. an unclosed '[' in the host
        raise ValueError(f"{shorten(value)} is not a valid address; check the host between // and the next /") from None
    if any(ch.isspace() for ch in value) or parts.scheme not in ALLOWED_URL_SCHEMES:
        raise ValueError(
            f"{shorten(value)} is not an allowed link; expected an address starting with https://, "
            "http:// or mailto: and without spaces"
        )
    if (parts.scheme != "mailto" and not parts.netloc) or (parts.scheme == "mailto" and "@" not in parts.path):
        raise ValueError(f"{shorten(value)} has no host; expected e.g. https://www.gob.mx/stps or mailto:name@example.org")
    bad = URL_FORBIDDEN.search(value)
    if bad:
        raise ValueError(f"{shorten(value)} contains '{bad.group()}'; write it %-encoded (%{ord(bad.group()):02X})")
    return value


def _whole_number(value: object) -> object:
    """Before pydantic's int(): it would also take '1_000', ' 1' and '1.0'."""
    if isinstance(value, str) and not re.fullmatch(r"[0-9]+", value):
        raise ValueError(f"{shorten(value)} is not a whole number; expected e.g. 1")
    return value


def _gcm_objective(value: str) -> str:
    if not re.fullmatch(r"[0-9]{1,2}", value) or not 1 <= int(value) <= 23:
        raise ValueError(f"{shorten(value, 20)} is not a GCM objective; expected a number from 1 to 23")
    return str(int(value))


NonEmpty = Annotated[str, AfterValidator(_not_blank)]
Slug = Annotated[str, AfterValidator(_slug), Field(json_schema_extra={"pattern": SLUG.pattern})]
CountryCode = Annotated[str, AfterValidator(_country_code), Field(json_schema_extra={"pattern": "^[A-Z]{2}$"})]
# Editors read YAML 1.2, where an unquoted 2019 is a number; the loader keeps it as text, so the
# published schema accepts both for years, dates and objective numbers.
TEXT_OR_NUMBER = ["string", "integer"]
Year = Annotated[str, AfterValidator(_year), Field(json_schema_extra={"pattern": r"^\d{4}$", "type": TEXT_OR_NUMBER})]
CalendarDate = Annotated[str, AfterValidator(_calendar_date), Field(json_schema_extra={"format": "date"})]
PartialDate = Annotated[
    str,
    AfterValidator(_partial_date),
    Field(json_schema_extra={"pattern": r"^\d{4}(-\d{2}(-\d{2})?)?$", "type": TEXT_OR_NUMBER}),
]
Url = Annotated[str, AfterValidator(_url), Field(json_schema_extra={"pattern": "^(https?://|mailto:)"})]
GcmObjective = Annotated[str, AfterValidator(_gcm_objective), Field(json_schema_extra={"type": TEXT_OR_NUMBER})]
Term = Annotated[str, AfterValidator(_not_blank)]  # resolved against a taxonomy in references.py
TermId = Annotated[str, AfterValidator(_term_id)]
WholeNumber = Annotated[int, BeforeValidator(_whole_number)]


def _which(value: Any) -> str:
    return UNKNOWN if value == UNKNOWN else "known"


def maybe(kind: Any) -> Any:
    """`kind`, or the word `unknown`. Errors then name only the branch the value was meant for."""
    return Annotated[
        Annotated[Literal["unknown"], Tag(UNKNOWN)] | Annotated[kind, Tag("known")],
        Discriminator(_which),
    ]


class Text(StrictModel):
    """Text for readers, in each language. Spanish and English are required; French falls back
    to Spanish, with a visible notice, until someone translates it."""

    es: NonEmpty = Field(description="Spanish text (required).")
    en: NonEmpty = Field(description="English text (required).")
    fr: NonEmpty | None = Field(default=None, description="French text; if missing the page shows the Spanish text with a notice.")

    def get(self, language: str) -> str | None:
        return getattr(self, language)


class RichText(Text):
    """Like Text, but may use a small Markdown subset: paragraphs, lists, **bold**, *italic*
    and [links](https://…). Raw HTML is removed."""
