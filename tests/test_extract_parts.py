"""sitrep's own extraction components, each on hand-made input (no statistical model)."""

from __future__ import annotations

import re

from datetime import date

import pytest

from sitrep.errors import RegistryError
from sitrep.extract.analysis import EntityMention, Sentence, Unit, split_units
from sitrep.extract.dateline import dateline_span
from sitrep.extract.kinds import KindTable
from sitrep.extract import lexicon as lexicon_module
from sitrep.extract.lexicon import PatternLexicon
from sitrep.extract.lexicons import Lexicons
from sitrep.extract.places import chains, choose_location, named_areas
from sitrep.extract.realis import RealisCues, decide_realis, decide_status, read_cues, recalled
from sitrep.extract.segment import dates_compatible, places_compatible
from sitrep.extract.truecase import is_shouting, truecase
from sitrep.extract.marks import unmark
from sitrep.model import DateSpan, Location


@pytest.fixture(scope="module")
def lexicons() -> Lexicons:
    return Lexicons()


@pytest.fixture(scope="module")
def kinds() -> KindTable:
    return KindTable()


def test_a_cues_file_without_a_section_is_rejected_with_its_name(monkeypatch: pytest.MonkeyPatch) -> None:
    from sitrep.extract import lexicons as lexicons_module

    real = lexicons_module.load_data

    def without_earlier(filename: str):  # type: ignore[no-untyped-def]
        data = dict(real(filename))
        if filename == "cues.yaml":
            del data["earlier_incident"]
        return data

    monkeypatch.setattr(lexicons_module, "load_data", without_earlier)
    with pytest.raises(RegistryError, match="cues.yaml lacks the section 'earlier_incident'"):
        Lexicons()


def test_a_unit_right_after_a_cue_of_an_earlier_incident_is_recalled(lexicons: Lexicons) -> None:
    text = "A car bomb rocked Aleppo just a day after twin blasts in the capital killed almost 30 people."
    sentence = Sentence(text=text, start=0, index=0)
    cut = text.index(" twin")
    assert recalled(Unit(sentence, cut, len(text), 1), lexicons)
    assert not recalled(Unit(sentence, 0, cut, 0), lexicons)
    assert not recalled(Unit(sentence, text.index("in the capital"), len(text), 1), lexicons)


def test_shipped_lexicons_load_and_validate(lexicons: Lexicons, kinds: KindTable) -> None:
    assert {"suicide_bombing", "kidnapping", "arrest"} <= set(lexicons.triggers.labels)
    assert "firearms" in lexicons.weapons.labels and "civilians" in lexicons.targets.labels
    # every trigger family has a kind, and the precedence list names every family
    assert set(kinds.precedence) == set(kinds.families())


def test_a_bad_pattern_names_its_file_and_entry() -> None:
    with pytest.raises(RegistryError, match="bad pattern"):
        PatternLexicon([("broken", ["(unclosed"])], name="test.yaml")
    with pytest.raises(RegistryError, match="groups only"):
        PatternLexicon([("capturing", ["(a|b)"])], name="test.yaml")


def _plain_matches(entries: list[tuple[str, list[str]]], text: str) -> list[tuple[int, int, str]]:
    """What one plain alternation of the entries, in order, finds: the reading the lexicon must keep."""
    parts = [f"(?P<g{k}>{'|'.join(f'(?:{p})' for p in patterns)})" for k, (_, patterns) in enumerate(entries)]
    plain = re.compile(r"(?<![\w])(?:" + "|".join(parts) + r")(?![\w])", re.IGNORECASE)
    return [(m.start(), m.end(), entries[int(m.lastgroup[1:])][0]) for m in plain.finditer(text)]  # type: ignore[index]


@pytest.mark.parametrize("anywhere", [True, False], ids=["digits-first", "letters-first"])
@pytest.mark.parametrize("small", [True, False], ids=["small", "large"])
@pytest.mark.parametrize(
    "text",
    [
        "A suicide bomber and a car bomb; then SHOTS, shot dead, Shot in the head, a shot glass, the bomb squad.",
        "Rebels shelled the town; forces shell villages; sniping; the 3 bombs and 12 rockets.",
        "Ok. X-ray, x-rays; a (?) test: ÉCOLE, école, Bomb-maker, bombers' camp.",
        "FORCES SHELLED école; 40 ROCKETS, sHoT dEaD, X-Ray; 12 bombs; sh",  # places picked by their opening
        "",
    ],
)
def test_the_lexicon_picking_its_patterns_by_how_a_match_starts_finds_what_the_plain_alternation_finds(
    text: str, small: bool, anywhere: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    # where a place opens with other than plain characters, a small lexicon tries its one
    # alternation and a large one the patterns of the first character; a pattern that may start
    # with a digit is tried everywhere, and one whose first letter alone is known ("s\\w+ing")
    # wherever a word opens with that letter
    monkeypatch.setattr(lexicon_module, "_ALTERNATION_PATTERNS", 1000 if small else 0)
    entries = [
        ("suicide", ["suicide (?:bomber|attack)s?"]),
        ("car", ["car[- ]bombs?"]),
        ("bomb", ["bomb(?:s|ers?)?", "\\d+ bombs"]),  # a number first: tried at every place
        ("shot", ["shot(?: dead)?", "(?:shots|shot in the head)"]),
        ("shelling", ["(?:rebels|forces) shell(?:ed|s)?", "shell(?:ed|ing)"]),
        ("rockets", ["(?:\\d+ )?rockets?"]),  # may start with a digit or a letter
        ("school", ["[ée]cole"]),
        ("cased", ["(?-i:X)-rays?"]),
        ("maker", ["(?<!the )bomb-makers?"]),  # a look-behind first: starts with its letter
        ("ing", ["s\\w+ing"]),  # its opening is not known, its first letter is
    ]
    negatives = ["shot (?:glass|put)", "bomb(?:-makers?)? squads?", "\\d+ bombs? threats?"]
    if not anywhere:
        entries = [(label, [p for p in patterns if "\\d" not in p] or ["rockets?"]) for label, patterns in entries]
        negatives = negatives[:2]
    lexicon = PatternLexicon(entries, negatives=negatives, name="test.yaml")
    found = [(m.start, m.end, m.label) for m in lexicon.finditer(text)]
    blocked = [(m.start(), m.end()) for m in re.finditer("|".join(f"(?:{n})" for n in negatives), text, re.IGNORECASE)]
    expected = [f for f in _plain_matches(entries, text) if not any(s <= f[0] and f[1] <= e for s, e in blocked)]
    assert found == expected
    assert lexicon.search(text) == (lexicon.finditer(text)[0] if found else None)


@pytest.mark.parametrize(
    ("sentence", "family"),
    [
        ("A suicide bomber blew himself up at the gate.", "suicide"),
        ("A car bomb went off near the ministry.", "explosion"),
        ("Gunmen opened fire on worshippers.", "armed"),
        ("Militants kidnapped three aid workers.", "kidnap"),
        ("Police arrested four suspects.", "arrest"),
        ("WARPLANES BOMBED THE TOWN IN AN AIR STRIKE.", "air"),
        ("The rebels ambushed a patrol.", "clash"),
        # headline and encyclopedia phrasing
        ("Taliban fighters fired eight rockets at an air base.", "shelling"),
        ("Maoists blew up railway tracks near Giridih.", "explosion"),
        ("Two vehicles struck IEDs near Hombori.", "explosion"),
        ("The head office of the party is bombed.", "explosion"),
        ("A transport bus was burned by four assailants.", "arson"),
        ("Militants burned two trucks and an excavator.", "arson"),
        ("Terrorists fired five to seven rounds at an army camp.", "armed"),
        ("A man was shot in the legs in west Belfast.", "armed"),
        ("ISIS crucified three people.", "killing"),
        ("Boko Haram militants slit the throats of five civilians.", "melee"),
        ("Militants batter two men to death with rocks.", "killing"),
        ("A gunfight broke out between police and militants.", "clash"),
        ("Rebels shot down an air force plane with a missile.", "attack"),
        ("An Islamic State drone dropped explosives on a house.", "air"),
        ("Two men were killed by a bomb dropped from an Islamic State drone.", "air"),
        ("Two gunmen hijack a train at the border.", "hijack"),
        ("Guerrillas of the M-19 seize a plane of Aeropesca in Medellín.", "hijack"),
        ("Gunmen took over a passenger bus near Quetta.", "hijack"),
        ("Unknown people set two vehicles of a local politician on fire.", "arson"),
        ("The LTTE detonate two claymore mines targeting a bus.", "explosion"),
        ("An 80-year old muezzin gets beaten by a salafist extremist.", "melee"),
        ("A driver rammed his vehicle at Israeli soldiers at the entrance to the town.", "ramming"),
        ("An unknown person shoots and injures a 21-year-old in Belfast.", "armed"),
        ("Members of the FARC burned a Mi-17 helicopter.", "arson"),
        ("Tijuana: Man executed in gym in La Mesa", "killing"),
        ("They execute nine in the last hours", "killing"),
        ("A carbomb partially destroys government buildings in Cali.", "explosion"),
        ("A soldier was injured when he stepped on a minefield.", "explosion"),
        ("A woman was stoned to death in Raqqa.", "killing"),
        ("Militants lined up five civilians and crushed them under a bulldozer in Mosul.", "killing"),
        # Spanish headlines
        ("Acribillan a tres sujetos en Chihuahua", "killing"),
        ("Hallan dos cuerpos en el bulevar 2000", "killing"),
        ("Balean auto en el bulevar de Las Naciones", "armed"),
        ("Secuestran a empresario en Culiacán", "kidnap"),
        ("Tiroteo en Durango deja un policía herido", "armed"),
        ("Motociclista balea y mata a un comerciante en Tepito", "killing"),
        ("Cinco muertos en una fiesta en Celaya", "killing"),
        ("Multihomicidio en Tlaquepaque", "killing"),
        # a bombing raid is flown
        ("Soldiers killed six FARC dissidents in a bombing raid in Guaviare.", "air"),
        # South Asian usage, and a headline's present tense
        ("Three policemen martyred in Quetta firing", "armed"),
        ("Three policemen martyred in Quetta firing", "killing"),
        ("Maoists blow up school building in Jharkhand", "explosion"),
        # "in fighting" is a preposition and the act, not "infighting"
        ("BODY COUNT MOUNTS IN FIGHTING AMONG MONTREAL'S BIKER GANGS", "clash"),
    ],
)
def test_triggers_name_the_act(lexicons: Lexicons, sentence: str, family: str) -> None:
    assert family in {t.family for t in lexicons.find_triggers(sentence)}


@pytest.mark.parametrize(
    "sentence",
    [
        "The senator attacked the budget in a speech.",
        "He died of a heart attack last year.",
        "The singer shot to fame in 2019.",
        "Teachers went on strike over pay.",
        "The film bombed at the box office.",
        "The minister was bombarded with questions.",
        "The coach was burned out after a long season.",
        "The council set up a fire brigade in the town.",
        "The mayor set the fire safety code for hotels.",
        "Troops patrolled Mata Khan district.",  # a name, not the Spanish "mata"
        "Most of the fire-fighting equipment in the valley was called in.",
        "Most of the fire - fighting equipment in the valley was called in.",  # tokenised copy
        "The party is weakened by infighting.",
        "He was convicted of running a dogfighting ring.",
        "The company is firing 20 staff.",
        "It is not by blowing up pipelines that peace is won.",
    ],
)
def test_figurative_senses_are_not_triggers(lexicons: Lexicons, sentence: str) -> None:
    assert lexicons.find_triggers(sentence) == []


def test_a_person_shot_where_or_how_the_words_after_tell_is_an_act(lexicons: Lexicons) -> None:
    for sentence in ("John Smith was shot outside his home.", "Two guards were shot at close range.",
                     "The officer was shot while driving to work."):
        assert any(t.family == "armed" and t.strong for t in lexicons.find_triggers(sentence)), sentence
    # a film, a video or a picture is shot too
    for sentence in ("The film was shot near the border.", "The video was shot outside the stadium."):
        assert not any(t.strong for t in lexicons.find_triggers(sentence)), sentence


def test_a_murder_told_with_its_time_is_told_as_an_act(lexicons: Lexicons) -> None:
    # "murdered" alone may be a count or a consequence; with the time of the act it is the act
    for sentence in ("The priests were murdered last Friday in San Salvador.", "He was slain overnight."):
        assert any(t.family == "killing" and t.strong for t in lexicons.find_triggers(sentence))
    assert not any(t.strong for t in lexicons.find_triggers("The priests were murdered."))


def test_a_phrase_wrapped_over_two_lines_is_read_whole(lexicons: Lexicons) -> None:
    # wire copy breaks its lines anywhere; a match keeps the text's offsets
    text = "GUNMEN OPENED\nFIRE ON A CAR\nBOMB SQUAD."
    found = {t.text: (t.start, t.end) for t in lexicons.find_triggers(text)}
    assert found["OPENED FIRE"] == (7, 18) and text[7:18] == "OPENED\nFIRE"
    # and a negative phrase wrapped so still rules its words out
    assert lexicons.find_triggers("WHAT IS TANTAMOUNT TO A STATE OF\nSIEGE.") == []


def test_the_makings_of_a_bomb_are_no_blast(lexicons: Lexicons) -> None:
    families = {t.family for t in lexicons.find_triggers(
        "The security force detained six suspected insurgents and seized IED-making materials.")}
    assert "explosion" not in families and "arrest" in families


def test_kind_depends_on_who_was_attacked(kinds: KindTable) -> None:
    on_civilians = kinds.kind("armed", target_types=["civilians"])
    on_soldiers = kinds.kind("armed", target_types=["military"])
    assert (on_civilians.event_type, on_civilians.sub_event_type) == ("Violence against civilians", "Attack")
    assert (on_soldiers.event_type, on_soldiers.sub_event_type) == ("Battles", "Armed clash")
    assert on_soldiers.gtd_attack_type == "Armed Assault"


def test_kind_rules(kinds: KindTable) -> None:
    # a suicide bombing outranks the gunfire that went with it
    assert kinds.main_family({"armed", "suicide", "killing"}) == "suicide"
    # a vague attack made with a car bomb is an explosion
    assert kinds.main_family({"attack"}, ["vehicle-borne explosives"]) == "explosion"
    # an ambush on soldiers opened with a bomb is a battle
    assert kinds.main_family({"explosion", "clash"}, [], ["military"]) == "clash"
    # state forces' air strikes have no GTD type; a foiled attack is a disrupted weapons use
    assert kinds.kind("air", state_perpetrator_only=True).gtd_attack_type is None
    foiled = kinds.kind("explosion", status="foiled")
    assert (foiled.event_type, foiled.sub_event_type) == ("Strategic developments", "Disrupted weapons use")
    assert foiled.gtd_attack_type == "Bombing/Explosion"


def test_status_and_realis_rules() -> None:
    none = RealisCues(False, False, False, False, False, False)
    foiled = RealisCues(False, False, False, True, False, False)
    assert decide_status(foiled, has_casualties=False, families=frozenset({"explosion"})) == "foiled"
    assert decide_status(foiled, has_casualties=True, families=frozenset({"explosion"})) == "completed"
    published = date(2024, 3, 25)
    old = DateSpan(date(2015, 11, 1), date(2015, 11, 30), "month", "November 2015")
    recent = DateSpan(date(2024, 3, 1), date(2024, 3, 25), "month", "earlier this month")
    kw = dict(published=published, has_past_evidence=True, has_casualties=True, status="completed", window_days=10)
    assert decide_realis(none, when=old, lead=True, **kw) == "background"  # type: ignore[arg-type]
    assert decide_realis(none, when=recent, lead=True, **kw) == "reported"  # type: ignore[arg-type]
    # not the article's lead, and only known to the month: recalled, not news
    assert decide_realis(none, when=recent, lead=False, **kw) == "background"  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "clause",
    [
        "PILOTS WHO ARE HERE TO PARTICIPATE IN AIR BOMBINGS DURING THE NIGHT",
        "THE ARMED FORCES, MEANING TO BOMB THE CAPITAL BY NIGHT",
        "THE FMLN DECREED A SUSPENSION OF ITS ATTACKS ON CIVILIAN GOVERNMENT OFFICIALS",
        "maneuvers designed to practice fighting against drug trafficking",
    ],
)
def test_a_purpose_or_a_halt_is_no_act(lexicons: Lexicons, clause: str) -> None:
    assert read_cues(lexicons, clause).hypothetical


@pytest.mark.parametrize(
    ("clause", "hypothetical"),
    [
        ("The bomb may have killed ten people", True),
        ("The ELN may attack again", True),
        # a hedge on who did it, not on the act
        ("This may be the work of the ELN", False),
        ("The attack might have been carried out by the ELN", False),
        ("A man threw a bomb against the storefronts on 1st May", False),
        ("a bomb thrown at the 1. May parade in Oslo", False),
        ("Gunmen killed three people in May", False),
        ("Gunmen killed three people on May 5", False),
        ("the siege lasted from 30 April to 5 May 1980", False),
    ],
)
def test_may_the_verb_is_a_supposition_and_may_the_month_is_not(lexicons: Lexicons, clause: str, hypothetical: bool) -> None:
    assert read_cues(lexicons, clause).hypothetical is hypothetical


def test_hashtags_read_as_their_words_and_map_back() -> None:
    text = "#BurkinaFaso: 12 soldiers killed in #Centre_Nord, say #JNIM and #McCain fans (C# &#x27;)."
    unmarked = unmark(text)
    assert unmarked is not None
    assert unmarked.text == "Burkina Faso: 12 soldiers killed in Centre Nord, say JNIM and McCain fans (C# &#x27;)."
    # a span of the text read maps back to the same words in the original, with the tag's mark
    # left out at the start and a tag run together read whole
    for words, original in (("Burkina Faso", "BurkinaFaso"), ("Centre Nord", "Centre_Nord"), ("JNIM", "JNIM"),
                            ("12 soldiers killed in Centre Nord", "12 soldiers killed in #Centre_Nord"),
                            ("(C# &#x27;).", "(C# &#x27;).")):
        at = unmarked.text.index(words)
        assert text[unmarked.start(at) : unmarked.end(at + len(words))] == original
    assert unmarked.start(0) == 1 and unmarked.end(len(unmarked.text)) == len(text)
    assert unmark("No tags here, only C# and issue #12.") is None


@pytest.mark.parametrize(
    ("text", "read"),
    [
        ("Tanintharyi Resistance ‘Kills’ 10 Junta Troops", "Tanintharyi Resistance Kills 10 Junta Troops"),
        ("Wife of CJNG’s “El Misa” Executed", "Wife of CJNG’s El Misa Executed"),  # the apostrophe stays
        ("Brother of 'El Mono' attacked", "Brother of El Mono attacked"),
        ("“It’s official”", "It’s official"),
        ("Zacatecas:7 Killed in Fresnillo", "Zacatecas: 7 Killed in Fresnillo"),
        ("Zacatecas:Zetas Narcomantas Appear", "Zacatecas: Zetas Narcomantas Appear"),
        # what someone said, a longer name, a time, an address and a possessive keep their marks
        ('He said "we will fight them all" today', None),
        ('an attack by the "Rouse the Believers" group', None),
        ('THE "ZARATE WILLKA" GROUP CLAIMED IT', None),
        ("at 10:50 pm, http://example.com/a", None),
        ("the rebels' leader was killed", None),
    ],
)
def test_short_quotes_and_a_colon_run_on_are_read_past(text: str, read: str | None) -> None:
    unmarked = unmark(text)
    assert (unmarked.text if unmarked else None) == read
    if unmarked is not None:  # every word read maps back to the same word
        for word in read.replace(":", " ").split():  # type: ignore[union-attr]
            at = unmarked.text.index(word)
            assert text[unmarked.start(at) : unmarked.end(at + len(word))] == word


def test_truecase_keeps_offsets_and_restores_names() -> None:
    text = "GUERRILLAS OF THE ELN AMBUSHED A PATROL NEAR SARAVENA ON FRIDAY."
    assert is_shouting(text)
    cased = truecase(text, [(18, 21, True), (45, 53, False)])
    assert len(cased) == len(text)
    assert cased.startswith("Guerrillas of the ELN ambushed")
    assert "near Saravena on Friday" in cased
    assert not is_shouting("Gunmen killed 12 people in Kano, police said on Tuesday.")


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("BOGOTA, 14 MAR 25 (PRENSA SUR) -- [TEXT] GUERRILLAS AMBUSHED", "BOGOTA"),
        ("KABUL, Afghanistan (Jan. 25, 2013)\nDuring an operation", "KABUL, Afghanistan"),
        ("MAIDUGURI, Nigeria (Reuters) - Gunmen killed", "MAIDUGURI, Nigeria"),
        # a day without its year
        ("Headline\n\nMOGADISHU, Oct 19 (Reuters) - A suicide bomber", "MOGADISHU"),
        ("ABUJA, Nov 4 (AFP) - Bandits killed", "ABUJA"),
        # a day and a dash, no agency
        ("SRINAGAR, India, May 14 \u2014 Two police officers", "SRINAGAR, India"),
        # a town in capitals and a colon, as the South Asian press writes it
        ("Eleven killed in Kurram\n\nPESHAWAR: At least 11 people were killed", "PESHAWAR"),
        ("NEW DELHI: The army said", "NEW DELHI"),
        ("PESHAWAR: A mob in the Swat valley", "PESHAWAR"),
    ],
)
def test_datelines_are_found(text: str, place: str) -> None:
    span = dateline_span(text)
    assert span is not None and text[span[0] : span[1]] == place


def test_no_dateline_in_plain_prose() -> None:
    assert dateline_span("On Friday evening, as people filed into the hall, gunmen opened fire.") is None
    # a label in a text written in capitals is no town
    assert dateline_span("ATTENTION: THE ARMY SAID") is None
    assert dateline_span("ATTENTION: A MAN WAS KILLED") is None
    assert dateline_span("Police said: Gunmen opened fire") is None


def _unit(text: str, names: list[str], label: str = "GPE") -> Unit:
    mentions = tuple(EntityMention(text.index(n), text.index(n) + len(n), n, label) for n in names)
    sentence = Sentence(index=0, start=0, text=text, places=mentions)
    return Unit(sentence, 0, len(text), 0)


def test_place_chains_join_what_says_where_a_place_is() -> None:
    unit = _unit("A bomb exploded in Kawuri, a village in Konduga local government area of Borno State, on Tuesday.", ["Kawuri"])
    assert [c[1] for c in chains(unit)] == ["Kawuri, a village in Konduga local government area of Borno State"]
    unit = _unit("It hit Kerman, in south-eastern Iran, on Wednesday.", ["Kerman", "Iran"])
    assert [c[1] for c in chains(unit)] == ["Kerman, in south-eastern Iran"]
    unit = _unit("Attacks in Kabul and in Kandahar.", ["Kabul", "Kandahar"])
    assert [c[1] for c in chains(unit)] == ["Kabul", "Kandahar"]


class _KnowsOnly:
    """A stand-in gazetteer that knows some names alone, and no phrase built on them."""

    def __init__(self, *names: str) -> None:
        self.names = names

    def resolve(self, text: str, *, context_countries=(), near=None) -> Location | None:  # type: ignore[no-untyped-def]
        return Location(text, precision="town", country_code="PH", text=text) if text in self.names else None

    def facility_place(self, text: str, context_countries=()) -> Location | None:  # type: ignore[no-untyped-def]
        return None

    def is_demonym(self, word: str) -> bool:
        return False

    def names_a_facility(self, text: str) -> bool:
        return False

    def sole_country(self, name: str) -> str | None:
        return None

    def population(self, location: Location) -> int:
        return 0


def test_a_chain_that_resolves_nowhere_falls_back_to_its_first_name() -> None:
    text = "A soldier was killed in Laak, Compostella Valley, Philippines."
    unit = _unit(text, ["Laak", "Compostella Valley", "Philippines"])
    assert [c[1] for c in chains(unit)] == ["Laak, Compostella Valley, Philippines"]
    choice = choose_location([unit], trigger_unit=unit, trigger_pos=text.index("killed"), resolver=_KnowsOnly("Laak"),
                             context_countries=["PH"])
    assert choice is not None and choice.location.name == "Laak"
    assert choose_location([unit], trigger_unit=unit, trigger_pos=0, resolver=_KnowsOnly(), context_countries=["PH"]) is None


def test_named_areas_find_places_nobody_knows() -> None:
    assert [n for _, _, n in named_areas("IN THE RURAL AREA OF PUERTO JORDAN, TAME MUNICIPALITY")] == ["PUERTO JORDAN"]
    assert [n for _, _, n in named_areas("gunmen stormed the village of Kawuri in Borno")] == ["Kawuri"]
    # a name with its type word, which the NER rarely tags; capitals are left to the gazetteer scan
    assert [n for _, _, n in named_areas("a bomb in the Dibis district of Kirkuk province")] == ["Dibis district", "Kirkuk province"]
    assert [n for _, _, n in named_areas("in Nawah District, Ghazni")] == ["Nawah District"]
    # a lower-case word may follow the name, but not a type word of its own
    assert [n for _, _, n in named_areas("a roadside bomb in the city of Van as a vehicle passed")] == ["Van"]
    assert [n for _, _, n in named_areas("positions in the Khan Tuman village.")] == ["Khan Tuman village"]
    assert named_areas("IN THE DIBIS DISTRICT OF KIRKUK") == []
    # a possessor is not part of the name ("Nagaland's Mon district"), nor is an office a department
    assert [n for _, _, n in named_areas("in Jammu and Kashmir's Pulwama district")] == ["Pulwama district"]
    assert [n for _, _, n in named_areas("in the Baraboulé Department of the Soum Province")] == [
        "Baraboulé Department", "Soum Province"]
    assert named_areas("The Colombian Justice Department said") == []
    assert [n for _, _, n in named_areas("in the township of Sharaban in Diyala")] == ["Sharaban"]
    assert [n for _, _, n in named_areas("a man in Kiryat Arba settlement")] == ["Kiryat Arba settlement"]
    # a province named after its type word; not a name's own "State of" nor a typed name's "Province of"
    assert [n for _, _, n in named_areas("militants in the eastern province of Van.")] == ["Van"]
    assert [n for _, _, n in named_areas("an attack in the governorate of Diyala on Monday")] == ["Diyala"]
    assert named_areas("fighters of the Islamic State of Iraq") == []
    assert [n for _, _, n in named_areas("in the Pattani Province of Thailand")] == ["Pattani Province"]


def test_sentences_listing_several_incidents_are_cut_between_them(lexicons: Lexicons) -> None:
    text = "The Bataclan attack in November 2015 and the Manchester bombing in May 2017 were both claimed."
    triggers = tuple(lexicons.find_triggers(text))
    dates = (
        EntityMention(text.index("November 2015"), text.index("November 2015") + 13, "November 2015", "DATE"),
        EntityMention(text.index("May 2017"), text.index("May 2017") + 8, "May 2017", "DATE"),
    )
    sentence = Sentence(index=0, start=0, text=text, triggers=triggers, dates=dates)
    anchors = [(t.start, (min(dates, key=lambda d: abs(d.start - t.end)).text,)) for t in triggers if t.family != "killing"]
    units = split_units(sentence, order_start=0, anchors=anchors)
    assert len(units) == 2
    assert "November 2015" in units[0].text and "May 2017" in units[1].text


def test_incident_dates_and_places_compatibility() -> None:
    march = DateSpan(date(2024, 3, 1), date(2024, 3, 31), "month", "March")
    friday = DateSpan(date(2024, 3, 22), date(2024, 3, 22), "day", "Friday")
    july = DateSpan(date(2023, 7, 1), date(2023, 7, 31), "month", "last July")
    assert dates_compatible(march, friday) and not dates_compatible(friday, july)
    moscow = Location("Moscow", "Moscow", "Russia", "RU", 55.75, 37.62, "town")
    krasnogorsk = Location("Krasnogorsk", "Moscow Oblast", "Russia", "RU", 55.82, 37.33, "town")
    kabul = Location("Kabul", "Kabul", "Afghanistan", "AF", 34.53, 69.17, "town")
    russia = Location("Russia", None, "Russia", "RU", 60.0, 100.0, "country")
    assert places_compatible(moscow, krasnogorsk)  # 20 km apart
    assert places_compatible(russia, krasnogorsk)  # the country contains the town
    assert not places_compatible(moscow, kabul)
