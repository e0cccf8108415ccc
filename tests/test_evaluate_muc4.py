"""``sitrep evaluate muc4``: the template-filling metric, the report -> template mapping, the
answer-key reader and the evaluator, on hand-made keys and hand-made reports (no spaCy,
except the last test)."""

from __future__ import annotations

import csv
import itertools
import json
from datetime import date
from pathlib import Path
from typing import Any, Iterable

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sitrep.evaluate.core import GoldDataError, evaluator
from sitrep.evaluate.muc4 import (
    DATA_FILE,
    Muc4Evaluator,
    dateline_date,
    is_recent,
    key_templates,
    load_mapping,
    muc_type,
    parse_slot,
    report_template,
)
from sitrep.evaluate.muc4_metric import (
    ROLES,
    assign,
    gold_template,
    normalize_mention,
    predicted_template,
    score_document,
    score_templates,
    tally_alignment,
)
from sitrep.model import ActorRef, Count, CountPart, Counts, DateSpan, Kind, Report, Target, Weapon

from fakes import FakeExtractor

MAPPING = load_mapping()


# -- helpers ------------------------------------------------------------------------------
def gold(kind: str = "ATTACK", optional: bool = False, **roles: list[Any]) -> dict[str, Any]:
    """A gold template; a role filler is a list of alternatives, or ("?", [alternatives])."""
    out: dict[str, Any] = {"incident_type": kind, "optional": optional}
    for role in ROLES:
        out[role] = [
            {"mentions": f[1], "optional": True} if isinstance(f, tuple) else {"mentions": f, "optional": False}
            for f in roles.get(role, [])
        ]
    return out


def pred(kind: str = "ATTACK", **roles: list[str]) -> dict[str, Any]:
    return {"incident_type": kind, **{role: [[m] for m in roles.get(role, [])] for role in ROLES}}


def scored(predictions: list[dict[str, Any]], golds: list[dict[str, Any]], **kw: Any):  # type: ignore[no-untyped-def]
    return score_templates({"d": predictions}, {"d": golds}, **kw)


# -- the metric ---------------------------------------------------------------------------
def test_a_perfect_prediction_scores_one_everywhere() -> None:
    g = gold("BOMBING", PerpInd=[["TERRORISTS"]], PerpOrg=[["FMLN"]], Target=[["BANK"]], Victim=[["GUARD"]], Weapon=[["DYNAMITE"]])
    p = pred("BOMBING", PerpInd=["TERRORISTS"], PerpOrg=["FMLN"], Target=["BANK"], Victim=["GUARD"], Weapon=["DYNAMITE"])
    s = scored([p], [g])
    assert s.f1() == 1.0
    assert all(s.f1(name) == 1.0 for name in ("incident_type", *ROLES))


def test_a_mention_matches_any_alternative_after_normalisation() -> None:
    g = gold(PerpOrg=[["FARABUNDO MARTI NATIONAL LIBERATION FRONT", "FMLN"]], Target=[["U.S. EMBASSY"]])
    s = scored([pred(PerpOrg=["fmln"], Target=["the U.S.  Embassy"])], [g])
    assert s.tallies["PerpOrg"].p_num == 1 and s.tallies["Target"].r_num == 1
    assert normalize_mention("The U.S. Embassy's gate") == "us embassys gate"


def test_a_type_mismatch_makes_no_pair_so_no_filler_counts() -> None:
    g = gold("ATTACK", PerpInd=[["GUERRILLAS"]])
    s = scored([pred("BOMBING", PerpInd=["GUERRILLAS"])], [g])
    assert s.tallies["PerpInd"].p_num == 0 and s.tallies["PerpInd"].p_den == 1 and s.tallies["PerpInd"].r_den == 1
    assert s.f1() == 0.0


def test_a_key_with_type_alternatives_accepts_either() -> None:
    g = gold("BOMBING / ATTACK", PerpInd=[["GUERRILLAS"]])
    assert scored([pred("ATTACK", PerpInd=["GUERRILLAS"])], [g]).f1() == 1.0
    assert scored([pred("BOMBING", PerpInd=["GUERRILLAS"])], [g]).f1() == 1.0


def test_an_optional_template_costs_nothing_unmatched_and_counts_matched() -> None:
    required = gold("ATTACK", PerpInd=[["GUERRILLAS"]])
    optional = gold("KIDNAPPING", optional=True, Victim=[["MAYOR"]])
    alone = scored([pred("ATTACK", PerpInd=["GUERRILLAS"])], [required, optional])
    assert alone.total.r_den == 2 and alone.f1() == 1.0
    both = scored([pred("ATTACK", PerpInd=["GUERRILLAS"]), pred("KIDNAPPING", Victim=["MAYOR"])], [required, optional])
    assert both.total.r_den == 4 and both.f1() == 1.0


def test_an_optional_filler_costs_nothing_unmatched_and_counts_matched() -> None:
    g = gold(PerpInd=[["GUERRILLAS"], ("?", ["UNIDENTIFIED MEN"])])
    without = scored([pred(PerpInd=["GUERRILLAS"])], [g])
    assert without.tallies["PerpInd"].r_den == 1 and without.f1("PerpInd") == 1.0
    with_it = scored([pred(PerpInd=["GUERRILLAS", "UNIDENTIFIED MEN"])], [g])
    assert with_it.tallies["PerpInd"].r_num == 2 and with_it.tallies["PerpInd"].r_den == 2


def test_optional_counts_scores_optional_parts_as_required() -> None:
    g = [gold(PerpInd=[["GUERRILLAS"], ("?", ["MEN"])]), gold("ARSON", optional=True)]
    s = scored([pred(PerpInd=["GUERRILLAS"])], g, optional_counts=True)
    assert s.tallies["PerpInd"].r_den == 2 and s.tallies["incident_type"].r_den == 2


def test_duplicates_count_once_and_a_gold_entity_is_credited_once() -> None:
    g = gold(PerpOrg=[["FARABUNDO MARTI NATIONAL LIBERATION FRONT", "FMLN"]])
    same = scored([pred(PerpOrg=["FMLN", "fmln", "F.M.L.N"])], [g])
    assert same.tallies["PerpOrg"].p_den == 1 and same.f1("PerpOrg") == 1.0  # one filler once normalised
    two_names = scored([pred(PerpOrg=["FMLN", "FARABUNDO MARTI NATIONAL LIBERATION FRONT"])], [g])
    assert two_names.tallies["PerpOrg"].p_num == 1 and two_names.tallies["PerpOrg"].p_den == 2
    assert two_names.tallies["PerpOrg"].r_num == 1 and two_names.tallies["PerpOrg"].r_den == 1


def test_the_alignment_is_optimal_where_greedy_pairing_is_not() -> None:
    g1 = gold(PerpInd=[["GUERRILLAS"]], Victim=[["MAYOR"]])
    g2 = gold(PerpInd=[["GUERRILLAS"]], Target=[["BANK"], ["STORE"]])
    p1 = pred(PerpInd=["GUERRILLAS"], Target=["BANK", "STORE"])
    p2 = pred(Victim=["MAYOR"])
    s = scored([p2, p1], [g1, g2])
    doc = score_document([predicted_template(p2), predicted_template(p1)], [gold_template(g1), gold_template(g2)])
    assert doc.pairs == ((0, 0), (1, 1))
    assert s.total.p_num == 2 + 1 + 3  # two types, MAYOR, GUERRILLAS + BANK + STORE


def test_predictions_in_a_document_without_incidents_are_all_spurious() -> None:
    s = score_templates({"d": [pred(PerpInd=["GUERRILLAS"])]}, {"d": [], "e": []})
    assert s.total.p_den == 2 and s.total.p_num == 0 and s.total.r_den == 0 and s.documents == 2


def test_a_predicted_filler_with_several_mentions_needs_all_of_them_among_the_alternatives() -> None:
    g = gold(PerpOrg=[["FARABUNDO MARTI NATIONAL LIBERATION FRONT", "FMLN"]])
    ok = {"incident_type": "ATTACK", "PerpOrg": [["FMLN", "FARABUNDO MARTI NATIONAL LIBERATION FRONT"]]}
    bad = {"incident_type": "ATTACK", "PerpOrg": [["FMLN", "REBELS"]]}
    assert scored([ok], [g]).f1("PerpOrg") == 1.0
    assert scored([bad], [g]).f1("PerpOrg") == 0.0


@pytest.mark.parametrize(
    "broken",
    [{"PerpInd": [["X"]]}, {"incident_type": "ATTACK", "PerpInd": [{"mentions": "X"}]}, {"incident_type": "ATTACK", "Weapon": [[1]]}],
)
def test_malformed_templates_are_refused(broken: dict[str, Any]) -> None:
    with pytest.raises(GoldDataError):
        gold_template(broken)


def _brute_assign(weights: list[list[float]]) -> float:
    n, m = len(weights), len(weights[0])
    if n <= m:
        return max(sum(weights[i][c] for i, c in enumerate(cols)) for cols in itertools.permutations(range(m), n))
    return max(sum(weights[r][j] for j, r in enumerate(rows)) for rows in itertools.permutations(range(n), m))


@settings(max_examples=200, deadline=None)
@given(st.lists(st.lists(st.integers(0, 9), min_size=3, max_size=3), min_size=1, max_size=5))
def test_the_hungarian_assignment_is_a_maximum(rows: list[list[int]]) -> None:
    weights = [[float(w) for w in row] for row in rows]
    pairs = assign(weights)
    assert len(pairs) == min(len(weights), 3) and len({j for _, j in pairs}) == len(pairs)
    assert sum(weights[i][j] for i, j in pairs) == _brute_assign(weights)


_MENTIONS = st.sampled_from(["GUERRILLAS", "FMLN", "BANK", "MAYOR", "DYNAMITE"])
_PRED = st.builds(
    lambda kind, roles: {"incident_type": kind, **{r: [[m] for m in ms] for r, ms in zip(ROLES, roles)}},
    st.sampled_from(["ATTACK", "BOMBING"]),
    st.lists(st.lists(_MENTIONS, max_size=2), min_size=5, max_size=5),
)
_GOLD = st.builds(
    lambda kind, optional, roles: {
        "incident_type": kind, "optional": optional,
        **{r: [{"mentions": ms, "optional": o} for ms, o in fs] for r, fs in zip(ROLES, roles)},
    },
    st.sampled_from(["ATTACK", "BOMBING", "BOMBING / ATTACK"]),
    st.booleans(),
    st.lists(st.lists(st.tuples(st.lists(_MENTIONS, min_size=1, max_size=2), st.booleans()), max_size=2), min_size=5, max_size=5),
)


def _f1(doc) -> float:  # type: ignore[no-untyped-def]
    t = doc.total  # the document's F1: 2 x matched / (predicted + gold)
    return 2 * t.p_num / (t.p_den + t.r_den) if t.p_den + t.r_den else 0.0


@settings(max_examples=150, deadline=None)
@given(st.lists(_PRED, max_size=3), st.lists(_GOLD, max_size=3))
def test_the_document_alignment_reaches_the_best_f1_of_any_alignment(preds: list[dict], golds: list[dict]) -> None:
    p = [predicted_template(t) for t in preds]
    g = [gold_template(t) for t in golds]
    best = _f1(score_document(p, g))
    for k in range(min(len(p), len(g)) + 1):
        for ps in itertools.combinations(range(len(p)), k):
            for gs in itertools.permutations(range(len(g)), k):
                pairs = list(zip(ps, gs))
                if all(p[i].incident_type in g[j].incident_types for i, j in pairs):
                    assert best >= _f1(tally_alignment(p, g, pairs)) - 1e-9


def test_an_alignment_across_incident_types_is_refused() -> None:
    with pytest.raises(ValueError):
        tally_alignment([predicted_template(pred("BOMBING"))], [gold_template(gold("ATTACK"))], [(0, 0)])


# -- the answer key -------------------------------------------------------------------------
def test_a_key_slot_reads_alternatives_optional_fillers_and_cross_references() -> None:
    slot = '"FMLN" / "FARABUNDO MARTI NATIONAL LIBERATION FRONT"\n? "PEASANTS" / "PEASANT": "BARTOLO RODRIGUEZ"\n-: "GILDA FLORES"'
    fillers = parse_slot(slot)
    assert fillers[0].alternatives == ("FMLN", "FARABUNDO MARTI NATIONAL LIBERATION FRONT") and not fillers[0].optional
    assert fillers[1].optional and fillers[1].alternatives == ("PEASANTS", "PEASANT") and fillers[1].names == ("BARTOLO RODRIGUEZ",)
    assert fillers[2].alternatives == () and fillers[2].names == ("GILDA FLORES",)


def test_key_slots_with_lost_or_escaped_quotes_still_read() -> None:
    assert parse_slot('MACHINEGUNS"')[0].alternatives == ("MACHINEGUNS",)
    assert parse_slot('"\\"9 MAY\\" FPL" / "FPL"')[0].alternatives == ('"9 MAY" FPL', "FPL")
    assert parse_slot("-") == [] and parse_slot("*") == []


TEXT = (
    "   SAN SALVADOR, 3 JAN 90 -- [TEXT] URBAN GUERRILLAS OF THE FARABUNDO MARTI NATIONAL LIBERATION\n"
    "FRONT [FMLN] BLEW UP THE BANK OF COMMERCE WITH DYNAMITE TODAY AND KIDNAPPED THE MAYOR,\n"
    "JOSE PEREZ. THE ARMY REPORTED THAT A SOLDIER WAS KILLED IN A CLASH IN MORAZAN."
)


def key_row(**slots: str) -> dict[str, str]:
    row = {"split": "tst1", "message_id": "TST1-MUC3-0001", "doc_text": TEXT, "1. MESSAGE: TEMPLATE": "1", "4. INCIDENT: TYPE": "BOMBING"}
    for column in (c for cols in MAPPING.gold_roles.values() for c in cols):
        row[column] = "-"
    row.update(slots)
    return row


def test_the_key_joins_a_description_and_its_name_into_one_victim() -> None:
    row = key_row(**{"19. HUM TGT: DESCRIPTION": '"MAYOR": "JOSE PEREZ"', "18. HUM TGT: NAME": '"JOSE PEREZ"'})
    templates, _ = key_templates([row], TEXT, MAPPING)
    assert templates[0]["Victim"] == [{"mentions": ["MAYOR", "JOSE PEREZ"], "optional": False}]
    names_only, _ = key_templates([row], TEXT, MAPPING, literature=True)
    assert names_only[0]["Victim"] == [{"mentions": ["JOSE PEREZ"], "optional": False}]


def test_key_fillers_absent_from_the_text_are_excluded_and_counted() -> None:
    row = key_row(**{"12. PHYS TGT: ID": '"BANK OF COMMERCE"\n"POWER PYLON"', "1. MESSAGE: TEMPLATE": "1 (OPTIONAL)"})
    templates, excluded = key_templates([row], TEXT, MAPPING)
    assert [e["mentions"] for e in templates[0]["Target"]] == [["BANK OF COMMERCE"]]
    assert excluded["Target"] == 1 and templates[0]["optional"] is True


def test_an_irrelevant_document_has_no_key_template() -> None:
    assert key_templates([key_row(**{"1. MESSAGE: TEMPLATE": "*", "4. INCIDENT: TYPE": "*"})], TEXT, MAPPING)[0] == []


@pytest.mark.parametrize(
    ("head", "expected"),
    [
        ("   SAN SALVADOR, 3 JAN 90 -- [TEXT] X", date(1990, 1, 3)),
        ("   PERTH (AUSTRALIA), JUNE 11 89 (AFP) -- [TEXT] X", date(1989, 6, 11)),
        ("   BOGOTA, 18 APRIL 89 (AFP) -- [TEXT] X", date(1989, 4, 18)),
        ("   SAN SALVADOR, NO DATE -- [SPEECH] ON 3 JAN 90 THEY", None),
    ],
)
def test_the_dateline_gives_the_publication_date(head: str, expected: date | None) -> None:
    assert dateline_date(head) == expected


# -- reports -> templates -------------------------------------------------------------------
def report(
    event: str = "Violence against civilians",
    sub: str = "Attack",
    gtd: str | None = "Armed Assault",
    *,
    realis: str = "reported",
    when: date | None = None,
    trigger: str = "ATTACKED",
    perps: Iterable[ActorRef] = (),
    targets: Iterable[Target] = (),
    weapons: Iterable[Weapon] = (),
    counts: Counts = Counts(),
) -> Report:
    span = DateSpan(when, when, "day", "TODAY") if when else None
    return Report(
        kind=Kind(event, sub, gtd), status="completed", realis=realis, date=span, location=None,  # type: ignore[arg-type]
        perpetrators=tuple(perps), targets=tuple(targets), weapons=tuple(weapons), counts=counts, trigger=trigger,
    )


FMLN = ActorRef("Farabundo Martí National Liberation Front", "FARABUNDO MARTI NATIONAL LIBERATION\nFRONT [FMLN]", actor_id="fmln")
GUERRILLAS = ActorRef("rebels", "URBAN GUERRILLAS", actor_type="armed group")
BOMBING = ("Explosions/Remote violence", "Remote explosive/landmine/IED", "Bombing/Explosion")
KIDNAPPING = ("Violence against civilians", "Abduction/forced disappearance", "Hostage Taking (Kidnapping)")


def test_a_bombing_report_fills_every_role_from_its_own_words() -> None:
    r = report(
        *BOMBING, trigger="BLEW UP", perps=[FMLN, GUERRILLAS],
        targets=[Target("BANK OF COMMERCE", "business"), Target("MAYOR", "government")],
        weapons=[Weapon("explosives", "DYNAMITE"), Weapon("explosives", "BLEW UP")],
    )
    t = report_template(r, TEXT, MAPPING)
    assert t == {
        "incident_type": "BOMBING",
        "PerpInd": [["URBAN GUERRILLAS"]],
        "PerpOrg": [["FARABUNDO MARTI NATIONAL LIBERATION FRONT"]],  # no line break, no [FMLN]
        "Target": [["BANK OF COMMERCE"]],
        "Victim": [["MAYOR"]],
        "Weapon": [["DYNAMITE"]],  # "BLEW UP" names the act, not a device
    }


def test_a_gloss_in_parentheses_is_not_part_of_the_mention() -> None:
    fmln = ActorRef("Farabundo Martí National Liberation Front", "FMLN (FARABUNDO MARTI NATIONAL LIBERATION FRONT)", actor_id="fmln")
    text = "THE FMLN (FARABUNDO MARTI NATIONAL LIBERATION FRONT) BLEW UP THE BANK OF COMMERCE WITH DYNAMITE."
    t = report_template(report(*BOMBING, trigger="BLEW UP", perps=[fmln]), text, MAPPING)
    assert t is not None and t["PerpOrg"] == [["FMLN"]]


def test_victims_come_from_counts_and_a_shorter_mention_of_the_same_person_counts_once() -> None:
    killed = Count(1, 1, 1, False, "A SOLDIER WAS KILLED", (CountPart("SOLDIER", 1, 1, 1, False, "A SOLDIER"),))
    r = report("Violence against civilians", "Abduction/forced disappearance", "Hostage Taking (Kidnapping)",
               trigger="KIDNAPPED", targets=[Target("MAYOR", "government"), Target("GUERRILLAS", "armed group")],
               counts=Counts(killed=killed, kidnapped=Count(1, 1, 1, False, "KIDNAPPED THE MAYOR",
                                                             (CountPart("MAYOR,\nJOSE PEREZ", 1, 1, 1, False, "THE MAYOR,\nJOSE PEREZ"),))))
    t = report_template(r, TEXT, MAPPING)
    assert t is not None and t["incident_type"] == "KIDNAPPING"
    # the mayor is filled once, by his name; GUERRILLAS are never victims in MUC-4
    assert t["Victim"] == [["SOLDIER"], ["JOSE PEREZ"]]


def test_a_victims_nationality_is_left_to_the_keys_own_slot() -> None:
    r = report(targets=[Target("SPANISH JESUITS", "religious"), Target("U.S. MORMON MISSIONARIES", "religious"),
                        Target("AMERICAN", "civilians")])
    text = "UNIFORMED MEN KILLED SPANISH JESUITS, U.S. MORMON MISSIONARIES AND AN AMERICAN."
    t = report_template(r, text, MAPPING)
    # a nationality alone is the whole description, and stays
    assert t is not None and t["Victim"] == [["JESUITS"], ["MORMON MISSIONARIES"], ["AMERICAN"]]


def test_a_state_force_as_a_body_is_an_organisation_and_its_men_are_individuals() -> None:
    army = ActorRef("Military forces", "THE ARMED FORCES", actor_type="state force")
    soldiers = ActorRef("Military forces", "SOLDIERS", actor_type="state force")
    text = "THE ARMED FORCES ATTACKED THE VILLAGE. SOLDIERS KILLED TWO PEASANTS."
    t = report_template(report(perps=[army, soldiers]), text, MAPPING)
    assert t is not None and (t["PerpOrg"], t["PerpInd"]) == ([["THE ARMED FORCES"]], [["SOLDIERS"]])


def test_an_organisations_people_named_beside_it_are_the_individuals() -> None:
    eln = ActorRef("National Liberation Army", "ARMY OF NATIONAL LIBERATION", actor_id="eln")
    text = "COLOMBIAN ARMY OF NATIONAL LIBERATION GUERRILLAS KIDNAPPED TWO ENGINEERS. ELN TERRORISTS FLED."
    t = report_template(report(*KIDNAPPING, perps=[eln]), text, MAPPING)
    # the first phrase only: one entity, the organisation's people
    assert t is not None and t["PerpOrg"] == [["ARMY OF NATIONAL LIBERATION"]]
    assert t["PerpInd"] == [["ARMY OF NATIONAL LIBERATION GUERRILLAS"]]
    fmln = ActorRef("Farabundo Martí National Liberation Front", "FMLN", actor_id="fmln")
    text = "MEMBERS OF THE FMLN ATTACKED THE VILLAGE."
    assert report_template(report(perps=[fmln]), text, MAPPING)["PerpInd"] == [["MEMBERS OF THE FMLN"]]  # type: ignore[index]  # as written


def test_an_organisations_people_are_not_added_beside_named_individuals() -> None:
    army = ActorRef("Military forces", "ARMED FORCES", actor_type="state force")
    commandos = ActorRef("commandos", "URBAN COMMANDOS", actor_type="unnamed")
    text = "URBAN COMMANDOS ATTACKED THE POST. ARMED FORCES TROOPS REACTED BY SHOOTING."
    t = report_template(report(perps=[commandos, army]), text, MAPPING)
    assert t is not None and t["PerpInd"] == [["URBAN COMMANDOS"]]


def test_mentions_not_in_the_text_and_places_are_not_filled() -> None:
    r = report(targets=[Target("EMBASSY", "diplomatic"), Target("NEIGHBORHOODS", "civilians")], perps=[ActorRef("x", "COMMANDOS")])
    t = report_template(r, TEXT + " THE NEIGHBORHOODS WERE CALM.", MAPPING)
    assert t is not None and t["Target"] == [] and t["Victim"] == [] and t["PerpInd"] == []


@pytest.mark.parametrize(
    ("kind", "trigger", "targets", "weapons", "expected"),
    [
        (("Battles", "Armed clash", "Armed Assault"), "CLASH", [Target("SOLDIERS", "military")], [], None),
        (("Battles", "Armed clash", "Armed Assault"), "CLASH", [Target("PEASANTS", "civilians")], [], "ATTACK"),
        (("Strategic developments", "Looting/property destruction", "Facility/Infrastructure Attack"), "SET FIRE TO", [], [], "ARSON"),
        (("Strategic developments", "Looting/property destruction", "Facility/Infrastructure Attack"), "DYNAMITED", [],
         [Weapon("explosives", "DYNAMITE")], "BOMBING"),
        (("Strategic developments", "Looting/property destruction", "Facility/Infrastructure Attack"), "SABOTAGE", [], [], "ATTACK"),
        (("Explosions/Remote violence", "Air/drone strike", "Bombing/Explosion"), "BOMBED", [Target("HOMES", "civilians")], [], "ATTACK"),
        # strikes on the guerrillas' positions are warfare
        (("Explosions/Remote violence", "Air/drone strike", "Bombing/Explosion"), "BOMBED", [], [], None),
        (("Explosions/Remote violence", "Shelling/artillery/missile attack", None), "SHELLED", [Target("REBELS", "armed group")], [], None),
        (("Violence against civilians", "Attack", None), "MASSACRED", [], [], "ATTACK"),  # state violence: no GTD type
        (("Violence against civilians", "Abduction/forced disappearance", None), "DISAPPEARED", [], [], "KIDNAPPING"),
        (("Strategic developments", "Disrupted weapons use", "Bombing/Explosion"), "DEFUSED", [], [], "BOMBING"),
        (("Strategic developments", "Arrests", None), "ARRESTED", [], [], None),
        (("Protests", "Peaceful protest", None), "MARCHED", [], [], None),
    ],
)
def test_report_kinds_map_to_muc4_types(kind: tuple, trigger: str, targets: list, weapons: list, expected: str | None) -> None:
    assert muc_type(report(*kind, trigger=trigger, targets=targets, weapons=weapons), MAPPING) == expected


def test_only_recent_reported_or_background_incidents_become_templates() -> None:
    published = date(1990, 1, 3)
    assert is_recent(report(), published, MAPPING)  # undated: presumed recent
    assert is_recent(report(realis="background", when=date(1989, 12, 1)), published, MAPPING)
    assert not is_recent(report(realis="background", when=date(1989, 3, 1)), published, MAPPING)
    assert not is_recent(report(when=date(1989, 3, 1)), published, MAPPING)
    assert not is_recent(report(realis="hypothetical"), published, MAPPING)
    assert not is_recent(report(realis="negated", when=published), published, MAPPING)


def test_the_shipped_mapping_loads_and_a_broken_one_is_refused(tmp_path: Path) -> None:
    assert MAPPING.incident_types[:2] == ("ATTACK", "BOMBING") and MAPPING.recent_days == 62
    assert all(rule.type is None or rule.type in MAPPING.incident_types for rule in MAPPING.type_rules)
    broken = tmp_path / "muc4.yaml"
    broken.write_text(DATA_FILE.read_text(encoding="utf-8").replace("  - type: BOMBING\n", "  - type: BOMBINGS\n", 1))
    with pytest.raises(GoldDataError, match="BOMBINGS"):
        load_mapping(broken)
    misspelt = tmp_path / "misspelt.yaml"
    misspelt.write_text(DATA_FILE.read_text(encoding="utf-8").replace("recent_days:", "recent_dayz:"))
    with pytest.raises(GoldDataError, match="recent_dayz"):
        load_mapping(misspelt)


# -- the evaluator ----------------------------------------------------------------------------
QUIET = "   LIMA, 5 JAN 90 -- [TEXT] A SOLDIER WAS WOUNDED BY UNKNOWN MEN, THE POLICE SAID."
TALK = "   BOGOTA, 4 JAN 90 -- [TEXT] THE PRESIDENT MET BUSINESS LEADERS TO DISCUSS THE ECONOMY."


def write_key(tmp_path: Path) -> Path:
    irrelevant = {"1. MESSAGE: TEMPLATE": "*", "4. INCIDENT: TYPE": "*"}
    rows = [
        key_row(**{"10. PERP: ORGANIZATION ID": '"FARABUNDO MARTI NATIONAL LIBERATION FRONT" / "FMLN"',
                   "12. PHYS TGT: ID": '"BANK OF COMMERCE"', "6. INCIDENT: INSTRUMENT ID": '"DYNAMITE"'}),
        key_row(**{"1. MESSAGE: TEMPLATE": "2 (OPTIONAL)", "4. INCIDENT: TYPE": "KIDNAPPING",
                   "19. HUM TGT: DESCRIPTION": '"MAYOR": "JOSE PEREZ"', "18. HUM TGT: NAME": '"JOSE PEREZ"'}),
        {**key_row(**irrelevant), "split": "dev", "message_id": "DEV-MUC3-0001", "doc_text": TALK},
        {**key_row(**irrelevant), "split": "tst2", "message_id": "TST2-MUC4-0001", "doc_text": QUIET},
    ]
    path = tmp_path / "muc4.csv"
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    return path


FAKE = FakeExtractor(by="source", reports={
    "TST1-MUC3-0001": [report(*BOMBING, trigger="BLEW UP", perps=[FMLN, GUERRILLAS],
                              targets=[Target("BANK OF COMMERCE", "business")], weapons=[Weapon("explosives", "DYNAMITE")])],
    "TST2-MUC4-0001": [report(targets=[Target("SOLDIER", "military")])],  # no incident in the key: all spurious
    "DEV-MUC3-0001": [report(realis="hypothetical")],
})


def test_the_evaluator_scores_the_test_documents_with_the_issue_metric_names(tmp_path: Path) -> None:
    result = Muc4Evaluator().evaluate(FAKE, write_key(tmp_path), limit=None, all_rows=False)
    values = result.to_json()["metrics"]
    assert list(values) == [
        "template_f1", "template_precision", "template_recall", "incident_type_f1",
        "perpind_f1", "perporg_f1", "target_f1", "victim_f1", "weapon_f1",
    ]
    assert result.documents == 2  # the dev document is not scored without --data
    # predicted: BOMBING + 4 fillers, ATTACK + SOLDIER; matched: type, FMLN, BANK, DYNAMITE;
    # gold: BOMBING + 3 fillers (the optional kidnapping was not found, and costs nothing)
    assert values["template_precision"] == round(4 / 7, 4) and values["template_recall"] == 1.0
    assert values["template_f1"] == round(8 / 11, 4) and values["incident_type_f1"] == round(2 / 3, 4)
    assert values["perporg_f1"] == values["target_f1"] == values["weapon_f1"] == 1.0
    assert values["perpind_f1"] == 0.0 and values["victim_f1"] == 0.0
    fields = sorted((m.row, m.field) for m in result.mismatches)
    assert fields == [("TST1-MUC3-0001/1", "PerpInd"), ("TST2-MUC4-0001/-", "template")]


def test_with_data_every_document_is_scored_and_limit_stops_early(tmp_path: Path) -> None:
    path = write_key(tmp_path)
    assert Muc4Evaluator().evaluate(FAKE, path, limit=None, all_rows=True).documents == 3
    assert Muc4Evaluator().evaluate(FAKE, path, limit=1, all_rows=True).documents == 1


def test_errors_come_with_the_predicted_and_gold_templates_as_json(tmp_path: Path) -> None:
    result = Muc4Evaluator().evaluate(FAKE, write_key(tmp_path), limit=None, all_rows=False)
    errors = tmp_path / "errors.jsonl"
    result.write_errors(errors)
    predicted = json.loads((tmp_path / "errors.jsonl.templates.json").read_text(encoding="utf-8"))
    key = json.loads((tmp_path / "errors.jsonl.gold.json").read_text(encoding="utf-8"))
    assert predicted["TST1-MUC3-0001"][0]["PerpOrg"] == [["FARABUNDO MARTI NATIONAL LIBERATION FRONT"]]
    assert key["TST2-MUC4-0001"] == [] and len(key["TST1-MUC3-0001"]) == 2
    assert score_templates(predicted, key).f1() == pytest.approx(result.metrics["template_f1"].value)
    assert len(errors.read_text(encoding="utf-8").splitlines()) == len(result.mismatches)


def test_a_key_without_the_needed_columns_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "bad.csv"
    path.write_text("message_id,doc_text\nX,TEXT\n", encoding="utf-8")
    with pytest.raises(GoldDataError, match="missing columns"):
        Muc4Evaluator().evaluate(FAKE, path, limit=None, all_rows=True)
    assert isinstance(evaluator("muc4"), Muc4Evaluator)


@pytest.mark.model
def test_the_real_extractor_makes_a_bombing_template_and_none_for_talk(tmp_path: Path, extractor) -> None:  # type: ignore[no-untyped-def]
    bombing = (
        "   SAN SALVADOR, 3 JAN 90 -- [TEXT] A BOMB EXPLODED LAST NIGHT AT THE BANK OF COMMERCE IN\n"
        "SAN MIGUEL, KILLING A GUARD. THE FARABUNDO MARTI NATIONAL LIBERATION FRONT [FMLN]\nCLAIMED RESPONSIBILITY."
    )
    rows = [
        key_row(**{"message_id": "TST1-MUC3-0009", "doc_text": bombing, "6. INCIDENT: INSTRUMENT ID": '"BOMB"',
                   "10. PERP: ORGANIZATION ID": '"FARABUNDO MARTI NATIONAL LIBERATION FRONT" / "FMLN"',
                   "12. PHYS TGT: ID": '"BANK OF COMMERCE"', "19. HUM TGT: DESCRIPTION": '"GUARD"'}),
        {**key_row(**{"1. MESSAGE: TEMPLATE": "*", "4. INCIDENT: TYPE": "*"}), "message_id": "TST1-MUC3-0010", "doc_text": TALK},
    ]
    path = tmp_path / "muc4.csv"
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    result = Muc4Evaluator().evaluate(extractor, path, limit=None, all_rows=True)
    assert [t["incident_type"] for t in result.predictions["TST1-MUC3-0009"]] == ["BOMBING"]
    assert result.predictions["TST1-MUC3-0010"] == []
    assert result.metrics["incident_type_f1"].value == 1.0 and result.metrics["weapon_f1"].value == 1.0
