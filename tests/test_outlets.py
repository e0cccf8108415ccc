"""The country an article's source tells: its outlet (outlets.yaml) or its web address."""

from __future__ import annotations

from datetime import date

import pytest

from sitrep.extract.outlets import Outlets, domain_country, normalise_outlet
from sitrep.gazetteer import Gazetteer
from sitrep.model import Article


@pytest.fixture(scope="module")
def outlets() -> Outlets:
    return Outlets.load()


def test_shipped_outlets_load_with_known_countries(outlets: Outlets) -> None:
    gazetteer = Gazetteer.open()
    assert len(outlets) > 200
    assert {"MX", "SY", "MM", "NG", "CO"} <= outlets.countries
    assert all(gazetteer.country(code) is not None for code in outlets.countries), outlets.countries


@pytest.mark.parametrize(
    ("outlet", "country"),
    [
        ("SOHR", "SY"),
        ("The Irrawaddy Online", "MM"),  # an alias, with a leading "the"
        ("irrawaddy", "MM"),
        ("EL SOL DE TIJUANA", "MX"),  # a chain of local papers, in any case
        ("El Heraldo de Juárez", "MX"),
        ("Excelsior", "MX"),  # listed with its accent
        ("Borderland Beat; Reuters News", "MX"),  # a wire service tells no country
        ("SOHR; Borderland Beat", None),  # two sources that disagree tell none
        ("Reuters News", None),
        ("El Heraldo", None),  # Barranquilla's and Tegucigalpa's share the name
        ("", None),
    ],
)
def test_outlet_country(outlets: Outlets, outlet: str, country: str | None) -> None:
    assert outlets.outlet_country(outlet) == country


@pytest.mark.parametrize(
    ("host", "country"),
    [
        ("www.milenio.mx", "MX"),
        ("www.eltiempo.com.co", "CO"),  # Colombia's own second level
        ("t.co", None),  # a bare .co is sold the world over
        ("example.io", None),
        ("www.bbc.co.uk", "GB"),
        ("www.reuters.com", None),
        ("nation.africa", None),
        ("localhost", None),
    ],
)
def test_domain_country(host: str, country: str | None) -> None:
    assert domain_country(host) == country


def test_the_outlet_comes_before_the_web_address(outlets: Outlets) -> None:
    both = Article(text="x", outlet="The Irrawaddy", url="https://www.milenio.mx/policia/nota")
    found = outlets.source_country(both)
    assert found is not None and (found.country_code, found.told_by) == ("MM", "The Irrawaddy")
    address = outlets.source_country(Article(text="x", outlet="Reuters", url="https://www.milenio.mx/policia/nota"))
    assert address is not None and (address.country_code, address.told_by) == ("MX", "www.milenio.mx")
    assert outlets.source_country(Article(text="x")) is None


def test_names_are_compared_without_case_accents_or_punctuation() -> None:
    assert normalise_outlet("The  Libya-Herald!") == "libya herald"
    assert normalise_outlet("Excélsior") == normalise_outlet("EXCELSIOR")


@pytest.mark.model
def test_an_article_naming_no_country_is_placed_by_its_outlet_as_a_guess(extractor) -> None:  # type: ignore[no-untyped-def]
    text = "Two men are executed on Tuesday afternoon outside a repair shop."
    published = date(2024, 3, 26)
    [report] = extractor.extract(Article(text=text, published=published, outlet="El Sol de Tijuana"))
    assert report.location is not None and report.location.country_code == "MX"
    assert report.location.precision == "country"
    evidence = report.evidence["location"]
    # no sentence says it: the evidence names the outlet, and it is only a guess
    assert (evidence.sentence, evidence.phrase, evidence.phrase_start) == ("", "El Sol de Tijuana", None)
    assert evidence.confidence < 0.3
    [by_address] = extractor.extract(Article(text=text, published=published, url="https://www.eltiempo.com.co/x"))
    assert by_address.location is not None and by_address.location.country_code == "CO"
    # a country the text names wins over the outlet's
    [named] = extractor.extract(Article(text="Two men were shot dead in Guatemala on Tuesday.", published=published,
                                        outlet="El Sol de Tijuana"))
    assert named.location is not None and named.location.country_code == "GT"
    [unknown] = extractor.extract(Article(text=text, published=published, outlet="Reuters"))
    assert unknown.location is None


@pytest.mark.model
def test_a_town_in_an_article_naming_no_country_is_read_in_its_outlets_country(extractor) -> None:  # type: ignore[no-untyped-def]
    text = "Two men were shot dead in the streets of Zamora on Monday."
    published = date(2024, 3, 26)
    [local] = extractor.extract(Article(text=text, published=published, outlet="El Sol de Zamora"))
    assert local.location is not None and (local.location.name, local.location.country_code) == ("Zamora de Hidalgo", "MX")
    [wire] = extractor.extract(Article(text=text, published=published, outlet="Reuters"))
    assert wire.location is not None and wire.location.country_code == "ES"  # the larger Zamora
    # a place known in one country only is still read there
    [abroad] = extractor.extract(Article(text="Gunmen killed two men in Idlib on Monday.", published=published,
                                         outlet="El Sol de Zamora"))
    assert abroad.location is not None and abroad.location.country_code == "SY"


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "outlet", "country"),
    [
        # a group active in several countries is put in the source's when it is one of them
        ("ISIS fighters killed five soldiers in an ambush.", None, "IQ"),  # the first of its countries
        ("ISIS fighters killed five soldiers in an ambush.", "SOHR", "SY"),
        # a force that strikes from afar does not place the strike in its own country
        ("Russian warplanes struck a market, killing 12 people.", None, None),
        ("Russian warplanes struck a market, killing 12 people.", "SOHR", "SY"),
        ("Russian troops killed 12 people.", None, "RU"),  # a ground force acting, as before
        # the source's country before the people's nationality (people are killed abroad too)
        ("Two Egyptian Christians were shot dead.", None, "EG"),
        ("Two Egyptian Christians were shot dead.", "Libya Observer", "LY"),
        # a town the text names is looked for in the source's country too, after those the text
        # names ("Tel Rifaat" is spelt "Tall Rifat" in the gazetteer, and is no Turkish town)
        ("8 Turkish soldiers were killed in the vicinity of Tel Rifaat by rocket shelling.", "SOHR", "SY"),
        # a clipped "Pak" before a noun is Pakistan, in a paper of India
        ("Pak roadside blasts kill one soldier, 3 injured", "Press Trust of India", "PK"),
    ],
)
def test_guessed_countries_with_and_without_a_source(  # type: ignore[no-untyped-def]
    extractor, text: str, outlet: str | None, country: str | None
) -> None:
    [report] = extractor.extract(Article(text=text, published=date(2024, 3, 26), outlet=outlet))
    assert (report.location.country_code if report.location else None) == country
