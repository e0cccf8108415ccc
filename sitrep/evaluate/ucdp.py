"""``sitrep evaluate ucdp``: sitrep's reports scored against UCDP GED events and their headlines.

Each gold row is one UCDP Georeferenced Event Dataset event with the headline(s) it was coded
from (``source_headline``; several headlines are joined by ``;`` when ``source_date`` lists
several dates). The text sitrep reads is the headline, or the headlines one per paragraph, with
HTML entities decoded; the article date is the first ``source_date``, and its outlet the
row's ``source_office`` (its distinct names joined by ``;``), which sitrep reads only as a last
guess of the country of an incident the text does not place.

**The incident of a row.** A row describes one event; its report is the first report whose
realis is ``reported``, else the first report. A row for which sitrep finds no report scores
0 on every metric: the product's record is the report, so a country named in a headline
that yields no report is not credited.

**Metrics** (every row is scored; nothing is excluded):

``country``
    the chosen report's ``location.country_code`` is the gold country's ISO code (UCDP's
    names are mapped through ``sitrep/data/evaluate/ucdp.yaml`` and the gazetteer's own
    country names; a few codes also count for events before a border changed).
``deaths_in_range``
    the chosen report's killed count lies within ``[low, high]``. The count's value is its
    ``best``, else its ``min`` ("more than 60"), else its ``max``. A report without a killed
    count predicts nothing and scores 0: sitrep does not say "none were killed" when a
    headline gives no toll, and a zero would be credited on rows whose low estimate is 0.
``violence_type``
    UCDP's 1 (state-based), 2 (non-state) or 3 (one-sided) read from the report by
    :func:`classify_violence`.

The same three are repeated as ``*_clean`` over the rows that are English, not shared by
several events and real headlines (``clean`` in the mapping file); the notes give the size of
each subset and where the misses come from.
"""

from __future__ import annotations

import html
import re
from collections import Counter
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from pathlib import Path
from types import MappingProxyType
from typing import Any, Iterable, Literal, Mapping, Sequence


from sitrep.errors import RegistryError
from sitrep.evaluate.core import EvalResult, GoldDataError, extract_texts, read_csv, read_mapping_yaml, register
from sitrep.gazetteer.normalize import normalize_name
from sitrep.model import Article, Report

__all__ = [
    "CountryRule",
    "GoldRow",
    "KindRule",
    "UcdpEvaluator",
    "UcdpMapping",
    "ViolenceCall",
    "choose_report",
    "classify_violence",
    "headline_text",
    "predicted_deaths",
    "read_rows",
]

MAPPING_FILE = "evaluate/ucdp.yaml"
REQUIRED_COLUMNS: tuple[str, ...] = (
    "source_headline", "source_date", "country", "type_of_violence", "best", "low", "high",
)
SideClass = Literal["state", "nonstate", "civilian"]
_SIDE_CLASSES: frozenset[str] = frozenset({"state", "nonstate", "civilian"})
_VIOLENCE_TYPES: frozenset[int] = frozenset({1, 2, 3})
_TOP_KEYS: frozenset[str] = frozenset({"countries", "violence", "clean"})
_VIOLENCE_KEYS: frozenset[str] = frozenset({"perpetrator_classes", "target_classes", "count_sides", "kinds"})
#: Headlines are joined by a bare ";"; a ";" followed by a space is punctuation inside one.
_HEADLINE_SEPARATOR = re.compile(r";(?!\s)")
_BRACKETED = re.compile(r"\s*\([^)]*\)")
_ISO2 = re.compile(r"[A-Z]{2}")
_COUNTED = ("killed", "injured", "kidnapped")


# -- the mapping file ---------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class CountryRule:
    """The ISO codes that are right for one UCDP country name."""

    name: str
    code: str
    also: tuple[tuple[str, date | None], ...] = ()  # (code, right only for headlines before this date)

    def accepts(self, code: str | None, published: date | None) -> bool:
        """Whether a predicted ISO code is right for an event reported on ``published``."""
        if not code:
            return False
        if code == self.code:
            return True
        for other, until in self.also:
            if code == other and (until is None or published is None or published < until):
                return True
        return False


@dataclass(frozen=True, slots=True)
class KindRule:
    """A violence type read from the incident's kind when nothing else settles it."""

    event_type: str
    sub_event_type: str | None
    violence_type: int

    def matches(self, report: Report) -> bool:
        kind = report.kind
        return kind.event_type == self.event_type and (
            self.sub_event_type is None or kind.sub_event_type == self.sub_event_type
        )


@dataclass(frozen=True)
class UcdpMapping:
    """``sitrep/data/evaluate/ucdp.yaml``, validated: countries, violence classes, clean subset."""

    countries: Mapping[str, CountryRule]  # by normalised UCDP name
    perpetrator_classes: Mapping[str, SideClass]
    target_classes: Mapping[str, SideClass]
    count_sides: Mapping[str, SideClass]
    kinds: tuple[KindRule, ...]
    unclean_flags: frozenset[str]
    max_shared_events: int

    @classmethod
    def load(cls, path: Path | None = None) -> "UcdpMapping":
        """Read and validate the mapping (the shipped file unless ``path`` is given).

        Raises RegistryError naming the first malformed entry.
        """
        data, name = read_mapping_yaml(MAPPING_FILE, path)
        return cls.from_data(data, name=name)

    @classmethod
    def from_data(cls, data: Any, *, name: str = MAPPING_FILE) -> "UcdpMapping":
        """Validate the parsed YAML; country names the file does not list come from the gazetteer."""
        top = _mapping(data, name, keys=_TOP_KEYS)
        countries = dict(_gazetteer_countries())
        for ucdp_name, entry in _mapping(top.get("countries"), f"{name}: countries").items():
            rule = _country_rule(str(ucdp_name), entry, name)
            countries[_fold(rule.name)] = rule
        violence = _mapping(top.get("violence"), f"{name}: violence", keys=_VIOLENCE_KEYS)
        clean = _mapping(top.get("clean"), f"{name}: clean", keys=frozenset({"unclean_flags", "max_shared_events"}))
        flags = clean.get("unclean_flags", [])
        if not isinstance(flags, list) or not all(isinstance(f, str) and f for f in flags):
            raise RegistryError(f"{name}: clean.unclean_flags must be a list of flag names")
        shared = clean.get("max_shared_events")
        if not isinstance(shared, int) or isinstance(shared, bool) or shared < 1:
            raise RegistryError(f"{name}: clean.max_shared_events must be a whole number of at least 1")
        return cls(
            countries=MappingProxyType(countries),
            perpetrator_classes=_classes(violence, "perpetrator_classes", name),
            target_classes=_classes(violence, "target_classes", name),
            count_sides=_classes(violence, "count_sides", name),
            kinds=tuple(_kind_rule(entry, name) for entry in _list(violence.get("kinds"), f"{name}: violence.kinds")),
            unclean_flags=frozenset(flags),
            max_shared_events=shared,
        )

    def country(self, ucdp_name: str) -> CountryRule | None:
        """The rule for a UCDP country name; None when neither the file nor the gazetteer knows it."""
        folded = _fold(ucdp_name)
        return self.countries.get(folded) or self.countries.get(_fold(_BRACKETED.sub("", ucdp_name)))

    def is_clean(self, flags: Iterable[str], shared_by: int) -> bool:
        """Whether a row belongs to the clean subset (see ``clean`` in the mapping file)."""
        return not (set(flags) & self.unclean_flags) and shared_by <= self.max_shared_events


def _fold(name: str) -> str:
    return normalize_name(name)


@lru_cache(maxsize=1)
def _gazetteer_countries() -> tuple[tuple[str, CountryRule], ...]:
    """Every country name and alternate name of the gazetteer that names one country only."""
    from sitrep.gazetteer.tables import load_tables

    codes: dict[str, set[str]] = {}
    for record in load_tables().countries:
        for country_name in (record.name, *record.alternate_names):
            codes.setdefault(_fold(country_name), set()).add(record.iso2)
    return tuple((n, CountryRule(n, next(iter(c)))) for n, c in codes.items() if len(c) == 1 and n)


def _mapping(value: Any, where: str, *, keys: frozenset[str] | None = None) -> Mapping[str, Any]:
    if not isinstance(value, dict):
        raise RegistryError(f"{where} must be a mapping")
    if keys is not None:
        unknown = sorted(set(map(str, value)) - keys)
        if unknown:
            raise RegistryError(f"{where}: unknown keys {', '.join(unknown)}")
    return value


def _list(value: Any, where: str) -> list[Any]:
    if not isinstance(value, list):
        raise RegistryError(f"{where} must be a list")
    return value


def _iso2(value: Any, where: str) -> str:
    if not isinstance(value, str) or not _ISO2.fullmatch(value):
        raise RegistryError(f"{where}: {value!r} is not an ISO 3166-1 alpha-2 code")
    return value


def _country_rule(ucdp_name: str, entry: Any, name: str) -> CountryRule:
    where = f"{name}: countries: {ucdp_name}"
    body = _mapping(entry, where, keys=frozenset({"code", "also"}))
    also: list[tuple[str, date | None]] = []
    for item in _list(body.get("also", []), f"{where}: also"):
        alt = _mapping(item, f"{where}: also", keys=frozenset({"code", "until"}))
        until = alt.get("until")
        if until is not None and not isinstance(until, date):
            try:
                until = date.fromisoformat(str(until))
            except ValueError as exc:
                raise RegistryError(f"{where}: until {until!r} is not a date (YYYY-MM-DD)") from exc
        also.append((_iso2(alt.get("code"), where), until))
    return CountryRule(ucdp_name, _iso2(body.get("code"), where), tuple(also))


def _classes(section: Mapping[str, Any], key: str, name: str) -> Mapping[str, SideClass]:
    table = _mapping(section.get(key), f"{name}: violence.{key}")
    for label, side in table.items():
        if side not in _SIDE_CLASSES:
            raise RegistryError(f"{name}: violence.{key}.{label}: {side!r} is not one of {sorted(_SIDE_CLASSES)}")
    return MappingProxyType({str(label): side for label, side in table.items()})


def _kind_rule(entry: Any, name: str) -> KindRule:
    body = _mapping(entry, f"{name}: violence.kinds", keys=frozenset({"event_type", "sub_event_type", "type"}))
    event_type, sub_event_type, violence_type = body.get("event_type"), body.get("sub_event_type"), body.get("type")
    if not isinstance(event_type, str) or not (sub_event_type is None or isinstance(sub_event_type, str)):
        raise RegistryError(f"{name}: violence.kinds: {dict(body)!r} needs an event_type (and a text sub_event_type)")
    if violence_type not in _VIOLENCE_TYPES:
        raise RegistryError(f"{name}: violence.kinds: type {violence_type!r} is not 1, 2 or 3")
    return KindRule(event_type, sub_event_type, int(violence_type))


# -- gold rows ------------------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class GoldRow:
    """One UCDP event as scored: the text sitrep reads and the gold fields."""

    row_id: str
    text: str
    published: date | None
    headlines: int
    outlet: str | None
    country: str
    violence_type: int
    low: int
    best: int
    high: int
    flags: tuple[str, ...]
    shared_by: int
    clean: bool


def headline_text(headline: str, dates: str) -> tuple[str, int]:
    """The text sitrep reads for a row, and how many headlines it holds.

    HTML entities are decoded; when ``dates`` lists several dates the headlines (joined by a
    bare ``;``) are put one per paragraph (a blank line between them): headlines end without
    a full stop, and only a paragraph break keeps two of them from being read as one sentence.
    """
    text = html.unescape(headline)
    if ";" not in dates:
        return text.strip(), 1
    pieces = [p.strip() for p in _HEADLINE_SEPARATOR.split(text)]
    pieces = [p for p in pieces if p]
    return "\n\n".join(pieces), max(len(pieces), 1)


def _first_date(value: str) -> date | None:
    first = value.split(";", 1)[0].strip()[:10]
    try:
        return date.fromisoformat(first)
    except ValueError:
        return None


def _outlets(value: str) -> str | None:
    """The distinct outlets of ``source_office`` ("SOHR;SOHR"), joined by "; ", or None."""
    names = dict.fromkeys(n.strip() for n in value.split(";") if n.strip())
    return "; ".join(names) or None


def _whole(row: Mapping[str, str], column: str, where: str) -> int:
    value = (row.get(column) or "").strip()
    try:
        return int(float(value))
    except ValueError as exc:
        raise GoldDataError(f"{where}: {column} {value!r} is not a number") from exc


def read_rows(path: Path, mapping: UcdpMapping, *, limit: int | None = None) -> list[GoldRow]:
    """The gold rows of a UCDP headline file (the first ``limit`` ones when given).

    A row's id is its ``id`` column, else its number among the data rows (from 1).
    GoldDataError when a required column is missing or a number cannot be read.
    """
    rows = read_csv(path, REQUIRED_COLUMNS)
    if limit is not None:
        rows = rows[:limit]
    out: list[GoldRow] = []
    for number, row in enumerate(rows, start=1):
        where = f"{path.name}, row {number}"
        violence = _whole(row, "type_of_violence", where)
        if violence not in _VIOLENCE_TYPES:
            raise GoldDataError(f"{where}: type_of_violence {violence} is not 1, 2 or 3")
        text, headlines = headline_text(row["source_headline"], row["source_date"])
        flags = tuple(f for f in (row.get("qa_flags") or "").split("|") if f)
        shared = (row.get("qa_headline_shared_by_n_events") or "").strip()
        shared_by = _whole(row, "qa_headline_shared_by_n_events", where) if shared else 1
        out.append(
            GoldRow(
                row_id=(row.get("id") or "").strip() or str(number),
                text=text,
                published=_first_date(row["source_date"]),
                headlines=headlines,
                outlet=_outlets(row.get("source_office") or ""),
                country=row["country"].strip(),
                violence_type=violence,
                low=_whole(row, "low", where),
                best=_whole(row, "best", where),
                high=_whole(row, "high", where),
                flags=flags,
                shared_by=shared_by,
                clean=mapping.is_clean(flags, shared_by),
            )
        )
    return out


# -- reading a report the UCDP way -------------------------------------------------------------
def choose_report(reports: Sequence[Report]) -> Report | None:
    """The report that stands for a row's one event: the first reported one, else the first."""
    return next((r for r in reports if r.realis == "reported"), reports[0] if reports else None)


def predicted_deaths(report: Report | None) -> int | None:
    """The killed figure compared with UCDP's range: best, else min, else max; None without a count."""
    killed = report.counts.killed if report is not None else None
    if killed is None:
        return None
    for value in (killed.best, killed.min, killed.max):
        if value is not None:
            return value
    return None


@dataclass(frozen=True, slots=True)
class ViolenceCall:
    """A UCDP type of violence read from a report, and the rule that decided it."""

    type: int | None
    reason: str


def classify_violence(report: Report, mapping: UcdpMapping) -> ViolenceCall:
    """UCDP's type of violence (1 state-based, 2 non-state, 3 one-sided) for one report.

    The report's perpetrators give the attacking side's classes (state / nonstate), its
    targets and the sides of the groups it counts among the killed, injured and kidnapped
    give the victims' classes (state / nonstate / civilian), as listed in the mapping file.
    The first rule that holds decides:

    1. state forces among the victims -> 1 (rebels attacking the state, or two states);
    2. a state perpetrator and a non-state victim or perpetrator -> 1;
    3. civilian victims and no non-state victims -> 3 (whoever the perpetrator);
    4. non-state victims and a non-state perpetrator, or two registry groups that are not
       parent and affiliate among the perpetrators -> 2;
    5. a state perpetrator alone -> 1 (the state acting against someone unnamed);
    6. non-state victims with no perpetrator named -> 1 (militants killed by an unnamed hand
       are, in news copy, most often killed by government forces);
    7. the incident's kind, by the ``kinds`` list of the mapping file;
    8. otherwise no type (scored as wrong).
    """
    perpetrators = {mapping.perpetrator_classes.get(p.actor_type or "") for p in report.perpetrators}
    perpetrators.discard(None)
    victims = {mapping.target_classes.get(t.type) for t in report.targets}
    for category in _COUNTED:
        count = report.counts.get(category)  # type: ignore[arg-type]
        if count is not None:
            victims.update(mapping.count_sides.get(p.side or "") for p in count.parts)
    victims.discard(None)
    if "state" in victims:
        return ViolenceCall(1, "state forces among the victims")
    if "state" in perpetrators and ("nonstate" in victims or "nonstate" in perpetrators):
        return ViolenceCall(1, "a state force against a non-state side")
    if "civilian" in victims and "nonstate" not in victims:
        return ViolenceCall(3, "civilian victims")
    if "nonstate" in victims and "nonstate" in perpetrators:
        return ViolenceCall(2, "non-state groups on both sides")
    if _rival_groups(report, mapping):
        return ViolenceCall(2, "two non-state groups among the perpetrators")
    if "state" in perpetrators:
        return ViolenceCall(1, "a state force acting")
    if "nonstate" in victims and not report.perpetrators:
        return ViolenceCall(1, "non-state victims, no perpetrator named")
    for rule in mapping.kinds:
        if rule.matches(report):
            return ViolenceCall(rule.violence_type, f"kind {report.kind.event_type}")
    return ViolenceCall(None, "nothing tells the sides")


def _rival_groups(report: Report, mapping: UcdpMapping) -> bool:
    groups = {
        p.parent or p.name
        for p in report.perpetrators
        if p.actor_id is not None and mapping.perpetrator_classes.get(p.actor_type or "") == "nonstate"
    }
    return len(groups) >= 2


# -- the evaluator --------------------------------------------------------------------------------
_METRICS = ("country", "deaths_in_range", "violence_type")


@register("ucdp")
class UcdpEvaluator:
    """Scores country, deaths in UCDP's [low, high] range and type of violence on every row.

    Every row is scored whether or not ``--data`` was given (``all_rows`` changes nothing).
    """

    name = "ucdp"
    default_path = "ucdp/headlines.csv"

    def __init__(self, mapping: UcdpMapping | None = None) -> None:
        self.mapping = mapping or UcdpMapping.load()

    def evaluate(self, extractor: Any, path: Path, *, limit: int | None, all_rows: bool) -> EvalResult:
        """Run the extractor over every headline of ``path`` and score the chosen reports."""
        rows = read_rows(path, self.mapping, limit=limit)
        articles = [Article(text=row.text, published=row.published, outlet=row.outlet) for row in rows]
        reports, speed = extract_texts(extractor, articles)
        result = EvalResult(dataset=self.name, documents=len(rows), speed=speed)
        for metric in (*_METRICS, *(f"{m}_clean" for m in _METRICS)):
            result.metric(metric)
        tally: Counter[str] = Counter()
        confusion: Counter[tuple[int, int | None]] = Counter()
        for row, row_reports in zip(rows, reports):
            report = choose_report(row_reports)
            scores = {
                "country": self._score_country(row, report, row_reports, result, tally),
                "deaths_in_range": self._score_deaths(row, report, result, tally),
                "violence_type": self._score_violence(row, report, result, confusion),
            }
            for metric, ok in scores.items():
                result.metric(metric).add(ok)
                if row.clean:
                    result.metric(f"{metric}_clean").add(ok)
        result.notes.extend(self._notes(rows, tally, confusion))
        return result

    # -- per field ------------------------------------------------------------------------------
    def _score_country(
        self, row: GoldRow, report: Report | None, reports: Sequence[Report], result: EvalResult, tally: Counter[str]
    ) -> bool:
        rule = self.mapping.country(row.country)
        if rule is None:
            tally["country_unmapped"] += 1
        location = report.location if report is not None else None
        code = location.country_code if location is not None else None
        if rule is not None:
            ok = rule.accepts(code, row.published)
        else:  # a name neither the mapping nor the gazetteer knows: compare names
            gold = _fold(_BRACKETED.sub("", row.country))
            ok = location is not None and bool(location.country) and _fold(location.country or "") == gold
        if ok:
            return True
        if report is None:
            predicted = "no report"
            tally["country_no_report"] += 1
        elif code is None:
            predicted = "report without a country"
            tally["country_no_location"] += 1
        else:
            predicted = f"{code} ({location.name if location else ''})"
            tally["country_wrong"] += 1
        if rule is not None and any(
            r.location is not None and rule.accepts(r.location.country_code, row.published) for r in reports
        ):
            tally["country_in_other_report"] += 1
        gold_label = f"{row.country} ({rule.code})" if rule else row.country
        result.miss(row.row_id, "country", gold_label, predicted, row.text)
        return False

    def _score_deaths(self, row: GoldRow, report: Report | None, result: EvalResult, tally: Counter[str]) -> bool:
        value = predicted_deaths(report)
        if value is not None and row.low <= value <= row.high:
            return True
        if report is None:
            predicted: Any = "no report"
            tally["deaths_no_report"] += 1
        elif value is None:
            predicted = "no killed count"
            tally["deaths_no_count"] += 1
        else:
            killed = report.counts.killed
            predicted = f"{value} ({killed.text if killed else ''})"
            tally["deaths_below" if value < row.low else "deaths_above"] += 1
        result.miss(row.row_id, "deaths_in_range", f"[{row.low}, {row.high}] best {row.best}", predicted, row.text)
        return False

    def _score_violence(
        self, row: GoldRow, report: Report | None, result: EvalResult, confusion: Counter[tuple[int, int | None]]
    ) -> bool:
        call = classify_violence(report, self.mapping) if report is not None else ViolenceCall(None, "no report")
        confusion[(row.violence_type, call.type)] += 1
        if call.type == row.violence_type:
            return True
        predicted = f"{call.type} ({call.reason})" if call.type is not None else call.reason
        result.miss(row.row_id, "violence_type", row.violence_type, predicted, row.text)
        return False

    # -- notes ----------------------------------------------------------------------------------
    def _notes(
        self, rows: Sequence[GoldRow], tally: Counter[str], confusion: Counter[tuple[int, int | None]]
    ) -> list[str]:
        non_english = sum(1 for r in rows if "likely_non_english" in r.flags)
        shared = sum(1 for r in rows if r.shared_by > 1)
        notes = [
            f"rows: {len(rows)}; clean subset (*_clean): {sum(r.clean for r in rows)}; "
            f"likely not English: {non_english}; headline shared by several events: {shared}; "
            f"several headlines (read one per paragraph): {sum(r.headlines > 1 for r in rows)}",
            f"country misses: no report {tally['country_no_report']}, report without a country "
            f"{tally['country_no_location']}, wrong country {tally['country_wrong']}; "
            f"of these, right in another report of the row {tally['country_in_other_report']}",
            f"deaths misses: no report {tally['deaths_no_report']}, no killed count {tally['deaths_no_count']}, "
            f"below the range {tally['deaths_below']}, above it {tally['deaths_above']}",
        ]
        labels = {1: "1 state-based", 2: "2 non-state", 3: "3 one-sided"}
        for gold in sorted(_VIOLENCE_TYPES):
            predicted = ", ".join(
                f"{p if p is not None else 'none'}: {confusion[(gold, p)]}" for p in (1, 2, 3, None)
            )
            notes.append(f"violence_type gold {labels[gold]} -> predicted {predicted}")
        if tally["country_unmapped"]:
            notes.append(
                f"country: {tally['country_unmapped']} rows name a country the mapping does not know "
                f"(compared by name; add it to sitrep/data/{MAPPING_FILE})"
            )
        return notes
