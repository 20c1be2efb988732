"""One typed model per record type. Each field's description is written once, here: it
becomes the JSON Schema that editors use and the field reference on the site."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from generator.validate.fields import (
    CalendarDate,
    CountryCode,
    GcmObjective,
    NonEmpty,
    PartialDate,
    RichText,
    Slug,
    StrictModel,
    Term,
    TermId,
    Text,
    Url,
    WholeNumber,
    Year,
    maybe,
)

Coverage = Literal["yes", "partial", "no", "unknown"]


class Source(StrictModel):
    """A public document that supports the facts in the record."""

    title: NonEmpty = Field(description="Title of the document or web page, as published.")
    publisher: maybe(NonEmpty) = Field(description="Who published it: ministry, agency, newspaper, organisation.")
    year: maybe(Year) = Field(description="Year of publication.")
    url: Url = Field(description="Where to read it: an https:// (or http://) address.")
    accessed: maybe(CalendarDate) = Field(description="When the address was last opened and checked (YYYY-MM-DD).")


class Figure(StrictModel):
    """A number from a source, kept with its year and the source that gives it."""

    label: Text = Field(description="What is counted, e.g. 'workers placed'.")
    value: NonEmpty = Field(description="The figure as the source gives it, e.g. '25,000' or 'more than 13,000'.")
    year: maybe(Year) = Field(description="The year (or last year) the figure refers to.")
    source: WholeNumber = Field(
        ge=1,
        description="Number of the supporting entry in `sources` (1 for the first).",
        json_schema_extra={"type": ["integer", "string"], "pattern": "^[1-9][0-9]*$"},  # the loader reads text
    )


class Institution(StrictModel):
    """A public body or organisation with a role in the mechanism."""

    name: Text = Field(description="Name of the institution.")
    country: maybe(CountryCode) = Field(description="Country code of the institution (ISO 3166-1 alpha-2), or `unknown`.")
    role: maybe(Text) = Field(description="What it does in the mechanism.")


class Channel(StrictModel):
    """An official place to apply or to get information: never a private recruiter."""

    name: Text = Field(description="Name of the office or web page.")
    url: Url = Field(description="Address of the official page.")


class Protection(StrictModel):
    """Whether the mechanism offers a protection, and how, as the sources say."""

    covered: Coverage = Field(description="yes, partial, no or unknown.")
    detail: maybe(Text) = Field(description="What exactly the sources say, in plain words.")


class Protections(StrictModel):
    no_fees_for_workers: Protection = Field(description="Workers pay no recruitment or placement fees.")
    social_security: Protection = Field(description="Workers are covered by social security while abroad.")
    social_security_portability: Protection = Field(description="Contributions or benefits can be carried home.")
    return_reintegration: Protection = Field(description="The mechanism organises return and reintegration.")


class Record(StrictModel):
    """Fields every record type has."""

    id: Slug = Field(description="Record id; must equal the file name without .yaml.")
    name: Text = Field(description="Full name of the record.")
    summary: Text = Field(description="Two or three plain sentences a worker with primary schooling understands.")
    sources: list[Source] = Field(min_length=1, description="Public sources for the facts in this record.")
    last_reviewed: CalendarDate = Field(description="Date (YYYY-MM-DD) someone last checked the record against its sources.")


class Mechanism(Record):
    """A temporary-worker programme, bilateral arrangement or visa category through which
    people can work in another country regularly."""

    acronym: Text | None = Field(default=None, description="Usual short name in each language, if there is one.")
    instrument_type: Term = Field(description="Kind of instrument; an id from content/taxonomies/instrument-types.yaml.")
    scope: Literal["bilateral", "multilateral", "unilateral", "non-state", "unknown"] = Field(
        description="bilateral (two states), multilateral, unilateral (one state), non-state "
        "(a government or agency with a private body) or unknown."
    )
    origin_countries: list[CountryCode] = Field(min_length=1, description="Countries workers come from (ISO codes).")
    destination_countries: list[CountryCode] = Field(min_length=1, description="Countries workers go to (ISO codes).")
    started: maybe(PartialDate) = Field(description="When it started: YYYY, YYYY-MM or YYYY-MM-DD.")
    ended: maybe(PartialDate) | None = Field(default=None, description="When it ended, if it has.")
    status: Term = Field(description="An id from content/taxonomies/statuses.yaml: active, suspended, ended, proposed or unknown.")
    sectors: list[Term] = Field(min_length=1, description="Ids from content/taxonomies/sectors.yaml.")
    stay: list[Literal["temporary", "seasonal", "circular", "permanent", "unknown"]] = Field(
        min_length=1, description="Kind of stay: temporary, seasonal, circular, permanent or unknown."
    )
    institutions: list[Institution] = Field(min_length=1, description="Bodies that run or take part in it.")
    cycle_phases: list[Term] = Field(min_length=1, description="Migration-cycle phases it covers; ids from cycle-phases.yaml.")
    protections: Protections = Field(description="Protections it offers workers.")
    details: RichText = Field(description="What an official needs: how it works, who does what, its history.")
    eligibility: maybe(RichText) = Field(description="Who can take part.")
    how_to_apply: maybe(RichText) = Field(description="The official way to apply, step by step.")
    official_channels: list[Channel] = Field(default_factory=list, description="Official pages to apply or get information.")
    never_pay: maybe(RichText) = Field(description="What a worker must never pay for, where the sources say so.")
    complaints: maybe(RichText) = Field(description="Where to complain or ask for help.")
    warnings: RichText | None = Field(default=None, description="Fraud warnings or common misunderstandings.")
    figures: list[Figure] = Field(default_factory=list, description="Numbers from the sources, each with year and source.")
    gcm_objectives: list[GcmObjective] = Field(default_factory=list, description="Global Compact for Migration objectives (1 to 23).")
    frameworks: list[Term] = Field(default_factory=list, description="ILO instruments or SDG targets it relates to; ids from frameworks.yaml.")
    related: list[Slug] = Field(default_factory=list, description="Ids of related mechanisms.")


class Agreement(Record):
    """A bilateral or multilateral instrument (agreement, memorandum of understanding)."""

    instrument_type: Term = Field(description="Kind of instrument; an id from instrument-types.yaml.")
    parties: list[CountryCode] = Field(min_length=1, description="Countries that are parties (ISO codes).")
    signatories: list[Institution] = Field(default_factory=list, description="Institutions that signed it.")
    signed: maybe(PartialDate) = Field(description="Date of signature: YYYY, YYYY-MM or YYYY-MM-DD.")
    status: Term = Field(description="An id from statuses.yaml.")
    text_public: Literal["yes", "no", "unknown"] = Field(description="Whether the text of the agreement is public.")
    text_url: Url | None = Field(default=None, description="Where the text can be read, if it is public.")
    mechanisms: list[Slug] = Field(default_factory=list, description="Ids of the mechanisms it underpins.")
    details: RichText = Field(description="What the agreement provides.")


class Practice(Record):
    """A promising practice in labour migration."""

    countries: list[CountryCode] = Field(min_length=1, description="Countries where it takes place (ISO codes).")
    actors: list[Text] = Field(min_length=1, description="Who carried it out.")
    period: maybe(NonEmpty) = Field(description="When, as the sources say, e.g. '2019–2023' or 'since 2011'.")
    cycle_phases: list[Term] = Field(min_length=1, description="Migration-cycle phases it serves.")
    gcm_objectives: list[GcmObjective] = Field(min_length=1, description="Global Compact for Migration objectives it serves.")
    frameworks: list[Term] = Field(default_factory=list, description="ILO instruments or SDG targets it relates to.")
    what_was_done: RichText = Field(description="What was done.")
    results: maybe(RichText) = Field(description="Results, with figures and years where sources give them.")
    figures: list[Figure] = Field(default_factory=list, description="Numbers from the sources, each with year and source.")
    lessons: maybe(RichText) = Field(description="What others can learn from it.")
    mechanisms: list[Slug] = Field(default_factory=list, description="Ids of mechanisms it relates to.")


class Term_(StrictModel):
    """One entry of a taxonomy."""

    id: TermId = Field(description="Code used in records; also part of page addresses (countries/mx/).")
    label: Text = Field(description="Name shown to readers.")
    description: Text | None = Field(default=None, description="Short explanation, for the glossary.")


class Taxonomy(StrictModel):
    terms: list[Term_] = Field(min_length=1)


RECORD_TYPES: dict[str, type[Record]] = {
    "mechanism": Mechanism,
    "agreement": Agreement,
    "practice": Practice,
}
