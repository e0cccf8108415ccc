"""`sitrep evaluate ucdp-multi`: headlines of one UCDP event clustered into one incident,
checked on a hand-made file (tests/fixtures/ucdp_multi) with a fake extractor and a stand-in
engine, so every figure can be worked out by hand; one test runs the real engine and one
(marked `model`) the real extractor.
"""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path
from typing import Any, Sequence

import pytest

from sitrep.evaluate.core import GoldDataError, evaluator, run
from sitrep.evaluate.ucdp_multi import (
    Headline,
    UcdpMultiEvaluator,
    components,
    content_words,
    distinct_headlines,
    overlap_links,
    read_headlines,
    split_headlines,
)
from sitrep.model import DateSpan, Kind, Location, Report

from fakes import FakeExtractor

FIXTURE = Path(__file__).parent / "fixtures" / "ucdp_multi" / "multi_source_events.csv"
BOMBING = Kind("Explosions/Remote violence", "Remote explosive/landmine/IED", "Bombing/Explosion")
APRIL = date(2016, 4, 1)


def day(n: int) -> date:
    return APRIL + timedelta(days=n - 1)


PLACES = {  # name: (country code, lat, lon)
    "Baghdad": ("IQ", 33.34, 44.40), "Idlib": ("SY", 35.93, 36.63), "Culiacan": ("MX", 24.80, -107.39),
}


def report(place: str, when: date) -> Report:
    code, lat, lon = PLACES[place]
    return Report(kind=BOMBING, status="completed", realis="reported", date=DateSpan(when, when, "day", "Monday"),
                  location=Location(place, country_code=code, lat=lat, lon=lon, precision="town"))


def by_place_and_day(reports: Sequence[tuple[str, Report]], **_: Any) -> tuple[list[list[str]], list[Any]]:
    """A stand-in engine: reports with the same place and day are one incident."""
    groups: dict[Any, list[str]] = {}
    for rid, r in reports:
        groups.setdefault((r.location.name if r.location else rid, r.date.start if r.date else rid), []).append(rid)
    return sorted(sorted(ids) for ids in groups.values()), []


@pytest.fixture()
def fake() -> FakeExtractor:
    return FakeExtractor(by="source", reports={
        "101:1": [report("Baghdad", day(25))],
        "101:2": [report("Baghdad", day(25))],
        "101:3": [report("Baghdad", day(25))],
        # the same ambush dated a day apart by two sources: the stand-in engine splits it
        "102:1": [report("Idlib", day(24))],
        "102:2": [report("Idlib", day(28))],
        # the round-up "Daily Briefing" (103:1, 104:1) yields no report
        # two different killings in Culiacan the same day: the stand-in engine merges them
        "103:2": [report("Culiacan", day(25))],
        "104:2": [report("Culiacan", day(25))],
    })


# -- reading the file -------------------------------------------------------------------------------
def test_reads_every_headline_with_its_own_date() -> None:
    headlines, misaligned = read_headlines(FIXTURE)
    assert [h.item for h in headlines] == ["101:1", "101:2", "101:3", "102:1", "102:2", "103:1", "103:2", "104:1", "104:2"]
    by_item = {h.item: h for h in headlines}
    assert by_item["101:2"].published == day(26) and by_item["101:3"].published == day(25)
    # no headlines_split: source_headline is split at the bare ";"
    assert by_item["102:2"].text == "Three soldiers killed in Idlib ambush" and by_item["102:2"].published == day(29)
    assert by_item["103:2"].text == "Gunmen kill 2 in Culiacán"  # HTML entities decoded
    # 104 lists one date for two headlines: both get it, and it is counted
    assert misaligned == 1 and by_item["104:2"].published == day(26)
    assert len(read_headlines(FIXTURE, limit=2)[0]) == 5


def test_split_headlines_keeps_a_semicolon_inside_a_headline() -> None:
    assert split_headlines({"source_headline": "Clashes; 3 dead;Army says 3 killed"}) == ["Clashes; 3 dead",
                                                                                          "Army says 3 killed"]
    assert split_headlines({"source_headline": "a;b", "headlines_split": "not json"}) == ["a", "b"]


def test_bad_files_are_named(tmp_path: Path) -> None:
    missing = tmp_path / "m.csv"
    missing.write_text("id,source_headline\n1,x\n")
    with pytest.raises(GoldDataError, match="missing columns source_date"):
        read_headlines(missing)
    twice = tmp_path / "t.csv"
    twice.write_text("id,source_headline,source_date\n1,x,2016-04-01\n1,y,2016-04-01\n")
    with pytest.raises(GoldDataError, match="row 2: event 1 appears twice"):
        read_headlines(twice)


# -- the word-overlap baseline --------------------------------------------------------------------
def test_content_words_leave_out_stop_words() -> None:
    assert content_words("Three soldiers killed in Idlib ambush") == {"soldiers", "killed", "idlib", "ambush"}
    assert content_words("Car bomb kills 12 in Baghdad") == {"car", "bomb", "kills", "12", "baghdad"}


def test_overlap_links_need_shared_words_within_three_days() -> None:
    a = Headline("1:1", "1", "Gunmen kill 3 soldiers in Idlib", day(25))
    b = Headline("1:2", "1", "Three soldiers killed in Idlib ambush", day(28))
    late = Headline("1:3", "1", "Three soldiers killed in Idlib ambush", day(29))
    other = Headline("2:1", "2", "Car bomb kills 12 in Baghdad", day(25))
    undated = Headline("2:2", "2", "Car bomb kills 12 in Baghdad", None)
    # soldiers + idlib: 2 of the shorter headline's 4 content words
    assert overlap_links([a, b, late, other, undated]) == [("1:1", "1:2"), ("1:2", "1:3")]
    assert overlap_links([a, late]) == []  # four days apart
    assert overlap_links([a, late], days=4) == [("1:1", "1:3")]


def test_components_are_transitive() -> None:
    labels = components(["a", "b", "c", "d"], [("b", "c"), ("a", "b")])
    assert labels == {"a": "a", "b": "a", "c": "a", "d": "d"}


def test_distinct_headlines_leave_out_round_ups() -> None:
    headlines, _ = read_headlines(FIXTURE)
    assert "103:1" not in distinct_headlines(headlines) and "104:1" not in distinct_headlines(headlines)
    assert len(distinct_headlines(headlines)) == 7


# -- the evaluation -------------------------------------------------------------------------------
def test_scores_headline_clusters_against_events(fake: FakeExtractor) -> None:
    result = UcdpMultiEvaluator(cluster=by_place_and_day).evaluate(fake, FIXTURE, limit=None, all_rows=False)
    m = result.metrics
    assert result.documents == 9 and m["pairwise_f1"].n == 9
    # put together: the 3 Baghdad pairs (right) and 103:2-104:2 (wrong); gold pairs: 3 + 1 + 1 + 1
    assert (m["pairwise_precision"].value, m["pairwise_recall"].value) == (0.75, 0.5)
    assert m["pairwise_f1"].value == pytest.approx(0.6) and m["pairwise_f1"].correct == 3
    # B-cubed precision: every headline 1 but 103:2 and 104:2 (1/2 each) -> 8/9;
    # recall: the Baghdad three 1, the six others 1/2 -> 6/9
    assert m["b3_precision"].value == pytest.approx(8 / 9) and m["b3_recall"].value == pytest.approx(6 / 9)
    assert m["b3_f1"].value == pytest.approx(32 / 42)
    # without the round-up shared by 103 and 104: 7 headlines
    assert m["pairwise_f1_distinct"].n == 7 and m["pairwise_f1_distinct"].value == pytest.approx(0.75)
    assert m["b3_f1_distinct"].value == pytest.approx(6 / 7)


def test_each_headline_is_an_article_of_its_own_day(fake: FakeExtractor) -> None:
    seen: dict[str, Any] = {}

    def spy(reports: Sequence[tuple[str, Report]], *, texts: Any = None, published: Any = None) -> Any:
        seen.update(texts=texts, published=published)
        return by_place_and_day(reports)

    UcdpMultiEvaluator(cluster=spy).evaluate(fake, FIXTURE, limit=None, all_rows=False)
    articles = {a.source: a for a in fake.seen}
    assert articles["101:2"].text == "Baghdad market bombing toll rises to 15" and articles["101:2"].published == day(26)
    assert seen["published"]["101:2#0"] == day(26) and seen["published"]["102:2#0"] == day(29)
    assert seen["texts"]["101:2#0"] == "Baghdad market bombing toll rises to 15"
    assert "103:1#0" not in seen["texts"]  # no report, nothing to cluster


def test_errors_and_notes(fake: FakeExtractor) -> None:
    result = UcdpMultiEvaluator(cluster=by_place_and_day).evaluate(fake, FIXTURE, limit=None, all_rows=False)
    assert sorted((x.field, x.row) for x in result.mismatches) == [
        ("wrong_merge", "103:2 | 104:2"),
        ("wrong_split", "102:1 | 102:2"),
        ("wrong_split", "103:1 | 103:2"),
        ("wrong_split", "104:1 | 104:2"),
    ]
    merge = next(x for x in result.mismatches if x.field == "wrong_merge")
    assert merge.gold == "events 103 / 104"
    assert merge.predicted.startswith("one incident: incident:103:2#0 (Remote explosive/landmine/IED, 2016-04-25, Culiacan (MX)")
    assert "[104:2 2016-04-26] Bakery owner shot dead in Culiacan" in merge.text
    notes = "\n".join(result.notes)
    assert "events: 4; headlines: 9; reports: 7; headlines with no report: 2 (each its own cluster)" in notes
    # the baseline links the two "Daily Briefing" (different events) and 102:1 with 103:2
    # ("gunmen kill"); the Idlib pair is four days apart: no right pair at all
    assert "pairwise P 0.000 R 0.000 F1 0.000" in notes
    assert "first date used): 1" in notes


def test_with_the_real_engine_and_the_command(fake: FakeExtractor) -> None:
    assert isinstance(evaluator("ucdp-multi"), UcdpMultiEvaluator)
    result = run("ucdp-multi", fake, data=FIXTURE, limit=1)
    assert result.documents == 3
    # three reports of one bombing, same place and day: the engine must put them together
    assert result.metrics["pairwise_recall"].value == 1.0
    assert {"pairwise_f1", "b3_f1"} <= set(result.to_json()["metrics"])


@pytest.mark.model
def test_real_extractor_on_the_fixture(extractor: Any) -> None:
    result = UcdpMultiEvaluator().evaluate(extractor, FIXTURE, limit=None, all_rows=True)
    assert result.documents == 9 and 0.0 <= result.metrics["pairwise_f1"].value <= 1.0
