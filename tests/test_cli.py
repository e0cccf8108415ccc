"""The sitrep command, the Python API, settings and exports, as a user meets them."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from sitrep.cli import main
from sitrep.errors import SettingsError
from sitrep.export import COLUMNS, geojson, write_csv
from sitrep.settings import Settings, load_settings

ARTICLE = """Gunmen kill 12 in Maiduguri market attack
By Staff Reporter

Gunmen opened fire at a crowded market in Maiduguri on Tuesday, killing 12 people, police said.
No group has claimed responsibility for the attack.
"""
OTHER = """Bomb kills five in Kano
A bomb exploded near a mosque in Kano on Wednesday, killing five worshippers.
"""


@pytest.fixture()
def news(tmp_path: Path) -> Path:
    folder = tmp_path / "news"
    folder.mkdir()
    (folder / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (folder / "b.txt").write_text(OTHER, encoding="utf-8")
    (folder / "broken.jsonl").write_text('{"text": "Gunmen killed two police officers in Kano on Monday.", "published": "2025-06-09"}\n{not json\n', encoding="utf-8")
    return folder


def test_every_setting_is_documented() -> None:
    for name, info in Settings.model_fields.items():
        assert info.description and len(info.description) > 20, name


def test_unknown_or_bad_settings_are_errors() -> None:
    with pytest.raises(SettingsError, match="batch_size"):
        load_settings(batch_size=0)
    with pytest.raises(SettingsError):
        load_settings(no_such_setting=1)


@pytest.mark.model
def test_ingest_prints_the_warnings_it_counts(tmp_path: Path) -> None:
    folder = tmp_path / "news"
    folder.mkdir()
    (folder / "short.txt").write_text("Gunmen killed two police officers at a checkpoint in Peshawar on Thursday.\n")
    result = CliRunner().invoke(main, ["ingest", str(folder), "--db", str(tmp_path / "store.db"), "--quiet",
                                       "--published", "2023-02-02"])
    assert result.exit_code == 0, result.output
    counted = int(result.output.split(" warnings")[0].rsplit(" ", 1)[1])
    shown = [line for line in result.output.splitlines() if line.startswith("warning: ")]
    assert counted >= 1 and len(shown) == counted
    assert any("short.txt: very short body" in line for line in shown)


@pytest.mark.model
def test_ingest_list_show_and_export(news: Path, tmp_path: Path) -> None:
    db = str(tmp_path / "store.db")
    runner = CliRunner()
    result = runner.invoke(main, ["ingest", str(news), "--db", db, "--published", "2025-06-11", "--quiet"])
    # the broken JSON line is reported with its line number, the exit status says something
    # failed, and the other articles are all stored
    assert result.exit_code == 1, result.output
    assert result.output.count("broken.jsonl:2") == 1
    assert "read 3 articles" in result.output

    again = runner.invoke(main, ["ingest", str(news), "--db", db, "--published", "2025-06-11", "--quiet"])
    assert "0 new, 3 unchanged" in again.output

    listed = runner.invoke(main, ["incidents", "--db", db, "--format", "json"])
    incidents = json.loads(listed.output)
    assert len(incidents) == 3
    maiduguri = next(i for i in incidents if (i["location"] or {}).get("name") == "Maiduguri")
    assert maiduguri["counts"]["killed"]["best"] == 12
    assert maiduguri["reports"][0]["article"]["title"] == "Gunmen kill 12 in Maiduguri market attack"

    filtered = runner.invoke(main, ["incidents", "--db", db, "--format", "json", "--min-killed", "6"])
    assert [i["id"] for i in json.loads(filtered.output)] == [maiduguri["id"]]

    shown = runner.invoke(main, ["show", maiduguri["id"], "--db", db])
    assert "killing 12 people" in shown.output  # the evidence sentence

    exported = runner.invoke(main, ["export", "--db", db, "--format", "geojson"])
    collection = json.loads(exported.output)
    assert len(collection["features"]) == 3


@pytest.mark.model
def test_a_country_guessed_from_the_outlet_is_stored_and_shown_as_such(tmp_path: Path) -> None:
    article = {"text": "Two men are executed on Tuesday afternoon outside a repair shop.",
               "outlet": "El Sol de Tijuana", "published": "2024-03-26"}
    (tmp_path / "a.jsonl").write_text(json.dumps(article) + "\n", encoding="utf-8")
    db = str(tmp_path / "store.db")
    runner = CliRunner()
    runner.invoke(main, ["ingest", str(tmp_path / "a.jsonl"), "--db", db, "--quiet"])
    [incident] = json.loads(runner.invoke(main, ["incidents", "--db", db, "--format", "json"]).output)
    assert incident["location"]["country_code"] == "MX"
    evidence = incident["reports"][0]["evidence"]["location"]
    assert (evidence["sentence"], evidence["phrase"]) == ("", "El Sol de Tijuana")
    shown = runner.invoke(main, ["show", incident["id"], "--db", db]).output
    assert "\"El Sol de Tijuana\" (the article's source, a guess)" in shown


def test_show_unknown_incident_is_a_clear_error(tmp_path: Path) -> None:
    db = str(tmp_path / "empty.db")
    from sitrep.store import open_store

    open_store(db).close()
    result = CliRunner().invoke(main, ["show", "inc-nope", "--db", db])
    assert result.exit_code == 1
    assert "no incident 'inc-nope'" in result.output


def test_extract_json_contract(tmp_path: Path) -> None:
    pytest.importorskip("spacy")
    path = tmp_path / "a.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    result = CliRunner().invoke(main, ["extract", str(path), "--published", "2025-06-11", "--format", "json"])
    assert result.exit_code == 0, result.output
    payload = json.loads(result.output)
    assert set(payload) == {"article", "reports"}
    assert {"title", "author", "published", "published_inferred", "url", "text"} <= set(payload["article"])
    report = payload["reports"][0]
    assert {"kind", "status", "realis", "date", "location", "perpetrators", "targets", "weapons", "counts", "claim", "evidence", "confidence"} <= set(report)
    assert set(report["counts"]) == {"killed", "injured", "arrested", "kidnapped"}
    assert set(report["counts"]["killed"]) >= {"min", "max", "best", "approx", "text"}
    assert report["date"]["start"] == "2025-06-10"


def test_unreadable_input_is_a_one_line_error(tmp_path: Path) -> None:
    path = tmp_path / "empty.html"
    path.write_text("<html><body></body></html>", encoding="utf-8")
    result = CliRunner().invoke(main, ["extract", str(path)])
    assert result.exit_code == 1
    assert result.output.startswith("sitrep: ") and str(path) in result.output


def test_csv_and_geojson_exports() -> None:
    incident = {
        "id": "inc-1", "date_start": "2025-06-10", "date_end": "2025-06-10", "place": "Maiduguri", "country_code": "NG",
        "lat": 11.85, "lon": 13.16, "data": {"counts": {"killed": {"best": 12, "min": 12, "max": 31}},
                                             "perpetrators": [{"name": "Boko Haram", "attribution": "suspected"}]},
    }
    unplaced = {"id": "inc-2", "lat": None, "lon": None, "data": {}}
    out = io.StringIO()
    assert write_csv([incident, unplaced], out) == 2
    rows = list(csv.DictReader(io.StringIO(out.getvalue())))
    assert list(rows[0]) == list(COLUMNS)
    assert rows[0]["killed_best"] == "12" and rows[0]["killed_max"] == "31"
    assert rows[0]["perpetrators"] == "Boko Haram (suspected)"
    collection = geojson([incident, unplaced])
    assert collection["features"][0]["geometry"]["coordinates"] == [13.16, 11.85]
    assert collection["skipped"] == 1  # never placed at 0,0


def test_importing_sitrep_loads_no_model() -> None:
    import subprocess
    import sys

    code = "import sys, sitrep; print('spacy' in sys.modules, callable(sitrep.extract))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.split()
    assert out == ["False", "True"]


@pytest.mark.model
def test_python_api_extract(extractor) -> None:  # type: ignore[no-untyped-def]
    import sitrep

    reports = sitrep.extract("Gunmen killed 12 people in Maiduguri on Tuesday.", published="2025-06-12", extractor=extractor)
    assert reports[0].counts.killed is not None and reports[0].counts.killed.best == 12
    assert reports[0].date is not None and reports[0].date.start.isoformat() == "2025-06-10"
    with pytest.raises(sitrep.ArticleUnreadable):
        sitrep.extract("Gunmen killed 12 people.", published="last Tuesday")


def test_a_span_of_days_is_written_short_in_the_incident_table() -> None:
    from sitrep.cli import _span_text

    assert _span_text("2025-06-08", "2025-06-08", "day") == "2025-06-08"
    assert _span_text("2025-06-08", "2025-06-11", "week") == "2025-06-08..11"
    assert _span_text("2025-06-28", "2025-07-02", "week") == "2025-06-28..07-02"
    assert _span_text("2024-12-30", "2025-01-03", "week") == "2024-12-30..2025-01-03"
    assert _span_text("2015-11-01", "2015-11-30", "month") == "2015-11"
