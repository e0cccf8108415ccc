"""Checks that the answer key of the bundled examples (examples/expected.yaml) is sound.

The key scores the extractor field by field, so a typo in it is a bug that would show up
as a wrong accuracy figure. These tests need no spaCy model and no gazetteer: they check
the key against the article files and against sitrep's own value types.
"""

from __future__ import annotations

import calendar
import json
import re
from datetime import date
from pathlib import Path
from typing import Any, Iterator, get_args

import lxml.html
import pytest
import yaml

from sitrep.model import COUNT_CATEGORIES, Attribution, PlacePrecision, Precision, Realis, Status

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"
KEY_PATH = EXAMPLES / "expected.yaml"
DATA = ROOT / "sitrep" / "data"

# ACLED event types and their sub-event types (ACLED codebook, 2023 edition).
ACLED: dict[str, frozenset[str]] = {
    "Battles": frozenset({"Armed clash", "Government regains territory", "Non-state actor overtakes territory"}),
    "Explosions/Remote violence": frozenset({
        "Chemical weapon", "Air/drone strike", "Suicide bomb", "Shelling/artillery/missile attack",
        "Remote explosive/landmine/IED", "Grenade",
    }),
    "Violence against civilians": frozenset({"Sexual violence", "Attack", "Abduction/forced disappearance"}),
    "Protests": frozenset({"Excessive force against protesters", "Protest with intervention", "Peaceful protest"}),
    "Riots": frozenset({"Violent demonstration", "Mob violence"}),
    "Strategic developments": frozenset({
        "Agreement", "Arrests", "Change to group/activity", "Disrupted weapons use",
        "Headquarters or base established", "Looting/property destruction",
        "Non-violent transfer of territory", "Other",
    }),
}
GTD_ATTACK_TYPES = frozenset({
    "Assassination", "Armed Assault", "Bombing/Explosion", "Hijacking", "Hostage Taking (Barricade Incident)",
    "Hostage Taking (Kidnapping)", "Facility/Infrastructure Attack", "Unarmed Assault", "Unknown",
})
SIDES = frozenset({"civilians", "security forces", "militants", "perpetrators"})

INCIDENT_FIELDS = (
    "id", "kind", "status", "realis", "date", "location", "perpetrators", "targets", "weapons",
    "counts", "claim", "trigger",
)
OPTIONAL_INCIDENT_FIELDS = ("unscored", "accept", "notes")
ARTICLE_FIELDS = frozenset({"title", "standfirst", "author", "outlet", "url", "published"})
ID_PATTERN = re.compile(r"^[a-z]{2}(?:-[a-z]{2})?(?:-[a-z0-9]+)+$")
WHITESPACE = re.compile(r"\s+")


def _squash(text: str) -> str:
    """Collapse runs of whitespace, so hard-wrapped wire copy matches one-line phrases."""
    return WHITESPACE.sub(" ", text).strip()


def _types_in(data_file: str, section: str) -> frozenset[str]:
    """The type names a sitrep lexicon defines (targets.yaml, weapons.yaml)."""
    path = DATA / data_file
    if not path.exists():
        pytest.skip(f"{path} is not there yet: the key's {section} types cannot be checked")
    with path.open(encoding="utf-8") as handle:
        return frozenset(entry["type"] for entry in yaml.safe_load(handle)[section])


def _load_key() -> dict[str, Any]:
    with KEY_PATH.open(encoding="utf-8") as handle:
        return yaml.safe_load(handle)


KEY = _load_key()
ARTICLES: dict[str, dict[str, Any]] = KEY["articles"]


def _sources() -> Iterator[tuple[str, dict[str, Any]]]:
    """Every article the example folder holds, as (key name, raw fields)."""
    for path in sorted(EXAMPLES.iterdir()):
        if path.suffix == ".txt":
            text = path.read_text(encoding="utf-8")
            yield path.name, {"kind": "text", "text": text, "header": text.splitlines()[:8]}
        elif path.suffix == ".html":
            root = lxml.html.fromstring(path.read_bytes())
            (story,) = root.xpath("//article")
            metas = {m.get("property") or m.get("name"): m.get("content") for m in root.xpath("//meta")}
            yield path.name, {
                "kind": "html",
                "text": story.text_content(),
                "title": story.xpath("string(.//h1)"),
                "meta": metas,
            }
        elif path.suffix == ".jsonl":
            for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
                if line.strip():
                    yield f"{path.name}:{number}", {"kind": "jsonl", **json.loads(line)}


SOURCES = dict(_sources())


def _incidents() -> Iterator[tuple[str, dict[str, Any]]]:
    for name, entry in ARTICLES.items():
        for incident in entry["incidents"]:
            yield name, incident


INCIDENTS = list(_incidents())
INCIDENT_IDS = [f"{name}#{incident['id']}" for name, incident in INCIDENTS]


def _iso(value: str) -> date:
    assert isinstance(value, str), f"dates are quoted ISO strings in the key, got {value!r}"
    return date.fromisoformat(value)


def _count_ok(count: dict[str, Any], where: str) -> None:
    assert set(count) <= {"min", "max", "best", "approx", "text", "parts", "label", "side"}, where
    low, high, best = count["min"], count["max"], count["best"]
    assert isinstance(count["approx"], bool), where
    assert best is not None and best >= 0, where
    assert low is None or low <= best, f"{where}: min > best"
    assert high is None or best <= high, f"{where}: best > max"
    if not count["approx"] and low is not None and high is not None:
        assert low == best == high, f"{where}: an exact count has min == best == max"


def test_every_example_article_has_an_entry_in_the_key_and_no_entry_is_stale() -> None:
    assert set(SOURCES) == set(ARTICLES)


def test_key_format_version_is_known() -> None:
    assert KEY["format"] == 1


@pytest.mark.parametrize("name", sorted(ARTICLES))
def test_article_fields_match_the_file(name: str) -> None:
    expected = ARTICLES[name]["article"]
    source = SOURCES[name]
    assert set(expected) <= ARTICLE_FIELDS
    published = _iso(expected["published"])
    assert date(2024, 1, 1) <= published <= date(2026, 11, 29)
    if source["kind"] == "text":
        header = source["header"]
        assert header[0] == expected["title"]
        if "standfirst" in expected:
            assert header[1] == expected["standfirst"]
        if expected["author"]:
            assert any(expected["author"] in line for line in header[1:5])
        stamps = {
            published.strftime(fmt).upper()
            for fmt in ("%d %b %Y", "%d %B %Y", "%d %b %y", "%A %d %B %Y")
        }
        assert any(stamp in line.upper() for line in header for stamp in stamps), stamps
    elif source["kind"] == "html":
        assert source["title"] == expected["title"]
        assert source["meta"]["author"] == expected["author"]
        assert source["meta"]["og:site_name"] == expected["outlet"]
        assert source["meta"]["og:url"] == expected["url"]
        assert source["meta"]["article:published_time"].startswith(expected["published"])
    else:
        assert source["title"] == expected["title"]
        assert source.get("author") == expected["author"]
        assert source["outlet"] == expected["outlet"]
        assert source["url"] == expected["url"]


@pytest.mark.parametrize(("name", "incident"), INCIDENTS, ids=INCIDENT_IDS)
def test_incident_has_every_field_and_known_values(name: str, incident: dict[str, Any]) -> None:
    assert tuple(k for k in incident if k in INCIDENT_FIELDS) == INCIDENT_FIELDS
    assert set(incident) <= set(INCIDENT_FIELDS) | set(OPTIONAL_INCIDENT_FIELDS)
    assert ID_PATTERN.match(incident["id"]), incident["id"]

    kind = incident["kind"]
    assert kind["sub_event_type"] in ACLED[kind["event_type"]]
    assert kind["gtd_attack_type"] is None or kind["gtd_attack_type"] in GTD_ATTACK_TYPES
    assert incident["status"] in get_args(Status)
    assert incident["realis"] in get_args(Realis)

    location = incident["location"]
    if location is not None:
        assert set(location) <= {"name", "admin1", "country_code", "precision", "text"}
        assert location["precision"] in get_args(PlacePrecision)
        code = location["country_code"]
        assert code is None or re.fullmatch(r"[A-Z]{2}", code)

    for actor in incident["perpetrators"]:
        assert set(actor) <= {"name", "matched", "parent", "attribution", "unnamed"}
        assert actor["attribution"] is None or actor["attribution"] in get_args(Attribution)

    assert set(incident["counts"]) <= set(COUNT_CATEGORIES)
    claim = incident["claim"]
    if claim is not None:
        assert isinstance(claim["claimed"], bool)
        assert claim["by"] is None or claim["claimed"], "a denial or a non-claim names no claimant"


def test_target_and_weapon_types_are_the_ones_sitrep_extracts() -> None:
    target_types = _types_in("targets.yaml", "targets")
    weapon_types = _types_in("weapons.yaml", "weapons")
    for _, incident in INCIDENTS:
        targets = [incident["targets"], *incident.get("accept", {}).get("targets", [])]
        for listed in targets:
            assert {t["type"] for t in listed} <= target_types, incident["id"]
        assert {w["type"] for w in incident["weapons"]} <= weapon_types, incident["id"]


@pytest.mark.parametrize(("name", "incident"), INCIDENTS, ids=INCIDENT_IDS)
def test_dates_are_consistent_with_their_precision_and_the_publication_date(
    name: str, incident: dict[str, Any]
) -> None:
    span = incident["date"]
    published = _iso(ARTICLES[name]["article"]["published"])
    if span is None:
        assert incident["realis"] == "hypothetical", "only a threat or a plan may have no date"
        return
    start, end = _iso(span["start"]), _iso(span["end"])
    assert span["precision"] in get_args(Precision)
    assert start <= end
    if incident["realis"] in ("reported", "background", "negated"):
        assert end <= published, "a past incident is never dated after its article"
    if span["precision"] == "day":
        assert start == end
    elif span["precision"] == "month":
        assert start.day == 1 and start.month == end.month and start.year == end.year
        last = calendar.monthrange(end.year, end.month)[1]
        assert end.day == last or end == published, "a month span ends on its last day or on publication"


@pytest.mark.parametrize(("name", "incident"), INCIDENTS, ids=INCIDENT_IDS)
def test_counts_are_ordered_and_parts_add_up(name: str, incident: dict[str, Any]) -> None:
    for category, count in incident["counts"].items():
        where = f"{incident['id']} {category}"
        _count_ok(count, where)
        parts = count.get("parts", [])
        for part in parts:
            _count_ok(part, f"{where} part {part['label']}")
            assert part["side"] is None or part["side"] in SIDES
        if parts:
            assert sum(p["best"] for p in parts) == count["best"], f"{where}: parts do not add up"
            assert count["approx"] == any(p["approx"] for p in parts), where
            lows = [p["min"] for p in parts]
            highs = [p["max"] for p in parts]
            assert count["min"] == (None if None in lows else sum(lows)), where
            assert count["max"] == (None if None in highs else sum(highs)), where


@pytest.mark.parametrize(("name", "incident"), INCIDENTS, ids=INCIDENT_IDS)
def test_every_quoted_phrase_is_in_the_article(name: str, incident: dict[str, Any]) -> None:
    body = _squash(SOURCES[name]["text"])
    phrases = [incident["trigger"]]
    if incident["date"]:
        phrases.append(incident["date"]["text"])
    if incident["location"]:
        phrases.append(incident["location"]["text"])
    phrases += [actor["matched"] for actor in incident["perpetrators"]]
    phrases += [weapon["text"] for weapon in incident["weapons"]]
    for count in incident["counts"].values():
        phrases.append(count["text"])
        phrases += [part["text"] for part in count.get("parts", [])]
    if incident["claim"]:
        phrases.append(incident["claim"]["text"])
    missing = [phrase for phrase in phrases if _squash(phrase) not in body]
    assert not missing, f"not in {name}: {missing}"


@pytest.mark.parametrize(("name", "incident"), INCIDENTS, ids=INCIDENT_IDS)
def test_claims_agree_with_perpetrators(name: str, incident: dict[str, Any]) -> None:
    claim = incident["claim"]
    claimants = {a["name"] for a in incident["perpetrators"] if a["attribution"] == "claimed"}
    if claim and claim["claimed"] and claim["by"]:
        assert claim["by"] in claimants
    else:
        assert not claimants, "a perpetrator marked 'claimed' needs a claim"


@pytest.mark.parametrize(("name", "incident"), INCIDENTS, ids=INCIDENT_IDS)
def test_unscored_and_accepted_paths_name_real_fields(name: str, incident: dict[str, Any]) -> None:
    paths = list(incident.get("unscored", [])) + list(incident.get("accept", {}))
    for path in paths:
        head, _, rest = path.partition(".")
        assert head in INCIDENT_FIELDS, path
        if rest and head in ("kind", "location", "date", "claim"):
            assert incident[head] is not None and rest in incident[head], path
        if rest and head == "counts":
            assert rest in COUNT_CATEGORIES, path
    for alternatives in incident.get("accept", {}).values():
        assert isinstance(alternatives, list) and alternatives


def test_incident_ids_are_unique_within_an_article() -> None:
    for name, entry in ARTICLES.items():
        ids = [incident["id"] for incident in entry["incidents"]]
        assert len(ids) == len(set(ids)), name


def test_an_incident_reported_by_several_articles_is_described_consistently() -> None:
    by_id: dict[str, list[dict[str, Any]]] = {}
    for _, incident in INCIDENTS:
        by_id.setdefault(incident["id"], []).append(incident)
    shared = {key: reports for key, reports in by_id.items() if len(reports) > 1}
    assert list(shared) == ["ng-borno-kawuri-market-bombing-2025-06-10"], "the follow-up pair must share an id"
    for reports in shared.values():
        first = reports[0]
        for other in reports[1:]:
            assert first["kind"]["event_type"] == other["kind"]["event_type"]
            assert first["location"]["country_code"] == other["location"]["country_code"]
            assert first["date"]["start"] <= other["date"]["end"]
            assert other["date"]["start"] <= first["date"]["end"]


def test_the_no_incident_article_expects_nothing() -> None:
    assert ARTICLES["06-no-incident-election-logistics.txt"]["incidents"] == []


def test_wire_copy_is_all_capitals() -> None:
    text = SOURCES["04-wire-colombia-eln-ambush.txt"]["text"]
    assert text == text.upper()
