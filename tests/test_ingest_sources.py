"""Reading files, folders and standard input: order, formats, sniffing, failures that do not stop the rest."""

from __future__ import annotations

import io
from datetime import date
from pathlib import Path

import pytest

from sitrep.ingest import read_paths, sniff

FIXTURES = Path(__file__).parent / "fixtures" / "ingest"
MIXED = FIXTURES / "mixed"


def no_date(text: str) -> date | None:
    return None


def test_a_folder_is_read_recursively_in_sorted_order_skipping_hidden_and_non_article_files() -> None:
    results = list(read_paths([MIXED], date_finder=no_date))
    assert [Path(r.source).relative_to(MIXED).as_posix() for r in results] == [
        "01-dump.txt",
        "02-page.htm",
        "03-feed.ndjson:1",
        "03-feed.ndjson:2",
        "04-notes.dat",
        "05-latin1.txt",
        "06-broken.txt",
        "07-snapshot",
        "sub/08-nested.md",
    ]  # no .hidden.txt, .cache/, README.md or logo.png


def test_a_store_kept_beside_the_articles_is_not_read_as_one(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Gunmen killed two people in Kano on Monday.", encoding="utf-8")
    for name in ("incidents.db", "incidents.db-wal", "incidents.db-shm", "incidents.sqlite-journal"):
        (tmp_path / name).write_bytes(b"SQLite format 3\x00\x00\x01")
    results = list(read_paths([tmp_path], date_finder=no_date))
    assert [Path(r.source).name for r in results] == ["a.txt"] and results[0].article is not None


def test_each_format_in_a_mixed_folder_is_read_as_what_it_is() -> None:
    results = {Path(r.source).name: r for r in read_paths([MIXED], date_finder=no_date)}
    dump = results["01-dump.txt"].article
    assert dump is not None and (dump.author, dump.published) == ("Sana Khattak", date(2025, 11, 19))
    page = results["02-page.htm"].article
    assert page is not None and (page.title, page.outlet, page.language) == (
        "Attaque contre un poste militaire à Djibo",
        "Sahel Hebdo",
        "fr",
    )
    assert results["03-feed.ndjson:1"].article.title == "Grenade attack in Srinagar"  # type: ignore[union-attr]
    assert results["04-notes.dat"].article.title == "Gunmen attack bus in Balochistan"  # type: ignore[union-attr]
    assert results["07-snapshot"].article.title == "Drone strike hits fuel depot"  # type: ignore[union-attr]
    assert results["08-nested.md"].article is not None


def test_a_legacy_encoded_text_file_is_decoded_with_a_warning() -> None:
    [result] = read_paths([MIXED / "05-latin1.txt"], date_finder=no_date)
    assert result.article is not None
    assert result.article.title == "Explosion à Beyrouth"
    assert "un café du quartier" in result.article.text
    assert "not valid UTF-8 (byte 10); decoded as cp1252" in result.article.warnings


def test_failures_name_the_file_or_line_and_do_not_stop_the_others() -> None:
    results = list(read_paths([MIXED / "06-broken.txt", MIXED / "03-feed.ndjson", "nowhere/missing.txt"]))
    assert [r.ok for r in results] == [False, True, False, False]
    assert (
        str(results[0].error)
        == f"{MIXED / '06-broken.txt'}: binary data (NUL bytes), not a text, HTML or JSON Lines article"
    )
    assert results[2].source == f"{MIXED / '03-feed.ndjson'}:2"
    assert str(results[2].error).startswith(f"{MIXED / '03-feed.ndjson'}:2: not valid JSON")
    assert str(results[3].error) == "nowhere/missing.txt: no such file or folder"


def test_the_published_argument_reaches_every_article_without_its_own_date() -> None:
    results = {Path(r.source).name: r for r in read_paths([MIXED], published=date(2025, 12, 1), date_finder=no_date)}
    assert results["01-dump.txt"].article.published == date(2025, 11, 19)  # type: ignore[union-attr]
    assert results["03-feed.ndjson:1"].article.published == date(2024, 11, 3)  # type: ignore[union-attr]
    assert results["04-notes.dat"].article.published == date(2025, 12, 1)  # type: ignore[union-attr]
    assert results["02-page.htm"].article.published == date(2025, 12, 1)  # type: ignore[union-attr]


def test_a_hidden_file_named_explicitly_is_read(tmp_path: Path) -> None:
    hidden = tmp_path / ".draft.txt"
    hidden.write_text("Blast in Kabul\nA blast killed three worshippers in Kabul on Friday.", encoding="utf-8")
    [result] = read_paths([hidden], date_finder=no_date)
    assert result.article is not None and result.article.title == "Blast in Kabul"


def test_an_empty_folder_and_a_json_document_say_what_is_wrong(tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    document = tmp_path / "export.dat"
    document.write_text('[\n  {"text": "Four were arrested."}\n]\n', encoding="utf-8")
    empty, json_document = read_paths([tmp_path / "empty", document])
    assert "folder holds no files to read" in str(empty.error)
    assert "a JSON document, not JSON Lines or text" in str(json_document.error)
    assert "jq -c" in json_document.error.hint  # type: ignore[union-attr]


@pytest.mark.parametrize(
    ("content", "title"),
    [
        ('{"title": "Blast in Kabul", "text": "A blast killed three worshippers in Kabul."}\n', "Blast in Kabul"),
        (
            "<!DOCTYPE html><html><head><title>Blast in Kabul</title></head><body><article><p>A blast near a mosque "
            "in western Kabul killed three worshippers on Friday, police said.</p></article></body></html>",
            "Blast in Kabul",
        ),
        ("Blast in Kabul\nA blast killed three worshippers in Kabul on Friday.\n", "Blast in Kabul"),
    ],
)
def test_standard_input_is_sniffed(content: str, title: str) -> None:
    [result] = read_paths(["-"], stdin=io.StringIO(content), date_finder=no_date)
    assert result.article is not None and result.article.title == title
    assert result.source in ("-", "-:1")


def test_standard_input_json_lines_are_numbered() -> None:
    stdin = io.StringIO('\n{"text": "Four were arrested."}\n{broken\n')
    results = list(read_paths(["-"], stdin=stdin, date_finder=no_date))
    assert [r.source for r in results] == ["-:2", "-:3"]
    assert str(results[1].error).startswith("-:3: not valid JSON")


def test_empty_standard_input_is_an_error() -> None:
    [result] = read_paths(["-"], stdin=io.StringIO(""))
    assert str(result.error) == "-: standard input is empty"


def test_sniff() -> None:
    assert sniff('  {"text": "x"}\n{"text": "y"}') == "jsonl"
    assert sniff("\ufeff<!doctype html><html>") == "html"
    assert sniff("<div><p>Blast in Kabul</p></div>") == "html"
    assert sniff("Blast in Kabul\n<p> is how HTML marks a paragraph") == "text"
    assert sniff("{not json") == "text"
