"""Scoring an extraction against an answer key (sitrep.evaluate.answer_key).

Hand-made keys (tiny YAML files) and hand-made report dicts: no spaCy model, no gazetteer
database, no actor registry (small fakes stand in where a test needs one). The last tests
run the scorer over the real examples key with a "perfect" extraction built from the key.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import yaml

from sitrep.errors import SitrepError
from sitrep.evaluate import AnswerKeyError, KeyScore, extract_articles, key_name, load_key, read_examples, score
from sitrep.evaluate.key_align import ArticleText, assign
from sitrep.evaluate.key_fields import ARTICLE_ROW, same_count, weapon_gtd_types
from sitrep.model import COUNT_CATEGORIES

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"

TEXT = (
    "Gunmen stormed a police station in Mamash Khel on Monday, killing two constables. "
    "A roadside bomb struck a police van in the same area on Tuesday, wounding five officers. "
    "The weather was fine."
)
NAME = "bannu.txt"


# -- helpers ------------------------------------------------------------------------------
def _place(text: str) -> dict[str, Any]:
    return {"name": "Mamash Khel", "admin1": "Khyber Pakhtunkhwa", "country_code": "PK", "precision": "district", "text": text}


def _incident(**overrides: Any) -> dict[str, Any]:
    incident: dict[str, Any] = {
        "id": "pk-mamash-khel-police-station-2025-07-07",
        "kind": {"event_type": "Battles", "sub_event_type": "Armed clash", "gtd_attack_type": "Armed Assault"},
        "status": "completed",
        "realis": "reported",
        "date": {"start": "2025-07-07", "end": "2025-07-07", "precision": "day", "text": "on Monday"},
        "location": _place("Mamash Khel"),
        "perpetrators": [{"name": "gunmen", "matched": "Gunmen", "unnamed": True, "attribution": "attributed"}],
        "targets": [{"description": "a police station", "type": "police"}],
        "weapons": [],
        "counts": {"killed": {"min": 2, "max": 2, "best": 2, "approx": False, "text": "two constables"}},
        "claim": None,
        "trigger": "stormed a police station",
    }
    incident.update(overrides)
    return incident


def _van(**overrides: Any) -> dict[str, Any]:
    return _incident(
        id="pk-mamash-khel-police-van-ied-2025-07-08",
        kind={
            "event_type": "Explosions/Remote violence",
            "sub_event_type": "Remote explosive/landmine/IED",
            "gtd_attack_type": "Bombing/Explosion",
        },
        date={"start": "2025-07-08", "end": "2025-07-08", "precision": "day", "text": "on Tuesday"},
        location=_place("the same area"),
        perpetrators=[],
        targets=[{"description": "a police van", "type": "police"}],
        weapons=[{"type": "improvised explosive device", "text": "A roadside bomb"}],
        counts={"injured": {"min": 5, "max": 5, "best": 5, "approx": False, "text": "five officers"}},
        trigger="A roadside bomb struck a police van",
        **overrides,
    )


def _key(tmp_path: Path, incidents: list[dict[str, Any]], article: dict[str, Any] | None = None, name: str = NAME) -> Path:
    fields = article or {"title": "Attacks in Bannu", "author": None, "published": "2025-07-09"}
    path = tmp_path / "expected.yaml"
    data = {"format": 1, "articles": {name: {"article": fields, "incidents": incidents}}}
    path.write_text(yaml.safe_dump(data), encoding="utf-8")
    return path


def _sentence(text: str, phrase: str) -> dict[str, Any]:
    """Evidence for the sentence of TEXT-like ``text`` that holds ``phrase``."""
    at = text.index(phrase)
    start = text.rfind(". ", 0, at)
    start = 0 if start < 0 else start + 2
    end = text.find(". ", at)
    end = len(text) if end < 0 else end + 1
    return {"sentence": text[start:end], "start": start, "end": end, "phrase": phrase}


def _report(incident: dict[str, Any], text: str = TEXT, **overrides: Any) -> dict[str, Any]:
    """The report a perfect extraction would give for a key incident (Report.to_dict() shape)."""
    report: dict[str, Any] = {
        "kind": dict(incident["kind"]),
        "status": incident["status"],
        "realis": incident["realis"],
        "date": None if incident["date"] is None else {k: incident["date"][k] for k in ("start", "end", "precision", "text")},
        "location": None if incident["location"] is None else dict(incident["location"]),
        "perpetrators": [
            {"name": a["name"], "matched": a["matched"], "parent": a.get("parent"), "attribution": a["attribution"],
             "actor_id": None, "actor_type": "unnamed" if a.get("unnamed") else "armed group"}
            for a in incident["perpetrators"]
        ],
        "targets": [dict(t) for t in incident["targets"]],
        "weapons": [dict(w) for w in incident["weapons"]],
        "counts": {c: incident["counts"].get(c) for c in COUNT_CATEGORIES},
        "claim": incident["claim"],
        "evidence": {"kind": _sentence(text, incident["trigger"])},
        "confidence": 0.9,
        "trigger": incident["trigger"],
    }
    report.update(overrides)
    return report


def _fields(result: KeyScore, incident_id: str) -> dict[str, bool]:
    return {r.field: r.ok for r in result.results if r.incident_id == incident_id}


@dataclass(frozen=True)
class _Actor:
    id: str


class _Registry:
    """A two-entry registry: any alias gives the entry."""

    _aliases = {"islamic state": "isis", "isis": "isis", "daesh": "isis", "ttp": "ttp", "tehreek-e-taliban pakistan": "ttp"}

    def lookup(self, name: str) -> _Actor | None:
        found = self._aliases.get(name.strip().lower())
        return _Actor(found) if found else None


@dataclass(frozen=True)
class _Division:
    geonameid: int
    name: str


class _Gazetteer:
    """Styria and Steiermark are one division; nothing else is known."""

    def admin1(self, name: str, country_code: str | None = None) -> _Division | None:
        if name in ("Styria", "Steiermark") and country_code == "AT":
            return _Division(2764581, "Steiermark")
        return None


# -- loading the key ----------------------------------------------------------------------
def test_load_key_reads_articles_incidents_unscored_and_accept(tmp_path: Path) -> None:
    incident = _incident(unscored=["perpetrators"], accept={"location.name": ["Bannu"]})
    key = load_key(_key(tmp_path, [incident]))
    (only,) = key.articles[NAME].incidents
    assert only.id == incident["id"]
    assert only.skips("perpetrators") and only.skips("perpetrators.attribution")
    assert not only.skips("perpetrators_extra") and not only.skips("status")
    assert only.accept["location.name"] == ("Bannu",)
    assert only.value("location.admin1") == "Khyber Pakhtunkhwa"
    assert key.incident_count == 1


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda data: data.update(format=2), "format"),
        (lambda data: data["articles"][NAME]["incidents"][0].pop("claim"), "missing fields"),
        (lambda data: data["articles"][NAME]["incidents"][0].update(accept={"place": ["x"]}), "names no incident field"),
        (lambda data: data["articles"][NAME]["incidents"][0].update(accept={"realis": []}), "non-empty list"),
        (lambda data: data["articles"][NAME]["incidents"].append(_incident()), "used twice"),
        (lambda data: data["articles"][NAME]["article"].update(published="last Tuesday"), "ISO date"),
    ],
)
def test_a_broken_key_is_refused_with_a_message_naming_the_problem(tmp_path: Path, change: Any, message: str) -> None:
    path = _key(tmp_path, [_incident()])
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    change(data)
    path.write_text(yaml.safe_dump(data), encoding="utf-8")
    with pytest.raises(AnswerKeyError, match=message) as caught:
        load_key(path)
    assert isinstance(caught.value, SitrepError)


def test_a_missing_key_file_is_an_answer_key_error(tmp_path: Path) -> None:
    with pytest.raises(AnswerKeyError, match="cannot be read"):
        load_key(tmp_path / "nowhere.yaml")


# -- alignment ----------------------------------------------------------------------------
def test_alignment_pairs_each_key_incident_with_its_own_report_whatever_the_order(tmp_path: Path) -> None:
    station, van = _incident(), _van()
    key = load_key(_key(tmp_path, [station, van]))
    reports = [_report(van), _report(station)]
    result = score(key, {NAME: reports}, articles={NAME: {"text": TEXT}})
    assert sorted(result.matched) == [(NAME, station["id"], 1), (NAME, van["id"], 0)]
    assert result.missed == () and result.spurious == ()
    assert all(r.ok for r in result.results if r.incident_id != ARTICLE_ROW)


def test_alignment_works_from_the_evidence_sentences_when_the_article_text_is_not_given(tmp_path: Path) -> None:
    station, van = _incident(), _van()
    key = load_key(_key(tmp_path, [station, van]))
    result = score(key, {NAME: [_report(van), _report(station)]})
    assert sorted(result.matched) == [(NAME, station["id"], 1), (NAME, van["id"], 0)]


def test_a_report_with_no_shared_evidence_is_spurious_and_the_key_incident_missed(tmp_path: Path) -> None:
    station, van = _incident(), _van()
    key = load_key(_key(tmp_path, [station, van]))
    weather = _report(station, evidence={"kind": _sentence(TEXT, "The weather was fine")})
    result = score(key, {NAME: [_report(station), weather]}, articles={NAME: {"text": TEXT}})
    assert result.matched == ((NAME, station["id"], 0),)
    assert result.missed == ((NAME, van["id"]),)
    assert [report["evidence"]["kind"]["phrase"] for _, report in result.spurious] == ["The weather was fine"]
    assert result.recall == pytest.approx(0.5) and result.precision == pytest.approx(0.5)
    table = result.table()
    assert "matched pairs only" in table
    assert "1 of 2 key incidents matched = 50% (1 missed)" in table
    assert "1 of 2 reports matched = 50% (1 spurious)" in table


def test_one_report_is_paired_with_one_key_incident_at_most(tmp_path: Path) -> None:
    station, van = _incident(), _van()
    key = load_key(_key(tmp_path, [station, van]))
    both = _report(station, evidence={"kind": _sentence(TEXT, station["trigger"]), "weapons": _sentence(TEXT, van["trigger"])})
    result = score(key, {NAME: [both]}, articles={NAME: {"text": TEXT}})
    assert result.matched == ((NAME, station["id"], 0),)  # the kind and date agree with the station attack
    assert result.missed == ((NAME, van["id"]),)


def test_articles_missing_from_the_extraction_miss_every_incident_and_unkeyed_articles_are_spurious(tmp_path: Path) -> None:
    key = load_key(_key(tmp_path, [_incident()]))
    result = score(key, {"other.txt": [_report(_incident())]})
    assert result.missed == ((NAME, _incident()["id"]),)
    assert [name for name, _ in result.spurious] == ["other.txt"]
    assert result.results == ()


def test_assignment_maximises_the_total_not_the_first_best_pair() -> None:
    # Greedy would take (0, 0) and leave row 1 alone; the best total pairs both rows.
    assert assign([[0.9, 0.8], [0.85, None]]) == [(0, 1), (1, 0)]
    assert assign([[None, None], [0.4, None]]) == [(1, 0)]
    assert assign([]) == [] and assign([[None]]) == []
    wide = [[0.5 if c == r else None for c in range(5)] for r in range(2)]
    assert assign(wide) == [(0, 0), (1, 1)]


def test_phrases_are_found_across_hard_wrapped_lines_and_capitals() -> None:
    wire = "GUERRILLAS AMBUSHED AN ARMY PATROL IN THE RURAL AREA OF PUERTO JORDAN,\nTAME MUNICIPALITY, ARAUCA DEPARTMENT."
    body = ArticleText.build(wire)
    ((start, end),) = body.find_all("the rural area of Puerto Jordan, TAME MUNICIPALITY")
    assert wire[start:end] == "THE RURAL AREA OF PUERTO JORDAN,\nTAME MUNICIPALITY"


# -- fields -------------------------------------------------------------------------------
def test_a_perfect_report_gets_every_field_right(tmp_path: Path) -> None:
    station = _incident()
    key = load_key(_key(tmp_path, [station]))
    result = score(key, {NAME: [_report(station)]}, articles={NAME: {"text": TEXT}})
    fields = _fields(result, station["id"])
    assert all(fields.values())
    assert {"kind.event_type", "date", "date.start", "location.admin1", "perpetrators", "perpetrators.attribution",
            "counts.killed", "counts.killed.approx", "counts.injured", "claim", "targets", "weapons"} <= set(fields)


def test_unscored_fields_and_everything_under_them_are_skipped(tmp_path: Path) -> None:
    station = _incident(unscored=["perpetrators", "counts.killed", "kind.gtd_attack_type"])
    key = load_key(_key(tmp_path, [station]))
    report = _report(station, perpetrators=[], counts={"killed": _count(9, approx=True)})
    report["kind"]["gtd_attack_type"] = "Assassination"
    fields = _fields(score(key, {NAME: [report]}), station["id"])
    skipped = {"perpetrators", "perpetrators.attribution", "counts.killed", "counts.killed.approx", "kind.gtd_attack_type"}
    assert not skipped & set(fields)
    assert fields["kind.event_type"] and fields["counts.injured"]


def test_accept_gives_other_right_values_for_a_field(tmp_path: Path) -> None:
    station = _incident(accept={"location.name": ["Bannu"], "realis": ["background"]})
    key = load_key(_key(tmp_path, [station]))
    report = _report(station, realis="background")
    report["location"]["name"] = "BANNU"
    fields = _fields(score(key, {NAME: [report]}), station["id"])
    assert fields["location.name"] and fields["realis"]
    report["location"]["name"] = "Peshawar"
    assert not _fields(score(key, {NAME: [report]}), station["id"])["location.name"]


def test_a_whole_alternative_reading_is_scored_as_one_reading(tmp_path: Path) -> None:
    plot = _incident(
        kind={"event_type": "Strategic developments", "sub_event_type": "Disrupted weapons use", "gtd_attack_type": None},
        accept={"kind": [{"event_type": "Battles", "sub_event_type": "Armed clash", "gtd_attack_type": None}]},
    )
    key = load_key(_key(tmp_path, [plot]))
    clash = _report(plot, kind={"event_type": "Battles", "sub_event_type": "Armed clash", "gtd_attack_type": None})
    assert all(v for k, v in _fields(score(key, {NAME: [clash]}), plot["id"]).items() if k.startswith("kind."))
    # Event type from the alternative, sub-event type from the key's own reading: not one reading.
    mixed = _report(plot, kind={"event_type": "Battles", "sub_event_type": "Disrupted weapons use", "gtd_attack_type": None})
    fields = _fields(score(key, {NAME: [mixed]}), plot["id"])
    assert fields["kind.event_type"] != fields["kind.sub_event_type"]


def _count(best: int, *, low: int | None = None, high: int | None = None, approx: bool = False) -> dict[str, Any]:
    return {"min": low, "max": high, "best": best, "approx": approx, "text": str(best)}


@pytest.mark.parametrize(
    ("expected", "got", "ok"),
    [
        (_count(12, low=12), _count(12, low=12), True),  # "at least 12": exact best
        (_count(12, low=12), _count(13, low=13), False),
        (_count(140, high=140, approx=True), _count(130, approx=True), True),  # "nearly 140": within 10%
        (_count(140, high=140, approx=True), _count(120, approx=True), False),  # an open bound is not a licence
        (_count(183, high=183, approx=True), _count(170), True),
        (_count(100, low=80, high=120, approx=True), _count(85), True),  # inside a closed [min, max]
        (_count(0, low=0, high=0), _count(0, low=0, high=0), True),  # "No one was hurt"
        (_count(0, low=0, high=0), None, False),
        (None, _count(3), False),  # the key says there is no such count
        (None, None, True),
    ],
)
def test_counts_follow_the_readme_rules(expected: Any, got: Any, ok: bool) -> None:
    assert same_count(expected, got) is ok


def test_a_count_the_key_leaves_out_must_not_be_extracted_and_its_flag_is_not_scored(tmp_path: Path) -> None:
    station = _incident()
    key = load_key(_key(tmp_path, [station]))
    report = _report(station)
    report["counts"]["injured"] = _count(3)
    report["counts"]["killed"] = None
    results = {(r.field): r for r in score(key, {NAME: [report]}).results}
    assert not results["counts.injured"].ok and results["counts.injured"].expected is None
    assert not results["counts.killed"].ok and results["counts.killed"].got is None
    assert "counts.killed.approx" not in results and "counts.injured.approx" not in results
    assert results["counts.arrested"].ok and results["counts.kidnapped"].ok


def test_the_approximation_flag_is_scored_apart_from_the_number(tmp_path: Path) -> None:
    station = _incident(counts={"killed": _count(140, high=140, approx=True)})
    key = load_key(_key(tmp_path, [station]))
    report = _report(station)
    report["counts"]["killed"] = _count(140)
    fields = _fields(score(key, {NAME: [report]}), station["id"])
    assert fields["counts.killed"] and not fields["counts.killed.approx"]


def test_actors_compare_through_the_registry_and_attribution_is_scored_per_actor(tmp_path: Path) -> None:
    both = [
        {"name": "Islamic State", "matched": "ISIS", "parent": None, "attribution": "claimed"},
        {"name": "Tehreek-e-Taliban Pakistan", "matched": "TTP", "parent": None, "attribution": "attributed"},
    ]
    station = _incident(perpetrators=both, claim={"claimed": True, "by": "Islamic State", "text": "claimed"})
    key = load_key(_key(tmp_path, [station]))
    got = [
        {"name": "Daesh", "matched": "Daesh", "attribution": "claimed", "actor_id": None, "actor_type": "armed group"},
        {"name": "TTP", "matched": "TTP", "attribution": "suspected", "actor_id": None, "actor_type": "armed group"},
    ]
    report = _report(station, perpetrators=got, claim={"claimed": True, "by": "ISIS", "text": "claimed"})
    result = score(key, {NAME: [report]}, registry=_Registry())
    fields = _fields(result, station["id"])
    assert fields["perpetrators"] and fields["claim"]
    attributions = [(r.expected, r.ok) for r in result.results if r.field == "perpetrators.attribution"]
    assert attributions == [("Islamic State: claimed", True), ("Tehreek-e-Taliban Pakistan: attributed", False)]
    # Without a registry the aliases are just other names.
    assert not _fields(score(key, {NAME: [report]}), station["id"])["perpetrators"]


def test_unnamed_actors_compare_by_their_normalised_description(tmp_path: Path) -> None:
    station = _incident()
    key = load_key(_key(tmp_path, [station]))
    same = [{"name": "The Gunmen", "matched": "the gunmen", "attribution": "attributed", "actor_type": "unnamed"}]
    other = [{"name": "militants", "matched": "militants", "attribution": "attributed", "actor_type": "unnamed"}]
    assert _fields(score(key, {NAME: [_report(station, perpetrators=same)]}), station["id"])["perpetrators"]
    assert not _fields(score(key, {NAME: [_report(station, perpetrators=other)]}), station["id"])["perpetrators"]


def test_a_claim_denied_is_not_a_claim_missing(tmp_path: Path) -> None:
    station = _incident(claim={"claimed": False, "by": None, "text": "No group has claimed responsibility"})
    key = load_key(_key(tmp_path, [station]))
    assert not _fields(score(key, {NAME: [_report(station, claim=None)]}), station["id"])["claim"]
    denial = {"claimed": False, "by": None, "text": "has not claimed"}
    assert _fields(score(key, {NAME: [_report(station, claim=denial)]}), station["id"])["claim"]


def test_admin1_names_match_through_the_gazetteer_and_names_without_accents(tmp_path: Path) -> None:
    graz = _incident(location={**_place("Mamash Khel"), "name": "Graz", "admin1": "Styria", "country_code": "AT"})
    key = load_key(_key(tmp_path, [graz]))
    report = _report(graz)
    report["location"].update(name="GRÄZ", admin1="Steiermark")
    fields = _fields(score(key, {NAME: [report]}, gazetteer=_Gazetteer()), graz["id"])
    assert fields["location.name"] and fields["location.admin1"]
    assert not _fields(score(key, {NAME: [report]}), graz["id"])["location.admin1"]


def test_without_a_key_date_or_place_only_their_absence_is_scored(tmp_path: Path) -> None:
    threat = _incident(date=None, location=None, realis="hypothetical", status="threatened")
    key = load_key(_key(tmp_path, [threat]))
    fields = _fields(score(key, {NAME: [_report(threat)]}), threat["id"])
    assert fields["date"] and fields["location.name"]
    assert not {"date.start", "date.precision", "location.admin1", "location.country_code"} & set(fields)
    dated = _report(threat, date={"start": "2025-07-09", "end": "2025-07-09", "precision": "day", "text": "today"})
    assert not _fields(score(key, {NAME: [dated]}), threat["id"])["date"]


def test_date_start_is_credited_apart_from_the_whole_span(tmp_path: Path) -> None:
    plot = _incident(date={"start": "2025-07-01", "end": "2025-07-09", "precision": "month", "text": "on Monday"})
    key = load_key(_key(tmp_path, [plot]))
    report = _report(plot, date={"start": "2025-07-01", "end": "2025-07-31", "precision": "month", "text": "July"})
    fields = _fields(score(key, {NAME: [report]}), plot["id"])
    assert not fields["date"] and fields["date.start"] and fields["date.precision"]


def test_weapons_are_credited_on_their_gtd_type_and_weapons_type_needs_the_type(tmp_path: Path) -> None:
    van = _van()
    key = load_key(_key(tmp_path, [van]))
    report = _report(van, weapons=[{"type": "explosives", "text": "bomb"}])
    fields = _fields(score(key, {NAME: [report]}, articles={NAME: {"text": TEXT}}), van["id"])
    assert fields["weapons"] and not fields["weapons.type"]
    guns = _report(van, weapons=[{"type": "firearms", "text": "rifles"}])
    assert not _fields(score(key, {NAME: [guns]}), van["id"])["weapons"]


def test_targets_compare_as_sets_of_types_with_accepted_alternatives(tmp_path: Path) -> None:
    station = _incident(accept={"targets": [[{"description": "the station building", "type": "government"}]]})
    key = load_key(_key(tmp_path, [station]))
    building = _report(station, targets=[{"description": "x", "type": "government"}])
    assert _fields(score(key, {NAME: [building]}), station["id"])["targets"]
    extra = [{"description": "x", "type": "police"}, {"description": "y", "type": "civilians"}]
    assert not _fields(score(key, {NAME: [_report(station, targets=extra)]}), station["id"])["targets"]


def test_weapons_yaml_gives_every_weapon_type_a_gtd_type() -> None:
    table = weapon_gtd_types()
    assert table["suicide vest"] == table["explosives"] == "Explosives"
    assert table["firearms"] != "Explosives"


# -- article fields -----------------------------------------------------------------------
def test_article_fields_are_scored_where_the_key_gives_them(tmp_path: Path) -> None:
    fields = {"title": "Attacks  in\nBannu", "author": None, "published": "2025-07-09", "url": "https://example.org/a"}
    key = load_key(_key(tmp_path, [], article=fields))
    got = {"title": "Attacks in Bannu", "author": "", "published": "2025-07-09", "url": "https://example.org/b",
           "outlet": "Frontier Post", "text": TEXT}
    result = score(key, {NAME: []}, articles={NAME: got})
    by_field = {r.field: r.ok for r in result.results}
    assert by_field == {"article.title": True, "article.author": True, "article.published": True, "article.url": False}
    assert result.by_field()["article.url"] == (0, 1)
    assert "article.outlet" not in result.table()  # the key does not give it: not scored


# -- the examples folder ------------------------------------------------------------------
class _FakeReport:
    def __init__(self, trigger: str) -> None:
        self.trigger = trigger

    def to_dict(self) -> dict[str, Any]:
        return {"trigger": self.trigger}


class _FakeExtractor:
    """Stands in for sitrep.extract.pipeline.Extractor: one report per article, named after its title."""

    def extract_many(self, articles: Any) -> Any:
        for article in articles:
            yield article, [_FakeReport(article.title or "")]


def test_examples_are_read_and_extracted_under_the_keys_article_names(tmp_path: Path) -> None:
    (tmp_path / "01-plain.txt").write_text(
        "Bomb kills two in Kabul\nBy A. Writer\n3 May 2025\n\nA bomb killed two people in Kabul on Friday, police said.\n",
        encoding="utf-8",
    )
    lines = [
        {"title": "First", "text": "Gunmen killed a guard on Sunday.", "published": "2025-09-22"},
        {"title": "Second", "text": "Police arrested three men on Thursday.", "published": "2025-12-05"},
    ]
    (tmp_path / "02-feed.jsonl").write_text("\n".join(json.dumps(line) for line in lines) + "\n", encoding="utf-8")
    (tmp_path / "expected.yaml").write_text("format: 1\narticles: {}\n", encoding="utf-8")
    (tmp_path / "README.md").write_text("# not an article\n", encoding="utf-8")

    articles = read_examples(tmp_path)
    assert list(articles) == ["01-plain.txt", "02-feed.jsonl:1", "02-feed.jsonl:2"]
    extracted = extract_articles(articles, _FakeExtractor())  # type: ignore[arg-type]
    assert extracted["02-feed.jsonl:2"] == [{"trigger": "Second"}]
    assert key_name(str(tmp_path / "02-feed.jsonl") + ":2", tmp_path) == "02-feed.jsonl:2"


def _perfect(incident: Any, body: ArticleText, text: str) -> dict[str, Any]:
    """The report a flawless extractor would give for a key incident of the real key."""
    from sitrep.evaluate.key_align import locate

    fields = dict(incident.fields)
    report = _report({**fields, "trigger": fields["trigger"]}, text=fields["trigger"])
    spans = locate(incident, body).spans
    report["evidence"] = {f"field{i}": {"sentence": text[s:e], "start": s, "end": e} for i, (s, e, _) in enumerate(spans)}
    return report


@pytest.mark.parametrize("with_registry", [False, True], ids=["names", "registry"])
def test_a_perfect_extraction_of_the_examples_scores_every_field_right(with_registry: bool) -> None:
    from sitrep.actors import ActorRegistry

    registry = ActorRegistry.load() if with_registry else None
    key = load_key(EXAMPLES / "expected.yaml")
    articles = read_examples(EXAMPLES)
    assert set(articles) == set(key.articles)
    extracted: dict[str, list[dict[str, Any]]] = {}
    given: dict[str, dict[str, Any]] = {}
    for name, entry in key.articles.items():
        text = articles[name].text
        body = ArticleText.build(text)
        extracted[name] = [_perfect(incident, body, text) for incident in entry.incidents]
        given[name] = {"text": text, **entry.fields}
    result = score(key, extracted, articles=given, registry=registry)
    assert result.missed == () and result.spurious == ()
    assert len(result.matched) == key.incident_count
    for name, incident_id, index in result.matched:
        assert key.articles[name].incidents[index].id == incident_id
    assert result.mismatches() == ()
    tallies = result.by_field()
    incidents = [incident for entry in key.articles.values() for incident in entry.incidents]
    assert tallies["counts.killed"] == (sum(not i.skips("counts.killed") for i in incidents),) * 2
    assert tallies["article.title"] == (len(key.articles), len(key.articles))
    assert "100%" in result.table().splitlines()[-2]
