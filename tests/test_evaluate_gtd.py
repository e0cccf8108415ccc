"""The gtd evaluator: a GTD export's columns mapped to sitrep's fields and scored.

No GTD data ships with sitrep; ``tests/fixtures/gtd_sample.csv`` is a hand-written file in
the export's shape (summaries in our own words). The extractor is a fake returning
hand-made reports; one test, marked ``model``, runs the real extractor.
"""

from __future__ import annotations

import csv
import shutil
from datetime import date
from pathlib import Path
from typing import Any, Sequence

import pytest

from sitrep.evaluate.core import EvalResult, GoldDataError, evaluator, run
from sitrep.evaluate.gtd import GoldDate, GtdMapping, parse_gold_date, read_rows, split_summary
from sitrep.extract.lexicon import load_data
from sitrep.model import ActorRef, Count, Counts, DateSpan, Kind, Location, Report

from fakes import FakeExtractor

FIXTURE = Path(__file__).parent / "fixtures" / "gtd_sample.csv"
COLUMNS = ["eventid", "text", "date", "country", "admin1", "city", "event_type", "perpetrator", "target_type",
           "weapon_type", "fatalities", "injuries"]
BOMBING = Kind("Explosions/Remote violence", "Remote explosive/landmine/IED", "Bombing/Explosion")
ASSAULT = Kind("Violence against civilians", "Attack", "Armed Assault")


def place(gazetteer: Any, name: str, country_code: str, kind: str) -> Location:
    found = gazetteer.lookup(name, country_code=country_code, kind=kind, limit=1)
    assert found, name
    return found[0].to_location(name)


def values(result: EvalResult, name: str) -> tuple[int, float, int]:
    m = result.metrics[name]
    return m.n, m.correct, m.excluded


def write_csv(path: Path, rows: Sequence[dict[str, str]]) -> Path:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=COLUMNS)
        writer.writeheader()
        for row in rows:
            writer.writerow({c: row.get(c, "") for c in COLUMNS})
    return path


def report(kind: Kind, *, killed: int | None = None, injured: int | None = None, location: Location | None = None,
           when: DateSpan | None = None, perpetrators: Sequence[ActorRef] = ()) -> Report:
    def c(n: int | None) -> Count | None:
        return None if n is None else Count(min=n, max=n, best=n, approx=False, text=str(n))

    return Report(kind=kind, status="completed", realis="reported", date=when, location=location,
                  perpetrators=tuple(perpetrators), counts=Counts(killed=c(killed), injured=c(injured)))


def day(d: date) -> DateSpan:
    return DateSpan(d, d, "day", "")


# -- the mapping file ------------------------------------------------------------------------
def test_mapping_file_loads_and_covers_sitreps_attack_types() -> None:
    mapping = GtdMapping.load()
    produced = {f["gtd"] for f in load_data("kinds.yaml")["families"].values() if f.get("gtd")}
    assert produced <= set(mapping.attack_types.values())
    assert mapping.unknown_attack_type == "Unknown"
    assert mapping.is_unknown(" Unknown ") and mapping.is_unknown("") and not mapping.is_unknown("Kabul")


def test_mapping_country_codes_are_iso_codes() -> None:
    for name, code in load_data("evaluate/gtd.yaml")["countries"].items():
        assert code is None or (len(code) == 2 and code.isupper()), name


@pytest.mark.parametrize(
    ("name", "expected"),
    [("West Bank and Gaza Strip", (True, "PS")), ("West Germany (FRG)", (True, "DE")), ("Iraq", (True, "IQ")),
     ("Bosnia-Herzegovina", (True, "BA")), ("South Vietnam", (True, "VN")), ("International", (True, None)),
     ("Atlantis", (False, None))],
)
def test_gtd_country_names(name: str, expected: tuple[bool, str | None], gazetteer: Any) -> None:
    assert GtdMapping.load().country_code(name, gazetteer) == expected


# -- reading gold cells ----------------------------------------------------------------------
def test_the_summary_date_is_split_off() -> None:
    assert split_summary("12/05/2014: Assailants attacked a bus.") == (date(2014, 12, 5), "Assailants attacked a bus.")
    assert split_summary("01/30/2015-02/01/2015: A siege began.") == (date(2015, 1, 30), "A siege began.")
    assert split_summary("02/00/2014: Assailants attacked.") == (None, "Assailants attacked.")
    assert split_summary("Assailants attacked a bus on 12/05/2014.") == (None, "Assailants attacked a bus on 12/05/2014.")


def test_gold_dates_widen_where_gtd_wrote_zero() -> None:
    assert parse_gold_date("2015-07-14", "r") == GoldDate(date(2015, 7, 14), date(2015, 7, 14))
    assert parse_gold_date("2016-02-00", "r") == GoldDate(date(2016, 2, 1), date(2016, 2, 29))
    assert parse_gold_date("1999-00-00", "r") == GoldDate(date(1999, 1, 1), date(1999, 12, 31))
    assert parse_gold_date("", "r") is None
    for bad in ("05/12/2014", "2015-13-01", "2015-02-30"):
        with pytest.raises(GoldDataError, match="row r"):
            parse_gold_date(bad, "r")
    month = GoldDate(date(2016, 2, 1), date(2016, 2, 29))
    assert month.contains(day(date(2016, 2, 10))) and not month.contains(DateSpan(date(2016, 1, 25), date(2016, 2, 3), "week", ""))
    assert not month.contains(None)


def test_the_fixture_reads_as_the_export_would(gazetteer: Any) -> None:
    rows = {r.row_id: r for r in read_rows(FIXTURE, gazetteer)}
    assert len(rows) == 14
    assert rows["t01"].published == date(2016, 3, 14) and rows["t01"].text.startswith("Assailants detonated")
    assert rows["t04"].perpetrators == ("Tehrik-i-Taliban Pakistan (TTP)", "Tehrik-i-Taliban Pakistan", "TTP")
    assert rows["t07"].attack_types == {"Hostage Taking (Barricade Incident)", "Bombing/Explosion"}
    assert rows["t09"].published is None and rows["t09"].date == GoldDate(date(2015, 7, 1), date(2015, 7, 31))
    assert rows["t10"].country == "DE" and rows["t11"].country is None and rows["t13"].country == "VN"
    assert rows["t06"].city is None and rows["t01"].perpetrators == ()
    assert rows["t12"].injured is None and rows["t14"].killed is None and rows["t14"].attack_types == frozenset()


def test_a_bad_cell_names_its_row(tmp_path: Path, gazetteer: Any, registry: Any) -> None:
    base = {"eventid": "e1", "text": "x", "date": "2015-01-01", "country": "Iraq", "city": "Mosul",
            "event_type": "Armed Assault", "perpetrator": "Unknown", "fatalities": "1", "injuries": "0"}
    for column, value, message in (("event_type", "Shooting", "not a GTD attack type"),
                                   ("fatalities", "about 5", "not a whole number")):
        path = write_csv(tmp_path / f"{column}.csv", [{**base, column: value}])
        with pytest.raises(GoldDataError, match=f"row e1: .*{message}"):
            evaluator("gtd").evaluate(FakeExtractor(gazetteer=gazetteer, registry=registry, reports={}), path, limit=None, all_rows=True)


def test_without_data_the_command_asks_for_it(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                              gazetteer: Any, registry: Any) -> None:
    monkeypatch.setenv("SITREP_GOLD_DATA", str(tmp_path))
    with pytest.raises(GoldDataError) as caught:
        run("gtd", FakeExtractor(gazetteer=gazetteer, registry=registry, reports={}))
    assert "--data" in caught.value.hint


# -- the whole evaluator ----------------------------------------------------------------------
def test_the_evaluator_scores_each_field_with_its_denominator(tmp_path: Path, gazetteer: Any, registry: Any) -> None:
    rows = [
        {"eventid": "a", "text": "03/14/2016: A car bomb killed six police officers in Baqubah, Iraq. ISIL claimed it.",
         "date": "2016-03-14", "country": "Iraq", "city": "Baqubah", "event_type": "Bombing/Explosion",
         "perpetrator": "Islamic State of Iraq and the Levant (ISIL)", "fatalities": "7", "injuries": "11"},
        {"eventid": "b", "text": "Gunmen shot dead two guards at a mine in northern Mali.", "date": "2017-05-00",
         "country": "Mali", "city": "Unknown", "event_type": "Armed Assault;Unknown", "perpetrator": "Unknown",
         "fatalities": "2", "injuries": ""},
        {"eventid": "c", "text": "06/01/2018: Al-Shabaab assailants attacked a ship in the Gulf of Aden.", "date": "2018-06-01",
         "country": "International", "city": "Unknown", "event_type": "Unknown", "perpetrator": "Al-Shabaab",
         "fatalities": "0", "injuries": "0"},
    ]
    path = write_csv(tmp_path / "gtd.csv", rows)
    baqubah = place(gazetteer, "Baqubah", "IQ", "city")
    isis = ActorRef(name="Islamic State", matched="Islamic State", actor_id="isis")
    a_text = "A car bomb killed six police officers in Baqubah, Iraq. ISIL claimed it."
    fake = FakeExtractor(gazetteer=gazetteer, registry=registry, reports={
        # GTD's fatalities count the bomber: 7 dead, the report says 6
        a_text: [report(BOMBING, killed=6, injured=11, location=baqubah, when=day(date(2016, 3, 14)), perpetrators=[isis])],
        rows[1]["text"]: [report(ASSAULT, killed=2, when=day(date(2017, 5, 20)))],
    })
    result = evaluator("gtd").evaluate(fake, path, limit=None, all_rows=True)

    read = fake.seen[-len(rows):]
    assert [(a.text, a.published) for a in read][0] == (a_text, date(2016, 3, 14))
    assert read[1].published is None and read[2].text == "Al-Shabaab assailants attacked a ship in the Gulf of Aden."
    assert list(result.metrics)[:7] == ["attack_type", "killed_exact", "injured_exact", "country", "city", "perpetrator", "date"]
    assert values(result, "attack_type") == (2, 2, 1)
    assert values(result, "killed_exact") == (3, 1, 0)  # row a: 6 is not 7; row c: no report
    assert values(result, "injured_exact") == (2, 1, 1)  # row b's injuries unknown; row c no report
    assert values(result, "country") == (2, 1, 1)  # "International" is no country; row b has no location
    assert values(result, "city") == (1, 1, 2)
    assert values(result, "perpetrator") == (2, 1, 1)  # "ISIL" names the Islamic State; Al-Shabaab: no report
    assert values(result, "perpetrator_all") == (2, 1, 1)
    assert values(result, "date") == (3, 2, 0)  # within May 2017 is right for a 00 day
    missed = {(m.row, m.field) for m in result.mismatches}
    assert missed == {("a", "killed_exact"), ("b", "country"), ("c", "killed_exact"), ("c", "injured_exact"),
                      ("c", "perpetrator"), ("c", "date")}


def test_a_user_file_of_another_name_is_scored_whole(tmp_path: Path, gazetteer: Any, registry: Any) -> None:
    path = tmp_path / "my-gtd-export.csv"
    shutil.copy(FIXTURE, path)
    result = run("gtd", FakeExtractor(gazetteer=gazetteer, registry=registry, reports={}), data=path, limit=6)
    assert result.documents == 6
    assert values(result, "killed_exact") == (6, 0, 0)  # no reports: nothing is credited
    assert values(result, "city") == (5, 0, 1)  # t06's city is unknown


@pytest.mark.model
def test_the_real_extractor_on_three_rows(extractor: Any) -> None:
    result = run("gtd", extractor, data=FIXTURE, limit=3)
    for name in ("killed_exact", "injured_exact", "country", "city", "date"):
        assert result.metrics[name].value == 1.0, (name, result.mismatches)
    assert result.metrics["attack_type"].correct >= 2
