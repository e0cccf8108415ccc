"""Casualty and detention counts read from single sentences, as a conflict researcher would code them."""

from __future__ import annotations

import copy

import pytest
from hypothesis import given, strategies as st

from sitrep.errors import RegistryError
from sitrep.extract.counts import SIDES, CountLexicon, CountMention, default_lexicon, find_antecedent, find_counts
from sitrep.extract.lexicon import load_data
from sitrep.extract.numbers import DATA_FILE
from sitrep.model import COUNT_CATEGORIES


def summary(sentence: str) -> list[tuple[str, int | None]]:
    return [(m.category, m.count.best) for m in find_counts(sentence)]


def one(sentence: str, category: str) -> CountMention:
    found = [m for m in find_counts(sentence) if m.category == category]
    assert len(found) == 1, (sentence, find_counts(sentence))
    return found[0]


# sentence, category, best, victim, side
CASES = [
    # killed
    ("The attack killed nearly 140 people.", "killed", 140, "people", None),
    ("Nearly 140 people were killed.", "killed", 140, "people", None),
    ("The blast left 12 dead.", "killed", 12, None, None),
    ("12 people died.", "killed", 12, "people", None),
    ("At least 60 dead in Kabul.", "killed", 60, None, None),
    ("The seven crew members died.", "killed", 7, "crew members", None),
    ("A policeman was shot dead.", "killed", 1, "policeman", "security forces"),
    ("A police commissioner was shot and killed by gunmen.", "killed", 1, "police commissioner", "security forces"),
    ("A U.S. Navy SEAL was killed in Iraq.", "killed", 1, "U.S. Navy SEAL", "security forces"),
    ("A correspondent was shot dead in Veracruz.", "killed", 1, "correspondent", "civilians"),
    ("Two soldiers were killed.", "killed", 2, "soldiers", "security forces"),
    ("A 23-year-old man was killed.", "killed", 1, "23-year-old man", None),
    ("Three people were slain.", "killed", 3, "people", None),
    ("Militants beheaded two hostages.", "killed", 2, "hostages", None),
    ("The group executed 12 prisoners.", "killed", 12, "prisoners", None),
    ("Five villagers lost their lives.", "killed", 5, "villagers", "civilians"),
    ("Troops killed 12 bandits in Zamfara.", "killed", 12, "bandits", "militants"),
    ("The fighting caused 12 fatalities.", "killed", 12, None, None),
    ("Gunmen massacred 40 villagers.", "killed", 40, "villagers", "civilians"),
    ("Police found the bodies of 12 men.", "killed", 12, "men", None),
    ("The bombing caused 143 deaths.", "killed", 143, None, None),
    ("The bomb caused nineteen reported injuries.", "injured", 19, None, None),
    ("Both attackers were killed.", "killed", 2, "attackers", "perpetrators"),
    ("One of the attackers was killed.", "killed", 1, "attackers", "perpetrators"),
    ("A shepherd was killed in the blast.", "killed", 1, "shepherd", None),
    ("Maoists killed a road construction supervisor.", "killed", 1, "road construction supervisor", None),
    ("Murach, a Taliban leader, was killed.", "killed", 1, "Taliban leader", "militants"),
    # a person named before a relative clause, with nouns and auxiliaries inside it
    ("Yuri Budanov, who had been convicted of war crimes, was shot dead.", "killed", 1, "Yuri Budanov", None),
    ("Hector Oqueli, who led the party, was killed.", "killed", 1, "Hector Oqueli", None),
    # adverbs inside the verb phrase, and irregular participles chained to the verb
    ("A paramedic and three others were very seriously injured.", "injured", 4, None, None),
    ("A religious scholar was shot and critically wounded.", "injured", 1, "religious scholar", None),
    ("Three men were shot and later died.", "killed", 3, "men", None),
    ("An engagement followed and the insurgent was killed.", "killed", 1, "insurgent", "militants"),
    ("EPL guerrillas assassinate Army Colonel Jaime Diaz.", "killed", 1, "Army Colonel", "security forces"),
    ("Three soldiers, who had been on patrol, were killed.", "killed", 3, "soldiers", "security forces"),
    ("Four Border Security Force (BSF) personnel were killed.", "killed", 4, None, "security forces"),
    ("Two militiamen belonging to the Popular Mobilization Forces were killed.", "killed", 2, "militiamen", "militants"),
    ("The relatives of the 13 people who were killed in 2015 gathered.", "killed", 13, "people", None),
    ("The bomber blew himself up.", "killed", 1, None, "perpetrators"),
    ("An IED exploded near the convoy, martyring two soldiers.", "killed", 2, "soldiers", "security forces"),
    # injured
    ("Hundreds more were injured.", "injured", 200, None, None),
    ("More than 100 were wounded.", "injured", 101, None, None),
    ("Dozens were hurt.", "injured", 24, None, None),
    ("The blast wounded 12 shoppers.", "injured", 12, "shoppers", "civilians"),
    ("30 people suffered injuries.", "injured", 30, "people", None),
    ("The mine blast caused 30 injuries.", "injured", 30, None, None),
    ("The strike resulted in seven wounded police trainees.", "injured", 7, "police trainees", "security forces"),
    ("Four people were injured, one seriously.", "injured", 4, "people", None),
    # the shift the people work, read with their noun; a name with an ampersand, read as one word
    ("The night watchman was injured.", "injured", 1, "night watchman", "civilians"),
    ("The bomb killed five day labourers.", "killed", 5, "day labourers", "civilians"),
    ("A constable of the J&K Police was injured in the attack.", "injured", 1, "constable", "security forces"),
    ("Two constables of the J&K Police were injured.", "injured", 2, "constables", "security forces"),
    # arrested
    ("Four suspects from Tajikistan were arrested.", "arrested", 4, "suspects", None),
    ("Police detained 11 people.", "arrested", 11, "people", None),
    ("Seven suspects were arrested in Germany and the Netherlands.", "arrested", 7, "suspects", None),
    ("Soldiers captured two insurgents.", "arrested", 2, "insurgents", "militants"),
    ("Alaudin and two of his associates were detained.", "arrested", 3, "Alaudin and associates", None),
    ("Police took 5 suspects into custody.", "arrested", 5, "suspects", None),
    ("The force took into custody three suspected insurgents.", "arrested", 3, "suspected insurgents", "militants"),
    ("The Indian navy has captured 23 Somalian pirates.", "arrested", 23, "Somalian pirates", "perpetrators"),
    ("Two possible gang members are under arrest for the murder.", "arrested", 2, "possible gang members", "militants"),
    ("The security force detained a Taliban leader and a suspected associate.", "arrested", 2, None, None),
    # kidnapped
    ("Boko Haram abducted 276 schoolgirls from a school in Chibok.", "kidnapped", 276, "schoolgirls", "civilians"),
    ("Gunmen kidnapped two aid workers.", "kidnapped", 2, "aid workers", "civilians"),
    ("The militants took 20 hostages.", "kidnapped", 20, "hostages", None),
    ("The rebels took 20 people hostage.", "kidnapped", 20, "people", None),
    ("The rebels seized three foreign engineers.", "kidnapped", 3, "foreign engineers", None),
    ("Two journalists were taken hostage.", "kidnapped", 2, "journalists", "civilians"),
]


@pytest.mark.parametrize(("sentence", "category", "best", "victim", "side"), CASES)
def test_count(sentence: str, category: str, best: int, victim: str | None, side: str | None) -> None:
    mention = one(sentence, category)
    assert mention.count.best == best
    if victim is not None:
        assert mention.victim == victim
    assert mention.side == side
    assert sentence[mention.start : mention.end] == mention.count.text


@pytest.mark.parametrize(("sentence", "category", "best", "victim", "side"), CASES)
def test_count_in_wire_copy_capitals(sentence: str, category: str, best: int, victim: str | None, side: str | None) -> None:
    if any(w in sentence for w in ("Murach", "Border Security", "supervisor", "Budanov", "Oqueli")):
        pytest.skip("reading a name or an unknown noun needs letter case")
    mention = one(sentence.upper(), category)
    assert mention.count.best == best
    assert mention.side == side


def test_hedged_count_keeps_its_uncertainty() -> None:
    count = one("The attack killed nearly 140 people.", "killed").count
    assert (count.min, count.max, count.best, count.approx) == (None, 140, 140, True)
    count = one("At least 60 dead.", "killed").count
    assert (count.min, count.max, count.best, count.approx) == (60, None, 60, False)


def test_groups_joined_by_and_add_up_with_their_sides() -> None:
    mention = one("The bombing killed 13 American soldiers and nearly 170 civilians.", "killed")
    count = mention.count
    assert (count.min, count.max, count.best, count.approx) == (13, 183, 183, True)
    assert [(p.best, p.label, p.side) for p in count.parts] == [
        (13, "American soldiers", "security forces"),
        (170, "civilians", "civilians"),
    ]
    assert mention.victim == "American soldiers and civilians"
    assert mention.side is None  # two sides


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The bomb exploded, killing 38 passengers and all 9 crew members.", [("killed", 47)]),
        ("A Malian commander and four militants were killed.", [("killed", 5)]),
        ("One police officer, the bus driver and a passenger were killed.", [("killed", 3)]),
        ("An officer and a sergeant were killed.", [("killed", 2)]),
        ("The governor of the region and his brother were gunned down.", [("killed", 2)]),
        ("A suicide bomber killed himself and eight others.", [("killed", 9)]),
        ("The attack killed a prominent MP and six others.", [("killed", 7)]),
        # a list that only names the people already counted is not added twice
        ("Three people, a UN soldier and two civilians were killed.", [("killed", 3)]),
        ("Two people, a cook and his son, were killed in the attack.", [("killed", 2)]),
        # people the lexicon knows, and an item it does not know between people listed
        ("Gunmen killed six clergymen, a maid, and her daughter on 16 November.", [("killed", 8)]),
        ("Six priests, their cook and her daughter were killed.", [("killed", 8)]),
        ("Two Italian engineers and a Spanish technician were kidnapped.", [("kidnapped", 3)]),
        # places, acts and animals counted beside the people are not people
        ("In Kabul, the capital, and two other cities, six people were killed.", [("killed", 6)]),
        ("Across four districts, 12 civilians were killed by gunmen.", [("killed", 12)]),
        ("In three separate attacks, 11 people were killed on Friday.", [("killed", 11)]),
        ("Gunmen killed five people and 40 cattle in the village.", [("killed", 5)]),
        ("Gunmen killed one man and two other civilians.", [("killed", 3)]),
    ],
)
def test_lists_of_victims(sentence: str, expected: list[tuple[str, int]]) -> None:
    assert summary(sentence) == expected


def test_a_running_total_goes_on_to_the_toll_joined_to_it() -> None:
    found = find_counts(
        "The number of dead later rose to five, including a nine-year-old boy, and more than 200 people were injured."
    )
    assert [(m.category, m.cumulative) for m in found] == [("killed", True), ("injured", True)]
    # two tolls told of the act itself are no running totals
    assert [m.cumulative for m in find_counts("Two people were killed and 14 injured on Friday.")] == [False, False]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The embassy attack, killing two staff members and injuring four others.", [("killed", 2), ("injured", 4)]),
        ("One person was killed and 23 were wounded in the attack.", [("killed", 1), ("injured", 23)]),
        ("A car bomb kills 20 and injures at least 50.", [("killed", 20), ("injured", 50)]),
        ("Five policemen were killed and three others were injured.", [("killed", 5), ("injured", 3)]),
        ("The blast killed 12 people and 3 were injured.", [("killed", 12), ("injured", 3)]),
        ("Six people were killed and five wounded today.", [("killed", 6), ("injured", 5)]),
        ("Bombings killed 1 and another 8 were injured.", [("killed", 1), ("injured", 8)]),
        ("A police officer was killed and another injured.", [("killed", 1), ("injured", 1)]),
        ("She was kidnapped and killed.", [("kidnapped", 1), ("killed", 1)]),
        ("The force killed several insurgents and captured several others.", [("killed", 3), ("arrested", 3)]),
        # one more person after others, by an ordinal ("a second bomb" would be no person)
        ("Two villagers were killed and a third injured in an attack.", [("killed", 2), ("injured", 1)]),
        ("Two civilians are killed and a third seriously wounded.", [("killed", 2), ("injured", 1)]),
        ("Gunmen shot two MPs, killing the first and injuring the second.", [("killed", 1), ("injured", 1)]),
        ("At least two soldiers were killed, other was injured.", [("killed", 2), ("injured", 1)]),
        ("A tricycle exploded, killing four passengers and injuring an onlooker.", [("killed", 4), ("injured", 1)]),
        # a predicate is no person named: "Spanish" is not added to the wounded
        ("Two guards were killed, one of them was Spanish and seven others were wounded.", [("killed", 2), ("injured", 7)]),
        # an event named after "the" is no person: "the ensuing firefight" adds no one to the wounded
        ("At least seven people were killed in the initial bombing and the ensuing firefight, and 17 others were "
         "wounded.", [("killed", 7), ("injured", 17)]),
        # a list that ended with "and" does not go on after a bare comma: a new clause counts its own
        ("The blast killed three: two soldiers and a civilian, another 14 were wounded.", [("killed", 3), ("injured", 14)]),
        # a group with a verb of its own after "and" opens a clause when the list before it is a verb's object
        ("PKK killed with bomb one Turkish soldier and 6 others were injured in Nusaybin.", [("injured", 6)]),
        ("Aslam was killed along with three other police officers and four other policemen were wounded.",
         [("killed", 4), ("injured", 4)]),
        ("Militants attacked the post and two soldiers were wounded.", [("injured", 2)]),
        # a longer list tells by its first item that it is an object, or what a copula says
        ("Gunmen killed two soldiers and a policeman, and 12 others were wounded.", [("killed", 3), ("injured", 12)]),
        ("Among the victims were 24 members of the security forces and 4 civilians, and at least 235 others were "
         "wounded.", [("injured", 235)]),
        # ...not when the list is a subject, nor when a participle after the group modifies a noun
        ("Police said a soldier and three civilians were wounded.", [("injured", 4)]),
        ("The forces detained the leader and several suspected insurgents due to his involvement.", [("arrested", 4)]),
        # ...while a list whose "and" joined two clauses goes on
        ("Two Kenyans and three Somalis were killed and one American, one Ugandan and four Somalis were wounded.",
         [("killed", 5), ("injured", 6)]),
    ],
)
def test_several_counts_in_one_sentence(sentence: str, expected: list[tuple[str, int]]) -> None:
    assert summary(sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # a bare number after a comma that tells how some of them fared is a part, not more people
        ("The blast injured 22, one seriously.", [("injured", 22)]),
        ("The device exploded, injuring 4 soldiers, one in severe condition.", [("injured", 4)]),
        ("One of the guards was killed and two others injured one seriously.", [("killed", 1), ("injured", 2)]),
        ("The blast injured one seriously.", [("injured", 1)]),
        # a number with "among them" after it is a part of the count before
        ("He opened fire, wounding a total of 10, four policemen among them.", [("injured", 10)]),
        ("Twelve people were killed, three children among the dead, and 20 were wounded.",
         [("killed", 12), ("injured", 20)]),
        # but a list goes on: "two soldiers, one policeman and a civilian"
        ("The bomb killed two soldiers, one policeman and a civilian.", [("killed", 4)]),
        # the possessive of the first person serves the second
        ("His wife and son were injured.", [("injured", 2)]),
        ("His wife and two sons were injured.", [("injured", 3)]),
        # so is a couple, but not "a couple of days"
        ("The couple was slightly injured.", [("injured", 2)]),
        ("Gunmen killed an elderly couple and their son.", [("killed", 3)]),
        ("The attack happened a couple of days ago and two were killed.", [("killed", 2)]),
        # someone's parents are two people
        ("Two children were killed and their parents were injured.", [("killed", 2), ("injured", 2)]),
        ("A child and her parents died as a mortar shell landed on their house.", [("killed", 3)]),
        ("Gunmen set fire to her parents' house.", []),
        # and "the" serves the bare nouns of its list, not an apposition
        ("The force detained the commander, facilitator and two of their associates.", [("arrested", 4)]),
        ("The force detained the commander, leader of the cell.", [("arrested", 1)]),
        # the people an "of" phrase names tell whose someone is, and are not counted
        ("The car exploded, injuring the wife of an embassy staff member and at least three other people.",
         [("injured", 4)]),
        ("The father of two children was killed.", [("killed", 1)]),
        ("Gunmen killed the father of two children and his brother.", [("killed", 2)]),
        # a list goes on past a phrase and a name set off after the first person, and past "in addition to"
        ("Militants stormed the consulate, killing the United States ambassador to Libya, J. Christopher Stevens, "
         "and three others.", [("killed", 4)]),
        ("Militants ambushed police officers, killing 10 of them in addition to the wife of a commander.",
         [("killed", 11)]),
        # "other" before the number
        ("The attack killed one student and injured other 5 girls.", [("killed", 1), ("injured", 5)]),
        # the people counted, then their names and a relative clause set off by commas, then the verb
        ("Two of her bodyguards, Dagoberto Rodriguez and Alfonso de Lima, who were inside the car, were killed "
         "instantly.", [("killed", 2)]),
        ("Three soldiers, John Smith, Paul Jones and Mark Brown, were killed.", [("killed", 3)]),
        # a person named, a title set off after the name, and a list going on past it
        ("Maria Elena Diaz Perez, third judge of public order, and two of her bodyguards were assassinated.",
         [("killed", 3)]),
        ("Sayed Munir, the district police chief of Khogyani district in the Afghan province of Ghazni, and three "
         "other policemen were killed in a gunfight.", [("killed", 4)]),
        # a translator's bracketed gloss inside the phrase before the verb
        ("Five members of the FARC [Revolutionary Armed Forces of Colombia] were killed in La Rica.", [("killed", 5)]),
        ("Two of her bodyguards from the DAS [Administrative Department of Security], were assassinated.",
         [("killed", 2)]),
    ],
)
def test_parts_and_companions(sentence: str, expected: list[tuple[str, int]]) -> None:
    assert summary(sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "category", "least"),
    [
        ("A woman and her two children were among those killed when a drone struck a house.", "killed", 3),
        ("Two journalists were also among the dead.", "killed", 2),
        ("Among the wounded were five children.", "injured", 5),
    ],
)
def test_people_among_the_dead_are_at_least_that_many(sentence: str, category: str, least: int) -> None:
    count = one(sentence, category).count
    assert (count.min, count.max, count.best) == (least, None, least)
    assert not one(sentence, category).additional  # a part of the dead, not more of them


def test_among_the_dead_neither_adds_to_nor_joins_another_count() -> None:
    sentence = "In total 26 were killed and 91 were injured, among the dead were two journalists."
    assert [(m.category, m.count.best, m.count.max) for m in find_counts(sentence)] == [
        ("killed", 26, 26), ("injured", 91, 91), ("killed", 2, None),
    ]
    # killed or wounded: no figure for either
    assert find_counts("Several children were also among those killed or wounded in the attack.") == []


def test_a_killing_told_to_death_before_its_object() -> None:
    assert summary("Masked assailants hacked to death a Hindu temple priest.") == [("killed", 1)]
    assert summary("A mob beat to death two men accused of theft.") == [("killed", 2)]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # a verb describing the whole the part is taken from counts the whole: in a relative clause, or as
        # a participle after the noun when the part is another verb's object
        ("Kidnappers released 12 of the 30 schoolchildren abducted last week.", [("kidnapped", 30)]),
        ("Police said 12 of the 30 schoolchildren abducted last week were freed.", [("kidnapped", 30)]),
        ("12 of the 30 schoolchildren who were abducted last week have been freed.", [("kidnapped", 30)]),
        ("Gunmen freed 12 of the 30 schoolchildren they seized last week.", [("kidnapped", 30)]),
        ("The gunmen released the four men they kidnapped on Monday.", [("kidnapped", 4)]),
        # the part, where the verb tells of it
        ("Gunmen killed 3 of the 30 passengers.", [("killed", 3)]),
        ("Three of the 30 passengers were killed.", [("killed", 3)]),
        ("Three of 30 passengers killed in bus attack", [("killed", 3)]),  # a headline's participle
    ],
)
def test_a_verb_of_the_whole_counts_the_whole(sentence: str, expected: list[tuple[str, int]]) -> None:
    assert summary(sentence) == expected


def test_in_capitals_a_noun_after_the_verb_is_its_object() -> None:
    # wire copy in capitals: the guard murdered the student; the guard is no victim
    sentence = "THE NATIONAL GUARD MURDERED UNIVERSITY STUDENT MARIO FLORES, WHOSE BODY WAS LEFT ON A HIGHWAY."
    assert [(m.category, m.count.best, m.victim) for m in find_counts(sentence)] == [("killed", 1, "UNIVERSITY STUDENT")]


def test_an_ordinal_before_a_noun_is_no_person() -> None:
    assert summary("Two people were killed when a second bomb exploded.") == [("killed", 2)]


@pytest.mark.parametrize(
    "sentence",
    [
        "26 people, including 2 attackers, were killed.",
        "Eight people including four civilians and four soldiers were killed.",
        "12 people, three of them children, were killed.",
        "Seven civilians including two children were killed.",
    ],
)
def test_a_part_named_after_including_is_not_added(sentence: str) -> None:
    assert [m.category for m in find_counts(sentence)] == ["killed"]
    assert one(sentence, "killed").count.best in (26, 8, 12, 7)


def test_bracketed_perpetrators_add_a_part() -> None:
    mention = one("26 killed (+2 attackers)", "killed")
    assert mention.count.best == 28
    assert [(p.best, p.side) for p in mention.count.parts] == [(26, None), (2, "perpetrators")]


def test_no_number_no_count() -> None:
    # a definite plural gives no number of its own: only a mention to be counted where its
    # people were counted before (see find_antecedent)
    (mention,) = find_counts("The attackers were killed.")
    assert mention.anaphoric and mention.count.best is None
    # "all the passengers": all of those counted before ("a bus carrying 40 passengers")
    assert [m.anaphoric for m in find_counts("All the passengers were killed.")] == [True]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("No one was injured.", [("injured", 0)]),
        ("Nobody was killed in the blast.", [("killed", 0)]),
        ("There were no casualties.", [("killed", 0), ("injured", 0)]),
        ("No casualties or property damage were reported.", [("killed", 0), ("injured", 0)]),
        ("The strike had not harmed any civilians.", [("injured", 0)]),
        ("No civilians were harmed in the operation.", [("injured", 0)]),
        ("Police sources reported that no arrests were made.", [("arrested", 0)]),
        ("None of the passengers were hurt.", [("injured", 0)]),
    ],
)
def test_zero_counts(sentence: str, expected: list[tuple[str, int]]) -> None:
    assert summary(sentence) == expected


def test_zero_count_keeps_the_side() -> None:
    mention = one("There were no civilian casualties.", "killed")
    assert (mention.count.best, mention.side) == (0, "civilians")


@pytest.mark.parametrize(
    "sentence",
    [
        "He said the group was founded in 2015 and killed in 1999 by rivals.",  # years
        "Police identified one of the attackers.",
        "Two of the dead were children.",  # a part of a count, not a new one
        "A bomb exploded on Swissair Flight 330 near Route 66.",
        "The 9/11 attacks were recalled at 10.00 GMT.",
        "Two hikers went missing.",
        "The rebels seized 12 rifles.",  # seized things, not people
        "The gunmen killed.",
        "The cut hurt the economy and killed the deal.",
    ],
)
def test_not_counts(sentence: str) -> None:
    assert [m for m in find_counts(sentence) if not m.anaphoric] == []


def test_a_measure_after_the_verb_is_not_a_count() -> None:
    assert summary("He died 3 days later.") == [("killed", 1)]
    assert summary("The bomb killed 4 people 10 km from the city.") == [("killed", 4)]
    assert summary("A 5 day old baby and two women were killed.") == [("killed", 3)]
    assert summary("A three day battle killed 40 militants.") == [("killed", 40)]


def test_a_bare_number_after_people_counts_more_of_them() -> None:
    assert summary("Three of the attackers were killed, and one was captured alive.") == [("killed", 3), ("arrested", 1)]
    assert summary("The largest one was captured.") == []


def test_an_age_is_not_a_count() -> None:
    assert summary("A 23-year-old man was killed.") == [("killed", 1)]
    assert summary("Two girls aged 6 and 4 are killed.") == [("killed", 2)]


def test_agent_is_not_counted_as_victim() -> None:
    assert summary("Five gunmen killed 12 people.") == [("killed", 12)]
    assert summary("Two terrorists killed Evangelos Mallios.") == [("killed", 1)]  # the man named, not the two
    assert summary("Two explosions have killed 57 and injured 177.") == [("killed", 57), ("injured", 177)]


def test_combined_killed_or_wounded_is_not_double_counted() -> None:
    mentions = find_counts("Gunmen killed or wounded 30 people.")
    assert [(m.category, m.combined) for m in mentions] == [("killed", True), ("injured", True)]
    for m in mentions:
        assert (m.count.min, m.count.max, m.count.best, m.count.approx) == (None, 30, None, True)
    casualties = find_counts("The army inflicted 800 casualties on the rebels.")
    assert [(m.category, m.count.max, m.combined) for m in casualties] == [("killed", 800, True), ("injured", 800, True)]


@pytest.mark.parametrize(
    "sentence",
    [
        "The death toll rose to 143.",
        "The death toll from Friday's attack on the concert hall rose to 143.",
        "The toll rose from 40 to 143.",
        "The death toll has risen from 40 to 60 and then to 143, officials said.",
        "The death toll stands at 143, up from 120.",
        "A further 12 bodies were found, bringing the total to 143.",
        "More than 500 soldiers have been killed since the start of the war.",
        "The number of dead stands at 143.",
    ],
)
def test_running_tolls_are_cumulative(sentence: str) -> None:
    killed = [m for m in find_counts(sentence) if m.category == "killed"]
    assert killed[-1].cumulative
    assert killed[-1].count.best in (143, 501)


def test_a_single_report_is_not_cumulative() -> None:
    assert not one("Twelve people were killed in the blast.", "killed").cumulative


def test_vague_count_has_a_minimum_and_maybe_no_best() -> None:
    count = one("The security force detained numerous suspected insurgents.", "arrested").count
    assert (count.min, count.best, count.approx) == (2, None, True)
    count = one("Several insurgents were killed.", "killed").count
    assert (count.min, count.best) == (3, 3)


def test_mention_span_covers_the_phrase() -> None:
    sentence = "Officials said on Friday that four suspects from Tajikistan were arrested."
    mention = one(sentence, "arrested")
    assert mention.count.text == "four suspects from Tajikistan were arrested"
    assert sentence[mention.start : mention.end] == mention.count.text


def test_sentence_without_a_count_word_is_skipped() -> None:
    assert find_counts("The spokesman said talks with 12 delegations would resume.") == []


@given(st.lists(st.sampled_from([
    "killed", "12", "nearly", "140", "people", "were", "wounded", "and", ",", "the", "a", "policeman",
    "no", "one", "toll", "rose", "to", "(", "+", ")", "including", "dozens", "of", "died", "civilians",
    "hostage", "took", "Flight", "2015", "both", "attackers", "casualties", "his", "associates", ".",
    "himself", "blew", "up", "since", "2009", "unharmed", "being", "treated", "said", "all", "has", "insurgency",
    "over", "past", "years", "Kenyans", "neutralised", "who", "that", "Ahmed", "Khan", "leader", "could", "have",
    "stabbed", "beaten", "suffered", "gunshot", "wounds", "additional", "also", "another", "him", "US", "Man",
    "shot", "to", "death", "lost", "since", "killing", "of", "tortured", "in", "custody", "into", "detained",
]), max_size=25))
def test_any_word_salad_gives_consistent_mentions(words: list[str]) -> None:
    sentence = " ".join(words)
    for m in find_counts(sentence):
        c = m.count
        assert m.category in COUNT_CATEGORIES
        assert m.side is None or m.side in SIDES
        assert sentence[m.start : m.end] == c.text
        if c.min is not None and c.best is not None:
            assert c.min <= c.best
        if c.max is not None and c.best is not None:
            assert c.best <= c.max
        assert m.combined or c.parts
        assert m.cumulative or not m.aggregate


@given(st.text(max_size=160))
def test_any_text_is_safe(text: str) -> None:
    for m in find_counts(text):
        assert 0 <= m.start < m.end <= len(text)


# -- cases found by running the extractor on examples/ ------------------------------


def both_cases(sentence: str) -> list[str]:
    """The sentence as written and as agency wire copy in capitals."""
    return [sentence, sentence.upper()]


@pytest.mark.parametrize("sentence", both_cases(
    "By Sunday the Russian authorities said nearly 140 people had been killed, and more than 180 were being"
    " treated for their injuries."
))
def test_people_being_treated_are_injured(sentence: str) -> None:
    killed = one(sentence, "killed").count
    assert (killed.min, killed.max, killed.best, killed.approx) == (None, 140, 140, True)
    injured = one(sentence, "injured").count
    assert (injured.min, injured.max, injured.best, injured.approx) == (181, None, 181, False)


@pytest.mark.parametrize(
    ("sentence", "best"),
    [
        ("More than 40 people are still being treated, several of them for severe burns.", 41),
        ("Twelve people were treated in hospital.", 12),
        ("Five people were hospitalised after the blast.", 5),
        ("Three people were taken to hospital.", 3),
        ("Three people were taken to a hospital in Kabul.", 3),
        ("Nine were treated for shrapnel wounds.", 9),
        ("Two people remain in hospital.", 2),
    ],
)
def test_hospital_treatment_with_a_number_is_an_injured_count(sentence: str, best: int) -> None:
    for text in both_cases(sentence):
        assert summary(text) == [("injured", best)]


@pytest.mark.parametrize(
    "sentence",
    [
        "The issue must be treated at an international level.",
        "Residents of Djibo, the provincial capital, said wounded soldiers had been brought to the hospital.",
        "The spokesman said wounded soldiers were flown out.",
    ],
)
def test_treatment_and_wounds_without_a_count(sentence: str) -> None:
    assert find_counts(sentence) == []


@pytest.mark.parametrize("sentence", both_cases(
    "On Saturday Russia's FSB security service said four suspects, all citizens of Tajikistan, had been"
    " arrested in the Bryansk region, some 350 kilometres south-west of the capital."
))
def test_an_appositive_between_the_people_and_the_verb(sentence: str) -> None:
    mention = one(sentence, "arrested")
    assert mention.count.best == 4
    assert [m.category for m in find_counts(sentence)] == ["arrested"]  # not the 350 kilometres


@pytest.mark.parametrize("sentence", both_cases("Twelve people, officials said, were killed in the blast."))
def test_a_parenthetical_speaker_between_the_people_and_the_verb(sentence: str) -> None:
    assert summary(sentence) == [("killed", 12)]


@pytest.mark.parametrize("sentence", both_cases(
    "In August 2021, in the last days of the evacuation from Kabul, an ISKP suicide bomber blew himself up in"
    " the crowd at the airport's Abbey Gate, killing 13 American soldiers and nearly 170 civilians."
))
def test_a_bomber_blowing_himself_up_is_not_the_toll(sentence: str) -> None:
    mention = one(sentence, "killed")
    count = mention.count
    assert (count.min, count.max, count.best, count.approx) == (13, 183, 183, True)
    assert [p.side for p in count.parts] == ["security forces", "civilians"]
    assert not mention.cumulative  # "in the last days of the evacuation" is a date, not a running total


def test_a_bomber_alone_is_counted_on_the_perpetrators_side() -> None:
    alone = one("The bomber blew himself up.", "killed")
    assert (alone.count.best, alone.side) == (1, "perpetrators")
    mention = one("A suicide bomber blew himself up at the gate, killing a policeman.", "killed")
    assert (mention.count.best, mention.side, mention.victim) == (1, "security forces", "policeman")
    assert summary("The bomber killed himself and eight others.") == [("killed", 9)]  # the text adds them


@pytest.mark.parametrize(
    ("sentence", "best"),
    [
        ("The insurgency has killed more than 40,000 people and driven about two million from their homes in"
         " northeast Nigeria since 2009, according to the United Nations.", 40001),
        ("THE FIGHTING THERE HAS KILLED MORE THAN 80 PEOPLE AND FORCED SOME 50,000 TO FLEE THEIR HOMES.", 81),
        ("More than 500 soldiers have been killed since the start of the war.", 501),
        ("Over the past two years, 300 civilians have been killed in the province.", 300),
        ("At least 1,200 people have been killed so far this year.", 1200),
        ("Bandits have kidnapped thousands of people for ransom in recent years.", 2000),
        # "in" and a count of weeks, months or years
        ("The Supreme Court complained that five judges have been killed in 2 months.", 5),
        ("Twelve soldiers were killed in three weeks in Borno.", 12),
        ("Since January, police have arrested 40 suspects.", 40),
        # a war's toll, with no cue at all: no single attack kills this many
        ("It means razed towns, devastated economies, and the death of 70,000 people.", 70000),
        ("The constitution was drafted based on the killing of over 70,000 Salvadorans.", 70001),
        # a round-up of three operations or more, each told apart after it
        ("Afghan and coalition forces detained more than 10 suspected insurgents during four operations in"
         " southern Afghanistan Friday.", 11),
        ("Afghan and coalition forces conducted four operations targeting Taliban leaders, detaining numerous"
         " suspected insurgents in Helmand, Kandahar and Nangarhar provinces yesterday.", None),
        # operations over a period
        ("The campaign has resulted in 20 Haqqani senior leaders being captured during operations in the"
         " province this month.", 20),
    ],
)
def test_aggregate_tolls_are_flagged_so_no_incident_takes_them(sentence: str, best: int) -> None:
    for text in both_cases(sentence):
        [mention] = find_counts(text)
        assert mention.count.best == best
        assert mention.cumulative and mention.aggregate


def test_one_group_told_two_ways_is_one_aggregate() -> None:
    mentions = find_counts("The campaign has resulted in 20 Haqqani senior leaders being captured or killed during"
                           " operations in the province this month.")
    assert [(m.category, m.count.best) for m in mentions] == [("arrested", 20), ("killed", 20)]
    assert all(m.cumulative and m.aggregate for m in mentions)


@pytest.mark.parametrize(
    ("sentence", "category", "best"),
    [
        ("The death toll from Tuesday's bombing of a cattle market in northeast Nigeria has risen to 31, health"
         " officials said on Thursday.", "killed", 31),
        ("Since the attack, police have arrested 12 people.", "arrested", 12),
        ("Twelve people have been killed so far, officials said.", "killed", 12),
    ],
)
def test_a_running_toll_of_one_incident_is_cumulative_not_aggregate(sentence: str, category: str, best: int) -> None:
    for text in both_cases(sentence):
        mention = one(text, category)
        assert mention.count.best == best
        assert mention.cumulative and not mention.aggregate


@pytest.mark.parametrize(
    "sentence",
    [
        "In the last days of the war, the fighting killed 12 soldiers.",
        "The fighting killed 12 soldiers on Tuesday.",  # one battle, not a campaign's toll
        "The attack was one of the deadliest in recent years and killed 12 soldiers.",
        "Forces killed 12 insurgents during two separate operations in Kunar.",  # often one incident and its follow-up
        "Gunmen killed 12 soldiers in two hours of fighting.",  # hours: one attack's length
        # a comparison, not the period the count covers
        "The bomb killed 12 soldiers in the first major attack in the city in three years.",
        "Rocket fire killed 12 soldiers near a fair held for the first time in five years.",
    ],
)
def test_what_is_not_an_aggregate(sentence: str) -> None:
    assert not one(sentence, "killed").aggregate


@pytest.mark.parametrize("sentence", both_cases(
    "On Wednesday night ISWAP fighters also attacked a military base in Marte, about 90 kilometres northeast"
    " of Maiduguri, killing two soldiers, two security sources said."
))
def test_the_speakers_after_a_comma_are_not_victims(sentence: str) -> None:
    assert summary(sentence) == [("killed", 2)]


@pytest.mark.parametrize("sentence", both_cases(
    "Gunmen abducted three aid workers, two Kenyans and a Somali, near Baardheere on Sunday, and shot dead a"
    " security guard who was travelling with them."
))
def test_an_appositive_that_says_where_the_people_are_from_adds_nobody(sentence: str) -> None:
    assert summary(sentence) == [("kidnapped", 3), ("killed", 1)]
    assert one(sentence, "kidnapped").side == "civilians"


def test_a_real_list_after_a_comma_still_adds_up() -> None:
    assert summary("The blast killed 13 soldiers, 5 policemen and 2 civilians.") == [("killed", 20)]
    assert summary("The mortar killed at least 3 people and another 3 were wounded.") == [("killed", 3), ("injured", 3)]


@pytest.mark.parametrize(
    ("sentence", "sides"),
    [
        ("A car bomb hit the checkpoint, killing three policemen and a passer-by.", ["security forces", "civilians"]),
        ("The attackers took two soldiers captive.", ["security forces"]),
    ],
)
def test_sides_of_the_people_counted(sentence: str, sides: list[str]) -> None:
    for text in both_cases(sentence):
        assert [p.side for m in find_counts(text) for p in m.count.parts] == sides


@pytest.mark.parametrize("sentence", both_cases(
    "The crew of 21 were unharmed and the ship was continuing to its next port of call, the agency said."
))
def test_unharmed_is_zero_injured_and_the_crew_size_is_no_count(sentence: str) -> None:
    mention = one(sentence, "injured")
    assert (mention.count.min, mention.count.max, mention.count.best) == (0, 0, 0)
    assert [m.category for m in find_counts(sentence)] == ["injured"]


def test_neutralised_in_a_communique_means_killed() -> None:
    sentence = 'The army said its troops had "neutralised dozens of terrorists" during the fighting.'
    for text in both_cases(sentence):
        mention = one(text, "killed")
        assert (mention.count.min, mention.count.best, mention.side) == (24, 24, "perpetrators")
    assert find_counts("Engineers neutralised three bombs.") == []


def test_a_number_and_an_adjective_with_other_between() -> None:
    mention = one("The aftermath of the attack was a killed guard and seven other wounded people.", "injured")
    assert (mention.count.best, mention.victim) == (7, "people")



# -- counts the gold sets showed were missed or misread ------------------------------------


@pytest.mark.parametrize(
    ("sentence", "category", "best"),
    [
        # material between the people and their verb
        ("At least three Nigerian soldiers backed by local vigilantes were killed.", "killed", 3),
        ("Four fishermen from the coastal district, were killed.", "killed", 4),
        ("Two soldiers who were guarding the gate were killed.", "killed", 2),
        ("A policeman that was on patrol was shot dead.", "killed", 1),
        ("Four policemen, who were guarding the post, were killed.", "killed", 4),
        ("Two victims sleeping inside the shrine died.", "killed", 2),
        ("Three engineers employed by a Chinese firm have been gunned down.", "killed", 3),
        ("Several men associated with the compound were taken into custody.", "arrested", 3),
        ("Four members of a Royal Ulster Constabulary (RUC) mobile police patrol were shot dead.", "killed", 4),
        ("Four al-Hashd al-Shaabi (the Popular Mobilization Forces) fighters were killed.", "killed", 4),
        ("A Haqqani leader in Pul-e 'Alam district, Logar province, was arrested.", "arrested", 1),
        # a list that names a part, even across commas
        ("Three soldiers, including a colonel were killed.", "killed", 3),
        ("Twelve people, including two ministers and a governor are killed.", "killed", 12),
        ("40 civilians, including ten children, three women and an elderly man, were killed.", "killed", 40),
        ("At least 8 people, including four members of one family, died in the shelling.", "killed", 8),
        ("Two men were crucified in the town square.", "killed", 2),
        ("Three Special Task Force personnel among a joint patrol were injured.", "injured", 3),
        ("One soldier was killed and another seriously injured.", "injured", 1),
        ("Four soldiers and civilian militia members died in the ambush.", "killed", 4),
        # other verbs before the verb of the category
        ("Five villagers were tortured and killed.", "killed", 5),
        ("Three contractors were dragged from their car and killed.", "killed", 3),
        ("Three brothers were kidnapped on Thursday, and were later executed.", "killed", 3),
        # heads the person list does not know, modifiers it must read through
        ("A Border Security Force jawan was killed.", "killed", 1),
        ("An off duty police officer was shot and killed.", "killed", 1),
        ("A water and forestry officer was killed.", "killed", 1),
        ("Two US soldiers were killed.", "killed", 2),
        ("Islamic State executed at least five of its own fighters.", "killed", 5),
        ("The Councillor Ana Reyes and her driver were fatally shot.", "killed", 2),
        # injuries
        ("The attacker stabbed 12 people on a bus.", "injured", 12),
        ("Three workers were beaten.", "injured", 3),
        ("Two guards suffered gunshot wounds.", "injured", 2),
        ("A soldier sustained serious head injuries.", "injured", 1),
        ("The explosion resulted in one minor injury.", "injured", 1),
        ("A grenade hit the bank hall, wounding critically 2 customers.", "injured", 2),
        # other verbs of killing
        ("Gunmen ambushed the patrol, shooting four officers to death.", "killed", 4),
        ("The militants burned 5 prisoners alive.", "killed", 5),
        ("The rebels slit the throats of five farmers.", "killed", 5),
        ("The blast resulted in one death.", "killed", 1),
        ("Gunmen opened fire on two shepherds, killing them both.", "killed", 2),
        # arrests
        ("The force detained an Islamic Jihad Union facilitator and several other insurgents.", "arrested", 4),
        ("Security forces took the two occupants of the car into custody.", "arrested", 2),
    ],
)
def test_counts_read_through_the_words_around_them(sentence: str, category: str, best: int) -> None:
    assert one(sentence, category).count.best == best


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Gunmen killed Roberto Navas and Juan Lopez in Usulutan.", [("killed", 2)]),
        ("Gunmen killed Roberto Navas, Juan Lopez and Pedro Gomez.", [("killed", 3)]),
        ("Roberto Navas and Juan Lopez were killed by gunmen.", [("killed", 2)]),
        ("Gunmen killed journalist Roberto Navas and photographer Juan Lopez.", [("killed", 2)]),
        # an age or a description set off by commas after each name
        ("Juan Lopez, 45, and Pedro Gomez, 32, were killed in the attack.", [("killed", 2)]),
        ("Gunmen killed Juan Lopez, 45, and Pedro Gomez, 32.", [("killed", 2)]),
        ("Gunmen killed Roberto Navas, a journalist, and Juan Lopez, a photographer.", [("killed", 2)]),
        ("Gunmen killed Ahmed Khan, 45, and wounded his son.", [("killed", 1), ("injured", 1)]),
        # and before a count of others: the age ends the apposition, it starts no list of ages
        ("Police said Ahmed Khan, 45, and three others were killed in the attack.", [("killed", 4)]),
        ("Ahmed Khan, a journalist, and two others were injured.", [("injured", 3)]),
        ("The children, aged 6, 8 and 10, were injured in the blast.", []),
        # a one-word name after "and" is a place as often as a person; a title writes every word big
        ("The attack killed Ahmed Khan in Kabul and Kandahar.", [("killed", 1)]),
        ("Gunmen killed Roberto Navas, Reuters said.", [("killed", 1)]),
        ("Burma Army Kills Woman and Continues Attacks in Ba Maw District", [("killed", 1)]),
    ],
)
def test_people_named_in_a_list_count_one_each(sentence: str, expected: list[tuple[str, int]]) -> None:
    assert summary(sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # a parent told by the number of their children is one person
        ("Mother of two killed in Kabul blast", [("killed", 1)]),
        ("Father of four shot dead in Juarez", [("killed", 1)]),
        ("A mother of three was killed in the attack.", [("killed", 1)]),
        # one of a number the text gives is one
        ("One of two brothers was killed.", [("killed", 1)]),
        ("Two of five soldiers were killed in the ambush.", [("killed", 2)]),
        ("Two of the soldiers were killed.", [("killed", 2)]),
    ],
)
def test_a_number_after_of_tells_whose_or_of_how_many(sentence: str, expected: list[tuple[str, int]]) -> None:
    assert summary(sentence) == expected


def test_a_headlines_person_told_by_whose_they_are_is_the_victim() -> None:
    [mention] = find_counts("Wife of the Mayor Killed in Ambush")
    assert mention.count.best == 1 and mention.victim == "Wife"  # not the mayor


def test_cuts_and_fractures_suffered_are_injuries() -> None:
    assert summary("Two soldiers suffered minor cuts in the blast.") == [("injured", 2)]
    assert summary("Three passengers suffered fractures when the bomb went off.") == [("injured", 3)]
    assert summary("The budget suffered deep cuts.") == []


def test_a_name_in_capitals_counts_with_a_title_after_it() -> None:
    # in capitals every word looks like a name: a title must go with it, before or after
    assert summary("THE COURT WILL INVESTIGATE THE MURDER OF JECAR NEGHME, SPOKESMAN OF THE MIR.") == [("killed", 1)]
    assert summary("THE COURT WILL INVESTIGATE THE MURDER OF JECAR NEGHME IN SANTIAGO.") == []


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Man shot to death in Tijuana", [("killed", 1)]),
        ("Four Executed in Sinaloa", [("killed", 4)]),
        ("7 die in southern Chihuahua", [("killed", 7)]),
        ("Nine bodies found in Tamaulipas", [("killed", 9)]),
        ("Bloody weekend claims 36 lives", [("killed", 36)]),
        ("Teen killed in protest", [("killed", 1)]),
        ("Third journalist killed in Veracruz", [("killed", 1)]),
        ("Gunman killed by police", [("killed", 1)]),
        ("Police officer killed two people", [("killed", 2)]),  # the officer did it
        ("5 women found shot dead inside vehicle", [("killed", 5)]),
        ("8 Brotherhood loyalists killed, 4 arrested in Egypt", [("killed", 8), ("arrested", 4)]),
        ("Militia loses 10 of its fighters in air raid", [("killed", 10)]),
        # a headline's list of bare singular nouns, two joined by a comma alone
        ("Prayer leader, ANA official gunned down in Farah", [("killed", 2)]),
        ("Policeman, soldier and teacher killed in Kandahar blast", [("killed", 3)]),
        ("Unknown attackers gun down tribal elder in Uruzgan", [("killed", 1)]),
        ("Gunmen gun down two policemen in Kandahar", [("killed", 2)]),
        # a headline's clause after a label and its colon, or after a clause on a fate
        ("Tijuana: Man executed in gym in La Mesa", [("killed", 1)]),
        ("Bui Division: Husband, wife and baby killed by government forces in a raid", [("killed", 3)]),
        ("DAB officer injured, guard killed in Kabul blast", [("injured", 1), ("killed", 1)]),
        ("Relative of El Chapo Guzman murdered in Sinaloa", [("killed", 1)]),  # whose relative, named
        ("Head of police killed in Kandahar", [("killed", 1)]),
        ("Motorcyclist murdered on Vetagrande road", [("killed", 1)]),
    ],
)
def test_headlines_without_articles(sentence: str, expected: list[tuple[str, int]]) -> None:
    for text in both_cases(sentence):
        assert summary(text) == expected


@pytest.mark.parametrize(
    ("sentence", "category", "victim"),
    [
        # the victim is the description when the text gives one, else the name
        ("Troops killed Taliban commander Mullah Rahim.", "killed", "Taliban commander"),
        ("Ahmed Khan was assassinated in Quetta.", "killed", "Ahmed Khan"),
        ("Sufi cleric Ilyas Karimov was killed in his car.", "killed", "Sufi cleric"),
        ("The raid resulted in the death of Maulawi Karim, a local commander.", "killed", "Maulawi Karim"),
        ("Gunmen shot and killed Omar Haddad, a waiter, in the market.", "killed", "Omar Haddad"),
    ],
)
def test_a_named_person_is_one(sentence: str, category: str, victim: str) -> None:
    mention = one(sentence, category)
    assert (mention.count.best, mention.victim) == (1, victim)


def test_a_named_person_in_wire_copy_needs_a_title() -> None:
    assert summary("TROOPS KILLED TALIBAN COMMANDER MULLAH RAHIM.") == [("killed", 1)]
    assert summary("SECURITY FORCES KILLED EVERYONE.") == []


def test_a_named_person_and_a_companion_add_up() -> None:
    assert summary("Mayor Juan Perez and his son were kidnapped and killed.") == [("kidnapped", 2), ("killed", 2)]


@pytest.mark.parametrize(
    "sentence",
    [
        "The army killed Afghan soldiers.",  # a plural noun without a number
        "Mosul was captured by the militants.",  # a place, not a person
        "The blast killed a sniffer dog.",  # animals are not casualties
        "He received one death threat.",
        "He trained fighters in the planning and execution of IED attacks.",  # a name as a modifier
        "The commander executes tactical insurgent operations.",
        "A man stabbed an elder couple.",  # a couple is not one person
    ],
)
def test_what_a_name_or_a_noun_does_not_count(sentence: str) -> None:
    assert find_counts(sentence) == []


def test_a_possessive_name_is_not_a_second_person() -> None:
    mention = one("Police arrested Karimov's brother.", "arrested")
    assert (mention.count.best, mention.victim) == (1, "brother")


def test_the_agent_before_an_object_with_a_long_modifier_is_not_a_victim() -> None:
    for text in both_cases("A terrorist killed a water and forestry officer."):
        mention = one(text, "killed")
        assert mention.count.best == 1
        assert mention.count.text.lower() == "killed a water and forestry officer"


def test_nobody_injured_after_an_and_stays_zero() -> None:
    assert summary("The bomb exploded near the gate and no one was injured.") == [("injured", 0)]


@pytest.mark.parametrize(
    "sentence",
    [
        "The blast could have caused a fire in the depot, killing thousands.",
        "Police said the bomb would have killed hundreds.",
        "The kidnappers threatened to kill the 12 hostages.",
        "The group warned it would begin killing the 12 hostages.",
        "The militants falsely claimed that 30 soldiers were killed.",
    ],
)
def test_hypothetical_counts_are_dropped(sentence: str) -> None:
    for text in both_cases(sentence):
        assert [m for m in find_counts(text) if m.category == "killed"] == []


def test_a_claim_not_called_false_keeps_its_count() -> None:
    assert summary("The militants claimed that 30 soldiers were killed.") == [("killed", 30)]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # the main verb after a relative clause tells a second fate of the same people
        ("Three policemen who were abducted a few days previously were found beheaded.",
         [("kidnapped", 3), ("killed", 3)]),
        ("A soldier abducted by the rebels a week ago was found dead.", [("kidnapped", 1), ("killed", 1)]),
        ("Two children who were wounded in the attack later died.", [("killed", 2)]),
        ("Two soldiers who were injured in the blast were taken to hospital.", [("injured", 2)]),
        ("A man killed in the attack was identified as a teacher.", [("killed", 1)]),
        # a phrase with "for" between a group and its verb
        ("A civilian support worker for the army was killed in the attack.", [("killed", 1)]),
        # more ways of killing
        ("The video showed the decapitation of an alleged spy.", [("killed", 1)]),
        ("Militants slit the throat of a mining contractor.", [("killed", 1)]),
        ("A man bled to death after the attack.", [("killed", 1)]),
        # a passive after a first predicate of the group
        ("Four Chinese nationals survived and were treated for gunshot wounds.", [("injured", 4)]),
        ("Three soldiers were shot at close range by militias and were seriously wounded.", [("injured", 3)]),
        # a pronoun names the people just counted as the victims of a second act
        ("Gunmen abducted three men and later killed them.", [("kidnapped", 3), ("killed", 3)]),
        ("Insurgents attacked two farmers on their farm and slit their throats.", [("killed", 2)]),
        ("Gunmen kidnapped a teacher and slit his throat.", [("kidnapped", 1), ("killed", 1)]),
        ("Three gunmen stormed the house and killed them.", []),
        ("Eleven people had their heads cut off in an attack.", [("killed", 11)]),
        # what befell some of those kidnapped or wounded
        ("Two of the kidnapped officers were later found dead.", [("killed", 2)]),
        ("One of the abductees succumbed to his wounds.", [("killed", 1)]),
        ("Two of the abductees were released.", [("kidnapped", 2)]),
        ("Two wounded soldiers later died in hospital.", [("killed", 2)]),
        ("One of the dead officers was a father of three.", []),
        # a list broken by "almost all of them"
        ("In total 92 people, almost all of them civilians, were killed.", [("killed", 92)]),
        # an active verb's object after a place or time phrase, never a passive's
        ("Militants killed on Monday three policemen.", [("killed", 3)]),
        ("Two soldiers were killed in clashes with 20 militants.", [("killed", 2)]),
        ("Five were killed and 13 injured in Sadoun street and 13 killed and 34 injured in Sadr City.",
         [("killed", 5), ("injured", 13), ("killed", 13), ("injured", 34)]),
        ("Two persons were killed and another injured in two explosions in Baghdad.", [("killed", 2), ("injured", 1)]),
        # a number before a list whose last item has none, past that item's "of" phrase
        ("50 civilians and members of the security forces were killed.", [("killed", 50)]),
        # in a list, the hostages freed are not the dead
        ("The raid ended with two suicide bombers killed in action and ten hostages freed.", [("killed", 2)]),
        # a shot in a limb wounds
        ("A man was shot in both arms and legs in a paramilitary-style attack.", [("injured", 1)]),
        ("Two men were shot in the legs.", [("injured", 2)]),
        ("One person was shot in the head.", []),
        # people only are blown up
        ("A woman was blown up by a roadside bomb.", [("killed", 1)]),
        ("The bridge was blown up by militants.", []),
    ],
)
def test_a_fate_after_a_clause(sentence: str, expected: list[tuple[str, int]]) -> None:
    assert summary(sentence) == expected


def test_an_attempt_that_killed_is_not_hypothetical() -> None:
    assert summary("Gunmen tried to storm the base, killing 3 soldiers.") == [("killed", 3)]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # a purpose or an attempt is not an outcome
        ("The force conducted an operation to detain a Taliban leader in Arghandab district.", []),
        ("As the force conducted a search to detain the two insurgents, it observed the two men were armed.", []),
        ("A suicide bomber attempted to kill the British ambassador.", []),
        # ... but it governs only the verb right after it
        ("ISIS shelled civilians attempting to escape from Fallujah, killing 2 and injuring 20.", [("killed", 2), ("injured", 20)]),
        ("Two policemen who tried to stop the vehicle were killed.", [("killed", 2)]),
    ],
)
def test_a_purpose_or_an_attempt_counts_nobody(sentence: str, expected: list[tuple[str, int]]) -> None:
    assert summary(sentence) == expected


def test_a_group_set_off_by_a_name_still_joins_the_list() -> None:
    text = "The force killed Taliban leader, Mahjur, along with one other insurgent, during a security operation."
    assert summary(text) == [("killed", 2)]


def test_a_list_goes_on_past_what_it_includes() -> None:
    text = "Militants attacked the checkpoint, killing three civilians, including a woman and a child, and 11 soldiers."
    assert summary(text) == [("killed", 14)]
    # the inclusion itself is no addition
    assert summary("The blast killed three civilians, including a woman and a child.") == [("killed", 3)]
    # a group with its own verb after the inclusion is a count of its own
    assert summary("Three people were killed, including one soldier, and four wounded in the blast.") == [
        ("killed", 3), ("injured", 4)]


def test_a_part_named_with_of_which_is_no_addition() -> None:
    text = "Beheading of 21 Coptic Christians, 20 of which were kidnapped from Egypt."
    assert summary(text) == [("killed", 21), ("kidnapped", 20)]


def test_a_capitalised_title_of_an_institution_is_a_person() -> None:
    text = "In Belo, the Vice Principal of the Government Bilingual High School was killed in his own home."
    assert summary(text) == [("killed", 1)]
    assert summary("The Netherlands was hit.") == []


def test_the_other_two() -> None:
    text = "Gunmen shot at a car with 6 passengers, killing 4 of them and injuring the other 2."
    assert summary(text) == [("killed", 4), ("injured", 2)]


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("Seven Christian civilians was shoot dead in Gana-Ropp village.", [("killed", 7)]),  # as written
        ("A family of 5 people was killed in a path-side explosion.", [("killed", 5)]),
        ("Three people including a woman suspected to be a police informer were killed on Friday.", [("killed", 3)]),
    ],
)
def test_tolls_told_loosely(sentence: str, expected: list[tuple[str, int]]) -> None:
    assert summary(sentence) == expected


def test_as_many_repeats_the_number_before() -> None:
    text = "Two police personnel and as many civilians were killed in a roadside bombing."
    assert summary(text) == [("killed", 4)]


def test_a_list_goes_on_past_a_relative_clause() -> None:
    text = "Islamic State killed seven tribal fighters who support the government and five policemen on Saturday."
    assert summary(text) == [("killed", 12)]
    # a verb after the clause is no list item
    assert summary("Gunmen killed seven soldiers who were guarding a checkpoint and wounded three others.") == [
        ("killed", 7), ("injured", 3)]


def test_other_people_untold_are_two_at_least() -> None:
    (mention,) = find_counts("A security force detained a Taliban facilitator and other militants.")
    count = mention.count
    assert (count.min, count.best, count.approx) == (3, None, True)
    assert [(p.text, p.min) for p in count.parts] == [("a Taliban facilitator", 1), ("other militants", 2)]
    # a number or a determiner before "other" tells how many
    assert summary("Several other insurgents were detained.") == [("arrested", 3)]
    assert summary("The bomb killed a policeman and one of the other passengers.") == [("killed", 2)]


def test_animals_killed_are_no_toll() -> None:
    assert summary("Seven horses are also killed in the attacks.") == []


def test_others_named_after_the_verb_add_up() -> None:
    text = "The security chief, Bilal Shaikh, was killed, along with two others, in a suicide bomb attack."
    assert summary(text) == [("killed", 3)]
    # past a phrase of a few words after the verb
    text = "At least 34 civilians and 12 members of the security forces were killed during the assault, along with 9 insurgents."
    assert summary(text) == [("killed", 55)]
    # the whole list the addition opens
    text = "The provincial president is killed along with his driver and three bodyguards by ETA."
    assert summary(text) == [("killed", 5)]
    # past a phrase holding a list
    text = ("A security force captured a Haqqani Network facilitator for weapons, fighters and equipment used in"
            " attacks, along with more than 10 of his associates.")
    assert summary(text) == [("arrested", 12)]
    # not past a clause
    text = "A soldier was killed in the attack, which was claimed by the Taliban, along with two civilians."
    assert summary(text) == [("killed", 1)]


def test_a_definite_plural_is_counted_where_its_people_were_counted() -> None:
    (mention,) = find_counts("The security force engaged and killed the insurgents.")
    assert mention.anaphoric and mention.count.best is None and mention.count.parts[0].label == "insurgents"
    part = find_antecedent(["During the operation, the force identified multiple armed insurgents."], "insurgents")
    assert part is not None and part.text == "multiple armed insurgents" and part.min == 2
    assert find_antecedent(["The force identified a compound."], "insurgents") is None
    # not the rest of a group, and not a phrase inside another group
    assert all(not m.anaphoric for m in find_counts("One militant blew himself up while the others were killed."))
    assert summary("Two members of the security forces and a paramedic were killed.") == [("killed", 3)]


def test_a_noun_for_an_act_is_nobody() -> None:
    text = "The ambush resulted in the deaths of five enemy fighters and the recovery of four rifles."
    assert summary(text) == [("killed", 5)]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("A roadside bomb hit the truck, killing 4 civilians and a soldier who died of his wounds.", [("killed", 5)]),
        ("Three soldiers were killed and two civilians were killed.", [("killed", 5)]),
        ("The force arrested a Taliban leader and detained two suspected insurgents.", [("arrested", 3)]),
        ("The force captured a suspected militant and detained him for questioning.", [("arrested", 1)]),
        ("A car bomb left at least 4 militiamen dead and injured 3 in Mosul.", [("killed", 4), ("injured", 3)]),
        ("Twin blasts left at least 2 dead 3 injured.", [("killed", 2), ("injured", 3)]),
        ("The blast left 12 dead and injured 30.", [("killed", 12), ("injured", 30)]),
        ("Two elders were abducted from their homes and later executed.", [("kidnapped", 2), ("killed", 2)]),
    ],
)
def test_counts_of_one_category_joined_by_and_add_up(sentence: str, expected: list[tuple[str, int]]) -> None:
    for text in both_cases(sentence):
        assert summary(text) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("A taxi driver was beaten and shot dead.", [("killed", 1)]),
        ("Four villagers were beaten, stabbed and axed to death.", [("killed", 4)]),
        ("A police officer was stabbed and later died in hospital.", [("killed", 1)]),
        ("A man had been stabbed a number of times and died at the scene.", [("killed", 1)]),
    ],
)
def test_injuries_that_end_in_death_are_deaths(sentence: str, expected: list[tuple[str, int]]) -> None:
    for text in both_cases(sentence):
        assert summary(text) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("An officer stabbed to death a young soldier at the junction.", [("killed", 1)]),
        ("Two men stabbed and injured a border guard.", [("injured", 1)]),
        ("An assailant tried to stab a soldier at the gate.", []),
        # an object with no article: a title and a name
        ("A gunman killed police officer Salim Barakat in Tel Aviv.", [("killed", 1)]),
        ("Two killed, police said.", [("killed", 2)]),
    ],
)
def test_the_attackers_before_a_verb_with_an_object_are_not_counted(
    sentence: str, expected: list[tuple[str, int]]
) -> None:
    assert summary(sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("A drone strike killed four militants, the second since the killing of Osama bin Laden.", [("killed", 4)]),
        ("Police believe it was in retaliation for the assassination of Hamas leader Ahmed Yassin.", []),
        ("He had been jailed for murdering Menahem Stern.", []),
    ],
)
def test_a_named_death_given_as_a_cause_is_not_counted(sentence: str, expected: list[tuple[str, int]]) -> None:
    assert summary(sentence) == expected


def test_a_modal_that_does_not_govern_the_count_keeps_it() -> None:
    sentence = "The attack could be revenge for the death of two insurgents last week."
    assert summary(sentence) == [("killed", 2)]
    assert summary("The militants could kill thousands.") == []


def test_an_appositive_between_commas_that_adds_up_is_not_added() -> None:
    assert summary("At least one person, a two-year-old girl, was killed.") == [("killed", 1)]
    assert summary("Two tourists, one Norwegian and one Danish woman, were found murdered.") == [("killed", 2)]


def test_a_place_before_and_is_not_a_person() -> None:
    assert summary("A paratrooper was killed in Afghanistan and two other soldiers wounded.") == [
        ("killed", 1), ("injured", 2)
    ]


def test_dead_people_described_by_an_adjective_are_not_the_injured() -> None:
    assert summary("The group claimed 30 dead soldiers and others injured.") == [("killed", 30)]


@pytest.mark.parametrize(
    ("sentence", "additional"),
    [
        ("The security force detained one additional suspected insurgent.", True),
        ("The security force also detained two suspected insurgents.", True),
        ("Another 25 people were wounded.", True),
        ("Two more soldiers died in hospital.", True),
        ("The security force detained two suspected insurgents.", False),
        ("The blast killed 12 people and wounded 30 others.", False),
        ("The death toll rose to 31, officials said, and more are missing.", False),
        # the word adds to the phrase's own first person, not to a count told before
        ("The force detained the targeted individual and two additional suspects.", False),
        ("The force also detained the leader and two additional suspects.", True),
        # the wounded of an act that killed more add up too
        ("A second bomb exploded, killing an additional eight people and wounding 12 others.", True),
    ],
)
def test_counts_that_add_to_earlier_ones_are_marked(sentence: str, additional: bool) -> None:
    for text in both_cases(sentence):
        assert [m.additional for m in find_counts(text)][-1] is additional


def test_title_case_headlines_keep_a_count_before_a_comma() -> None:
    assert summary("Ambush On Army Convoy Kills 3, Rebels Claim") == [("killed", 3)]
    assert summary("Victor Pomas, 30, Killed In Juarez") == []  # an age between commas


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The army lost 1 officer and 3 soldiers to a landmine.", [("killed", 4)]),
        ("Gunmen assassinate a former opposition leader in the city.", [("killed", 1)]),
        ("The team lost 3 matches.", []),
    ],
)
def test_more_verbs_of_killing(sentence: str, expected: list[tuple[str, int]]) -> None:
    assert summary(sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("He commented on the attack in which 20 persons were killed.", [("killed", 20)]),
        ("The report that the daughter of the ambassador was seriously wounded is unfounded.", [("injured", 1)]),
        ("The report adds that one soldier was killed.", [("killed", 1)]),
        ("The arsenal is the largest one seized from the guerrillas.", []),
        ("The mercenaries were preparing to assassinate one of the cartel leaders.", []),
    ],
)
def test_a_clause_after_a_noun_is_not_its_verb(sentence: str, expected: list[tuple[str, int]]) -> None:
    for text in both_cases(sentence):
        assert summary(text) == expected
    victims = [m.victim for m in find_counts(sentence)]
    assert "report" not in " ".join(v or "" for v in victims).lower()


def test_attackers_killed_are_not_added_to_their_victims() -> None:
    assert summary("The attack killed 20 soldiers and 5 militants were killed.") == [("killed", 20), ("killed", 5)]


# -- the data file ------------------------------------------------------------------


def test_shipped_data_file_loads() -> None:
    lex = default_lexicon()
    assert lex.people["soldiers"][1] and lex.people["soldier"][0]
    assert lex.people["soldier"][2] == "security forces"
    assert lex.compounds[("aid", "workers")] == "civilians"
    assert "killed" in lex.trigger_words
    assert "people" not in lex.trigger_words  # too common to send a sentence to the count reader


def test_every_people_entry_reads_singular_plural() -> None:
    for side, entries in load_data(DATA_FILE)["people"].items():
        assert side in (*SIDES, "unknown")
        assert all("|" in e for e in entries)


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda d: d.update(version=2), "unsupported version"),
        (lambda d: d["categories"].update(maimed={"before": ["maimed"]}), "unknown count category"),
        (lambda d: d["categories"]["killed"].update(befor=["slew"]), "unknown keys"),
        (lambda d: d["categories"]["killed"].update(before=["killed", None]), "must be a list of phrases"),
        (lambda d: d["categories"]["kidnapped"].update(around=[["took"]]), "pairs"),
        (lambda d: d["people"].update(bystanders=["onlooker|onlookers"]), "unknown side"),
        (lambda d: d["people"]["civilians"].append("onlooker"), "singular|plural"),
        (lambda d: d["side_words"].update(aid="neutral"), "side_words"),
        (lambda d: d["zero_nouns"].update(deaths=["dead"]), "zero_nouns"),
        (lambda d: d.update(auxiliaries=[]), "non-empty list"),
        (lambda d: d["tolls"].update(maimed=["maimed toll"]), "unknown category"),
        (lambda d: d["zero_adjectives"].update(unharmed=["harmed"]), "zero_adjectives"),
        (lambda d: d["reporting_auxiliaries"].append("announced"), "also be in auxiliaries"),
        (lambda d: d.update(period_units=[]), "non-empty list"),
        (lambda d: d.pop("campaign_nouns"), "campaign_nouns"),
        (lambda d: d.update(modifier_phrases=["off"]), "two-word"),
        (lambda d: d["categories"]["injured"]["before"].append("suffered ... wounds"), "gap"),
        (lambda d: d["categories"]["injured"]["after"].append("... wounds"), "gap"),
        (lambda d: d.pop("hypothetical_cues"), "hypothetical_cues"),
    ],
)
def test_malformed_data_is_reported(change: object, message: str) -> None:
    data = copy.deepcopy(dict(load_data(DATA_FILE)))
    change(data)  # type: ignore[operator]
    with pytest.raises(RegistryError, match=message):
        CountLexicon.from_data(data)


def test_a_lexicon_can_be_passed_in() -> None:
    data = copy.deepcopy(dict(load_data(DATA_FILE)))
    data["categories"]["killed"]["after"].append("felled")
    lexicon = CountLexicon.from_data(data)
    assert [(m.category, m.count.best) for m in find_counts("Three gunmen were felled.", lexicon)] == [("killed", 3)]
    assert find_counts("Three gunmen were felled.") == []


def test_every_phrase_can_pass_the_sentence_prefilter() -> None:
    lex = default_lexicon()
    data = load_data(DATA_FILE)
    phrases = [p for table in data["categories"].values() for key in ("before", "strict", "after", "strict_after", "nouns")
               for p in table.get(key, [])]
    phrases += [pair[1] for table in data["categories"].values() for pair in table.get("around", [])]
    phrases += [p for group in data["tolls"].values() for p in group] + list(data["zero_nouns"])
    silent = [p for p in phrases if lex.trigger_words.isdisjoint(p.lower().split())]
    assert silent == []


def test_every_cumulative_cue_can_be_found() -> None:
    lex = default_lexicon()
    data = load_data(DATA_FILE)
    cues = data["cumulative_cues"] + data["aggregate_cues"] + data["period_cues"]
    assert [c for c in cues if lex.cue_words.isdisjoint(c.split())] == []


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("An Iraqi was killed and eight others were injured.", [("killed", 1), ("injured", 8)]),
        ("A Palestinian was shot dead by troops.", [("killed", 1)]),
        ("The Afghan government was attacked.", []),
    ],
)
def test_one_of_a_people_is_a_person(sentence: str, expected: list[tuple[str, int]]) -> None:
    assert summary(sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Three violent murders in the early hours of Sunday", [("killed", 3)]),
        ("Two homicides are recorded in different parts of the city", [("killed", 2)]),
        ("Three kidnappings were reported in Zamfara.", [("kidnapped", 3)]),
        ("He condemned the killings.", []),
    ],
)
def test_acts_counted_are_people_counted(sentence: str, expected: list[tuple[str, int]]) -> None:
    assert summary(sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Benito Portillo Torres, killed in Culiacán", [("killed", 1)]),
        ("Journalist Benito Portillo killed in Culiacán", [("killed", 1)]),
        ("John Smith arrested in London", [("arrested", 1)]),
        ("Abdul Rahman killed a soldier", [("killed", 1)]),  # the soldier, not Abdul Rahman
    ],
)
def test_a_headline_that_opens_with_a_name(sentence: str, expected: list[tuple[str, int]]) -> None:
    assert summary(sentence) == expected
    if "soldier" in sentence:
        assert one(sentence, "killed").victim == "soldier"


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Militants shelled a home, killing an entire family of five.", [("killed", 5)]),
        ("A family of six was killed in an air strike.", [("killed", 6)]),
        ("Militants stoned two women to death in Raqqa.", [("killed", 2)]),
        ("Ten fishermen are cut down by Boko Haram.", [("killed", 10)]),
        ("Twelve worshippers were mowed down by gunmen.", [("killed", 12)]),
        ("The family of five victims demanded justice.", []),
    ],
)
def test_families_and_deaths_told_by_their_manner(sentence: str, expected: list[tuple[str, int]]) -> None:
    assert summary(sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "expected", "side"),
    [
        # a long apposition with an article: the person named before it is the one counted
        ("Mexican journalist Cándido Ríos, a correspondent for a regional newspaper in the state of Veracruz, "
         "was killed on Tuesday.", [("killed", 1)], "civilians"),
        ("Murach, a Taliban leader from Helmand, was killed in the raid.", [("killed", 1)], "militants"),
        ("Xulhaz Mannan, an employee of the U.S. Embassy in Dhaka and the editor of a magazine, was hacked "
         "to death in his apartment along with his friend.", [("killed", 2)], None),
        # a participle phrase and a stray comma before the verb
        ("A social leader claiming land, was killed Thursday in Riosucio.", [("killed", 1)], None),
        # a headline's bare noun in a sentence, with a modifier that has no singular
        ("Police officer was killed in an ambush in Muang district.", [("killed", 1)], "security forces"),
        # a singular demonym as a whole noun phrase
        ("A Canadian and a Briton were killed near Raqqa.", [("killed", 2)], None),
        ("Militants attacked a military base, killing a Togolese.", [("killed", 1)], None),
        ("An unknown person shoots and injures a 21-year-old in Belfast.", [("injured", 1)], None),
        # two words of the phrase after a people's name
        ("A Shiite religious scholar was shot and critically wounded by gunmen.", [("injured", 1)], "civilians"),
    ],
)
def test_one_person_told_with_what_describes_them(sentence: str, expected: list[tuple[str, int]], side: str | None) -> None:
    assert summary(sentence) == expected
    assert find_counts(sentence)[0].side == side


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # what the people counted were doing lies between them and their verb: its object is no one
        ("Two health workers fighting the deadly Ebola outbreak in the DRC were killed when rebels opened fire.",
         [("killed", 2)]),
        ("Two workers repairing the power line were wounded by a mine.", [("injured", 2)]),
        ("Four soldiers escorting the convoy were killed and the driver was wounded.", [("killed", 4), ("injured", 1)]),
        ("Two policemen guarding a bank were shot dead.", [("killed", 2)]),
        # a participle that is the verb of the count keeps its object
        ("The blast killed three people, injuring the driver.", [("killed", 3), ("injured", 1)]),
    ],
)
def test_a_participle_and_its_object_between_the_people_and_their_verb(
    sentence: str, expected: list[tuple[str, int]]
) -> None:
    assert summary(sentence) == expected


def test_a_cue_after_another_number_is_that_numbers() -> None:
    mention = one("A roadside bomb killed two policemen on Thursday, police said, bringing to 11 the number of "
                  "officers killed by roadside bombs over the past two days.", "killed")
    assert (mention.count.best, mention.cumulative, mention.aggregate) == (2, False, False)
    assert one("12 people were killed over the past two days.", "killed").aggregate


def test_a_period_cue_makes_no_round_up_of_one_person() -> None:
    assert not one("A university student was killed in the last hours by an armed command.", "killed").aggregate
    assert one("In the last 24 hours, 12 people were killed in Kabul.", "killed").aggregate


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("10 of the 18 uniformed men are killed, as well as 4 officials from the National Registry.", [("killed", 14)]),
        ("The bomb killed three soldiers as well as two civilians.", [("killed", 5)]),
        # past an inclusion, a singular group goes on the list ("in the town" is no verb of its own)
        ("He killed 7 tourists, including four children, and another soldier in the town.", [("killed", 8)]),
        ("Three were killed, including a soldier, and four wounded.", [("killed", 3), ("injured", 4)]),
        ("The blast killed three people, including a soldier, and four were wounded.", [("killed", 3), ("injured", 4)]),
        # a list that is the subject goes on past its inclusion to the verb they share
        ("Four policemen, including an officer, and four civilians were injured in three explosions.",
         [("injured", 8)]),
        ("A bomb resulted in two deaths, including one journalist, and nineteen reported injuries.",
         [("killed", 2), ("injured", 19)]),
    ],
)
def test_additions_after_the_verb_and_past_an_inclusion(sentence: str, expected: list[tuple[str, int]]) -> None:
    assert summary(sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # number words joined by "and" are one number only after a scale word
        ("A gunman killed one and two others were wounded.", [("killed", 1), ("injured", 2)]),
        ("One hundred and twenty people were killed.", [("killed", 120)]),
        # injuries told with "with", past the preposition that would otherwise be skipped
        ("The attack killed four farmers and left two others with serious injuries.", [("killed", 4), ("injured", 2)]),
        ("Two soldiers with the patrol were wounded.", [("injured", 2)]),
        # "other" for "another"
        ("At least one jawan was killed and other was injured.", [("killed", 1), ("injured", 1)]),
    ],
)
def test_second_counts_after_the_first(sentence: str, expected: list[tuple[str, int]]) -> None:
    assert summary(sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # a second predicate of the group, in the passive
        ("Two militants fired on the convoy and were killed.", [("killed", 2)]),
        ("During the operation several insurgents presented an immediate threat to the force and were killed.",
         [("killed", 3)]),
        ("Two gunmen opened fire on a bus and were arrested.", [("arrested", 2)]),
        # not past another count, nor for a group that is an object
        ("Three soldiers attacked the village and two civilians were killed.", [("killed", 2)]),
        ("Security forces killed two militants and were praised.", [("killed", 2)]),
    ],
)
def test_a_group_with_a_second_predicate_in_the_passive(sentence: str, expected: list[tuple[str, int]]) -> None:
    assert summary(sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("They locate an executed man in a ravine", [("killed", 1)]),
        ("A dead man was found in a ravine outside the town.", [("killed", 1)]),
        ("Two murdered women found in Juarez", [("killed", 2)]),
        ("A wounded soldier was taken to hospital.", [("injured", 1)]),
        ("Five tortured and executed with the coup de grace in the streets of Nuevo Laredo", [("killed", 5)]),
        # the kidnapping is counted too
        ("She was kidnapped and killed.", [("kidnapped", 1), ("killed", 1)]),
        # a state before "bodies" does not hide them
        ("3 Dismembered Bodies Discovered in Agua Prieta", [("killed", 3)]),
    ],
)
def test_people_told_by_their_fate(sentence: str, expected: list[tuple[str, int]]) -> None:
    assert summary(sentence) == expected
