"""Roles, attribution, denials and claims of responsibility."""

from __future__ import annotations

import pytest

from sitrep.actors import ActorRegistry, assess, attribution, denied, find_claims, role
from sitrep.actors.attribution import compile_cues
from sitrep.errors import RegistryError


@pytest.fixture(scope="module")
def registry() -> ActorRegistry:
    return ActorRegistry.load()


def span(sentence: str, name: str) -> tuple[str, int, int]:
    start = sentence.index(name)
    return sentence, start, start + len(name)


# --- claimed, attributed, suspected -------------------------------------------------------


@pytest.mark.parametrize(
    "sentence, name, expected",
    [
        # claimed
        ("ISIS claimed responsibility for the attack.", "ISIS", "claimed"),
        ("The Taliban quickly claimed the suicide attack on the base.", "Taliban", "claimed"),
        ("Al-Shabaab has claimed it.", "Al-Shabaab", "claimed"),
        ("In a claim by the Taliban, a spokesman said 20 soldiers died.", "Taliban", "claimed"),
        ("Responsibility for the bombing was claimed by the Pakistani Taliban.", "Pakistani Taliban", "claimed"),
        ("Islamic State's Amaq news agency said the attacker was a soldier of the caliphate.", "Islamic State", "claimed"),
        ("The ELN said it carried out the attack on the pipeline.", "ELN", "claimed"),
        ("Hamas took responsibility for the shooting.", "Hamas", "claimed"),
        ("ISKP, which operates in the east, claimed the bombing.", "ISKP", "claimed"),
        ("THE FMLN CLAIMED RESPONSIBILITY FOR THE ATTACK.", "FMLN", "claimed"),
        # attributed
        ("Officials blamed ISIS for the bombing.", "ISIS", "attributed"),
        ("The attack was blamed on the Taliban.", "Taliban", "attributed"),
        ("The massacre was carried out by Boko Haram.", "Boko Haram", "attributed"),
        ("The blast was attributed to al-Shabaab.", "al-Shabaab", "attributed"),
        ("Taliban fighters stormed a checkpoint.", "Taliban", "attributed"),
        ("Al-Shabaab gunmen killed 12 people.", "Al-Shabaab", "attributed"),
        ("Two children were killed in an al-Shabaab mortar attack.", "al-Shabaab", "attributed"),
        ("The village was attacked by ADF rebels.", "ADF", "attributed"),
        ("A shootout with Islamic State left three police dead.", "Islamic State", "attributed"),
        ("PEASANTS WERE KIDNAPPED BY TERRORISTS OF THE FMLN.", "FMLN", "attributed"),
        # suspected
        ("Suspected Boko Haram fighters attacked the village.", "Boko Haram", "suspected"),
        ("The gunmen are believed to be members of the Islamic State.", "Islamic State", "suspected"),
        ("Police suspect al-Shabaab carried out the attack.", "al-Shabaab", "suspected"),
        ("The attackers were thought to be from ISIS.", "ISIS", "suspected"),
        ("The ELN is suspected of planting the bomb.", "ELN", "suspected"),
        ("The Taliban probably carried out the attack.", "Taliban", "suspected"),
        ("The ADF may have killed them.", "ADF", "suspected"),
        ("The Islamic State was most likely behind the attack.", "Islamic State", "suspected"),
        ("The bombing bore the hallmarks of al-Shabaab.", "al-Shabaab", "suspected"),
        ("Al-Qaeda-linked militants attacked a UN base.", "Al-Qaeda", "suspected"),
        ("Militants linked to al-Qaeda attacked a UN base.", "al-Qaeda", "suspected"),
    ],
)
def test_attribution(sentence: str, name: str, expected: str) -> None:
    assert attribution(*span(sentence, name)) == expected
    assert role(*span(sentence, name)) == "perpetrator"


def test_claimed_attributed_and_suspected_differ_for_the_same_group() -> None:
    assert attribution(*span("ISIS claimed responsibility", "ISIS")) == "claimed"
    assert attribution(*span("Officials blamed ISIS", "ISIS")) == "attributed"
    assert attribution(*span("suspected ISIS militants", "ISIS")) == "suspected"


# --- not perpetrators ---------------------------------------------------------------------


@pytest.mark.parametrize(
    "sentence, name",
    [
        ("The Taliban denied involvement in the attack.", "Taliban"),
        ("Hamas denied responsibility.", "Hamas"),
        ("The FARC rejected any responsibility for the blast.", "FARC"),
        ("The PKK distanced itself from the bombing.", "PKK"),
    ],
)
def test_denials_are_not_attributions(sentence: str, name: str) -> None:
    result = assess(*span(sentence, name))
    assert result.denied and result.attribution is None and result.role == "other"
    assert denied(*span(sentence, name))


@pytest.mark.parametrize(
    "sentence, name",
    [
        ("An attack on Hamas positions killed three.", "Hamas"),
        ("Israeli jets struck ISIS targets near Raqqa.", "ISIS"),
        ("Troops killed three Taliban in Helmand.", "Taliban"),
        ("Troops killed three suspected ISIS militants.", "ISIS"),
        ("The offensive against the PKK continued.", "PKK"),
        ("A Hezbollah commander was killed in the strike.", "Hezbollah"),
        ("Boko Haram fighters were killed by soldiers.", "Boko Haram"),
        ("Police arrested four suspected ISIS members.", "ISIS"),
        ("The anti-ISIS coalition met in Rome.", "ISIS"),
        ("Airstrikes on al-Shabaab hideouts killed 20.", "al-Shabaab"),
    ],
)
def test_targets(sentence: str, name: str) -> None:
    result = assess(*span(sentence, name))
    assert result.role == "target" and result.attribution is None


@pytest.mark.parametrize(
    "sentence, name",
    [
        ("A Hamas spokesman said the rockets were a warning.", "Hamas"),
        ("Hamas said Israel had broken the truce.", "Hamas"),
        ("According to the Taliban, the road was closed.", "Taliban"),
        ("An ISIS-inspired attacker stabbed two people.", "ISIS"),
        ("Iran-backed militias and the Houthi-held port were mentioned.", "Houthi"),
        ("The talks between the Taliban and the US resumed.", "Taliban"),
        ("No group has claimed the attack, although ISIS has done so in the past.", "ISIS"),
        ("The ELN has not claimed the kidnapping.", "ELN"),
    ],
)
def test_bystanders_speakers_and_backers_are_other(sentence: str, name: str) -> None:
    assert role(*span(sentence, name)) == "other"
    assert attribution(*span(sentence, name)) is None


def test_a_denial_in_a_relative_clause_keeps_the_official_blame() -> None:
    sentence = "Officials blamed the Pakistani Taliban, which denied any role."
    result = assess(*span(sentence, "Pakistani Taliban"))
    assert (result.role, result.attribution, result.denied) == ("perpetrator", "attributed", True)


def test_unnamed_actors(registry: ActorRegistry) -> None:
    sentence = "Gunmen opened fire on worshippers before police killed two gunmen."
    first, police, second = registry.find_all(sentence)
    assert role(sentence, first.start, first.end) == "perpetrator"
    assert role(sentence, police.start, police.end) == "perpetrator"
    assert role(sentence, second.start, second.end) == "target"
    sentence = "Unidentified attackers fled the scene."
    [attackers] = registry.find_all(sentence)
    assert assess(sentence, attackers.start, attackers.end).attribution == "attributed"


def test_the_cue_is_reported() -> None:
    assert assess(*span("Officials blamed the attack on ISIS.", "ISIS")).cue.startswith("blamed")
    assert assess(*span("Troops killed three Taliban.", "Taliban")).cue == "killed three"


# --- claims in a sentence -----------------------------------------------------------------


def claims(sentence: str) -> list[tuple[str, bool, str | None, str | None]]:
    out = []
    for c in find_claims(sentence):
        by = sentence[c.by_start : c.by_end] if c.by_start is not None and c.by_end is not None else None
        out.append((c.text, c.claimed, by, c.by_name))
    return out


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("ISIS claimed responsibility for the attack.", [("claimed responsibility", True, "ISIS", "Islamic State")]),
        ("ISIS-K claimed it on Telegram.", [("claimed it", True, "ISIS-K", "Islamic State – Khorasan Province")]),
        ("The Taliban claimed the attack on the base.", [("claimed the attack", True, "Taliban", "Taliban")]),
        ("Responsibility was claimed by the Real IRA.",
         [("Responsibility was claimed by", True, "Real IRA", "Real Irish Republican Army")]),
        ("There was a claim of responsibility from al-Shabaab.",
         [("claim of responsibility from", True, "al-Shabaab", "al-Shabaab")]),
        ("Hamas took responsibility for the shooting.", [("took responsibility", True, "Hamas", "Hamas")]),
        ("The group said it carried out the attack.", [("said it carried out", True, None, None)]),
        ("The Amaq news agency said the attacker was an IS fighter.",
         [("Amaq news agency", True, None, "Islamic State")]),
        ("THE FMLN CLAIMED RESPONSIBILITY FOR THE ATTACK.",
         [("CLAIMED RESPONSIBILITY", True, "FMLN", "Farabundo Martí National Liberation Front")]),
    ],
)
def test_positive_claims(sentence: str, expected: list[tuple[str, bool, str | None, str | None]]) -> None:
    assert claims(sentence) == expected


@pytest.mark.parametrize(
    "sentence, expected_text, by",
    [
        ("No group has claimed responsibility for the blast.", "No group has claimed responsibility", None),
        ("No one has yet claimed responsibility.", "No one has yet claimed responsibility", None),
        ("Nobody claimed the attack.", "Nobody claimed", None),
        ("There was no immediate claim of responsibility.", "no immediate claim of responsibility", None),
        ("The ELN has not claimed the kidnapping.", "has not claimed", "ELN"),
        ("The Taliban denied responsibility for the bombing.", "denied responsibility", "Taliban"),
        ("NO GROUP HAS CLAIMED RESPONSIBILITY.", "NO GROUP HAS CLAIMED RESPONSIBILITY", None),
    ],
)
def test_negative_claims(sentence: str, expected_text: str, by: str | None) -> None:
    [(text, claimed, claimant, _)] = claims(sentence)
    assert (text, claimed, claimant) == (expected_text, False, by)


@pytest.mark.parametrize(
    "sentence",
    [
        "The blast claimed the lives of 12 people.",
        "The war has claimed 40,000 lives.",
        "Police claimed that the fire was an accident.",
        "He claimed asylum in Sweden.",
        "Officials said the attack killed 12 people.",
    ],
)
def test_sentences_without_claims(sentence: str) -> None:
    assert find_claims(sentence) == []


def test_claimant_is_the_nearest_actor_in_the_clause(registry: ActorRegistry) -> None:
    sentence = "Police blamed the Taliban, but ISIS claimed responsibility."
    assert claims(sentence) == [("claimed responsibility", True, "ISIS", "Islamic State")]
    sentence = "The Taliban said the attack was tragic; the group claimed responsibility."
    assert claims(sentence)[0][2] is None  # the claimant is resolved from context by the pipeline


def test_amaq_relays_the_claim_of_a_province() -> None:
    sentence = ("In a statement carried by Islamic State's Amaq news agency, ISWAP said its fighters had planted "
                "the explosives.")
    assert role(*span(sentence, "Islamic State")) == "other"  # the relay, not the perpetrator
    assert attribution(*span(sentence, "ISWAP")) == "claimed"
    assert {c[3] for c in claims(sentence)} == {"Islamic State West Africa Province"}
    sentence = "Islamic State claimed responsibility through its Amaq news agency."
    assert attribution(*span(sentence, "Islamic State")) == "claimed"
    assert {c[3] for c in claims(sentence)} == {"Islamic State"}


def test_an_unnamed_group_can_be_the_claimant() -> None:
    sentence = "A little-known militant alliance claimed the attack, but officials blamed the Pakistani Taliban."
    assert claims(sentence) == [("claimed the attack", True, "militant alliance", "armed group")]


def test_claims_use_the_mentions_given(registry: ActorRegistry) -> None:
    sentence = "ISIS claimed responsibility, officials said."
    mentions = registry.find_all(sentence)
    assert find_claims(sentence, mentions) == find_claims(sentence)
    assert find_claims(sentence, []) [0].by_start is None


# --- the cue lists ------------------------------------------------------------------------


def test_cue_lists_are_validated() -> None:
    with pytest.raises(RegistryError, match="attribution.fighters"):
        compile_cues({"fighters": []})
    lists = {key: ["x"] for key in ("fighters", "forces", "members", "leaders", "objects", "acts", "hits", "against",
                                     "speech", "hedges", "not_agent_by", "events", "event_modifiers", "clash_with")}
    compile_cues(lists)
    with pytest.raises(RegistryError, match="bad pattern"):
        compile_cues({**lists, "acts": ["kill(ed"]})
    with pytest.raises(RegistryError, match="unknown lists"):
        compile_cues({**lists, "verbs": ["x"]})
