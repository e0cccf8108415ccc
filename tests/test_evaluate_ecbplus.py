"""`sitrep evaluate ecbplus`: the clustering metrics on toy clusterings worked out by hand, the
text-only grouping, and the whole evaluation on a hand-made ECB+-shaped folder.

A fake extractor hands back hand-made reports and a fake clustering groups them by place and
day, so every figure is known in advance; one test runs the real engine, one (marked `model`)
the real extractor.
"""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Any, Sequence

import pytest

from sitrep.evaluate.clustering import PairError, bcubed, example_errors, pairwise
from sitrep.evaluate.core import GoldDataError, evaluator, run
from sitrep.evaluate.ecbplus import (
    EcbPlusEvaluator,
    choose_report,
    cluster_incidents,
    read_documents,
    report_text,
    text_clusters,
    text_labels,
    text_similarity,
)
from sitrep.model import DateSpan, Evidence, Kind, Location, Report

from fakes import FakeExtractor

FIXTURE = Path(__file__).parent / "fixtures" / "ecbplus"
SHOOTING = Kind("Violence against civilians", "Attack", "Armed Assault")


# -- metrics on toy clusterings -----------------------------------------------------------------
# gold: {a b c} {d e}; predicted: {a b} {c d e}
GOLD = {"a": 1, "b": 1, "c": 1, "d": 2, "e": 2}
PREDICTED = {"a": "X", "b": "X", "c": "Y", "d": "Y", "e": "Y"}


def test_bcubed_by_hand() -> None:
    score = bcubed(PREDICTED, GOLD)
    # precision per item: a 1, b 1, c 1/3, d 2/3, e 2/3 -> 11/15
    # recall per item:    a 2/3, b 2/3, c 1/3, d 1, e 1  -> 11/15
    assert score.precision == pytest.approx(11 / 15)
    assert score.recall == pytest.approx(11 / 15)
    assert score.f1 == pytest.approx(11 / 15)
    assert score.correct_precision == pytest.approx(11 / 3)


def test_pairwise_by_hand() -> None:
    score = pairwise(PREDICTED, GOLD)
    # put together: ab, cd, ce, de; belong together: ab, ac, bc, de; right: ab, de
    assert (score.correct_precision, score.predicted, score.gold) == (2, 4, 4)
    assert (score.precision, score.recall, score.f1) == (0.5, 0.5, 0.5)


def test_perfect_and_degenerate_clusterings() -> None:
    assert bcubed(GOLD, GOLD).f1 == 1.0 and pairwise(GOLD, GOLD).f1 == 1.0
    alone = {item: item for item in GOLD}
    # nothing put together: nothing wrongly merged (precision 1), but no pair found
    assert (pairwise(alone, GOLD).precision, pairwise(alone, GOLD).recall) == (1.0, 0.0)
    assert bcubed(alone, GOLD).precision == 1.0 and bcubed(alone, GOLD).recall == pytest.approx((1 / 3 * 3 + 1) / 5)
    one = {item: 0 for item in GOLD}
    assert pairwise(one, GOLD).recall == 1.0 and pairwise(one, GOLD).precision == pytest.approx(4 / 10)
    assert bcubed({}, {}).f1 == 1.0
    with pytest.raises(ValueError, match="different items"):
        bcubed({"a": 1}, {"b": 1})


def test_labels_are_only_names() -> None:
    renamed = {item: f"cluster-{label}" for item, label in PREDICTED.items()}
    assert bcubed(renamed, GOLD) == bcubed(PREDICTED, GOLD)
    assert pairwise(renamed, GOLD) == pairwise(PREDICTED, GOLD)


def test_example_errors_one_pair_per_wrong_merge_and_split() -> None:
    assert example_errors(PREDICTED, GOLD) == [
        PairError("wrong_merge", "c", "d"),  # gold 1 and gold 2 share cluster Y
        PairError("wrong_split", "a", "c"),  # gold 1 is split between X and Y
    ]
    assert example_errors(GOLD, GOLD) == []


# -- grouping by text alone ---------------------------------------------------------------------
def test_text_similarity_is_a_pairwise_cosine() -> None:
    a = "Mira Quell checked into the Sunhill clinic."
    assert text_similarity(a, a) == pytest.approx(1.0)
    assert text_similarity(a, "Tomas Vardy will host the Golden Lyre awards.") == 0.0
    assert text_similarity("", a) == 0.0
    # stop words alone never make two texts alike
    assert text_similarity("They were there and it was so.", "It was so, and they were there.") == 0.0


def test_text_clusters_find_the_events_without_being_told_how_many() -> None:
    texts = {d.name: d.text for d in read_documents(FIXTURE)}
    assert text_clusters(texts) == [
        ["1_1ecb.xml", "1_2ecb.xml"],
        ["1_1ecbplus.xml", "1_2ecbplus.xml"],
        ["2_1ecb.xml", "2_2ecb.xml"],
        ["2_1ecbplus.xml", "2_2ecbplus.xml"],
    ]
    # the order the texts come in changes nothing
    assert text_clusters(dict(reversed(list(texts.items())))) == text_clusters(texts)
    assert text_clusters({}) == []
    assert text_clusters({"x": "one text"}) == [["x"]]


def test_text_never_joins_two_incidents() -> None:
    texts = {d.name: d.text for d in read_documents(FIXTURE)}
    # the two Alderton documents as two incidents: the text grouping must keep them apart
    split = text_clusters(texts, fixed=[["1_1ecb.xml"], ["1_2ecb.xml"]])
    assert ["1_1ecb.xml"] in split and ["1_2ecb.xml"] in split
    labels = text_labels(texts, {"1_1ecb.xml": "incident:A", "1_1ecbplus.xml": "incident:B"})
    assert labels["1_2ecb.xml"] == "incident:A" and labels["1_2ecbplus.xml"] == "incident:B"
    assert labels["2_1ecb.xml"] == labels["2_2ecb.xml"] == "text:2_1ecb.xml"
    with pytest.raises(ValueError, match="known ids once each"):
        text_clusters(texts, fixed=[["1_1ecb.xml"], ["1_1ecb.xml", "2_1ecb.xml"]])
    with pytest.raises(ValueError, match="known ids once each"):
        text_clusters(texts, fixed=[["nowhere.xml"]])


# -- reading the gold folder --------------------------------------------------------------------
def test_reads_documents_and_their_domains() -> None:
    docs = read_documents(FIXTURE)
    assert [d.name for d in docs][:2] == ["1_1ecb.xml", "1_2ecb.xml"] and len(docs) == 8
    by_name = {d.name: d for d in docs}
    # 1_2ecbplus carries no domain: its group's, from event_groups.jsonl
    assert by_name["1_2ecbplus.xml"].violent and by_name["1_2ecbplus.xml"].group == "1_ecbplus"
    assert not by_name["2_1ecb.xml"].violent
    assert len(read_documents(FIXTURE, limit=3)) == 3


def test_bad_gold_folders_are_named(tmp_path: Path) -> None:
    with pytest.raises(GoldDataError, match="not a folder"):
        read_documents(FIXTURE / "documents.jsonl")
    with pytest.raises(GoldDataError, match="no documents.jsonl"):
        read_documents(tmp_path)
    (tmp_path / "documents.jsonl").write_text(json.dumps({"doc_name": "x", "text": "t"}) + "\n")
    with pytest.raises(GoldDataError, match="line 1: missing seminal_event_group"):
        read_documents(tmp_path)
    (tmp_path / "documents.jsonl").write_text(json.dumps({"doc_name": "x", "text": "t", "seminal_event_group": "g"}))
    with pytest.raises(GoldDataError, match="no topic_domain_manual"):
        read_documents(tmp_path)


# -- the evaluation -------------------------------------------------------------------------------
def evidence(sentence: str, start: int = 0) -> Evidence:
    return Evidence(sentence, start, start + len(sentence))


PLACES = {"Alderton": (40.1, -75.2), "Brindle": (35.0, -90.0), "Oakvale": (37.5, -81.0), "A": (30.0, -95.0),
          "B": (45.0, -100.0)}


def report(place: str | None, day: date | None, *, realis: str = "reported", sentence: str = "") -> Report:
    return Report(
        kind=SHOOTING, status="completed", realis=realis,  # type: ignore[arg-type]
        date=DateSpan(day, day, "day", "Friday") if day else None,
        location=Location(place, country_code="US", lat=PLACES[place][0], lon=PLACES[place][1], precision="town")
        if place else None,
        evidence={"kind": evidence(sentence)} if sentence else {},
    )


FRIDAY, MONDAY = date(2008, 12, 19), date(2013, 4, 8)


def by_place_and_day(reports: Sequence[tuple[str, Report]], **_: Any) -> tuple[list[list[str]], list[Any]]:
    """A stand-in engine: reports with the same place and day are one incident."""
    groups: dict[Any, list[str]] = {}
    for rid, r in reports:
        key = (r.location.name if r.location else rid, r.date.start if r.date else rid)
        groups.setdefault(key, []).append(rid)
    return sorted(sorted(ids) for ids in groups.values()), []


@pytest.fixture()
def fake() -> FakeExtractor:
    return FakeExtractor(by="source", reports={
        # a background mention comes first; the reported shooting stands for the document
        "1_1ecb.xml": [report("Oakvale", date(2001, 1, 1), realis="background"), report("Alderton", FRIDAY)],
        "1_2ecb.xml": [report("Alderton", FRIDAY)],
        "1_1ecbplus.xml": [report("Brindle", MONDAY)],
        # 1_2ecbplus.xml (violent) and topic 2 (other): no report
    })


def test_scores_document_clusters(fake: FakeExtractor) -> None:
    result = EcbPlusEvaluator(cluster=by_place_and_day).evaluate(fake, FIXTURE, limit=None, all_rows=False)
    m = result.metrics
    assert result.documents == 8 and m["b3_f1"].n == 4 and m["b3_f1_all"].n == 8
    # violent topics: {1_1ecb 1_2ecb} right; 1_1ecbplus and the report-less 1_2ecbplus apart
    assert m["b3_precision"].value == 1.0
    assert m["b3_recall"].value == pytest.approx(3 / 4)
    assert m["b3_f1"].value == pytest.approx(6 / 7)
    assert (m["pairwise_precision"].value, m["pairwise_recall"].value) == (1.0, 0.5)
    assert m["pairwise_f1"].value == pytest.approx(2 / 3) and m["pairwise_f1"].correct == 1
    # all documents: the report-less ones placed by text; topic 2's two events come out right
    # and 1_2ecbplus (no report) joins the incident of 1_1ecbplus, whose text it shares
    assert m["b3_f1_all"].value == 1.0
    assert set(result.to_json()["metrics"]) == {
        "b3_f1", "b3_precision", "b3_recall", "pairwise_f1", "pairwise_precision", "pairwise_recall", "b3_f1_all",
    }


def test_notes_say_how_many_documents_had_no_report(fake: FakeExtractor) -> None:
    result = EcbPlusEvaluator(cluster=by_place_and_day).evaluate(fake, FIXTURE, limit=None, all_rows=False)
    notes = "\n".join(result.notes)
    assert "documents with no report: 5 (1 in violent topics, 4 in other topics); " \
           "for b3_f1_all 1 joined an incident by their text, the others make 2 groups of their own" in notes
    assert "main reports in violent topics: 3; with a date 3, with a place 3, with both 3" in notes
    assert "0.97" in notes
    # a perfect engine would still leave 1_2ecbplus (no report) alone: recall 3/4 -> 6/7
    assert "ceiling with these reports (a perfect engine, the documents with no report as above): " \
           "b3_f1 0.857, b3_f1_all 1.000" in notes


def test_errors_name_the_documents_and_their_reports(fake: FakeExtractor) -> None:
    result = EcbPlusEvaluator(cluster=by_place_and_day).evaluate(fake, FIXTURE, limit=None, all_rows=False)
    assert [(x.row, x.field) for x in result.mismatches] == [("1_1ecbplus.xml | 1_2ecbplus.xml", "wrong_split")]
    miss = result.mismatches[0]
    assert miss.gold == "1_ecbplus"
    assert miss.predicted == "Attack, 2013-04-08, Brindle (US) / no report"
    assert "[1_2ecbplus.xml] Brindle warehouse shooting suspect charged" in miss.text


def test_the_engine_gets_whole_documents_and_inferred_dates(tmp_path: Path) -> None:
    seen: dict[str, Any] = {}

    def spy(reports: Sequence[tuple[str, Report]], *, texts: Any = None, published: Any = None,
            whole_articles: bool = False) -> Any:
        seen.update(texts=texts, published=published, whole_articles=whole_articles)
        return by_place_and_day(reports)

    folder = tmp_path / "ecb"
    folder.mkdir()
    rows = [{"doc_name": "d1", "text": "Posted 12 March 2009\nA gunman shot two people.", "seminal_event_group": "g",
             "topic_domain_manual": "violent"},
            {"doc_name": "d2", "text": "A gunman shot two people on Friday.", "seminal_event_group": "g",
             "topic_domain_manual": "violent"}]
    (folder / "documents.jsonl").write_text("".join(json.dumps(r) + "\n" for r in rows))
    fake = FakeExtractor(by="source", reports={"d1": [report("Alderton", FRIDAY)], "d2": [report("Alderton", FRIDAY)]})
    result = EcbPlusEvaluator(cluster=spy).evaluate(fake, folder, limit=None, all_rows=True)
    assert seen["texts"] == {"d1#0": rows[0]["text"], "d2#0": rows[1]["text"]}
    assert seen["whole_articles"] is True  # each text is a whole document about one story
    # ECB+ has no publication dates: one is read from the body where a calendar date is written
    assert seen["published"] == {"d1#0": date(2009, 3, 12)}
    assert [a.published for a in fake.seen][-2:] == [date(2009, 3, 12), None]
    assert fake.seen[-2].published_inferred and result.metrics["b3_f1"].value == 1.0


def test_choose_report_and_report_text() -> None:
    told, recalled = report("A", FRIDAY), report("B", FRIDAY, realis="background")
    assert choose_report([recalled, told]) == 1 and choose_report([recalled]) == 0 and choose_report([]) is None
    arrest = replace(told, kind=Kind("Strategic developments", "Arrests"))
    assert choose_report([arrest, told]) == 1 and choose_report([arrest, recalled]) == 0
    two = replace(told, evidence={"date": evidence("On Friday.", 40), "kind": evidence("Gunmen shot two.", 0),
                                  "place": evidence("On Friday.", 40)})
    assert report_text(two) == "Gunmen shot two. On Friday."


def test_cluster_incidents_with_the_real_engine() -> None:
    same = [("a#0", report("Alderton", FRIDAY)), ("b#0", report("Alderton", FRIDAY))]
    labels = cluster_incidents(same, texts={"a#0": "A gunman shot two in Alderton.", "b#0": "Alderton gunman kills two."})
    assert labels == {"a#0": "a#0", "b#0": "a#0"}  # same kind, day and town: one incident
    lone = cluster_incidents([("c#0", report("Brindle", MONDAY))])
    assert lone == {"c#0": "c#0"}


def test_command_path_and_limit(fake: FakeExtractor) -> None:
    assert isinstance(evaluator("ecbplus"), EcbPlusEvaluator)
    result = run("ecbplus", fake, data=FIXTURE, limit=3)
    assert result.documents == 3 and result.metrics["b3_f1"].n == 3
    assert "b3_f1_all" in result.table()


@pytest.mark.model
def test_real_extractor_on_the_fixture(extractor: Any) -> None:
    result = EcbPlusEvaluator().evaluate(extractor, FIXTURE, limit=None, all_rows=True)
    assert result.documents == 8 and 0.0 <= result.metrics["b3_f1"].value <= 1.0
    assert result.speed["extraction_words_per_s"] > 0
