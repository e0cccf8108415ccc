"""HTML pages: body and metadata through trafilatura, furniture removed, encodings, fallback."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

import sitrep.ingest.html as html_reader
from sitrep.errors import ArticleUnreadable
from sitrep.ingest import read_html

FIXTURES = Path(__file__).parent / "fixtures" / "ingest"


def no_date(text: str) -> date | None:
    return None


@pytest.fixture(scope="module")
def page() -> bytes:
    return (FIXTURES / "market_attack.html").read_bytes()


def test_metadata_of_a_news_page(page: bytes) -> None:
    article = read_html(page, source="market.html", date_finder=no_date)
    assert article.title == "Gunmen kill five at market in Maiduguri"
    assert article.author == "Jane Smith"
    assert article.outlet == "The Sentinel"
    assert article.url == "https://sentinel.example/world/2024/mar/16/maiduguri-market-attack"
    assert article.standfirst == "Attackers on motorbikes opened fire on traders on Saturday morning."
    assert (article.published, article.published_inferred) == (date(2024, 3, 16), False)
    assert article.language == "en"
    assert article.source == "market.html"


def test_body_keeps_the_article_and_drops_page_chrome(page: bytes) -> None:
    article = read_html(page, date_finder=no_date)
    assert article.text.split("\n\n") == [
        "Gunmen on motorbikes killed five traders and wounded twelve others at a crowded market in Maiduguri, "
        "in north-eastern Nigeria, on Saturday morning, police said.",
        "No group has claimed the attack, but a police spokesman said the assailants were suspected members "
        "of Boko Haram, which has carried out similar raids in Borno state.",
        "Four were arrested.",
        "Residents said the gunmen arrived shortly after 8am and fired into the crowd before fleeing towards "
        "the Sambisa forest, where the army has been fighting insurgents for more than a decade.",
    ]
    for chrome in (
        "cookies",
        "Home",
        "Advertisement",
        "Related stories",
        "comments",
        "pray for Nigeria",
        "Follow us",
        "©",
        "Share",
        "Getty",
    ):
        assert chrome not in article.text, chrome


def test_the_url_given_by_the_caller_wins_over_the_canonical_link(page: bytes) -> None:
    article = read_html(page, url="https://mirror.example/a", date_finder=no_date)
    assert article.url == "https://mirror.example/a"


def test_page_metadata_date_wins_over_the_published_argument(page: bytes) -> None:
    article = read_html(page, published=date(2024, 4, 1), date_finder=no_date)
    assert article.published == date(2024, 3, 16)


MINIMAL = (
    "<html><head><title>Blast in Kabul</title></head><body><article><h1>Blast in Kabul</h1>"
    "<p>A blast near a mosque in western Kabul killed three worshippers and wounded eleven on Friday, "
    "a spokesman for the city police said.</p><p>No group has claimed responsibility.</p>"
    "</article></body></html>"
)


def test_without_page_metadata_the_published_argument_then_the_body_date() -> None:
    assert read_html(MINIMAL, published=date(2024, 4, 1), date_finder=no_date).published == date(2024, 4, 1)
    inferred = read_html(MINIMAL, date_finder=lambda text: date(2024, 3, 29))
    assert (inferred.published, inferred.published_inferred) == (date(2024, 3, 29), True)
    assert "publication date inferred from the text" in inferred.warnings


def test_the_title_is_not_repeated_in_the_body() -> None:
    article = read_html(MINIMAL, date_finder=no_date)
    assert article.title == "Blast in Kabul"
    assert article.text.startswith("A blast near a mosque")


def test_bytes_are_decoded_with_the_declared_charset() -> None:
    page = (
        '<html><head><meta charset="windows-1252"><title>Attaque à Djibo</title></head><body><article>'
        "<h1>Attaque à Djibo</h1><p>Des hommes armés ont attaqué dimanche un poste militaire près de Djibo, "
        "tuant au moins dix soldats, selon des sources sécuritaires.</p>"
        "<p>Le porte-parole a déclaré : « Nous poursuivons les assaillants. »</p></article></body></html>"
    ).encode("cp1252")
    article = read_html(page, date_finder=no_date)
    assert article.title == "Attaque à Djibo"
    assert "armés ont attaqué" in article.text and "« Nous poursuivons les assaillants. »" in article.text


def test_a_page_labelled_latin1_is_read_as_windows_1252_like_a_browser() -> None:
    page = (
        '<html><head><meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1"></head><body>'
        "<article><p>\u201cWe heard a loud boom,\u201d said a trader who was about 50 metres away from the "
        "blast at the market on Tuesday morning.</p></article></body></html>"
    ).encode("cp1252")
    assert read_html(page, date_finder=no_date).text.startswith("\u201cWe heard a loud boom,\u201d")


@pytest.mark.parametrize("empty", ["", "   \n", b"", b"\xef\xbb\xbf  "])
def test_an_empty_page_is_unreadable_and_the_error_names_it(empty: str | bytes) -> None:
    with pytest.raises(ArticleUnreadable, match=r"^saved/page\.html: the page is empty"):
        read_html(empty, source="saved/page.html")


def test_a_page_without_text_is_unreadable() -> None:
    shell = '<html><head><script src="app.js"></script></head><body><div id="root"></div></body></html>'
    with pytest.raises(ArticleUnreadable, match=r"^app\.html: no article text found in the page"):
        read_html(shell, source="app.html")


def test_when_trafilatura_finds_nothing_the_paragraphs_are_used_with_a_warning(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(html_reader, "_extract", lambda html, url: None)
    page = (
        "<html><body><nav><p>Home</p><p>World news from every region of the planet today</p></nav>"
        "<div><p>A blast near a mosque in western Kabul killed three worshippers on Friday.</p>"
        "<p>Share this article</p><p>No group has claimed responsibility.</p></div>"
        "<footer><p>Contact the newsroom about this story</p></footer></body></html>"
    )
    article = read_html(page, date_finder=no_date)
    assert article.text == (
        "A blast near a mosque in western Kabul killed three worshippers on Friday.\n\n"
        "No group has claimed responsibility."
    )
    assert "trafilatura found no article body; used the page's <p> paragraphs instead" in article.warnings
