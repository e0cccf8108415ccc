"""Noun phrases around lexicon matches, people named as victims, and the targets and
weapons a report carries (sitrep/extract/phrases.py and the Assembler's targets/weapons)."""

from __future__ import annotations

from datetime import date

import pytest

from sitrep.errors import RegistryError
from sitrep.extract.lexicon import load_data
from sitrep.extract.phrases import (
    Phrase,
    coordinated,
    damaged,
    load_phrase_words,
    modifies,
    noun_phrase,
    people_at,
    person_at,
    person_before,
    split_title,
    strip_quantity,
)
from sitrep.model import Article


def grow(text: str, head: str) -> str:
    at = text.index(head)
    return noun_phrase(text, at, at + len(head)).text


# -- the data file ----------------------------------------------------------------------------
def test_the_shipped_phrase_words_load_and_hold_every_class() -> None:
    words = load_phrase_words()
    assert "the" in words.determiners and "two" in words.quantities and "of" in words.stops
    assert "no" in words.determiners and "on" in words.stops and "off" in words.stops  # not YAML booleans
    assert "minister" in words.titles and "house" in words.of_heads and "warehouse" in words.compound_heads
    assert words.damage_verbs.search("the rebels DYNAMITED the pylon")


@pytest.mark.parametrize(
    "change, message",
    [
        ({"titles": []}, "titles must be a non-empty list"),
        ({"stops": ["of", False]}, "stops must be a non-empty list"),
        ({"colours": ["red"]}, "unknown entries colours"),
        ({"quantities": ["two", "the"]}, "both a determiner and a quantity"),
        ({"damage_verbs": ["destroy(ed"]}, "bad regex"),
        ({"version": 2}, "not a version 1"),
    ],
)
def test_a_broken_phrase_file_is_refused_naming_the_entry(change: dict, message: str) -> None:
    data = {**load_data("phrases.yaml"), **change}
    with pytest.raises(RegistryError, match=message):
        load_phrase_words(data, source="broken.yaml")


# -- noun phrases -----------------------------------------------------------------------------
@pytest.mark.parametrize(
    "text, head, phrase",
    [
        ("UNIDENTIFIED INDIVIDUALS MACHINEGUNNED RODRIGUEZ PORTH'S CAR AS HE WAS LEAVING", "CAR", "RODRIGUEZ PORTH'S CAR"),
        ("THE PRESIDENT'S HOME WAS HIT BY TWO ROCKETS", "HOME", "PRESIDENT'S HOME"),
        ("A BOMB EXPLODED INSIDE A TOURIST BUS THAT WAS ON A DOWNTOWN AVENUE", "TOURIST", "TOURIST BUS"),
        ("THE ATTACK ON THE U.S. EMBASSY WAREHOUSE.", "EMBASSY", "U.S. EMBASSY WAREHOUSE"),
        ("FIVE HOUSES DAMAGED BY EXPLOSIVE DEVICES IN AGUILARES", "EXPLOSIVE", "EXPLOSIVE DEVICES"),
        ("HE HIRED 10 PAID ASSASSINS TO KILL HIM", "ASSASSINS", "10 PAID ASSASSINS"),
        ("THEY WERE ABDUCTED BY HEAVILY ARMED MEN BETWEEN 0630 AND 0700", "MEN", "HEAVILY ARMED MEN"),
        ("BOMBS EXPLODED AT THE HOUSE OF JUDGE GUILLERMO TORRE ALDAY AND AT THE OFFICES", "HOUSE", "HOUSE OF JUDGE GUILLERMO TORRE ALDAY"),
        ("Gunmen opened fire in an attack on a crowded cattle market in Borno.", "market", "crowded cattle market"),
        # an abstract noun may be a word of the owner's name; a participle ends the complement
        ("A CAR BOMB EXPLODED OUTSIDE THE OFFICES OF THE SALVADORAN WORKERS NATIONAL UNION FEDERATION IN SAN SALVADOR",
         "OFFICES", "OFFICES OF THE SALVADORAN WORKERS NATIONAL UNION FEDERATION"),
        ("the terrorists set fire to the offices of the local development corporation but injured no one", "offices",
         "offices of the local development corporation"),
        ("they burned the house of the mayor yesterday morning", "house", "house of the mayor"),
        ("they burned the house of the mayor killing two", "house", "house of the mayor"),
    ],
)
def test_a_head_grows_into_the_phrase_that_names_the_thing(text: str, head: str, phrase: str) -> None:
    assert grow(text, head) == phrase


def test_a_verb_before_the_object_is_not_part_of_its_phrase() -> None:
    assert grow("GUERRILLAS ATTACKED POLICE STATIONS IN THE NORTH", "STATIONS") == "POLICE STATIONS"
    assert grow("THE BLAST, WHICH WAS HEARD FAR AWAY, CAUSED MINOR PROPERTY DAMAGE", "PROPERTY") == "MINOR PROPERTY"


def test_words_another_finder_read_are_never_taken_in() -> None:
    text = "YESTERDAY MORNING BUSES WERE BURNED"
    at = text.index("BUSES")
    assert noun_phrase(text, at, at + 5, blocked=[(0, 17)]).text == "BUSES"


def test_a_quantity_is_taken_off_but_a_calibre_is_not() -> None:
    assert strip_quantity("TWO MEDIUM-SIZED BOMBS") == "MEDIUM-SIZED BOMBS"
    assert strip_quantity("seven other people") == "people"
    assert strip_quantity(".22 CALIBER GUN") == ".22 CALIBER GUN"
    assert strip_quantity("two") == "two"


def test_what_a_verb_of_damage_acted_on() -> None:
    text = "A TELECOMMUNICATIONS OFFICE WAS DESTROYED AND FIVE HOUSES DAMAGED BY EXPLOSIVES"
    office, houses = (Phrase(text.index(w), text.index(w) + len(w), w) for w in ("TELECOMMUNICATIONS OFFICE", "FIVE HOUSES"))
    assert damaged(text, office) and damaged(text, houses)
    active = "URBAN GUERRILLAS DESTROYED A TRUCK"
    assert damaged(active, Phrase(29, 34, "TRUCK"))
    assert not damaged(active, Phrase(0, 16, "URBAN GUERRILLAS"))  # who destroyed it
    assert damaged("the blast caused damage to nearby houses", Phrase(27, 40, "nearby houses"))


def test_a_word_before_damage_or_arrest_is_a_modifier() -> None:
    text = "THE BOMB CAUSED PROPERTY DAMAGE; HE IS UNDER HOUSE ARREST"
    assert modifies(text, text.index("PROPERTY") + 8) and modifies(text, text.index("HOUSE") + 5)
    text = "they were machinegunned by men wearing military uniforms"
    assert modifies(text, text.index("military") + 8)  # the men's dress, not the military attacked
    assert not modifies("THE BOMB DESTROYED THE HOUSE.", 28)


def test_phrases_of_a_list_are_coordinated() -> None:
    text = "DESTROYED THE MUNICIPAL OFFICE, A GASOLINE STATION, AND THE CIVIL DEFENSE POST IN EL CONGO"
    office = Phrase(14, 30, "MUNICIPAL OFFICE")
    station = Phrase(34, 50, "GASOLINE STATION")
    post = Phrase(60, 78, "CIVIL DEFENSE POST")
    assert coordinated(text, office, station) and coordinated(text, station, post)
    assert not coordinated(text, office, post)


# -- people -----------------------------------------------------------------------------------
def test_a_person_after_an_act_is_read_with_title_and_name() -> None:
    text = "THE KIDNAPPING OF MNR ASSISTANT SECRETARY GENERAL HECTOR OQUELI COLINDRES IN GUATEMALA CITY"
    person = person_at(text, text.index(" OF ") + 4)
    assert person is not None
    assert (person.title, person.name) == ("MNR ASSISTANT SECRETARY GENERAL", "HECTOR OQUELI COLINDRES")


def test_a_description_without_a_name_and_an_editors_insertion() -> None:
    text = "THE MURDER OF ANOTHER CONGRESSMAN HAS LED THE MINISTERS TO RESIGN"
    person = person_at(text, text.index(" OF ") + 4)
    assert person is not None and (person.title, person.name) == ("CONGRESSMAN", "")
    text = "THE MURDER OF [RETIRED] GENERAL GUSTAVO ALVAREZ MARTINEZ--WHICH WAS POLITICALLY MOTIVATED"
    person = person_at(text, text.index(" OF ") + 4)
    assert person is not None and person.name == "GUSTAVO ALVAREZ MARTINEZ"


def test_one_unknown_word_or_an_uncapitalised_one_is_no_name() -> None:
    assert person_at("POLICE KILLED MONDAY IN", 13) is None
    assert person_at("the soldiers killed two rebels and some villagers", 19, cased=True) is None
    assert person_at("gunmen killed Ahmed Khan in Peshawar", 13, cased=True).name == "Ahmed Khan"  # type: ignore[union-attr]
    # in prose the name ends where lower-case words go on
    person = person_at("the murder of Governor Antonio Roldan Betancur shocked the country", 14, cased=True)
    assert person is not None and (person.title, person.name) == ("Governor", "Antonio Roldan Betancur")


def test_coordinated_people_and_a_list_after_a_colon() -> None:
    text = "THE ASSASSINATION OF MNR LEADER HECTOR OQUELI AND OF GUATEMALAN ATTORNEY GILDA FLORES."
    assert [p.name for p in people_at(text, text.index(" OF ") + 4)] == ["HECTOR OQUELI", "GILDA FLORES"]
    text = ("MILITARY PATROLS KILLED THREE JOURNALISTS: ROBERTO NAVAS, A REUTER NEWS PHOTOGRAPHER, "
            "CORONEL LAGROW, A DUTCH TV CORRESPONDENT, AND MAURICIO PINEDA, A STAFF MEMBER OF THE TELEVISION.")
    names = [p.name for p in people_at(text, text.index(": ") + 2)]
    assert names == ["ROBERTO NAVAS", "CORONEL LAGROW", "MAURICIO PINEDA"]  # appositions are not people
    # a title after a name, with no article, is the same person's
    text = "THE MURDER OF JECAR NEGHME, SPOKESMAN OF THE MIR, IN SANTIAGO."
    assert [p.name for p in people_at(text, text.index(" OF ") + 4)] == ["JECAR NEGHME"]
    text = "Gunmen killed Roberto Navas, Reuters photographer, and Juan Lopez in Usulutan."
    assert [p.name for p in people_at(text, text.index("Roberto"), cased=True)] == ["Roberto Navas", "Juan Lopez"]


def test_the_subject_of_a_passive_act_with_an_apposition() -> None:
    text = "SALVADORAN PRESIDENCY MINISTER JOSE ANTONIO RODRIGUEZ PORTH WAS SERIOUSLY WOUNDED THIS MORNING"
    person = person_before(text, text.index("WOUNDED"))
    assert person is not None and person.name == "JOSE ANTONIO RODRIGUEZ PORTH"
    text = "ORLANDO GOMEZ, A STREET VENDOR WALKING THROUGH THE AREA, WAS KILLED."
    assert person_before(text, text.index("KILLED")).name == "ORLANDO GOMEZ"  # type: ignore[union-attr]
    assert person_before("[WORDS INDISTINCT] WAS KILLED", 23) is None
    # or of a relative clause: "IT WAS STATED BY ERNESTINA UMANZOR, WHO WAS KIDNAPPED AT THE BORDER"
    text = "IT WAS STATED BY ERNESTINA UMANZOR, WHO WAS KIDNAPPED AT THE CIFUENTES BORDER REGION."
    assert person_before(text, text.index("KIDNAPPED")).name == "ERNESTINA UMANZOR"  # type: ignore[union-attr]
    text = "It was stated by Ernestina Umanzor who was later kidnapped."
    assert person_before(text, text.index("kidnapped"), cased=True).name == "Ernestina Umanzor"  # type: ignore[union-attr]


def test_a_title_splits_from_the_name_that_follows_it() -> None:
    assert split_title("presidency minister Jose Antonio Rodriguez Porth") == ("presidency minister", "Jose Antonio Rodriguez Porth")
    assert split_title("MAYOR OF ZARAGOZA") == ("MAYOR OF ZARAGOZA", "")
    assert split_title("SEVEN PEASANTS") == ("", "SEVEN PEASANTS")


# -- reports ------------------------------------------------------------------------------------
def extract(extractor, text: str):  # type: ignore[no-untyped-def]
    return extractor.extract(Article(text=text, published=date(1989, 7, 5)))


@pytest.mark.model
def test_targets_are_whole_phrases_typed_by_their_head(extractor) -> None:  # type: ignore[no-untyped-def]
    text = ("LIMA, 5 JUL 89 -- [TEXT] EIGHT SOVIET CITIZENS WERE SERIOUSLY INJURED TODAY WHEN A BOMB EXPLODED "
            "INSIDE A TOURIST BUS THAT WAS ON A DOWNTOWN LIMA AVENUE.")
    report = extract(extractor, text)[0]
    targets = [(t.description, t.type) for t in report.targets]
    assert ("TOURIST BUS", "transport") in targets and ("SOVIET CITIZENS", "civilians") in targets
    assert report.evidence["targets"].phrase == "TOURIST BUS"


@pytest.mark.model
def test_a_forces_machines_are_military_targets(extractor) -> None:  # type: ignore[no-untyped-def]
    text = "Militants attacked an armoured vehicle near Sheikh Zuweid on Friday, killing six soldiers."
    report = extract(extractor, text)[0]
    assert ("armoured vehicle", "military") in [(t.description, t.type) for t in report.targets]
    assert report.kind.sub_event_type == "Armed clash"  # an attack on a force is a battle, not violence against civilians
    text = "Gunmen set fire to a water tank and two cars in the village on Friday."
    assert "military" not in {t.type for t in extract(extractor, text)[0].targets}


@pytest.mark.model
def test_a_list_of_things_attacked_gives_each_one(extractor) -> None:  # type: ignore[no-untyped-def]
    text = ("SAN SALVADOR, 5 JUL 89 -- [TEXT] GUERRILLAS ATTACKED THE MUNICIPAL OFFICE, A GASOLINE STATION, "
            "AND THE CIVIL DEFENSE POST IN EL CONGO TODAY.")
    targets = [t.description for t in extract(extractor, text)[0].targets]
    assert targets[:3] == ["MUNICIPAL OFFICE", "GASOLINE STATION", "CIVIL DEFENSE POST"]


@pytest.mark.model
def test_power_installations_sabotaged_are_infrastructure(extractor) -> None:  # type: ignore[no-untyped-def]
    text = "SAN SALVADOR, 5 JUL 89 -- [TEXT] URBAN GUERRILLAS SABOTAGED PYLONS AND TRANSFORMERS IN SAN MIGUEL TODAY."
    targets = [(t.description, t.type) for t in extract(extractor, text)[0].targets]
    assert ("PYLONS", "infrastructure") in targets and ("TRANSFORMERS", "infrastructure") in targets


@pytest.mark.model
def test_people_named_as_victims_are_targets(extractor) -> None:  # type: ignore[no-untyped-def]
    text = ("San Salvador, 13 January 1990 (AFP) - The opposition demanded an inquiry into the assassination of "
            "MNR leader Hector Oqueli and of Guatemalan attorney Gilda Flores by armed men on Friday.")
    targets = [(t.description, t.type) for t in extract(extractor, text)[0].targets]
    assert ("MNR leader Hector Oqueli", "civilians") in targets
    assert ("Guatemalan attorney Gilda Flores", "civilians") in targets  # a lawyer, not an official
    assert not any("Salvador" in d for d, _ in targets)


@pytest.mark.model
def test_a_bomb_in_a_car_makes_the_car_a_weapon_not_a_target(extractor) -> None:  # type: ignore[no-untyped-def]
    text = "BOGOTA, 5 JUL 89 -- [TEXT] A CAR BOMB EXPLODED NEAR THE POLICE HEADQUARTERS TODAY, INJURING FIVE PEDESTRIANS."
    report = extract(extractor, text)[0]
    assert [t.description for t in report.targets] == ["POLICE HEADQUARTERS", "PEDESTRIANS"]
    assert [(w.type, w.text) for w in report.weapons] == [("vehicle-borne explosives", "CAR BOMB")]


@pytest.mark.model
def test_weapons_are_phrases_without_counts_and_seized_arms_are_not_used(extractor) -> None:  # type: ignore[no-untyped-def]
    text = ("SANTA FE, 5 JUL 89 -- [TEXT] TWO MEDIUM-SIZED BOMBS EXPLODED EARLY THIS MORNING AT THE HOUSE OF "
            "JUDGE GUILLERMO TORRE ALDAY. POLICE LATER SEIZED AN M-16 RIFLE IN A NEARBY HOUSE.")
    report = extract(extractor, text)[0]
    assert [(w.type, w.text) for w in report.weapons] == [("explosives", "MEDIUM-SIZED BOMBS")]
    assert report.targets[0].description == "HOUSE OF JUDGE GUILLERMO TORRE ALDAY"


@pytest.mark.parametrize(
    "text",
    [
        "Gunmen killed U.S. diplomat John Smith, 45, and two ISIS-linked men with 7.65-mm pistols.",
        "PORTH'S car; a-b-c -d e--f .22 rifles",
        "",
    ],
)
def test_words_of_a_window_are_those_read_from_the_window_itself(text: str) -> None:
    from sitrep.extract import phrases

    for start in range(-2, len(text) + 2):
        for end in range(start, len(text) + 3):
            window = [
                (m.start(), m.end(), m.group())
                for m in phrases._TOKEN.finditer(text, max(0, start), min(len(text), max(0, end)))
            ]
            assert [(w.start, w.end, w.text) for w in phrases._tokens(text, start, end)] == window
