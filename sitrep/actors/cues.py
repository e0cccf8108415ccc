"""The cue grammar of roles, attribution and claims, compiled from the registry file.

The word lists are the ``attribution`` section of ``sitrep/data/actors.yaml`` (fighters,
forces, acts, hedges...); this module joins them into the regular expressions that
:mod:`sitrep.actors.attribution` and :mod:`sitrep.actors.claims` apply around an actor
mention. :func:`cues` compiles the shipped lists once per process; :func:`compile_cues`
validates and compiles any other section (for tests and custom registries).

Patterns named ``*_left`` are matched against the words before a mention and end at it
(``\\Z``); the others are matched from the end of a mention or searched in a sentence.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Mapping, Sequence

from sitrep.actors.files import read_yaml
from sitrep.errors import RegistryError

#: The lists the ``attribution`` section must have, and no others.
CUE_LISTS = ("fighters", "forces", "members", "leaders", "objects", "acts", "hits", "against", "speech", "hedges",
             "not_agent_by", "events", "event_modifiers", "clash_with", "superseding", "allegiance", "membership",
             "said_when", "relations")


def _alt(patterns: Sequence[str]) -> str:
    """One alternation, longest pattern first so that "suicide bombers" beats "bombers"."""
    return "(?:" + "|".join(f"(?:{p})" for p in sorted(patterns, key=len, reverse=True)) + ")"


@dataclass(frozen=True, slots=True)
class Cues:
    """The compiled patterns; see :func:`_compile_lists` for what each matches."""

    right: re.Pattern[str]  # what may follow the span before the verb: 's, (ACRONYM), fighters, ", which...,"
    deny: re.Pattern[str]
    no_claim: re.Pattern[str]
    claim_right: re.Pattern[str]
    hit: re.Pattern[str]
    suspected_right: re.Pattern[str]
    blamed_right: re.Pattern[str]
    act: re.Pattern[str]
    speech: re.Pattern[str]
    claim_left: re.Pattern[str]
    target_left: re.Pattern[str]
    suspect_left: re.Pattern[str]
    blame_left: re.Pattern[str]
    by_left: re.Pattern[str]
    not_agent_by: re.Pattern[str]
    member_left: re.Pattern[str]
    linked_left: re.Pattern[str]
    clash_left: re.Pattern[str]
    event_of_left: re.Pattern[str]
    source_left: re.Pattern[str]
    fighter_head: re.Pattern[str]
    force_head: re.Pattern[str]  # a mention that is a state force word: "the army", "Chadian soldiers"
    fighters: re.Pattern[str]
    hedges: re.Pattern[str]
    claims: re.Pattern[str]
    negative_claims: re.Pattern[str]
    superseded_left: re.Pattern[str]  # "initially blamed X": the blame was withdrawn
    superseded_right: re.Pattern[str]  # "X was initially blamed"
    later_claim: re.Pattern[str]  # "... before ISWAP claimed it", after a blamed actor
    allegiance_left: re.Pattern[str]  # "pledged allegiance to X": suspected
    membership_left: re.Pattern[str]  # "belonged to X", "were members of X": suspected when said of suspects
    own_fighters: re.Pattern[str]  # "..., when its fighters abducted": the actor acted
    definite_group: re.Pattern[str]  # "group" after "the X-linked": X describes a group already named
    whether: re.Pattern[str]  # "declined to say whether the suspects belonged to X": not asserted
    relation: re.Pattern[str]  # "affiliate" in "al-Qaeda's affiliate": a noun that ties one actor to another


def _compile_lists(lists: Mapping[str, Sequence[str]]) -> Cues:
    fighters, forces, members, leaders = (_alt(lists[k]) for k in ("fighters", "forces", "members", "leaders"))
    objects, acts, hits, against = (_alt(lists[k]) for k in ("objects", "acts", "hits", "against"))
    speech, hedges, events = _alt(lists["speech"]), _alt(lists["hedges"]), _alt(lists["events"])
    modifiers = _alt(lists["event_modifiers"])
    people = f"(?:{fighters}|{forces}|{members}|{leaders})"
    adjectives = (r"(?:(?-i:[A-Z][a-z][\w-]*)|female|male|teenage|young|child|armed|heavily\s+armed|suspected|alleged|local|"
                  r"foreign|senior|top|self-styled|so-called|former|sleeper|rebel|militant|insurgent|jihadist|islamist|"
                  r"terrorist|suicide|fellow)")
    group = r"(?:group|organi[sz]ation|movement|outfit|militia|faction|network|front|party)"
    adjective = r"(?:(?!(?:by|on|against|at|in|of|from|to|with|the|a|an|and|or)\b)[\w-]+\s+)"
    described = (rf"(?:{adjective}{{0,3}}{group}(?:\s+[\w-]+){{0,4}}?\s+(?:called|named|known\s+as)\s+"
                 rf"|{adjective}{{0,3}}{group}\s+)?")
    flags = re.IGNORECASE
    superseding = _alt(lists["superseding"])
    adverbs = (r"later|then|also|quickly|swiftly|subsequently|immediately|officially|itself|themselves|yesterday|today|"
               r"earlier|again|on\s+\w+day|in\s+a\s+(?:\w+\s+)?statement|in\s+an?\s+(?:\w+\s+)?(?:video|message)")
    right = (
        r"(?P<poss>['\u2019]s?)?"
        r"(?:\s*[(\[][^)\]\n]{1,60}[)\]])?"  # "(ISKP)", "[FMLN]"
        r"(?:-(?P<link>linked|affiliated|allied|aligned|connected|backed|inspired|led|held|controlled|run|occupied|"
        r"style|sympathi[sz]ing|leaning|loyal)\b|\s+(?P<loose>linked|affiliated|allied|aligned|backed|inspired)\b)?"
        rf"(?:\s*(?:(?:terror|terrorist|military|key|strategic|main|known|suspected)\s+)?(?P<object>{objects})\b)?"
        rf"(?:\s*-?\s*(?:{adjectives}\s+){{0,2}}(?P<member>{fighters}|{forces}|{members})\b)?"
        rf"(?:\s+(?:{modifiers}\s+){{0,3}}(?P<event>{events})\b)?"
        rf"(?:\s+(?P<leader>{leaders})\b)?"
        r"(?P<appos>\s*,\s*(?:which|who|whose)\b[^,;]{1,120}(?:,|(?=[.;!?]|\s*$))"
        # a noun phrase in apposition: ", al-Qaeda's affiliate in the Sahel,", ", an alliance of ... factions,"
        r"|(?P<np>\s*,\s*(?:(?:an?|the)\s+|[\w-]+['\u2019]s\s+)[^,;()!?]{1,80}?,))?"
        rf"(?P<aux>(?:\s+(?:{adverbs}|{hedges}(?:\s+have)?(?:\s+been)?))*)"
        r"\s*"
    )
    have = r"(?:(?:has|have|had)\s+(?:since\s+|also\s+|now\s+|already\s+)?(?:been\s+)?)?"
    # in the active voice only: "they had attacked", never "they had been attacked"
    did = r"(?:(?:has|have|had)\s+(?:also\s+|now\s+|already\s+|successfully\s+)?)?(?!been\b)"
    # "said on Monday", "said late on Wednesday in a statement on Telegram"
    said_when = rf"(?:\s*,?\s*{_alt(lists['said_when'])})"
    own_people = rf"(?:its|their)\s+(?:[\w-]+\s+){{0,2}}?(?:{fighters}|{members})"
    be = (r"(?:(?:is|are|was|were)\s+being|is|are|was|were|has\s+been|have\s+been|had\s+been|been|being|got|get)\s+"
          r"(?:\w+ly\s+|also\s+|later\s+)?")
    claim_words = (
        rf"claim(?:ed|s|ing)?\s+(?:full\s+|sole\s+)?(?:responsibility|responsibilty|responsibitiy|credit)\b"
        rf"|claim(?:ed|s|ing)?\s+(?:(?:the|both|this|these|those|all|an?|its|their|last\s+\w+'s|\w+'s)\s+)?"
        rf"(?:(?:{modifiers}|\w+-\w+|latest|recent|twin|deadly|weekend|\w+day's)\s+){{0,3}}{events}\b"
        r"|claim(?:ed|s)\s+it\b(?!\s+(?:was|is|had|has|would|will|were|did|to)\b)"
        r"|claim(?:ed|s)\s+(?:that|this)\s+one\b(?!\s+of\b)(?:\s+(?:too|as\s+well))?"
        r"|(?:took|takes|taken|take|taking|assumed|assumes|assume|assuming|accepted|accepts|accept|admitted|admits|"
        r"acknowledged|acknowledges|announced|announces|declared|declares|issued)\s+(?:full\s+|sole\s+)?(?:responsibility|credit)\b"
        r"|owned\s+up\b"
        rf"|claim(?:ed|s|ing)\s+(?:that\s+)?(?:one\s+of\s+)?(?:it|they|{own_people})\s+{did}"
        rf"(?:(?:was|were)\s+(?:behind|responsible)|{acts})\b"
        # "said on Monday they had attacked", "says it kidnapped": an actor telling of its own act
        rf"|(?P<said>(?:said|says|stated|states|announced|announces|declared|confirmed|boasted)"
        rf"{said_when}{{0,3}}\s*,?\s+(?:that\s+)?(?:it|they|{own_people})\s+{did}"
        rf"(?:(?:was|were)\s+(?:behind|responsible)|{acts})\b)"
    )
    det = (r"(?:(?:the|a|an|its|their|his|her|some|several|many|few|two|three|four|five|six|seven|"
           r"eight|nine|ten|dozens\s+of|scores\s+of|hundreds\s+of|thousands\s+of|a\s+number\s+of|a\s+group\s+of|"
           r"a\s+band\s+of|\d[\d,]*|at\s+least\s+\d[\d,]*|more\s+than\s+\d[\d,]*|over\s+\d[\d,]*|some\s+\d[\d,]*|"
           r"about\s+\d[\d,]*|nearly\s+\d[\d,]*|up\s+to\s+\d[\d,]*|other|more|fellow|former|alleged|suspected|presumed|"
           r"would-be|senior|top|local|rival|armed|heavily\s+armed|masked)\s+)*")
    of = rf"(?:{people}\s+(?:of|from|belonging\s+to|loyal\s+to|with|in)\s+(?:the\s+)?)?"
    # One capitalised word may qualify the actor in running text: "the Yemeni al-Qaeda branch".
    tail = rf"{det}(?:(?-i:[A-Z][a-z][\w-]*)\s+)?{of}{described}\Z"
    return Cues(
        right=re.compile(right, flags),
        deny=re.compile(
            r"(?:(?:has|have|had)\s+)?(?:denied|denies|deny|denying|disowned|disowns|disclaimed)\b"
            r"|(?:rejected|rejects)\s+(?:any\s+|all\s+)?(?:responsibility|involvement|claims?|accusations?|allegations?|charges?|reports?)\b"
            r"|distanced\s+(?:itself|themselves)\s+from\b"
            r"|said\s+(?:it|they)\s+(?:was|were|had)\s+(?:not|no|nothing)\b", flags),
        no_claim=re.compile(
            r"(?:has|have|had|did|does|do)(?:\s+not|n't)\s+(?:yet\s+)?claim(?:ed)?\b|never\s+claimed\b"
            r"|(?:has|have)\s+yet\s+to\s+claim\b", flags),
        claim_right=re.compile(rf"{have}(?:{claim_words}|news\s+agency\b|media\s+(?:arm|wing|outlet|office)\b|"
                               rf"propaganda\s+(?:arm|wing|outlet)\b|a'?maq\b)", flags),
        hit=re.compile(rf"{be}(?:{hits})\b", flags),
        suspected_right=re.compile(rf"{be}(?:widely\s+|strongly\s+|also\s+|initially\s+|long\s+|most\s+|very\s+|quite\s+)?"
                                   r"(?:suspected|believed|thought|presumed|alleged|suspect|likely|probably|possibly|"
                                   r"apparently|presumably)\b", flags),
        blamed_right=re.compile(rf"{be}(?:blamed|accused|held\s+responsible|implicated|identified\s+as\s+(?:the\s+)?"
                                r"(?:perpetrators?|attackers?|culprits?))\b", flags),
        act=re.compile(rf"{have}(?:{acts}|behind|responsible)\b", flags),
        speech=re.compile(rf"(?:(?:has|have|had)\s+)?(?:{speech})\b", flags),
        claim_left=re.compile(
            r"\b(?:claim(?:ed|s)?\s+(?:of\s+responsibility\s+)?(?:by|from)"
            r"|responsibility\s+(?:for\s+[^,.;]{1,60}?\s+)?(?:was|has\s+been|had\s+been|is)\s+(?:\w+ly\s+)?claimed\s+by)"
            rf"\s+{tail}", flags),
        target_left=re.compile(rf"(?:\b{against}\s+|\banti-\s*){tail}", flags),
        suspect_left=re.compile(
            r"\b(?:suspected|alleged|presumed|purported|presumably|purportedly|likely|probably|possibly|apparently"
            r"|suspected\s+(?:of\s+being|to\s+be)|(?:believed|thought|said|presumed)\s+to\s+(?:be|have\s+been)"
            r"|suspicion\s+(?:fell|falls|has\s+fallen)\s+on|(?:bore|bears|bearing|had|has|with)\s+(?:all\s+)?the\s+hallmarks\s+of"
            r"|hallmarks\s+of|suspects?|suspected\s+that|believes?|believed|may\s+have\s+been|might\s+have\s+been"
            r"|could\s+have\s+been)"
            rf"\s+(?:(?:members\s+of|linked\s+to|part\s+of|from|loyal\s+to|with|that)\s+)?{tail}", flags),
        blame_left=re.compile(
            r"\b(?:(?:blam(?:ed|es|ing|e)|accus(?:ed|es|ing))(?:\s+(?:[^,.;]{0,40}?\s+)?on)?|attributed\s+(?:it\s+)?to"
            r"|attributable\s+to|pinned\s+(?:it\s+|the\s+\w+\s+)?on|(?:carried\s+out|perpetrated|committed|conducted|launched|"
            r"staged|orchestrated|masterminded|planned|organi[sz]ed)\s+by|(?:the\s+)?work\s+of|responsibility\s+of"
            r"|(?:attackers?|perpetrators?|culprits?|assailants?|gunm[ae]n|bombers?|kidnappers?|killers?)\s+"
            r"(?:was|were|is|are|had\s+been|have\s+been)(?:\s+(?:members|fighters|militants)\s+(?:of|from))?)"
            rf"\s+{tail}", flags),
        by_left=re.compile(rf"\bby\s+{tail}", flags),
        not_agent_by=re.compile(rf"\b{_alt(lists['not_agent_by'])}\s+\Z", flags),
        member_left=re.compile(rf"\b(?:{fighters}|{members})\s+(?:of|from|belonging\s+to|loyal\s+to|with)\s+"
                               rf"(?:the\s+)?{described}\Z", flags),
        linked_left=re.compile(r"\b(?:(?:linked|affiliated|allied|aligned|tied|connected|close|loyal|sympathetic|associated)\s+(?:to|with)"
                               r"|(?:with\s+|having\s+)?(?:ties|links|connections)\s+(?:to|with))"
                               rf"\s+{tail}", flags),
        clash_left=re.compile(rf"\b{_alt(lists['clash_with'])}\s+(?:\w+\s+){{0,2}}?(?:with|against)\s+{tail}", flags),
        event_of_left=re.compile(rf"\b{events}\s+(?:by|from|of)\s+{tail}", flags),
        source_left=re.compile(rf"\b(?:according\s+to|{speech}|quoted|citing|cited|statement\s+(?:by|from)|"
                               rf"spokesm[ae]n\s+for|spokesperson\s+for)\s+{det}\Z", flags),
        fighter_head=re.compile(rf"\b{fighters}\Z", flags),
        force_head=re.compile(rf"\b{forces}\Z", flags),
        fighters=re.compile(rf"{fighters}\Z", flags),
        hedges=re.compile(rf"\b{hedges}\b", flags),
        claims=re.compile(
            rf"\b(?:(?P<by>claim(?:ed|s)?\s+(?:of\s+responsibility\s+)?(?:by|from)\b"
            r"|responsibility\s+(?:for\s+[^,.;]{1,60}?\s+)?(?:was|has\s+been|had\s+been|is)\s+(?:\w+ly\s+)?claimed(?:\s+by\b)?"
            r"|(?:was|were|has\s+been|had\s+been|is|are)\s+(?:\w+ly\s+)?claimed\s+by\b)"
            rf"|(?P<active>{claim_words}|claims?\s+of\s+responsibility\b|a'?maq(?:\s+news\s+agency)?\b))", flags),
        negative_claims=re.compile(
            r"\b(?:(?:no|none|nobody|no\s+one|no-one)\b(?:\s+(?:other\s+)?(?:group|organi[sz]ation|party|one|faction|"
            r"(?:militant|armed|rebel|insurgent|terrorist|jihadist)\s+group|individual))?"
            r"(?:\s+(?:has|had|have|immediately|yet|so\s+far|publicly|officially))*\s+"
            r"(?:claimed|claims|claim|took|taken|accepted|admitted)\b(?:\s+(?:responsibility|credit))?"
            r"|no\s+(?:immediate\s+|official\s+|credible\s+)?claims?\s+(?:of|for)\s+(?:the\s+)?(?:responsibility|attack)\b"
            r"|no\s+claims?\s+(?:is|was|were|has\s+been|had\s+been|have\s+been)\s+made\b|no\s+(?:immediate\s+)?claim\b"
            r"|(?P<subject>(?:has|had|have|did|does|do)(?:\s+not|n't)\s+(?:yet\s+)?claim(?:ed)?\b(?:\s+(?:responsibility|credit))?"
            r"|(?:have|has)\s+yet\s+to\s+claim\b(?:\s+responsibility)?|never\s+claimed\b)"
            r"|not\s+(?:been\s+)?claimed\b|unclaimed\b"
            r"|(?P<denial>(?:denied|denies|deny|denying)\s+(?:any\s+|all\s+)?(?:responsibility|involvement|role|links?|"
            r"a\s+role|any\s+role|being\s+behind|carrying\s+out|having\s+carried\s+out|its\s+involvement|participation)\b"
            r"|(?:rejected|rejects|disclaimed)\s+(?:any\s+)?(?:responsibility|involvement)\b"
            r"|denied\s+(?:that\s+)?(?:it|they)\s+(?:was|were|had\s+been|had)\s+(?:behind|involved|responsible|carried)\w*"
            r"|distanced\s+(?:itself|themselves)\s+from\b))", flags),
        superseded_left=re.compile(
            rf"\b{superseding}\s+(?:been\s+)?(?:blam(?:ed|ing)|accus(?:ed|ing)|suspect(?:ed|ing)|attributed\s+(?:it\s+)?to"
            rf"|pinned\s+(?:it\s+|the\s+\w+\s+)?on|pointed\s+(?:the\s+finger\s+)?at)(?:\s+(?:[^,.;]{{0,40}}?\s+)?on)?\s+{tail}",
            flags),
        superseded_right=re.compile(rf"{be}{superseding}\s+(?:blamed|accused|suspected|believed|thought|held\s+responsible)\b",
                                    flags),
        later_claim=re.compile(r"[^.;]{0,120}?\b(?:before|until)\b[^.;]{0,80}?\b(?:claim(?:ed|s|ing)?|took\s+responsibility"
                               r"|admitted)\b", flags),
        allegiance_left=re.compile(rf"\b{_alt(lists['allegiance'])}\s+{tail}", flags),
        membership_left=re.compile(rf"\b{_alt(lists['membership'])}\s+{tail}", flags),
        own_fighters=re.compile(
            rf"[^.;:]{{0,100}}?\b(?P<own>(?:its|their|whose|the\s+{group}['\u2019]s?)\s+(?:own\s+)?(?:[\w-]+\s+){{0,2}}?"
            rf"(?P<who>{fighters}|members?)\s+{did}(?:{acts})\b)", flags),
        definite_group=re.compile(rf"\s+(?:[\w-]+\s+)?{group}\b", flags),
        whether=re.compile(r"\b(?:whether|if)\b", flags),
        relation=re.compile(_alt(lists["relations"]), flags),
    )


@lru_cache(maxsize=1)
def cues() -> Cues:
    """The cue lists of actors.yaml, compiled once per process."""
    data, source = read_yaml(None, "actors.yaml")
    lists = data.get("attribution")
    if not isinstance(lists, dict):
        raise RegistryError(f"{source}: the 'attribution' section is missing")
    return compile_cues(lists, source)


def compile_cues(lists: Mapping[str, Any], source: str = "attribution cues") -> Cues:
    """Validate and compile an ``attribution`` section (used by the loader and by tests)."""
    for key in CUE_LISTS:
        words = lists.get(key)
        if not isinstance(words, list) or not words or not all(isinstance(w, str) and w for w in words):
            raise RegistryError(f"{source}: attribution.{key} must be a non-empty list of patterns")
        for word in words:
            try:
                re.compile(word)
            except re.error as exc:
                raise RegistryError(f"{source}: attribution.{key}: bad pattern {word!r} ({exc})") from exc
    unknown = set(lists) - set(CUE_LISTS)
    if unknown:
        raise RegistryError(f"{source}: attribution has unknown lists {sorted(unknown)}")
    return _compile_lists(lists)

