"""Finding date expressions in sentences and resolving them to calendar spans."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from sitrep.errors import RegistryError
from sitrep.extract.dates import DateMention, DateResolver, find_dates, publication_date_from_text
from sitrep.extract.dates_lexicon import easter_sunday, hijri_to_date, load_date_words, parse_date_words, read_date_words
from sitrep.model import DateSpan

# The worked example of the product brief: an opinion column published on Monday 25 March 2024.
P = date(2024, 3, 25)
D = date.fromisoformat


@pytest.fixture(scope="module")
def resolver() -> DateResolver:
    return DateResolver(P)


def span(result: DateSpan | None) -> tuple[str, str, str] | None:
    """A DateSpan as (start, end, precision) strings, for compact asserts."""
    if result is None:
        return None
    return result.start.isoformat(), result.end.isoformat(), result.precision


def texts(sentence: str) -> list[str]:
    return [m.text for m in find_dates(sentence)]


# -- the word list -------------------------------------------------------------------------


def test_shipped_date_word_list_loads_and_covers_every_month_and_weekday() -> None:
    words = load_date_words()
    assert sorted(set(words.months.values())) == list(range(1, 13))
    assert sorted(set(words.weekdays.values())) == list(range(7))
    assert words.months["sept"] == 9 and words.weekdays["thurs"] == 3
    assert {"may", "march"} <= words.ambiguous_months
    assert set(words.period_parts) == {"decade", "year", "season", "month", "week"}


def _shipped_yaml() -> dict:
    path = Path(__file__).parents[1] / "sitrep" / "data" / "date_words.yaml"
    return yaml.safe_load(path.read_text(encoding="utf-8"))


@pytest.mark.parametrize(
    "damage",
    [
        lambda d: d.pop("months"),
        lambda d: d.update(surprise=[1]),
        lambda d: d["months"].pop(12),
        lambda d: d["weekdays"].update({0: ["monday", "tuesday"]}),  # "tuesday" listed twice
        lambda d: d.update(stripped_prepositions=[True, "in"]),  # an unquoted `on` in YAML
        lambda d: d["units"].update(aeon="aeon"),
        lambda d: d["period_parts"]["month"].pop("late"),
        lambda d: d.update(vague_counts={"several": [7, 3]}),
        lambda d: d["named_dates"].append({"pattern": "(unclosed", "date": date(2001, 9, 11)}),
        lambda d: d["holidays"].update({"leap day": "02-29"}),  # not a day of every year
        lambda d: d["holidays"].update({"pentecost": "easter+forty-nine"}),
        lambda d: d["holidays"].update({"last of ramadan": "hijri 09-30"}),  # no 30th in half the years
    ],
)
def test_a_damaged_date_word_list_is_rejected_with_a_registry_error(damage) -> None:
    data = _shipped_yaml()
    damage(data)
    with pytest.raises(RegistryError):
        parse_date_words(data)


def test_a_custom_word_list_file_can_be_read(tmp_path: Path) -> None:
    path = tmp_path / "words.yaml"
    path.write_text(yaml.safe_dump(_shipped_yaml()), encoding="utf-8")
    assert read_date_words(path).months["jan"] == 1
    path.write_text("months: [unclosed", encoding="utf-8")
    with pytest.raises(RegistryError):
        read_date_words(path)


# -- finding -------------------------------------------------------------------------------


def test_worked_example_sentences_give_their_date_phrases() -> None:
    assert texts("An attack on a rock concert near Moscow on Friday evening killed nearly 140 people.") == [
        "Friday evening"
    ]
    assert texts("It recalled the Bataclan (November 2015) and Manchester in May 2017.") == [
        "November 2015",
        "May 2017",
    ]
    assert texts("A twin bombing in Kerman on 4 January this year killed nearly a hundred.") == [
        "4 January this year"
    ]
    assert texts("Earlier this month police foiled a gun attack in Kaluga.") == ["Earlier this month"]
    assert texts("Seven suspects were arrested last July.") == ["last July"]


def test_mentions_carry_sentence_offsets_without_the_leading_preposition() -> None:
    sentence = "Gunmen struck on Friday evening and again in the early hours of Sunday."
    mentions = find_dates(sentence)
    assert [m.text for m in mentions] == ["Friday evening", "the early hours of Sunday"]
    for m in mentions:
        assert sentence[m.start : m.end] == m.text
    assert mentions[0] == DateMention(17, 31, "Friday evening")


def test_all_caps_wire_copy_is_read_like_ordinary_text() -> None:
    assert texts("SAN SALVADOR, 12 JAN 90 (ACAN-EFE) -- [TEXT] THE ARMY REPORTED TODAY") == [
        "12 JAN 90",
        "TODAY",
    ]
    assert texts("ON 6 JANUARY AT 1625 FMLN TERRORISTS ATTACKED A BRIDGE ON FRIDAY") == [
        "6 JANUARY AT 1625",
        "FRIDAY",
    ]
    assert texts("(DIARIO LAS AMERICAS) -- THE MASSACRE TOOK PLACE ON 9 JANUARY.") == ["9 JANUARY"]
    assert texts("LAST JULY AND ON 4 JANUARY THIS YEAR") == ["LAST JULY", "4 JANUARY THIS YEAR"]
    assert texts("KABUL, Afghanistan (Jan. 25, 2013) - JAN. 25, 2013") == ["Jan. 25, 2013", "JAN. 25, 2013"]


def test_a_bare_year_is_a_date_only_in_a_date_context() -> None:
    assert texts("Police arrested 2015 people.") == []
    assert texts("The group was founded in 2015 and has grown since 2016.") == ["2015", "2016"]
    assert texts("The Bataclan attack (2015) killed 130; the toll of 2015 was the worst.") == ["2015", "2015"]
    assert texts("Attacks rose from 2000 to 3000 a year.") == []
    assert texts("It was the deadliest year since late 2019 and mid-2020.") == ["late 2019", "mid-2020"]


def test_a_year_inside_a_code_is_no_date() -> None:
    assert texts("ISAF Joint Command - Afghanistan\u20282010-11-S-260\u2028For Immediate Release") == []
    assert texts("It was the worst season in 2010-11 for the league.") == ["2010-11"]


def test_may_and_march_alone_are_verbs_unless_a_cue_makes_them_months() -> None:
    assert texts("THE REBELS MAY ATTACK AGAIN AND PROTESTERS MARCH ON THE CAPITAL.") == []
    assert texts("Protesters may march in May.") == ["May"]
    assert texts("They struck in early March and again last May.") == ["early March", "last May"]
    assert texts("the march on 4 may") == []  # month names must be capitalised


def test_all_caps_may_is_a_month_only_where_a_verb_could_not_stand() -> None:
    assert texts("THEY NOTED THAT THIS MAY HAVE BEEN A TERRORIST ATTACK") == []
    assert texts("THIS MAY, POLICE SAID, THE GROUP STRUCK TWICE.") == ["THIS MAY"]
    assert texts("LAST MARCH IN KABUL") == ["LAST MARCH"]
    assert texts("THE 19-APRIL MOVEMENT CLAIMED IT") == ["APRIL"]  # not 19 April
    assert texts("filed on 4-Jan-2024") == ["4-Jan-2024"]


def test_day_ordinals_are_dates_only_when_nothing_follows_them() -> None:
    assert texts("The bomb went off on the 11th, police said.") == ["the 11th"]
    assert texts("They met on the 4th at noon.") == ["the 4th at noon"]
    assert texts("He lived on the 4th floor of the 11th district.") == []
    assert texts("the 7th and 8th Districts") == []


def test_anaphoric_phrases_are_found_but_not_before_and_after_an_event() -> None:
    found = texts(
        "Three months later they struck again; the next day, the following week and hours later, "
        "that night, the same day, a week earlier, the day before."
    )
    assert found == [
        "Three months later",
        "the next day",
        "the following week",
        "hours later",
        "that night",
        "the same day",
        "a week earlier",
        "the day before",
    ]
    assert texts("He was killed two days after the attack, the day before the election.") == []


def test_relative_phrases_are_found_whole() -> None:
    found = texts(
        "Over the weekend, in recent days, two days ago, three weeks ago, a year ago, 10 years ago, "
        "the day before yesterday, late last month, towards the end of last year, at the start of "
        "the year, the 1990s, summer 2019, the past two weeks."
    )
    assert found == [
        "the weekend",
        "recent days",
        "two days ago",
        "three weeks ago",
        "a year ago",
        "10 years ago",
        "the day before yesterday",
        "late last month",
        "towards the end of last year",
        "the start of the year",
        "the 1990s",
        "summer 2019",
        "the past two weeks",
    ]


def test_neighbouring_phrases_join_only_when_they_form_one_expression() -> None:
    assert texts("at 10pm on Friday") == ["10pm on Friday"]
    assert texts("at 0945 this morning") == ["0945 this morning"]
    assert texts("Mon 25 Mar 2024 10.00 GMT") == ["Mon 25 Mar 2024 10.00 GMT"]
    assert texts("July last year") == ["July last year"]
    # lists stay apart
    assert texts("in July, last year and this year") == ["July", "last year", "this year"]
    assert texts("on Tuesday, Wednesday and Thursday") == ["Tuesday", "Wednesday", "Thursday"]


def test_an_anniversary_is_one_expression_and_the_same_period_years_before(resolver: DateResolver) -> None:
    assert texts("Two years ago this week, fighters abducted 276 schoolgirls.") == ["Two years ago this week"]
    # publication Monday 25 March 2024: this week, two years back; this month, a year back
    week = resolver.resolve("two years ago this week")
    assert week is not None and week.precision == "week" and week.start <= D("2022-03-25") <= week.end
    assert span(resolver.resolve("a year ago this month")) == ("2023-03-01", "2023-03-31", "month")
    # each phrase alone keeps its own reading
    assert span(resolver.resolve("this week"))[0] == "2024-03-25"
    assert span(resolver.resolve("two years ago"))[2] == "year"


def test_a_bare_clock_time_is_a_mention_marked_time_only() -> None:
    mentions = find_dates("March 25, 2024 | 10:42 AM")
    assert [(m.text, m.time_only) for m in mentions] == [("March 25, 2024", False), ("10:42 AM", True)]
    assert find_dates("Prices rose by 2.50 points.") == []


def test_islamic_dates_by_the_arithmetic_calendar() -> None:
    # within a day of the days kept in Saudi Arabia: 1 Muharram 1446 on 7 July 2024, 1 Shawwal 1445 on
    # 10 April 2024, 10 Dhu al-Hijjah 1446 on 6 June 2025
    assert hijri_to_date(1446, 1, 1) == D("2024-07-08")
    assert hijri_to_date(1445, 10, 1) == D("2024-04-10")
    assert hijri_to_date(1446, 12, 10) == D("2025-06-07")
    resolver = DateResolver(D("2025-06-10"))
    span = resolver.resolve("Eid al-Adha")
    assert (span.start, span.end, span.precision) == (D("2025-06-06"), D("2025-06-08"), "day")


def test_western_easter_by_the_computus() -> None:
    assert [easter_sunday(y) for y in (1990, 2000, 2019, 2024, 2025, 2038)] == [
        D("1990-04-15"), D("2000-04-23"), D("2019-04-21"), D("2024-03-31"), D("2025-04-20"), D("2038-04-25"),
    ]


@pytest.mark.parametrize(
    ("sentence", "published", "expected"),
    [
        ("The attack in the early hours of New Year's Day killed 39 people.", "2017-01-02", ("2017-01-01",)),
        ("ON NEW YEARS EVE GUNMEN OPENED FIRE", "2017-01-02", ("2016-12-31",)),
        ("Bombs struck three churches on Easter Sunday.", "2019-04-22", ("2019-04-21",)),
        ("A church was attacked on Christmas Day.", "2012-01-10", ("2011-12-25",)),
        ("Gunmen struck on Good Friday last year.", "2024-05-04", ("2023-04-07",)),
        ("The bombing on Christmas Day 2011 killed 37.", "2024-05-04", ("2011-12-25",)),
        ("Bastille Day's attack in Nice killed 86 people.", "2016-07-16", ("2016-07-14",)),
        ("Gunmen attacked a church in Owo on Pentecost Sunday 2022.", "2024-10-21", ("2022-06-05",)),
        # the name of an event or of a treaty dates nothing, nor does the weekday in it
        ("It was the worst attack since the Easter Sunday bombings.", "2024-05-04", ()),
        ("The Good Friday Agreement ended the Troubles.", "2024-05-04", ()),
        ("Shoppers filled the Christmas market.", "2024-12-20", ()),
        # an Islamic feast: the three days around its day in the arithmetic calendar (Eid al-Adha 1446 was
        # kept on 6 June 2025 in Saudi Arabia, 7 June in Pakistan)
        ("Gunmen killed five people in Kaduna on Eid al-Adha.", "2025-06-10", ("2025-06-06",)),
        ("A bomb struck a procession in Karachi on Ashura last year.", "2025-06-10", ("2024-07-16",)),
        ("A suicide bomber struck during Eid-ul-Fitr prayers.", "2025-04-02", ("2025-03-30",)),
    ],
)
def test_holidays_are_their_day(sentence: str, published: str, expected: tuple[str, ...]) -> None:
    resolver = DateResolver(D(published))
    found = tuple(resolver.resolve(m.text).start.isoformat() for m in find_dates(sentence))
    assert found == expected


def test_numeric_and_named_dates_are_found() -> None:
    assert texts("Updated 25/03/2024; filed 2024-01-04") == ["25/03/2024", "2024-01-04"]
    assert texts("Version 3.5.10 of 1.2.3") == []
    assert texts("since the September 11 attacks and 9/11") == ["September 11", "9/11"]


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                "Friday", "evening", "on", "in", "2015", "last", "July", "4", "January", "this", "year",
                "the", "next", "day", "ago", "three", "weeks", "at", "10pm", "MAY", ",", "(2015)",
                "early", "hours", "of", "Sunday", "11th", "people", "killed", "25/03/2024", "later",
            ]
        ),
        max_size=25,
    )
)
def test_mentions_are_sorted_non_overlapping_and_match_their_offsets(words: list[str]) -> None:
    sentence = " ".join(words)
    mentions = find_dates(sentence)
    for m in mentions:
        assert sentence[m.start : m.end] == m.text and m.text.strip() == m.text
    for a, b in zip(mentions, mentions[1:]):
        assert a.end <= b.start


# -- resolving: the worked example and every phrase of the brief -----------------------------

WORKED_EXAMPLE = {
    "Friday evening": ("2024-03-22", "2024-03-22", "day"),
    "earlier this month": ("2024-03-01", "2024-03-25", "month"),
    "last July": ("2023-07-01", "2023-07-31", "month"),
    "4 January this year": ("2024-01-04", "2024-01-04", "day"),
    "November 2015": ("2015-11-01", "2015-11-30", "month"),
    "August 2021": ("2021-08-01", "2021-08-31", "month"),
    "September 2022": ("2022-09-01", "2022-09-30", "month"),
    "the end of last year": ("2023-10-01", "2023-12-31", "season"),
}


@pytest.mark.parametrize("phrase,expected", WORKED_EXAMPLE.items())
def test_worked_example_phrases_resolve_as_the_brief_says(
    resolver: DateResolver, phrase: str, expected: tuple[str, str, str]
) -> None:
    assert span(resolver.resolve(phrase)) == expected


def test_three_months_later_than_last_july_is_october(resolver: DateResolver) -> None:
    july = resolver.resolve("last July")
    assert span(resolver.resolve("three months later", anchor=july)) == ("2023-10-01", "2023-10-31", "month")


ABSOLUTE = {
    "4 January 2024": ("2024-01-04", "2024-01-04", "day"),
    "January 4, 2024": ("2024-01-04", "2024-01-04", "day"),
    "Jan. 4, 2024": ("2024-01-04", "2024-01-04", "day"),
    "4 Jan 2024": ("2024-01-04", "2024-01-04", "day"),
    "the 4th of January 2024": ("2024-01-04", "2024-01-04", "day"),
    "Friday, 22 March 2024": ("2024-03-22", "2024-03-22", "day"),
    "2024-01-04": ("2024-01-04", "2024-01-04", "day"),
    "04/01/2024": ("2024-01-04", "2024-01-04", "day"),  # day first
    "25/03/2024": ("2024-03-25", "2024-03-25", "day"),
    "November 13, 2015": ("2015-11-13", "2015-11-13", "day"),
    "January 13 1970": ("1970-01-13", "1970-01-13", "day"),
    "September 2022": ("2022-09-01", "2022-09-30", "month"),
    "in 2015": ("2015-01-01", "2015-12-31", "year"),
    "2015": ("2015-01-01", "2015-12-31", "year"),
    "(2015)": ("2015-01-01", "2015-12-31", "year"),
    "between 2010 and 2012": ("2010-01-01", "2012-12-31", "year"),
    "2015-16": ("2015-01-01", "2016-12-31", "year"),
    "the 1990s": ("1990-01-01", "1999-12-31", "decade"),
    "the '90s": ("1990-01-01", "1999-12-31", "decade"),
    "the early 1990s": ("1990-01-01", "1992-12-31", "decade"),
    "summer 2019": ("2019-06-01", "2019-08-31", "season"),
    "the summer of 2019": ("2019-06-01", "2019-08-31", "season"),
    "winter 2019": ("2019-12-01", "2020-02-29", "season"),
    "mid-2020": ("2020-05-01", "2020-08-31", "season"),
    "late 2019": ("2019-09-01", "2019-12-31", "season"),
    "the end of 2019": ("2019-10-01", "2019-12-31", "season"),
    "early March": ("2024-03-01", "2024-03-10", "month"),
    "late March 2020": ("2020-03-21", "2020-03-31", "month"),
    "the 11th": ("2024-03-11", "2024-03-11", "day"),
    "on the 4th": ("2024-03-04", "2024-03-04", "day"),
    "the September 11 attacks": ("2001-09-11", "2001-09-11", "day"),
}


@pytest.mark.parametrize("phrase,expected", ABSOLUTE.items())
def test_absolute_and_partial_dates(resolver: DateResolver, phrase: str, expected: tuple) -> None:
    assert span(resolver.resolve(phrase)) == expected


RELATIVE_TO_PUBLICATION = {
    "today": ("2024-03-25", "2024-03-25", "day"),
    "this morning": ("2024-03-25", "2024-03-25", "day"),
    "yesterday": ("2024-03-24", "2024-03-24", "day"),
    "yesterday afternoon": ("2024-03-24", "2024-03-24", "day"),
    "the day before yesterday": ("2024-03-23", "2024-03-23", "day"),
    "last night": ("2024-03-24", "2024-03-24", "day"),
    "overnight": ("2024-03-24", "2024-03-25", "day"),
    "Friday": ("2024-03-22", "2024-03-22", "day"),
    "on Friday": ("2024-03-22", "2024-03-22", "day"),
    "last Friday": ("2024-03-22", "2024-03-22", "day"),
    "on Wednesday night": ("2024-03-20", "2024-03-20", "day"),
    "Monday": ("2024-03-25", "2024-03-25", "day"),  # P itself: on or before publication
    "last Monday": ("2024-03-18", "2024-03-18", "day"),  # strictly before
    "Friday last week": ("2024-03-22", "2024-03-22", "day"),
    "earlier this week": ("2024-03-25", "2024-03-25", "week"),
    "this week": ("2024-03-25", "2024-03-25", "week"),
    "last week": ("2024-03-18", "2024-03-24", "week"),
    "over the weekend": ("2024-03-23", "2024-03-24", "week"),
    "last weekend": ("2024-03-23", "2024-03-24", "week"),
    "last month": ("2024-02-01", "2024-02-29", "month"),
    "late last month": ("2024-02-21", "2024-02-29", "month"),
    "the 4th of this month": ("2024-03-04", "2024-03-04", "day"),
    "in July": ("2023-07-01", "2023-07-31", "month"),
    "July last year": ("2023-07-01", "2023-07-31", "month"),
    "last year": ("2023-01-01", "2023-12-31", "year"),
    "earlier this year": ("2024-01-01", "2024-03-25", "year"),
    "this year": ("2024-01-01", "2024-03-25", "year"),
    "on 4 January this year": ("2024-01-04", "2024-01-04", "day"),
    "4 January": ("2024-01-04", "2024-01-04", "day"),
    "30 December": ("2023-12-30", "2023-12-30", "day"),
    "towards the end of last year": ("2023-10-01", "2023-12-31", "season"),
    "at the start of the year": ("2024-01-01", "2024-03-25", "season"),
    "two days ago": ("2024-03-23", "2024-03-23", "day"),
    "three weeks ago": ("2024-03-01", "2024-03-07", "week"),
    "a year ago": ("2023-01-01", "2023-12-31", "year"),
    "10 years ago": ("2014-01-01", "2014-12-31", "year"),
    "a few days ago": ("2024-03-21", "2024-03-23", "week"),
    "in recent days": ("2024-03-18", "2024-03-25", "week"),
    "the last 24 hours": ("2024-03-24", "2024-03-25", "day"),
    "last summer": ("2023-06-01", "2023-08-31", "season"),
    "this winter": ("2023-12-01", "2024-02-29", "season"),
    "ON FRIDAY": ("2024-03-22", "2024-03-22", "day"),
    "LAST JULY": ("2023-07-01", "2023-07-31", "month"),
    "4 JANUARY THIS YEAR": ("2024-01-04", "2024-01-04", "day"),
    "JAN. 25, 2013": ("2013-01-25", "2013-01-25", "day"),
}


@pytest.mark.parametrize("phrase,expected", RELATIVE_TO_PUBLICATION.items())
def test_phrases_relative_to_publication(resolver: DateResolver, phrase: str, expected: tuple) -> None:
    assert span(resolver.resolve(phrase)) == expected


ANCHOR = DateSpan(D("2023-07-14"), D("2023-07-14"), "day", "14 July 2023")  # a Friday
ANAPHORA = {
    "three months later": ("2023-10-01", "2023-10-31", "month"),
    "two days later": ("2023-07-16", "2023-07-16", "day"),
    "the next day": ("2023-07-15", "2023-07-15", "day"),
    "the following week": ("2023-07-17", "2023-07-23", "week"),
    "the day before": ("2023-07-13", "2023-07-13", "day"),
    "a week earlier": ("2023-07-04", "2023-07-10", "week"),
    "that night": ("2023-07-14", "2023-07-14", "day"),
    "the same day": ("2023-07-14", "2023-07-14", "day"),
    "hours later": ("2023-07-14", "2023-07-14", "day"),
    "later that week": ("2023-07-10", "2023-07-16", "week"),
    "the following Monday": ("2023-07-17", "2023-07-17", "day"),
    "the previous weekend": ("2023-07-08", "2023-07-09", "week"),
    "a year later": ("2024-01-01", "2024-03-25", "year"),  # cut at publication
    "days later": ("2023-07-16", "2023-07-21", "week"),
    "the 20th": ("2023-07-20", "2023-07-20", "day"),  # the anchor's month
    "that weekend": ("2023-07-15", "2023-07-16", "week"),
}


@pytest.mark.parametrize("phrase,expected", ANAPHORA.items())
def test_anaphoric_phrases_count_from_the_anchor(resolver: DateResolver, phrase: str, expected: tuple) -> None:
    assert span(resolver.resolve(phrase, anchor=ANCHOR)) == expected


def test_a_shift_finer_than_the_anchor_keeps_the_anchors_precision(resolver: DateResolver) -> None:
    july = DateSpan(D("2023-07-01"), D("2023-07-31"), "month", "July 2023")
    assert span(resolver.resolve("two days later", anchor=july)) == ("2023-07-03", "2023-08-02", "month")
    assert span(resolver.resolve("that night", anchor=july)) == ("2023-07-01", "2023-07-31", "month")


def test_anaphora_without_an_anchor_count_from_publication(resolver: DateResolver) -> None:
    assert span(resolver.resolve("the day before")) == ("2024-03-24", "2024-03-24", "day")
    assert span(resolver.resolve("two days earlier")) == ("2024-03-23", "2024-03-23", "day")
    assert resolver.resolve("two days later") is None  # would be after publication


def test_result_keeps_the_phrase_it_was_read_from(resolver: DateResolver) -> None:
    result = resolver.resolve("on Friday evening")
    assert result is not None and result.text == "on Friday evening" and not result.inferred


# -- tense -----------------------------------------------------------------------------------


def test_past_tense_never_dates_after_publication(resolver: DateResolver) -> None:
    assert resolver.resolve("tomorrow") is None
    assert resolver.resolve("next week") is None
    assert resolver.resolve("later this month") == DateSpan(P, P, "month", "later this month")
    # but a date written in full is kept as written: the text is explicit
    assert span(resolver.resolve("4 January 2025")) == ("2025-01-04", "2025-01-04", "day")


def test_future_tense_looks_forward(resolver: DateResolver) -> None:
    assert span(resolver.resolve("Friday", tense="future")) == ("2024-03-29", "2024-03-29", "day")
    assert span(resolver.resolve("on Monday", tense="future")) == ("2024-03-25", "2024-03-25", "day")
    assert span(resolver.resolve("July", tense="future")) == ("2024-07-01", "2024-07-31", "month")
    assert span(resolver.resolve("4 January", tense="future")) == ("2025-01-04", "2025-01-04", "day")
    assert span(resolver.resolve("tomorrow", tense="future")) == ("2024-03-26", "2024-03-26", "day")
    assert span(resolver.resolve("next week", tense="future")) == ("2024-04-01", "2024-04-07", "week")
    assert span(resolver.resolve("this week", tense="future")) == ("2024-03-25", "2024-03-31", "week")


def test_unknown_tense_reads_names_like_the_past_without_cutting_at_publication(resolver: DateResolver) -> None:
    assert span(resolver.resolve("Friday", tense="unknown")) == ("2024-03-22", "2024-03-22", "day")
    assert span(resolver.resolve("this week", tense="unknown")) == ("2024-03-25", "2024-03-31", "week")


# -- conventions that depend on the publication date -----------------------------------------


def test_last_weekday_and_last_month_name_are_strictly_before_publication() -> None:
    friday = DateResolver(D("2024-03-22"))
    assert span(friday.resolve("Friday")) == ("2024-03-22", "2024-03-22", "day")
    assert span(friday.resolve("last Friday")) == ("2024-03-15", "2024-03-15", "day")
    in_july = DateResolver(D("2024-07-15"))
    assert span(in_july.resolve("in July")) == ("2024-07-01", "2024-07-15", "month")
    assert span(in_july.resolve("last July")) == ("2023-07-01", "2023-07-31", "month")


def test_weekend_conventions_around_a_sunday_publication() -> None:
    sunday = DateResolver(D("2024-03-24"))
    assert span(sunday.resolve("over the weekend")) == ("2024-03-23", "2024-03-24", "week")
    assert span(sunday.resolve("last weekend")) == ("2024-03-16", "2024-03-17", "week")


def test_a_leap_day_without_a_year_is_the_last_29_february() -> None:
    assert span(DateResolver(D("2023-06-01")).resolve("29 February")) == ("2020-02-29", "2020-02-29", "day")


def test_two_digit_years_take_the_century_closest_below_publication() -> None:
    muc = DateResolver(D("1990-01-12"))
    assert span(muc.resolve("12 JAN 90")) == ("1990-01-12", "1990-01-12", "day")
    assert span(muc.resolve("30 DECEMBER")) == ("1989-12-30", "1989-12-30", "day")
    assert span(muc.resolve("18 MAY 81")) == ("1981-05-18", "1981-05-18", "day")
    assert span(DateResolver(P).resolve("25/03/24")) == ("2024-03-25", "2024-03-25", "day")


def test_ambiguous_numeric_dates_follow_day_first_unless_only_one_reading_is_past() -> None:
    assert span(DateResolver(P).resolve("04/01/2024")) == ("2024-01-04", "2024-01-04", "day")
    in_may = DateResolver(D("2024-05-01"), day_first=False)  # both readings are before publication
    assert span(in_may.resolve("04/01/2024")) == ("2024-04-01", "2024-04-01", "day")
    # 3 December 2024 is after publication, 12 March 2024 is not: a past event was on 12 March
    assert span(DateResolver(P).resolve("03/12/2024")) == ("2024-03-12", "2024-03-12", "day")
    assert span(DateResolver(P).resolve("13/12/2023")) == ("2023-12-13", "2023-12-13", "day")


def test_isaf_release_phrases_resolve_against_the_dateline() -> None:
    release = DateResolver(D("2013-01-25"))  # KABUL, Afghanistan (Jan. 25, 2013), a Friday
    assert span(release.resolve("yesterday")) == ("2013-01-24", "2013-01-24", "day")
    assert span(release.resolve("last night")) == ("2013-01-24", "2013-01-24", "day")
    assert span(release.resolve("Tuesday")) == ("2013-01-22", "2013-01-22", "day")
    assert span(release.resolve("today")) == ("2013-01-25", "2013-01-25", "day")


# -- what resolves to nothing ----------------------------------------------------------------


@pytest.mark.parametrize(
    "phrase",
    ["at 10pm", "AT 1625", "noon", "10.30", "now", "three years", "48 hours", "the evening", "", "   ",
     "the attack", "the 20th century", "Christmas"],
)  # fmt: skip
def test_times_durations_and_non_dates_resolve_to_none(resolver: DateResolver, phrase: str) -> None:
    assert resolver.resolve(phrase) is None


def test_a_bare_military_time_with_its_zone_is_a_time_not_a_year() -> None:
    friday = DateResolver(D("2008-11-29"))  # a Saturday
    assert span(friday.resolve("2045 GMT on Friday")) == ("2008-11-28", "2008-11-28", "day")
    assert span(friday.resolve("0930 hours on Monday")) == ("2008-11-24", "2008-11-24", "day")
    assert friday.resolve("2045 GMT") is None
    # a year before "hours" stays a year after "in" ("in 2012 hours of footage were lost")
    assert span(friday.resolve("in 2012")) == ("2012-01-01", "2012-12-31", "year")
    assert [m.text for m in find_dates("In 2012 hours of footage were lost")] == ["2012"]


def test_a_date_outside_the_calendar_resolves_to_none(resolver: DateResolver) -> None:
    assert resolver.resolve("31 February") is None
    assert resolver.resolve("31 April 2023") is None


def test_dateparser_reads_what_the_rules_do_not_when_asked_for_other_languages() -> None:
    french = DateResolver(P, languages=("fr", "en"))
    assert span(french.resolve("vendredi")) == ("2024-03-22", "2024-03-22", "day")
    assert DateResolver(P, use_dateparser=False).resolve("vendredi") is None


def test_answers_are_cached_per_resolver(resolver: DateResolver) -> None:
    first = resolver.resolve("three weeks ago")
    assert resolver.resolve("three weeks ago") is first
    assert DateResolver(P + timedelta(days=1)).resolve("three weeks ago") != first


# -- invariants ------------------------------------------------------------------------------

PAST_PHRASES = [
    "today", "yesterday", "the day before yesterday", "last night", "this morning", "overnight",
    "Friday", "Friday evening", "on Friday", "last Friday", "on Wednesday night", "Sunday",
    "earlier this month", "earlier this week", "this week", "last week", "last month", "last July",
    "in July", "May", "last year", "earlier this year", "this year", "4 January", "29 February",
    "the 31st", "towards the end of last year", "the end of last year",
    "at the start of the year", "the end of the year", "late last month", "early March",
    "two days ago", "three weeks ago", "a year ago", "10 years ago", "several months ago",
    "over the weekend", "last weekend", "this weekend", "in recent days", "recent weeks",
    "the past two weeks", "the last 24 hours", "last summer", "this winter", "the winter",
    "the '90s", "Friday last week", "the day before", "a week earlier", "the same day",
    "that night", "ON FRIDAY", "LAST JULY",
]  # fmt: skip
# Phrases that name a day of P's own year or month: published on 1 January, "4 January this
# year" is after publication, which a past event cannot be (None).
PAST_PHRASES_MAYBE_NONE = ["on 4 January this year", "4 JANUARY THIS YEAR", "the 4th of this month"]
PRECISIONS = {"day", "week", "month", "season", "year", "decade"}


@settings(max_examples=150, deadline=None)
@given(st.dates(min_value=date(1950, 1, 1), max_value=date(2050, 12, 31)))
def test_relative_past_phrases_never_end_after_publication(published: date) -> None:
    resolver = DateResolver(published, use_dateparser=False)
    for phrase in PAST_PHRASES:
        result = resolver.resolve(phrase)
        assert result is not None, phrase
        assert result.start <= result.end <= published, phrase
        assert result.precision in PRECISIONS and result.text == phrase
    for phrase in PAST_PHRASES_MAYBE_NONE:
        result = resolver.resolve(phrase)
        assert result is None or result.start <= result.end <= published, phrase


ANCHORED_PHRASES = [
    "three months later", "two days later", "the next day", "the following week", "the day before",
    "a week earlier", "that night", "the same day", "hours later", "a year later", "days later",
    "the following Monday", "the previous weekend", "later that week", "the 20th",
]  # fmt: skip


@settings(max_examples=150, deadline=None)
@given(
    st.dates(min_value=date(1950, 1, 1), max_value=date(2050, 12, 31)),
    st.integers(min_value=0, max_value=4000),
    st.sampled_from(sorted(PRECISIONS)),
)
def test_anchored_phrases_in_the_past_never_end_after_publication(
    published: date, days_before: int, precision: str
) -> None:
    start = published - timedelta(days=days_before)
    length = {"day": 0, "week": 6}.get(precision, 27)
    anchor = DateSpan(start, start + timedelta(days=length), precision, "x")  # type: ignore[arg-type]
    resolver = DateResolver(published, use_dateparser=False)
    for phrase in ANCHORED_PHRASES:
        result = resolver.resolve(phrase, anchor=anchor)
        if result is not None:
            assert result.start <= result.end <= published, phrase


@settings(max_examples=100, deadline=None)
@given(st.dates(min_value=date(1950, 1, 1), max_value=date(2050, 12, 31)))
def test_future_weekdays_and_months_are_on_or_after_publication(published: date) -> None:
    resolver = DateResolver(published, use_dateparser=False)
    for phrase in ("Friday", "next Tuesday", "July", "next month", "4 January", "tomorrow"):
        result = resolver.resolve(phrase, tense="future")
        assert result is not None and result.end >= published and result.start <= result.end, phrase


# -- publication dates from page text --------------------------------------------------------


@pytest.mark.parametrize(
    "page,expected",
    [
        ("2013-01-S-025\n\nKABUL, Afghanistan (Jan. 25, 2013)\nDuring a security operation...", "2013-01-25"),
        ("Headline\nPublished: 25 March 2024\nBody text follows here.", "2024-03-25"),
        ("Headline\nJane Smith\nMon 25 Mar 2024 10.00 GMT\nBody text.", "2024-03-25"),
        ("Headline\nMarch 25, 2024 | 10:42 AM\nBody.", "2024-03-25"),
        ("   SAN SALVADOR, 12 JAN 90 (ACAN-EFE) -- [TEXT] THE ARMY SAID", "1990-01-12"),
        ("   BRASILIA (BRAZIL), 26 MAY 89 (RADIO NACIONAL) -- [TEXT] THE", "1989-05-26"),
        ("Headline\nUpdated 25/03/2024\nBody.", "2024-03-25"),
        ("Headline\nUpdated 26 March 2024\nPublished 25 March 2024\nBody.", "2024-03-25"),
        ("Headline\n2024-03-25\nBody.", "2024-03-25"),
        ("21 July 2013 Last updated at 11: 11 GMT\nWaitrose fire in Wellington tackled\nCrews...", "2013-07-21"),
    ],
)
def test_publication_date_is_read_from_headers_and_datelines(page: str, expected: str) -> None:
    assert publication_date_from_text(page) == D(expected)


def test_publication_date_is_read_from_a_labelled_footer() -> None:
    page = "Headline\n" + "Body sentence without dates. " * 40 + "\nFirst published on 3 May 2022."
    assert publication_date_from_text(page) == D("2022-05-03")


def test_publication_date_is_none_when_unsure() -> None:
    assert publication_date_from_text("On 4 January 2024 gunmen attacked a bus in the north.") is None
    assert publication_date_from_text("KABUL, Afghanistan (June 14) - An operation today.") is None
    assert publication_date_from_text("No dates here at all.") is None
    late = "Headline\n" + "Filler sentence. " * 60 + "On 4 January 2024 gunmen attacked a bus." + " More." * 60
    assert publication_date_from_text(late) is None


@pytest.mark.parametrize(
    ("sentence", "words", "start", "precision"),
    [
        ("Hace dos semanas, otro ataque dejó siete muertos.", "Hace dos semanas", date(2024, 2, 22), "week"),
        ("O ataque ocorreu há três dias em Manaus.", "há três dias", date(2024, 3, 7), "day"),
        ("Il y a deux mois, une attaque a tué cinq soldats.", "Il y a deux mois", date(2024, 1, 1), "month"),
        ("Hace un año, mataron a cinco policías.", "Hace un año", date(2023, 1, 1), "year"),
    ],
)
def test_some_time_ago_in_spanish_portuguese_and_french(sentence: str, words: str, start: date, precision: str) -> None:
    (mention,) = find_dates(sentence)
    assert mention.text == words
    span = DateResolver(date(2024, 3, 10)).resolve(mention.reading, tense="past")
    assert span is not None and (span.start, span.precision) == (start, precision)


def test_hace_without_a_time_is_no_date() -> None:
    assert find_dates("Hace frío en Bogotá.") == []


@pytest.mark.parametrize(
    ("text", "mention", "reading"),
    [
        ("Man jailed for life over 2017 Manchester Arena bombing plot", "2017", ""),
        ("helping to plan the 2017 attack that killed 22 people", "2017", ""),
        ("Families gathered to mark ten years since Taliban gunmen stormed the school", "ten years since", "ten years ago"),
        ("Ten years on, Peshawar remembers school massacre", "Ten years on", "Ten years ago"),
    ],
)
def test_a_year_that_names_an_act_and_an_anniversary_are_dates(text: str, mention: str, reading: str) -> None:
    found = [(m.text, m.reading) for m in find_dates(text)]
    assert (mention, reading) in found


def test_a_year_before_people_or_no_act_is_no_date() -> None:
    assert find_dates("2015 people were killed") == []
    assert find_dates("The 2017 budget was passed") == []
