"""Plain-text page dumps: title, standfirst, byline, publication line, body, dates."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from sitrep.errors import ArticleUnreadable
from sitrep.ingest import NO_DATE_WARNING, default_rules, looks_like_page_dump, parse_byline, read_text_dump

FIXTURES = Path(__file__).parent / "fixtures" / "ingest"


def no_date(text: str) -> date | None:
    return None


@pytest.fixture(scope="module")
def column() -> str:
    return (FIXTURES / "concert_column.txt").read_text(encoding="utf-8")


def test_furniture_heavy_dump_gives_title_standfirst_author_date_and_outlet(column: str) -> None:
    article = read_text_dump(column, source="column.txt", date_finder=no_date)
    assert article.title == "The Crocus City Hall massacre will not be the last attack of its kind"
    assert article.standfirst == (
        "Nearly 140 people were killed at a rock concert near Moscow on Friday evening. "
        "Islamic State has claimed it, and Europe should take note."
    )
    assert article.author == "Jane Smith"
    assert article.published == date(2024, 3, 25)
    assert article.published_inferred is False
    assert article.outlet == "The Sentinel"
    assert article.source == "column.txt"


def test_furniture_heavy_dump_body_keeps_every_sentence_and_no_furniture(column: str) -> None:
    body = read_text_dump(column, date_finder=no_date).text
    paragraphs = body.split("\n\n")
    assert paragraphs[0].startswith("Gunmen opened fire on concertgoers at Crocus City Hall")
    assert "Four were arrested." in paragraphs
    assert (
        paragraphs[-1]
        == "Earlier this month Russian security services said they had foiled a gun attack on a synagogue in Kaluga."
    )
    assert "when gunmen killed 90 people at a concert hall, and the Manchester Arena bombing" in body
    for furniture in (
        "ad-free",
        "supporter",
        "Picture by",
        "Maxim Shemetov",
        "(Image: Getty)",
        "comments",
        "Join the conversation",
        "Topics",
        "Republish",
        "Creative Commons",
        "newsletter",
        "Share this",
        "Read more",
        "Advertisement",
        "©",
        "Vladimir Putin",
        "Jane Smith",
        "Mon 25 Mar",
    ):
        assert furniture not in body, furniture
    assert "\n\n\n" not in body and "\n" not in body.replace("\n\n", "")


def test_furniture_heavy_dump_warns_how_much_was_removed(column: str) -> None:
    warnings = read_text_dump(column, date_finder=no_date).warnings
    assert warnings[0].startswith("removed 20 furniture lines (tag_line x8")
    assert "removed 1 inline picture credit" in warnings
    assert NO_DATE_WARNING not in warnings


def test_a_labelled_title_line_gives_the_title_without_its_label() -> None:
    text = ("Title: Suicide bomber kills 59 at mosque in Peshawar police compound\nPublished: 2023-01-30\n\n"
            "PESHAWAR, Pakistan - A suicide bomber struck a packed mosque inside a police compound in Peshawar on "
            "Monday, killing at least 59 people and wounding more than 150, officials said. The bomber was sitting in "
            "the front row during afternoon prayers when he detonated his explosives vest.\n")
    article = read_text_dump(text, source="a1.txt")
    assert article.title == "Suicide bomber kills 59 at mosque in Peshawar police compound"
    assert article.published == date(2023, 1, 30)
    assert article.text.startswith("PESHAWAR, Pakistan")


def test_all_caps_wire_dump() -> None:
    text = (FIXTURES / "wire_caps.txt").read_text(encoding="utf-8")
    article = read_text_dump(text, source="wire.txt", date_finder=no_date)
    assert article.title == "REBELS KIDNAP 12 FARM WORKERS AND KILL TWO POLICEMEN IN CAUCA"
    assert article.author is None and article.standfirst is None
    paragraphs = article.text.split("\n\n")
    assert len(paragraphs) == 4
    assert paragraphs[0].startswith("BOGOTA, 14 MAR 90 (EFE) -- [TEXT] POLICE SOURCES HAVE REPORTED THAT A GROUP OF")
    assert paragraphs[0].endswith("NEAR PIENDAMO, CAUCA DEPARTMENT.")
    # lines that look like furniture but carry on a wrapped sentence are kept
    assert paragraphs[1].endswith("SAID HE WOULD FOLLOW DEVELOPMENTS ON THE GROUND CLOSELY.")
    assert paragraphs[2] == "FOUR WERE ARRESTED."
    assert paragraphs[3].endswith("TO HELP THE ARMY AND TO CONTRIBUTE.")
    assert "COPYRIGHT" not in article.text
    assert article.outlet == "EFE"
    assert NO_DATE_WARNING in article.warnings


BYLINES = [
    ("By Jane Smith", "Jane Smith"),
    ("by Jane Smith", "Jane Smith"),
    ("Words by Jane Smith", "Jane Smith"),
    ("Words: Jane Smith", "Jane Smith"),
    ("BY JANE SMITH", "JANE SMITH"),
    ("By Aisha Lawan, Maiduguri", "Aisha Lawan"),
    ("By Tom Ashdown, Local Democracy Reporter", "Tom Ashdown"),
    ("By Jane Smith in Moscow", "Jane Smith"),
    ("By Jane Smith for The Sentinel", "Jane Smith"),
    ("By Jane Smith and John Doe", "Jane Smith and John Doe"),
    ("By Jane Smith, John Doe and Ann Lee", "Jane Smith, John Doe and Ann Lee"),
    ("Jane Smith, Security correspondent", "Jane Smith"),
    ("JANE SMITH, SECURITY CORRESPONDENT", "JANE SMITH"),
    ("Jane Smith in Moscow", "Jane Smith"),
    ("By Jean-Luc O'Neil", "Jean-Luc O'Neil"),
]


@pytest.mark.parametrize(("line", "author"), BYLINES)
def test_bylines(line: str, author: str) -> None:
    byline = parse_byline(line, default_rules().vocabulary)
    assert byline is not None and byline.author == author


def test_a_byline_can_carry_the_date() -> None:
    vocabulary = default_rules().vocabulary
    for line in ("By Jane Smith | 25 March 2024", "By Jane Smith, Security correspondent, March 25, 2024"):
        byline = parse_byline(line, vocabulary)
        assert byline is not None and byline.published is not None
        assert byline.published.date == date(2024, 3, 25)


@pytest.mark.parametrize(
    "line",
    [
        "By Friday, the toll had risen to 60.",
        "By then the gunmen had fled.",
        "BY THE GUERRILLA BOYCOTT.",
        "TECHNICIAN WERE KIDNAPPED THURSDAY IN COLOMBIA",
        "On Tuesday, Oct. 10, 1972, Washington awoke to this startling news:",
        "Police in Moscow",
        "Vladimir Putin, the Russian president",
        "Four were arrested.",
    ],
)
def test_sentences_are_not_bylines(line: str) -> None:
    assert parse_byline(line, default_rules().vocabulary) is None


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Mon 25 Mar 2024 10.42 GMT", date(2024, 3, 25)),
        ("Published: 25 March 2024", date(2024, 3, 25)),
        ("March 25, 2024 10:42 AM ET", date(2024, 3, 25)),
        ("Tuesday 10 June 2025 14:05 WAT", date(2025, 6, 10)),
        ("2024-03-25", date(2024, 3, 25)),
        ("25/03/2024 • 10:42", date(2024, 3, 25)),
    ],
)
def test_publication_lines_in_the_header(line: str, expected: date) -> None:
    text = f"Gunmen attack concert hall near Moscow\n{line}\n\nGunmen opened fire on concertgoers on Friday evening."
    assert read_text_dump(text, date_finder=no_date).published == expected


def test_first_published_wins_over_last_modified() -> None:
    text = (
        "Gunmen attack concert hall near Moscow\n"
        "Last modified on Tue 26 Mar 2024 14.12 GMT\n"
        "First published on Mon 25 Mar 2024 10.42 GMT\n\n"
        "Gunmen opened fire on concertgoers on Friday evening."
    )
    assert read_text_dump(text, date_finder=no_date).published == date(2024, 3, 25)


def test_a_bare_name_above_the_date_is_the_author() -> None:
    text = (
        "Gunmen attack concert hall near Moscow\n"
        "Dozens were killed when gunmen stormed a concert hall on Friday.\n"
        "Jane Smith\n"
        "25 March 2024\n\n"
        "Gunmen opened fire on concertgoers on Friday evening."
    )
    article = read_text_dump(text, date_finder=no_date)
    assert (article.author, article.published) == ("Jane Smith", date(2024, 3, 25))
    assert article.standfirst == "Dozens were killed when gunmen stormed a concert hall on Friday."


def test_without_byline_or_date_every_line_after_the_title_is_body() -> None:
    text = (
        "Gunmen attack concert hall near Moscow\n"
        "Dozens were killed when gunmen stormed a concert hall on Friday.\n"
        "Police said the attackers fled in a white car."
    )
    article = read_text_dump(text, date_finder=no_date)
    assert article.standfirst is None
    assert article.text.split("\n\n") == [
        "Dozens were killed when gunmen stormed a concert hall on Friday.",
        "Police said the attackers fled in a white car.",
    ]


def test_a_url_line_in_the_header_is_the_articles_url() -> None:
    text = (
        "Gunmen attack concert hall near Moscow\n"
        "https://sentinel.example/2024/03/23/crocus\n"
        "By Jane Smith\n\n"
        "Gunmen opened fire on concertgoers on Friday evening."
    )
    article = read_text_dump(text, date_finder=no_date)
    assert article.url == "https://sentinel.example/2024/03/23/crocus"
    assert "https" not in article.text


def test_an_address_above_the_title_is_the_articles_url_and_dates_it() -> None:
    text = (
        "https://sentinel.example/2024/03/23/crocus\n"
        "Gunmen attack concert hall near Moscow\n\n"
        "Gunmen opened fire on concertgoers on Friday evening."
    )
    article = read_text_dump(text, date_finder=no_date)
    assert (article.url, article.title) == ("https://sentinel.example/2024/03/23/crocus", "Gunmen attack concert hall near Moscow")
    assert (article.published, article.published_inferred) == (date(2024, 3, 23), False)
    assert "https" not in article.text


def test_a_first_line_that_is_body_text_is_not_taken_as_title() -> None:
    text = (
        "Gunmen opened fire on concertgoers at Crocus City Hall near Moscow on Friday evening, killing dozens.\n"
        "Police said the attackers fled."
    )
    article = read_text_dump(text, date_finder=no_date)
    assert article.title is None
    assert article.text.startswith("Gunmen opened fire")
    assert "first line reads like body text, so no title was taken" in article.warnings


def test_a_one_line_input_is_both_title_and_body() -> None:
    article = read_text_dump("Gunmen kill five in Maiduguri market", date_finder=no_date)
    assert article.title == "Gunmen kill five in Maiduguri market"
    assert article.text == "Gunmen kill five in Maiduguri market"


def test_an_empty_dump_is_unreadable_and_the_error_names_the_file() -> None:
    with pytest.raises(ArticleUnreadable, match=r"^notes\.txt: the page is empty"):
        read_text_dump(" \n\n ", source="notes.txt")
    with pytest.raises(ArticleUnreadable, match=r"^page\.txt: .*no article text"):
        read_text_dump("Share this article\nAdvertisement\n12 comments", source="page.txt")


DUMP_WITHOUT_DATE = "Gunmen attack concert hall\n\nGunmen opened fire on concertgoers on Friday evening."
DUMP_WITH_DATE = (
    "Gunmen attack concert hall\nPublished 25 March 2024\n\nGunmen opened fire on concertgoers on Friday evening."
)


def test_date_precedence_page_metadata_first() -> None:
    article = read_text_dump(DUMP_WITH_DATE, published=date(2024, 4, 1), date_finder=lambda t: date(1999, 1, 1))
    assert (article.published, article.published_inferred) == (date(2024, 3, 25), False)


def test_date_precedence_then_the_published_argument() -> None:
    article = read_text_dump(DUMP_WITHOUT_DATE, published=date(2024, 4, 1), date_finder=lambda t: date(1999, 1, 1))
    assert (article.published, article.published_inferred) == (date(2024, 4, 1), False)


def test_date_precedence_then_inferred_from_the_body() -> None:
    seen: list[str] = []

    def finder(text: str) -> date | None:
        seen.append(text)
        return date(2024, 3, 23)

    article = read_text_dump(DUMP_WITHOUT_DATE, date_finder=finder)
    assert (article.published, article.published_inferred) == (date(2024, 3, 23), True)
    assert seen == ["Gunmen opened fire on concertgoers on Friday evening."]


def test_no_date_at_all_is_a_warning_that_says_what_to_do() -> None:
    article = read_text_dump(DUMP_WITHOUT_DATE, date_finder=no_date)
    assert article.published is None
    assert "no publication date: relative dates will not be resolved; pass --published" in article.warnings


def test_looks_like_page_dump() -> None:
    assert looks_like_page_dump("Gunmen attack concert hall\nBy Jane Smith\n\nGunmen opened fire on Friday.")
    assert not looks_like_page_dump("Gunmen opened fire on concertgoers on Friday evening.\n\nFour were arrested.")
    assert not looks_like_page_dump("Gunmen attack concert hall")
