"""Whole-pipeline extraction on hand-made articles: one test per hard case a user would notice."""

from __future__ import annotations

from datetime import date

import pytest

from sitrep.model import Article, Report

pytestmark = pytest.mark.model


def _extract(extractor, text: str, published: str = "2024-03-25") -> list[Report]:  # type: ignore[no-untyped-def]
    return extractor.extract(Article(text=text, published=date.fromisoformat(published)))


def _only(reports: list[Report]) -> Report:
    assert len(reports) == 1, [r.to_dict() for r in reports]
    return reports[0]


def test_relative_day_resolves_before_publication(extractor) -> None:  # type: ignore[no-untyped-def]
    report = _only(_extract(extractor, "Gunmen opened fire at a concert hall in Krasnogorsk on Friday evening, killing nearly 140 people."))
    assert report.date is not None
    assert (report.date.start, report.date.precision) == (date(2024, 3, 22), "day")
    assert report.counts.killed is not None and report.counts.killed.best == 140 and report.counts.killed.approx
    assert report.location is not None and report.location.country_code == "RU"
    assert report.realis == "reported"


def test_recalled_attack_is_background_with_its_own_date_and_place(extractor) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Gunmen opened fire at a concert hall near Moscow on Friday evening, killing dozens. "
        "In November 2015, ISIS gunmen stormed the Bataclan theatre in Paris and killed 90 people."
    )
    reports = _extract(extractor, text)
    assert len(reports) == 2
    recalled = reports[1]
    assert recalled.realis == "background"
    assert recalled.date is not None and (recalled.date.start, recalled.date.end) == (date(2015, 11, 1), date(2015, 11, 30))
    assert recalled.location is not None and recalled.location.country_code == "FR"
    assert recalled.counts.killed is not None and recalled.counts.killed.best == 90
    assert [p.name for p in recalled.perpetrators] == ["Islamic State"]


@pytest.mark.parametrize("published", ["2024-03-25", None])
@pytest.mark.parametrize(
    ("text", "killed", "recalled_killed"),
    [
        # the time the news came after: an earlier incident, whose toll is not the news's
        ("An explosion caused by a car bomb rocked the Syrian city of Aleppo just a day after twin blasts in the "
         "capital killed almost 30 people. The blast took place near a state security office and left at least 3 "
         "people dead and 25 injured.", 3, 30),
        ("Suspected militants on Friday gunned down three workers building a highway in Balochistan, just days "
         "after a similar attack killed 10 labourers in the province.", 3, 10),
        # its motive: the incident avenged
        ("A bomb exploded outside a bar in Narathiwat province, killing two tourists. The blast may have been a "
         "revenge attack for the eighty-five Muslim protesters crushed to death on October 25.", 2, 85),
    ],
)
def test_an_earlier_incident_told_in_passing_is_recalled(  # type: ignore[no-untyped-def]
    extractor, text: str, killed: int, recalled_killed: int, published: str | None
) -> None:
    reports = extractor.extract(Article(text=text, published=date.fromisoformat(published) if published else None))
    assert len(reports) == 2, [r.to_dict() for r in reports]
    news, recalled = reports
    assert news.realis == "reported" and recalled.realis == "background"
    assert news.counts.killed is not None and news.counts.killed.best == killed
    assert recalled.counts.killed is not None and recalled.counts.killed.best == recalled_killed


def test_an_act_some_days_after_is_not_a_recalled_incident(extractor) -> None:  # type: ignore[no-untyped-def]
    # "months after" followed by what came of it, not by an earlier act
    text = ("At least eleven people were killed when a vehicle was hit by a bomb in Achin district. A toddler died "
            "months after, bringing the toll of the bombing to 12.")
    assert all(r.realis == "reported" for r in _extract(extractor, text))


@pytest.mark.parametrize(
    ("text", "gtd"),
    [
        # a shooting or a killing of a person of note is the GTD's assassination...
        ("The head of the Sikh community in Kunduz city was shot dead by unidentified gunmen.", "Assassination"),
        ("Gunmen shot dead a former minister in Bujumbura.", "Assassination"),
        # ...not a stabbing (an armed assault in the GTD), nor a massacre, nor an attack on people of no note
        ("A Serbian politician was stabbed outside his apartment in Mitrovica.", "Armed Assault"),
        ("Gunmen killed a village head and nine other villagers in Borno.", "Armed Assault"),
        ("Gunmen killed five civilians in a village in Borno.", "Armed Assault"),
    ],
)
def test_the_killing_of_a_person_of_note_is_an_assassination(extractor, text: str, gtd: str) -> None:  # type: ignore[no-untyped-def]
    assert _only(_extract(extractor, text)).kind.gtd_attack_type == gtd


@pytest.mark.parametrize(("published", "realis"), [("2011-07-19", "reported"), ("2011-09-19", "background")])
def test_the_lead_incident_told_late_is_still_news(extractor, published: str, realis: str) -> None:  # type: ignore[no-untyped-def]
    text = ("Commandos conducted an operation which resulted in two suspected insurgents being detained in Archi "
            "district, Kunduz province, July 5.")
    assert _only(_extract(extractor, text, published)).realis == realis


@pytest.mark.parametrize(
    ("text", "town"),
    [
        ("Asesinan a golpes a hombre en la ciudad de Reynosa", "Reynosa"),
        ("Ejecutan a dos hombres en Apatzingán, Michoacán", "Apatzingán"),
        ("Dejan 2 cuerpos sobre la carretera Uruapan-Pátzcuaro", "Uruapan"),
        # the NER takes "Ejecutan en Juárez" for a person's name
        ("Ejecutan en Juárez a 4 pese a operativo", "Ciudad Juárez"),
        # a small town of a Spanish text that names no country is looked up in the Spanish-speaking ones
        ("Localizan a tres hombres asesinados en Chilapa", "Chilapa de Álvarez"),
    ],
)
def test_a_spanish_headline_tells_an_incident_and_its_place(extractor, text: str, town: str) -> None:  # type: ignore[no-untyped-def]
    report = _only(_extract(extractor, text, "2010-05-02"))
    assert report.kind.sub_event_type == "Attack" and report.realis == "reported"
    assert report.location is not None and (report.location.name, report.location.country_code) == (town, "MX")


@pytest.mark.parametrize(
    ("text", "sub_event_type", "place", "country"),
    [
        ("Duas pessoas morrem durante tiroteio em São José de Ribamar", "Attack", "São José de Ribamar", "BR"),
        ("Corpos de homem e mulher são encontrados em Petrolina", "Attack", "Petrolina", "BR"),
        ("Homem é sequestrado e assassinado dentro do próprio carro no município de Caucaia",
         "Abduction/forced disappearance", "Caucaia", "BR"),
        # a town of a text that names no country is looked up in the countries that speak its language
        ("Insurgentes atacam aldeia em Macomia e matam cinco pessoas", "Attack", "Macomia", "MZ"),
        ("Burkina : 12 soldats tués dans une embuscade à Djibo", "Armed clash", "Djibo", "BF"),
        ("Des jihadistes tuent trois soldats près de Djibo", "Attack", "Djibo", "BF"),
        ("Ituri : une nouvelle incursion de la CODECO fait 3 morts à Abuluma", "Attack", "Ituri", "CD"),
        ("RCA : violent affrontement entre les rebelles et les mercenaires dans le Mambéré-Kadéï", "Armed clash",
         "Haute-Sangha / Mambéré-Kadéï", "CF"),
    ],
)
def test_a_portuguese_or_french_headline_tells_an_incident_and_its_place(  # type: ignore[no-untyped-def]
    extractor, text: str, sub_event_type: str, place: str, country: str
) -> None:
    report = _only(_extract(extractor, text, "2021-05-02"))
    assert report.kind.sub_event_type == sub_event_type and report.realis == "reported"
    assert report.location is not None and (report.location.name, report.location.country_code) == (place, country)


def test_tues_is_tuesday_not_a_french_killing(extractor) -> None:  # type: ignore[no-untyped-def]
    assert _extract(extractor, "Tues 12 May: talks resume in Geneva.") == []


def test_the_name_of_a_place_is_no_portuguese_killing(extractor) -> None:  # type: ignore[no-untyped-def]
    assert _extract(extractor, "The Matam region of Senegal held a festival; Morto Lake was calm.") == []


@pytest.mark.parametrize(
    "text",
    ["Nine bodies found in US vehicle in Mexico", "Mexico says its troops killed US man"],
)
def test_a_country_named_for_its_people_or_vehicles_is_not_the_scene(extractor, text: str) -> None:  # type: ignore[no-untyped-def]
    report = _only(_extract(extractor, text))
    assert report.location is not None and report.location.country_code == "MX"


@pytest.mark.parametrize(
    ("text", "country"),
    [
        ("Myanmar says nine police killed by insurgents on Bangladesh border", "MM"),  # a neighbour's frontier
        # where he fled to, even named nearer the act than where it happened
        ("About 20 days after he committed a massacre against Syrians who wanted to take a refuge in Turkey…Tahrir "
         "Al-Sham executes the man called “Mohammad al-Jamal” in Idlib", "SY"),
        ("7 bodies found in a Sonora border town, one was wanted in the U.S. for drug trafficking", "MX"),
    ],
)
def test_a_frontier_a_refuge_or_a_warrant_is_not_the_scene(extractor, text: str, country: str) -> None:  # type: ignore[no-untyped-def]
    report = _only(_extract(extractor, text))
    assert report.location is not None and report.location.country_code == country


def test_a_countrys_embassy_is_never_the_scene(extractor) -> None:  # type: ignore[no-untyped-def]
    text = "THE BOMB DAMAGED A BOOK STORE AND OTHER SHOPS, ALL OF WHICH ARE LOCATED NEAR THE U.S.  EMBASSY."
    report = _only(_extract(extractor, text))
    assert report.location is None  # not the United States


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("Mexican gunmen reveal links to cops, reporters", ("Mexico", "MX")),  # attackers named by their country
        ("Several Fatalities for Gvt Troops in Offensives Against Ta’ang Army", ("Myanmar", "MM")),
        # a division the NER took for a person's name still tells the text's country
        ("The situation in Tigray at the beginning of 2021\n\nThe Goda massacre: The story of three brothers",
         ("Tigray", "ET")),
        # a nickname is no town: "El Cano" is not Kano, Nigeria
        ('Zetas: "El Cano" Killed in prison, 3 days after his arrest', ("Mexico", "MX")),
    ],
)
def test_the_country_of_a_text_that_names_none_outright(extractor, text: str, place: tuple[str, str]) -> None:  # type: ignore[no-untyped-def]
    report = _extract(extractor, text)[0]
    assert report.location is not None and (report.location.name, report.location.country_code) == place


@pytest.mark.parametrize(
    ("text", "country"),
    [
        # a small namesake abroad ("Jebel" in Turkmenistan) does not pull the story out of its country
        ("Two Tunisian Army soldiers were killed after their vehicle hit an IED near Jebel ech Chambi, close to "
         "the border with Algeria.", "TN"),
        # a large town is believed wherever the article points ("Khalis", Iraq, with a group named like one
        # of Mozambique)
        ("Fourteen people were killed by a suicide car bombing in Khalis. The Ansar al-Sunnah militant group "
         "claimed responsibility for the attack.", "IQ"),
    ],
)
def test_a_town_abroad_must_be_known_to_set_the_country(extractor, text: str, country: str) -> None:  # type: ignore[no-untyped-def]
    report = _extract(extractor, text)[0]
    assert report.location is not None and report.location.country_code == country


def test_a_town_the_ner_took_for_a_facility_is_read_as_a_town(extractor) -> None:  # type: ignore[no-untyped-def]
    article = Article(text="Human head found in Valle de Juárez", published=date(2024, 3, 25), outlet="El Heraldo de Juárez")
    report = _only(extractor.extract(article))
    assert report.location is not None and (report.location.name, report.location.country_code) == ("Valle de Juárez", "MX")


def test_a_town_inside_an_organisations_name_is_read_as_the_longer_name_the_gazetteer_knows(extractor) -> None:  # type: ignore[no-untyped-def]
    article = Article(text="The regime forces shell Darat Azza and the regime advance south Kweires airbase",
                      published=date(2024, 3, 25), outlet="SOHR")
    report = _only(extractor.extract(article))
    assert report.location is not None and report.location.country_code == "SY"  # not Gaza (alias "Azza")


def test_a_neighbourhood_is_read_as_part_of_the_town_after_it(extractor) -> None:  # type: ignore[no-untyped-def]
    # "La Mora" is also a town in Cameroon: the colonia is Uruapan's
    report = _only(_extract(extractor, "Acribillan a hombre en la colonia La Mora en Uruapan"))
    assert report.location is not None and (report.location.name, report.location.country_code) == ("Uruapan", "MX")


@pytest.mark.parametrize(
    ("text", "place"),
    [
        # "Tula" of "Tula Toli" is no Russian city, in a story of Myanmar
        ("Massacre at Tula Toli: Rohingya recall horror of Myanmar army attack", ("Myanmar", "MM")),
        # a building named after its town still places the attack there, whatever else the text names
        ("Two explosions occurred near the Assam Assembly building, killing two people. The group had been "
         "evicted from Bhutan a year before.", ("Assam", "IN")),
    ],
)
def test_a_town_read_inside_a_longer_name(extractor, text: str, place: tuple[str, str]) -> None:  # type: ignore[no-untyped-def]
    report = _extract(extractor, text)[0]
    assert report.location is not None and (report.location.name, report.location.country_code) == place


def test_a_country_named_as_a_backer_is_not_the_scene(extractor) -> None:  # type: ignore[no-untyped-def]
    report = _only(_extract(extractor, "Factions loyal to Turkey shelled a village, killing three civilians."))
    assert report.location is None
    placed = _only(_extract(extractor, "Militias backed by Iran fired rockets at a base in Anbar, killing two soldiers."))
    assert placed.location is not None and placed.location.country_code == "IQ"


def test_an_armed_group_that_targets_its_enemy_tells_an_attack(extractor) -> None:  # type: ignore[no-untyped-def]
    report = _only(_extract(extractor, "IS targets SDF in al-Raqqa countryside"))
    assert report.location is not None and report.location.country_code == "SY"
    # a company's targets, and targets as a noun, are no attack
    assert _extract(extractor, "The company targets a 5 percent rise in sales.") == []
    assert _extract(extractor, "Militants consider schools soft targets in Kenya.") == []


@pytest.mark.parametrize(
    "text",
    [
        "Syrians found dead with torture marks: activists",
        "Morelia, Michoacán: 20 Executions In Less Than Three Days",
        "At least four raids on areas in Maarat al-Numan",
        "Burma Army Shoots Villager in Pa'an District",
        "Pakistani troops resort to heavy firing along the Line of Control",
        "Wife of CJNG’s “El Misa” Executed",
        "They leave a mutilated body inside a trash can",
        "Kokang rebels have ‘the upper hand’ in fight against junta forces in Shan",
        "Myanmar Resistance Group Claims Attack on Chinese Pipeline Facility",  # infrastructure is attacked in earnest
        "Tank damage and casualties among the regular forces in Idlib",  # a side's losses
        "Seven fighters were boiled to death for attempting to flee the battlefield",
        "A woman was stoned to death in Raqqa",
    ],
)
def test_headline_forms_of_killings_and_raids(extractor, text: str) -> None:  # type: ignore[no-untyped-def]
    assert _only(_extract(extractor, text)).realis == "reported"


def test_a_police_raid_on_drug_dens_is_no_incident(extractor) -> None:  # type: ignore[no-untyped-def]
    assert _extract(extractor, "Police raids on drug dens in Manila") == []
    assert _extract(extractor, "The coach shoots two students a look.") == []  # no armed actor
    assert _extract(extractor, "Search Warrant Executed At Home Of Suspect") == []
    assert _extract(extractor, "The company reported losses for the year.") == []


@pytest.mark.parametrize(
    "text",
    [
        # every grenade of a list of captured weapons, not only the first
        "OUR UNITS CAPTURED 46 M-16 RIFLES, 13 LAW ROCKET LAUNCHERS, 4 M-79 GRENADE LAUNCHERS WITH 40 GRENADES, AND 11 RADIOS.",
        # a campaign against a crime is no fight
        "THE ARMY WILL TAKE PART IN MANEUVERS DESIGNED TO PRACTICE FIGHTING AGAINST DRUG TRAFFICKING.",
        # a demand that violence stop, and calling a man an assassin
        "IMMEDIATELY CEASE REPRESSION, STOP ASSASSINATIONS AND THE USE OF TORTURE ON POLITICAL PRISONERS.",
        "D'AUBUISSON, WHO IS ANOTHER ASSASSIN WHO HAS PARTICIPATED IN CRIMES AGAINST THE PEOPLE.",
        # an attacker named as the one arrested tells no attack
        "The gunman was arrested on Tuesday in Lyon.",
        "Police arrested the suspected bomber in Lyon on Tuesday.",
    ],
)
def test_weapons_campaigns_demands_names_and_arrests_are_no_incident(extractor, text: str) -> None:  # type: ignore[no-untyped-def]
    assert _extract(extractor, text) == []


def test_what_is_about_to_happen_has_not_happened(extractor) -> None:  # type: ignore[no-untyped-def]
    report = _only(_extract(extractor, "Police said a car bomb parked outside the ministry was about to explode."))
    assert report.realis == "hypothetical"


def test_executing_trades_is_no_killing(extractor) -> None:  # type: ignore[no-untyped-def]
    assert _extract(extractor, "The firm executed 5 trades in London.") == []
    assert len(_extract(extractor, "They execute nine in the last hours")) == 1
    assert len(_extract(extractor, "Tijuana: Man executed in gym in La Mesa")) == 1


@pytest.mark.parametrize(
    "text",
    [
        "Commandos from the Indian warship Mysore captured 23 pirates who attacked a merchant vessel on Saturday.",
        "Commandos from INS Tabar captured 23 pirates who attacked a merchant vessel on Saturday.",
    ],
)
def test_a_ship_named_after_a_town_is_no_place(extractor, text: str) -> None:  # type: ignore[no-untyped-def]
    reports = _extract(extractor, text, "2008-12-14")
    assert reports and all(r.location is None for r in reports)


def test_a_clock_time_is_no_year_in_an_undated_article(extractor) -> None:  # type: ignore[no-untyped-def]
    text = "A bomb exploded at a supermarket in Banstead, Surrey, at about 2045 GMT on Friday, killing two people."
    report = _only(extractor.extract(Article(text=text)))
    assert report.date is None  # "Friday" of no known week; not a Friday of the year 2045
    dated = _only(extractor.extract(Article(text="A bomb exploded at a supermarket in Banstead on June 5, 2009, killing two people.")))
    assert dated.date is not None and dated.date.start == date(2009, 6, 5)


@pytest.mark.parametrize(
    "text, town",
    [
        # the NER takes the town for a people's name
        ("A Turkish soldier was killed in a rocket attack by PKK in Çukurca.", "Çukurca"),
        # the NER does not tag it at all
        ("Gunmen killed 11 people outside Pul-i-Alam, capital of Logar Province.", "Pul-e Alam"),
    ],
)
def test_a_small_town_the_ner_missed_is_read_after_in(extractor, text: str, town: str) -> None:  # type: ignore[no-untyped-def]
    report = _only(_extract(extractor, text))
    assert report.location is not None and report.location.name == town and report.location.precision == "town"


def test_where_rockets_were_fired_from_is_not_where_they_hit(extractor) -> None:  # type: ignore[no-untyped-def]
    text = ("Eight people were wounded when rockets fired from an area in Syria controlled by Islamic State "
            "jihadists crashed into the centre of Kilis.")
    report = _only(_extract(extractor, text))
    assert report.location is not None and (report.location.name, report.location.country_code) == ("Kilis", "TR")


def test_foiled_plot_is_not_a_completed_attack(extractor) -> None:  # type: ignore[no-untyped-def]
    report = _only(_extract(extractor, "German police foiled a plot to bomb a synagogue in Berlin on Tuesday, the interior ministry said."))
    assert report.status == "foiled"
    assert report.kind.event_type == "Strategic developments"
    assert report.counts.killed is None


def test_claim_and_attribution_are_told_apart(extractor) -> None:  # type: ignore[no-untyped-def]
    text = (
        "A car bomb killed 12 people at a market in Kabul on Monday. "
        "Officials blamed the Taliban for the bombing, but Islamic State claimed responsibility."
    )
    report = _only(_extract(extractor, text))
    attribution = {p.name: p.attribution for p in report.perpetrators}
    assert attribution.get("Islamic State") == "claimed"
    assert attribution.get("Taliban") == "attributed"
    assert report.claim is not None and report.claim.claimed and report.claim.by == "Islamic State"


def test_count_split_across_victims_adds_up(extractor) -> None:  # type: ignore[no-untyped-def]
    text = "In August 2021 a suicide bomber blew himself up at Kabul airport, killing 13 American soldiers and nearly 170 civilians."
    report = _only(_extract(extractor, text))
    killed = report.counts.killed
    assert killed is not None and killed.best == 183 and killed.approx
    assert sorted(p.best for p in killed.parts) == [13, 170]
    assert report.kind.sub_event_type == "Suicide bomb"


def test_killed_and_injured_in_one_phrase(extractor) -> None:  # type: ignore[no-untyped-def]
    text = "In September 2022 a suicide bomber struck outside the Russian embassy in Kabul, killing two staff members and injuring four others."
    report = _only(_extract(extractor, text))
    assert report.counts.killed is not None and report.counts.killed.best == 2
    assert report.counts.injured is not None and report.counts.injured.best == 4
    assert any(t.type == "diplomatic" for t in report.targets)


def test_wire_copy_in_capitals(extractor) -> None:  # type: ignore[no-untyped-def]
    text = "MAIDUGURI, 12 JUN 25 (AGENCY) -- GUNMEN KILLED 12 VILLAGERS IN AN ATTACK ON A VILLAGE NEAR MAIDUGURI ON TUESDAY, POLICE SAID."
    report = _only(_extract(extractor, text, published="2025-06-12"))
    assert report.counts.killed is not None and report.counts.killed.best == 12
    assert report.date is not None and report.date.start == date(2025, 6, 10)
    assert report.location is not None and report.location.country_code == "NG"


def test_a_day_to_come_told_aside_does_not_date_the_attack(extractor) -> None:  # type: ignore[no-untyped-def]
    # "on 1 June" is when the speaker takes office: read as the last 1 June, it dated the
    # bombing ten months back, and a recent attack read as an old one
    text = (
        "Gunmen killed the attorney general in a bomb attack in San Salvador. "
        '"We condemn this attack, it is a guerrilla act," Alfredo Cristiani, who will replace Duarte on 1 June, stated.'
    )
    report = _only(_extract(extractor, text, published="1989-04-19"))
    assert report.date is not None and report.date.start == date(1989, 4, 19), report.date
    # a day told in a clause of its own that looks back still dates the act
    text = "Gunmen killed the attorney general in San Salvador on 14 April, and the president will attend his funeral."
    report = _only(_extract(extractor, text, published="1989-04-19"))
    assert report.date is not None and report.date.start == date(1989, 4, 14)


@pytest.mark.parametrize(
    ("text", "sub_event_type", "targets"),
    [
        # the force that acts is not its own target, and state forces firing on protesters is
        # ACLED's excessive force against them
        ("Security forces shot dead five protesters in Khartoum on Thursday, medics said.",
         "Excessive force against protesters", {"protesters"}),
        ("Police opened fire on demonstrators in Nairobi, killing two.", "Excessive force against protesters", {"protesters"}),
        # gunmen are not the state: an attack on civilians
        ("Gunmen opened fire on protesters in Baghdad, killing three.", "Attack", {"protesters"}),
        # a headline's passive keeps its subject as the target
        ("Policeman shot dead in Kabul.", "Armed clash", {"police"}),
        ("Soldiers killed two militants in Kunar.", "Armed clash", {"armed group"}),
        # the police who freed the hostages rescued them
        ("Police freed 20 hostages in a raid in Lagos on Friday.", "Abduction/forced disappearance", set()),
        # the agent of a passive, however it is hedged, is not its target
        ("Two civilians were shot dead by suspected militants in Srinagar on Wednesday.", "Attack", {"civilians"}),
        ("Three villagers were hacked to death by heavily armed militants in Zamfara.", "Attack", {"civilians"}),
    ],
)
def test_the_subject_of_an_act_is_not_its_target(extractor, text: str, sub_event_type: str, targets: set[str]) -> None:  # type: ignore[no-untyped-def]
    report = _only(_extract(extractor, text))
    assert report.kind.sub_event_type == sub_event_type, report.kind
    assert {t.type for t in report.targets} == targets, report.targets


@pytest.mark.parametrize(
    "text",
    [
        "A man was shot dead in Palmer on Friday, police said.",
        "A man was shot dead in Palmer on Friday, police in Alaska said.",
        "A bomb exploded at a market in Quetta, according to police.",
    ],
)
def test_the_police_who_tell_of_an_act_are_not_its_target(extractor, text: str) -> None:  # type: ignore[no-untyped-def]
    report = _only(_extract(extractor, text))
    assert not any(t.type == "police" for t in report.targets), report.targets
    assert report.kind.event_type != "Battles", report.kind


@pytest.mark.parametrize(
    ("text", "year"),
    [
        ("Three years after the Bataclan massacre, survivors gathered in Paris to remember the victims.", 2015),
        # a day the clause gives is the commemoration's, not the massacre's
        ("Survivors gathered in Paris on Sunday to mark three years since the Bataclan massacre, "
         "in which 90 people were killed.", 2015),
        ("On the anniversary of the Bataclan massacre, survivors gathered in Paris.", None),
    ],
)
def test_an_act_time_is_counted_from_is_recalled_even_as_the_lead(extractor, text: str, year: int | None) -> None:  # type: ignore[no-untyped-def]
    report = _only(_extract(extractor, text, published="2018-11-13"))
    assert report.realis == "background", report.realis
    if year is None:
        assert report.date is None or report.date.inferred is False and report.date.end < date(2018, 11, 13)
    else:
        assert report.date is not None and report.date.start.year <= year <= report.date.end.year, report.date
        assert report.date.end < date(2018, 11, 13)


def test_a_recalled_act_joins_the_incident_it_recalls(extractor) -> None:  # type: ignore[no-untyped-def]
    from sitrep.dedupe import link_score

    then = _only(_extract(extractor, "Gunmen killed 90 people at the Bataclan concert hall in Paris on Friday night.",
                          published="2015-11-14"))
    recalled = _only(_extract(extractor, "Three years after the Bataclan massacre, survivors gathered in Paris.",
                              published="2018-11-13"))
    got = link_score(then, recalled, published_a=date(2015, 11, 14), published_b=date(2018, 11, 13))
    assert got is not None and got[0] >= 0.5, got
    # while a week after it, a few weeks are left to the date: the act is still news
    soon = _only(_extract(extractor, "A week after the bombing of a market in Kabul, police arrested three suspects.",
                          published="2018-11-13"))
    assert soon.realis == "reported" and soon.date is not None and soon.date.precision == "week"


@pytest.mark.parametrize(
    ("text", "country"),
    [
        # the only place of the name is a district of Pakistan: not the Islamic State's Iraq
        ("An explosion at a political rally in Bajaur killed 54 people on Sunday. "
         "The Islamic State claimed responsibility on Monday.", "PK"),
        ("Two were killed and one person injured following a shooting incident in Omeath.", "IE"),
        # but a name that only matches a village by a shortened name is not that village
        ("Explosions rocked the center of the predominantly Shiite Muslim city of Hilah, killing forty people.", None),
    ],
)
def test_a_town_known_in_one_country_only_is_placed_there(extractor, text: str, country: str | None) -> None:  # type: ignore[no-untyped-def]
    report = _extract(extractor, text)[0]
    assert (report.location.country_code if report.location else None) == country, report.location


@pytest.mark.parametrize(
    ("text", "admin1", "country"),
    [
        ("A gunman killed two people in Springfield, police in Illinois said.", "Illinois", "US"),
        ("A gunman killed two people in Springfield, police said.", "Missouri", "US"),  # the larger one
        ("Gunmen killed 12 in Hyderabad, officials in Sindh said.", "Sindh", "PK"),
        ("Gunmen killed 12 in Hyderabad, officials said.", "Telangana", "IN"),
        # a city far better known than a namesake in the province named keeps its rank
        ("A bomb killed five in Kandahar, a Helmand official said.", "Kandahar", "AF"),
    ],
)
def test_a_town_is_looked_for_in_the_provinces_the_article_names(extractor, text: str, admin1: str, country: str) -> None:  # type: ignore[no-untyped-def]
    report = _only(_extract(extractor, text))
    assert report.location is not None
    assert (report.location.admin1, report.location.country_code) == (admin1, country), report.location


@pytest.mark.parametrize(
    ("text", "sub_event_type"),
    [
        # an air force as the doer: its attack, bombs and rockets come from the air
        ("The Salvadoran Air Force attacked a guerrilla camp near Perquin on 22 November.", "Air/drone strike"),
        ("The air force bombed rebel positions in Zacamil on Tuesday.", "Air/drone strike"),
        # an air force as the target is not the weapon
        ("Taliban fighters attacked an air force base in Kabul with rockets on Tuesday, killing two.",
         "Shelling/artillery/missile attack"),
    ],
)
def test_an_air_force_strikes_from_the_air(extractor, text: str, sub_event_type: str) -> None:  # type: ignore[no-untyped-def]
    report = _extract(extractor, text, published="1989-11-23")[0]
    assert report.kind.sub_event_type == sub_event_type, report.kind


@pytest.mark.parametrize(
    ("text", "sub_event_type"),
    [
        # a raid by the police or the army in which people are arrested and nobody is hurt is an arrest
        ("Police raided a house in Mombasa on Sunday and arrested three suspects.", "Arrests"),
        ("Troops raided a village near Maiduguri and detained 20 men, residents said.", "Arrests"),
        # with dead it is not
        ("Soldiers raided a militant hideout in Kunar, killing three insurgents and detaining two.", "Armed clash"),
        ("Gunmen raided a village in Zamfara on Sunday and killed 12 people.", "Attack"),
    ],
)
def test_a_raid_to_arrest_people_is_an_arrest(extractor, text: str, sub_event_type: str) -> None:  # type: ignore[no-untyped-def]
    report = _extract(extractor, text, published="2026-11-20")[0]
    assert report.kind.sub_event_type == sub_event_type, report.kind


@pytest.mark.parametrize(
    ("text", "kidnapped", "arrested"),
    [
        # only a state arrests: an armed group that captures people kidnaps them
        ("The Taliban stormed a checkpoint in Ghazni and captured five policemen.", 5, None),
        ("Islamic State militants captured 20 Iraqi soldiers near Mosul on Friday.", 20, None),
        ("Security forces captured three Taliban commanders in Kandahar on Friday.", None, 3),
    ],
)
def test_people_an_armed_group_captures_are_kidnapped(extractor, text: str, kidnapped: int | None, arrested: int | None) -> None:  # type: ignore[no-untyped-def]
    report = _extract(extractor, text, published="2026-11-20")[0]
    assert (report.counts.kidnapped and report.counts.kidnapped.best) == kidnapped, report.counts
    assert (report.counts.arrested and report.counts.arrested.best) == arrested, report.counts
    if kidnapped:  # nor is the act an arrest
        assert report.kind.sub_event_type != "Arrests", report.kind


def test_a_place_something_spread_to_is_not_the_scene(extractor) -> None:  # type: ignore[no-untyped-def]
    text = ("Hooded youths hurled petrol bombs at stores in the centre of the capital, Athens, as the rioting "
            "spread to the northern city of Thessaloniki.")
    report = _only(_extract(extractor, text, published="2010-05-05"))
    assert report.location is not None and report.location.name == "Athens", report.location


@pytest.mark.parametrize(
    "text",
    [
        # a release told first: the incident is the kidnapping, with all who were taken
        "Gunmen freed 12 of the 30 schoolchildren they seized last week in Kebbi state, a government spokesman said.",
        "Gunmen seized 30 schoolchildren from a boarding school in Kebbi state on Monday.",
    ],
)
def test_schoolchildren_seized_by_gunmen_were_kidnapped(extractor, text: str) -> None:  # type: ignore[no-untyped-def]
    report = _only(_extract(extractor, text, published="2025-06-10"))
    assert report.kind.sub_event_type == "Abduction/forced disappearance", report.kind
    assert report.counts.kidnapped is not None and report.counts.kidnapped.best == 30, report.counts


def test_a_threat_names_its_doer_but_a_threat_of_more_blames_no_one_for_the_act(extractor) -> None:  # type: ignore[no-untyped-def]
    threat = _only(_extract(extractor, "The Taliban threatened to attack polling stations during Saturday's election."))
    assert threat.realis == "hypothetical" and [p.name for p in threat.perpetrators] == ["Taliban"]
    text = ("A suicide bomber killed 12 soldiers at a checkpoint in Mogadishu on Monday. Al-Shabaab, which has vowed "
            "to carry out more attacks, has not claimed the bombing.")
    report = _only(_extract(extractor, text, published="2025-06-10"))
    assert "al-Shabaab" not in [p.name for p in report.perpetrators]


def test_hostages_rescued_in_a_fight_make_it_no_kidnapping(extractor) -> None:  # type: ignore[no-untyped-def]
    text = "Nigerian troops killed 25 Boko Haram fighters and rescued 12 hostages in Sambisa forest on Thursday."
    report = _only(_extract(extractor, text, published="2026-11-22"))
    assert report.kind.sub_event_type == "Armed clash", report.kind
    assert report.trigger == "killed"


def test_a_fire_set_by_killers_is_an_attack(extractor) -> None:  # type: ignore[no-untyped-def]
    text = ("Gang members in Haiti's capital Port-au-Prince killed at least 20 people and set fire to homes in the "
            "Cite Soleil neighbourhood on Thursday, the UN said.")
    report = _only(_extract(extractor, text, published="2026-11-20"))
    assert report.kind.sub_event_type == "Attack", report.kind  # ACLED's property destruction hurts no one
    assert [p.name for p in report.perpetrators] == ["gangs"]
    assert report.counts.killed is not None and report.counts.killed.best == 20
    # a fire that hurt nobody stays property destruction, whoever came armed to set it
    for text in ("Arsonists set fire to a mosque in Kano on Friday.", "Masked men set fire to two schools in Bamenda overnight."):
        report = _only(_extract(extractor, text, published="2026-11-20"))
        assert report.kind.sub_event_type == "Looting/property destruction", (text, report.kind)


def test_an_act_someone_is_described_by_is_not_the_news(extractor) -> None:  # type: ignore[no-untyped-def]
    text = (
        "KABUL, Afghanistan (June 30, 2011) - A Haqqani network leader suspected of providing material support "
        "to the Kabul suicide bomb attack was killed in a precision airstrike in Gardez district, Paktiya province, yesterday."
    )
    report = _extract(extractor, text, published="2011-06-30")[0]
    assert report.kind.sub_event_type == "Air/drone strike", report.kind
    assert report.location is not None and report.location.admin1 == "Paktiya"


@pytest.mark.parametrize(
    ("blame", "group"),
    [
        ("The government accused the Extraditables of the crime.", "The Extraditables"),
        ("The FMLN committed this crime.", "Farabundo Martí National Liberation Front"),
    ],
)
def test_blame_told_in_a_sentence_of_its_own_names_the_perpetrator(extractor, blame: str, group: str) -> None:  # type: ignore[no-untyped-def]
    text = "A bomb exploded at the Avianca office in Bogota today, killing two people. " + blame
    report = _only(_extract(extractor, text, published="1989-11-27"))
    assert [p.name for p in report.perpetrators] == [group]


def test_an_accusation_of_something_else_names_no_perpetrator(extractor) -> None:  # type: ignore[no-untyped-def]
    text = (
        "A bomb exploded at a police checkpoint in Bannu today, killing three policemen. "
        "Islamabad accuses the Taliban government in Kabul of sheltering TTP fighters."
    )
    report = _only(_extract(extractor, text, published="2025-11-19"))
    assert not report.perpetrators, report.perpetrators


def test_a_country_named_of_an_envoy_is_not_where_the_town_is(extractor) -> None:  # type: ignore[no-untyped-def]
    text = (
        "In Beirut, US Ambassador Francis E. Meloy and Economic Counselor Robert O. Waring were kidnapped "
        "by the Popular Front for the Liberation of Palestine and killed a short time later."
    )
    report = _only(_extract(extractor, text, published="1976-06-16"))
    assert report.location is not None and (report.location.name, report.location.country_code) == ("Beirut", "LB")


def test_figurative_violence_words_give_no_incident(extractor) -> None:  # type: ignore[no-untyped-def]
    text = (
        "The opposition leader attacked the budget on Tuesday and the finance minister shot to fame overnight. "
        "His film bombed at the box office, and an army of volunteers knocked on doors. He later suffered a heart attack."
    )
    assert _extract(extractor, text) == []
    # a state of siege is a legal state, not a siege
    assert _extract(extractor, "The government decreed a state of siege in San Salvador on Sunday evening.") == []


def test_threat_is_hypothetical(extractor) -> None:  # type: ignore[no-untyped-def]
    report = _only(_extract(extractor, "The militant group threatened to attack polling stations in Kano during next week's election."))
    assert report.realis == "hypothetical"
    assert report.status == "threatened"


def test_denied_incident_is_negated(extractor) -> None:  # type: ignore[no-untyped-def]
    text = "Videos claimed that an explosion had hit a mosque in Bannu on Tuesday. Police said there was no attack on the mosque."
    report = _only(_extract(extractor, text))
    assert report.realis == "negated"


def test_a_report_called_unfounded_is_negated_even_with_its_wounded(extractor) -> None:  # type: ignore[no-untyped-def]
    text = ("The report that the daughter of the ambassador was seriously wounded by gunfire in San Salvador is "
            "absolutely unfounded.")
    assert _only(_extract(extractor, text)).realis == "negated"
    confirmed = "Reports that two soldiers were killed in an ambush in Kunar were confirmed by the army."
    assert _only(_extract(extractor, confirmed)).realis == "reported"


def test_date_relative_to_the_previous_date(extractor) -> None:  # type: ignore[no-untyped-def]
    text = (
        "In July 2023, militants stormed a police station in Bannu, killing two constables. "
        "Three months later, a roadside bomb struck a police van in the same area, wounding five officers."
    )
    reports = _extract(extractor, text)
    assert len(reports) == 2
    later = reports[1]
    assert later.date is not None and (later.date.start, later.date.precision) == (date(2023, 10, 1), "month")
    assert later.counts.injured is not None and later.counts.injured.best == 5


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("A Palestinian gunman opened fire at a gas station near Eli on Tuesday, killing three Israelis. "
         "The military identified the attacker as Mohannad Shehadeh, 27, from the nearby village of Urif.",
         "Mohannad Shehadeh"),
        ("A man stabbed two people at a train station in Hamburg on Friday. "
         "The attacker was later identified by police as Ibrahim Ahmed, 33.", "Ibrahim Ahmed"),
    ],
)
def test_the_doer_named_in_a_sentence_of_its_own(extractor, text: str, name: str) -> None:  # type: ignore[no-untyped-def]
    report = _only(_extract(extractor, text, "2023-06-21"))
    assert [(p.name, p.attribution) for p in report.perpetrators] == [(name, "attributed")]


def test_the_same_district_of_a_recalled_act_is_not_lost_to_the_country(extractor) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Maoist rebels blew up a vehicle carrying police commandos in India's central state of Chhattisgarh on "
        "Wednesday, killing 10 policemen. The rebels have waged an insurgency for decades in parts of central and "
        "eastern India. In 2010, they killed 76 policemen in an ambush in the same district, the deadliest attack on "
        "security forces in the country."
    )
    blast, ambush = _extract(extractor, text, "2023-04-26")
    assert ambush.realis == "background" and ambush.location is not None
    assert ambush.location.precision != "country" and ambush.location.country_code == "IN"


def test_the_group_is_the_one_told_of_not_its_patron(extractor) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Al-Shabaab militants stormed a hotel in Mogadishu late Sunday, killing at least nine people. "
        "Al-Shabaab, which is linked to al-Qaida, claimed responsibility. "
        "The group has carried out similar attacks on hotels in Mogadishu, including one in August that killed "
        "21 people at the Hayat Hotel."
    )
    siege, earlier = _extract(extractor, text, "2023-03-13")
    assert earlier.counts.killed is not None and earlier.counts.killed.best == 21
    assert [p.name for p in earlier.perpetrators] == ["al-Shabaab"]


def test_a_spanish_story_keeps_its_attack_apart_from_an_earlier_one(extractor) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Asesinan a cinco personas en bar de Celaya\n\n"
        "Celaya, Guanajuato.- Un grupo armado irrumpió la noche del sábado en un bar de la colonia Centro y disparó "
        "contra los clientes, dejando cinco personas muertas y tres heridos, informó la Fiscalía del Estado.\n\n"
        "Hace dos semanas, otro ataque en un bar de la ciudad dejó siete muertos."
    )
    bar, earlier = _extract(extractor, text, "2024-03-10")
    assert bar.location is not None and bar.location.name == "Celaya"  # the colonia is a part of the town
    assert (bar.counts.killed.best, bar.counts.injured.best) == (5, 3)  # type: ignore[union-attr]
    assert earlier.counts.killed is not None and earlier.counts.killed.best == 7
    assert earlier.realis == "background" and earlier.date is not None  # "Hace dos semanas": two weeks before
    assert (earlier.date.start, earlier.date.text) == (date(2024, 2, 22), "Hace dos semanas")


def test_acts_of_the_days_before_are_another_incident(extractor) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Kenyan police opened fire on protesters who stormed parliament in Nairobi on Tuesday, killing at least five "
        "people. The Kenya Human Rights Commission said police had also abducted several protest organisers in the "
        "days before the march."
    )
    shooting, abductions = _extract(extractor, text, "2024-06-25")
    assert shooting.kind.sub_event_type == "Excessive force against protesters"
    assert shooting.counts.kidnapped is None
    assert abductions.kind.sub_event_type == "Abduction/forced disappearance"


def test_a_separate_operation_is_another_incident(extractor) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Suspected jihadists killed at least 40 civilians in an attack on a village in northern Burkina Faso on "
        "Saturday, residents said. No group has claimed the attack. The army said in a statement on Sunday that it "
        "had killed more than 30 terrorists in air strikes near Djibo, about 150 km to the north, in a separate "
        "operation."
    )
    attack, strikes = _extract(extractor, text, "2024-05-13")
    assert attack.counts.killed is not None and attack.counts.killed.best == 40
    assert strikes.kind.sub_event_type == "Air/drone strike" and strikes.location is not None
    assert strikes.location.name == "Djibo"
    assert [p.name for p in strikes.perpetrators] == ["Military forces"]  # the terrorists were struck


def test_blame_for_acts_like_the_one_told_is_no_incident_and_a_suspicion(extractor) -> None:  # type: ignore[no-untyped-def]
    text = (
        "A car bomb exploded near a market in Manbij on Saturday, killing eight people. Turkey and its allies have "
        "blamed similar attacks in the area on the Syrian Democratic Forces, which deny involvement."
    )
    report = _only(_extract(extractor, text, "2024-02-03"))
    assert report.location is not None and report.location.name == "Manbij"
    report = _only(_extract(extractor, "Gunmen killed five in Kano. Past attacks in the city were blamed on Boko Haram."))
    assert ("Boko Haram", "suspected") in [(p.name, p.attribution) for p in report.perpetrators]  # of this one


def test_a_toll_update_is_dated_by_the_act_its_headline_names(extractor) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Death toll in Celaya bar attack rises to six\n\n"
        "CELAYA, Mexico (Reuters) - A sixth person died in hospital on Monday after an attack on a bar in Celaya on "
        "Saturday, prosecutors said."
    )
    report = _only(_extract(extractor, text, "2024-03-11"))
    assert report.date is not None and report.date.start == date(2024, 3, 9)
    assert report.counts.killed is not None and report.counts.killed.best == 6


def test_the_day_of_a_death_after_the_act_does_not_date_the_act(extractor) -> None:  # type: ignore[no-untyped-def]
    text = "A sixth person died in hospital on Monday after an attack on a bar in Celaya on Saturday, prosecutors said."
    report = _only(_extract(extractor, text, "2024-03-11"))
    assert report.date is not None and (report.date.start, report.date.text) == (date(2024, 3, 9), "Saturday")


def test_the_start_of_a_period_is_no_date_to_count_from(extractor) -> None:  # type: ignore[no-untyped-def]
    text = (
        "A suicide bomber rammed into a police checkpoint in Dera Ismail Khan on Friday, killing nine people. "
        "The Pakistani Taliban claimed responsibility. The group has stepped up attacks on security forces since 2022. "
        "A day earlier, gunmen shot dead two polio workers in the nearby district of Bannu."
    )
    reports = _extract(extractor, text, "2023-12-16")
    earlier = next(r for r in reports if r.location is not None and r.location.name == "Bannu")
    assert earlier.date is not None and (earlier.date.start, earlier.date.precision) == (date(2023, 12, 14), "day")


def test_arrests_are_their_own_report(extractor) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Gunmen killed 40 people at a concert hall near Moscow on Friday. "
        "On Saturday the security service said four suspects had been arrested in the Bryansk region."
    )
    reports = _extract(extractor, text)
    kinds = [r.kind.sub_event_type for r in reports]
    assert "Arrests" in kinds and len(reports) == 2
    arrest = reports[kinds.index("Arrests")]
    assert arrest.counts.arrested is not None and arrest.counts.arrested.best == 4
    assert arrest.date is not None and arrest.date.start == date(2024, 3, 23)


def test_two_attacks_in_two_cities_stay_apart(extractor) -> None:  # type: ignore[no-untyped-def]
    text = (
        "A bomb exploded at a market in Maiduguri on Tuesday, killing 12 people. "
        "Separately, gunmen killed five farmers in Zamfara state on Wednesday."
    )
    reports = _extract(extractor, text, published="2025-06-12")
    assert len(reports) == 2
    assert {r.location.admin1 for r in reports if r.location} >= {"Borno"}


def test_follow_up_sentences_join_their_incident(extractor) -> None:  # type: ignore[no-untyped-def]
    text = (
        "A bomb exploded at a crowded cattle market in Konduga on Tuesday morning, killing at least 12 people. "
        "The blast went off as traders gathered. Police blamed suspected Boko Haram insurgents for the attack."
    )
    report = _only(_extract(extractor, text, published="2025-06-10"))
    assert report.counts.killed is not None and report.counts.killed.best == 12
    assert [p.name for p in report.perpetrators] == ["Boko Haram"]


def test_every_evidence_offset_points_into_the_text(extractor) -> None:  # type: ignore[no-untyped-def]
    text = (
        "On Friday evening, as people filed into a concert hall in Krasnogorsk, gunmen opened fire, killing nearly 140 people.\n\n"
        "Islamic State claimed responsibility for the attack."
    )
    report = _only(_extract(extractor, text))
    assert report.evidence
    for name, ev in report.evidence.items():
        assert text[ev.start : ev.end] == ev.sentence, name
        if ev.phrase_start is not None:
            assert text[ev.phrase_start : ev.phrase_end] == ev.phrase, name


def test_a_sentence_wrapped_over_lines_is_read_as_one_and_quoted_as_written(extractor) -> None:  # type: ignore[no-untyped-def]
    text = ("SAN SALVADOR, 3 JAN 90 -- [TEXT] URBAN GUERRILLAS OPENED\nFIRE ON A POLICE PATROL IN SOYAPANGO TODAY,\n"
            "KILLING TWO POLICEMEN.")
    report = _only(_extract(extractor, text, published="1990-01-03"))
    assert report.trigger == "OPENED FIRE"  # the phrase the data files write on one line
    assert report.counts.killed is not None and report.counts.killed.best == 2
    for name, ev in report.evidence.items():
        assert text[ev.start : ev.end] == ev.sentence, name
        if ev.phrase_start is not None:
            assert text[ev.phrase_start : ev.phrase_end] == ev.phrase, name


def test_a_post_marking_its_names_as_hashtags_is_read_and_quoted_as_written(extractor) -> None:  # type: ignore[no-untyped-def]
    text = "#BokoHaram gunmen killed 5 villagers and wounded 3 in #Maiduguri on Monday, #Nigeria army says."
    report = _only(_extract(extractor, text))
    assert [p.name for p in report.perpetrators] == ["Boko Haram"]
    assert report.counts.killed is not None and report.counts.killed.best == 5
    assert report.location is not None and report.location.name == "Maiduguri"
    assert report.evidence["location"].phrase == "Maiduguri"
    assert report.evidence["perpetrators"].phrase == "BokoHaram"
    for name, ev in report.evidence.items():
        assert text[ev.start : ev.end] == ev.sentence, name
        if ev.phrase_start is not None:
            assert text[ev.phrase_start : ev.phrase_end] == ev.phrase, name


def test_a_headline_with_a_word_in_quotes_or_a_colon_run_on_is_read(extractor) -> None:  # type: ignore[no-untyped-def]
    quoted = _only(_extract(extractor, "Tanintharyi Resistance ‘Kills’ 10 Myanmar Junta Troops"))
    assert quoted.counts.killed is not None and quoted.counts.killed.best == 10
    assert quoted.evidence["counts.killed"].phrase.startswith("‘Kills’ 10")  # quoted as written
    run_on = _only(_extract(extractor, "Zacatecas:7 Killed as the Nightmare Continues in Fresnillo"))
    assert run_on.counts.killed is not None and run_on.counts.killed.best == 7
    assert run_on.location is not None and run_on.location.name == "Fresnillo"


def test_a_scene_set_sentences_before_gives_the_incident_its_place_and_date(extractor) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Afghan and coalition forces conducted a security operation in Bermal district, Paktika province, "
        "yesterday. During the operation, the forces identified a group of armed insurgents. The security "
        "force engaged the insurgents with a precision airstrike, killing several of them."
    )
    report = _only(_extract(extractor, text, "2012-07-03"))
    assert report.location is not None and report.location.admin1 == "Paktika"
    assert report.date is not None and report.date.start == date(2012, 7, 2)


def test_a_generic_statement_between_scene_and_incident_is_passed_over(extractor) -> None:  # type: ignore[no-untyped-def]
    text = (
        "An Afghan and coalition security force searched for a Taliban leader in Musa Qal'ah district, "
        "Helmand province, today. The leader conducts attacks against Afghan government officials. "
        "Multiple suspected insurgents were detained during the operation."
    )
    report = _only(_extract(extractor, text, "2012-02-23"))
    assert report.kind.sub_event_type == "Arrests"
    assert report.location is not None and report.location.admin1 == "Helmand"


def test_a_scene_in_another_paragraph_is_not_taken(extractor) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Officials met tribal elders in Kandahar city on Monday.\n\n"
        "Elsewhere, gunmen killed two police officers at a checkpoint."
    )
    report = _only(_extract(extractor, text))
    assert report.location is None or report.location.admin1 != "Kandahar"


def test_what_a_detained_man_did_is_not_another_incident(extractor) -> None:  # type: ignore[no-untyped-def]
    text = (
        "In Balkh district, Balkh province, a combined security force captured a Taliban facilitator during "
        "a security operation yesterday. The facilitator provided supplies to insurgent fighters and organized "
        "attacks against Afghan forces in the province. The security force detained one additional suspected "
        "insurgent during the operation."
    )
    report = _only(_extract(extractor, text, "2011-09-29"))
    assert report.kind.sub_event_type == "Arrests"
    assert report.counts.arrested is not None and report.counts.arrested.best == 2


def test_the_capture_of_a_leader_is_an_arrest(extractor) -> None:  # type: ignore[no-untyped-def]
    text = "Officials confirmed the capture of a Haqqani senior leader in Gardez district, Paktiya province, on Saturday."
    report = _only(_extract(extractor, text, "2011-04-05"))
    assert report.kind.sub_event_type == "Arrests"
    assert report.counts.arrested is not None and report.counts.arrested.best == 1


def test_a_release_number_does_not_date_the_release(extractor) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Coalition Forces Target Taliban Leader with Air Strike in Logar\n"
        "ISAF Joint Command - Afghanistan\u20282010-11-S-260\u2028For Immediate Release\u2028\u2028"
        "KABUL, Afghanistan (Nov. 21) - Coalition forces killed one insurgent during an air strike in Logar province yesterday."
    )
    dates = {r.date.start for r in _extract(extractor, text, "2010-11-21") if r.date is not None}
    assert dates == {date(2010, 11, 20)}


@pytest.mark.parametrize(
    ("text", "day"),
    [
        # the day it was confirmed is not the day it happened
        ("Afghan and coalition forces today confirmed the capture of a Taliban facilitator in Zabul province, June 14.", date(2011, 6, 14)),
        ("Afghan and coalition forces confirmed today the arrest of a Taliban leader in Kandahar province, Friday.", date(2011, 6, 17)),
        # a date that names another event ("Tuesday's attack") does not date this one
        ("A security force detained a Taliban leader responsible for Tuesday's attack in Zharay district today.", date(2011, 6, 21)),
    ],
)
def test_the_date_of_the_act_not_of_its_confirmation_or_of_another_event(extractor, text: str, day: date) -> None:  # type: ignore[no-untyped-def]
    report = _only(_extract(extractor, text, "2011-06-21"))
    assert report.date is not None and report.date.start == day


def test_an_attributive_date_dates_only_the_noun_after_it() -> None:
    from types import SimpleNamespace

    from sitrep.extract.assemble import DocumentContext

    text = "Forces killed one of the leaders behind the June 7 attack on a base on Monday."
    start = text.index("June 7")
    mention = SimpleNamespace(start=start, end=start + len("June 7"), text="June 7")
    assert DocumentContext._dates_another_noun(text, mention, text.index("killed"))
    assert not DocumentContext._dates_another_noun(text, mention, text.index("attack"))
    text = "A force detained a man responsible for Tuesday's attack today."
    start = text.index("Tuesday")
    mention = SimpleNamespace(start=start, end=start + len("Tuesday"), text="Tuesday")
    assert DocumentContext._dates_another_noun(text, mention, text.index("detained"))
    assert not DocumentContext._dates_another_noun(text, mention, text.index("attack"))


def test_a_leader_and_the_suspects_detained_with_him_add_up(extractor) -> None:  # type: ignore[no-untyped-def]
    text = (
        "An Afghan and coalition security force captured a Taliban leader in Maiwand district, Kandahar province, today. "
        "The security force detained two suspected insurgents during the operation."
    )
    report = _only(_extract(extractor, text, "2011-01-28"))
    assert report.counts.arrested is not None and report.counts.arrested.best == 3
    # the same man named again is no one more
    text = text.replace("two suspected insurgents", "the Taliban leader")
    report = _only(_extract(extractor, text, "2011-01-28"))
    assert report.counts.arrested is not None and report.counts.arrested.best == 1


@pytest.mark.parametrize(
    ("text", "arrested"),
    [
        # the detained are one list, whatever side each is told on
        ("An Afghan and coalition security force arrested an Islamic Movement of Uzbekistan leader in Burkah "
         "district, Baghlan province, today. During the operation, the security force also detained one suspected "
         "insurgent.", 2),
        # what a detained man did is no incident of its own, and does not part him from the others detained
        ("A security force arrested a Taliban weapons dealer during an operation in Sangin district, Helmand "
         "province, today. The weapons dealer provided homemade explosives and IED material to Taliban fighters. "
         "The security force also detained two suspected insurgents during the operation.", 3),
        # a group named again with "also" is no addition
        ("A security force captured a Taliban IED expert and several other militants in Kandahar Province this "
         "morning. During the search the security force captured the IED expert. Several other militants were "
         "also captured.", 4),
        # the leader named again by "the": "the targeted individual" is he, not one more
        ("An Afghan and coalition security force captured a Haqqani leader in Khost province today. After initial "
         "questioning at the scene, the security force detained the targeted individual along with two of his "
         "associates.", 3),
        # "also detained" goes on with the arrest, not with the plot told after it that mentions "his arrest"
        ("An Afghan and coalition security force arrested a Taliban network leader during an operation in Kandahar "
         "province today. Prior to his arrest, the leader was believed to be acquiring improvised explosive devices "
         "for an imminent attack. The security force also detained several suspected insurgents as a result of this "
         "operation.", 4),
        # militants named again as insurgents are the same men
        ("Two Haqqani facilitators and two other militants were captured by an Afghan-international security force "
         "in Khost province last night. During the search the joint force captured the Haqqani facilitators. Two "
         "other insurgents were also captured.", 4),
        # a leader the lede's detainees include is no one more
        ("Haqqani Network Leader Captured by Afghan-led Force\n\nAfghan and coalition security forces detained "
         "several insurgents in Khost province overnight, including a Haqqani Network leader responsible for "
         "attacks against coalition forces.", 3),
    ],
)
def test_the_people_detained_in_one_operation_add_up_once(extractor, text: str, arrested: int) -> None:  # type: ignore[no-untyped-def]
    found = [r.counts.arrested.best for r in _extract(extractor, text, "2013-02-09") if r.counts.arrested is not None]
    assert found == [arrested]


def test_an_arrest_operation_targets_the_group_it_sought(extractor) -> None:  # type: ignore[no-untyped-def]
    text = (
        "An Afghan and coalition security force conducted an operation to detain a Taliban leader in Arghandab "
        "district, Kandahar province, today. The security force detained two suspected insurgents during the operation."
    )
    report = _only(_extract(extractor, text, "2011-05-31"))
    assert report.counts.arrested is not None and report.counts.arrested.best == 2  # the leader was sought, not found
    assert "Taliban" in [t.description for t in report.targets]


def test_people_named_again_by_a_definite_plural_are_counted_where_they_were_first_counted(extractor) -> None:  # type: ignore[no-untyped-def]
    text = (
        "As the joint force surrounded the compound in Chapa Dara district, Kunar province, several armed militants "
        "threatened the force. The armed militants, one of them the targeted Taliban commander, were all killed."
    )
    killed = [r.counts.killed for r in _extract(extractor, text, "2010-03-18") if r.counts.killed is not None]
    assert len(killed) == 1 and killed[0].best == 3
    assert killed[0].parts[0].text == "several armed militants"  # the phrase the number comes from
    # counted nowhere before: no number
    text = "Gunmen stormed a bank in Kabul on Monday. The attackers were killed by the police."
    assert all(r.counts.killed is None for r in _extract(extractor, text, "2010-03-18"))


@pytest.mark.parametrize(
    ("text", "country"),
    [
        # a group named by its country, even where its name covers the country's name
        ("2 Soldiers die in northwest Colombia rebel attack", "CO"),
        # a state force that acted: "accused of", "overruns"
        ("Mexican police accused of beating shopkeeper to death", "MX"),
        ("Myanmar armed forces overruns ethnic armed group's base camp in western state", "MM"),
        # a force named with the victims
        ("A Kenya police reservist was killed when Al-Shabaab militants hurled explosives at a bank", "KE"),
    ],
)
def test_an_incident_no_place_names_takes_the_country_of_its_actors(extractor, text: str, country: str) -> None:  # type: ignore[no-untyped-def]
    report = _only(_extract(extractor, text, "2015-01-01"))
    assert report.location is not None and (report.location.country_code, report.location.precision) == (country, "country")


def test_an_incident_no_place_names_takes_the_region_its_group_is_named_after(extractor) -> None:  # type: ignore[no-untyped-def]
    text = "United Liberation Front of Assam (ULFA) militants lobbed a hand grenade at a police patrol, injuring seven people."
    report = _only(_extract(extractor, text, "2015-01-01"))
    assert report.location is not None and (report.location.name, report.location.country_code) == ("Assam", "IN")
    assert report.evidence["location"].confidence == 0.2  # a guess, and said to be one
    # a namesake outside the group's country is not its region (Moro, Pakistan)
    text = "Moro Islamic Liberation Front rebels attacked an army checkpoint, killing two soldiers."
    report = _only(_extract(extractor, text, "2015-01-01"))
    assert report.location is not None and (report.location.country_code, report.location.precision) == ("PH", "country")
    # a place the text names is the place
    text = "ULFA militants lobbed a hand grenade at a police patrol in Guwahati, injuring seven people."
    report = _only(_extract(extractor, text, "2015-01-01"))
    assert report.location is not None and report.location.name == "Guwahati"


def test_people_run_down_by_a_driver_are_a_ramming(extractor) -> None:  # type: ignore[no-untyped-def]
    text = "A Palestinian driver rammed IDF soldiers at a checkpoint in the West Bank, lightly injuring three men."
    report = _only(_extract(extractor, text, "2015-01-01"))
    assert report.counts.injured is not None and report.counts.injured.best == 3
    assert _extract(extractor, "The ship rammed into the pier.", "2015-01-01") == []


def test_an_article_naming_no_country_takes_the_home_country_of_the_group_at_work(extractor) -> None:  # type: ignore[no-untyped-def]
    report = _only(_extract(extractor, "Boko Haram terrorists attacked a village, killing 12 people.", "2015-01-01"))
    assert report.location is not None and (report.location.country_code, report.location.precision) == ("NG", "country")
    assert report.evidence["location"].confidence == 0.2  # a guess, and said to be one
    # a country the article names outright is not overruled
    text = "Boko Haram terrorists attacked a village in Cameroon, killing 12 people."
    report = _only(_extract(extractor, text, "2015-01-01"))
    assert report.location is not None and report.location.country_code == "CM"


def test_a_weak_trigger_against_a_bus_or_a_patrol_is_an_incident_but_words_against_a_government_are_not(extractor) -> None:  # type: ignore[no-untyped-def]
    text = "A bus carrying passengers was attacked in the province of Cabo Delgado. No deaths were reported."
    report = _only(_extract(extractor, text, "2015-01-01"))
    assert report.location is not None and report.location.country_code == "MZ"
    assert _extract(extractor, "The opposition attacked the government's budget plan.", "2015-01-01") == []
    # present tense "stabs"
    text = "A Palestinian worker stabs four civilians in the southern Israeli city of Kiryat Gat."
    assert _only(_extract(extractor, text, "2015-01-01")).location.name == "Kiryat Gat"


@pytest.mark.parametrize(
    "text, country",
    [
        ("Civilians were killed in Aleppo on Monday.", "SY"),
        ("Youths Killed in Sagaing Region", "MM"),  # a headline
        ("High-Ranking Officers Killed by AA in N. Rakhine", "MM"),
        ("A man was shot in Culiacán on Monday.", "MX"),
    ],
)
def test_people_killed_or_shot_at_a_named_place_is_an_incident(extractor, text: str, country: str) -> None:  # type: ignore[no-untyped-def]
    report = _only(_extract(extractor, text, "2015-01-01"))
    assert report.location is not None and report.location.country_code == country


def test_weapons_seized_and_bombs_wished_away_are_no_incident(extractor) -> None:  # type: ignore[no-untyped-def]
    text = ("The troops confiscated 3 submachineguns, 1 Soviet-made RPK automatic rifle, 4 AKM rifles, 1 Dragunov "
            "rifle, over 40,000 cartridges, 3,800 detonating plugs, 200 Bengal lights and 6 grenades.")
    assert _extract(extractor, text, "2015-01-01") == []
    text = ("A police officer said that the weapons -- 348 AK-47 rifles, 118 pistols, fragmentation grenades and "
            "over 100 explosive blocks -- were seized in a warehouse.")
    assert _extract(extractor, text, "2015-01-01") == []
    text = "The presidents feel it is more advantageous to conduct a process of dialogue without bombs and bullets."
    assert all(r.realis == "negated" for r in _extract(extractor, text, "2015-01-01"))
    # whose side one fights on is no fight
    assert _extract(extractor, "The leaflets mention internationalists, who are fighting along with the FMLN.", "2015-01-01") == []
    # "without warning" tells how an attack came
    report = _only(_extract(extractor, "Gunmen opened fire without warning on a crowd in Kabul, killing five.", "2015-01-01"))
    assert report.realis == "reported"


def test_a_death_of_age_or_illness_or_a_mob_boss_is_no_incident(extractor) -> None:  # type: ignore[no-untyped-def]
    assert _extract(extractor, "The man dies in prison at 77.", "2015-01-01") == []
    assert _extract(extractor, "Mob boss 'Oddfather' dies in prison at 77", "2015-01-01") == []
    assert _extract(extractor, "The former commander died of cancer in Kabul on Monday.", "2015-01-01") == []
    # deaths counted in a conflict's news are one, and so is a death beside a weapon or an act
    assert _only(_extract(extractor, "7 die in Nuevo Laredo", "2015-01-01")).counts.killed.best == 7  # type: ignore[union-attr]
    report = _only(_extract(extractor, "Two soldiers died when a grenade exploded in Kabul.", "2015-01-01"))
    assert report.counts.killed is not None and report.counts.killed.best == 2
    report = _only(_extract(extractor, "Gunmen stormed the hotel. Twelve people died.", "2015-01-01"))
    assert report.counts.killed is not None and report.counts.killed.best == 12



@pytest.mark.parametrize(
    "text",
    [
        # deaths and hurts in sleep, falls and disasters
        "She died peacefully in her sleep and had been in declining health, spokesman Harlan Boll said.",
        "British climber dies in New Zealand fall",
        "A British man has been killed after falling around 2,000ft while climbing in New Zealand.",
        "One Australian and one English climber have fallen to their deaths in New Zealand, police confirmed today.",
        "The quake on the outskirts of Dargahan, a small town on the island, injured two people.",
        "Ten dead in southern Iran quake",
        # sport, film, computers, politics and drink-driving
        "Pierre Thomas was placed on injured reserve by the New Orleans Saints on Wednesday.",
        "He was injured during the 13-10 overtime loss to the Atlanta Falcons last Sunday.",
        "Wesley Matthews posted 23 points thanks to perfect 10-for-10 shooting from the floor.",
        "McG said that the project was shooting for a 2011 release date.",
        "The Colts won the turnover battle over the Chiefs.",
        "Microsoft released an emergency patch for a flaw allowing hackers to hijack Internet Explorer browsers.",
        "The agency learned that the administration was running a spying and sabotage campaign against its political enemies.",
        "San Diego Chargers receiver Vincent Jackson was arrested on suspicion of drunk driving on Tuesday morning.",
        "Williams, 32, was arrested around 1:30 a.m. Feb. 1 on state Route 94 on suspicion of drunken driving.",
        "Injured Saints RB Reggie Bush to miss last 2 games",
        "He originally injured it against the Carolina Panthers earlier this season and needed surgery on it.",
        # a belief, a vow, a figure of speech and a range
        "Personally, I was not surprised because I thought she died several years ago.",
        "We just keep fighting.",
        "In a move environmental groups say strikes at the heart of the Endangered Species Act, the administration announced a rule.",
        "The Department of Defense might not see why a plant should be considered when expanding a bombing range.",
    ],
)
def test_deaths_by_mischance_and_everyday_senses_are_no_incident(extractor, text: str) -> None:  # type: ignore[no-untyped-def]
    assert _extract(extractor, text, "2015-01-01") == []


def test_the_tolls_of_a_disaster_story_are_the_disasters(extractor) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Aftershocks jolt Iran's Qeshm island, death toll rises to 10\n"
        "A powerful quake with a magnitude of 6.1 struck southern Iran near the port city of Bandar Abbas.\n"
        "The bodies of two more victims were found in the village of Ziranag, Governor Heydar Alishvandi said.\n"
        "As many as 80 people were also wounded, and he said 50 were injured in Ziranag alone."
    )
    assert _extract(extractor, text, "2005-11-28") == []
    # a story that opens on a quake and goes on to an attack still tells the attack
    text = "A strong earthquake hit the region on Sunday. Militants later attacked a relief convoy, killing three drivers."
    report = _only(_extract(extractor, text, "2005-11-28"))
    assert report.counts.killed is not None and report.counts.killed.best == 3


def test_a_death_by_an_act_in_a_disaster_zone_is_still_one(extractor) -> None:  # type: ignore[no-untyped-def]
    # a weapon or an armed actor in the clause makes it an act, whatever else it tells
    report = _only(_extract(extractor, "Gunmen killed two aid workers in the quake zone near Dargahan on Monday.", "2015-01-01"))
    assert report.counts.killed is not None and report.counts.killed.best == 2
    # the arrest, and the shooting it was made for
    reports = _extract(extractor, "Two men were arrested for the shooting of a police officer in Kabul.", "2015-01-01")
    assert sorted(r.kind.sub_event_type for r in reports) == ["Armed clash", "Arrests"], [r.kind for r in reports]

def test_a_group_blamed_for_the_attack_told_before_is_its_perpetrator_whatever_it_vowed(extractor) -> None:  # type: ignore[no-untyped-def]
    text = (
        "A bomb exploded near a polling station in Farah, killing two. The attack is being blamed on the "
        "Taliban, who have vowed to disrupt national elections."
    )
    report = _only(_extract(extractor, text, "2015-01-01"))
    assert [p.name for p in report.perpetrators] == ["Taliban"]
    text = "A bomb exploded in Kabul. Authorities believe that anarchists might be behind the attack."
    assert [p.name for p in _only(_extract(extractor, text, "2015-01-01")).perpetrators] == ["anarchists"]


def test_a_threat_to_the_force_is_no_threatened_attack(extractor) -> None:  # type: ignore[no-untyped-def]
    text = (
        "During the operation several insurgents presented an immediate threat to the combined force and were "
        "killed, two men were taken into custody by Afghan authorities."
    )
    assert {r.realis for r in _extract(extractor, text, "2010-07-15")} == {"reported"}


def test_a_clock_time_dates_nothing(extractor) -> None:  # type: ignore[no-untyped-def]
    text = "The navy foiled a piracy attempt at about 1100 hrs IST on Saturday in the Gulf of Aden, capturing 23 pirates."
    report = _only(_extract(extractor, text, "2008-12-14"))
    assert report.date is not None and report.date.start == date(2008, 12, 13)


def test_a_longer_place_name_wins_over_the_part_the_ner_saw(extractor) -> None:  # type: ignore[no-untyped-def]
    report = _only(_extract(extractor, "Suspected rebels kill 10 in east DR Congo attack", "2022-08-07"))
    assert report.location is not None and report.location.country_code == "CD"  # not the other Congo


def test_a_peoples_name_does_not_put_a_town_outside_its_country(extractor) -> None:  # type: ignore[no-untyped-def]
    text = ("Ten UN peacekeepers were killed and 25 others were injured when jihadists attacked a UN base "
            "that houses Chadian peacekeepers in Kidal.")
    report = _only(_extract(extractor, text))
    assert report.location is not None and (report.location.name, report.location.country_code) == ("Kidal", "ML")


def test_a_habit_word_in_a_relative_clause_does_not_make_an_attack_generic(extractor) -> None:  # type: ignore[no-untyped-def]
    text = ("At least five people were wounded on Thursday in a suicide car bomb attack on a Mogadishu "
            "restaurant regularly frequented by journalists.")
    report = _only(_extract(extractor, text))
    assert report.counts.injured is not None and report.counts.injured.best == 5


def test_the_hospital_where_the_wounded_died_is_not_the_place(extractor) -> None:  # type: ignore[no-untyped-def]
    text = (
        "The death toll from Tuesday's bombing of a cattle market has risen to 31, officials said. "
        "Nineteen of the wounded died overnight at the State Specialist Hospital in Maiduguri. "
        "The bomb went off on Tuesday at the weekly market in Kawuri, a village in Borno State."
    )
    report = _extract(extractor, text, "2025-06-12")[0]
    assert report.location is not None and report.location.name == "Kawuri"


def test_a_district_the_ner_does_not_tag_is_still_the_place(extractor) -> None:  # type: ignore[no-untyped-def]
    text = ("Islamic State militants beheaded three people in the Khogyani district of the eastern Afghan "
            "province of Nangarhar.")
    report = _only(_extract(extractor, text))
    assert report.location is not None
    assert (report.location.admin1, report.location.precision) == ("Nangarhar", "district")


def test_both_names_again_the_people_just_counted(extractor) -> None:  # type: ignore[no-untyped-def]
    text = ("Two insurgents were killed after firing at the security force in Musa Qala district, Helmand "
            "province; in response, the security force returned fire killing both armed individuals.")
    report = _only(_extract(extractor, text, "2011-10-06"))
    assert report.counts.killed is not None and report.counts.killed.best == 2


@pytest.mark.parametrize(
    ("text", "killed", "injured"),
    [
        # the wounded who later died are the dead, no longer the wounded
        ("Four Israelis were shot and injured in a drive-by shooting near Shilo. One of them died in hospital "
         "the day after.", 1, 3),
        ("A police officer was shot and wounded by the Taliban in Kandahar City. The officer died of his "
         "wounds in the hospital the next day.", 1, 0),
        # but not an attacker who died of his own wounds, nor "he" for two wounded soldiers
        ("An assailant stabbed a man in a shop in Petah Tikva. The man stabbed back. The terrorist later "
         "died of his wounds.", 1, 1),
        ("An assailant stabbed and injured two soldiers in Hebron. The soldiers shot the attacker. He died "
         "of his injuries a day later.", 1, 2),
    ],
)
def test_the_wounded_who_died_are_counted_once_among_the_dead(extractor, text: str, killed: int, injured: int) -> None:  # type: ignore[no-untyped-def]
    report = _only(_extract(extractor, text))
    assert report.counts.killed is not None and report.counts.killed.best == killed
    assert report.counts.injured is not None and report.counts.injured.best == injured


@pytest.mark.parametrize(
    ("text", "place", "country"),
    [
        # a landmark the incident is measured from is not its place
        ("Al-Shabaab militants attacked Afgooye town, about 30 km southwest of Mogadishu. Three civilians "
         "were injured in the attack.", "Afgooye", "SO"),
        # a town the gazetteer does not know, measured from one it knows: the town, in the landmark's country
        ("A suicide bomber blew his car up at a checkpoint in the town of Nofaliya, 127 km east of Sirte, "
         "killing four soldiers.", "Nofaliya", "LY"),
        # a bearing alone after the place just named makes the second place a landmark
        ("A paramedic and three others were seriously injured in a suicide bombing at the medical center in "
         "Efrat, south of Jerusalem.", "Efrat", "IL"),
        # a place that says where someone comes from ("Dubai-based") is not where it happened
        ("Gunmen shot and killed a senior representative of a Dubai-based harbor operator in Bosaso town. "
         "Al-Shabaab claimed responsibility for the attack.", "Bosaso", "SO"),
        # the town in a facility's name is not where it stands when the text says where it stands
        ("A bomb exploded at the Hilton Hotel in London. Two people were killed and 63 were injured.", "London", "GB"),
        ("Gunmen opened fire on patrons of the Heidelberg Tavern in Observatory, Cape Town, killing four people.",
         "Cape Town", "ZA"),
        # an unknown name told as part of a known town is the more precise place, in that town's country
        ("An explosive device exploded near a sheep market in the southwest Baghdad suburb of Suwaib, killing "
         "two people.", "Suwaib", "IQ"),
        # "the city of X" names a town the gazetteer may not know
        ("A suicide attack in the north entrance of the city of Kolofata leaves 5 dead and 25 injured.", "Kolofata", None),
        # a facility named after its town, whatever the NER took it for
        ("A suicide bomber detonated his car as an ISAF convoy was entering Kandahar Airfield, killing a US soldier "
         "and 2 Afghan civilians.", "Kandahar", "AF"),
        ("Two bombings occurred at the Varanasi Junction railway station and the Sankat Mochan Hanuman Temple.",
         "Varanasi", "IN"),
        # where a person comes from describes him, not where he was killed
        ("Police officer Salim Barakat of Yarka was shot dead in Tel Aviv on Friday.", "Tel Aviv", "IL"),
        ("A gunman killed police officer Salim Barakat of Yarka in Tel Aviv.", "Tel Aviv", "IL"),
        # the country owning an embassy is not where it stands
        ("Car bombs struck the embassies of Egypt and the United Arab Emirates in Tripoli, Libya, injuring five "
         "guards.", "Tripoli", "LY"),
        # a name read only up to its particle is read whole when the gazetteer knows it
        ("One captain and seven soldiers died in an attack in rural San Vicente del Caguan (Caqueta).",
         "San Vicente del Caguán", "CO"),
        ("An Indian chief was shot dead in the Venezuelan city of Rosario de Perija in Zulia.",
         "Municipio Rosario de Perijá", "VE"),
        # the article's countries are read from whole names: not the "Luna" of the Philippines
        ("Seven vehicles were set on fire at a military station in Roveré della Luna, Trento Province.",
         "Roverè della Luna", "IT"),
        # a division of a division named with its type word
        ("A roadside bomb exploded in the Safi tehsil of Mohmand Agency in Pakistan, killing two.", "Safi tehsil", "PK"),
        ("Three civilians were shot dead in Zanwara area, Bassa Local Government, Kogi State.", "Zanwara", "NG"),
        # a town the gazetteer does not know, named in the incident's sentence
        ("At least 12 people died in suicide attacks in a town of Fotokol.", "Fotokol", None),
        ("A series of explosions hit the predominantly Christian town of Qaa where at least four suicide bombers "
         "detonated their loads, killing five people.", "Qaa", None),
        # a town read among the countries where the group named is active, even inside its name
        ("At least eight soldiers were injured in a clash with Abu Sayyaf in Patikul.", "Patikul", "PH"),
        ("Two officers were killed when Islamic State militants attacked a checkpoint in the Qayyarah subdistrict.",
         "Al Qayyarah", "IQ"),
        ("Three policemen were injured in an ELN guerrilla attack in the department of Cesar (north).", "Cesar", "CO"),
        # a place read last among the countries where the group at work is active
        ("Eighteen firewood merchants were killed in an ambush by Boko Haram in the Koshebe, in Jere area.",
         "Jere", "NG"),
        ("Shiite men were playing volleyball in the Orakzai tribal district of the Pakistani northwest when a bomb "
         "exploded.", "Orakzai Agency", "PK"),
        # a name the NER read only in part ("Zuweid" as a person), and a possessive place
        ("Ansar Bait al-Maqdis militants attacked an armoured vehicle near Sheikh Zuweid, killing six soldiers.",
         "Ash Shaykh Zuwayd", "EG"),
        ("Four people were lightly injured after being stabbed at two beach hotels on Tel Aviv's waterfront.",
         "Tel Aviv", "IL"),
        # a division the NER took for an organisation
        ("A suicide bomber killed a militia leader within Pakistan's north-western Bajaur Agency.", "Bajaur Agency", "PK"),
        ("Fulani herdsmen attacked Barkin Ladi Local Government Area of Plateau State, killing a pastor.",
         "Barkin Ladi", "NG"),
        ("Two suicide bombers attacked a community in the Konduga Local government area in the state of Borno, "
         "killing three people.", "Konduga", "NG"),
        ("Four people were killed in an attack by armed men in the Kuchlak area.", "Kuchlak", None),
        ("Explosions rocked the center of the predominantly Shiite Muslim city of Hilah, killing forty people.",
         "Hilah", None),
        # a town after a closing bracket and "in", not tagged by the NER
        ("Nine soldiers were killed in an ambush by the National Guerrilla Coordinator (CNG) in Tibú (Norte de Santander).",
         "Tibú", "CO"),
        # a named region told first gives way to a district inside it ...
        ("Two police officers shot dead in Kashmir\n\nTwo police officers were shot dead by suspected militants in "
         "Pulwama district on Sunday evening, police said.", "Pulwama", "IN"),
        # ... but not to a town of its country far from it
        ("Militants shot dead two police officers in Kashmir on Sunday evening. The officers had been posted to Delhi "
         "until last year, police in Delhi said.", "Kashmir", "IN"),
        # a headline's "Sagaing village" is a village of the region the lede names, which a township refines
        ("Myanmar military airstrike kills at least 30 in Sagaing village\n\nA military airstrike on a village in the "
         "central Sagaing region killed at least 30 people on Tuesday. The strike hit a village in Kanbalu township as "
         "residents gathered for a ceremony.", "Kanbalu", "MM"),
        # a part of the town told is not sought elsewhere (there are Kyivskyi districts in several cities)
        ("A Russian missile strike on the northeastern Ukrainian city of Kharkiv killed seven people on Wednesday. The "
         "missiles struck a residential neighborhood and a printing house in the city's Kyivskyi district.",
         "Kharkiv", "UA"),
        # a hall named after a town stands where the text says
        ("One year ago, a suicide bomber killed 63 people at the Dubai City wedding hall in Kabul.", "Kabul", "AF"),
        # a place more precise still inside the one refined to
        ("Boko Haram kills 37 in attack on Nigerian village\n\nBoko Haram militants killed at least 37 people in an "
         "attack on a village in northeast Nigeria's Borno state late on Saturday, residents said on Sunday. The "
         "insurgents stormed Mandarari village in Konduga local government area, opening fire on residents.",
         "Mandarari", "NG"),
        # of two towns one a part of the other, the smaller: the suburb, in either order of the words
        ("Shelling killed 12 people in the Damascus suburb of Douma on Monday.", "Duma", "SY"),
        ("A gunman opened fire at an outlet mall in the Dallas suburb of Allen on Saturday, killing eight people.",
         "Allen", "US"),
        ("A bomb exploded at a restaurant in the Chelsea neighborhood of London, killing two.", "Chelsea", "GB"),
        # but not a namesake of the suburb far away
        ("Unidentified gunmen stormed a house in the Baghdad suburb of Hayy al-Nasr, killing three women inside.",
         "Baghdad", "IQ"),
        # a town written in lower case after a people's word
        ("Two volunteers were killed in a clash in the Syrian town of manbij (northwest).", "Manbij", "SY"),
        # a town and its province with no comma between them
        ("Abu Sayyaf fired mortars at a medical mission in Patikul Sulu, disrupting the mission.", "Patikul", "PH"),
        # a division named after its type, which the NER took for an organisation; not an office
        ("Two soldiers were wounded by a bomb in the Department of Cesar, in Colombia.", "Cesar", "CO"),
        ("Officials of the Department of Justice said two men were shot dead in Texas.", "Texas", "US"),
        # the end of a group's name is no place, even where the NER ran it on
        ("Two aid workers were killed by Islamic State of Iraq and the Levant near Raqqa.", "Ar Raqqah", "SY"),
        # a name read only up to its second word, whole where the group at work is active
        ("ELN rebels stormed the streets of Nuevo Colon (Cesar) and killed four farmers.", "Nuevo Colón", "CO"),
        # an office's seat says less than where the act happened
        ("The president of the neighbourhood board of the municipality of La Laguna was shot dead in the municipality "
         "of Convención, Norte de Santander.", "Convención", "CO"),
        ("The governor of the Punjab province was shot dead by his guard as he left a restaurant in Islamabad.",
         "Islamabad", "PK"),
    ],
)
def test_the_incidents_own_place_among_the_places_a_text_names(extractor, text: str, place: str, country: str | None) -> None:  # type: ignore[no-untyped-def]
    report = _only(_extract(extractor, text))
    assert report.location is not None
    assert (report.location.name, report.location.country_code) == (place, country)


@pytest.mark.parametrize(
    ("text", "country"),
    [
        ("Three Malian soldiers died in an ambush near the border with Burkina Faso.", "ML"),
        # nothing else places it: no country rather than the neighbour's
        ("Gunmen attacked an army outpost near the border with Niger, killing seven soldiers.", None),
        ("Two Ecuadorian journalists were killed by rebels in the border with Colombia.", None),
        # a place named with the country still counts
        ("Rebels attacked a village in the town of Limani near the border with Nigeria in northern Cameroon, killing "
         "two people.", "CM"),
    ],
)
def test_a_country_across_the_border_is_not_where_the_incident_happened(extractor, text: str, country: str | None) -> None:  # type: ignore[no-untyped-def]
    report = _only(_extract(extractor, text))
    assert (report.location.country_code if report.location is not None else None) == country


def test_a_broad_region_named_with_a_country_is_that_countrys_part(extractor) -> None:  # type: ignore[no-untyped-def]
    report = _only(_extract(extractor, "A French soldier was killed in the Sahel region, Mali after a clash with rebels."))
    assert report.location is not None
    assert (report.location.name, report.location.precision, report.location.country_code) == ("Sahel", "region", "ML")


def test_an_incident_nothing_places_is_guessed_in_the_home_country_of_the_group_held_responsible(extractor) -> None:  # type: ignore[no-untyped-def]
    # the group is named in the sentence before the one telling the killing
    report = _only(_extract(extractor, (
        "PKK militants stopped a car driven by a local man in the Saydamli neighborhood. They later tied the man to "
        "a tree and shot him dead."
    )))
    assert report.location is not None and report.location.country_code == "TR"
    assert report.evidence["location"].confidence <= 0.2  # a guess, which deduplication does not read as a place


def test_an_incident_nothing_else_places_is_guessed_in_the_country_of_the_people_named(extractor) -> None:  # type: ignore[no-untyped-def]
    report = _only(_extract(extractor, "Two Egyptian Christians were shot dead by a gunman outside a liquor store."))
    assert report.location is not None and report.location.country_code == "EG"
    assert report.evidence["location"].confidence <= 0.2
    # a country the article names outright wins over the people's
    report = _only(_extract(extractor, "Two Egyptian workers were shot dead by a gunman in Libya."))
    assert report.location is not None and report.location.country_code == "LY"
    # not people who may well be abroad
    for text in (
        "Gunmen shot dead two French tourists at a beach resort.",
        "Four neo-Nazis set fire to a house belonging to a Turkish immigrant family.",
    ):
        report = _only(_extract(extractor, text))
        assert report.location is None


def test_a_neighbourhood_is_in_the_province_named_with_it(extractor) -> None:  # type: ignore[no-untyped-def]
    # not the namesake the gazetteer knows in Istanbul
    report = _only(_extract(extractor, (
        "Militants detonated a homemade bomb in the Bahçelievler neighbourhood of the southeastern Şırnak Province, "
        "killing two soldiers."
    )))
    assert report.location is not None
    assert (report.location.name, report.location.admin1, report.location.country_code) == ("Bahçelievler", "Şırnak", "TR")


@pytest.mark.parametrize(
    ("text", "published", "arrested"),
    [
        # additional detainees belong to the operation told before
        ("In Chak-e Wardak district, Wardak province, a security force captured a Taliban facilitator today. The "
         "security force seized multiple weapons and detained three additional suspected insurgents during the "
         "operation.", "2011-10-06", 4),
        # a figure beats a word for a few that restates it
        ("A combined Afghan and coalition patrol detained a suspected Taliban leader and another wanted associate "
         "during an operation in Jalrayz district, Wardak province, yesterday. Several men were detained during "
         "the operation and 44 pounds of homemade explosive were seized.", "2011-07-22", 2),
        # what a detained man did, told past an apposition, is not another incident
        ("In Zurmat district, Paktika province, an Afghan and coalition security force detained a Taliban leader "
         "during an operation today. The leader, who is an explosives expert, planned and conducted roadside "
         "bombings. The security force detained one additional insurgent as a result of this operation.",
         "2012-05-17", 2),
        # what the force also did, or did during the operation, belongs to the same operation
        ("An Afghan and coalition security force arrested a Haqqani leader in Terayzai district, Khost province, "
         "today. The security force also detained two suspected insurgents and seized multiple grenades.",
         "2013-02-13", 3),
        ("An Afghan and coalition security force captured a Taliban leader during an operation in Maiwand district, "
         "Kandahar province, today. The security force confiscated multiple bomb-making materials and detained two "
         "suspected insurgents during the operation.", "2011-01-28", 3),
        # a detail's "additional" detainee is the one a list told before already holds
        ("Afghan and coalition forces detained a Haqqani network leader along with one suspected insurgent during "
         "an operation in Khost district, Khost province, yesterday. The Haqqani network leader was detained after "
         "his brother identified him. An additional suspected insurgent was detained based on initial questioning "
         "at the scene.", "2011-02-22", 2),
    ],
)
def test_the_detainees_of_one_operation_add_up_as_told(extractor, text: str, published: str, arrested: int) -> None:  # type: ignore[no-untyped-def]
    report = _only(_extract(extractor, text, published))
    assert report.counts.arrested is not None and report.counts.arrested.best == arrested


@pytest.mark.parametrize(
    "text, attacker",
    [
        ("18-year-old Numan Haider stabbed two counter-terrorism officers in Endeavour Hills on Tuesday.", "Numan Haider"),
        ("An Islamic convert, later identified as Michael Zehaf-Bibeau, attacked soldiers at the National War Memorial "
         "with a rifle on Wednesday, killing a reservist.", "Michael Zehaf-Bibeau"),
        ("A Palestinian man identified as Abed al-Rahman al-Barghouthi stabbed an Israeli soldier in Aboud village "
         "on Friday.", "Abed al-Rahman al-Barghouthi"),
        ("Mahmoud Nasim Yousef Gumhouriyya arrived at a checkpoint near Beit Horon on Friday and approached a group of "
         "soldiers when he pulled out a knife and stabbed one of them.", "Mahmoud Nasim Yousef Gumhouriyya"),
        # the act right after the name, past an age, an apposition or where they came from
        ("Tamer Yunis Ahmed (25), resident of the West Bank, stabbed an Israeli man outside a mall in Petah Tikwa.",
         "Tamer Yunis Ahmed"),
        ("Tair Abu Gazala (19) from East Jerusalem stabbed four people using a screwdriver in Tel Aviv.",
         "Tair Abu Gazala"),
        ("Gianluca Casseri, member of Casa Pound opened fire in a suburb market in Florence.", "Gianluca Casseri"),
        ("45-year-old Raid Mohammed Badwan drove his vehicle at three Israeli soldiers near Ramallah.",
         "Raid Mohammed Badwan"),
    ],
)
def test_a_person_named_as_the_attacker_is_the_perpetrator(extractor, text: str, attacker: str) -> None:  # type: ignore[no-untyped-def]
    report = _only(_extract(extractor, text))
    people = [p for p in report.perpetrators if p.actor_type == "individual"]
    assert [(p.name, p.actor_id, p.attribution) for p in people] == [(attacker, None, "attributed")]
    assert report.evidence["perpetrators"].phrase == attacker


@pytest.mark.parametrize(
    "text",
    [
        "Gunmen shot dead John Smith, a local councillor, in Kandahar on Monday, police spokesman Ahmad Wali said.",
        "US Navy SEALs raided a compound belonging to Osama bin Laden on Monday, killing four people.",
        "Commander Ahmad Shah Massoud, who spent years fighting the Soviet occupation, was killed by two suicide "
        "bombers on Sunday.",
        "John Smith, a shopkeeper, was killed when gunmen opened fire on his store in Kandahar on Monday and then "
        "set it on fire.",
        "A bomb killed five soldiers in Kabul on Monday. Taliban spokesman Zabihullah Mujahid claimed responsibility.",
        "Jaffa Street bombing: a suicide bomber blew herself up in Jerusalem on Monday, killing two.",
    ],
)
def test_a_person_named_as_victim_speaker_or_owner_is_no_perpetrator(extractor, text: str) -> None:  # type: ignore[no-untyped-def]
    for report in _extract(extractor, text):
        assert not [p.name for p in report.perpetrators if p.actor_type == "individual"]


@pytest.mark.parametrize(
    "text, group",
    [
        ("A bomb exploded aboard a bus in Nairobi on Monday, killing 26. The Kenyan People Liberation Front claimed "
         "responsibility for the blast.", "Kenyan People Liberation Front"),
        ("A grenade attack on a hotel in Pahalgam killed four people on Monday. Al-Nasireen has claimed responsibility "
         "for the attack.", "Al-Nasireen"),
        # named as a group's name, or described as a group, though a word of the name is "Army"
        ("A bomb killed 4 people in Beirut on Sunday. A previously unknown group calling itself the Army of Martyrs "
         "claimed responsibility.", "Army of Martyrs"),
        ("A bomb killed 4 people in Beirut on Sunday. The Army of Martyrs, a previously unknown group, claimed "
         "responsibility.", "Army of Martyrs"),
    ],
)
def test_a_group_outside_the_registry_that_claims_is_the_perpetrator(extractor, text: str, group: str) -> None:  # type: ignore[no-untyped-def]
    report = _only(_extract(extractor, text))
    assert [(p.name, p.actor_type, p.actor_id, p.attribution) for p in report.perpetrators] == [(group, "group", None, "claimed")]
    assert report.claim is not None and report.claim.by == group


@pytest.mark.parametrize(
    "text, group, attribution",
    [
        ("At least seven Syrian soldiers were killed and ten others were wounded in an attack by the \"Rouse the "
         "Believers\" group in the Jabal al-Akrad mountains on Monday.", "Rouse the Believers", "attributed"),
        ("19 civilians were killed and 8 others were wounded when suspected members of the National Salvation Front "
         "(NAS) launched an attack on the outskirts of Juba on Wednesday.", "National Salvation Front", "suspected"),
        ("An Algerian member of the Turkish-backed National Front for Liberation beheaded a Syrian man on Monday.",
         "National Front for Liberation", "attributed"),
    ],
)
def test_a_group_outside_the_registry_named_as_the_attacker_is_a_perpetrator(extractor, text: str, group: str, attribution: str) -> None:  # type: ignore[no-untyped-def]
    report = _only(_extract(extractor, text))
    assert (group, "group", None, attribution) in [(p.name, p.actor_type, p.actor_id, p.attribution) for p in report.perpetrators]


@pytest.mark.parametrize(
    "text",
    [
        # its people were the victims
        "Three members of the Technical Investigation Corps traveling in a car were killed by gunmen on Monday.",
        "The politician, who was also a member of the Patriotic Union, was assassinated in Medellin on Monday.",
        # an institution
        "The gunman was shot and killed by House of Commons guards on Wednesday.",
        # nothing says it is a group that acted
        "A bomb exploded outside the offices of Acme Holdings in Lagos on Monday, killing two.",
    ],
)
def test_an_organisation_not_named_as_the_attacker_is_no_perpetrator(extractor, text: str) -> None:  # type: ignore[no-untyped-def]
    for report in _extract(extractor, text):
        assert not [p.name for p in report.perpetrators if p.actor_type == "group" and p.attribution != "claimed"]


def test_no_claim_names_no_group(extractor) -> None:  # type: ignore[no-untyped-def]
    report = _only(_extract(extractor, "A bomb killed five soldiers in Mali on Monday. The United Nations said no group "
                                       "claimed responsibility."))
    assert not report.perpetrators and report.claim is not None and not report.claim.claimed


@pytest.mark.parametrize(
    "text, town",
    [
        # the NER tags the town as an organisation; the gazetteer knows it
        ("Three UN peacekeepers died in the explosion of a bomb in Aguelhok on Monday.", "Aguelhok"),
        # the NER sees only "Dera", a town of Ethiopia: the article's country must not come from it
        ("A person was killed and 11 were injured when a motorbike bomb detonated in Dera Murad Jamali on Monday.",
         "Dera Murad Jamali"),
        # a small district town, believable because the Taliban are active in few countries
        ("Taliban militants overran checkpoints in Warduj on Monday, killing 17 policemen.", "Warduj"),
    ],
)
def test_a_town_the_ner_misreads_is_still_the_place(extractor, text: str, town: str) -> None:  # type: ignore[no-untyped-def]
    report = _only(_extract(extractor, text))
    assert report.location is not None and report.location.name == town


@pytest.mark.parametrize(
    "text",
    [
        # a full name: "Palin" is no town of Guatemala, here or where the surname stands alone
        "Sarah Palin's home church was set alight by suspected arsonists. Investigators say Palin's church was torched.",
        # after a title
        "A church was set alight by arsonists on Friday, Gov. Austin told reporters.",
        # a community's and a person's names that are also another name of a Kuwaiti town
        "This terrorist attack took place on May 28, on two Ahmadi mosques simultaneously.",
    ],
)
def test_a_persons_name_is_no_place(extractor, text: str) -> None:  # type: ignore[no-untyped-def]
    report = _only(_extract(extractor, text))
    assert report.location is None


@pytest.mark.parametrize(
    "text, place",
    [
        # in a headline the NER takes capitalised words for a person's name; the town stays
        ("Acapulco Massacre: 25 People Killed, 15 Decapitated", "Acapulco de Juárez"),
        ("Army Shoots Motorcycle Driver Dead in N. Rakhine", "Rakhine"),
    ],
)
def test_a_place_in_a_name_like_headline_stays(extractor, text: str, place: str) -> None:  # type: ignore[no-untyped-def]
    report = _only(_extract(extractor, text))
    assert report.location is not None and report.location.name == place


@pytest.mark.parametrize(
    "text, perpetrator",
    [
        ("Guerrillas of the ELN destroyed a stretch of the Caño Limón-Coveñas pipeline in northeastern Colombia "
         "with explosives.", "National Liberation Army"),
        ("Members of the Aum Shinrikyo cult release deadly sarin gas in a neighborhood of Matsumoto.", "Aum Shinrikyo"),
        ("Islamic State thugs batter two ‘adulterers’ to death with rocks.", "Islamic State"),
        ("A Brooklyn bartender is held for $12,000 ransom by the Black Liberation Army.", "Black Liberation Army"),
    ],
)
def test_acts_told_in_other_words(extractor, text: str, perpetrator: str) -> None:  # type: ignore[no-untyped-def]
    report = _only(_extract(extractor, text))
    assert [p.name for p in report.perpetrators] == [perpetrator]


def test_a_habit_told_in_another_clause_leaves_the_act(extractor) -> None:  # type: ignore[no-untyped-def]
    text = ("An oil pipeline was bombed in Narino on Monday, although the ELN often attacks oil infrastructure "
            "in the area.")
    report = _only(_extract(extractor, text))
    assert report.kind.sub_event_type == "Remote explosive/landmine/IED"
    # in the act's own clause the habit still makes it no incident
    assert _extract(extractor, "The ELN often attacks oil pipelines in the area.") == []


def test_the_attack_points_back_past_an_arrest(extractor) -> None:  # type: ignore[no-untyped-def]
    text = ("Ten people were killed in a bomb attack on a security firm in Kabul on Monday. In January, a judge was "
            "arrested in connection with this attack. The Taliban is reportedly responsible for this attack.")
    reports = _extract(extractor, text)
    assert [p.name for p in reports[0].perpetrators] == ["Taliban"]
    assert all(not r.perpetrators for r in reports[1:])


@pytest.mark.parametrize(
    "text, town",
    [
        # the NER reads the name as an organisation, the gazetteer does not know it
        ("A bomb killed three Peshmerga fighters and injured two others in Jalawla, Iraq, on Monday.", "Jalawla"),
        ("A suicide car bomber attacked a police station in Khan al-Baghdadi in Iraq on Monday, killing sixteen "
         "policemen.", "Khan al-Baghdadi"),
        # a name of three words the NER took for a person's, after "in"
        ("A makeshift bomb exploded in a popular marketplace in Khan Beni Saad, Iraq, killing four people.",
         "Khan Beni Saad"),
    ],
)
def test_a_town_the_gazetteer_does_not_know_keeps_its_name(extractor, text: str, town: str) -> None:  # type: ignore[no-untyped-def]
    report = _only(_extract(extractor, text))
    location = report.location
    assert location is not None and location.name == town and location.precision == "town"
    assert location.lat is None and location.geonameid is None and location.country_code == "IQ"
    assert report.evidence["location"].confidence == pytest.approx(0.3)


def test_a_town_the_gazetteer_does_not_know_beats_the_province_named_further_from_the_act(extractor) -> None:  # type: ignore[no-untyped-def]
    text = ("The deputy governor of the central Afghan province of Logar and his two bodyguards were killed in a "
            "Taliban ambush in Waghjan.")
    location = _only(_extract(extractor, text)).location
    assert location is not None
    assert (location.name, location.precision, location.admin1, location.country_code) == ("Waghjan", "town", "Logar", "AF")


def test_a_town_is_read_first_in_the_countries_of_the_group_at_work(extractor) -> None:  # type: ignore[no-untyped-def]
    # Banki is a larger town in India, but Boko Haram works in Nigeria and its neighbours
    text = "Boko Haram ambushed an NGO convoy in the town of Banki in the Borno State, killing 2 soldiers."
    location = _only(_extract(extractor, text)).location
    assert location is not None and (location.name, location.country_code) == ("Banki", "NG")


def test_a_province_named_after_its_type_word_is_found_without_the_ner(extractor) -> None:  # type: ignore[no-untyped-def]
    text = "Three soldiers were wounded in an attack by Kurdish militants in the eastern province of Van."
    location = _only(_extract(extractor, text)).location
    assert location is not None and (location.name, location.country_code) == ("Van", "TR")


def test_a_district_the_gazetteer_does_not_know_keeps_its_name(extractor) -> None:  # type: ignore[no-untyped-def]
    text = ("The former president of Argentina Pedro Eugenio Aramburu was kidnapped and shot dead by Montoneros "
            "guerrillas in the argentinian district of Timote.")
    location = _only(_extract(extractor, text)).location
    assert location is not None and (location.name, location.precision, location.country_code) == ("Timote", "district", "AR")


@pytest.mark.parametrize(
    "text, place, country",
    [
        # a town the NER took for an organisation, read in the country whose people the text names
        ("A soldier was shot dead in Fortul in the Colombian department of Arauca.", "Fortul", "CO"),
        # "the town of X" names a town even without "in" before it
        ("Three people were killed when Boko Haram attacked the town of Michika.", "Michika", "NG"),
        # the district a possessive chain ends on, not the owner's first word or an actor's place name
        ("Militants threw a grenade at a camp in Jammu and Kashmir's Pulwama district in India.", "Pulwama", "IN"),
        ("Four Assam Rifles personnel were killed in an ambush by militants of the National Socialist Council of "
         "Nagaland in Nagaland's Mon district.", "Mon", "IN"),
    ],
)
def test_the_most_precise_place_a_chain_or_a_phrase_names(extractor, text: str, place: str, country: str) -> None:  # type: ignore[no-untyped-def]
    report = _only(_extract(extractor, text, "2015-01-01"))
    assert report.location is not None and (report.location.name, report.location.country_code) == (place, country)


def test_an_institution_is_no_unknown_town(extractor) -> None:  # type: ignore[no-untyped-def]
    report = _only(_extract(extractor, "A bomb exploded in Parliament in Iraq on Monday, killing five."))
    assert report.location is not None and report.location.precision == "country"


def test_an_event_named_by_its_place_is_no_unknown_town(extractor) -> None:  # type: ignore[no-untyped-def]
    text = "Yvonne Hiller, Accused in Kraft Shooting, killed two co-workers, police said."
    report = _only(_extract(extractor, text))
    assert report.location is None


@pytest.mark.parametrize("address", [
    "https://www.nydailynews.com/new-york/2013/04/12/york-gunmen-killed-mother",
    "http: / / www. nydailynews. com / new - york / gunmen - killed - mother - article - 1. 1312345",  # tokenised
])  # fmt: skip
def test_a_page_address_is_not_read_as_a_sentence(extractor, address: str) -> None:  # type: ignore[no-untyped-def]
    text = f"{address}\nGunmen killed a mother of 13 in Brownsville, Brooklyn, on Thursday."
    report = _only(_extract(extractor, text))
    assert report.location is not None and report.location.country_code == "US"
    assert all("www" not in e.sentence for e in report.evidence.values())


def test_a_sentence_that_turns_to_another_incident_is_two(extractor) -> None:  # type: ignore[no-untyped-def]
    text = ("A car bomb killed 28 pilgrims in Karbala on Monday, while in the capital Baghdad a roadside bomb exploded "
            "near a minibus, killing four pilgrims.")
    reports = _extract(extractor, text)
    assert [(r.location.name if r.location else None, r.counts.killed.best if r.counts.killed else None)
            for r in reports] == [("Karbala", 28), ("Baghdad", 4)]


def test_while_another_act_is_another_incident(extractor) -> None:  # type: ignore[no-untyped-def]
    text = ("A drone strike killed 11 militants near the border on Monday while a car bomb exploded in Quetta, "
            "killing one.")
    reports = _extract(extractor, text)
    assert [(r.kind.sub_event_type, r.counts.killed.best if r.counts.killed else None) for r in reports] == [
        ("Air/drone strike", 11), ("Remote explosive/landmine/IED", 1)]


def test_grenades_found_in_a_search_are_no_attack(extractor) -> None:  # type: ignore[no-untyped-def]
    text = ("Upon searching the vehicle, the force discovered and seized 2,205 pounds (1,000 kgs) of heroin, one AK-47 "
            "rifle and two rocket-propelled grenades on Monday.")
    assert not [r for r in _extract(extractor, text) if r.kind.sub_event_type == "Grenade"]
    hurled = _only(_extract(extractor, "Militants hurled a grenade at a police station in Srinagar on Monday."))
    assert hurled.kind.sub_event_type == "Grenade"


@pytest.mark.parametrize(
    "text, place, country",
    [
        # a town the gazetteer does not list, placed in the country its demonym names
        ("A policeman was killed in an attack on their patrol in the Saudi town of Qadif on Monday.", "Qadif", "SA"),
        # a word before the type of place that is no demonym is left out of the phrase
        ("A car bomb killed seven people at a market in the Shia town of Tuz Khormato on Monday.", "Tuz Khurmatu", "IQ"),
        # a town the NER calls an organisation, placed by "in the ... area"
        ("Three soldiers were killed when they stepped on explosives in the Tibú area on Monday.", "Tibú", "CO"),
    ],
)
def test_places_named_with_what_kind_of_place_they_are(extractor, text: str, place: str, country: str) -> None:  # type: ignore[no-untyped-def]
    report = _only(_extract(extractor, text))
    assert report.location is not None and (report.location.name, report.location.country_code) == (place, country)


def test_an_incident_with_no_place_of_its_own_takes_the_one_place_the_article_names(extractor) -> None:  # type: ignore[no-untyped-def]
    text = (
        "A security force stopped a vehicle during an operation in Reg-e Khan Neshin district, Helmand province, "
        "on Monday.\n\nFour men were detained."
    )
    reports = _extract(extractor, text)
    arrest = next(r for r in reports if r.kind.sub_event_type == "Arrests")
    assert arrest.location is not None and arrest.location.admin1 == "Helmand"
    assert arrest.evidence["location"].confidence <= 0.3  # said so by the article, not by the incident's clauses


def test_an_incident_told_as_the_result_of_an_operation_takes_its_scene_across_a_paragraph(extractor) -> None:  # type: ignore[no-untyped-def]
    text = (
        "KABUL, Afghanistan (July 26, 2011) - A security force stopped a vehicle during an operation in Reg-e Khan "
        "Neshin district, Helmand province, yesterday.\n\nThe force seized 1,000 kilograms of heroin.\n\n"
        "Four men were detained as a result of the operation."
    )
    reports = _extract(extractor, text, published="2011-07-26")
    arrest = next(r for r in reports if r.kind.sub_event_type == "Arrests")
    assert arrest.date is not None and arrest.date.start == date(2011, 7, 25) and not arrest.date.inferred
    assert arrest.location is not None and arrest.location.admin1 == "Helmand"


def test_a_country_wide_summary_takes_the_one_place_its_detail_names(extractor) -> None:  # type: ignore[no-untyped-def]
    text = (
        "KABUL, Afghanistan (March 30, 2011) - International Security Assistance Force killed numerous insurgents "
        "during a clearing operation in eastern Afghanistan, today. An ISAF air weapons team supporting ground forces "
        "declared an imminent threat on numerous armed insurgents in Sar Kani district, Kunar province."
    )
    report = _only([r for r in _extract(extractor, text, "2011-03-30") if r.counts.killed is not None])
    assert report.location is not None and report.location.admin1 == "Kunar"
    assert report.evidence["location"].confidence <= 0.3


def test_a_statement_about_a_leader_sets_no_scene(extractor) -> None:  # type: ignore[no-untyped-def]
    text = (
        "A combined Afghan and coalition security force conducted an operation in search of a Taliban facilitator "
        "in Kajaki district, Helmand province, today.\n\nThe facilitator operates and funds an insurgent cell in "
        "Musa Qal'ah district. He also distributes weapons and explosives for use in attacks against coalition "
        "forces.\n\nDuring the operation, an insurgent armed with an AK-47 and multiple grenades displayed hostile "
        "intent. Responding to the immediate threat, the security force engaged and killed the insurgent."
    )
    reports = _extract(extractor, text, "2012-01-16")
    killed = next(r for r in reports if r.counts.killed is not None)
    assert killed.location is not None and killed.location.name == "Kajaki"  # the operation's, not the cell's
    assert not any("distributes" in r.evidence["kind"].sentence for r in reports)  # a habit, not an incident


def test_a_place_named_before_a_weekday_keeps_its_name(extractor) -> None:  # type: ignore[no-untyped-def]
    from sitrep.extract.places import named_areas

    assert [name for _, _, name in named_areas("in the same area of Helmand Province Saturday, a force")] == [
        "Helmand Province"
    ]
    assert [name for _, _, name in named_areas("the town of Bama on Monday")] == ["Bama"]


def test_a_rule_line_ends_one_story(extractor) -> None:  # type: ignore[no-untyped-def]
    text = (
        "A security force detained two suspected insurgents in Paktiya province on Saturday.\n\n---\n\n"
        "Logar-based Taliban Leaders Captured\n"
    )
    reports = _extract(extractor, text, "2010-09-06")
    assert len(reports) == 2
    assert reports[0].location is not None and reports[0].location.admin1 == "Paktiya"


@pytest.mark.parametrize(
    ("text", "province"),
    [
        ("Afghan and coalition security forces detained several suspected insurgents in Paktiya province Thursday "
         "while in pursuit of a Taliban sub-commander operating in Mata Khan district.", "Paktiya"),
        ("Afghan and coalition security forces captured a Haqqani sub-commander in Khost province overnight. The "
         "security force detained several insurgents including the commander, who was in charge of operations in "
         "Paktiya province.", "Khost"),
    ],
)
def test_where_a_person_operates_does_not_place_the_incident(extractor, text: str, province: str) -> None:  # type: ignore[no-untyped-def]
    reports = _extract(extractor, text, "2010-09-24")
    assert [r.realis for r in reports] == ["reported"]  # "including the commander" recalls no other incident
    assert reports[0].location is not None and reports[0].location.admin1 == province


def test_a_province_holding_every_place_named_is_the_articles_one_place(extractor) -> None:  # type: ignore[no-untyped-def]
    text = (
        "A security force detained a Taliban facilitator in Kandahar province yesterday.\n\n"
        "The facilitator planned attacks in the Zharay district of the province.\n\n"
        "In another operation, insurgents attacked a patrol, killing two soldiers."
    )
    attack = next(r for r in _extract(extractor, text, "2010-12-30") if r.counts.killed is not None)
    assert attack.location is not None and (attack.location.name, attack.location.precision) == ("Kandahar", "province")


def test_a_provincial_dateline_places_an_incident_nothing_else_places(extractor) -> None:  # type: ignore[no-untyped-def]
    text = "KUNDUZ, Afghanistan (July 17, 2011) - Afghan commandos detained four insurgents during operations, July 12."
    report = _only(_extract(extractor, text, "2011-07-17"))
    assert report.location is not None and report.location.admin1 == "Kunduz"
    assert report.evidence["location"].confidence <= 0.25
    # a dateline from the capital says where the story was filed, not where things happened
    capital = _only(_extract(extractor, text.replace("KUNDUZ", "KABUL"), "2011-07-17"))
    assert capital.location is None or capital.location.precision == "country"


def test_a_person_introduced_by_name_is_no_place_later(extractor) -> None:  # type: ignore[no-untyped-def]
    text = (
        "A combined Afghan and coalition security force conducted an operation in search of a Taliban leader named "
        "Malawi Sahib in Baraki Barak district, Logar province, today. Assessing an immediate threat, the security "
        "force fired, killing Malawi Sahib."
    )
    reports = _extract(extractor, text, "2011-12-16")
    killed = next(r for r in reports if r.counts.killed is not None)
    assert killed.location is not None and killed.location.country_code == "AF"


@pytest.mark.parametrize(
    "text, killed",
    [
        # a count that names nobody restates the insurgents' toll
        ("Three armed insurgents were killed by a security force in Sherzad district, Nangarhar province, today. "
         "During the search, five insurgents opened fire on the troops. The security force returned fire, killing three.", 3),
        ("Seventeen Killed During Security Operation in Kunar\nAfghan and coalition forces killed seventeen insurgents "
         "during a security operation in Dangam district, Kunar province, last night.", 17),
        # a larger toll of victims and the attackers' dead add up
        ("Gunmen stormed a hotel in Mogadishu on Monday, killing 15 before three attackers were killed.", 18),
    ],
)
def test_a_count_that_names_nobody_restates_rather_than_adds(extractor, text: str, killed: int) -> None:  # type: ignore[no-untyped-def]
    reports = [r for r in _extract(extractor, text) if r.counts.killed is not None]
    assert max(r.counts.killed.best or 0 for r in reports) == killed


def test_a_count_known_by_its_minimum_beats_a_smaller_exact_one(extractor) -> None:  # type: ignore[no-untyped-def]
    text = (
        "A combined Afghan and coalition force killed numerous insurgents during a security operation in Sayad "
        "district, Sar-e Pul province, yesterday. One of the insurgents died after reaching a hospital."
    )
    report = _only([r for r in _extract(extractor, text, "2011-04-17") if r.counts.killed is not None])
    killed = report.counts.killed
    assert killed is not None and killed.best is None and killed.min == 2  # "numerous": at least 2, not the one


def test_a_count_is_never_cut_between_two_clauses(extractor) -> None:  # type: ignore[no-untyped-def]
    # the headline's year anchors the bombing apart from the clause that kills; the count's words
    # ("Eighteen people, mostly children and their mothers, were killed") stay in one clause
    text = ("2004 Dhemaji school bombing: Eighteen people, mostly children and their mothers, were killed when a bomb "
            "exploded outside Dhemaji College.")
    report = _only(_extract(extractor, text))
    assert report.counts.killed is not None and report.counts.killed.best == 18


@pytest.mark.parametrize(
    ("text", "killed"),
    [
        ("A suicide bomber killed 22 and injured 55 at a political rally in Baqubah. Other attacks across the "
         "country killed 7 and injured 9 others.", [22, 7]),
        ("A car bomb killed 12 people in Sadr City. Additionally, an IED exploded at al-Yusufiya, killing four.", [12, 4]),
        ("A huge car bomb exploded in Damascus, killing 61. In addition, three bombings killed 22 in the suburb of "
         "Barzeh.", [61, 22]),
        ("A suicide bombing in Peshawar killed at least 18 and injured 49 others, while another attack in "
         "Balochistan killed four.", [18, 4]),
    ],
)
def test_a_round_up_tells_its_incidents_apart(extractor, text: str, killed: list[int]) -> None:  # type: ignore[no-untyped-def]
    reports = _extract(extractor, text)
    assert [r.counts.killed.best if r.counts.killed else None for r in reports] == killed


@pytest.mark.parametrize(
    "text",
    [
        # "in addition" with the same actors goes on with the same operation
        "Afghan forces captured a Taliban facilitator in Qalat district on Tuesday. In addition, the security force "
        "also detained two suspected insurgents.",
        # a later claim speaks of the incident told
        "Gunmen kidnapped a senator in Medellin on Tuesday. Hours later, the Extraditables claimed responsibility "
        "for the kidnapping.",
    ],
)
def test_a_cue_of_another_incident_does_not_cut_the_same_one(extractor, text: str) -> None:  # type: ignore[no-untyped-def]
    assert len(_extract(extractor, text)) == 1


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # the NER left out the first name: the name opening the sentence is taken whole
        ("Abed Mohamed Abed Rabu Dawiat (19) and his gang ambushed and stoned an Israeli vehicle in Jerusalem.",
         "Abed Mohamed Abed Rabu Dawiat"),
        # the NER took the person for an organisation; opening the sentence and acting, they are the attacker
        ("Baraa Issa stabbed and wounded an Israeli civilian in Sha'ar Binyamin Industrial Zone and then fled the scene.",
         "Baraa Issa"),
        # the NER missed the name altogether: capitalised words opening the sentence, then the act
        ("Barend Strydom, a Christian Afrikaner, shot and killed seven people in Strijdom Square, Pretoria.",
         "Barend Strydom"),
        ("In the Cave of the Patriarchs massacre, Israeli Baruch Goldstein kills 29 and injures 125 worshippers "
         "in Hebron.", "Baruch Goldstein"),
    ],
)
def test_a_person_who_opens_the_sentence_and_acts_is_the_attacker(extractor, text: str, name: str) -> None:  # type: ignore[no-untyped-def]
    report = _only(_extract(extractor, text))
    assert name in [p.name for p in report.perpetrators]


@pytest.mark.parametrize(
    "text",
    [
        "Suicide Bomber kills five in Kabul market",  # in a headline, capitals mark no name
        "Gunmen Kill Five In Kabul Market Attack",
    ],
)
def test_capitalised_common_words_in_a_headline_are_no_attacker(extractor, text: str) -> None:  # type: ignore[no-untyped-def]
    report = _only(_extract(extractor, text))
    assert all(p.actor_type != "individual" for p in report.perpetrators)


def test_a_weak_act_called_deadly_is_an_incident(extractor) -> None:  # type: ignore[no-untyped-def]
    report = _only(_extract(extractor, "Northern Burkina Faso hit by two new deadly attacks"))
    assert report.location is not None and report.location.country_code == "BF"
    assert _extract(extractor, "Twitter users attacked the deadly policy.") == []


@pytest.mark.parametrize(
    ("text", "country"),
    [
        ("Five Slain at Mexican Hospital", "MX"),
        ("Gunmen killed ten people in the Mexican state of Guerrero.", "MX"),
        ("10 Die in wave of drug-related violence in Mexican Gulf state", "MX"),  # a state named by its region
        ("The Turkish state killed five.", None),  # the state as a government places nothing
        ("Gunmen killed two British tourists.", None),  # the victims' nationality places nothing
    ],
)
def test_a_demonym_before_a_place_noun_gives_the_country(extractor, text: str, country: str | None) -> None:  # type: ignore[no-untyped-def]
    report = _only(_extract(extractor, text))
    assert (report.location.country_code if report.location else None) == country


@pytest.mark.parametrize(
    ("text", "injured"),
    [
        # "other" opening its sentence adds people to those counted before ...
        ("A car bombing seriously wounded a senior security official and killed one of his guards. Four other "
         "guards were wounded in the attack.", 5),
        # ... but the same people told again, in words or in figures, are not added twice
        ("The blast killed five people and wounded 20 others. Twenty others were wounded, police said.", 20),
    ],
)
def test_other_people_add_to_a_count_and_a_restated_count_does_not(extractor, text: str, injured: int) -> None:  # type: ignore[no-untyped-def]
    report = _only(_extract(extractor, text))
    assert report.counts.injured is not None and report.counts.injured.best == injured


def test_people_told_as_more_are_added_though_their_noun_is_the_same(extractor) -> None:  # type: ignore[no-untyped-def]
    report = _only(_extract(extractor, "A soldier was killed when a bomb went off. Another soldier was executed."))
    assert report.counts.killed is not None and report.counts.killed.best == 2


def test_they_acting_after_a_group_is_that_group(extractor) -> None:  # type: ignore[no-untyped-def]
    # the second sentence's act is weak alone ("shot"): done to a person, after a clause that
    # named an armed group, it is an incident, and "They" is that group
    text = ("PKK militants reportedly stopped a car driven by a man in the Saydamli neighborhood. They later tied the "
            "man to a tree and shot him before setting the vehicle on fire.")
    report = _only(_extract(extractor, text))
    assert [p.name for p in report.perpetrators] == ["Kurdistan Workers' Party"]
    # with no armed actor before, "shot them" alone is no incident
    assert _extract(extractor, "The photographer shot them at the party.") == []


@pytest.mark.parametrize(
    "text",
    [
        "The church received $1 million in damage from a fire that was deliberately set Friday night.",
        "No one was injured in the fire last night, which was intentionally set while people were inside.",
        "The evangelical church she attends was nearly destroyed by arsonists.",
    ],
)
def test_a_fire_set_on_purpose_is_arson(extractor, text: str) -> None:  # type: ignore[no-untyped-def]
    report = _only(_extract(extractor, text))
    assert report.kind.sub_event_type == "Looting/property destruction"


@pytest.mark.parametrize(
    "text",
    [
        "A fire that ripped through a supermarket in Banstead is being treated as ``potentially suspicious'', police said.",
        "The blaze, which is being treated by police as potentially suspicious, destroyed the store on Friday night.",
        "A suspicious fire destroyed the Wasilla Bible Church on Friday night.",
        "The fire chief says the fire is definitely suspicious.",
        "Investigators are looking for the cause of the fire, which police have said they are treating as ``potentially suspicious.''",
    ],
)
def test_a_fire_held_suspicious_is_a_suspected_arson(extractor, text: str) -> None:  # type: ignore[no-untyped-def]
    report = _only(_extract(extractor, text))
    assert report.kind.sub_event_type == "Looting/property destruction"
    assert report.trigger.lower() in ("fire", "blaze", "suspicious fire")
    assert not report.perpetrators  # "treated by police as suspicious": the police are not its authors


@pytest.mark.parametrize(
    "text",
    [
        "A convicted sex offender pulled a gun on two guards during a prison transfer near Baytown on Monday.",
        "A Texas inmate escaped from a prison van near Houston after pulling a gun on two guards.",
        "Two men robbed the petrol station in Kano at gunpoint on Friday.",
        "Warship INS Sukanya on Thursday foiled a piracy attempt in the Gulf of Aden between Somalia and Yemen.",
    ],
)
def test_a_weapon_drawn_on_people_is_an_armed_act(extractor, text: str) -> None:  # type: ignore[no-untyped-def]
    report = _only(_extract(extractor, text, "2009-11-30"))
    assert report.kind.event_type is not None


def test_an_earlier_act_in_the_same_area_is_not_the_news(extractor) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Islamist militants killed at least 12 farmers in a village near Maiduguri on Sunday, residents said.\n\n"
        "In 2020, Boko Haram fighters killed 110 farmers in the same area in one of the deadliest attacks of the insurgency."
    )
    news, recalled = sorted(_extract(extractor, text, "2026-11-18"), key=lambda r: r.realis != "reported")
    assert news.realis == "reported" and news.counts.killed is not None and news.counts.killed.best == 12
    assert [p.name for p in news.perpetrators] != ["Boko Haram"]
    assert recalled.realis == "background" and recalled.date is not None and recalled.date.start.year == 2020
    assert recalled.counts.killed is not None and recalled.counts.killed.best == 110


def test_an_act_recalled_by_a_count_back_takes_its_day_and_place_from_the_news(extractor) -> None:  # type: ignore[no-untyped-def]
    text = "A car bomb killed 12 people in Kabul on Tuesday, two days after a suicide attack on a mosque in the city killed 30."
    news, recalled = sorted(_extract(extractor, text, "2026-11-22"), key=lambda r: r.realis != "reported")
    assert news.date is not None and news.date.start == date(2026, 11, 17)
    assert recalled.realis == "background"
    assert recalled.date is not None and (recalled.date.start, recalled.date.end) == (date(2026, 11, 15), date(2026, 11, 15))
    assert recalled.evidence["date"].phrase == "two days after"
    assert recalled.location is not None and recalled.location.name == "Kabul"
    assert recalled.evidence["location"].phrase == "in the city"
    # a place of its own is kept, and a week is a week give or take
    text = "A bomb killed five people in Quetta on Friday, a week after twin blasts killed 30 in Peshawar."
    news, recalled = sorted(_extract(extractor, text, "2026-11-22"), key=lambda r: r.realis != "reported")
    assert recalled.location is not None and recalled.location.name == "Peshawar"
    assert recalled.date is not None and recalled.date.start <= date(2026, 11, 13) <= recalled.date.end < news.date.start
    # the news may tell no act: its day is still what the cue counts back from
    text = "Security was tight in Kano on Monday, a week after a bomb killed 20 people at a market."
    report = _only(_extract(extractor, text, "2026-11-22"))
    assert report.realis == "background"
    assert report.date is not None and report.date.start <= date(2026, 11, 9) <= report.date.end < date(2026, 11, 16)


def test_a_countrys_strikes_are_its_forces_but_say_nothing_of_where_they_hit(extractor) -> None:  # type: ignore[no-untyped-def]
    report = _only(_extract(extractor, "Israeli airstrikes killed at least 25 people in Rafah overnight.", "2024-02-10"))
    assert [p.name for p in report.perpetrators] == ["Israel Defense Forces"]
    report = _only(_extract(extractor, "Man killed in Indian shelling at LoC", "2024-02-10"))
    assert report.location is None or report.location.country_code != "IN"
    assert _extract(extractor, "Airstrikes killed 12 people in Idlib on Friday.", "2024-02-10")[0].perpetrators == ()


def test_a_district_is_read_in_the_province_the_incident_names(extractor) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Maoist rebels ambushed a convoy of paramilitary police in the central Indian state of Chhattisgarh on "
        "Monday, killing 22 troopers.\n\nThe attack took place in a forested area of Bijapur district, officials said."
    )
    report = _only(_extract(extractor, text, "2021-04-05"))
    assert report.location is not None
    assert (report.location.name, report.location.admin1, report.location.precision) == ("Bijapur", "Chhattisgarh", "district")


def test_a_toll_over_recent_years_is_no_incident_and_adds_to_none(extractor) -> None:  # type: ignore[no-untyped-def]
    text = "Bandits have kidnapped thousands of people for ransom in recent years."
    assert _extract(extractor, text, "2024-03-24") == []
    text = "Gunmen killed 12 people in Zamfara on Friday, the latest in a series of attacks that have killed hundreds in recent years."
    report = _only(_extract(extractor, text, "2024-03-24"))
    assert report.counts.killed is not None and report.counts.killed.best == 12
    # a comparison with recent years is no toll over them
    text = (
        "Suspected Maoist rebels ambushed a police patrol in Sukma district on Monday. At least 25 soldiers were killed "
        "and 7 others were injured in the attack, which was one of the deadliest in recent years."
    )
    report = _only(_extract(extractor, text, "2017-04-26"))
    assert report.counts.killed is not None and report.counts.killed.best == 25
    assert report.counts.injured is not None and report.counts.injured.best == 7
    assert [p.name for p in report.perpetrators] == ["Maoist rebels"]


def test_the_day_a_statement_was_made_bounds_the_act_it_tells(extractor) -> None:  # type: ignore[no-untyped-def]
    # dated only by when it was said: that day or the few before it
    text = "Suspected jihadists killed at least 30 civilians in an attack on a village in central Mali, officials said Tuesday."
    report = _only(_extract(extractor, text, "2023-02-14"))
    assert report.date is not None and (report.date.start, report.date.end) == (date(2023, 2, 11), date(2023, 2, 14))
    assert report.date.precision == "week"
    # a day another sentence gives narrows it, and a town "nearby" is not the scene the text names
    text = (
        "Suspected jihadists killed at least 30 civilians in an attack on a village in central Mali's Mopti region, "
        "officials said Tuesday.\n\nThe gunmen arrived on motorbikes late Sunday and opened fire on residents, "
        "said the mayor of nearby Bankass. Another 12 people were wounded."
    )
    report = _only(_extract(extractor, text, "2023-02-14"))
    assert report.date is not None and report.date.start == report.date.end == date(2023, 2, 12)
    assert report.counts.injured is not None and report.counts.injured.best == 12
    assert report.location is not None and report.location.name == "Mopti"
    # the act dated in its own words keeps its day
    text = "Gunmen killed 30 civilians in a village in central Mali on Sunday, officials said Tuesday."
    report = _only(_extract(extractor, text, "2023-02-14"))
    assert report.date is not None and report.date.start == report.date.end == date(2023, 2, 12)


def test_an_act_the_news_is_compared_with_is_recalled_and_the_claim_goes_to_the_news(extractor) -> None:  # type: ignore[no-untyped-def]
    text = (
        "MOGADISHU (Reuters) - The death toll from Saturday's twin car bomb attack at Somalia's education ministry "
        "has risen to 100, the president said on Sunday, blaming the al Qaeda-linked al Shabaab group.\n\n"
        "At least 300 others were wounded in the blasts at a busy junction in the capital, he said. The attack was "
        "the deadliest since a truck bomb at the same intersection killed more than 500 people in October 2017.\n\n"
        "Al Shabaab said in a statement it was behind the attack."
    )
    news, recalled = sorted(_extract(extractor, text, "2022-10-30"), key=lambda r: r.realis != "reported")
    assert news.counts.killed is not None and news.counts.killed.best == 100
    assert news.location is not None and news.location.name == "Mogadishu"  # "in the capital"
    assert {(p.name, p.attribution) for p in news.perpetrators} == {("al-Shabaab", "claimed")}
    assert recalled.realis == "background" and recalled.perpetrators == ()
    assert recalled.date is not None and recalled.date.start == date(2017, 10, 1)


def test_an_act_recalled_at_the_sentences_opening_is_an_incident_of_its_own(extractor) -> None:  # type: ignore[no-untyped-def]
    text = (
        "A month after the bombing of a market in Maiduguri that killed 20 people, a suicide bomber struck a "
        "mosque in the city on Friday, killing five."
    )
    news, recalled = sorted(_extract(extractor, text, "2026-11-22"), key=lambda r: r.realis != "reported")
    assert news.realis == "reported" and news.counts.killed is not None and news.counts.killed.best == 5
    assert news.date is not None and news.date.start == date(2026, 11, 20)
    assert news.location is not None and news.location.name == "Maiduguri"  # "in the city"
    assert recalled.realis == "background" and recalled.counts.killed is not None and recalled.counts.killed.best == 20
    # the month counted back from the news's Friday, give or take
    assert recalled.date is not None and recalled.date.start <= date(2026, 10, 20) <= recalled.date.end < news.date.start
    # an act recalled so that tells no toll of its own is still apart from the news
    text = "Two weeks after the massacre in Ituri that killed 40 villagers, gunmen returned and burned down the church."
    reports = _extract(extractor, text, "2026-11-22")
    assert sorted((r.realis, r.counts.killed.best if r.counts.killed else None) for r in reports) == [
        ("background", 40), ("reported", None)
    ]


def test_a_protest_for_a_death_is_the_news_and_the_death_is_recalled(extractor) -> None:  # type: ignore[no-untyped-def]
    text = "Thousands of people marched in Dhaka on Friday to demand justice for a student killed in police custody."
    reports = _extract(extractor, text, "2026-11-22")
    protest = next(r for r in reports if r.realis == "reported")
    assert protest.kind.sub_event_type == "Peaceful protest" and protest.counts.killed is None, protest.kind
    assert [r.realis for r in reports if r is not protest] == ["background"]  # the student's death
    # words that only look like a protest make none
    assert not _extract(extractor, "The data demonstrated on average a rise in attacks.", "2026-11-22")


def test_an_arrest_for_an_earlier_act_is_the_news_and_the_act_is_recalled(extractor) -> None:  # type: ignore[no-untyped-def]
    text = "Police arrested two men on Tuesday in connection with the 2015 bombing of the market in Kano. The bombing killed 30 people."
    arrest, bombing = sorted(_extract(extractor, text, "2016-03-10"), key=lambda r: r.kind.sub_event_type or "")
    assert arrest.kind.sub_event_type == "Arrests" and arrest.realis == "reported"
    assert arrest.date is not None and arrest.date.start == date(2016, 3, 8)
    assert arrest.counts.killed is None  # the toll is the bombing's
    assert bombing.realis == "background" and bombing.date is not None and bombing.date.start.year == 2015
    assert bombing.counts.killed is not None and bombing.counts.killed.best == 30
    # an act already told is not told again by the arrest made for it
    text = "A bomb killed 12 people at a market in Kano on Monday. Police arrested two men over the bombing on Tuesday."
    kinds = sorted(r.kind.sub_event_type or "" for r in _extract(extractor, text, "2016-03-10"))
    assert kinds == ["Arrests", "Remote explosive/landmine/IED"]
    # "the killing" with no killing told before is the act the arrest was made for, not the arrest's toll
    text = "Police on Monday arrested four suspects in connection with the killing of a police officer in Lamu last week."
    arrest, killing = sorted(_extract(extractor, text, "2026-11-20"), key=lambda r: r.kind.sub_event_type != "Arrests")
    assert arrest.kind.sub_event_type == "Arrests" and arrest.counts.killed is None
    assert killing.counts.killed is not None and killing.counts.killed.best == 1
    assert killing.date is not None and killing.date.end < date(2026, 11, 16)  # last week
    # "for" and an act in -ing: the act is read as its own incident, its toll not the arrest's
    text = "Police arrested 45 soldiers for killing 6 clergymen on 16 November."
    arrest, killing = sorted(_extract(extractor, text, "1990-01-10"), key=lambda r: r.kind.sub_event_type != "Arrests")
    assert arrest.kind.sub_event_type == "Arrests" and arrest.counts.killed is None
    assert killing.counts.killed is not None and killing.counts.killed.best == 6
    assert killing.date is not None and killing.date.start == date(1989, 11, 16)
    # the people arrested for the act are its suspects
    text = "Police arrested three members of Boko Haram over the bombing of the market in Kano last year."
    arrest, bombing = sorted(_extract(extractor, text, "2016-03-10"), key=lambda r: r.kind.sub_event_type != "Arrests")
    assert [(p.name, p.attribution) for p in bombing.perpetrators] == [("Boko Haram", "suspected")]
    assert "Boko Haram" in bombing.evidence["perpetrators"].phrase


@pytest.mark.parametrize(
    "text",
    [
        "A nanny was arrested in Moscow to have beheaded a 4-year-old child.",  # a place, not an act
        "Six others were captured in a Taliban attack on a wedding ceremony in Nad Ali.",  # during the act
    ],
)
def test_an_arrest_in_a_place_or_during_an_act_is_not_cut_from_it(extractor, text: str) -> None:  # type: ignore[no-untyped-def]
    from sitrep.extract.realis import arrest_grounds_cut

    sentence = extractor._sentences(text, extractor.nlp(text), shouting=False)[0]
    assert arrest_grounds_cut(sentence, extractor.lexicons) is None


def test_those_treating_a_fire_as_suspicious_are_not_its_target(extractor) -> None:  # type: ignore[no-untyped-def]
    report = _only(_extract(extractor, "Police are treating the fire at the Waitrose store in Banstead as suspicious."))
    assert [t.description for t in report.targets] == ["Waitrose store"]
    # a fire and nothing said of its cause is no incident
    assert _extract(extractor, "The fire that destroyed the old dairy warehouse took a piece of history.") == []


def test_a_purpose_set_out_is_no_fire(extractor) -> None:  # type: ignore[no-untyped-def]
    assert _extract(extractor, "He deliberately set out to mislead the committee.") == []


def test_burning_vehicles_is_arson(extractor) -> None:  # type: ignore[no-untyped-def]
    report = _only(_extract(extractor, "Members of the FARC burned a Mi-17 helicopter in the municipality of Toledo."))
    assert report.kind.event_type is not None and [p.name for p in report.perpetrators] == [
        "Revolutionary Armed Forces of Colombia"
    ]


@pytest.mark.parametrize(
    ("text", "place", "country"),
    [
        # the title names the place the body leaves at country level
        ("March 2017 Parachinar suicide bombing: At least 24 people have been killed in a blast outside a mosque in "
         "north-west Pakistan.", "Parachinar", "PK"),
        # a one-word name the gazetteer does not know takes the report's country
        ("Mamasapano clash: Special Action Force officers had an encounter with fighters from the Moro Islamic "
         "Liberation Front, killing 44 officers in the Philippines.", "Mamasapano", "PH"),
        # a street is no town: the body's place stands
        ("Jaffa Street bombing: A female Palestinian suicide bomber blew herself up in Jerusalem, killing 2.",
         "Jerusalem", "IL"),
    ],
)
def test_an_opening_title_names_the_place(extractor, text: str, place: str, country: str) -> None:  # type: ignore[no-untyped-def]
    report = _only(_extract(extractor, text, "2017-04-01"))
    assert report.location is not None and (report.location.name, report.location.country_code) == (place, country)


def test_a_town_named_with_its_type_word_after_it(extractor) -> None:  # type: ignore[no-untyped-def]
    text = ("Three Syrian soldiers were killed when Tahrir-al-Sham opened fire and attacked Syrian Army positions in "
            "the Khan Tuman village.")
    report = _only(_extract(extractor, text))
    assert report.location is not None and (report.location.name, report.location.country_code) == ("Khan Tuman", "SY")


def test_the_group_a_passive_names_as_its_agent_is_no_target(extractor) -> None:  # type: ignore[no-untyped-def]
    text = ("Two Mormon missionaries were shot dead last night by a group of terrorists from the Zarate Willka "
            "Armed Forces of Liberation.")
    report = _only(_extract(extractor, text))
    assert [t.description for t in report.targets] == ["Mormon missionaries"]
    assert report.targets[0].type == "religious"
    assert report.kind.sub_event_type == "Attack"  # not a clash with terrorists
    assert [p.name for p in report.perpetrators] == ["Zárate Willka Armed Forces of Liberation"]


def test_each_group_a_count_lists_is_a_target(extractor) -> None:  # type: ignore[no-untyped-def]
    report = _only(_extract(extractor, "Two Italian engineers and a Spanish technician were kidnapped near Barrancabermeja."))
    assert sorted(t.description for t in report.targets) == ["Italian engineers", "Spanish technician"]
    assert report.counts.kidnapped is not None and report.counts.kidnapped.best == 3


def test_a_word_inside_a_groups_name_is_no_target(extractor) -> None:  # type: ignore[no-untyped-def]
    text = "A government soldier was injured after a gunfight against members of the New People's Army in Borongan."
    report = _only(_extract(extractor, text))
    assert [t.description for t in report.targets] == ["government soldier"]  # not "New People", civilians
    assert [p.name for p in report.perpetrators] == ["New People's Army"]
    # a state force's name is the target's own words
    report = _only(_extract(extractor, "Taliban fighters attacked the Afghan National Army in Kandahar, killing five soldiers."))
    assert report.targets[0].description == "Afghan National Army"


def test_the_attackers_arrest_after_the_attack_keeps_the_attack(extractor) -> None:  # type: ignore[no-untyped-def]
    text = "A gunman killed three people at a school in Lyon on Tuesday. The gunman was arrested."
    report = _only(_extract(extractor, text))
    assert report.kind.sub_event_type == "Attack" and report.counts.killed is not None and report.counts.killed.best == 3


def test_blame_on_a_group_described_without_a_name_joins_the_incident(extractor) -> None:  # type: ignore[no-untyped-def]
    text = ("A rocket was fired at an armoured Land Rover in Belfast. The police officers inside were unharmed. "
            "It has been blamed on dissident republicans.")
    report = _only(_extract(extractor, text))
    assert [p.name for p in report.perpetrators] == ["dissident republicans"]


def test_fighters_decimated_by_forces_is_an_incident_and_crops_are_not(extractor) -> None:  # type: ignore[no-untyped-def]
    report = _only(_extract(extractor, "Recently 20 ISIS Loyal Decimated by Afghan Security Forces"))
    assert report.location is not None and report.location.country_code == "AF"
    assert _extract(extractor, "Floods decimated crops in Sindh province.") == []


def test_a_street_named_after_a_town_is_not_the_town(extractor) -> None:  # type: ignore[no-untyped-def]
    report = _only(_extract(extractor, "A bomb exploded in a plant pot on Juan de la Riva Street on Monday."))
    assert report.location is None  # not Rewa, India
    report = _only(_extract(extractor, "A bomb exploded on Lahore Road in Karachi on Monday."))
    assert report.location is not None and report.location.name == "Karachi"


def test_us_before_a_noun_tells_whose_people_not_where(extractor) -> None:  # type: ignore[no-untyped-def]
    for text in ("Two US aid workers were shot dead on Monday.", "Two U.S. Mormon missionaries were shot to death last night."):
        report = _only(_extract(extractor, text))
        assert report.location is None
    report = _only(_extract(extractor, "A gunman opened fire at a school in the US on Monday, killing three."))
    assert report.location is not None and report.location.country_code == "US"


def test_a_cartels_name_is_not_where_it_struck(extractor) -> None:  # type: ignore[no-untyped-def]
    article = Article(text="Ejecutan a hermano del líder del cártel de los Valencia", outlet="El Universal")
    report = _only(extractor.extract(article))
    assert report.location is not None and report.location.country_code == "MX"  # not Valencia, Spain
    report = _only(_extract(extractor, "Ejecutan a hermano del líder del cártel de los Valencia en Zamora, Michoacán."))
    assert report.location is not None and report.location.name == "Zamora de Hidalgo"


def test_a_fight_named_by_its_peoples_country_is_there_not_across_the_border(extractor) -> None:  # type: ignore[no-untyped-def]
    report = _only(_extract(extractor, "Five killed in Mexican drug clash near U.S. border."))
    assert report.location is not None and report.location.country_code == "MX"
    report = _only(_extract(extractor, "Five killed in clash near U.S. border."))  # nothing else places it
    assert report.location is not None and report.location.country_code == "US"


def test_a_name_the_ner_ran_on_from_a_common_noun_is_no_persons(extractor) -> None:  # type: ignore[no-untyped-def]
    text = ("A policeman was killed, while head of police station was injured in a suicide attack against "
            "Amiriyat al-Fallujah police station.")
    report = _only(_extract(extractor, text))
    assert report.location is not None and report.location.country_code == "IQ"


def test_a_siege_without_hostages_is_an_assault_not_a_hostage_taking(extractor) -> None:  # type: ignore[no-untyped-def]
    report = _only(_extract(extractor, "Taliban militants killed 19 policemen during a siege at a police compound in Nawzad District."))
    assert report.kind.gtd_attack_type == "Armed Assault", report.kind
    report = _only(_extract(extractor, "Gunmen holed up in a hotel in Mogadishu on Friday, and the hostage siege lasted 12 hours."))
    assert report.kind.gtd_attack_type == "Hostage Taking (Barricade Incident)", report.kind
    # a siege lifted is no act
    assert not _extract(extractor, "The FMLN demands the lifting of the siege against the National University.")


@pytest.mark.parametrize(
    "text",
    [
        "The UN work team on the forced disappearances said on Tuesday that it had received 300 complaints.",
        "The anti-kidnapping unit of the police said on Monday it had received a tip.",
        # the release is told, not a kidnapping
        "Boko Haram released 82 abducted schoolgirls on Saturday in exchange for five commanders.",
    ],
)
def test_a_body_named_for_violence_or_people_freed_tell_no_act(extractor, text: str) -> None:  # type: ignore[no-untyped-def]
    assert not _extract(extractor, text)


def test_kidnapped_people_released_do_not_make_a_shooting_a_kidnapping(extractor) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Gunmen shot dead a presidential candidate in Bogota on Thursday. The callers said that the Extraditables "
        "released kidnapped people and large quantities of dynamite as proof of their intention to talk."
    )
    report = _only(_extract(extractor, text))
    assert report.kind.sub_event_type != "Abduction/forced disappearance" and report.counts.kidnapped is None, report.kind


def test_a_commander_of_the_police_is_police(extractor) -> None:  # type: ignore[no-untyped-def]
    text = (
        "The Extraditables today claimed responsibility for the murder of Antioquia police commander Colonel "
        "Waldemar Franklin Quintero in Medellin."
    )
    report = _only(_extract(extractor, text, "1989-08-18"))
    assert [(t.description, t.type) for t in report.targets] == [
        ("Antioquia police commander Colonel Waldemar Franklin Quintero", "police")
    ]
    report = _only(_extract(extractor, "Gunmen killed rebel commander John Okello in Goma on Monday."))
    assert [t.type for t in report.targets] == ["armed group"]


def test_the_murder_of_a_person_named_is_an_incident(extractor) -> None:  # type: ignore[no-untyped-def]
    report = _only(_extract(extractor, "The murder of Antioquia Governor Antonio Roldan Betancur shocked the country on Friday.", "1989-08-18"))
    assert [t.description for t in report.targets] == ["Antioquia Governor Antonio Roldan Betancur"]
    # and recalled by a count back from the news, an incident of its own
    text = "Gunmen killed a police colonel in Medellin on Friday, a month after the murder of Antioquia Governor Antonio Roldan Betancur."
    news, recalled = sorted(_extract(extractor, text, "1989-08-18"), key=lambda r: r.realis != "reported")
    assert [t.description for t in news.targets] == ["police colonel"]
    assert recalled.realis == "background" and [t.description for t in recalled.targets] == ["Antioquia Governor Antonio Roldan Betancur"]
    assert recalled.date is not None and recalled.date.end < date(1989, 8, 1)
    # a funeral of someone slain tells no act of its own
    assert not _extract(extractor, "The funeral of the slain journalist Maria Lopez was held on Friday.")


def test_an_execution_of_people_is_a_killing(extractor) -> None:  # type: ignore[no-untyped-def]
    text = "An Al-Qaeda-linked group has released a video showing the purported execution of two Malians in Mali."
    report = _only(_extract(extractor, text))
    assert report.counts.killed is not None and report.counts.killed.best == 2
    assert not _extract(extractor, "The execution of the plan was delayed on Monday.")


def test_the_material_a_bomb_was_charged_with_is_a_weapon_of_its_own(extractor) -> None:  # type: ignore[no-untyped-def]
    report = _only(_extract(extractor, "A car bomb loaded with 300 kg of dynamite exploded in Medellin on Monday, killing 20 people."))
    assert [w.text for w in report.weapons] == ["car bomb", "dynamite"]
    # "explosives" beside a car bomb still adds nothing
    report = _only(_extract(extractor, "A car bomb packed with explosives exploded in Kabul on Monday, killing 20 people."))
    assert [w.text for w in report.weapons] == ["car bomb"]


def test_what_a_group_did_in_the_past_is_no_part_of_the_news(extractor) -> None:  # type: ignore[no-untyped-def]
    text = (
        "A bomb exploded outside the Soviet embassy in Lima on Tuesday, damaging two vehicles. "
        "Police said the Shining Path has attacked Soviet interests in Peru in the past."
    )
    report = _only(_extract(extractor, text))
    assert report.perpetrators == ()
    assert not _extract(extractor, "In the past, gunmen have attacked the village of Kuchi three times.")
    # a span of time is no habit
    report = _only(_extract(extractor, "Gunmen attacked a police post in Kuchi in the past week."))
    assert report.realis == "reported" and [p.matched for p in report.perpetrators] == ["Gunmen"]


@pytest.mark.parametrize(
    ("text", "target"),
    [
        # where a device was put or went off is what it hit
        ("A bomb, which was placed on the 5th floor of the Chilean-U.S. Cultural Institute, went off last night.", "Cultural Institute"),
        ("Police said another bomb was discovered and defused before it exploded at a Catholic school in Vina del Mar.", "Catholic school"),
        # and so is the thing whose walls or windows were damaged
        ("A bomb, which shattered the glasses and destroyed the masonry of the Citicorp financial company offices in Vina del Mar, exploded today.",
         "Citicorp financial company offices"),
    ],
)
def test_the_thing_a_bomb_was_put_at_or_damaged_is_its_target(extractor, text: str, target: str) -> None:  # type: ignore[no-untyped-def]
    report = _only(_extract(extractor, text, "1989-12-29"))
    assert [t.description for t in report.targets] == [target]


def test_the_village_a_mine_went_off_in_is_its_place_not_its_target(extractor) -> None:  # type: ignore[no-untyped-def]
    text = "Two soldiers were killed by a landmine planted by rebels on Thursday in the village of San Juan."
    report = _only(_extract(extractor, text))
    assert [t.description for t in report.targets] == ["soldiers"]


@pytest.mark.parametrize(
    ("text", "targets"),
    [
        ("Border guards killed a young man from Idlib province on Monday.", [("young man", "civilians")]),
        ("Two men were shot dead in Kaduna on Monday.", [("men", "civilians")]),
        # the men who acted are no target, named before the act or as its agent
        ("Unknown men shot dead a farmer in Kaduna on Monday.", [("farmer", "civilians")]),
        ("A man was stabbed to death by three men in Lagos on Monday.", [("man", "civilians")]),
    ],
)
def test_a_man_killed_is_a_civilian_target(extractor, text: str, targets: list[tuple[str, str]]) -> None:  # type: ignore[no-untyped-def]
    report = _only(_extract(extractor, text))
    assert [(t.description, t.type) for t in report.targets] == targets


@pytest.mark.parametrize(
    "text",
    [
        # a threat dated to a past night: the act itself is governed by "will"
        'A resident said that "a drug dealer distributed a leaflet on the night of 11 March that warned that anyone '
        'who reports the band to the authorities will die immediately."',
        "Officials said the device could have killed hundreds of people at the market.",
        # a participle still to come is no act told as done
        "Officials warned that attacks could be carried out by al-Shabaab in Nairobi during the holidays.",
        # a rehearsal
        'According to a witness, the maneuvers consisted of "raids" that forced the troops to endure bad terrain.',
    ],
)
def test_an_act_that_will_or_could_happen_is_hypothetical(extractor, text: str) -> None:  # type: ignore[no-untyped-def]
    assert {r.realis for r in _extract(extractor, text, "1990-03-12")} <= {"hypothetical"}


def test_allegiance_told_in_a_sentence_of_its_own_makes_a_suspect(extractor) -> None:  # type: ignore[no-untyped-def]
    text = (
        "A female suicide bomber blew herself up in central Tunis on Monday, injuring 20 people. "
        "She had pledged allegiance to the Islamic State."
    )
    report = _only(_extract(extractor, text, "2018-10-30"))
    assert [(p.name, p.attribution) for p in report.perpetrators] == [("Islamic State", "suspected")]


def test_a_hedge_on_the_doer_is_no_hedge_on_the_act(extractor) -> None:  # type: ignore[no-untyped-def]
    report = _only(_extract(extractor, "The attack in Quetta might have been the work of the Pakistani Taliban."))
    assert report.realis == "reported"
    assert [(p.name, p.attribution) for p in report.perpetrators] == [("Tehreek-e-Taliban Pakistan", "suspected")]
    report = _only(_extract(extractor, "Police said the bombing may have been carried out by the Shining Path."))
    assert report.realis == "reported"
    assert [(p.name, p.attribution) for p in report.perpetrators] == [("Shining Path", "suspected")]


@pytest.mark.parametrize(
    "text",
    [
        'Today "The Extraditables" ordered "its leaders" in low-income neighborhoods "to take hostages" from '
        "traditional bourgeoisie sectors to finance the war.",
        "The commander urged his men to attack the police station.",
        # a suspension is no act, whatever the day it was decreed
        "On Friday, 16 March, the FMLN decreed a suspension of its attacks on civilian government officials and of "
        "its sabotage operations against means of transportation, businesses, and telecommunications.",
    ],
)
def test_an_act_ordered_urged_or_suspended_is_hypothetical(extractor, text: str) -> None:  # type: ignore[no-untyped-def]
    reports = _extract(extractor, text, "1990-01-04")
    assert reports and {r.realis for r in reports} == {"hypothetical"}


def test_a_back_reference_with_a_day_long_after_the_incident_opens_another(extractor) -> None:  # type: ignore[no-untyped-def]
    text = (
        "On 2 September, a car bomb destroyed the offices of a newspaper in Bogota and 5 weeks later another car bomb "
        "caused similar damage to a newspaper in Bucaramanga. Several security forces headquarters have also been hit "
        "by these attacks and an Avianca Airlines plane blew up in midair on 27 November killing all 107 passengers."
    )
    reports = _extract(extractor, text, "1990-01-04")
    plane = [r for r in reports if r.counts.killed is not None and r.counts.killed.best == 107]
    assert len(plane) == 1 and plane[0].date.start == date(1989, 11, 27), [r.to_dict() for r in reports]
    assert len(reports) == 3


@pytest.mark.parametrize(
    "text",
    [
        "Nicaragua is going to demand punishment for the assassins of priests from the international community.",
        "The Supreme Court relieved the judge of his duties because he ordered the release of a band of alleged kidnappers.",
        # acts listed with crimes, as what a group does or a country suffers
        "The group expresses itself through violent actions with kidnappings, extortion, and indiscriminate terrorism.",
        "Voters went out to support a democracy that has had to face bombs, narcoterrorism, and hateful practices.",
    ],
)
def test_doers_or_acts_named_in_general_tell_no_incident(extractor, text: str) -> None:  # type: ignore[no-untyped-def]
    assert [r for r in _extract(extractor, text, "1990-03-12") if r.realis == "reported"] == []


def test_the_doers_with_a_count_still_tell_an_incident(extractor) -> None:  # type: ignore[no-untyped-def]
    report = _only(_extract(extractor, "Kidnappers seized 30 pupils from a school in Kaduna on Monday."))
    assert report.realis == "reported" and report.counts.kidnapped is not None


def test_a_round_up_tells_each_place_its_own_incident(extractor) -> None:  # type: ignore[no-untyped-def]
    text = ("The Shining Path murdered two state officials on a road linking Chavin and Huari, two towns in Ancash "
            "department. In Huaraz, the capital of Ancash department, the terrorists set fire to the offices of the "
            "local development corporation. In Barranca, a small village 180 km from Lima, terrorists bombed a "
            "radio station and a drugstore.")
    reports = [r for r in _extract(extractor, text, "1990-04-01") if r.realis == "reported"]
    assert [r.trigger for r in reports] == ["murdered", "set fire to", "bombed"]
    assert [r.location.name if r.location else None for r in reports][1:] == ["Huaraz", "Barranca"]


def test_the_parts_of_acts_told_together_stay_one_incident(extractor) -> None:  # type: ignore[no-untyped-def]
    text = ("Explosions in central and southern Iraq killed at least 23 people and wounded 74 others. In Mosul, a "
            "bombing near a police patrol killed an officer and injured 16 others.")
    report = _only(_extract(extractor, text, "2012-07-23"))
    assert report.counts.killed is not None and report.counts.killed.best == 23


def test_wire_copy_wrapped_after_a_short_fragment_is_read_as_one_sentence(extractor) -> None:  # type: ignore[no-untyped-def]
    text = ("   LIMA, 1 APR 90 (EFE) -- [TEXT] THE SHINING PATH MURDERED TWO STATE OFFICIALS ON A ROAD IN ANCASH\n"
            "DEPARTMENT.  IN HUARAZ, THE CAPITAL OF\n"
            "ANCASH DEPARTMENT, THE TERRORISTS SET FIRE TO THE OFFICES OF THE LOCAL\n"
            "DEVELOPMENT CORPORATION BUT INJURED NO ONE.\n")
    reports = [r for r in _extract(extractor, text, "1990-04-01") if r.realis == "reported"]
    arson = [r for r in reports if r.trigger == "SET FIRE TO"]
    assert len(reports) == 2 and len(arson) == 1
    assert arson[0].evidence["kind"].sentence.startswith("IN HUARAZ, THE CAPITAL OF")


@pytest.mark.parametrize(
    "text",
    [
        "These gangs of hired assassins had participated in most of the murders of the country's leftist leaders.",
        "The spreading wave of terrorism forced the government to take drastic security measures.",
    ],
)
def test_a_share_of_many_acts_or_a_trend_is_no_incident(extractor, text: str) -> None:  # type: ignore[no-untyped-def]
    assert [r for r in _extract(extractor, text, "1990-04-01") if r.realis == "reported"] == []


def test_possible_members_are_suspects_not_a_hypothetical_arrest(extractor) -> None:  # type: ignore[no-untyped-def]
    text = "Two possible gang members are under arrest for the murder of a sheriff's deputy last summer, police said Saturday."
    realis = {r.kind.sub_event_type: r.realis for r in _extract(extractor, text, "2008-01-05")}
    assert realis.get("Arrests") == "reported"


def test_a_farm_clashes_were_near_is_their_place_not_their_target(extractor) -> None:  # type: ignore[no-untyped-def]
    text = "Two rebels were killed and five others wounded during clashes near El Refugio farm on 27 November."
    report = _only(_extract(extractor, text, "1989-11-28"))
    assert all("farm" not in t.description.lower() for t in report.targets)


def test_the_rebels_named_by_description_are_the_group_named_before(extractor) -> None:  # type: ignore[no-untyped-def]
    text = ("The Shining Path murdered two state officials on a road in Ancash department on Friday. In Huaraz, "
            "the terrorists set fire to the offices of the local development corporation.")
    arson = [r for r in _extract(extractor, text, "1990-04-01") if r.trigger == "set fire to"]
    assert len(arson) == 1
    assert [p.name for p in arson[0].perpetrators] == ["Shining Path", "terrorists"]


def test_armed_men_who_do_nothing_tell_no_incident(extractor) -> None:  # type: ignore[no-untyped-def]
    assert _extract(extractor, "It was stressed that the masked men create a real legal problem.", "1990-03-12") == []
    report = _only(_extract(extractor, "Armed men shoot three people in Cajeme", "2010-05-01"))
    assert report.realis == "reported"


def test_an_attack_on_enemy_positions_is_a_battle(extractor) -> None:  # type: ignore[no-untyped-def]
    text = "Meanwhile, FMLN forces began attacking enemy positions in Los Santos, in Soyapango."
    assert _only(_extract(extractor, text, "1989-11-13")).kind.event_type == "Battles"


def test_machinegunned_by_men_in_uniform(extractor) -> None:  # type: ignore[no-untyped-def]
    report = _only(_extract(extractor, "Six Jesuits were machinegunned on 15 November by men wearing military uniforms.", "1989-11-20"))
    assert report.kind.sub_event_type == "Attack" and report.date.start == date(1989, 11, 15)
    assert [(p.name, p.actor_type) for p in report.perpetrators] == [("unidentified men", "unnamed")]
    assert all(t.type != "military" for t in report.targets)  # the uniforms are the men's dress


def test_weapons_and_roads_after_an_act_are_no_victims_in_capitals(extractor) -> None:  # type: ignore[no-untyped-def]
    text = (
        "SAN SALVADOR IS BEING SHAKEN BY STRONG DETONATIONS OF HEAVY WEAPONS AND INTENSE RIFLE AND MACHINEGUN FIRE. "
        "THE REBELS ATTACKED THE CITY."
    )
    reports = _extract(extractor, text, "1990-03-08")
    assert reports
    assert all("WEAPONS" not in t.description and "RIFLE" not in t.description for r in reports for t in r.targets)
    assert any("HEAVY WEAPONS" in (w.text or "") for r in reports for w in r.weapons)


def test_a_person_named_again_by_a_shorter_name_is_one_target(extractor) -> None:  # type: ignore[no-untyped-def]
    text = (
        "A bomb killed Attorney General Roberto Garcia Alvarado in San Salvador on Friday. "
        "The bomb that killed Attorney General Garcia was placed on the roof of his car."
    )
    report = _only(_extract(extractor, text, "1989-04-15"))
    people = [t.description for t in report.targets if "Garcia" in t.description]
    assert people == ["Attorney General Roberto Garcia Alvarado"]


def test_a_killing_named_in_passing_by_its_victims_is_recalled_not_news(extractor) -> None:  # type: ignore[no-untyped-def]
    report = _only(_extract(extractor, "The murder of the Jesuit priests shocked the country.", "1990-01-20"))
    assert report.realis == "background" and report.date is None  # not dated by the publication
    assert [t.description for t in report.targets] == ["Jesuit priests"]
    # with a day of its own it is told as any act is
    report = _only(_extract(extractor, "The killing of the Jesuit priests in San Salvador on 16 November shocked the country.", "1989-11-20"))
    assert report.date is not None and report.date.start == date(1989, 11, 16)
    # a toll told before: the same people, not another killing
    reports = _extract(extractor, "Gunmen killed two students on Monday. The murder of the students shocked the city.", "1990-01-17")
    assert len(reports) == 1


def test_a_person_accused_of_the_act_is_a_suspected_perpetrator(extractor) -> None:  # type: ignore[no-untyped-def]
    text = "Colonel Guillermo Benavides was accused of ordering the murder of the six Jesuit priests on 16 November."
    report = _only(_extract(extractor, text, "1990-01-20"))
    assert [(p.name, p.actor_type, p.attribution) for p in report.perpetrators] == [
        ("Guillermo Benavides", "individual", "suspected")
    ]


def test_another_device_found_elsewhere_is_another_incident(extractor) -> None:  # type: ignore[no-untyped-def]
    text = (
        "A bomb destroyed the offices of Citicorp in downtown Vina del Mar today. The police reported that another "
        "bomb was discovered and defused before it exploded at a Catholic school in Vina del Mar."
    )
    reports = _extract(extractor, text, "1989-12-29")
    assert sorted(r.kind.sub_event_type for r in reports) == ["Disrupted weapons use", "Remote explosive/landmine/IED"]


@pytest.mark.model
def test_warm_up_loads_the_tables_read_on_demand_and_changes_no_result(extractor) -> None:  # type: ignore[no-untyped-def]
    article = Article(
        text="Taliban fighters attacked a checkpoint in Ghanzi province on Monday, killing four policemen.",
        published=date(2011, 5, 3),
    )
    before = [r.to_dict() for r in extractor.extract(article)]
    extractor.warm_up()
    assert extractor.gazetteer._spellings is not None and extractor.gazetteer._district_rows is not None
    after = [r.to_dict() for r in extractor.extract(article)]
    assert after == before and before[0]["location"]["admin1"] == "Ghazni"


def _reported_total(reports: list[Report], category: str) -> int:
    return sum(
        (r.counts.get(category).min or 0) for r in reports if r.realis == "reported" and r.counts.get(category)  # type: ignore[arg-type, union-attr]
    )


@pytest.mark.parametrize(
    ("text", "killed", "injured"),
    [
        (
            "A string of car bombings struck several Iraqi cities on Monday, killing at least 33 people and leaving "
            "126 others injured. The deadliest attacks occurred in Baghdad, where three blasts left 23 dead and 72 "
            "injured. Other bombings in Kirkuk, Ramadi and Fallujah killed 10 and injured 54.",
            33, 126,
        ),
        (
            "A second day of attacks rocked central and northern Iraq, killing at least 92 and injuring 227 others. "
            "Twin bombings north of Baghdad killed 12 and wounded 44, while other blasts in Tuz Khormato killed 11 "
            "and injured 45.",
            92, 227,
        ),
        (
            "A series of attacks left 15 dead and 50 injured. Several rockets hit residential areas, killing 5 and "
            "wounding 15. Four separate bombings in and around Baghdad killed a further ten and injured 35 others.",
            15, 50,
        ),
    ],
)
def test_the_parts_of_a_wave_of_attacks_are_not_counted_twice(  # type: ignore[no-untyped-def]
    extractor, text: str, killed: int, injured: int
) -> None:
    reports = _extract(extractor, text)
    assert (_reported_total(reports, "killed"), _reported_total(reports, "injured")) == (killed, injured)


@pytest.mark.parametrize(
    ("text", "killed"),
    [
        # the other incidents lie outside the place the wave is told in
        (
            "A coordinated series of attacks near the Justice Ministry in Baghdad left 31 people dead. Various other "
            "incidents across the country killed 2 and injured 15.",
            33,
        ),
        # told as more than the toll summed up
        (
            "Four people were killed in shootings and roadside bombings across the country. Additionally, a US soldier "
            "was killed while conducting operations in southern Iraq.",
            5,
        ),
        # more than the summary's toll: not a part of it
        (
            "A string of car bombings struck several Iraqi cities, killing 33 people. Other bombings in Kirkuk killed "
            "40 people.",
            73,
        ),
    ],
)
def test_an_incident_beside_a_wave_of_attacks_keeps_its_own_toll(extractor, text: str, killed: int) -> None:  # type: ignore[no-untyped-def]
    assert _reported_total(_extract(extractor, text), "killed") == killed


@pytest.mark.parametrize(
    ("text", "tolls"),
    [
        # a second act with a toll the first cannot hold
        (
            "A car bomb at a vegetable market in the Sadr area killed 7 people and left 12 others wounded. After "
            "nightfall a suicide bomber killed 14 and injured 30 near a police checkpoint in the city.",
            [(7, 12), (14, 30)],
        ),
        (
            "Four people were injured when a grenade was thrown at the convoy of a district official. Militants "
            "later threw a grenade into a crowd at an election rally, killing two and wounding 26.",
            [(None, 4), (2, 26)],
        ),
    ],
)
def test_a_second_act_with_a_toll_of_its_own_is_another_incident(  # type: ignore[no-untyped-def]
    extractor, text: str, tolls: list[tuple[int | None, int]]
) -> None:
    reports = [r for r in _extract(extractor, text) if r.realis == "reported"]
    got = [(r.counts.killed and r.counts.killed.best, r.counts.injured and r.counts.injured.best) for r in reports]
    assert got == tolls


@pytest.mark.parametrize(
    "text",
    [
        # the same toll told again
        "A suicide bomber killed 11 people at a mosque. The bomber detonated an explosive vest at the gate, killing 11.",
        # a part of the toll told first
        "A siege of a hotel killed 22 people. In the early morning, four gunmen stormed the lobby, killing 13 people.",
        # an act told as done before the story's
        "One mourner was killed and four injured when militants attacked a funeral procession. The two dead youths "
        "being buried had been gunned down by militants earlier.",
    ],
)
def test_a_toll_told_again_or_in_part_is_the_same_incident(extractor, text: str) -> None:  # type: ignore[no-untyped-def]
    reported = [r for r in _extract(extractor, text) if r.realis == "reported"]
    assert len(reported) == 1


def test_an_act_in_the_same_area_takes_the_scene_of_the_act_before(extractor) -> None:  # type: ignore[no-untyped-def]
    text = (
        "In July, militants stormed a police station in the Mamash Khel area of Bannu, killing two constables. "
        "Three months later, a roadside bomb struck a police van in the same area, wounding five officers."
    )
    reports = _extract(extractor, text, "2025-11-19")
    van = next(r for r in reports if r.counts.injured is not None)
    assert van.location is not None and van.location.name == "Bannu"
    assert "in the same area" in van.evidence["location"].phrase


@pytest.mark.parametrize(
    "text",
    [
        "More than 280 students were seized on March 7 by gunmen on motorcycles, local officials said.",
        "Twelve passengers were snatched from a bus near Kaduna on Thursday.",
    ],
)
def test_people_seized_in_the_passive_are_an_abduction(extractor, text: str) -> None:  # type: ignore[no-untyped-def]
    report = _only(_extract(extractor, text, "2024-03-10"))
    assert report.kind.sub_event_type == "Abduction/forced disappearance", report.kind
    assert report.counts.kidnapped is not None


def test_a_countrys_missile_strike_on_a_place_names_its_forces(extractor) -> None:  # type: ignore[no-untyped-def]
    text = "A Russian missile strike on a shopping centre in the eastern Ukrainian city of Kharkiv on Saturday killed 20 people."
    report = _only(_extract(extractor, text, "2024-05-27"))
    assert [p.name for p in report.perpetrators] == ["Russian Armed Forces"]


@pytest.mark.parametrize(
    "text",
    [
        "The judge ordered the release of Lieutenant Isidro Lopez and other members of the kidnapping ring.",
        "Police said the weapons -- 300 rifles, 29 grenade launchers and fragmentation grenades -- were among "
        "the supplies found in a rebel hideout.",
    ],
)
def test_a_gang_named_for_its_trade_or_weapons_found_are_no_incident(extractor, text: str) -> None:  # type: ignore[no-untyped-def]
    assert _extract(extractor, text, "1989-04-04") == []


@pytest.mark.parametrize(
    "text",
    [
        "The kidnappers, some of whom have been under arrest since April 1986, were accused of kidnapping several businessmen.",
        "Two men were charged with murdering a police officer in Belfast.",
    ],
)
def test_an_undated_act_someone_is_accused_of_is_not_the_news(extractor, text: str) -> None:  # type: ignore[no-untyped-def]
    report = _only(_extract(extractor, text, "1989-04-04"))
    assert report.realis == "background" and report.date is None


def test_an_act_someone_is_accused_of_on_a_day_is_the_news(extractor) -> None:  # type: ignore[no-untyped-def]
    report = _only(_extract(extractor, "Police accused the FARC of kidnapping 12 soldiers on Monday.", "1989-04-04"))
    assert report.realis == "reported" and report.date is not None and report.date.start == date(1989, 4, 3)


@pytest.mark.parametrize(
    ("text", "name", "country"),
    [
        # a province named by a point of the compass says nothing of its country by itself
        ("Four soldiers were killed in a roadside bomb attack in the East Region town of Bangou, Burkina Faso.",
         "Bangou", "BF"),
        # a country the NER missed after "of" places the province in it
        ("Separatists killed three soldiers in the North-West Region of Cameroon.", "North-West", "CM"),
    ],
)
def test_a_compass_point_province_lies_in_the_country_the_text_names(  # type: ignore[no-untyped-def]
    extractor, text: str, name: str, country: str
) -> None:
    location = _only(_extract(extractor, text)).location
    assert location is not None and (location.name, location.country_code) == (name, country)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Attackers threw a hand grenade at the home of a local councillor in Lakki Marwat.", "government"),
        ("A bomb exploded near the car of a police officer in Peshawar.", "police"),
        ("Gunmen set fire to the house of a farmer in Kaduna.", "civilians"),
    ],
)
def test_a_home_or_a_car_is_a_target_of_its_owners_type(extractor, text: str, expected: str) -> None:  # type: ignore[no-untyped-def]
    assert [t.type for t in _only(_extract(extractor, text)).targets] == [expected]


def test_a_blame_for_previous_attacks_names_no_perpetrator(extractor) -> None:  # type: ignore[no-untyped-def]
    text = (
        "A car bomb exploded outside a police station in Diyarbakir on Thursday, wounding 11 people. No group "
        "immediately claimed responsibility, but authorities have blamed previous attacks in the region on the PKK."
    )
    assert _only(_extract(extractor, text, "2024-10-07")).perpetrators == ()


def test_before_dawn_on_a_day_dates_the_act_to_that_day(extractor) -> None:  # type: ignore[no-untyped-def]
    text = "Al-Shabaab militants attacked a military base in Middle Shabelle before dawn on Friday, the army said."
    report = _only(_extract(extractor, text, "2024-10-07"))
    assert report.date is not None and report.date.start == date(2024, 10, 4) and not report.date.inferred


def test_the_doers_account_of_the_act_just_told_is_no_other_incident(extractor) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Three Palestinians were killed in an Israeli drone strike on a car in the Jenin refugee camp late on "
        "Wednesday, the Palestinian health ministry said. The Israeli military said it had targeted a militant cell."
    )
    report = _only(_extract(extractor, text, "2024-10-07"))
    assert report.kind.sub_event_type == "Air/drone strike"


@pytest.mark.parametrize(
    "text", ["Gunmen shot dead a mayoral candidate in Celaya on Wednesday.", "Gunmen killed a candidate for mayor in Guerrero."]
)
def test_a_candidate_for_office_is_a_government_target(extractor, text: str) -> None:  # type: ignore[no-untyped-def]
    assert [t.type for t in _only(_extract(extractor, text, "2024-10-07")).targets] == ["government"]


@pytest.mark.parametrize(
    "sentence", ["Nobody has been arrested.", "No arrests have been made.", "The attackers have not been arrested."]
)
def test_an_arrest_that_has_not_happened_is_no_incident(extractor, sentence: str) -> None:  # type: ignore[no-untyped-def]
    text = f"Gunmen killed two police officers in Kano on Monday. {sentence}"
    report = _only(_extract(extractor, text, "2024-10-08"))
    assert report.kind.sub_event_type != "Arrests" and report.counts.killed is not None


def test_the_act_told_counted_among_others_of_its_kind_is_no_other_incident(extractor) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Two people were killed when a grenade was thrown into a crowded bar in Bujumbura on Saturday night. "
        "It was the third grenade attack in the capital this month."
    )
    report = _only(_extract(extractor, text, "2024-10-07"))
    assert report.location is not None and report.location.name == "Bujumbura"


def test_the_earlier_act_a_comparison_recalls_keeps_its_toll_and_year(extractor) -> None:  # type: ignore[no-untyped-def]
    text = (
        "A bomb killed 12 people in Mogadishu on Friday. The attack was the deadliest in the city since 2017, "
        "when a truck bomb killed 500 people."
    )
    recalled = [r for r in _extract(extractor, text, "2024-10-07") if r.realis == "background"]
    assert len(recalled) == 1 and recalled[0].counts.killed is not None and recalled[0].counts.killed.best == 500
    assert recalled[0].date is not None and recalled[0].date.start.year == 2017


def test_a_day_named_without_its_year_lies_in_the_period_written_after_it(extractor) -> None:  # type: ignore[no-untyped-def]
    text = "Gunmen attacked a church in Owo during Pentecost Sunday Mass in June 2022, killing at least 40 worshippers."
    report = _only(_extract(extractor, text, "2024-10-21"))
    assert report.date is not None and (report.date.start, report.date.end) == (date(2022, 6, 1), date(2022, 6, 30))
    assert report.realis == "background"


def test_a_toll_compared_with_the_years_since_is_the_acts_own(extractor) -> None:  # type: ignore[no-untyped-def]
    text = "Gunmen attacked a church in Owo on Sunday, killing at least 40 worshippers, the deadliest attack since 2019."
    report = _only(_extract(extractor, text, "2024-10-21"))
    assert report.counts.killed is not None and report.counts.killed.min == 40


@pytest.mark.parametrize(
    ("text", "weapon"),
    [
        ("Two people were killed when a grenade was thrown into a crowded bar in Bujumbura on Saturday night. "
         "It was the third grenade attack in the capital this month.", "grenade"),
        ("German police arrested three teenagers suspected of planning an Islamist knife attack on a Christmas "
         "market in Leverkusen.", "knife"),
    ],
)
def test_a_weapons_rank_or_its_users_creed_is_no_part_of_it(extractor, text: str, weapon: str) -> None:  # type: ignore[no-untyped-def]
    assert [w.text for w in _only(_extract(extractor, text, "2024-10-07")).weapons] == [weapon]


def test_drones_launched_at_a_warship_are_a_drone_attack_on_a_military_target(extractor) -> None:  # type: ignore[no-untyped-def]
    report = _only(_extract(extractor, "The Houthis launched drones at a US destroyer in the Red Sea on Thursday.", "2024-10-21"))
    assert report.kind.sub_event_type == "Air/drone strike"
    assert [(t.description, t.type) for t in report.targets] == [("destroyer", "military")]
    assert _extract(extractor, "The army launched a drone programme last year.", "2024-10-21") == []


def test_a_plot_whose_attack_is_described_is_still_foiled(extractor) -> None:  # type: ignore[no-untyped-def]
    text = "German police arrested three teenagers suspected of planning an Islamist knife attack on a Christmas market in Leverkusen."
    report = _only(_extract(extractor, text, "2024-10-21"))
    assert report.status == "foiled" and report.kind.sub_event_type != "Attack"


def test_a_sentence_listing_two_dated_acts_is_cut_between_them(extractor) -> None:  # type: ignore[no-untyped-def]
    text = (
        "In September, its fighters killed six soldiers in an ambush near the town of Bal'ad, and last year a "
        "double car bombing at the education ministry killed more than 120 people."
    )
    reports = _extract(extractor, text, "2024-10-19")
    assert sorted((r.date.start.isoformat() if r.date else None, r.counts.killed.min if r.counts.killed else None) for r in reports) == [
        ("2023-01-01", 121), ("2024-09-01", 6)
    ]


def test_the_doers_own_toll_gives_way_to_the_officials(extractor) -> None:  # type: ignore[no-untyped-def]
    text = (
        "A suicide bomber killed at least 11 soldiers at a military academy in Mogadishu on Saturday, a military "
        "official said. Al Shabaab said in a statement on its Andalus radio that it had carried out the attack and "
        "killed 23 soldiers. The group, which is allied to al Qaeda, has been fighting for more than 15 years."
    )
    report = next(r for r in _extract(extractor, text, "2024-10-19") if r.realis == "reported")
    assert report.counts.killed is not None and report.counts.killed.min < 23
    assert [(p.name, p.attribution) for p in report.perpetrators] == [("al-Shabaab", "claimed")]


def test_a_round_up_of_two_attacks_keeps_each_with_its_place_and_details(extractor) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Violence flares across Nigeria's northwest\n\n"
        "ABUJA, Nov 4 (AFP) - Bandits killed at least 17 villagers in Zamfara state on Sunday, while gunmen abducted "
        "25 worshippers from a church in neighbouring Kaduna state, officials said on Monday.\n\n"
        "In Zamfara, the attackers arrived on motorcycles in Kadawa village at around 4 pm and opened fire on "
        "residents, state police spokesman Yazid Abubakar said. Several houses were set ablaze.\n\n"
        "In Kaduna, the gunmen stormed the Baptist church in Kurmin Masara during a Sunday service, a church "
        "official said. Police said they had deployed tactical teams to rescue the victims."
    )
    reports = _extract(extractor, text, "2024-11-04")
    seen = sorted(
        (r.location.admin1 if r.location else None, r.counts.killed.min if r.counts.killed else None,
         r.counts.kidnapped.min if r.counts.kidnapped else None, sorted(t.description for t in r.targets),
         [p.name for p in r.perpetrators], r.date.start.isoformat() if r.date else None)
        for r in reports
    )
    assert seen == [
        ("Kaduna", None, 25, ["Baptist church", "worshippers"], ["gunmen"], "2024-11-03"),
        # "the attackers" are the bandits told again
        ("Zamfara", 17, None, ["houses", "villagers"], ["bandits"], "2024-11-03"),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Two men on a motorcycle threw acid at a female journalist in Kabul on Sunday, leaving her with severe burns.",
        "An acid attack on schoolgirls in Kandahar injured 15 pupils on Wednesday.",
    ],
)
def test_acid_thrown_at_people_is_an_attack(extractor, text: str) -> None:  # type: ignore[no-untyped-def]
    assert _only(_extract(extractor, text, "2024-10-21")).kind.sub_event_type == "Attack"


def test_the_doers_of_an_act_whose_words_hold_its_object_are_not_its_target(extractor) -> None:  # type: ignore[no-untyped-def]
    text = "Myanmar junta troops burned down more than 100 homes in a village in Sagaing region last week."
    report = _only(_extract(extractor, text, "2024-10-21"))
    assert [t.description for t in report.targets] == ["homes"] and [p.name for p in report.perpetrators] == ["Tatmadaw"]


@pytest.mark.parametrize(
    "text",
    [
        "Elsewhere, several armed individuals shot repeatedly at the offices of a local newspaper.",
        "The attacker stabbed him repeatedly in the chest outside a mosque.",
    ],
)
def test_repeatedly_telling_the_manner_of_one_act_is_no_habit(extractor, text: str) -> None:  # type: ignore[no-untyped-def]
    assert [r.realis for r in _extract(extractor, text, "2024-05-11")] == ["reported"]


def test_an_act_done_repeatedly_over_time_is_no_incident(extractor) -> None:  # type: ignore[no-untyped-def]
    text = "The group has repeatedly attacked markets and bus stations in the region."
    assert [r for r in _extract(extractor, text, "2024-05-11") if r.realis == "reported"] == []


@pytest.mark.parametrize(
    "text",
    [
        "Militants ambushed an army convoy on Friday, killing four soldiers, a military spokesman told reporters in "
        "Rawalpindi.",
        "Gunmen killed six villagers on Sunday, the governor said at a news conference in Maiduguri.",
    ],
)
def test_where_a_statement_was_made_is_not_where_the_act_was(extractor, text: str) -> None:  # type: ignore[no-untyped-def]
    (report,) = _extract(extractor, text, "2024-11-30")
    assert report.location is not None
    assert report.location.precision == "country"
    assert report.evidence["location"].confidence < 0.3


def test_a_separate_strike_is_another_incident(extractor) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Air strikes on a school sheltering displaced families in Gaza City killed at least 22 people on Saturday. "
        "A separate strike on a house in Khan Younis killed a couple and their three children, relatives said."
    )
    reports = [r for r in _extract(extractor, text, "2024-11-30") if r.realis == "reported"]
    assert [(r.location.name if r.location else None, r.counts.killed.best if r.counts.killed else None) for r in reports] == [
        ("Gaza", 22), ("Khan Yunis", 5)
    ]


def test_a_year_that_dates_another_noun_does_not_date_the_act(extractor) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Dissident rebels killed two police officers in an attack on a police station in Jamundi on Monday. "
        "Authorities blamed the attack on a faction of the Central General Staff, which rejected a 2016 peace deal."
    )
    reports = _extract(extractor, text, "2024-12-03")
    assert [(r.realis, r.date.start.isoformat() if r.date else None) for r in reports] == [("reported", "2024-12-02")]


def test_a_date_before_a_longer_name_of_the_act_still_dates_it(extractor) -> None:  # type: ignore[no-untyped-def]
    text = (
        "KABUL, Afghanistan (July 15, 2010) - A security force killed a Taliban commander in a precision strike in "
        "Kunduz province today. He had claimed responsibility for the July 2 vehicle-borne IED attack on a USAID "
        "office in Kunduz which killed two civilians."
    )
    recalled = [r for r in _extract(extractor, text, "2010-07-15") if r.date and r.date.start.isoformat() == "2010-07-02"]
    assert len(recalled) == 1 and recalled[0].counts.killed is not None and recalled[0].counts.killed.best == 2


def test_an_arrest_for_the_bombing_recalls_no_other_act(extractor) -> None:  # type: ignore[no-untyped-def]
    text = (
        "A suicide bomber blew himself up among worshippers during Friday prayers at a mosque in Nowshera, killing 27. "
        "Officials blamed Tehrik-e-Taliban Pakistan for the attack. The TTP denied involvement in a statement. "
        "Police arrested three suspects on Saturday in connection with the bombing."
    )
    reports = _extract(extractor, text, "2024-12-01")
    assert [r.realis for r in reports] == ["reported", "reported"]
    bombing = reports[0]
    # (a denial does not erase the officials' attribution: see examples/expected.yaml)
    assert [(p.name, p.attribution) for p in bombing.perpetrators] == [("Tehreek-e-Taliban Pakistan", "attributed")]


def test_a_claim_of_an_act_long_before_is_that_acts(extractor) -> None:  # type: ignore[no-untyped-def]
    text = (
        "A car bomb exploded near a shrine south of Damascus on Saturday, killing at least six people. "
        "Islamic State claimed responsibility for a similar attack at the shrine in July 2023 that killed six people."
    )
    reports = _extract(extractor, text, "2024-12-22")
    assert [(r.realis, [p.name for p in r.perpetrators]) for r in reports] == [
        ("reported", []), ("background", ["Islamic State"])
    ]


def test_a_dated_back_reference_returns_to_the_incident_of_that_day(extractor) -> None:  # type: ignore[no-untyped-def]
    text = ("Gunmen killed nine people in a raid on a village in Zamfara state on Monday, police said on Tuesday. "
            "On May 2, bandits killed 14 people in Maru district. Last year, more than 300 people were killed in "
            "similar raids across the region. No group has claimed responsibility for Monday's attack, but "
            "authorities blamed bandits.")
    reports = _extract(extractor, text, published="2024-05-14")
    assert len(reports) == 3  # Monday's attack is the raid told first, not a fourth incident
    news = reports[0]
    assert news.date is not None and news.date.start == date(2024, 5, 13)
    assert "bandits" in [p.name for p in news.perpetrators]
    assert [r.date.text for r in reports[1:] if r.date is not None] == ["May 2", "Last year"]


def test_a_name_that_is_shot_or_kidnapped_is_a_person_not_a_town(extractor) -> None:  # type: ignore[no-untyped-def]
    report = _only(_extract(extractor, "Escalante was shot outside his home in Los Angeles on Friday."))
    assert report.location is not None and report.location.name == "Los Angeles"
    # a town named after "from" or "of" is still a town
    kept = _only(_extract(extractor, "A volunteer from Berdiansk was killed in the shelling on Friday."))
    assert kept.location is not None and kept.location.country_code == "UA"


def test_the_attackers_taken_are_the_acts_own_not_an_arrest(extractor) -> None:  # type: ignore[no-untyped-def]
    text = ("Al-Shabaab militants stormed a hotel in Mogadishu on Friday evening, killing 21 people. "
            "Three of the attackers were killed, and one was captured alive, police said.")
    report = _only(_extract(extractor, text, published="2022-08-21"))
    assert report.counts.arrested is not None and report.counts.arrested.best == 1
    # an arrest of people not told as the attackers is an incident of its own, as in ACLED
    other = _extract(extractor, "Al-Shabaab militants stormed a hotel in Mogadishu on Friday evening, killing 21 "
                                "people. Police arrested two journalists at a protest, officials said.", published="2022-08-21")
    assert [r.kind.sub_event_type for r in other] == ["Attack", "Arrests"]


def test_an_act_after_a_habit_and_a_semicolon_is_told(extractor) -> None:  # type: ignore[no-untyped-def]
    text = ("Al-Shabaab frequently targets hotels in Mogadishu; in 2019, it killed 26 people in an attack on a "
            "hotel in the southern port city of Kismayo.")
    report = _only(_extract(extractor, text, published="2022-08-21"))
    assert report.realis == "background"
    assert report.location is not None and report.location.name == "Kismayo"
    assert report.counts.killed is not None and report.counts.killed.best == 26


def test_a_wave_of_attacks_is_placed_at_its_deadliest_part(extractor) -> None:  # type: ignore[no-untyped-def]
    text = ("Violence flares across Iraq, 31 killed\n\nBAGHDAD (Reuters) - A wave of bombings and shootings killed at "
            "least 31 people across Iraq on Tuesday, police and medics said.\n\nIn the deadliest attack, a car bomb "
            "exploded near a busy market in the mainly Shi'ite district of Sadr City in Baghdad, killing 12 people and "
            "wounding 35.\n\nIn the northern city of Mosul, gunmen shot dead four soldiers at a checkpoint. Two "
            "roadside bombs killed three policemen in Kirkuk.")
    wave = _extract(extractor, text, published="2013-05-14")[0]
    assert wave.counts.killed is not None and wave.counts.killed.best == 31
    assert wave.location is not None and wave.location.name in ("Sadr City", "Baghdad")


def test_a_habit_told_of_a_group_is_no_blame_but_does_not_hide_one(extractor) -> None:  # type: ignore[no-untyped-def]
    bombing = "A suicide bomber killed eight mourners at a funeral in Ramadi on Tuesday. "
    habit = _only(_extract(extractor, bombing + "No group claimed the attack, but insurgents linked to al Qaeda "
                                                "frequently target funerals.", published="2013-05-14"))
    assert [p.name for p in habit.perpetrators if p.actor_id is not None] == []
    blamed = _only(_extract(extractor, bombing + "Police blamed al-Shabaab, which has repeatedly attacked the city.",
                            published="2013-05-14"))
    assert [(p.name, p.attribution) for p in blamed.perpetrators if p.actor_id is not None] == [("al-Shabaab", "attributed")]


def test_a_charge_told_after_the_arrest_is_the_act_recalled_not_the_arrests_toll(extractor) -> None:  # type: ignore[no-untyped-def]
    text = ("Guillermo Hernandez, 20, and Carlos Velasquez, 24, were arrested Friday and were being held without bail "
            "in a Los Angeles Police jail, charged with killing Juan Abel Escalante last summer, police said.")
    arrest, killing = _extract(extractor, text, published="2008-01-20")
    assert arrest.kind.sub_event_type == "Arrests" and arrest.counts.killed is None
    assert arrest.counts.arrested is not None and arrest.counts.arrested.best == 2
    assert killing.realis == "background" and killing.counts.killed is not None and killing.counts.killed.best == 1
    assert not killing.perpetrators  # the police named as the jail's are no suspects


def test_a_protest_the_police_broke_up_is_no_peaceful_protest(extractor) -> None:  # type: ignore[no-untyped-def]
    text = ("On Thursday, parents of the missing girls marched through Abuja to demand that the government do more. "
            "Police fired tear gas to disperse the protesters near the presidential villa, injuring at least three "
            "people, witnesses said.")
    report = _only(_extract(extractor, text, published="2016-04-15"))
    assert (report.kind.event_type, report.kind.sub_event_type) == ("Protests", "Excessive force against protesters")
    calm = _only(_extract(extractor, "Thousands marched peacefully through central Paris on Sunday to protest pension reform."))
    assert calm.kind.sub_event_type == "Peaceful protest"


@pytest.mark.parametrize(
    "text",
    [
        "Protesters clashed with police in Nairobi on Wednesday.",
        "Protesters clashed with police in Nairobi on Wednesday; two people were shot dead and 40 injured.",
        "Demonstrators attacked a police station in Lagos and set it on fire.",
    ],
)
def test_demonstrators_fighting_is_a_violent_demonstration_not_a_battle(extractor, text: str) -> None:  # type: ignore[no-untyped-def]
    report = _only(_extract(extractor, text, published="2023-06-10"))
    assert (report.kind.event_type, report.kind.sub_event_type) == ("Riots", "Violent demonstration")
    assert report.kind.gtd_attack_type is None


def test_a_mob_is_no_demonstration(extractor) -> None:  # type: ignore[no-untyped-def]
    report = _only(_extract(extractor, "An angry mob lynched a man accused of blasphemy in Sialkot.", published="2023-06-10"))
    assert (report.kind.event_type, report.kind.sub_event_type) == ("Riots", "Mob violence")


@pytest.mark.parametrize(
    "text",
    [
        "North Korea fired a ballistic missile into the sea off its east coast on Monday.",
        "North Korea launched two short-range ballistic missiles toward the East Sea on Monday.",
    ],
)
def test_a_missile_launched_into_the_sea_is_no_attack(extractor, text: str) -> None:  # type: ignore[no-untyped-def]
    assert _extract(extractor, text, published="2023-06-10") == []


def test_a_missile_fired_at_a_town_is_an_attack(extractor) -> None:  # type: ignore[no-untyped-def]
    text = "The Houthis fired a ballistic missile at the Saudi city of Jazan, wounding four civilians, the coalition said."
    report = _only(_extract(extractor, text, published="2023-06-10"))
    assert report.kind.sub_event_type == "Shelling/artillery/missile attack"
    assert report.counts.injured is not None and report.counts.injured.best == 4
    assert report.location is not None and report.location.name == "Jizan"
    assert [p.name for p in report.perpetrators] == ["Houthis"]


def test_a_pages_update_stamp_dates_no_incident(extractor) -> None:  # type: ignore[no-untyped-def]
    text = ("3 dead after protesters torch Greek bank\nUpdated Thu 6 May 2010, 9:03am AEST\nThree people died in a "
            "burning bank as tens of thousands of protesters took to the streets of Athens during a general strike.")
    report = _only(_extract(extractor, text, published="2010-05-05"))
    assert report.realis == "reported"  # not a day after the article: still to come
    assert report.date is None or report.date.start <= date(2010, 5, 5)


def test_air_strikes_flown_later_are_an_incident_of_their_own(extractor) -> None:  # type: ignore[no-untyped-def]
    text = ("In a separate incident on Monday, a landmine left over from the war killed two shepherds in the countryside "
            "of Hama province, the monitor said. Russian warplanes later carried out more than 20 strikes on suspected "
            "IS hideouts in the Badia desert, the Observatory said, without giving a toll.")
    mine, strikes = _extract(extractor, text, published="2023-03-14")
    assert mine.kind.sub_event_type == "Remote explosive/landmine/IED" and not mine.perpetrators
    assert strikes.kind.sub_event_type == "Air/drone strike"
    assert [p.name for p in strikes.perpetrators] == ["Russian Armed Forces"]


def test_a_suspects_nationality_does_not_place_his_arrest_abroad(extractor) -> None:  # type: ignore[no-untyped-def]
    text = ("Three people died and 11 were hurt in a knife attack in Solingen on Friday night. "
            "Police detained a 26-year-old Syrian man on Saturday.")
    attack, arrest = _extract(extractor, text, published="2024-08-25")
    assert attack.location is not None and attack.location.name == "Solingen"
    assert arrest.kind.sub_event_type == "Arrests"
    assert arrest.location is not None and arrest.location.name == "Solingen"  # not Syria


def test_a_claim_the_group_took_back_is_a_suspicion(extractor) -> None:  # type: ignore[no-untyped-def]
    text = ("A suicide bomber struck a packed mosque inside a police compound in Peshawar on Monday, killing at least 59 "
            "people. The Pakistani Taliban initially claimed responsibility, but a spokesman later denied the group was "
            "behind the attack.")
    report = _only(_extract(extractor, text, published="2023-01-31"))
    assert [(p.name, p.attribution) for p in report.perpetrators] == [("Tehreek-e-Taliban Pakistan", "suspected")]
    kept = _only(_extract(extractor, "The Pakistani Taliban claimed responsibility for the attack in Peshawar, which killed 59."))
    assert [(p.name, p.attribution) for p in kept.perpetrators] == [("Tehreek-e-Taliban Pakistan", "claimed")]


@pytest.mark.parametrize(
    "text",
    [
        "A year ago, a suicide bomber killed more than 80 people at a mosque inside the police lines in Peshawar.",
        "A suicide bomber killed more than 80 people at a mosque in Peshawar a year ago.",
        "A month ago, gunmen killed 12 people at a church in Owo.",
    ],
)
def test_an_act_a_year_or_a_month_ago_is_background(extractor, text: str) -> None:  # type: ignore[no-untyped-def]
    assert _only(_extract(extractor, text, published="2024-01-30")).realis == "background"


def test_an_aircraft_shot_down_is_an_attack_not_an_air_strike(extractor) -> None:  # type: ignore[no-untyped-def]
    report = _only(_extract(extractor, "Rebels shot down a military helicopter in Cauca, killing all four crew members."))
    assert report.kind.sub_event_type != "Air/drone strike"
    assert report.counts.killed is not None and report.counts.killed.best == 4
    assert [p.name for p in report.perpetrators] == ["rebels"]


def test_congo_alone_is_the_democratic_republic_unless_the_story_is_brazzavilles(extractor) -> None:  # type: ignore[no-untyped-def]
    report = _only(_extract(extractor, "ADF rebels killed 22 civilians in eastern Congo on Wednesday, the army said."))
    assert report.location is not None and report.location.country_code == "CD"
    text = "Gunmen killed three soldiers near Brazzaville on Wednesday. Congo has seen little violence since 2017."
    report = _only(_extract(extractor, text))
    assert report.location is not None and report.location.country_code == "CG"


def test_more_than_a_figure_adds_no_one_to_the_figure_told_before(extractor) -> None:  # type: ignore[no-untyped-def]
    text = ("Gunmen on Monday night attacked a passenger train near Kaduna, killing eight people and abducting dozens, "
            "officials said. More than 80 people are believed to have been kidnapped, a senator said.")
    report = _only(_extract(extractor, text, published="2022-03-29"))
    assert report.counts.kidnapped is not None and report.counts.kidnapped.best == 81  # not dozens + 81
    text = ("A suicide bomber blew himself up inside a mosque in Kunduz on Friday, killing at least 23 worshippers and "
            "wounding dozens of others. A local hospital said it had received 15 bodies and more than 90 wounded.")
    report = _only(_extract(extractor, text, published="2021-10-09"))
    assert report.counts.injured is not None and report.counts.injured.best == 91
    added = _only(_extract(extractor, "Gunmen killed 12 people in Kano on Monday. Two more died in hospital.", published="2024-03-26"))
    assert added.counts.killed is not None and added.counts.killed.best == 14


def test_a_toll_still_rising_after_a_recalled_act_is_the_news(extractor) -> None:  # type: ignore[no-untyped-def]
    text = ("A suicide bomber blew himself up inside a Shiite mosque in Kunduz on Friday, killing at least 23 worshippers. "
            "Islamic State has carried out a string of attacks on Shiites in recent months, including a bombing at a "
            "Kabul school in May that killed more than 80 students. Two days later, the toll had risen to 55.")
    news, recalled = _extract(extractor, text, published="2022-01-19")
    assert news.location is not None and news.location.name == "Kunduz"
    assert news.counts.killed is not None and news.counts.killed.best == 55
    assert recalled.realis == "background"
    # the period sums up the many acts; the one singled out is dated by its own month
    assert recalled.date is not None and (recalled.date.start, recalled.date.end) == (date(2021, 5, 1), date(2021, 5, 31))



def test_the_doers_toll_in_their_claim_gives_way_to_the_officials(extractor) -> None:  # type: ignore[no-untyped-def]
    text = ("A car bomb exploded at a checkpoint in Mogadishu on Saturday, killing at least 10 people, police said. "
            "Al Shabaab claimed responsibility for the attack, saying it had killed 20 soldiers.")
    report = _only(_extract(extractor, text, published="2020-10-04"))
    assert report.counts.killed is not None and report.counts.killed.best == 10


def test_the_groups_a_campaign_is_blamed_on_are_suspects_beside_the_doers(extractor) -> None:  # type: ignore[no-untyped-def]
    text = ("Unidentified gunmen attacked a Protestant church in eastern Burkina Faso during Sunday service, killing 14 "
            "people. Jihadists linked to Al-Qaeda and the Islamic State group have killed more than 700 people in "
            "Burkina Faso since 2015.")
    report = _only(_extract(extractor, text, published="2019-12-02"))
    assert [(p.name, p.attribution) for p in report.perpetrators] == [
        ("gunmen", "attributed"), ("al-Qaeda", "suspected"), ("Islamic State", "suspected")
    ]


def test_the_doer_named_after_he_is_told_is_listed_by_name(extractor) -> None:  # type: ignore[no-untyped-def]
    text = ("An 18-year-old gunman opened fire at a supermarket in Buffalo on Saturday afternoon, killing 10 people. "
            "The suspect, identified as Payton Gendron of Conklin, New York, surrendered to police after the shooting.")
    report = _only(_extract(extractor, text, published="2022-05-15"))
    assert [(p.name, p.attribution) for p in report.perpetrators] == [("Payton Gendron", "suspected")]
    told = _only(_extract(extractor, "Police said the gunman, identified as John Smith, killed four people at a mall in Dallas.",
                          published="2023-05-08"))
    assert [(p.name, p.attribution) for p in told.perpetrators] == [("John Smith", "attributed")]


def test_a_death_a_riot_protests_is_not_the_riots_toll(extractor) -> None:  # type: ignore[no-untyped-def]
    text = "Youths rioted in Athens on Saturday in protest at the death of a 15-year-old boy."
    report = _only(_extract(extractor, text, published="2008-12-14"))
    assert report.counts.killed is None


def test_a_round_up_keeps_the_waves_parts_and_its_other_acts_apart(extractor) -> None:  # type: ignore[no-untyped-def]
    text = ("Iraq violence kills 14 as bombings hit Baghdad\n\n"
            "A string of bombings across Baghdad killed at least 14 people on Thursday, officials said. "
            "The deadliest attack took place in Sadr City, where a car bomb exploded near a busy market, killing six "
            "people. Another car bomb struck a checkpoint in the western Amil district, killing four soldiers. "
            "In the northern city of Mosul, gunmen shot dead a local council member outside his home on Wednesday "
            "evening, police said.")
    wave, shooting = _extract(extractor, text, published="2016-05-05")
    assert wave.counts.killed is not None and wave.counts.killed.best == 14  # the car bomb at Amil is one of the 14
    assert shooting.location is not None and shooting.location.name == "Mosul"
    assert shooting.counts.killed is not None and shooting.counts.killed.best == 1
    assert shooting.date is not None and shooting.date.start == date(2016, 5, 4)


def test_a_bare_name_the_article_calls_a_province_is_the_province(extractor) -> None:  # type: ignore[no-untyped-def]
    text = ("Syrian government airstrikes kill 20 in Idlib, monitor says\n\n"
            "Syrian government airstrikes killed at least 20 civilians in the rebel-held northwestern province of "
            "Idlib on Tuesday, the Syrian Observatory for Human Rights said. The strikes hit a market in the town "
            "of Maarat al-Numan, the Britain-based war monitor said.")
    report = _only(_extract(extractor, text, published="2019-07-23"))
    # Idlib is the province, so the town named in it says where; the monitor's base says nothing
    assert report.location is not None and report.location.admin1 == "Idlib" and report.location.precision == "town"
    assert report.location.name != "Idlib"



def test_glide_bombs_are_dropped_from_the_air(extractor) -> None:  # type: ignore[no-untyped-def]
    report = _only(_extract(extractor, "Russian glide bombs struck a hypermarket in Kharkiv on Saturday, killing 19 people.",
                            published="2024-05-26"))
    assert report.kind.sub_event_type == "Air/drone strike"
    assert [p.name for p in report.perpetrators] == ["Russian Armed Forces"]


def test_a_trial_recalls_the_act_it_tries_and_the_verdicts_day_dates_nothing(extractor) -> None:  # type: ignore[no-untyped-def]
    text = ("Man convicted over 2017 Manchester Arena bombing plot\n\n"
            "LONDON (AP) — A British court on Thursday convicted the brother of the Manchester Arena suicide bomber of "
            "murder for helping plan the 2017 attack, which killed 22 people at an Ariana Grande concert. Prosecutors "
            "said he helped his brother build the bomb that exploded in the arena's foyer on May 22, 2017. "
            "More than 200 people were injured in the attack.")
    reports = _extract(extractor, text, published="2020-03-18")
    assert all(r.realis == "background" for r in reports)
    bombing = next(r for r in reports if r.counts.killed is not None)
    assert bombing.date is not None and bombing.date.start == date(2017, 5, 22)
    assert bombing.location is not None and bombing.location.name == "Manchester"  # not Ariana in Tunisia
    assert bombing.counts.killed.best == 22 and bombing.counts.injured is not None and bombing.counts.injured.best == 201
    assert "Manchester Arena" not in [p.name for p in bombing.perpetrators]


def test_the_lede_dates_the_act_its_headline_names(extractor) -> None:  # type: ignore[no-untyped-def]
    text = ("Hostage freed in Mali after two years in captivity\n\n"
            "BAMAKO (AFP) - A French journalist kidnapped in northern Mali in April 2021 was released on Monday after "
            "nearly two years in captivity, the French presidency said. Olivier Dubois was abducted in Gao by the "
            "Al-Qaeda-linked Group to Support Islam and Muslims (JNIM).")
    report = _only(_extract(extractor, text, published="2023-03-21"))  # not also an abduction reported today
    assert report.realis == "background"
    assert report.date is not None and (report.date.start, report.date.end) == (date(2021, 4, 1), date(2021, 4, 30))
    assert [(p.name, p.attribution) for p in report.perpetrators] == [("Jama'at Nusrat al-Islam wal-Muslimin", "attributed")]


def test_a_force_named_again_without_its_country_is_the_same_force(extractor) -> None:  # type: ignore[no-untyped-def]
    text = ("Kenyan police opened fire on protesters in the town of Kisumu on Wednesday, killing two people. "
            "Police fired tear gas and live bullets as protesters blocked roads.")
    report = _extract(extractor, text, published="2023-03-16")[0]
    assert [p.name for p in report.perpetrators] == ["Police Forces of Kenya"]


def test_a_persons_name_the_ner_took_for_an_organisation_is_no_town(extractor) -> None:  # type: ignore[no-untyped-def]
    text = ("A gunman opened fire at an accounting firm, killing a receptionist. He was found guilty of assault with "
            "intent to kill in the shootings of Paul Riva and Alan Steinberg at the accounting firm.")
    for report in _extract(extractor, text, published="2008-04-30"):
        assert report.location is None or report.location.name != "Rewa"


def test_an_operation_to_arrest_is_no_arrest(extractor) -> None:  # type: ignore[no-untyped-def]
    text = ("Israeli forces killed three Palestinians during a raid in the Jenin refugee camp in the occupied West Bank on "
            "Monday, the health ministry said. The Israeli military said troops had come under fire during an operation "
            "to arrest suspected militants. It said one soldier was lightly wounded.")
    report = _only(_extract(extractor, text, published="2023-03-21"))
    assert report.counts.injured is not None and report.counts.injured.best == 1


def test_a_habit_of_years_is_no_incident(extractor) -> None:  # type: ignore[no-untyped-def]
    text = ("Gunmen killed at least 40 people in an overnight attack on a farming village in Nigeria's Plateau state, "
            "police said on Tuesday. Plateau has for years been hit by clashes between farmers and herders over land "
            "and water, which have killed thousands of people.")
    report = _only(_extract(extractor, text, published="2024-11-26"))
    assert report.counts.killed is not None and report.counts.killed.best == 40


@pytest.mark.parametrize(
    "habit",
    [
        "The military has increasingly relied on air strikes since the Arakan Army launched an offensive in late 2023.",
        "Manbij has seen repeated bombings since Turkish-backed factions took control of the city in December.",
    ],
)
def test_a_habit_kept_up_since_a_day_is_no_incident_on_that_day(extractor, habit: str) -> None:  # type: ignore[no-untyped-def]
    text = "A car bomb exploded near a market in the town on Saturday, killing five people. " + habit
    report = _only(_extract(extractor, text, published="2024-11-25"))
    assert report.date is not None and report.date.start == date(2024, 11, 23)


def test_news_of_repeated_clashes_is_an_incident(extractor) -> None:  # type: ignore[no-untyped-def]
    report = _only(_extract(extractor, "Repeated clashes between army and KIA in Kachin ruby mine", published="2014-04-10"))
    assert report.kind.event_type == "Battles"


def test_a_district_is_read_in_the_province_the_story_is_set_in(extractor) -> None:  # type: ignore[no-untyped-def]
    # Bassa is a local government area of Kogi and of Plateau: the story is set in Plateau
    text = ("Gunmen storm village in Plateau state, kill 40\n\n"
            "Gunmen killed at least 40 people in an overnight attack on a farming village in Nigeria's north-central "
            "Plateau state, police said Tuesday. The attackers arrived in Zike village in Bassa local government area "
            "late Monday and opened fire on residents.")
    report = _only(_extract(extractor, text, published="2024-11-26"))  # one attack, not two
    assert report.location is not None and (report.location.name, report.location.admin1) == ("Zike", "Plateau")


def test_a_country_that_launches_drones_is_not_where_they_fell(extractor) -> None:  # type: ignore[no-untyped-def]
    text = ("A Russian drone hit an apartment building in Kharkiv overnight, killing four people, local officials said "
            "Wednesday. Elsewhere, Russian shelling killed two people in the southern Kherson region, the governor said.\n\n"
            "Ukraine's air force said Russia launched 89 drones and three missiles at the country overnight, of which 62 "
            "drones were shot down.")
    for report in _extract(extractor, text, published="2024-12-12"):
        assert report.location is None or report.location.country_code == "UA", report.to_dict()


def test_the_dateline_of_the_south_asian_press_is_not_the_scene(extractor) -> None:  # type: ignore[no-untyped-def]
    text = ("Eleven killed as gunmen open fire on passenger van in Kurram\n\n"
            "PESHAWAR: At least 11 people were killed and six others injured when unidentified gunmen opened fire on a "
            "passenger van in the Kurram tribal district on Thursday, officials said.")
    report = _only(_extract(extractor, text, published="2024-10-13"))
    assert report.location is not None and report.location.name == "Kurram District"


def test_a_town_named_as_one_beats_the_capital_of_the_dateline_and_of_an_earlier_attack(extractor) -> None:  # type: ignore[no-untyped-def]
    # Boni is not in the gazetteer; Bamako is the dateline and the scene of another attack
    text = ("Militants kill 18 soldiers in ambush in central Mali\n\n"
            "BAMAKO, Nov 28 (Reuters) - Jihadist fighters killed at least 18 Malian soldiers in an ambush on a military "
            "convoy near the town of Boni in central Mali on Thursday, two security sources said.\n\n"
            "In September, JNIM fighters attacked a military training school and the airport in Bamako, killing more "
            "than 70 people.")
    news, recalled = _extract(extractor, text, published="2024-11-29")
    assert news.location is not None and (news.location.name, news.location.country_code) == ("Boni", "ML")
    assert recalled.location is not None and recalled.location.name == "Bamako"


@pytest.mark.parametrize(
    "summary",
    [
        "More than 7,000 people have been killed since a separatist insurgency flared in the provinces of Pattani, "
        "Yala and Narathiwat in 2004.",
        "The war between the army and the RSF, which broke out in April 2023, has killed tens of thousands of people.",
    ],
)
def test_a_campaigns_toll_since_it_began_is_no_incident(extractor, summary: str) -> None:  # type: ignore[no-untyped-def]
    text = "A roadside bomb killed two paramilitary rangers in southern Pattani province on Monday morning. " + summary
    report = _only(_extract(extractor, text, published="2024-08-04"))
    assert report.counts.killed is not None and report.counts.killed.best == 2


def test_a_suspects_home_town_after_his_age_is_not_the_scene(extractor) -> None:  # type: ignore[no-untyped-def]
    text = ("Former President Donald Trump was shot in the ear during a campaign rally in Pennsylvania on Saturday. "
            "The gunman, identified as Thomas Matthew Crooks, 20, of Bethel Park, fired several shots from a rooftop.")
    report = _only(_extract(extractor, text, published="2024-07-14"))
    assert report.location is not None and report.location.name == "Pennsylvania"


def test_the_seat_of_who_speaks_is_not_the_scene_nor_a_campaigns_patron_its_doer(extractor) -> None:  # type: ignore[no-untyped-def]
    text = ("Gunmen killed 12 worshippers during Sunday mass at a Catholic church in northern Burkina Faso, the diocese "
            "said on Monday. The attack took place in the village of Essakane, in the Oudalan province, the diocese of "
            "Dori said in a statement. It did not say who was behind it.\n\n"
            "Burkina Faso has been battling an Islamist insurgency linked to al Qaeda and Islamic State that spread "
            "from neighbouring Mali in 2015.")
    report = _only(_extract(extractor, text, published="2024-06-12"))
    assert report.location is not None and report.location.name == "Essakane"
    assert [p.name for p in report.perpetrators] == ["gunmen"]


def test_a_gang_said_to_dispute_the_region_is_only_suspected(extractor) -> None:  # type: ignore[no-untyped-def]
    text = ("Suspected cartel gunmen ambushed a police convoy on a highway in Mexico's Guerrero state on Monday night, "
            "killing three officers. The attack happened near the town of Coyuca de Catalan, in a region disputed by "
            "the Familia Michoacana and Los Tlacos gangs, the state security office said.")
    report = _only(_extract(extractor, text, published="2024-06-12"))
    assert [(p.name, p.attribution) for p in report.perpetrators if p.actor_id] == [("La Familia Michoacana", "suspected")]


def test_an_anniversary_story_tells_only_the_act_recalled(extractor) -> None:  # type: ignore[no-untyped-def]
    text = ("Ten years on, Peshawar remembers school massacre\n\n"
            "PESHAWAR: Families gathered on Monday to mark ten years since Taliban gunmen stormed the Army Public School "
            "in Peshawar, killing more than 140 people, most of them children.\n\n"
            "The December 16, 2014 attack, claimed by the Pakistani Taliban, remains the deadliest in the country's "
            "history. Ceremonies were held at the school amid tight security.")
    report = _only(_extract(extractor, text, published="2024-12-16"))
    assert report.realis == "background"
    assert report.date is not None and report.date.start == date(2014, 12, 16)
    assert report.counts.killed is not None and report.counts.killed.best == 141


def test_a_sentence_passed_for_an_old_attack_is_no_news_of_one(extractor) -> None:  # type: ignore[no-untyped-def]
    text = ("Man jailed for life over 2017 Manchester Arena bombing plot\n\n"
            "LONDON (Reuters) - A British court on Thursday sentenced the brother of the Manchester Arena suicide bomber "
            "to a minimum of 55 years in prison for helping to plan the 2017 attack that killed 22 people at an Ariana "
            "Grande concert.\n\n"
            "His brother Salman Abedi blew himself up in the foyer of the Manchester Arena on May 22, 2017.")
    report = _only(_extract(extractor, text, published="2020-08-21"))
    assert report.realis == "background"
    assert report.date is not None and report.date.start == date(2017, 5, 22)
