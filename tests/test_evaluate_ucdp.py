"""`sitrep evaluate ucdp`: the UCDP mapping and scoring, checked on a hand-made gold file.

A fake extractor hands back hand-made reports, so every figure below can be worked out by
hand; one test marked `model` runs the real extractor on two headlines.
"""

from __future__ import annotations

import csv
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from sitrep.errors import RegistryError
from sitrep.evaluate.core import GoldDataError, evaluator, run
from sitrep.evaluate.ucdp import (
    UcdpEvaluator,
    UcdpMapping,
    choose_report,
    classify_violence,
    headline_text,
    predicted_deaths,
    read_rows,
)
from sitrep.model import ActorRef, Count, CountPart, Counts, Kind, Location, Report, Target

from fakes import FakeExtractor

COLUMNS = [
    "id", "source_headline", "source_date", "country", "type_of_violence", "best", "low", "high",
    "side_a", "side_b", "qa_flags", "qa_headline_shared_by_n_events", "source_office",
]

ATTACK = Kind("Violence against civilians", "Attack", "Armed Assault")
CLASH = Kind("Battles", "Armed clash", "Armed Assault")
BLAST = Kind("Explosions/Remote violence", "Remote explosive/landmine/IED", "Bombing/Explosion")
AIR = Kind("Explosions/Remote violence", "Air/drone strike", "Bombing/Explosion")

AF = Location("Khost", country="Afghanistan", country_code="AF", precision="province")
MX = Location("Culiacán", country="Mexico", country_code="MX", precision="town")
SS = Location("Juba", country="South Sudan", country_code="SS", precision="town")


def killed(
    best: int | None, *, low: int | None = None, high: int | None = None, parts: tuple[CountPart, ...] = ()
) -> Counts:
    low = best if low is None else low
    high = best if high is None else high
    return Counts(killed=Count(low, high, best, False, f"{best} killed", parts))


def report(kind: Kind = ATTACK, **fields: Any) -> Report:
    base = Report(kind=kind, status="completed", realis="reported", date=None, location=None)
    return replace(base, **fields)


def state(name: str = "Security forces") -> ActorRef:
    return ActorRef(name, name.lower(), actor_type="state force")


def group(name: str, parent: str | None = None) -> ActorRef:
    return ActorRef(name, name, parent=parent, actor_id=name.lower(), actor_type="armed group")


def write_gold(path: Path, rows: list[dict[str, str]]) -> Path:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=COLUMNS)
        writer.writeheader()
        for row in rows:
            writer.writerow({c: row.get(c, "") for c in COLUMNS})
    return path


def gold(headline: str, country: str, violence: int, low: int, high: int, **extra: str) -> dict[str, str]:
    row = {
        "source_headline": headline, "source_date": "2014-07-16", "country": country,
        "type_of_violence": str(violence), "best": str(low), "low": str(low), "high": str(high),
        "qa_flags": "", "qa_headline_shared_by_n_events": "1",
    }
    row.update(extra)
    return row


@pytest.fixture(scope="module")
def mapping() -> UcdpMapping:
    return UcdpMapping.load()


# -- the mapping file ----------------------------------------------------------------------------
def test_shipped_mapping_loads_and_maps_ucdp_names(mapping: UcdpMapping) -> None:
    # UCDP's bracketed historical names come from the file, plain names from the gazetteer
    assert mapping.country("Myanmar (Burma)").code == "MM"
    assert mapping.country("DR Congo (Zaire)").code == "CD"
    assert mapping.country("Congo").code == "CG"
    assert mapping.country("Yemen (North Yemen)").code == "YE"
    assert mapping.country("Mexico").code == "MX"
    assert mapping.country("Bosnia-Herzegovina").code == "BA"
    # an unknown bracketed name falls back to the name before the brackets
    assert mapping.country("Syria (Levant)").code == "SY"
    assert mapping.country("Atlantis") is None
    assert set(mapping.perpetrator_classes.values()) <= {"state", "nonstate", "civilian"}
    assert mapping.perpetrator_classes["state force"] == "state"
    assert mapping.target_classes["civilians"] == "civilian"
    assert {rule.violence_type for rule in mapping.kinds} <= {1, 2, 3}


def test_codes_that_count_only_before_a_border_changed(mapping: UcdpMapping) -> None:
    sudan = mapping.country("Sudan")
    assert sudan.accepts("SD", date(2015, 1, 1))
    assert sudan.accepts("SS", date(2005, 1, 1))  # South Sudan was part of Sudan then
    assert not sudan.accepts("SS", date(2015, 1, 1))
    serbia = mapping.country("Serbia (Yugoslavia)")
    assert serbia.accepts("XK", date(1999, 4, 1)) and not serbia.accepts("XK", date(2012, 1, 1))
    assert mapping.country("Israel").accepts("PS", date(2021, 5, 12))  # no end date
    assert not mapping.country("Mexico").accepts(None, date(2021, 5, 12))


@pytest.mark.parametrize(
    ("patch", "message"),
    [
        ({"countries": {"Myanmar (Burma)": {"code": "Burma"}}}, "ISO 3166-1"),
        ({"countries": {"Sudan": {"code": "SD", "also": [{"code": "SS", "until": "soon"}]}}}, "not a date"),
        ({"countries": {"Sudan": {"code": "SD", "region": "Africa"}}}, "unknown keys"),
        ({"violence": {"perpetrator_classes": {"state force": "government"}, "target_classes": {}, "count_sides": {},
                       "kinds": []}}, "not one of"),
        ({"violence": {"perpetrator_classes": {}, "target_classes": {}, "count_sides": {},
                       "kinds": [{"event_type": "Battles", "type": 4}]}}, "not 1, 2 or 3"),
        ({"clean": {"unclean_flags": [], "max_shared_events": 0}}, "at least 1"),
        ({"extra": 1}, "unknown keys"),
    ],
)
def test_malformed_mapping_entries_are_named(patch: dict[str, Any], message: str) -> None:
    data: dict[str, Any] = {
        "countries": {},
        "violence": {"perpetrator_classes": {}, "target_classes": {}, "count_sides": {}, "kinds": []},
        "clean": {"unclean_flags": [], "max_shared_events": 1},
    }
    data.update(patch)
    with pytest.raises(RegistryError, match=message):
        UcdpMapping.from_data(data)


def test_mapping_file_that_is_not_yaml_is_an_error(tmp_path: Path) -> None:
    bad = tmp_path / "ucdp.yaml"
    bad.write_text("countries: [unclosed\n", encoding="utf-8")
    with pytest.raises(RegistryError, match="cannot be read"):
        UcdpMapping.load(bad)


# -- reading rows ---------------------------------------------------------------------------------
def test_several_headlines_are_read_one_per_paragraph() -> None:
    text, n = headline_text("Clashes in Kachin;2 soldiers killed; 3 injured in Shan", "2016-11-13;2016-11-13")
    assert n == 2
    # the bare ";" joins headlines, "; " is punctuation inside the second one
    assert text == "Clashes in Kachin\n\n2 soldiers killed; 3 injured in Shan"
    single, n = headline_text("Matan a 8; 3 de ellos calcinados", "2008-04-15")
    assert (single, n) == ("Matan a 8; 3 de ellos calcinados", 1)
    quoted, _ = headline_text("12 members of the &#8220;Islamic State&#8221; killed", "2016-06-02")
    assert quoted == "12 members of the \u201cIslamic State\u201d killed"


def test_rows_carry_date_flags_and_clean_subset(tmp_path: Path, mapping: UcdpMapping) -> None:
    path = write_gold(tmp_path / "g.csv", [
        gold("A;B", "Syria", 1, 2, 2, source_date="2019-05-04;2019-05-05", qa_flags="multiple_headlines_semicolon"),
        gold("Ejecutan a dos", "Mexico", 2, 2, 2, qa_flags="likely_non_english"),
        gold("Clashes in Daraa", "Syria", 1, 1, 1, qa_headline_shared_by_n_events="3"),
        gold("Clashes in Homs", "Syria", 1, 1, 1, qa_headline_shared_by_n_events="", source_office="SOHR;SOHR; VDC"),
    ])
    rows = read_rows(path, mapping)
    # the outlet: each source office once, in order
    assert [r.outlet for r in rows] == [None, None, None, "SOHR; VDC"]
    assert [r.published for r in rows] == [date(2019, 5, 4)] + [date(2014, 7, 16)] * 3
    assert [r.headlines for r in rows] == [2, 1, 1, 1]
    # several headlines are still clean; not English or shared by several events are not
    assert [r.clean for r in rows] == [True, False, False, True]
    assert [r.row_id for r in read_rows(path, mapping, limit=2)] == ["1", "2"]  # no id: the row's number


def test_gold_file_errors_name_the_problem(tmp_path: Path, mapping: UcdpMapping) -> None:
    missing = tmp_path / "missing.csv"
    missing.write_text("source_headline,country\nx,Syria\n", encoding="utf-8")
    with pytest.raises(GoldDataError, match="missing columns"):
        read_rows(missing, mapping)
    bad = write_gold(tmp_path / "bad.csv", [{**gold("x", "Syria", 1, 1, 1), "high": "many"}])
    with pytest.raises(GoldDataError, match="bad.csv, row 1: high"):
        read_rows(bad, mapping)
    wrong_type = write_gold(tmp_path / "type.csv", [gold("x", "Syria", 4, 1, 1)])
    with pytest.raises(GoldDataError, match="type_of_violence 4"):
        read_rows(wrong_type, mapping)


# -- reading a report -------------------------------------------------------------------------------
def test_the_row_incident_is_the_first_reported_report() -> None:
    recalled = report(realis="background", location=MX)
    told = report(location=AF)
    assert choose_report([recalled, told]) is told
    assert choose_report([recalled]) is recalled
    assert choose_report([]) is None


def test_predicted_deaths_uses_best_then_min_then_max() -> None:
    assert predicted_deaths(report(counts=killed(7))) == 7
    more_than = Counts(killed=Count(61, None, None, False, "more than 60"))
    assert predicted_deaths(report(counts=more_than)) == 61
    up_to = Counts(killed=Count(None, 10, None, True, "up to 10"))
    assert predicted_deaths(report(counts=up_to)) == 10
    assert predicted_deaths(report()) is None  # no toll stated: no prediction, not zero
    assert predicted_deaths(None) is None


SOLDIERS = CountPart("soldiers", 4, 4, 4, False, "Four soldiers", side="security forces")
INSURGENTS = CountPart("insurgents", 37, 37, 37, False, "37 insurgents", side="militants")
VILLAGERS = CountPart("villagers", 5, 5, 5, False, "5 villagers", side="civilians")


@pytest.mark.parametrize(
    ("made", "expected"),
    [
        # soldiers among the dead: a state-based conflict whoever attacked
        (report(CLASH, counts=killed(41, parts=(SOLDIERS, INSURGENTS))), 1),
        (report(BLAST, targets=(Target("a police post", "police"),), perpetrators=(group("Taliban"),)), 1),
        # the army against a named rebel group
        (report(CLASH, perpetrators=(state("Tatmadaw"), group("Arakan Army"))), 1),
        # the army killing villagers is one-sided; so are rebels killing them
        (report(ATTACK, perpetrators=(state(),), counts=killed(5, parts=(VILLAGERS,))), 3),
        (report(ATTACK, perpetrators=(group("ARSA"),), targets=(Target("villagers", "civilians"),)), 3),
        # two groups fighting each other, no government: non-state
        (report(CLASH, perpetrators=(group("HTS"), group("Islamic State"))), 2),
        (report(CLASH, perpetrators=(group("Islamic State"),), targets=(Target("SDF", "armed group"),)), 2),
        # an affiliate and its parent are one side, not two
        (report(BLAST, perpetrators=(group("ISWAP", parent="Islamic State"), group("Islamic State"))), None),
        # the state acting alone, and militants killed by an unnamed hand
        (report(AIR, perpetrators=(state(),)), 1),
        (report(ATTACK, counts=killed(37, parts=(INSURGENTS,))), 1),
        # nothing but the kind: the mapping's kinds list
        (report(ATTACK), 3),
        (report(AIR), 1),
        (report(BLAST), None),
    ],
)
def test_violence_type_rule(made: Report, expected: int | None, mapping: UcdpMapping) -> None:
    assert classify_violence(made, mapping).type == expected


# -- the whole evaluation --------------------------------------------------------------------------
HEADLINE_AF = "Four soldiers, 37 insurgents killed in blasts, clashes in Afghanistan"
HEADLINE_MX = "Man shot dead in Culiacan"
HEADLINE_NONE = "Mexico Security Memo: Sept. 24, 2007"
HEADLINE_SY = "Regime shelling kills 3 in Syria;Three killed in Idlib shelling"
HEADLINE_SD = "Clashes near Juba"
HEADLINE_ES = "Ejecutan en Tijuana a mando policiaco"


@pytest.fixture()
def gold_file(tmp_path: Path) -> Path:
    return write_gold(tmp_path / "headlines.csv", [
        gold(HEADLINE_AF, "Afghanistan", 1, 13, 13, id="151054"),
        gold(HEADLINE_MX, "Mexico", 2, 1, 1, id="2"),
        gold(HEADLINE_NONE, "Mexico", 2, 4, 4, id="3", qa_headline_shared_by_n_events="3"),
        gold(HEADLINE_SY, "Syria", 1, 0, 3, id="4", source_date="2019-05-04;2019-05-05",
             qa_flags="multiple_headlines_semicolon"),
        gold(HEADLINE_SD, "Sudan", 1, 0, 2, id="5", source_date="2009-03-01"),
        gold(HEADLINE_ES, "Mexico", 2, 1, 1, id="6", qa_flags="likely_non_english"),
    ])


@pytest.fixture()
def fake() -> FakeExtractor:
    return FakeExtractor({
        # right country and type; 41 dead is above UCDP's 13 (its event is one province's share)
        HEADLINE_AF: [report(CLASH, location=AF, counts=killed(41, parts=(SOLDIERS, INSURGENTS)))],
        # right country and toll; no sides named, so the kind says one-sided where UCDP says non-state
        HEADLINE_MX: [report(ATTACK, location=MX, counts=killed(1))],
        # HEADLINE_NONE: no report at all
        # a recalled incident comes first; the reported one (no toll, no country) stands for the row
        "Regime shelling kills 3 in Syria\n\nThree killed in Idlib shelling": [
            report(AIR, realis="background", location=Location("Idlib", country="Syria", country_code="SY"),
                   counts=killed(3)),
            report(AIR, perpetrators=(state(),)),
        ],
        # South Sudan counts for Sudan in 2009; the report has no killed count though the range starts at 0
        HEADLINE_SD: [report(CLASH, location=SS)],
        HEADLINE_ES: [report(ATTACK, location=Location("Tijuana", country="Mexico", country_code="MX"),
                             counts=killed(1), perpetrators=(ActorRef("Sinaloa Cartel", "cartel", actor_id="sinaloa",
                                                                     actor_type="criminal group"),),
                             targets=(Target("police commander", "police"),))],
    })


def test_scores_every_row_against_the_chosen_report(gold_file: Path, fake: FakeExtractor) -> None:
    result = UcdpEvaluator().evaluate(fake, gold_file, limit=None, all_rows=False)
    m = result.metrics
    assert result.documents == 6 and [m[k].n for k in ("country", "deaths_in_range", "violence_type")] == [6, 6, 6]
    # country: AF, MX, SS-for-Sudan-in-2009 and the Spanish row's MX are right; no report, no country wrong
    assert m["country"].correct == 4
    # deaths: only Culiacan (1 in [1, 1]) and the Spanish row; "no count" is not 0 even where low is 0
    assert m["deaths_in_range"].correct == 2
    # violence: AF clash with soldiers dead -> 1; Syria state air strike -> 1; Sudan clash -> 1 (kind);
    # Culiacan -> 3 (gold 2); Spanish row: police victims -> 1 (gold 2); no report -> wrong
    assert m["violence_type"].correct == 3
    assert all(metric.excluded == 0 for metric in m.values())
    # clean rows: AF, MX, SY, SD (the shared and the Spanish rows are left out)
    assert (m["country_clean"].n, m["country_clean"].correct) == (4, 3)
    assert (m["deaths_in_range_clean"].n, m["deaths_in_range_clean"].correct) == (4, 1)
    assert (m["violence_type_clean"].n, m["violence_type_clean"].correct) == (4, 3)


def test_reads_what_a_user_would_give_it(gold_file: Path, fake: FakeExtractor) -> None:
    UcdpEvaluator().evaluate(fake, gold_file, limit=None, all_rows=False)
    by_text = {a.text: a for a in fake.seen}
    two = by_text["Regime shelling kills 3 in Syria\n\nThree killed in Idlib shelling"]
    assert two.published == date(2019, 5, 4)
    assert by_text[HEADLINE_AF].published == date(2014, 7, 16)


def test_mismatches_say_why(gold_file: Path, fake: FakeExtractor) -> None:
    result = UcdpEvaluator().evaluate(fake, gold_file, limit=None, all_rows=False)
    misses = {(x.row, x.field): x for x in result.mismatches}
    assert misses[("151054", "deaths_in_range")].gold == "[13, 13] best 13"
    assert misses[("151054", "deaths_in_range")].predicted.startswith("41")
    assert misses[("3", "country")].predicted == "no report"
    assert misses[("4", "country")].predicted == "report without a country"
    assert misses[("5", "deaths_in_range")].predicted == "no killed count"
    assert misses[("2", "violence_type")].predicted == "3 (kind Violence against civilians)"
    assert ("151054", "country") not in misses and ("151054", "violence_type") not in misses
    assert misses[("3", "country")].text == HEADLINE_NONE


def test_notes_give_the_subsets_and_the_causes(gold_file: Path, fake: FakeExtractor) -> None:
    result = UcdpEvaluator().evaluate(fake, gold_file, limit=None, all_rows=False)
    notes = "\n".join(result.notes)
    assert "rows: 6; clean subset (*_clean): 4; likely not English: 1; headline shared by several events: 1" in notes
    assert "country misses: no report 1, report without a country 1, wrong country 0" in notes
    # the recalled report of the Syria row had the country
    assert "right in another report of the row 1" in notes
    assert "deaths misses: no report 1, no killed count 2, below the range 0, above it 1" in notes
    assert "violence_type gold 2 non-state -> predicted 1: 1, 2: 0, 3: 1, none: 1" in notes
    table = result.table()
    assert "violence_type_clean" in table and "speed_ratio" in table


def test_command_path_and_limit(gold_file: Path, fake: FakeExtractor) -> None:
    assert isinstance(evaluator("ucdp"), UcdpEvaluator)
    result = run("ucdp", fake, data=gold_file, limit=2)
    assert result.documents == 2 and result.metrics["country"].n == 2
    assert set(result.to_json()["metrics"]) >= {"country", "deaths_in_range", "violence_type"}


def test_unknown_gold_country_is_compared_by_name(tmp_path: Path) -> None:
    path = write_gold(tmp_path / "g.csv", [gold("Clashes in Ruritania", "Ruritania (Kingdom)", 1, 1, 1)])
    place = Location("Strelsau", country="Ruritania", country_code="RT")
    result = UcdpEvaluator().evaluate(FakeExtractor({"Clashes in Ruritania": [report(CLASH, location=place)]}),
                                      path, limit=None, all_rows=True)
    assert result.metrics["country"].correct == 1
    assert any("mapping does not know" in note for note in result.notes)


@pytest.mark.model
def test_real_extractor_on_two_headlines(tmp_path: Path, extractor: Any) -> None:
    path = write_gold(tmp_path / "g.csv", [
        gold(HEADLINE_AF, "Afghanistan", 1, 13, 13),
        gold("Suicide bomber kills 12 soldiers in Kabul", "Afghanistan", 1, 10, 14),
    ])
    result = UcdpEvaluator().evaluate(extractor, path, limit=None, all_rows=True)
    assert result.metrics["country"].correct == 2
    assert result.metrics["deaths_in_range"].correct == 1  # 12 lies in [10, 14]; 41 is not 13
    assert result.metrics["violence_type"].correct == 2  # soldiers among the dead
    assert result.speed["extraction_words_per_s"] > 0 and result.speed["ner_words_per_s"] > 0
