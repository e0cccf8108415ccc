"""Site furniture removal: the shipped patterns, what they remove and what they must keep."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from sitrep.errors import RegistryError
from sitrep.ingest import clean_text, default_rules, load_rules
from sitrep.ingest.furniture import parse_rules

DATA = Path(__file__).resolve().parents[1] / "sitrep" / "data" / "furniture.yaml"


def test_shipped_furniture_file_loads_and_every_pattern_is_documented() -> None:
    rules = load_rules(DATA)
    assert len(rules.patterns) >= 20
    names = [p.name for p in rules.patterns]
    assert len(names) == len(set(names))
    for pattern in rules.patterns:
        assert pattern.comment, pattern.name
        assert pattern.scope in ("line", "inline", "tag")
        assert pattern.regex.fullmatch("") is None
    assert rules.vocabulary.byline_labels and rules.vocabulary.byline_roles
    assert default_rules() is default_rules()  # loaded once


def _data(**changes: object) -> dict:
    data = yaml.safe_load(DATA.read_text(encoding="utf-8"))
    data.update(changes)
    return data


@pytest.mark.parametrize(
    ("entry", "message"),
    [
        ({"name": "x", "comment": "c", "scope": "line", "regex": "(unclosed"}, "does not compile"),
        ({"name": "x", "comment": "c", "scope": "everywhere", "regex": "x"}, "scope"),
        ({"name": "x", "comment": "", "scope": "line", "regex": "x"}, "comment"),
        ({"name": "x", "comment": "c", "scope": "line", "regex": "x?"}, "empty line"),
        ({"name": "x", "comment": "c", "scope": "line", "regex": "x", "colour": "red"}, "unknown keys"),
        ({"name": "x", "comment": "c", "scope": "line", "regex": "(?P<who>x)"}, "named groups"),
        ({"name": "Bad Name", "comment": "c", "scope": "line", "regex": "x"}, "snake_case"),
    ],
)
def test_a_malformed_pattern_is_refused_with_its_name(entry: dict, message: str) -> None:
    data = _data()
    data["patterns"].append(entry)
    with pytest.raises(RegistryError, match=message):
        parse_rules(data)


def test_duplicate_pattern_names_and_unknown_settings_are_refused() -> None:
    data = _data()
    data["patterns"].append(dict(data["patterns"][0]))
    with pytest.raises(RegistryError, match="duplicate"):
        parse_rules(data)
    with pytest.raises(RegistryError, match="unknown top-level"):
        parse_rules(_data(colour="red"))
    with pytest.raises(RegistryError, match="tag_run_min"):
        parse_rules(_data(tag_run_min=0))
    with pytest.raises(RegistryError, match="max_line_chars"):
        parse_rules(_data(max_line_chars="long"))


def test_a_very_long_line_is_never_whole_line_furniture() -> None:
    rules = default_rules()
    long_notice = "We use cookies to " + "measure and improve the site and show you relevant adverts, " * 20
    assert len(long_notice) > rules.max_line_chars
    assert rules.classify(long_notice.strip()).furniture is None


FURNITURE = [
    "Want to read The Sentinel ad-free? Become a supporter",
    "Want to read ad-free?",
    "Become a supporter",
    "Join today",
    "Topics: Russia, Terrorism, Islamic State",
    "Russia · Terrorism · Islamic State",
    "Picture by: Maxim Shemetov/Reuters",
    "Photo: Reuters",
    "(Image: Getty)",
    "Photograph: Audu Marte/AFP via Getty Images",
    "AFP via Getty Images",
    "Image source, Getty Images",
    "12 comments",
    "Comments (12)",
    "Join the conversation",
    "Comments are closed",
    "Sign up for our newsletter",
    "Sign up to First Edition, our free daily newsletter",
    "Subscribe",
    "Republish this article",
    "This article is republished from The Conversation under a Creative Commons licence. Read the original article.",
    "Share this article",
    "Share on WhatsApp",
    "Facebook Twitter WhatsApp Email",
    "1.2k shares",
    "Follow us on Twitter",
    "Read more: Who are ISIS-K?",
    "Related: Moscow attack suspects charged",
    "Advertisement",
    "Story continues below advertisement",
    "We use cookies to improve your experience on our site.",
    "Accept all cookies",
    "© 2024 The Sentinel. All rights reserved.",
    "Copyright 2024 Reuters",
    "Updated 10:42 GMT",
    "Last modified on Mon 25 Mar 2024 14.12 GMT",
    "Reporting by Jane Smith; Editing by John Doe",
    "Skip to main content",
    "https://www.example.com/news/2024/03/25/attack",
    # wire copy in capitals
    "SHARE THIS ARTICLE",
    "ADVERTISEMENT",
    "COPYRIGHT 1990 EFE. ALL RIGHTS RESERVED.",
]


@pytest.mark.parametrize("line", FURNITURE)
def test_furniture_lines_are_recognised(line: str) -> None:
    verdict = default_rules().classify(line)
    assert verdict.furniture is not None, line


SENTENCES = [
    "Four were arrested.",
    "Two died.",
    "Police said the attackers fled.",
    "FOUR WERE ARRESTED.",
    "Share prices fell sharply after the attack.",
    "Copyright infringement claims were filed on Monday.",
    "Comments by the minister angered the families of the victims.",
    "Subscribers to the militants' channel were told to attack.",
    "Follow-up raids in Dagestan led to six arrests.",
    "Related attacks were reported in Kaluga and Ingushetia.",
    "Advertisements for the concert had been posted for weeks.",
    "Photographs of the suspects were released on Sunday.",
    "Images of the burning hall spread quickly on social media.",
    "Reuters could not independently verify the claim.",
    "Updated figures showed 143 people had been killed.",
    "Published reports said the gunmen were paid.",
    "Sign language interpreters were at the memorial service.",
    "Join us, the militants told recruits in a video.",
    "By Friday, the toll had risen to 60.",
    "Islamic State",
    "Russia",
    "Live ammunition was fired at the crowd.",
    "Search teams found 22 more bodies on Sunday.",
]


@pytest.mark.parametrize("line", SENTENCES)
def test_real_sentences_are_never_furniture(line: str) -> None:
    verdict = default_rules().classify(line)
    assert verdict.furniture is None, line
    assert verdict.text == line


def test_inline_credits_are_cut_and_the_sentence_kept() -> None:
    rules = default_rules()
    verdict = rules.classify("Rescuers searched the rubble (Image: Getty)")
    assert (verdict.text, verdict.furniture) == ("Rescuers searched the rubble", None)
    caption = rules.classify("Mourners outside the hall. Photograph: Maxim Shemetov/Reuters")
    assert caption.text == "Mourners outside the hall."
    untouched = rules.classify("His last photo: a selfie at the concert")
    assert untouched.text == "His last photo: a selfie at the concert"


def test_clean_text_removes_furniture_and_keeps_paragraphs() -> None:
    text = (
        "Gunmen killed five people at a market in Maiduguri on Saturday, police said.\n"
        "Share this article\n"
        "\n\n\n"
        "Four were arrested.   \n"
        "Advertisement\n"
        "\tResidents said the  gunmen fled towards the forest.\n"
        "12 comments\n"
    )
    cleaned, warnings = clean_text(text)
    assert cleaned == (
        "Gunmen killed five people at a market in Maiduguri on Saturday, police said.\n\n"
        "Four were arrested.\n\n"
        "Residents said the gunmen fled towards the forest."
    )
    assert warnings[0] == "removed 3 furniture lines (advertisement, comments_teaser, share)"


def test_topic_tags_go_as_a_block_but_a_list_of_names_in_the_body_stays() -> None:
    text = (
        "Russia\nIslamic State\nTerrorism\nVladimir Putin\n\n"
        "Gunmen opened fire on concertgoers at Crocus City Hall on Friday evening.\n"
        "The victims named so far were:\n"
        "Anna Petrova\nIvan Sokolov\nMaria Kuznetsova\n"
        "Their families were told on Saturday.\n"
        "Topics\nRussia\nEurope\nTerrorism\n"
    )
    cleaned, _ = clean_text(text)
    assert cleaned.split("\n\n") == [
        "Gunmen opened fire on concertgoers at Crocus City Hall on Friday evening.",
        "The victims named so far were:",
        "Anna Petrova",
        "Ivan Sokolov",
        "Maria Kuznetsova",
        "Their families were told on Saturday.",
    ]


def test_a_lone_tag_like_line_is_kept() -> None:
    cleaned, _ = clean_text("Russia\nGunmen opened fire on concertgoers at a hall near Moscow on Friday.")
    assert cleaned.startswith("Russia\n\n")


def test_wire_copy_wrapped_at_a_fixed_width_is_joined_into_paragraphs() -> None:
    text = (
        "   THE SOURCES ADDED THAT TWO POLICEMEN WERE KILLED AND THREE OTHERS WERE\n"
        "WOUNDED WHEN THE REBELS AMBUSHED A PATROL THAT HAD BEEN SENT TO THE AREA.\n"
        "THE GOVERNOR URGED THE PEASANTS OF THE REGION TO HELP THE ARMY AND TO\n"
        "CONTRIBUTE.\n\n"
        "   FOUR WERE ARRESTED.\n"
    )
    cleaned, _ = clean_text(text)
    assert cleaned == (
        "THE SOURCES ADDED THAT TWO POLICEMEN WERE KILLED AND THREE OTHERS WERE WOUNDED WHEN THE REBELS "
        "AMBUSHED A PATROL THAT HAD BEEN SENT TO THE AREA. THE GOVERNOR URGED THE PEASANTS OF THE REGION "
        "TO HELP THE ARMY AND TO CONTRIBUTE.\n\nFOUR WERE ARRESTED."
    )


def test_a_line_broken_inside_a_sentence_is_joined_and_hyphenation_undone() -> None:
    cleaned, _ = clean_text("The counter-\nterrorism police said the attackers\nfled towards the forest.")
    assert cleaned == "The counter-terrorism police said the attackers fled towards the forest."


def test_warnings_for_short_and_truncated_bodies() -> None:
    _, short = clean_text("Two died.")
    assert any(w.startswith("very short body (2 words)") for w in short)
    _, cut = clean_text("Gunmen opened fire on the crowd at the concert hall and then set the")
    assert any(w.startswith("text looks truncated") for w in cut)
    _, ellipsis = clean_text("Gunmen opened fire on the crowd at the concert hall…")
    assert "text looks truncated (ends with an ellipsis)" in ellipsis
    _, paywall = clean_text("Gunmen opened fire on the crowd.\nSubscribe to continue reading")
    assert "text looks truncated (paywall notice)" in paywall


def test_whitespace_is_normalised_and_other_characters_kept_exactly() -> None:
    cleaned, _ = clean_text("  Al-Shabaab\u00a0fighters  stormed\tthe  «Hotel Sahafi» in Mogadishu\u200b.  ")
    assert cleaned == "Al-Shabaab fighters stormed the «Hotel Sahafi» in Mogadishu."


_WORD = st.text(
    alphabet=st.characters(whitelist_categories=("Ll", "Lu", "Nd"), max_codepoint=0x24F), min_size=1, max_size=8
)
_LINE = st.lists(_WORD, min_size=0, max_size=12).map(" ".join)
_PAGE = st.lists(st.one_of(_LINE, st.sampled_from(FURNITURE + SENTENCES + ["", " ", "\t"])), max_size=25).map("\n".join)


@settings(max_examples=200, deadline=None)
@given(_PAGE)
def test_cleaning_is_idempotent_and_well_formed(page: str) -> None:
    cleaned, _ = clean_text(page)
    assert clean_text(cleaned)[0] == cleaned
    assert "\n\n\n" not in cleaned
    assert cleaned == cleaned.strip()
    assert not re.search(r"[ \t]{2,}| \n|\n ", cleaned)
    assert all(part for part in cleaned.split("\n\n")) or cleaned == ""


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from([s for s in SENTENCES if s.endswith(".")]), min_size=1, max_size=12))
def test_real_sentences_all_survive_in_order_one_paragraph_each(sentences: list[str]) -> None:
    cleaned, _ = clean_text("\n".join(sentences))
    assert cleaned.split("\n\n") == sentences
