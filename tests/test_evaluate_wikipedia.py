"""The wikipedia evaluator: gold mapping and scoring, checked with hand-made rows and reports.

The extractor is a fake that returns hand-made reports (no spaCy); the gazetteer and actor
registry are the real ones (conftest). One test, marked ``model``, runs the real extractor.
"""

from __future__ import annotations

import csv
from pathlib import Path
from typing import Any, Sequence

import pytest

from sitrep.errors import RegistryError
from sitrep.evaluate.core import EvalResult, evaluator, names
from sitrep.evaluate.wikipedia import (
    KindMapping,
    appears,
    choose_report,
    clean_details,
    count_value,
    names_actor,
    parse_plain_count,
    parse_row,
    row_total,
    parse_split_count,
    same_place,
    victims_value,
)
from sitrep.extract.lexicon import load_data
from sitrep.model import ActorRef, Count, CountPart, Counts, Kind, Location, Report

from fakes import FakeExtractor

COLUMNS = ["row_id", "date", "type", "dead", "injured", "location", "details", "perpetrator", "qa_flags"]

SUICIDE = Kind("Explosions/Remote violence", "Suicide bomb", "Bombing/Explosion")
SHOOTING = Kind("Violence against civilians", "Attack", "Armed Assault")
STATE_AIR_STRIKE = Kind("Explosions/Remote violence", "Air/drone strike", None)


# -- helpers ---------------------------------------------------------------------------------
def report(
    kind: Kind = SHOOTING,
    *,
    realis: str = "reported",
    killed: Count | None = None,
    injured: Count | None = None,
    location: Location | None = None,
    perpetrators: Sequence[ActorRef] = (),
) -> Report:
    return Report(
        kind=kind, status="completed", realis=realis, date=None, location=location,  # type: ignore[arg-type]
        perpetrators=tuple(perpetrators), counts=Counts(killed=killed, injured=injured),
    )


def count(n: int, *parts: CountPart) -> Count:
    return Count(min=n, max=n, best=n, approx=False, text=str(n), parts=parts)


def part(n: int, side: str | None = None) -> CountPart:
    return CountPart(label="", min=n, max=n, best=n, approx=False, text=str(n), side=side)


def place(gazetteer: Any, name: str, country_code: str, kind: str | None = None) -> Location:
    found = gazetteer.lookup(name, country_code=country_code, kind=kind, limit=1)
    assert found, name
    return found[0].to_location(name)


def write_csv(path: Path, rows: Sequence[dict[str, str]]) -> Path:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=COLUMNS)
        writer.writeheader()
        for row in rows:
            writer.writerow({c: row.get(c, "") for c in COLUMNS})
    return path


def values(result: EvalResult, name: str) -> tuple[int, float, int]:
    m = result.metrics[name]
    return m.n, m.correct, m.excluded


# -- the mapping file ------------------------------------------------------------------------
def test_kind_mapping_file_loads_and_names_only_real_types() -> None:
    mapping = KindMapping.load()
    gtd_types = set(load_data("evaluate/gtd.yaml")["attack_types"])
    assert mapping.rules
    for rule in mapping.rules:
        assert rule.gtd <= gtd_types
        assert rule.any_gtd or rule.gtd or rule.sub_event_type


def test_every_gtd_type_sitrep_produces_is_a_known_gtd_attack_type() -> None:
    gtd_types = set(load_data("evaluate/gtd.yaml")["attack_types"])
    produced = {f["gtd"] for f in load_data("kinds.yaml")["families"].values() if f.get("gtd")}
    assert produced <= gtd_types


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"rules": [{"match": "bomb", "gtd": ["Bombing"]}]}, "not GTD attack types"),
        ({"rules": [{"match": "bomb", "gtd": ["Bombing/Explosion"], "sub_event_type": "Car bomb"}]}, "no sub-event type"),
        ({"rules": [{"match": "bomb", "gtd": []}]}, "accepts nothing"),
        ({"rules": [{"match": "(bomb", "gtd": "any"}]}, "bad pattern"),
        ({"rules": [{"match": "bomb", "gtd": "any", "why": "x"}]}, "unknown keys"),
        ({"rules": []}, "no rules"),
    ],
)
def test_a_malformed_kind_mapping_is_refused(data: dict[str, Any], message: str) -> None:
    with pytest.raises(RegistryError, match=message):
        KindMapping.from_data(data, gtd_types=frozenset({"Bombing/Explosion"}), sub_event_types=frozenset({"Suicide bomb"}))


def test_gold_types_map_to_sitrep_kinds() -> None:
    mapping = KindMapping.load()
    suicide_car = mapping.gold("Suicide car bombing")
    assert suicide_car is not None and suicide_car.accepts(SUICIDE)
    assert suicide_car.sub_event_types == {"Suicide bomb"}
    bombing = mapping.gold("Bombings")
    assert bombing is not None and not bombing.accepts(SHOOTING)
    both = mapping.gold("Shooting, arson")
    assert both is not None and {"Armed Assault", "Facility/Infrastructure Attack"} <= both.gtd
    # the suicide hijackings of 2001 are hijackings, not suicide bombings
    hijack = mapping.gold("Suicide hijacking")
    assert hijack is not None and hijack.gtd == {"Hijacking"}
    # a state air strike has no GTD type but is still an air strike
    air = mapping.gold("Airstrike")
    assert air is not None and air.accepts(STATE_AIR_STRIKE)
    generic = mapping.gold("Attack")
    assert generic is not None and generic.accepts(SUICIDE) and not generic.accepts(STATE_AIR_STRIKE)
    assert mapping.gold("Unknown") is None and mapping.names_no_type("Unknown")


# -- reading gold cells ----------------------------------------------------------------------
def test_footnote_markers_and_editorial_notes_are_stripped() -> None:
    text = "A bomb exploded in Kabul.[12][a] Two people died.[citation needed] An [Israeli] soldier."
    assert clean_details(text) == "A bomb exploded in Kabul. Two people died. An [Israeli] soldier."


@pytest.mark.parametrize(
    ("cell", "plain", "split"),
    [("12", 12, None), ("1,200", 1200, None), ("3 (+1)", None, (3, 1)), ("1(+1)", None, (1, 1)),
     ("1 (+1 attacker)", None, (1, 1)), ("20+", None, None), ("Unknown", None, None), ("", None, None)],
)
def test_count_cells(cell: str, plain: int | None, split: tuple[int, int] | None) -> None:
    assert parse_plain_count(cell) == plain
    assert parse_split_count(cell) == split


def test_location_cells_give_countries_and_the_place(gazetteer: Any) -> None:
    mapping = KindMapping.load()

    def row(location: str) -> Any:
        return parse_row({"row_id": "1", "type": "Bombing", "dead": "1", "injured": "0", "location": location,
                          "details": "", "perpetrator": ""}, gazetteer, mapping)

    munich = row("Munich, West Germany")  # a historical name counts as its successor
    assert munich.countries == {"DE"} and munich.place == "Munich"
    belfast = row("Belfast, Northern Ireland")  # not a country: resolved for country_all only
    assert belfast.countries == frozenset() and belfast.resolved_countries == {"GB"} and belfast.place == "Belfast"
    across = row("across Iraq")
    assert across.countries == {"IQ"} and across.place is None
    several = row("Japan, South Korea, N. Korea")
    assert several.countries == {"JP", "KR", "KP"} and several.place is None


# -- scoring helpers -------------------------------------------------------------------------
def test_choose_report_prefers_the_first_reported_one() -> None:
    background, reported = report(realis="background"), report(SUICIDE)
    assert choose_report([background, reported]) is reported
    assert choose_report([background]) is background
    assert choose_report([]) is None


def test_a_rows_figure_adds_up_the_incidents_it_reports() -> None:
    lead, other = report(killed=count(15)), report(SUICIDE, killed=count(2))
    recalled = report(realis="background", killed=count(40))
    killed = lambda r: victims_value(r.counts.killed)  # noqa: E731
    # "Two incidents: a car bomb ... killed 15 ... Elsewhere, two soldiers were killed": 17; a
    # recalled incident is no part of the entry
    assert row_total([lead, recalled, other], lead, killed) == 17
    # with none told as news, the chosen report alone; with no report, no figure
    assert row_total([recalled], recalled, killed) == 40
    assert row_total([], None, killed) is None


def test_count_values() -> None:
    bomber = count(13, part(12), part(1, "perpetrators"))
    assert count_value(bomber) == 13 and victims_value(bomber) == 12
    open_ended = Count(min=None, max=100, best=None, approx=False, text="up to 100")
    assert count_value(open_ended) == 100
    # "more than 60": sitrep's bound is 61, the lists (and the GTD) record 60
    above = CountPart(label="others", min=61, max=None, best=61, approx=False, text="more than 60 others")
    assert count_value(above) == 60
    assert count_value(Count(min=70, max=None, best=70, approx=False, text="", parts=(part(9), above))) == 69
    at_least = CountPart(label="", min=60, max=None, best=60, approx=False, text="at least 60")
    assert count_value(at_least) == 60
    assert count_value(None) == 0


def test_appears_needs_whole_words() -> None:
    assert appears("ELN", "the eln claimed it")
    assert not appears("ELN", "near Kelnar")
    assert appears("Mogadishu", "near Mogadishu's theatre", fold=True)
    assert appears("Bogotá", "in Bogota", fold=True) and not appears("Bogotá", "in Bogota")


def test_same_place(gazetteer: Any) -> None:
    mumbai = place(gazetteer, "Mumbai", "IN", "city")
    assert same_place("Bombay", mumbai, gazetteer, countries=["IN"])  # an alternate name of the entry
    diyala = place(gazetteer, "Diyala", "IQ", "admin1")
    assert same_place("Diyala Governorate", diyala, gazetteer, countries=["IQ"])
    town_in_borno = place(gazetteer, "Maiduguri", "NG", "city")
    assert same_place("Borno State", town_in_borno, gazetteer, countries=["NG"])  # a town inside the gold province
    assert not same_place("Maiduguri", place(gazetteer, "Borno", "NG", "admin1"), gazetteer, countries=["NG"])
    assert not same_place("Kabul", None, gazetteer)


def test_a_district_is_the_gold_district_that_names_it(gazetteer: Any) -> None:
    from dataclasses import replace

    # district entries carry no GeoNames id: the gold name still names the very entry read
    dantewada = place(gazetteer, "Dantewada", "IN", "district")
    assert dantewada.geonameid is None and dantewada.name != "Dantewada"
    assert same_place("Dantewada district", dantewada, gazetteer, countries=["IN"])
    assert same_place("Seiyun", place(gazetteer, "Seiyun", "YE", "district"), gazetteer, countries=["YE"])
    # an unknown village placed at the district's point is not the district
    village = replace(dantewada, name="Kuakonda", text="Kuakonda, Dantewada district")
    assert not same_place("Dantewada district", replace(village, text="Kuakonda near Dantewada"), gazetteer, countries=["IN"])
    other = place(gazetteer, "Bijapur", "IN", "district")
    assert not same_place("Dantewada district", other, gazetteer, countries=["IN"])
    # a region over several countries, placed in one of them, is the gold region it answers to
    basin = gazetteer.resolve("the Lake Chad region of Nigeria", context_countries=["NG"])
    assert basin is not None and basin.geonameid is None and basin.name != "Lake Chad"
    assert same_place("Lake Chad", basin, gazetteer, countries=["NG"])


def test_a_place_its_own_phrase_puts_inside_the_gold_place(gazetteer: Any) -> None:
    from dataclasses import replace

    # a village the gazetteer does not list, kept with the coordinates of the town nearest it
    konduga = place(gazetteer, "Konduga", "NG", "city")
    village = replace(konduga, name="Auno", precision="town", geonameid=None, text="Auno in the Konduga local government area")
    assert same_place("Konduga", village, gazetteer, countries=["NG"])
    near = replace(village, text="Auno, a village near Konduga")
    assert not same_place("Konduga", near, gazetteer, countries=["NG"])  # near is not inside
    far = replace(village, lat=village.lat + 3.0, text="Auno in Konduga")
    assert not same_place("Konduga", far, gazetteer, countries=["NG"])  # 300 km away: a misread name
    iraq = place(gazetteer, "Iraq", "IQ", "country")
    assert not same_place("Baghdad", replace(iraq, text="the capital of Iraq, Baghdad"), gazetteer, countries=["IQ"])


def test_perpetrator_matches_any_alias_but_not_a_parent(registry: Any) -> None:
    isis = ActorRef(name="Islamic State", matched="IS", actor_id="isis")
    iswap = ActorRef(name="Islamic State West Africa Province", matched="ISWAP", actor_id="iswap")
    alias = next(a for a in registry.get("isis").aliases if a.lower() not in ("is", "islamic state"))
    assert names_actor([alias], [isis], registry)
    assert names_actor(["islamic state"], [isis], registry)
    assert not names_actor(["Islamic State"], [iswap], registry)
    assert names_actor(["Palestinian gunmen"], [ActorRef(name="gunmen", matched="Palestinian gunmen")], registry)


# -- the whole evaluator ----------------------------------------------------------------------
def test_the_evaluator_scores_each_field_with_its_denominator(tmp_path: Path, gazetteer: Any, registry: Any) -> None:
    rows = [
        {"row_id": "1", "type": "Suicide bombing", "dead": "3", "injured": "2", "location": "Kabul, Afghanistan",
         "details": "A Taliban suicide bomber killed three people and wounded two in Kabul.[1]", "perpetrator": "Taliban"},
        {"row_id": "2", "type": "Shooting", "dead": "0 (+1)", "injured": "Unknown", "location": "Maiduguri, Nigeria",
         "details": "Islamic State West Africa Province gunmen attacked a market in Maiduguri; one attacker was shot dead.",
         "perpetrator": "Islamic State (suspected)"},
        {"row_id": "3", "type": "Bombing", "dead": "0", "injured": "0", "location": "Mogadishu, Somalia",
         "details": "Al-Shabaab set off a bomb in Mogadishu.", "perpetrator": "Al-Shabaab"},
        {"row_id": "4", "type": "Unknown", "dead": "0", "injured": "0", "location": "Belfast, Northern Ireland",
         "details": "A bomb exploded in a pub in Belfast.", "perpetrator": "Unknown"},
    ]
    path = write_csv(tmp_path / "incidents.csv", rows)
    texts = {r["row_id"]: clean_details(r["details"]) for r in rows}
    kabul = place(gazetteer, "Kabul", "AF", "city")
    borno = place(gazetteer, "Borno", "NG", "admin1")
    taliban = ActorRef(name="Taliban", matched="Taliban", actor_id="taliban")
    iswap = ActorRef(name="Islamic State West Africa Province", matched="ISWAP", actor_id="iswap")
    fake = FakeExtractor(gazetteer=gazetteer, registry=registry, reports={
        texts["1"]: [report(realis="background"),
                     report(SUICIDE, killed=count(4, part(3), part(1, "perpetrators")), injured=count(2),
                            location=kabul, perpetrators=[taliban])],
        texts["2"]: [report(SHOOTING, killed=count(1, part(1, "perpetrators")), location=borno, perpetrators=[iswap])],
        texts["4"]: [report(SUICIDE)],  # no counts: predicts 0 killed and 0 injured
    })
    result = evaluator("wikipedia").evaluate(fake, path, limit=None, all_rows=False)

    assert fake.warmed  # the models and tables are loaded before the timed extraction
    read = fake.seen
    assert [a.text for a in read] == list(texts.values())  # footnote markers removed
    assert all(a.published is None for a in read)
    assert values(result, "killed_exact") == (3, 2, 1)  # rows 1 and 4 right; row 3 has no report
    assert values(result, "injured_exact") == (3, 2, 1)
    assert values(result, "killed_split_exact") == (1, 1, 3)  # "0 (+1)": no victims, one attacker
    assert values(result, "country") == (3, 2, 1)  # Northern Ireland names no country
    assert values(result, "country_all") == (4, 2, 0)
    assert values(result, "place") == (4, 1, 0)  # Borno is not Maiduguri; no place for rows 3 and 4
    assert values(result, "perpetrator") == (3, 1, 1)  # ISWAP is not its parent Islamic State
    assert values(result, "perpetrator_all") == (3, 1, 1)
    assert values(result, "kind") == (3, 2, 1)
    assert values(result, "kind_sub_event") == (1, 1, 3)
    assert list(result.metrics)[:6] == ["killed_exact", "injured_exact", "country", "place", "perpetrator", "kind"]
    missed = {(m.row, m.field) for m in result.mismatches}
    assert ("3", "killed_exact") in missed and ("2", "perpetrator") in missed and ("1", "killed_exact") not in missed
    assert any("1 rows with no report" in note for note in result.notes)


def test_limit_scores_the_first_rows(tmp_path: Path, gazetteer: Any, registry: Any) -> None:
    rows = [{"row_id": str(i), "type": "Bombing", "dead": "0", "injured": "0", "location": "Iraq",
             "details": f"Text {i}.", "perpetrator": ""} for i in range(5)]
    path = write_csv(tmp_path / "incidents.csv", rows)
    result = evaluator("wikipedia").evaluate(FakeExtractor(gazetteer=gazetteer, registry=registry, reports={}), path, limit=2, all_rows=True)
    assert result.documents == 2 and result.metrics["killed_exact"].n == 2
    assert "wikipedia" in names()


@pytest.mark.model
def test_the_real_extractor_on_three_rows(tmp_path: Path, extractor: Any) -> None:
    rows = [
        {"row_id": "1", "type": "Suicide bombing", "dead": "12", "injured": "30", "location": "Kabul, Afghanistan",
         "details": "A Taliban suicide bomber killed 12 people and wounded 30 others at a market in Kabul.[3]",
         "perpetrator": "Taliban"},
        {"row_id": "2", "type": "Shooting", "dead": "5", "injured": "0", "location": "Maiduguri, Nigeria",
         "details": "Boko Haram gunmen shot dead five farmers near Maiduguri.", "perpetrator": "Boko Haram"},
        {"row_id": "3", "type": "Kidnapping", "dead": "0", "injured": "0", "location": "Jolo, Philippines",
         "details": "Abu Sayyaf militants kidnapped two fishermen off Jolo island in the Philippines.",
         "perpetrator": "Abu Sayyaf"},
    ]
    result = evaluator("wikipedia").evaluate(extractor, write_csv(tmp_path / "w.csv", rows), limit=None, all_rows=True)
    for name in ("killed_exact", "injured_exact", "country", "perpetrator", "kind"):
        assert result.metrics[name].value == 1.0, (name, result.mismatches)
    assert result.speed["extraction_words_per_s"] > 0
