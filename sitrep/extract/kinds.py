"""Naming an incident's kind: ACLED event/sub-event type and GTD attack type.

The rule, from ``sitrep/data/kinds.yaml``:

1. the incident's trigger families are ranked by the file's precedence and the first
   one names the incident ("gunmen stormed the hotel and blew themselves up" is a
   suicide bombing, not an armed assault);
2. where ACLED's type depends on the target, an attack on armed people (soldiers,
   police, militants) is a battle and any other attack is violence against civilians;
3. a weapon can sharpen a vague family: an "attack" with a car bomb is an explosion;
   and a clash ("ambushed", "exchanged fire") with soldiers or police outranks the
   weapons used in it: an ambush opened with a roadside bomb is a battle;
4. GTD codes only non-state violence, so a report whose named perpetrators are all
   state forces, or whose kind is an arrest, clash between forces or riot, has no GTD type;
   state forces' violence against protesters is ACLED's excessive force against protesters;
   a fight or an attack whose only doers are demonstrators ("protesters clashed with police") is
   a riot, ACLED's violent demonstration;
5. an incident that was foiled is a strategic development ("Disrupted weapons use");
   it keeps the GTD type of what was tried when a weapon was already in place (a
   defused bomb), and has none when a plot was stopped before any attack (``plotted``).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from sitrep.errors import RegistryError
from sitrep.extract.lexicon import load_data
from sitrep.model import Kind, Status

#: Weapon types that turn a vague attack into a more specific family.
_WEAPON_FAMILY = {
    "suicide vest": "suicide",
    "vehicle-borne explosives": "explosion",
    "improvised explosive device": "explosion",
    "landmine": "explosion",
    "grenade": "grenade",
    "explosives": "explosion",
    "drone": "air",
    "aircraft": "air",
    "missiles and rockets": "shelling",
    "artillery": "shelling",
    "firearms": "armed",
    "knife or blade": "melee",
    "incendiary": "arson",
    "vehicle": "ramming",
}
_VAGUE = frozenset({"attack", "killing", "raid", "plot"})
#: Families of violence that, by state forces against protesters, are excessive force against them.
_FORCE_FAMILIES = frozenset({"armed", "melee", "attack", "killing", "raid", "clash", "ramming"})
_ARMED_TARGETS = frozenset({"military", "police", "armed group"})
#: Families that, done by demonstrators alone, are a riot: "protesters clashed with police", "set it on fire".
_CROWD_FIGHTS = frozenset({"clash", "attack", "armed", "melee", "killing", "riot", "arson", "sabotage"})
#: Families ACLED codes as property destruction when nobody is hurt ...
_DAMAGE_FAMILIES = frozenset({"arson", "sabotage"})
#: ... and the acts that, told with them, are what hurt people.
_HURTING_FAMILIES = frozenset({"armed", "melee", "massacre", "raid", "attack", "killing"})
#: Families a clash with armed people outranks (ACLED codes an ambush on a patrol as a battle).
_CLASH_OVERRIDES = frozenset({"explosion", "grenade", "armed", "melee", "attack", "raid", "killing", "kidnap"})


def _armed_only(target_types: Iterable[str]) -> bool:
    targets = set(target_types)
    return bool(targets & _ARMED_TARGETS) and not (targets - _ARMED_TARGETS - {"business", "transport", "infrastructure"})


@dataclass(frozen=True, slots=True)
class _FamilyKind:
    event_type: str | None
    sub_event_type: str | None
    civilian: tuple[str, str] | None
    armed: tuple[str, str] | None
    gtd: str | None


class KindTable:
    """The family -> kind mapping of ``kinds.yaml``."""

    def __init__(self) -> None:
        data = load_data("kinds.yaml")
        self.precedence: tuple[str, ...] = tuple(data.get("precedence", ()))
        self._rank = {family: i for i, family in enumerate(self.precedence)}
        self._families: dict[str, _FamilyKind] = {}
        for family, item in (data.get("families") or {}).items():
            civilian = tuple(item["civilian_target"]) if "civilian_target" in item else None
            armed = tuple(item["armed_target"]) if "armed_target" in item else None
            if not item.get("event_type") and not civilian:
                raise RegistryError(f"kinds.yaml: family {family!r} has no ACLED type")
            self._families[family] = _FamilyKind(
                item.get("event_type"), item.get("sub_event_type"), civilian, armed, item.get("gtd")  # type: ignore[arg-type]
            )
        missing = set(self.precedence) - set(self._families)
        if missing:
            raise RegistryError(f"kinds.yaml: no mapping for families {sorted(missing)}")

    def families(self) -> tuple[str, ...]:
        return tuple(self._families)

    def main_family(
        self, families: Iterable[str], weapons: Iterable[str] = (), target_types: Iterable[str] = (), *, hurt: bool = False
    ) -> str | None:
        """The family that names an incident with these trigger families, weapons and targets;
        ``hurt``: people were killed or injured in it."""
        present = set(families)
        if not present:
            return None
        best = min(present, key=lambda f: self._rank.get(f, len(self._rank)))
        if hurt and best in _DAMAGE_FAMILIES and present & _HURTING_FAMILIES:
            # "raided three villages and killed 43 people ... then burned down houses": the killing
            # names the incident, the fire set with it does not
            best = min(present & _HURTING_FAMILIES, key=lambda f: self._rank.get(f, len(self._rank)))
        if "clash" in present and best in _CLASH_OVERRIDES and _armed_only(target_types):
            return "clash"  # an ambush on soldiers that opened with a bomb is still a battle
        if best in _VAGUE or best == "armed":
            for weapon in weapons:
                family = _WEAPON_FAMILY.get(weapon)
                if family and self._rank.get(family, 99) < self._rank.get(best, 99):
                    best = family
        return best

    def kind(
        self,
        family: str,
        *,
        target_types: Iterable[str] = (),
        state_perpetrator_only: bool = False,
        status: Status = "completed",
        plotted: bool = False,
        hurt: bool = False,
        demonstrators_only: bool = False,
    ) -> Kind:
        """The Kind of an incident whose main family is ``family``; ``hurt``: people were killed or
        injured in it; ``demonstrators_only``: its only doers named are protesters."""
        if demonstrators_only and family in _CROWD_FIGHTS:
            family = "riot"
        entry = self._families[family]
        armed_target = _armed_only(target_types)
        if hurt and family in _DAMAGE_FAMILIES:
            # ACLED's property destruction harms no one: a fire that killed people is an attack on
            # them (the GTD keeps its attack type, by the means)
            attack = self._families["attack"]
            entry = _FamilyKind(None, None, attack.civilian, attack.armed, entry.gtd)
        if entry.civilian is not None:
            event_type, sub_event_type = entry.armed if (armed_target and entry.armed) else entry.civilian
        else:
            event_type, sub_event_type = entry.event_type or "", entry.sub_event_type or ""
        gtd = entry.gtd
        if state_perpetrator_only and event_type not in ("Strategic developments",):
            gtd = None
            if family in _FORCE_FAMILIES and "protesters" in set(target_types):
                # "security forces shot dead five protesters": ACLED's excessive force against protesters
                event_type, sub_event_type = "Protests", "Excessive force against protesters"
        if family == "riot" and demonstrators_only:
            sub_event_type = "Violent demonstration"  # demonstrators' violence, not a mob's
        if family == "protest" and state_perpetrator_only:
            # a protest the police or the army broke up ("Police fired tear gas to disperse the protesters"):
            # with people hurt, ACLED's excessive force against protesters, else a protest with intervention
            event_type = "Protests"
            sub_event_type = "Excessive force against protesters" if hurt else "Protest with intervention"
        if status == "foiled" and family not in ("arrest", "plot"):
            event_type, sub_event_type = "Strategic developments", "Disrupted weapons use"
            if plotted:
                gtd = None  # stopped before any attack was made: outside GTD (a defused bomb is in it)
        return Kind(event_type=event_type, sub_event_type=sub_event_type, gtd_attack_type=gtd)
