"""Quantity phrases: what a figure in a casualty report means, and which figures are not counts."""

from __future__ import annotations

import copy

import pytest
from hypothesis import given, strategies as st

from sitrep.errors import RegistryError
from sitrep.extract.lexicon import load_data
from sitrep.extract.numbers import DATA_FILE, Quantity, QuantityGrammar, find_quantities, parse_quantity


def values(phrase: str) -> tuple[int | None, int | None, int | None, bool]:
    q = parse_quantity(phrase)
    assert q is not None, phrase
    return q.min, q.max, q.best, q.approx


@pytest.mark.parametrize(
    ("phrase", "expected"),
    [
        # digits and words
        ("140", (140, 140, 140, False)),
        ("1,200", (1200, 1200, 1200, False)),
        ("1.2 million", (1_200_000, 1_200_000, 1_200_000, False)),
        ("seven", (7, 7, 7, False)),
        ("twenty-three", (23, 23, 23, False)),
        ("Twenty three", (23, 23, 23, False)),
        ("one hundred and forty", (140, 140, 140, False)),
        ("a hundred", (100, 100, 100, False)),
        ("two thousand five hundred", (2500, 2500, 2500, False)),
        ("SEVENTEEN", (17, 17, 17, False)),
        # dozens
        ("a dozen", (None, None, 12, True)),
        ("two dozen", (None, None, 24, True)),
        ("half a dozen", (None, None, 6, True)),
        # ranges: best is the midpoint, rounded down
        ("10 to 15", (10, 15, 12, True)),
        ("10-15", (10, 15, 12, True)),
        ("between 20 and 30", (20, 30, 25, True)),
        ("two or three", (2, 3, 2, True)),
        # modifiers
        ("nearly 140", (None, 140, 140, True)),
        ("almost 150", (None, 150, 150, True)),
        ("about 140", (None, None, 140, True)),
        ("some 40", (None, None, 40, True)),
        ("roughly 40", (None, None, 40, True)),
        ("at least 60", (60, None, 60, False)),
        ("60 or more", (60, None, 60, False)),
        ("100+", (100, None, 100, False)),
        # "more than N" is N+1, the bound stated (and the ISAF coders' minimum)
        ("more than 100", (101, None, 101, False)),
        ("over 100", (101, None, 101, False)),
        ("well over 100", (101, None, 101, False)),
        ("up to 50", (None, 50, 50, False)),
        ("as many as 50", (None, 50, 50, False)),
        ("fewer than 10", (None, 9, None, False)),
        ("40-odd", (None, None, 40, True)),
        ("at least a dozen", (12, None, 12, True)),
        ("more than a dozen", (13, None, 13, True)),
        ("nearly a hundred", (None, 100, 100, True)),
        ("another 25", (25, 25, 25, False)),
        ("all 9", (9, 9, 9, False)),
        ("at least another 25", (25, None, 25, False)),
        # vague words: fixed, documented values
        ("dozens", (24, None, 24, True)),
        ("scores", (40, None, 40, True)),
        ("hundreds", (200, None, 200, True)),
        ("hundreds more", (200, None, 200, True)),
        ("thousands", (2000, None, 2000, True)),
        ("tens of thousands", (20000, None, 20000, True)),
        ("tens of", (20, None, 20, True)),
        ("several", (3, None, 3, True)),
        ("several hundred", (300, None, 300, True)),
        ("a few", (2, None, 3, True)),
        ("a handful", (2, None, 3, True)),
        ("a number of", (2, None, None, True)),
        ("many", (2, None, None, True)),
        ("numerous", (2, None, None, True)),
        # one, zero, both
        ("one", (1, 1, 1, False)),
        ("a", (1, 1, 1, False)),
        ("an", (1, 1, 1, False)),
        ("both", (2, 2, 2, False)),
        ("no one", (0, 0, 0, False)),
        ("nobody", (0, 0, 0, False)),
        ("none", (0, 0, 0, False)),
        ("NO ONE", (0, 0, 0, False)),
    ],
)
def test_parse_quantity(phrase: str, expected: tuple[int | None, int | None, int | None, bool]) -> None:
    assert values(phrase) == expected


def test_all_on_its_own_is_an_unknown_number() -> None:
    assert parse_quantity("all") == Quantity(None, None, None, False, "all")


@pytest.mark.parametrize("phrase", ["the attackers", "killed", "", "3-1", "Flight", "twenty twelve thirty"])
def test_not_a_quantity(phrase: str) -> None:
    assert parse_quantity(phrase) is None


def test_text_keeps_the_phrase_as_written() -> None:
    assert parse_quantity("  NEARLY 140 ").text == "NEARLY 140"  # type: ignore[union-attr]


def found(text: str) -> list[str]:
    return [text[s.start : s.end] for s in find_quantities(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The attack killed nearly 140 people.", ["nearly 140"]),
        ("He was killed in 2015.", []),  # a year
        ("A bomb exploded on Swissair Flight 330.", []),  # a label
        ("They drove along Route 66.", []),
        ("Fighting spread to Region Three.", []),  # a label written out, named with capitals
        # a number word after a common noun that can also name a label counts
        ("Al-Shabaab executed in the Lower Shabelle region three people.", ["three"]),
        ("On day two gunmen attacked.", []),  # a step of a sequence, written out in lower case
        ("The next day three soldiers were killed.", ["three"]),  # a day named, then a count
        ("That day a number of 43 people died.", ["a number of 43"]),
        ("The 9/11 attacks.", []),
        ("The blast went off at 10.00 GMT.", []),  # a time
        ("The attack began at 0600.", []),
        ("It exploded at 10 a.m. near the market.", []),
        ("A 23-year-old man was killed.", []),  # an age
        ("A man aged 23 was killed.", []),
        ("Two girls aged 6 and 4 are killed.", ["Two"]),
        ("The victim, Victor Pomas, 30, was a teacher.", []),
        ("Two boys, Keise Buka, 14, and Dante Boboy Jr., 16, were hurt.", ["Two"]),  # after an abbreviation too
        ("In Washington D.C., 12 were hurt.", ["12"]),  # not after a place's initials
        ("The bomb went off 10 km from the city.", []),  # a measure
        ("The ship was hit about 70 nautical miles west of Hodeidah.", []),
        ("They held him for 12 days.", []),
        ("Turnout was 40% lower.", []),
        ("SANTIAGO, 5 JAN 90 -- FIVE PEASANTS WERE KILLED.", ["FIVE"]),  # a date, then a count
        ("On 22 March gunmen attacked.", []),
        ("On February 21, two civilians were killed.", ["two"]),  # a date ends with its day
        ("On October 6, 2002, one crew member was killed.", ["one"]),
        ("In 2015, 130 people were killed.", ["130"]),
        ("Twelve (12) people were killed.", ["Twelve"]),
        ("The toll rose from 40 to 60.", ["40", "60"]),
        ("Between 20 and 30 people and some 40 others.", ["Between 20 and 30", "some 40"]),
        ("AK-47 rifles and 10–15 people", ["10–15"]),
        ("26 killed (+2 attackers)", ["26", "2"]),
        ("12 may have died", ["12"]),
        ("Dozens of people and a few others", ["Dozens", "a few"]),
    ],
)
def test_find_quantities_keeps_counts_and_skips_other_numbers(text: str, expected: list[str]) -> None:
    assert found(text) == expected


def test_find_quantities_reads_wire_copy_in_capitals() -> None:
    spans = find_quantities("AT LEAST SEVENTEEN PEOPLE AND NEARLY A HUNDRED SOLDIERS")
    assert [(s.quantity.min, s.quantity.max, s.quantity.best) for s in spans] == [(17, None, 17), (None, 100, 100)]


@given(st.text(max_size=200))
def test_find_quantities_never_fails_and_keeps_its_invariants(text: str) -> None:
    for span in find_quantities(text):
        q = span.quantity
        assert 0 <= span.start < span.end <= len(text)
        assert text[span.start : span.end].strip() == q.text
        if q.min is not None and q.best is not None:
            assert q.min <= q.best
        if q.max is not None and q.best is not None:
            assert q.best <= q.max


# -- the data file ------------------------------------------------------------------


def test_shipped_data_file_loads_and_every_rule_is_known() -> None:
    grammar = QuantityGrammar.from_data(load_data(DATA_FILE))
    assert grammar.premodifiers["nearly"] == "below"
    assert grammar.vague["dozens"].min == 24
    assert "flight" in grammar.label_words and "km" in grammar.unit_words


@pytest.mark.parametrize(
    ("section", "change", "message"),
    [
        ("premodifiers", {"nearly": "roughly-ish"}, "unknown rule"),
        ("vague", {"dozens": {"best": 24}}, "needs an integer 'min'"),
        ("vague", {"dozens": {"min": 24, "best": 3}}, "'best' must be null or an integer >= min"),
        ("vague", {"dozens": {"min": 24, "bset": 30}}, "unknown keys"),
        ("unit_words", [True], "non-empty list of words"),  # an unquoted YAML `on`/`no` becomes a boolean
        ("months", [], "non-empty list of words"),
    ],
)
def test_malformed_data_is_reported(section: str, change: object, message: str) -> None:
    data = copy.deepcopy(dict(load_data(DATA_FILE)))
    if isinstance(change, dict):
        data[section] = {**data[section], **change}
    else:
        data[section] = change
    with pytest.raises(RegistryError, match=message):
        QuantityGrammar.from_data(data)
