"""`sitrep show` explains merges; `sitrep merge`, `split` and `regroup` as an analyst uses them.

The store is filled by hand (no spaCy): two reports of a bombing in Maiduguri and a
shooting there two days later by another group.
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from sitrep.cli import main
from sitrep.dedupe import regroup
from sitrep.model import ActorRef, Article, Count, Counts, DateSpan, Evidence, Kind, Location, Report
from sitrep.store import open_store

BOMB = Kind("Explosions/Remote violence", "Remote explosive/landmine/IED", "Bombing/Explosion")
SHOOTING = Kind("Violence against civilians", "Attack", "Armed Assault")
MAIDUGURI = Location("Maiduguri", "Borno", "Nigeria", "NG", 11.85, 13.16, "town", "Maiduguri", 2331447)
BOKO = ActorRef("Boko Haram", "Boko Haram", None, "claimed", "boko-haram", "armed group")
ISWAP = ActorRef("Islamic State West Africa Province", "ISWAP", "Islamic State", "claimed", "iswap", "armed group")


def _report(sentence: str, day: str, kind: Kind, killed: int, perpetrator: ActorRef) -> Report:
    when = date.fromisoformat(day)
    trigger = sentence.split()[1]
    return Report(
        kind=kind, status="completed", realis="reported", date=DateSpan(when, when, "day", day),
        location=MAIDUGURI, perpetrators=(perpetrator,),
        counts=Counts(killed=Count(killed, killed, killed, False, str(killed))),
        evidence={"trigger": Evidence(sentence, 0, len(sentence), trigger, 2, 2 + len(trigger), 0.8)},
        confidence=0.8, trigger=trigger,
    )


ARTICLES = [
    ("Bomb kills 12 at Maiduguri market", date(2025, 3, 4),
     _report("A bomb exploded at the cattle market in Maiduguri on Tuesday, killing 12 people.", "2025-03-04", BOMB, 12, BOKO)),
    ("Maiduguri market toll rises to 19", date(2025, 3, 5),
     _report("The toll from Tuesday's bomb blast at the Maiduguri cattle market rose to 19.", "2025-03-04", BOMB, 19, BOKO)),
    ("Gunmen kill three police officers in Maiduguri", date(2025, 3, 7),
     _report("Gunmen shot dead three police officers at a checkpoint in Maiduguri on Thursday night.", "2025-03-06", SHOOTING, 3, ISWAP)),
]


@pytest.fixture
def db(tmp_path: Path) -> str:
    path = str(tmp_path / "store.db")
    with open_store(path) as store:
        for title, published, report in ARTICLES:
            store.save_article(Article(text=title, title=title, outlet=title, published=published), [report], extraction_version="1")
        regroup(store)
    return path


def run(*args: str) -> Result:
    return CliRunner().invoke(main, list(args))


def listed(db: str) -> list[dict]:  # type: ignore[type-arg]
    result = run("incidents", "--db", db, "--format", "json")
    assert result.exit_code == 0, result.output
    return json.loads(result.output)


def by_size(db: str) -> tuple[dict, dict]:  # type: ignore[type-arg]
    found = sorted(listed(db), key=lambda i: len(i["reports"]))
    assert [len(i["reports"]) for i in found] == [1, 2]
    return found[0], found[1]


def test_show_says_why_reports_were_merged(db: str) -> None:
    _, bombing = by_size(db)
    shown = run("show", bombing["id"], "--db", db)
    assert shown.exit_code == 0, shown.output
    why = shown.output.split("why merged")[1]
    assert "report 1 + report 2" in why and "score " in why
    assert "date " in why and "place " in why  # the signals, with their points


def test_merge_is_recorded_shown_and_kept_by_later_runs(db: str) -> None:
    shooting, bombing = by_size(db)
    result = run("merge", shooting["id"], bombing["id"], "--db", db, "--note", "one raid", "--by", "ana")
    assert result.exit_code == 0, result.output
    assert f"into {bombing['id']}" in result.output  # the older incident keeps its id
    (merged,) = listed(db)
    assert merged["id"] == bombing["id"] and len(merged["reports"]) == 3

    assert run("regroup", "--full", "--db", db).exit_code == 0
    assert [i["id"] for i in listed(db)] == [bombing["id"]]
    shown = run("show", bombing["id"], "--db", db).output
    assert "decisions:" in shown and "by ana" in shown and ": one raid" in shown
    assert f"merge {shooting['id']} + {bombing['id']}" in shown
    assert "must_link 1" in shown  # the analyst's merge is one of the reasons
    as_json = json.loads(run("show", bombing["id"], "--db", db, "--format", "json").output)
    assert as_json["decisions"][0]["action"] == "merge" and as_json["decisions"][0]["decided_by"] == "ana"
    assert all({"a", "b", "score", "signals"} <= set(link) for link in as_json["links"])


def test_split_takes_a_report_out_and_later_runs_keep_it_out(db: str) -> None:
    _, bombing = by_size(db)
    moved = bombing["reports"][1]["id"]
    result = run("split", bombing["id"], moved, "--db", db, "--note", "a different market")
    assert result.exit_code == 0, result.output
    assert f"report {moved} is now incident" in result.output
    assert run("regroup", "--full", "--db", db).exit_code == 0
    found = listed(db)
    assert len(found) == 3
    alone = next(i for i in found if [r["id"] for r in i["reports"]] == [moved])
    shown = run("show", alone["id"], "--db", db).output
    assert f"split {moved} out of {bombing['id']}" in shown and "a different market" in shown


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["merge", "inc-nope", "{bombing}"], "no incident 'inc-nope'"),
        (["merge", "{bombing}", "{bombing}"], "cannot merge"),
        (["split", "inc-nope", "rep-nope"], "no incident 'inc-nope'"),
        (["split", "{bombing}", "rep-nope"], "no report 'rep-nope'"),
        (["split", "{bombing}", "{shooting_report}"], "is in incident"),
    ],
)
def test_decisions_on_unknown_ids_are_one_line_errors(db: str, args: list[str], message: str) -> None:
    shooting, bombing = by_size(db)
    values = {"bombing": bombing["id"], "shooting_report": shooting["reports"][0]["id"]}
    result = run(*[a.format(**values) for a in args], "--db", db)
    assert result.exit_code == 1
    assert result.output.startswith("sitrep: ") and message in result.output
    assert len(listed(db)) == 2  # nothing changed


def test_incidents_json_lists_only_the_reports_of_the_incidents_shown(db: str) -> None:
    result = run("incidents", "--db", db, "--format", "json", "--min-killed", "10")
    (bombing,) = json.loads(result.output)
    assert sorted(r["article"]["title"] for r in bombing["reports"]) == sorted(t for t, _, _ in ARTICLES[:2])
    killed = bombing["counts"]["killed"]
    assert (killed["min"], killed["best"], killed["max"]) == (12, 19, 19)
    assert {"id", "kind", "status", "realis", "date", "location", "perpetrators", "counts",
            "first_reported", "last_reported", "reports"} <= set(bombing)
    assert {"url", "title", "published"} <= set(bombing["reports"][0]["article"])


def test_help_documents_the_json_contract_and_the_decisions() -> None:
    assert "min (the lowest" in run("incidents", "--help").output
    for command in ("merge", "split"):
        text = run(command, "--help").output
        assert "--note" in text and "--by" in text and "Example" in text
