"""JSON Lines: one article per line, bad lines reported by number, the others still read."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from sitrep.ingest import NO_DATE_WARNING, ReadResult, read_jsonl

FIXTURES = Path(__file__).parent / "fixtures" / "ingest"


def no_date(text: str) -> date | None:
    return None


@pytest.fixture(scope="module")
def results() -> dict[str, ReadResult]:
    lines = (FIXTURES / "feed.jsonl").read_text(encoding="utf-8").splitlines(keepends=True)
    return {r.source: r for r in read_jsonl(lines, source="feed.jsonl", date_finder=no_date)}


def test_one_result_per_non_blank_line_in_order(results: dict[str, ReadResult]) -> None:
    assert list(results) == [f"feed.jsonl:{n}" for n in (1, 3, 4, 5, 6, 7, 8, 9)]
    assert [r.ok for r in results.values()] == [True, True, False, True, True, False, True, False]


def test_a_malformed_line_names_its_line_and_the_next_lines_are_read(results: dict[str, ReadResult]) -> None:
    error = results["feed.jsonl:4"].error
    assert error is not None
    assert str(error).startswith("feed.jsonl:4: not valid JSON")
    assert "one complete JSON object" in error.hint
    assert results["feed.jsonl:5"].ok


def test_records_without_a_body_and_non_objects_are_errors(results: dict[str, ReadResult]) -> None:
    assert "feed.jsonl:7: no 'text' or 'html' field" in str(results["feed.jsonl:7"].error)
    assert str(results["feed.jsonl:9"].error) == "feed.jsonl:9: a JSON array where an object was expected"


def test_fields_of_a_text_record(results: dict[str, ReadResult]) -> None:
    article = results["feed.jsonl:1"].article
    assert article is not None
    assert article.title == "Gunmen attack concert hall near Moscow"
    assert article.url == "https://sentinel.example/2024/03/23/crocus"
    assert (article.outlet, article.author, article.language) == ("The Sentinel", "Jane Smith", "en")
    assert article.published == date(2024, 3, 23)  # the date as written, not converted to UTC
    assert article.source == "feed.jsonl:1"
    assert article.text == (
        "Gunmen opened fire on concertgoers at Crocus City Hall in Krasnogorsk on Friday evening, "
        "killing at least 60 people.\n\nIslamic State claimed responsibility for the attack."
    )


def test_unknown_keys_are_kept_out_and_mentioned_once(results: dict[str, ReadResult]) -> None:
    first = results["feed.jsonl:1"].article
    third = results["feed.jsonl:3"].article
    assert first is not None and third is not None
    assert "ignored unknown fields 'id', 'tags' (reported once per file)" in first.warnings
    assert not any("unknown" in w for w in third.warnings)
    assert not hasattr(first, "id")


def test_dates_read_leniently_and_a_bad_date_is_only_a_warning(results: dict[str, ReadResult]) -> None:
    assert results["feed.jsonl:3"].article.published == date(2024, 3, 24)  # type: ignore[union-attr]
    article = results["feed.jsonl:6"].article
    assert article is not None and article.published is None
    assert "ignored 'published': 'sometime last spring' is not a date sitrep can read" in article.warnings
    assert NO_DATE_WARNING in article.warnings


def test_an_html_record_is_read_as_a_page(results: dict[str, ReadResult]) -> None:
    article = results["feed.jsonl:5"].article
    assert article is not None
    assert article.title == "Gunmen kill five in Maiduguri"
    assert article.outlet == "The Sentinel"
    assert article.url == "https://sentinel.example/2024/03/16/maiduguri"
    assert article.text.startswith("Gunmen on motorbikes killed five traders")


def test_text_without_title_that_looks_like_a_page_dump_is_read_as_one(results: dict[str, ReadResult]) -> None:
    article = results["feed.jsonl:8"].article
    assert article is not None
    assert article.title == "Borno market bombing toll rises to 31"
    assert article.standfirst == "Police say four suspects have been arrested in Maiduguri."
    assert (article.author, article.published) == ("Aisha Lawan", date(2025, 6, 12))
    assert article.text.startswith("The death toll from the bombing")


def test_text_with_a_title_is_body_only() -> None:
    record = {"title": "Blast in Kabul", "text": "Blast in Kabul\nA blast killed three worshippers in Kabul."}
    [result] = read_jsonl([json.dumps(record)], date_finder=no_date)
    assert result.article is not None
    assert result.article.text == "Blast in Kabul\n\nA blast killed three worshippers in Kabul."


def test_date_precedence_record_then_argument_then_body() -> None:
    with_date = json.dumps({"text": "A blast killed three worshippers in Kabul.", "published": "2024-03-29"})
    without = json.dumps({"text": "A blast killed three worshippers in Kabul."})
    found = lambda text: date(2020, 1, 1)  # noqa: E731
    [first] = read_jsonl([with_date], published=date(2024, 4, 1), date_finder=found)
    [second] = read_jsonl([without], published=date(2024, 4, 1), date_finder=found)
    [third] = read_jsonl([without], date_finder=found)
    assert first.article.published == date(2024, 3, 29)  # type: ignore[union-attr]
    assert second.article.published == date(2024, 4, 1)  # type: ignore[union-attr]
    assert (third.article.published, third.article.published_inferred) == (date(2020, 1, 1), True)  # type: ignore[union-attr]


def test_the_record_date_wins_over_the_pages_own() -> None:
    page = (
        '<html><head><meta property="article:published_time" content="2024-03-16T09:30:00Z"></head><body>'
        "<article><p>Gunmen on motorbikes killed five traders at a market in Maiduguri on Saturday, police said.</p>"
        "</article></body></html>"
    )
    [result] = read_jsonl([json.dumps({"html": page, "published": "2024-03-17"})], date_finder=no_date)
    assert result.article is not None and result.article.published == date(2024, 3, 17)


def test_lines_as_bytes_with_a_bad_line_and_a_byte_order_mark() -> None:
    lines = [
        b'\xef\xbb\xbf{"text": "A blast killed three worshippers in Kabul."}\n',
        b'{"text": "caf\xe9 bombing"}\n',
        b'{"text": "Four were arrested."}\r\n',
    ]
    results = list(read_jsonl(lines, source="feed.jsonl", date_finder=no_date))
    assert [r.ok for r in results] == [True, False, True]
    assert str(results[1].error).startswith("feed.jsonl:2: not valid UTF-8")
    assert results[2].article.text == "Four were arrested."  # type: ignore[union-attr]


def test_wrong_field_types_are_warnings_and_a_non_string_body_an_error() -> None:
    good = json.dumps({"text": "Four were arrested.", "title": 7, "published": 1711152000})
    bad = json.dumps({"text": ["Four were arrested."]})
    first, second = read_jsonl([good, bad], date_finder=no_date)
    assert first.article is not None
    assert (
        first.article.title is None
        and "ignored 'title': expected a string, got a JSON number" in first.article.warnings
    )
    assert first.article.published == date(2024, 3, 23)  # a Unix timestamp
    assert str(second.error) == "line 2: 'text' must be a string, not a JSON array"


def test_a_misspelt_key_gets_a_suggestion() -> None:
    [result] = read_jsonl([json.dumps({"text": "Four were arrested.", "titel": "Arrests"})], date_finder=no_date)
    assert result.article is not None
    assert "ignored unknown field 'titel' (did you mean 'title'?) (reported once per file)" in result.article.warnings
