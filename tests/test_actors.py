"""The actor registry: the shipped data, lookups, the hierarchy, and mentions in text."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sitrep.actors import ACTOR_TYPES, ActorRegistry, UnknownActor
from sitrep.errors import NotFound, RegistryError


@pytest.fixture(scope="module")
def registry() -> ActorRegistry:
    return ActorRegistry.load()


def names(registry: ActorRegistry, text: str) -> list[str]:
    return [m.name for m in registry.find_all(text)]


# --- the shipped data ---------------------------------------------------------------------


def test_shipped_registry_loads_and_is_large(registry: ActorRegistry) -> None:
    assert len(registry) >= 200
    for actor in registry:
        assert actor.type in ACTOR_TYPES
        assert all(len(c) == 2 and c.isupper() for c in actor.countries)
        if actor.parent is not None:
            assert registry.get(actor.parent).id == actor.parent


@pytest.mark.parametrize(
    "actor_id",
    [
        # Middle East, Israel/Palestine, Lebanon, Yemen, Syria/Iraq
        "isis", "aqi", "hts", "nusra-front", "sdf", "ypg", "pmf", "kataib-hezbollah", "hamas", "qassam-brigades", "pij",
        "fatah", "al-aqsa-martyrs-brigades", "pflp", "pflp-gc", "dflp", "abu-nidal-organization", "black-september", "idf",
        "hezbollah", "houthis", "aqap",
        # Africa
        "al-shabaab", "boko-haram", "iswap", "jnim", "is-sahel", "aqim", "ansar-dine", "mujao", "ansaru", "rsf",
        "splm-io", "lra", "wagner-group", "africa-corps", "adf", "m23", "codeco",
        # South and Southeast Asia
        "taliban", "ttp", "iskp", "lashkar-e-taiba", "jaish-e-mohammed", "cpi-maoist", "ltte", "abu-sayyaf", "npa", "brn",
        "maute-group",
        # Latin America (MUC-4)
        "farc", "farc-dissidents", "eln", "epl", "shining-path", "mrta", "fmln", "m-19", "fpmr", "extraditables",
        "medellin-cartel", "los-zetas", "contras",
        # Europe, Russia, historical and far-right
        "ira", "pira", "real-ira", "uvf", "uda", "eta", "red-brigades", "red-army-faction", "17n", "pkk", "tak", "dhkp-c",
        "grey-wolves", "caucasus-emirate", "is-caucasus", "weather-underground", "black-panther-party", "jdl", "asala",
        "japanese-red-army", "aum-shinrikyo", "umkhonto-we-sizwe", "atomwaffen-division", "the-base",
        "nordic-resistance-movement",
        # generic state forces
        "nigerian-armed-forces", "afghan-national-police", "russian-security-forces",
    ],
)
def test_registry_covers_every_region(registry: ActorRegistry, actor_id: str) -> None:
    assert actor_id in registry


# --- lookups and the hierarchy ------------------------------------------------------------


@pytest.mark.parametrize(
    "name, actor_id",
    [
        ("daesh", "isis"),
        ("DA'ESH", "isis"),
        ("Islamic State - Khorasan Province", "iskp"),
        ("Islamic State — Khorasan Province", "iskp"),
        ("ISIS-K", "iskp"),
        ("medellin cartel", "medellin-cartel"),
        ("Medellín Cartel", "medellin-cartel"),
        ("the Taliban", "taliban"),
        ("Ansarallah", "houthis"),
        ("iskp", "iskp"),
        ("Military Forces of Israel", "idf"),
    ],
)
def test_lookup_ignores_case_accents_dashes_and_the(registry: ActorRegistry, name: str, actor_id: str) -> None:
    actor = registry.lookup(name)
    assert actor is not None and actor.id == actor_id


def test_lookup_of_an_unknown_name_is_none(registry: ActorRegistry) -> None:
    assert registry.lookup("Friends of the Earth") is None
    assert registry.lookup("") is None


def test_get_unknown_id_raises_a_not_found_that_is_also_a_key_error(registry: ActorRegistry) -> None:
    with pytest.raises(UnknownActor) as info:
        registry.get("no-such-group")
    assert isinstance(info.value, NotFound) and isinstance(info.value, KeyError)
    assert "no-such-group" in str(info.value)


def test_affiliates_are_descendants_of_their_parent(registry: ActorRegistry) -> None:
    islamic_state = registry.descendants("isis")
    assert {"isis", "iskp", "iswap", "is-sahel", "is-somalia", "is-caucasus", "iscap", "adf"} <= islamic_state
    assert "al-shabaab" not in islamic_state
    al_qaeda = registry.descendants("al-qaeda")
    assert {"aqap", "aqim", "al-shabaab", "jnim", "ansar-dine", "nusra-front"} <= al_qaeda
    assert registry.descendants("hamas") == frozenset({"hamas", "qassam-brigades"})


def test_parents_and_ancestors(registry: ActorRegistry) -> None:
    assert registry.parent_of("iskp").id == "isis"  # type: ignore[union-attr]
    assert registry.parent_of("isis") is None
    assert [a.id for a in registry.ancestors("adf")] == ["iscap", "isis"]
    assert registry.parent_of("kataib-hezbollah").id == "pmf"  # type: ignore[union-attr]
    assert registry.parent_of("afghan-national-police").id == "ansf"  # type: ignore[union-attr]


# --- named actors in text -----------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "ISIS claimed the attack.",
        "IS claimed the attack.",
        "ISIL claimed the attack.",
        "Daesh claimed the attack.",
        "Da’esh claimed the attack.",
        "The Islamic State of Iraq and the Levant claimed the attack.",
        "The IS group claimed the attack.",
        "The Islamic State group claimed the attack.",
    ],
)
def test_islamic_state_alias_family(registry: ActorRegistry, text: str) -> None:
    [mention] = registry.find_all(text)
    assert mention.name == "Islamic State" and mention.actor is not None and mention.actor.id == "isis"


@pytest.mark.parametrize(
    "alias",
    ["ISKP", "ISIS-K", "IS-K", "ISIS-Khorasan", "Islamic State – Khorasan Province", "Islamic State Khorasan Province",
     "Islamic State-Khorasan Province", "Islamic State in Khorasan", "Islamic State's Khorasan Province"],
)
def test_khorasan_province_alias_family_links_to_parent(registry: ActorRegistry, alias: str) -> None:
    text = f"Officials said {alias} was behind the bombing."
    [mention] = registry.find_all(text)
    assert mention.matched == alias
    assert mention.name == "Islamic State – Khorasan Province"
    assert mention.parent == "Islamic State"


@pytest.mark.parametrize(
    "text, expected",
    [
        ("al-Shabaab fighters attacked", "al-Shabaab"),
        ("Al Shabab fighters attacked", "al-Shabaab"),
        ("Harakat al-Shabaab al-Mujahideen attacked", "al-Shabaab"),
        ("Ansar Allah fired a missile", "Houthis"),
        ("Houthi rebels fired a missile", "Houthis"),
        ("Jama’atu Ahlis Sunna Lidda’awati wal-Jihad attacked", "Boko Haram"),
        ("Seleka and ex-Séléka fighters", "Séléka"),
        ("SENDERO LUMINOSO GUERRILLAS ATTACKED", "Shining Path"),
        ("The Extraditables claimed it", "The Extraditables"),
    ],
)
def test_spelling_variants_resolve_to_one_actor(registry: ActorRegistry, text: str, expected: str) -> None:
    assert names(registry, text)[0] == expected


def test_longest_alias_wins(registry: ActorRegistry) -> None:
    assert names(registry, "The Pakistani Taliban and FARC dissidents") == ["Tehreek-e-Taliban Pakistan", "FARC dissidents"]
    assert names(registry, "Dissidents of the former FARC killed a social leader.") == ["FARC dissidents"]
    assert names(registry, "dissidents of the former Revolutionary Armed Forces of Colombia killed an officer.") == [
        "FARC dissidents"
    ]
    assert names(registry, "Popular Front for the Liberation of Palestine – General Command") == [
        "Popular Front for the Liberation of Palestine – General Command"
    ]


@pytest.mark.parametrize(
    "text",
    [
        "This is bad; the crisis is what it is.",
        "WHAT IS HAPPENING IN THE CAPITAL IS UNCLEAR.",
        "This IS the place where it happened.",
        "Is this the end?",
        "The basis of the crisis.",
        "An Eta Aquarid meteor shower.",
        "He went far, to the arena, and the base camp.",
    ],
)
def test_words_that_are_also_acronyms_never_match(registry: ActorRegistry, text: str) -> None:
    assert registry.find(text) == []


def test_short_acronyms_match_as_written(registry: ActorRegistry) -> None:
    assert names(registry, "IS fighters stormed the town.") == ["Islamic State"]
    assert names(registry, "ETA set off a car bomb.") == ["ETA"]
    assert names(registry, "The FAR ambushed a patrol.") == ["Rebel Armed Forces"]
    assert names(registry, "The ADF attacked Beni.") == ["Allied Democratic Forces"]


def test_wire_copy_in_capitals(registry: ActorRegistry) -> None:
    text = ("ABOUT 50 PEASANTS HAVE BEEN KIDNAPPED BY TERRORISTS OF THE FARABUNDO MARTI NATIONAL LIBERATION FRONT [FMLN] "
            "AND THE ELN; ETA AND THE MEDELLIN CARTEL WERE NOT INVOLVED, THE FAR SAID IS FALSE.")
    found = names(registry, text)
    assert found.count("Farabundo Martí National Liberation Front") == 1  # the name and its [FMLN] are one mention
    assert "National Liberation Army" in found and "ETA" in found and "Medellín Cartel" in found
    assert "Rebel Armed Forces" not in found and "Islamic State" not in found  # FAR and IS are words in capitals


def test_a_name_and_its_acronym_in_brackets_are_one_mention(registry: ActorRegistry) -> None:
    text = "GUERRILLAS OF THE NATIONAL\nLIBERATION ARMY (ELN) AMBUSHED A PATROL; Jaish-e-Mohammed [JeM] and Hamas (ISIS)"
    found = [(m.matched, m.name) for m in registry.find(text)]
    assert found == [
        ("NATIONAL\nLIBERATION ARMY (ELN)", "National Liberation Army"),
        ("Jaish-e-Mohammed [JeM]", "Jaish-e-Mohammed"),
        ("Hamas", "Hamas"),
        ("ISIS", "Islamic State"),
    ]


def test_a_name_that_qualifies_the_next_names_no_actor_of_its_own(registry: ActorRegistry) -> None:
    names = [m.name for m in registry.find_all("Officials blamed the al Qaeda-linked al Shabaab group.")]
    assert names == ["al-Shabaab"]
    # with no name after it, the group it is linked to is all the text names
    assert [m.name for m in registry.find_all("al Qaeda-linked militants attacked a base")][0] == "al-Qaeda"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a group's branch named by where it is active is that affiliate
        ("Islamic State's Sahel branch ambushed a convoy.", [("Islamic State's Sahel branch", "Islamic State Sahel Province")]),
        ("Al-Qaeda’s Yemen affiliate claimed the attack.", [("Al-Qaeda’s Yemen affiliate", "al-Qaeda in the Arabian Peninsula")]),
        ("ISIS's Somali branch claimed it.", [("ISIS's Somali branch", "Islamic State – Somalia Province")]),
        # not a wing with no region, nor a region two affiliates share
        ("Hamas's armed wing fired rockets.", [("Hamas", "Hamas")]),
        ("Al-Qaeda's Iraq branch claimed it.", [("Al-Qaeda", "al-Qaeda")]),  # AQI or the Islamic State of Iraq
    ],
)
def test_a_branch_named_by_its_region_is_the_affiliate(registry: ActorRegistry, text: str, expected: list[tuple[str, str]]) -> None:
    assert [(m.matched, m.name) for m in registry.find(text)] == expected


def test_an_actor_and_the_name_it_is_known_by_are_one_mention(registry: ActorRegistry) -> None:
    text = "Such attacks are often carried out by armed gangs known locally as bandits, who raid villages."
    assert [(m.matched, m.name) for m in registry.find_all(text)] == [("armed gangs known locally as bandits", "bandits")]
    text = "Jama'at Nusrat al-Islam wal-Muslimin, known as JNIM, claimed it."
    assert [m.name for m in registry.find_all(text)] == ["Jama'at Nusrat al-Islam wal-Muslimin"]


def test_names_are_not_found_inside_words_urls_addresses_or_handles(registry: ActorRegistry) -> None:
    text = "A crISIS in Kabul; see https://www.hamas.ps/news, write to press@hamas.org or follow @Hamas and #ISIS."
    assert registry.find(text) == []


def test_possessives_match_and_the_span_is_the_name(registry: ActorRegistry) -> None:
    text = "ISIS's fighters and Hamas' gunmen and the Taliban’s leaders"
    found = [(m.matched, m.name) for m in registry.find(text)]
    assert found == [("ISIS", "Islamic State"), ("Hamas", "Hamas"), ("Taliban", "Taliban")]


def test_leading_the_is_not_part_of_the_mention(registry: ActorRegistry) -> None:
    [mention] = registry.find("Police blamed the Taliban.")
    assert mention.matched == "Taliban"


def test_names_split_across_wire_lines_match(registry: ActorRegistry) -> None:
    [mention] = registry.find("GUERRILLAS OF THE FARABUNDO\nMARTI NATIONAL LIBERATION FRONT")
    assert mention.name == "Farabundo Martí National Liberation Front"


def test_offsets_point_into_the_original_text(registry: ActorRegistry) -> None:
    text = "Après l’attaque, l’État islamique... no: Séléka and İstanbul’s ISIS-K cell"
    for mention in registry.find_all(text):
        assert text[mention.start : mention.end] == mention.matched


# --- unnamed actors -----------------------------------------------------------------------


def described(registry: ActorRegistry, text: str) -> list[tuple[str, str, str, str | None]]:
    return [(m.matched, m.name, m.actor_type, m.country_code) for m in registry.find_all(text)]


def test_country_qualified_forces_follow_the_scheme(registry: ActorRegistry) -> None:
    assert described(registry, "Russian security forces raided the flat.") == [
        ("Russian security forces", "Security Forces of Russia", "state force", "RU")
    ]
    assert described(registry, "Chadian police arrested two men.") == [
        ("Chadian police", "Police Forces of Chad", "state force", "TD")
    ]
    assert described(registry, "Burundian troops withdrew.") == [
        ("Burundian troops", "Military Forces of Burundi", "state force", "BI")
    ]


def test_country_qualified_forces_resolve_to_registry_entries(registry: ActorRegistry) -> None:
    [troops] = registry.find_all("Russian troops shelled the village.")
    assert troops.actor is not None and troops.actor.id == "russian-armed-forces"
    assert troops.parent == "Security Forces of Russia" and troops.country_code == "RU"
    [warplanes] = registry.find_all("Israeli warplanes struck Gaza.")
    assert warplanes.name == "Israel Defense Forces"
    [drone] = registry.find_all("A U.S. drone hit the car.")
    assert drone.matched == "U.S. drone" and drone.name == "United States Armed Forces"
    [army] = registry.find_all("Russia's army advanced.")
    assert army.name == "Russian Armed Forces"


def test_coordinated_forces_become_one_mention_each(registry: ActorRegistry) -> None:
    found = described(registry, "Afghan and coalition forces detained a suspected insurgent.")
    assert found[:2] == [
        ("Afghan", "Afghan National Security Forces", "state force", "AF"),
        ("coalition forces", "Coalition forces", "state force", None),
    ]
    found = described(registry, "An Afghan and coalition security force killed the Taliban leader.")
    assert [f[1] for f in found] == ["Afghan National Security Forces", "Coalition forces", "Taliban"]
    assert [f[1] for f in described(registry, "Afghan and ISAF forces")] == [
        "Afghan National Security Forces", "International Security Assistance Force"]


def test_unqualified_forces(registry: ActorRegistry) -> None:
    assert [f[1] for f in described(registry, "Security forces and the army said police arrested him")] == [
        "Security forces", "Military forces", "Police forces"]
    assert described(registry, "NATO forces withdrew.")[0][1] == "NATO"


def test_force_words_used_as_adjectives_are_not_actors(registry: ActorRegistry) -> None:
    assert registry.find_unnamed("The army base and a police station were hit; a military spokesman said.") == []
    assert registry.find_unnamed("a military operation") == []


def test_the_pronoun_us_never_qualifies_a_force(registry: ActorRegistry) -> None:
    [mention] = registry.find_all("They told us soldiers had left.")
    assert mention.name == "Military forces" and mention.country_code is None


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Unidentified gunmen opened fire.", ("Unidentified gunmen", "gunmen", "unnamed", None)),
        ("A gunman opened fire.", ("gunman", "gunmen", "unnamed", None)),
        ("Armed men stormed the hotel.", ("Armed men", "gunmen", "unnamed", None)),
        ("A masked man shot him.", ("masked man", "unidentified men", "unnamed", None)),
        ("An unidentified person shot him.", ("unidentified person", "unidentified men", "unnamed", None)),
        ("Uniformed men killed six Jesuit priests.", ("Uniformed men", "unidentified men", "unnamed", None)),
        ("Unknown assailants shot him.", ("Unknown assailants", "attackers", "unnamed", None)),
        ("A female suicide bomber blew herself up.", ("female suicide bomber", "suicide bombers", "unnamed", None)),
        ("Palestinian gunmen fired on the bus.", ("Palestinian gunmen", "Palestinian gunmen", "unnamed", "PS")),
        ("Islamist militants attacked.", ("Islamist militants", "Islamist militants", "armed group", None)),
        # a head that is also a qualifier is read with the head after it
        ("Separatist fighters set fire to a school.", ("Separatist fighters", "separatist militants", "armed group", None)),
        ("Fulani herdsmen attacked.", ("Fulani herdsmen", "Fulani herdsmen", "militia", None)),
        ("Bandits kidnapped 30 pupils.", ("Bandits", "bandits", "criminal group", None)),
        ("A mob lynched him.", ("mob", "mob", "rioters", None)),
        ("Israeli settlers torched cars.", ("Israeli settlers", "Israeli settlers", "militia", "IL")),
        ("A lone wolf attacked.", ("lone wolf", "lone attacker", "unnamed", None)),
        ("Four neo-Nazis set fire to a house.", ("neo-Nazis", "neo-Nazis", "armed group", None)),
        ("Maoists ambushed a police convoy.", ("Maoists", "Maoist rebels", "armed group", None)),
        ("Hindu nationalists attacked a church.", ("Hindu nationalists", "Hindu nationalists", "militia", None)),
        ("Two Danes were hurt in an attack by a radical Islamist.", ("radical Islamist", "Islamists", "armed group", None)),
        # a country's strikes are its forces' acts; strikes alone name no one
        ("Israeli airstrikes killed 25.", ("Israeli airstrikes", "Israel Defense Forces", "state force", "IL")),
        ("A US drone strike killed him.", ("US drone strike", "United States Armed Forces", "state force", "US")),
        ("It was blamed on dissident republicans.", ("dissident republicans", "dissident republicans", "armed group", None)),
        ("A Salafist extremist beat him.", ("Salafist extremist", "Salafist extremists", "armed group", None)),
        # a stance towards a country is no country: "Pro-Iraqi militants" are not Iraq's
        ("Pro-Iraqi militants were blamed.", ("Pro-Iraqi militants", "pro-Iraqi militants", "armed group", None)),
        ("Iraqi militants were blamed.", ("Iraqi militants", "Iraqi militants", "armed group", "IQ")),
    ],
)
def test_unnamed_perpetrators(registry: ActorRegistry, text: str, expected: tuple[str, str, str, str | None]) -> None:
    assert described(registry, text) == [expected]


def test_a_description_after_a_named_actor_belongs_to_it(registry: ActorRegistry) -> None:
    assert names(registry, "suspected Boko Haram fighters attacked") == ["Boko Haram"]
    assert names(registry, "Taliban gunmen and Hamas' militants and NATO forces") == ["Taliban", "Hamas", "NATO"]
    assert registry.find_unnamed("suspected Boko Haram fighters") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Russia launched 33 missiles at Kyiv overnight.", ["Russian Armed Forces"]),
        ("Officials said Russia had launched 33 missiles overnight.", ["Russian Armed Forces"]),
        ("Israel struck a house in Gaza City.", ["Israel Defense Forces"]),
        # a country that is no subject strikes nothing
        ("Sanctions on Russia struck the economy.", []),
        ("A bomb in Pakistan struck a bus.", []),
    ],
)
def test_a_country_that_strikes_is_its_military(registry: ActorRegistry, text: str, expected: list[str]) -> None:
    assert [m.name for m in registry.find_all(text) if m.actor_type == "state force"] == expected


def test_nationalists_are_actors_only_as_the_doers_of_an_act(registry: ActorRegistry) -> None:
    assert registry.find_unnamed("Scottish nationalists won the vote.") == []
    assert registry.find_unnamed("Islamist parties won the vote.") == []


def test_men_alone_are_not_actors(registry: ActorRegistry) -> None:
    assert registry.find_unnamed("Two men and Palestinian people were seen.") == []
    assert registry.find_unnamed("The house was bought by two men.") == []
    assert registry.find_unnamed("Two men were killed by a bomb.") == []


@pytest.mark.parametrize(
    "text, matched",
    [
        ("He was gunned down by two men on a motorcycle.", "men"),
        ("The priests were murdered at dawn today by men wearing military uniforms.", "men"),
        ("The bomb was placed by a young man.", "young man"),
        ("She was stabbed to death by a man in Strasbourg.", "man"),
        ("THE JUDGE WAS KILLED BY THREE INDIVIDUALS.", "INDIVIDUALS"),
    ],
)
def test_men_who_did_the_act_of_a_passive_are_actors(registry: ActorRegistry, text: str, matched: str) -> None:
    [mention] = registry.find_unnamed(text)
    assert (mention.matched, mention.name, mention.actor_type) == (matched, "unidentified men", "unnamed")


@pytest.mark.parametrize(
    "text, matched",
    [
        ("Two men on a motorcycle shot dead a judge in Quetta.", "men"),
        ("Men wearing military uniforms killed six priests.", "Men"),
        ("A man opened fire on worshippers at a mosque.", "man"),
        ("Three men burst into a bar and killed four people.", "men"),
    ],
)
def test_men_who_are_the_subject_of_an_act_are_actors(registry: ActorRegistry, text: str, matched: str) -> None:
    [mention] = registry.find_unnamed(text)
    assert (mention.matched, mention.name, mention.actor_type) == (matched, "unidentified men", "unnamed")


@pytest.mark.parametrize(
    "text",
    [
        "Three men killed in the blast were buried on Sunday.",
        "Two men shot dead on Monday were farmers.",
        "Two men were shot dead in Peshawar.",
        "Two men killed and wounded in the attack were named.",
        "The men attacked by the mob were police officers.",
    ],
)
def test_men_an_act_was_done_to_are_not_actors(registry: ActorRegistry, text: str) -> None:
    assert [m.matched for m in registry.find_unnamed(text) if m.name == "unidentified men"] == []


def test_an_act_rule_without_required_qualifiers_is_rejected(tmp_path: Path) -> None:
    import yaml

    from sitrep.actors.files import read_yaml

    data, _ = read_yaml(None, "unnamed_actors.yaml")
    data["heads"].append({"name": "riders", "type": "unnamed", "words": ["riders"], "or_subject_of": ["killed"]})
    unnamed = tmp_path / "unnamed.yaml"
    unnamed.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    with pytest.raises(RegistryError, match="or_subject_of without requires_any"):
        ActorRegistry.load(write(tmp_path, _GOOD), unnamed)


def test_find_all_is_sorted_and_never_overlaps(registry: ActorRegistry) -> None:
    text = ("Afghan and coalition forces killed ISIS-K militants after Taliban gunmen and unidentified attackers "
            "fired on Russian troops and the Islamic State's fighters.")
    found = registry.find_all(text)
    assert [m.start for m in found] == sorted(m.start for m in found)
    assert all(a.end <= b.start for a, b in zip(found, found[1:]))


_PIECES = ["ISIS", "IS", "is", "the", "Taliban", "'s", "’", " ", ", ", "-", "–", "Khorasan", "Province", "Islamic",
           "State", "gunmen", "Russian", "troops", "and", "coalition", "forces", "crisis", "U.S.", "\n", "É", "İ", "(", ")"]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=25))
def test_mentions_are_well_formed_on_any_text(pieces: list[str]) -> None:
    registry = _shared_registry()
    text = "".join(pieces)
    found = registry.find_all(text)
    for mention in found:
        assert 0 <= mention.start < mention.end <= len(text)
        assert text[mention.start : mention.end] == mention.matched
    assert all(a.end <= b.start for a, b in zip(found, found[1:]))
    assert registry.find_all(text) == found  # no state carried between calls


_REGISTRY: list[ActorRegistry] = []


def _shared_registry() -> ActorRegistry:
    if not _REGISTRY:
        _REGISTRY.append(ActorRegistry.load())
    return _REGISTRY[0]


# --- validation of registry files ---------------------------------------------------------

_GOOD = """
actors:
  - {id: alpha, name: Alpha Front, type: armed group, parent: null, country: [SY], aliases: [AF1, Alpha]}
  - {id: beta, name: Beta Brigade, type: armed group, parent: alpha, country: [SY], aliases: [Beta]}
"""


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "actors.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_a_small_registry_file_loads(tmp_path: Path) -> None:
    registry = ActorRegistry.load(write(tmp_path, _GOOD))
    assert len(registry) == 2
    assert [m.name for m in registry.find_all("Beta fighters and Alpha")] == ["Beta Brigade", "Alpha Front"]
    assert registry.descendants("alpha") == frozenset({"alpha", "beta"})


@pytest.mark.parametrize(
    "text, problem",
    [
        (_GOOD + "  - {id: gamma, name: Gamma, type: armed group, parent: null, country: [SY], aliases: [alpha]}\n",
         "alias 'alpha' of 'gamma' is also"),
        (_GOOD + "  - {id: gamma, name: Gamma, type: armed group, parent: null, country: [SY], aliases: [BETA BRIGADE]}\n",
         "also"),
        (_GOOD + "  - {id: gamma, name: Gamma, type: armed group, parent: delta, country: [SY], aliases: []}\n",
         "unknown parent 'delta'"),
        (_GOOD + "  - {id: alpha, name: Gamma, type: armed group, parent: null, country: [SY], aliases: []}\n",
         "duplicate id 'alpha'"),
        (_GOOD.replace("parent: null", "parent: beta"), "cycle"),
        (_GOOD.replace("type: armed group, parent: alpha", "type: terrorists, parent: alpha"), "type 'terrorists'"),
        (_GOOD.replace("country: [SY], aliases: [Beta]", "country: [Syria], aliases: [Beta]"), "ISO 3166"),
        (_GOOD.replace("country: [SY], aliases: [Beta]", "country: [NO], aliases: [Beta]"), "ISO 3166"),
        (_GOOD.replace("aliases: [Beta]", "aliasses: [Beta]"), "unknown keys ['aliasses']"),
        (_GOOD.replace("id: beta", "id: Beta Brigade"), "slug"),
        ("actors: {alpha: 1}\n", "'actors' must be a list"),
        ("actors: [\n", "not valid YAML"),
    ],
)
def test_bad_registry_files_are_rejected_with_the_file_and_problem(tmp_path: Path, text: str, problem: str) -> None:
    path = write(tmp_path, text)
    with pytest.raises(RegistryError) as info:
        ActorRegistry.load(path)
    assert str(path) in str(info.value)
    assert problem in str(info.value)


def test_a_missing_registry_file_is_a_registry_error(tmp_path: Path) -> None:
    with pytest.raises(RegistryError, match="cannot be read"):
        ActorRegistry.load(tmp_path / "missing.yaml")


def test_bad_unnamed_lexicon_is_rejected(tmp_path: Path) -> None:
    unnamed = tmp_path / "unnamed.yaml"
    unnamed.write_text("schemes: {military: Army}\nunqualified: {}\n", encoding="utf-8")
    with pytest.raises(RegistryError, match="unnamed.yaml: schemes.military"):
        ActorRegistry.load(write(tmp_path, _GOOD), unnamed)


def test_an_agent_rule_without_required_qualifiers_is_rejected(tmp_path: Path) -> None:
    import yaml

    from sitrep.actors.files import read_yaml

    data, _ = read_yaml(None, "unnamed_actors.yaml")
    data["heads"].append({"name": "riders", "type": "unnamed", "words": ["riders"], "or_agent_of": ["killed"]})
    unnamed = tmp_path / "unnamed.yaml"
    unnamed.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    with pytest.raises(RegistryError, match="or_agent_of without requires_any"):
        ActorRegistry.load(write(tmp_path, _GOOD), unnamed)


def test_the_imports_the_pipeline_uses_still_work() -> None:
    # registry.py was split into text, files and unnamed modules; the old import paths stay.
    from sitrep.actors.attribution import ClaimMention, attribution, find_claims, role
    from sitrep.actors.registry import ActorMention, default_registry, fold, is_shouting

    assert fold("Qaïda’s") == "qaida's" and is_shouting("ISIS CLAIMED IT")
    sentence = "ISIS claimed the attack."
    [found] = default_registry().find_all(sentence)
    assert isinstance(found, ActorMention)
    assert role(sentence, found.start, found.end) == "perpetrator"
    assert attribution(sentence, found.start, found.end) == "claimed"
    assert isinstance(find_claims(sentence)[0], ClaimMention)


# --- coverage of the groups in incident lists and wire copy -------------------------------


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Officially a bomb was placed on the plane by Ustasa agents.", "Ustaše"),
        ("Croatian Ustasha emigres hijacked the airliner.", "Ustaše"),
        ("Three activists of Potere Operaio set the house on fire.", "Potere Operaio"),
        ("The group Vanguardia Organizada del Pueblo murdered the former minister.", "Vanguardia Organizada del Pueblo"),
        ("A member of the banned Janatha Vimukthi Peramuna threw two grenades.", "Janatha Vimukthi Peramuna"),
        ("The JVP denied any role in the grenade attack.", "Janatha Vimukthi Peramuna"),
        ("Two members of the Armenian Revolutionary Federation tried to bomb the consulate.",
         "Armenian Revolutionary Federation"),
        ("Fighters of the Islamic Movement of Uzbekistan (IMU) attacked the airport.", "Islamic Movement of Uzbekistan"),
        ("Hizb-i-Islami fighters ambushed the convoy.", "Hezb-e Islami Gulbuddin"),
        ("The Islamic Jihad Union claimed the Tashkent bombings.", "Islamic Jihad Union"),
        ("The CSPPA claimed the Paris bombing.", "Committee of Solidarity with Arab and Middle East Political Prisoners"),
        ("Garo National Liberation Army (GNLA) militants shot dead a villager.", "Garo National Liberation Army"),
        ("CGSB guerrillas ambushed a police patrol.", "Simón Bolívar Guerrilla Coordinating Board"),
        ("The Baloch Republican Army claimed the blast on the railway track.", "Baloch Republican Army"),
        ("The salafist group Ansar Al-Furqan claimed the pipeline bombing.", "Ansar al-Furqan"),
        ("THE MORAZANIST PATRIOTIC FRONT (FPM) CLAIMED THE BOMBINGS.", "Morazanist Patriotic Front"),
        ("Jund al-Aqsa executed two men in Al-Lataminah.", "Jund al-Aqsa"),
        ("The bus was bombed by the anti-Arab Charles Martel Group.", "Charles Martel Group"),
    ],
)
def test_groups_of_the_incident_lists_are_in_the_registry(registry: ActorRegistry, text: str, expected: str) -> None:
    assert expected in names(registry, text)


def test_new_spellings_of_known_groups_keep_their_family(registry: ActorRegistry) -> None:
    sinai = registry.find("Wilayah Sayna, an Islamic State affiliate, claimed the bombing.")[0]
    assert (sinai.name, sinai.parent) == ("Islamic State – Sinai Province", "Islamic State")
    [yps] = registry.find("The YPS, a youth wing of the PKK, set up barricades.")[:1]
    assert (yps.name, yps.parent) == ("Civil Protection Units", "Kurdistan Workers' Party")
    assert registry.lookup("Mujahadin Khalq").id == "mek"
    assert registry.lookup("Individuals Tending to the Wild").id == "its"
    assert registry.lookup("People's War Group").id == "cpi-maoist"


def test_a_plural_possessive_inside_a_name_does_not_split_it(registry: ActorRegistry) -> None:
    text = "In an outlawed Kurdistan Workers’ Party (PKK) attack, the Al-Aqsa Martyrs' Brigades were not involved."
    found = registry.find(text)
    assert [m.matched for m in found] == ["Kurdistan Workers’ Party (PKK)", "Al-Aqsa Martyrs' Brigades"]


def test_a_name_that_is_also_a_phrase_matches_only_as_written(registry: ActorRegistry) -> None:
    assert names(registry, "Soldiers of Egypt claimed the bombing.") == ["Ajnad Misr"]
    assert "Ajnad Misr" not in names(registry, "The soldiers of Egypt's army were deployed.")


def test_a_junta_is_a_state_force(registry: ActorRegistry) -> None:
    [soldiers] = registry.find_all("Almost 100 Myanmar Junta Soldiers Killed")
    assert (soldiers.name, soldiers.actor_type, soldiers.country_code) == ("Tatmadaw", "state force", "MM")
    [junta] = registry.find_all("The junta bombed a school in Sagaing.")
    assert (junta.name, junta.actor_type) == ("Military forces", "state force")
    assert registry.find_all("A junta is a military government.") == []


def test_a_national_guard_is_a_military_force(registry: ActorRegistry) -> None:
    [guard] = registry.find_all("The National Guard murdered a student.")
    assert (guard.name, guard.actor_type) == ("Military forces", "state force")
    [guardsmen] = registry.find_all("National guardsmen fired on the crowd.")
    assert (guardsmen.name, guardsmen.actor_type) == ("Military forces", "state force")
    # a country's names the registry's entry
    assert names(registry, "The Salvadoran National Guard murdered a student.") == ["National Guard (El Salvador)"]
    assert names(registry, "A national guard is a reserve force.") == []


def test_informants_and_wings_are_not_forces(registry: ActorRegistry) -> None:
    assert names(registry, "A suspected police informant was found dead.") == []
    assert names(registry, "Armed men from the military wing of RENAMO attacked a convoy.") == ["gunmen", "RENAMO"]


def test_a_longer_name_starting_inside_a_name_wins(registry: ActorRegistry) -> None:
    assert names(registry, "He was kidnapped by Colombian Army of National Liberation guerrillas.") == ["National Liberation Army"]
    assert names(registry, "The Colombian Army killed three rebels.") == ["Colombian Armed Forces", "rebels"]


def test_a_group_named_as_what_is_fought_is_not_at_work(registry: ActorRegistry) -> None:
    assert names(registry, "A joint team was on an anti-Naxal operation in the area.") == []
    assert "Taliban" not in names(registry, "An anti-Taliban militia attacked the post.")
    assert names(registry, "Anti-balaka militias attacked the town.") == ["Anti-balaka"]  # a name of its own


def test_haitian_gangs_are_named(registry: ActorRegistry) -> None:
    assert names(registry, "Members of the Gran Grif gang killed at least 70 people.") == ["Gran Grif"]
    [g9] = registry.find("The G9 alliance, part of the Viv Ansanm coalition, attacked the district.")[:1]
    assert (g9.name, g9.parent) == ("G9 an Fanmi e Alye", "Viv Ansanm")


def test_a_spaced_dash_parts_a_dateline_country_from_the_doers(registry: ActorRegistry) -> None:
    [gunmen] = registry.find_all("GUSAU, Nigeria — Gunmen abducted at least 30 passengers.")
    assert (gunmen.name, gunmen.country_code) == ("gunmen", None)
    assert names(registry, "Pro-Iraqi militants attacked the base.") == ["pro-Iraqi militants"]  # a hyphen joins
