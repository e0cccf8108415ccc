"""`sitrep evaluate isaf`: ISAF press releases mapped to sitrep's fields and scored.

Everything but the last test runs without spaCy: a fake extractor hands back hand-made
reports, so the mapping (release dates, provinces, codebook counts, event-type rules) and the
scoring are checked exactly. The gold file is written by hand into tmp_path.
"""

from __future__ import annotations

import csv
import json
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from sitrep.errors import RegistryError
from sitrep.evaluate.core import GoldDataError, run
from sitrep.evaluate.isaf import (
    GoldRow,
    IsafEvaluator,
    IsafMapping,
    ReleaseDate,
    default_mapping,
    gold_labels,
    label_share,
    minimum,
    operational_update,
    read_release,
    read_rows,
    release_date,
    score_release,
)
from sitrep.model import Count, CountPart, Counts, DateSpan, Kind, Location, Report, Target

from fakes import FakeExtractor

ARRESTS = Kind("Strategic developments", "Arrests")
CLASH = Kind("Battles", "Armed clash")
AIR = Kind("Explosions/Remote violence", "Air/drone strike")


# -- hand-made values ----------------------------------------------------------------------
def part(n: int | None, text: str, *, label: str = "insurgents", side: str | None = "militants",
         approx: bool = False) -> CountPart:
    return CountPart(label=label, min=n, max=n, best=n, approx=approx, text=text, side=side)


def count(*parts: CountPart) -> Count:
    total = sum(p.min or 0 for p in parts)
    return Count(min=total, max=total, best=total, approx=any(p.approx for p in parts),
                 text="; ".join(p.text for p in parts), parts=parts)


def report(kind: Kind = ARRESTS, *, killed: Count | None = None, arrested: Count | None = None,
           province: str | None = None, day: date | None = None, inferred: bool = False,
           precision: str = "day", realis: str = "reported", targets: tuple[Target, ...] = ()) -> Report:
    location = Location(name=province or "Afghanistan", admin1=province, country_code="AF") if province else None
    phrase = "" if inferred else "yesterday"
    span = DateSpan(day, day, precision, phrase, inferred) if day else None  # type: ignore[arg-type]
    return Report(kind=kind, status="completed", realis=realis, date=span, location=location,  # type: ignore[arg-type]
                  targets=targets, counts=Counts(killed=killed, arrested=arrested))


def gold(**fields: Any) -> GoldRow:
    values: dict[str, Any] = dict(
        row_id="1", text="KABUL, Afghanistan (Jan. 25, 2013)\nA release.",
        release=ReleaseDate(date(2013, 1, 25), 2013, 1), start_date=date(2013, 1, 24),
        event_types=("detention",), provinces=("helmand",), target_groups=(), min_killed=0, min_captured=2,
    )
    values.update(fields)
    return GoldRow(**values)


# -- the mapping file ----------------------------------------------------------------------
def test_the_shipped_mapping_loads_and_names_every_afghan_province() -> None:
    mapping = IsafMapping.load()
    admin1 = Path(__file__).resolve().parents[1] / "sitrep" / "data" / "gazetteer" / "admin1.tsv"
    with admin1.open(encoding="utf-8", newline="") as handle:
        afghan = [row["name"] for row in csv.DictReader(handle, delimiter="\t") if row["country_code"] == "AF"]
    assert len(afghan) == 34
    assert all(mapping.province_label(name) for name in afghan), "a gazetteer province has no ISAF label"
    assert {mapping.province_label(n) for n in afghan} == set(mapping.provinces.values())
    # the gold's and the gazetteer's spellings meet
    assert mapping.province_label("Paktiya") == mapping.province_label("paktya") == "paktya"
    assert mapping.province_label("Sar-e Pol") == mapping.province_label("sar_e_pul") == "sar e pul"
    assert mapping.province_label("Oruzgan") == "uruzgan"
    assert mapping.province_label("Helmand Province") == "helmand"
    assert mapping.province_label("Punjab") is None


def test_the_shipped_mapping_reads_the_codebook() -> None:
    mapping = default_mapping()
    assert mapping.vague_minimum("several suspected insurgents") == 3
    assert mapping.vague_minimum("numerous others") == 4
    assert mapping.vague_minimum("a large number of fighters") == 5
    assert mapping.vague_minimum("a number of suspected insurgents") == 3
    assert mapping.vague_minimum("a small group of men") == 3
    assert mapping.vague_minimum("three insurgents") is None
    assert mapping.groups_in("a Haqqani network leader") == {"haqqani"}
    assert mapping.groups_in("an Islamic Movement of Uzbekistan facilitator") == {"imu"}
    assert mapping.groups_in("suspected insurgents") == set()


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda d: d["event_types"].append({"label": "x", "when": {"raining": True}}), "raining"),
        (lambda d: d["vague_quantities"].update({"several": 0}), "several"),
        (lambda d: d["provinces"].update({"kabol": ["Helmand"]}), "names both"),
        (lambda d: d.pop("airstrike_kinds"), "missing keys"),
        (lambda d: d.update({"colour": []}), "unknown keys"),
        (lambda d: d["target_groups"].update({"aq": "al-Qaeda"}), "list of names"),
    ],
)
def test_a_malformed_mapping_is_refused_with_the_entry_named(change: Any, message: str) -> None:
    import yaml
    from importlib import resources

    data = yaml.safe_load(resources.files("sitrep.data").joinpath("evaluate/isaf.yaml").read_text(encoding="utf-8"))
    change(data)
    with pytest.raises(RegistryError, match=message):
        IsafMapping.from_data(data)


# -- release headers -----------------------------------------------------------------------
@pytest.mark.parametrize(
    ("header", "expected"),
    [
        ("2013-01-S-025\n\nKABUL, Afghanistan (Jan. 25, 2013)\nDuring an operation", date(2013, 1, 25)),
        ("2012-06-S-026\nKABUL, Afghanistan (June 14) — An Afghan-led force", date(2012, 6, 14)),
        ("ISAF Joint Command Operational Update, Jan. 10, 2011\nISAF Joint Command", date(2011, 1, 10)),
        ("ISAF Joint Command Morning Operational Update March 24, 2011\n", date(2011, 3, 24)),
        ("Dec. 6: Operations Conducted in Laghman\nNEWS RELEASE 2009-12-CA-060", date(2009, 12, 6)),
        ("2011-11-S-001\nKABUL, Afghanistan (Nov. 1. 2011)\nA combined force", date(2011, 11, 1)),
        ("2011-01-S-003\nKABUL, Afghanistan (Dec. 31)\nA combined force", date(2010, 12, 31)),
    ],
)
def test_the_release_date_is_read_from_every_header_form(header: str, expected: date) -> None:
    assert release_date(header).day == expected


def test_a_header_without_a_day_or_a_year_gives_no_day() -> None:
    only_number = release_date("ISAF Joint Command\n011-07-S-051\nFor Immediate Release\n\nIn Nahr-e Saraj")
    assert (only_number.day, only_number.year, only_number.month) == (None, 2011, 7)
    no_year = release_date("KABUL, Afghanistan (Jan. 28) – An Afghan and coalition security force captured")
    assert (no_year.day, no_year.month) == (None, 1)
    assert release_date("An Afghan and coalition security force captured a facilitator today.").day is None
    # a date in the body is the event's, not the release's
    assert release_date("PAKTIKA PROVINCE, Afghanistan – forces cleared Omar Khel, June 25.").day is None


def test_start_date_is_scored_only_where_the_text_can_date_the_event() -> None:
    assert gold().dates_supported()
    undated = ReleaseDate(None, 2011, 7)
    assert not gold(text="2011-07-S-039\nforces detained two insurgents yesterday.", release=undated,
                    start_date=date(2011, 7, 12)).dates_supported()
    assert gold(text="2011-07-S-039\nforces detained two insurgents on July 12.", release=undated,
                start_date=date(2011, 7, 12)).dates_supported()
    no_year = ReleaseDate(None, None, 6)
    assert not gold(text="Forces cleared Omar Khel, June 25.", release=no_year,
                    start_date=date(2010, 6, 25)).dates_supported()


# -- gold rows -----------------------------------------------------------------------------
def test_gold_label_lists_split_joined_labels_and_drop_empty_ones() -> None:
    assert gold_labels('["airstrike;detention"]', "x") == ("airstrike", "detention")
    assert gold_labels('["insurgentskilled"]', "x") == ("insurgentskilled",)
    assert gold_labels('[""]', "x") == ()
    with pytest.raises(GoldDataError, match="JSON list"):
        gold_labels("airstrike", "x")


# -- reading reports the ISAF way ----------------------------------------------------------
def test_minimum_reads_vague_quantities_by_the_codebook_and_leaves_out_own_losses() -> None:
    mapping = default_mapping()
    several = count(part(2, "numerous suspected insurgents", approx=True))
    assert minimum(several, mapping) == 4  # codebook: numerous = 4, whatever sitrep's own reading
    assert minimum(several, mapping.without_vague_quantities()) == 2
    leader_and_associates = count(part(1, "a Taliban leader", label="Taliban leader"),
                                  part(3, "several associates", label="associates", side=None, approx=True))
    assert minimum(leader_and_associates, mapping) == 4  # a leader and his associates add up
    mixed = count(part(31, "more than 30 insurgents"), part(2, "two ANA soldiers", side="security forces"))
    assert minimum(mixed, mapping, excluded_sides=mapping.killed_excluded_sides) == 31
    assert minimum(None, mapping) == 0


def test_the_release_takes_the_largest_count_and_the_main_reports_place_and_day() -> None:
    mapping = default_mapping()
    summary = report(arrested=count(part(3, "several suspected insurgents", approx=True)),
                     province="Kabul", day=date(2011, 3, 8), inferred=True)
    detail = report(arrested=count(part(1, "a facilitator", label="Haqqani network facilitator")),
                    province="Khost", day=date(2011, 3, 7))
    recalled = report(CLASH, killed=count(part(9, "nine soldiers", side="security forces")), realis="background",
                      province="Kandahar", day=date(2010, 5, 1))
    view = read_release([detail, summary, recalled], mapping)
    assert (view.min_captured, view.min_killed) == (3, 0)  # the larger figure; background ignored
    assert view.province == "kabul"  # the main report is the one with the largest count
    assert view.start_date == date(2011, 3, 7)  # a phrase-dated day beats the publication date
    assert view.event_types == ("detention",)
    assert view.target_groups == ("haqqani",)  # from the people detained
    assert view.reports == 2


def test_a_year_or_month_never_beats_a_day() -> None:
    reference_number = report(arrested=count(part(2, "two suspects")), province="Khost",
                              day=date(2010, 1, 1), precision="year")
    published = report(province="Khost", day=date(2010, 8, 6), inferred=True)
    assert read_release([reference_number, published], default_mapping()).start_date == date(2010, 8, 6)


def test_an_operational_update_dates_its_undated_events_the_day_before() -> None:
    undated = report(arrested=count(part(2, "two suspects")), province="Khost", day=date(2011, 3, 23), inferred=True)
    assert read_release([undated], default_mapping(), update=True).start_date == date(2011, 3, 22)
    assert read_release([undated], default_mapping()).start_date == date(2011, 3, 23)
    phrased = report(arrested=count(part(2, "two suspects")), province="Khost", day=date(2011, 3, 22))
    assert read_release([phrased], default_mapping(), update=True).start_date == date(2011, 3, 22)  # "yesterday" stands
    # "over the past 24 hours" spans the release day and the day before: the codebook takes the release day
    window = replace(phrased, date=DateSpan(date(2011, 3, 22), date(2011, 3, 23), "day", "the past 24 hours"))
    assert read_release([window], default_mapping(), update=True).start_date == date(2011, 3, 23)
    assert operational_update("ISAF Joint Command Evening Operational Update March 23, 2011\nKABUL ...")
    assert not operational_update("KABUL, Afghanistan (March 23, 2011) - An Afghan-led force ...")


@pytest.mark.parametrize(
    ("reports", "labels"),
    [
        ([report(CLASH, killed=count(part(2, "two insurgents"))), report(arrested=count(part(1, "one")))],
         ("captureandkill",)),
        ([report(CLASH, killed=count(part(3, "several insurgents", approx=True)))], ("insurgentskilled",)),
        ([report(AIR, killed=count(part(4, "four insurgents")))], ("airstrike",)),
        ([report(AIR), report(arrested=count(part(2, "two")), killed=count(part(1, "one")))], ("captureandkill",)),
        ([report(CLASH, killed=count(part(2, "two civilians", label="civilians", side="civilians")))],
         ("civiliancasualty",)),
        ([report(arrested=count(part(2, "two suspects")))], ("detention",)),
        ([report(CLASH)], ()),
    ],
)
def test_event_types_follow_the_codebook_rules(reports: list[Report], labels: tuple[str, ...]) -> None:
    assert read_release(reports, default_mapping()).event_types == labels


def test_label_share_is_the_published_scoring() -> None:
    assert label_share(("airstrike", "detention"), ("captureandkill", "detention")) == 0.5
    assert label_share(("detention",), ("detention", "airstrike")) == 1.0  # extra labels cost nothing
    assert label_share((), ()) == 1.0
    assert label_share((), ("taliban",)) == 0.0


def test_a_release_with_no_report_scores_zero_even_where_gold_is_zero() -> None:
    view = read_release([], default_mapping())
    scores = score_release(gold(min_captured=0, event_types=()), view)
    assert set(scores.values()) == {0.0}


# -- the evaluator, end to end with a fake extractor ----------------------------------------
RELEASES = [
    # (text, start, event types, province, target groups, killed, captured)
    ("2011-09-S-067\nKABUL, Afghanistan (Sept. 29, 2011)\nIn Balkh district, Balkh province, a force captured a "
     "Taliban facilitator yesterday. The force detained one additional suspected insurgent.",
     "2011-09-28", '["detention"]', '["balkh"]', '["taliban"]', 0, 2),
    ("2012-08-S-012\nKABUL, Afghanistan (Aug. 6, 2012)\nIn Tsamkani district, Paktiya province, yesterday, an "
     "airstrike killed several insurgents.",
     "2012-08-05", '["airstrike"]', '["paktya"]', '[""]', 3, 0),
    ("2011-07-S-039\nAn Afghan-led force detained multiple suspected insurgents in Burkah district, Baghlan "
     "province, yesterday.",
     "2011-07-12", '["detention"]', '["baghlan"]', '["imu"]', 0, 3),
    ("KABUL, Afghanistan (Jan. 8) An Afghan force searched a compound; nothing was found.",
     "2012-01-08", '["detention"]', '["kandahar"]', '[""]', 0, 1),
]


def _write_gold(path: Path) -> Path:
    columns = ["row_id", "text", "gold_start_date", "gold_event_type", "gold_province", "gold_target_group",
               "gold_min_killed", "gold_min_captured"]
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(columns)
        for i, release in enumerate(RELEASES, start=1):
            writer.writerow([i, *release])
    return path


def _fake() -> FakeExtractor:
    texts = [r[0] for r in RELEASES]
    return FakeExtractor({
        texts[0]: [
            report(arrested=count(part(1, "a Taliban facilitator", label="Taliban facilitator")), province="Balkh",
                   day=date(2011, 9, 28)),
            report(arrested=count(part(1, "one additional suspected insurgent")), day=date(2011, 9, 29), inferred=True),
        ],
        texts[1]: [report(AIR, killed=count(part(2, "several insurgents", approx=True)), province="Paktiya",
                          day=date(2012, 8, 6), inferred=True)],
        texts[2]: [report(arrested=count(part(2, "multiple suspected insurgents", approx=True)), province="Baghlan")],
        # texts[3]: no report at all
    })


def test_the_evaluator_scores_each_field_on_its_denominator(tmp_path: Path) -> None:
    fake = _fake()
    result = IsafEvaluator().evaluate(fake, _write_gold(tmp_path / "isaf.csv"), limit=None, all_rows=True)
    metrics = result.metrics
    assert list(metrics)[:5] == ["province", "min_killed", "min_captured", "start_date", "event_type"]
    assert result.documents == 4
    assert (metrics["province"].n, metrics["province"].correct) == (4, 3)  # the release with no report scores 0
    assert metrics["min_killed"].correct == 3  # "several" is 3 by the codebook; no report scores 0 even on gold 0
    assert metrics["min_captured"].correct == 2  # the facilitator and "one additional" were split: max 1, gold 2
    # start_date is scored on all rows; releases 3 (reference number only) and 4 (no year) cannot
    # be dated, so start_date_supported leaves them out and counts them
    assert (metrics["start_date"].n, metrics["start_date"].excluded, metrics["start_date"].correct) == (4, 0, 1)
    supported = metrics["start_date_supported"]
    assert (supported.n, supported.excluded, supported.correct) == (2, 2, 1)
    assert metrics["event_type"].correct == 3
    assert metrics["target_group"].correct == 2.0
    assert {(m.row, m.field) for m in result.mismatches} >= {("1", "min_captured"), ("2", "start_date")}
    assert any("start_date_supported leaves out" in note for note in result.notes)
    # the release date in the header is the publication date the extractor is given
    # (the first articles are also seen once before timing: an untimed warm-up)
    assert [a.published for a in fake.seen][-4:] == [date(2011, 9, 29), date(2012, 8, 6), None, None]
    assert set(result.speed) >= {"extraction_words_per_s", "ner_words_per_s", "speed_ratio"}
    json.dumps(result.to_json())


def test_the_command_runs_isaf_on_a_given_file_and_limit(tmp_path: Path) -> None:
    result = run("isaf", _fake(), data=_write_gold(tmp_path / "isaf.csv"), limit=2)
    assert result.documents == 2
    assert result.to_json()["metrics"]["province"] == 1.0


def test_a_gold_file_without_the_needed_columns_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "bad.csv"
    path.write_text("text,gold_province\nsome text,[]\n", encoding="utf-8")
    with pytest.raises(GoldDataError, match="missing columns"):
        read_rows(path)


@pytest.mark.model
def test_the_real_extractor_on_hand_made_releases(tmp_path: Path, extractor: Any) -> None:
    path = tmp_path / "isaf.csv"
    columns = ["row_id", "text", "gold_start_date", "gold_event_type", "gold_province", "gold_target_group",
               "gold_min_killed", "gold_min_captured"]
    rows = [
        ["1", "2011-10-S-020\nKABUL, Afghanistan (Oct. 10, 2011)\nDuring an operation in Gomal district, Paktika "
              "province, yesterday, a combined Afghan and coalition security force killed two insurgents and "
              "detained three suspected insurgents.",
         "2011-10-09", '["captureandkill"]', '["paktika"]', '[""]', "2", "3"],
        ["2", "2011-09-S-067\nKABUL, Afghanistan (Sept. 29, 2011)\nIn Balkh district, Balkh province, a combined "
              "Afghan and coalition security force detained two suspected insurgents during a security "
              "operation yesterday.",
         "2011-09-28", '["detention"]', '["balkh"]', '[""]', "0", "2"],
    ]
    with path.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerows([columns, *rows])
    result = IsafEvaluator().evaluate(extractor, path, limit=None, all_rows=True)
    assert result.metrics["min_captured"].value == 1.0
    assert result.metrics["min_killed"].value == 1.0
    assert result.metrics["province"].value == 1.0
    assert result.metrics["event_type"].value == 1.0
