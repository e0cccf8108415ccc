"""The example story, through the real extractor: five articles, two incidents, whatever the order.

``tests/fixtures/dedup_story/`` holds a car bombing at the livestock market in Baidoa
(Somalia) told by three articles over three days as its toll rises from 12 to 19 to 27,
a shooting at a police checkpoint in the same city two days after the bombing, and an
opinion column a year later recalling the bombing.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from sitrep.api import ingest
from sitrep.cli import main
from sitrep.store import Store, open_store

pytestmark = pytest.mark.model

STORY = Path(__file__).parent / "fixtures" / "dedup_story"
ARTICLES = sorted(STORY.glob("*.txt"))  # in publication order
BOMBING_TITLES = {
    "Car bomb kills at least 12 at livestock market in Somalia's Baidoa",
    "Baidoa market bombing toll rises to 19 as hospital struggles with wounded",
    "Funerals held in Baidoa as market bombing toll reaches 27",
    "A year after the Baidoa market bombing, the traders are back but the state is not",
}
SHOOTING_TITLE = "Gunmen kill three police officers at checkpoint in Baidoa"


def ingested(extractor: Any, path: Path, batches: list[list[Path]]) -> Store:
    """A store at ``path`` after one ingest per batch of articles."""
    store = open_store(path)
    for batch in batches:
        summary = ingest([str(p) for p in batch], store, extractor=extractor)
        assert not summary.errors
    return store


def incidents_json(store: Store) -> list[dict[str, Any]]:
    db = store.engine.url.database
    result = CliRunner().invoke(main, ["incidents", "--db", str(db), "--format", "json"])
    assert result.exit_code == 0, result.output
    return json.loads(result.output)


def check_story(found: list[dict[str, Any]]) -> None:
    assert len(found) == 2, [[r["article"]["title"] for r in i["reports"]] for i in found]
    by_titles = {frozenset(r["article"]["title"] for r in i["reports"]): i for i in found}
    bombing = by_titles[frozenset(BOMBING_TITLES)]
    shooting = by_titles[frozenset({SHOOTING_TITLE})]

    killed = bombing["counts"]["killed"]
    assert (killed["min"], killed["best"], killed["max"]) == (12, 27, 27)  # best: the latest report's
    assert bombing["date"]["start"] == "2025-03-04" and bombing["date"]["precision"] == "day"
    assert bombing["location"]["name"] == "Baidoa"
    assert bombing["realis"] == "reported"
    assert [p["name"] for p in bombing["perpetrators"]] == ["al-Shabaab"]
    assert (bombing["first_reported"], bombing["last_reported"]) == ("2025-03-04", "2026-03-03")
    column = next(r for r in bombing["reports"] if r["article"]["published"] == "2026-03-03")
    assert column["realis"] == "background"  # attached to the incident it recalls, as a background source
    assert shooting["counts"]["killed"]["best"] == 3 and shooting["date"]["start"] == "2025-03-06"


@pytest.mark.parametrize(
    "batches",
    [
        pytest.param([[p] for p in ARTICLES], id="one-article-per-ingest-in-publication-order"),
        pytest.param([[p] for p in reversed(ARTICLES)], id="one-article-per-ingest-column-first"),
        pytest.param([[ARTICLES[4], ARTICLES[1]], [ARTICLES[3]], [ARTICLES[2], ARTICLES[0]]], id="mixed-batches"),
        pytest.param([[STORY]], id="the-folder-in-one-ingest"),
    ],
)
def test_the_story_ingests_into_two_incidents_in_any_order(
    extractor: Any, tmp_path: Path, batches: list[list[Path]]
) -> None:
    with ingested(extractor, tmp_path / "story.db", batches) as store:
        found = incidents_json(store)
        check_story(found)
        before = {i["id"]: sorted(r["id"] for r in i["reports"]) for i in found}
        from sitrep.dedupe import regroup

        regroup(store, full=True)  # a full pass agrees with the incremental ones
        after = {i["id"]: sorted(r["id"] for r in i["reports"]) for i in incidents_json(store)}
        assert after == before


def test_the_story_incidents_json_contract(extractor: Any, tmp_path: Path) -> None:
    with ingested(extractor, tmp_path / "story.db", [[STORY]]) as store:
        found = incidents_json(store)
    for incident in found:
        assert {
            "id", "kind", "status", "realis", "date", "location", "perpetrators", "counts",
            "first_reported", "last_reported", "reports",
        } <= set(incident)
        assert set(incident["counts"]) == {"killed", "injured", "arrested", "kidnapped"}
        for count in incident["counts"].values():
            assert count is None or {"min", "max", "best"} <= set(count)
        for report in incident["reports"]:
            assert {"url", "title", "published"} <= set(report["article"])
            # each report in the shape of `sitrep extract`
            assert {"kind", "status", "realis", "date", "location", "perpetrators", "targets", "weapons",
                    "counts", "claim", "evidence", "confidence", "trigger"} <= set(report)


def test_why_the_story_was_merged(extractor: Any, tmp_path: Path) -> None:
    with ingested(extractor, tmp_path / "story.db", [[STORY]]) as store:
        (bombing,) = [i for i in incidents_json(store) if len(i["reports"]) == 4]
        db = str(store.engine.url.database)
    shown = CliRunner().invoke(main, ["show", bombing["id"], "--db", db])
    assert shown.exit_code == 0, shown.output
    assert "why merged" in shown.output
    assert "[background]" in shown.output  # the column
    assert shown.output.count("score ") >= 3  # at least a spanning set of links for four reports
