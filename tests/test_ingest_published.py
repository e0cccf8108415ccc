"""Publication dates: forms read from metadata and header lines, and the order of precedence."""

from __future__ import annotations

import sys
import types
from datetime import date

import pytest

from sitrep.ingest import NO_DATE_WARNING, default_rules
from sitrep.ingest.published import (
    address_date,
    default_date_finder,
    find_date,
    parse_date_value,
    publication_line,
    resolve_publication,
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("25 March 2024", date(2024, 3, 25)),
        ("25th of March, 2024", date(2024, 3, 25)),
        ("Mar. 25, 2024", date(2024, 3, 25)),
        ("March 25 2024", date(2024, 3, 25)),
        ("2024-03-25", date(2024, 3, 25)),
        ("2024/03/25", date(2024, 3, 25)),
        ("25/03/2024", date(2024, 3, 25)),
        ("03/25/2024", date(2024, 3, 25)),
        ("25.03.2024", date(2024, 3, 25)),
        ("3 JAN 90", date(1990, 1, 3)),
        ("03/04/2024", None),  # 3 April or 4 March: refuse to guess
        ("31 February 2024", None),
        ("last Friday", None),
    ],
)
def test_find_date(text: str, expected: date | None) -> None:
    assert find_date(text) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2024-03-25", date(2024, 3, 25)),
        ("2024-03-25T23:30:00-05:00", date(2024, 3, 25)),
        ("2024-03-25T08:15:00Z", date(2024, 3, 25)),
        ("Mon, 25 Mar 2024 10:42:00 GMT", date(2024, 3, 25)),
        ("25 March 2024", date(2024, 3, 25)),
        (1711362120, date(2024, 3, 25)),
        ("yesterday", None),  # relative: would depend on the day sitrep runs
        ("sometime last spring", None),
        ("", None),
        (None, None),
        (True, None),
    ],
)
def test_parse_date_value(value: object, expected: date | None) -> None:
    assert parse_date_value(value) == expected


def test_publication_lines_only_hold_a_date() -> None:
    vocabulary = default_rules().vocabulary
    line = publication_line("Last modified on Tue 26 Mar 2024 14.12 GMT", vocabulary)
    assert line is not None and (line.date, line.kind) == (date(2024, 3, 26), "updated")
    assert publication_line("Police said on 25 March 2024 that four were arrested", vocabulary) is None
    assert publication_line("Updated 10:42 GMT", vocabulary) is None


def test_resolve_publication_precedence() -> None:
    finder = lambda text: date(2024, 3, 23)  # noqa: E731
    assert resolve_publication(date(2024, 3, 25), date(2024, 4, 1), "x", finder) == (date(2024, 3, 25), False, ())
    assert resolve_publication(None, date(2024, 4, 1), "x", finder) == (date(2024, 4, 1), False, ())
    assert resolve_publication(None, None, "x", finder) == (
        date(2024, 3, 23),
        True,
        ("publication date inferred from the text",),
    )
    assert resolve_publication(None, None, "x", lambda text: None) == (None, False, (NO_DATE_WARNING,))


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://www.nydailynews.com/new-york/2013/04/12/thugs-accused-article", date(2013, 4, 12)),
        ("http://articles.latimes.com/2005/jun/25/local/me-sheriff25", date(2005, 6, 25)),
        ("http://www.presstelegram.com/technology/20070503/judge-sentences", date(2007, 5, 3)),
        ("https://news.example/world/2024-03-23-crocus-attack", date(2024, 3, 23)),
        ("http: / / articles. latimes. com / 2005 / jun / 25 / local / me - sheriff25", date(2005, 6, 25)),
        ("https://news.example/2024/03/crocus-attack", None),  # a month is not a day
        ("https://news.example/story/20241399/x", None),  # no such day
        ("https://www.cbsnews.com/8301-207_162-57582560/lawyer", None),
        ("https://news.example/search?from=2024-03-23", None),  # a query is not the page's day
        (None, None),
    ],
)  # fmt: skip
def test_the_day_in_a_page_address(url: str | None, expected: date | None) -> None:
    assert address_date(url) == expected


def test_the_address_comes_after_metadata_and_the_given_date_and_before_the_body() -> None:
    finder = lambda text: date(2024, 3, 1)  # noqa: E731
    url = "https://news.example/2024/03/23/crocus"
    assert resolve_publication(date(2024, 3, 25), None, "x", finder, url=url)[0] == date(2024, 3, 25)
    assert resolve_publication(None, date(2024, 4, 1), "x", finder, url=url)[0] == date(2024, 4, 1)
    assert resolve_publication(None, None, "x", finder, url=url) == (
        date(2024, 3, 23), False, ("publication date read from the page's address",))
    assert resolve_publication(None, None, "x", finder, url="https://news.example/crocus")[:2] == (date(2024, 3, 1), True)


def test_the_default_finder_is_the_extraction_modules_function(monkeypatch: pytest.MonkeyPatch) -> None:
    module = types.ModuleType("sitrep.extract.dates")
    module.publication_date_from_text = lambda text: date(2024, 3, 22)  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "sitrep.extract.dates", module)
    assert default_date_finder() is module.publication_date_from_text  # type: ignore[attr-defined]
    assert resolve_publication(None, None, "BOGOTA, 22 MAR 24 -- ...") == (
        date(2024, 3, 22),
        True,
        ("publication date inferred from the text",),
    )


def test_without_the_extraction_module_there_is_no_inference(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "sitrep.extract.dates", None)  # makes the import fail
    assert default_date_finder() is None
    assert resolve_publication(None, None, "x") == (None, False, (NO_DATE_WARNING,))
