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
             "said_when", "relations", "weapons", "assailants", "responses", "casualties")


#: An adverb in -ly written in lower case ("summarily", "reportedly"), not a noun such as "family" or "rally".
_LY = (r"(?!(?:only|family|rally|supply|reply|ally|holy|fly|apply|assembly|daily|weekly|monthly|friendly|elderly)\b)"
       r"(?-i:[a-z]{2,}ly)")


#: After a weapon word, nouns that make it a modifier: "police explosives experts", "an ISIS bomb factory".
_NOT_WEAPON_USE = (r"(?!\s+(?:experts?|disposal|squads?|units?|teams?|technicians?|specialists?|detection|detectors?|"
                   r"factor(?:y|ies)|caches?|depots?|stores?|stockpiles?|workshops?|labs?|laborator(?:y|ies)|makers?|"
                   r"dogs?|ordnance|materials?|components?|belts?|vests?)\b)")


#: After an event word in -ing, an object that makes it a verb: "Pakistani forces killing six soldiers".
_NOT_VERB_USE = (r"(?:(?<!ing)|(?<=ing)(?!\s+(?:\d|a|an|the|at\s+least|more\s+than|some|several|dozens|scores|hundreds|"
                 r"many|his|her|their|its|two|three|four|five|six|seven|eight|nine|ten|one)\b))")


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
    hit_reduced: re.Pattern[str]  # "soldiers killed by machine-gun fire", "Junta Soldiers Killed": acted on
    clash_words: re.Pattern[str]  # "clash", "firefight", "encounter": searched in a sentence
    assailant_head: re.Pattern[str]  # "attackers" in "three JeM attackers were killed": the dead were the attackers
    casualty: re.Pattern[str]  # "killed", "shot dead": a participle that counts the actor among the casualties
    similar_right: re.Pattern[str]  # "X has carried out similar attacks", "X often does attacks like these": suspected
    warned_left: re.Pattern[str]  # "a warning call from X", "in the name of X": the actor owned the attack
    responder_by: re.Pattern[str]  # "subdued by X": X responded
    casualty_by: re.Pattern[str]  # "shot dead by X": X responded when the one shot is the attacker
    assailant_word: re.Pattern[str]  # "the attacker", "before being": searched before a casualty_by
    named_member_left: re.Pattern[str]  # "the hijacker, Abd al-Hadi Ghanim of X"
    agent_left: re.Pattern[str]  # "kidnapped by X", "with links to X": a passive after X is said of someone else
    hit_mine: re.Pattern[str]  # "X hit a roadside bomb": X was hit
    carried_left: re.Pattern[str]  # "a truck carrying X" (a state force): X was the target
    coordinated_right: re.Pattern[str]  # ", Y and Z" (or "or Y") after X, before the verb they share
    named_after_link: re.Pattern[str]  # a name after "X-affiliated": X only describes it
    while_attacking: re.Pattern[str]  # "... were killed when they launched an attack": killed attacking
    triggered_by: re.Pattern[str]  # "a mine was activated by X": X was hit
    responds_right: re.Pattern[str]  # "X opened fire on the knifeman", "X returned fire": X responded
    acting: re.Pattern[str]  # "the Islamic State executing 100 civilians": an act in -ing right after the actor


def _compile_lists(lists: Mapping[str, Sequence[str]]) -> Cues:
    fighters, forces, members, leaders = (_alt(lists[k]) for k in ("fighters", "forces", "members", "leaders"))
    objects, acts, hits, against = (_alt(lists[k]) for k in ("objects", "acts", "hits", "against"))
    speech, hedges, events = _alt(lists["speech"]), _alt(lists["hedges"]), _alt(lists["events"])
    modifiers = _alt(lists["event_modifiers"])
    weapons, assailants = _alt(lists["weapons"]), _alt(lists["assailants"])
    responses, casualties = _alt(lists["responses"]), _alt(lists["casualties"])
    people = f"(?:{fighters}|{forces}|{members}|{leaders})"
    adjectives = (r"(?:(?-i:[A-Z][a-z][\w-]*)|female|male|teenage|young|child|armed|heavily\s+armed|suspected|alleged|local|"
                  r"foreign|senior|top|self-styled|so-called|former|sleeper|rebel|militant|insurgent|jihadist|islamist|"
                  r"terrorist|suicide|fellow|\d+-(?:man|member|strong))")
    group = r"(?:group|organi[sz]ation|movement|outfit|militia|faction|network|front|party)"
    adjective = r"(?:(?!(?:by|on|against|at|in|of|from|to|with|the|a|an|and|or)\b)[\w-]+\s+)"
    described = (rf"(?:{adjective}{{0,3}}{group}(?:\s+[\w-]+){{0,4}}?\s+(?:called|named|known\s+as|denominated|dubbed|"
                 rf"calling\s+(?:itself|themselves)|made\s+up\s+of|composed\s+of|consisting\s+of)\s+"
                 rf"|{adjective}{{0,3}}{group}\s+)?")
    flags = re.IGNORECASE
    superseding = _alt(lists["superseding"])
    adverbs = (r"later|then|also|quickly|swiftly|subsequently|immediately|officially|itself|themselves|yesterday|today|"
               rf"earlier|again|once\s+again|once\s+more|surprise|still|both|jointly|together|{_LY}|on\s+\w+day|"
               r"in\s+a\s+(?:\w+\s+)?statement|in\s+an?\s+(?:\w+\s+)?(?:video|message)|"
               # where they are: "Gang members in Haiti's capital Port-au-Prince killed at least 20 people"
               r"in\s+(?:(?:northern|southern|eastern|western|central|north-?(?:east|west)(?:ern)?|south-?(?:east|west)(?:ern)?)\s+)?"
               r"(?-i:[A-Z])[\w'\u2019.-]*(?:\s+(?:(?-i:[A-Z])[\w'\u2019.-]*|capital|city|province|state|region|district))"
               r"{0,3}(?=\s+(?-i:[a-z]))")
    right = (
        r"(?:\s*[)\]](?=\s))?"  # the end of the brackets around "(RENAMO) has attacked"
        r"(?P<poss>['\u2019]s?)?"
        r"(?:\s*[(\[][^)\]\n]{1,60}[)\]])?"  # "(ISKP)", "[FMLN]"
        r"(?:-(?P<link>linked|affiliated|allied|aligned|connected|backed|inspired|led|held|controlled|run|occupied|"
        r"fired|planted|laid|triggered|detonated|launched|thrown|hurled|"
        r"style|sympathi[sz]ing|leaning|loyal)\b|\s+(?P<loose>linked|affiliated|allied|aligned|backed|inspired)\b)?"
        rf"(?:\s*(?:(?:terror|terrorist|military|key|strategic|main|known|suspected)\s+)?(?P<object>{objects})\b)?"
        rf"(?:\s*-?\s*(?:{adjectives}\s+){{0,2}}(?P<member>{fighters}|{forces}|{members})\b)?"
        rf"(?:\s+(?:{modifiers}\s+){{0,3}}(?P<event>{events}|{weapons})\b{_NOT_WEAPON_USE}{_NOT_VERB_USE})?"
        rf"(?:\s+(?P<leader>{leaders})\b)?"
        r"(?P<appos>\s*,\s*(?:which|who|whose)\b[^,;]{1,120}(?:,|(?=[.;!?]|\s*$))"
        # a noun phrase in apposition: ", al-Qaeda's affiliate in the Sahel,", ", an alliance of ... factions,"
        r"|(?P<np>\s*,\s*(?:(?:an?|the)\s+|[\w-]+['\u2019]s\s+)[^,;()!?]{1,80}?,))?"
        rf"(?P<aux>(?:\s+(?:{adverbs}|{hedges}(?:\s+have)?(?:\s+been)?))*)"
        r"\s*"
    )
    # a person's name: two to four capitalised words, particles such as "al-" and "bin" between
    person = (r"(?-i:[A-Z][\w'\u2019-]+)(?:\s+(?:(?-i:[A-Z][\w'\u2019-]+)|al-(?-i:[A-Z])[\w'\u2019-]*|al|bin|ibn|abu)){1,3}")
    have = (rf"(?:(?:has|have|had)\s+(?:since\s+|also\s+|now\s+|already\s+|again\s+|{_LY}\s+)?(?:been\s+)?)?"
            r"(?:(?:tried|attempted|tries|attempts|sought|seeks|managed|continued)\s+to\s+)?")
    # in the active voice only: "they had attacked", never "they had been attacked"
    did = r"(?:(?:has|have|had)\s+(?:also\s+|now\s+|already\s+|successfully\s+)?)?(?!been\b)"
    # "said on Monday", "said late on Wednesday in a statement on Telegram"
    said_when = rf"(?:\s*,?\s*{_alt(lists['said_when'])})"
    own_people = rf"(?:its|their)\s+(?:[\w-]+\s+){{0,2}}?(?:{fighters}|{members})"
    be = (r"(?:(?:is|are|was|were)\s+being|is|are|was|were|has\s+been|have\s+been|had\s+been|been|being|got|get)\s+"
          r"(?:\w+ly\s+|also\s+|later\s+)?")
    claim_words = (
        rf"claim(?:ed|s|ing)?\s+(?:the\s+)?(?:full\s+|sole\s+|joint\s+)?(?:responsibility|responsibilty|responsibitiy|responsabilit(?:y|ie|ies)|credit)\b"
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
        rf"(?:(?:was|were)\s+(?:behind|responsible)|{acts})\b"
        # "Islamic State claimed that Qusai al-Sanaani blew himself up": its man, named
        rf"|(?:claimed|claims|said|says|announced|announces)\s+(?:that\s+)?{person}\s+{did}{acts}\b)"
    )
    det = (r"(?:(?:the|a|an|its|their|his|her|some|several|many|few|two|three|four|five|six|seven|"
           r"eight|nine|ten|dozens\s+of|scores\s+of|hundreds\s+of|thousands\s+of|a\s+number\s+of|a\s+group\s+of|"
           r"a\s+band\s+of|\d+(?:st|nd|rd|th)|\d[\d,]*|at\s+least\s+\d[\d,]*|more\s+than\s+\d[\d,]*|over\s+\d[\d,]*|some\s+\d[\d,]*|"
           r"about\s+\d[\d,]*|nearly\s+\d[\d,]*|up\s+to\s+\d[\d,]*|other|more|fellow|former|alleged|suspected|presumed|"
           r"would-be|senior|top|local|rival|armed|heavily\s+armed|masked|outlawed|banned|proscribed)\s+)*")
    of = rf"(?:{people}\s+(?:of|from|belonging\s+to|loyal\s+to|with|in)\s+(?:the\s+|an?\s+)?)?"
    # "by Islamic fundamentalist Mohammed Bouyeri", "by the extremist Army of God"
    creed = r"(?:(?:extremist|fundamentalist|radical|separatist|jihadist|militant|nationalist|supremacist)\s+)"
    # Two capitalised words may qualify the actor in running text: "the Nigerian Islamist Boko Haram".
    # So may a stance: "the anti-Arab Charles Martel Group", "the pro-Iranian Hezbollah".
    # An opening quotation mark may stand before the name: 'said it had struck "Hamas terrorists"', 'by the
    # Maoist "Shining Path" group'.
    tail = (rf"{det}(?:[\"\u201c]\s*)?(?:(?:anti|pro|far|ultra|extreme|neo)-[\w-]+\s+|[\w-]+-(?:affiliated|linked|allied|aligned|backed|"
            rf"based|led)\s+)?(?:(?-i:[A-Z][a-z][\w-]*)\s+){{0,2}}{creed}?(?:{fighters}\s+)?{of}(?:[\"\u201c]\s*)?{described}\Z")
    # Where an actor is blamed or named as the doer, others may be named with it: "blamed on Syria, Iran and X",
    # "carried out by the Shining Path or the MRTA".
    name = r"(?-i:[A-Z][a-z][\w'\u2019-]*|[A-Z]{2,6}\b|(?:al|el|ad|as|an|ash|at|az)-[\w'\u2019-]+)"
    person = r"(?:(?-i:[A-Z][\w'\u2019.-]*)|al-[\w-]+|al|el|bin|ibn|abu|abd|de|del|da|van|der|von)"
    coordinated = rf"(?:(?:the\s+)?{name}(?:\s+{name}){{0,3}}(?:\s*,\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+)){{0,3}}"
    tail_c = rf"{coordinated}{tail}"
    # The cue words that open some left patterns.
    target_cue = rf"\b{against}\s+"
    # Someone named before the actor as one more object of a verb: "captured a Taliban leader and two
    # suspected insurgents", "killing herself and two members of a militia" (a verb: "in the fighting 6
    # policemen and 8 guerrillas die" has no object).
    also_acted_on = (r"\b(?:kill|captur|arrest|detain|abduct|kidnapp|wound|injur|execut|behead|attack|target|ambush)(?:ed|ing)"
                     r"\s+(?:an?|the|one|two|three|four|five|six|seven|eight|nine|ten|\d+|himself|herself|themselves)\s+"
                     r"(?:[\w'\u2019-]+\s+){0,3}?and\s+")
    source_cue = (rf"\b(?:according\s+to|{speech}|quoted|citing|cited|statement\s+(?:by|from)|"
                  rf"spokesm[ae]n\s+for|spokesperson\s+for)\s+")
    # "an attack by X", "the bombs were reportedly from the group X"
    event_of_cue = rf"\b(?:{events}|{weapons})\s+(?:(?:was|were|is|are)\s+(?:{_LY}\s+)?)?(?:by|from|of)\s+"
    member_cue = rf"\b(?:{fighters}|{members})\s+(?:of|from|belonging\s+to|loyal\s+to|with)\s+"
    blame_cue = (
        r"\b(?:(?:blam(?:ed|es|ing|e)|accus(?:ed|es|ing))(?:\s+(?:[^,.;]{0,40}?\s+)?on)?"
        r"|attribut(?:ed|es|ing|e)\s+(?:[^,.;]{0,50}?\s+)?to"
        r"|attributable\s+to|pinned\s+(?:it\s+|the\s+\w+\s+)?on|(?:carried\s+out|perpetrated|committed|conducted|launched|"
        r"staged|orchestrated|masterminded|planned|organi[sz]ed)\s+by|(?:the\s+)?work\s+of|responsibility\s+of"
        r"|(?:attackers?|perpetrators?|culprits?|assailants?|gunm[ae]n|bombers?|kidnappers?|killers?)\s+"
        r"(?:was|were|is|are|had\s+been|have\s+been)(?:\s+(?:members|fighters|militants)\s+(?:of|from))?)\s+")
    casualty_by_cue = rf"\b(?:{casualties})\s+(?:[\w-]+\s+){{0,2}}?by\s+"
    compiled = Cues(
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
                                   r"apparently|presumably|said\s+to|reported\s+to\s+(?:be|have)|(?:the\s+)?"
                                   r"(?:main|prime|chief|primary|leading|likeliest|most\s+likely)\s+(?:suspects?|culprits?))\b",
                                   flags),
        blamed_right=re.compile(rf"{be}(?:blamed|accused|held\s+responsible|implicated|identified\s+as\s+(?:the\s+)?"
                                r"(?:perpetrators?|attackers?|culprits?))\b", flags),
        act=re.compile(rf"{have}(?:{acts}|behind|responsible)\b", flags),
        speech=re.compile(rf"(?:(?:has|have|had)\s+)?(?:{speech})\b", flags),
        claim_left=re.compile(
            r"\b(?:claim(?:ed|s)?\s+(?:of\s+responsibility\s+)?(?:by|from)"
            r"|responsibility\s+(?:for\s+[^,.;]{1,60}?\s+)?(?:was|has\s+been|had\s+been|is)\s+(?:\w+ly\s+)?claimed\s+by)"
            rf"\s+{tail_c}", flags),
        target_left=re.compile(rf"(?:{target_cue}|{also_acted_on}){tail}|\banti-\s*\Z", flags),  # "anti-ISIS", not "anti-Arab X"
        suspect_left=re.compile(
            r"\b(?:suspected|alleged|presumed|purported|presumably|purportedly|likely|probably|possibly|apparently"
            r"|suspected\s+(?:of\s+being|to\s+be)|(?:believed|thought|said|presumed)\s+to\s+(?:be|have\s+been)"
            r"|suspicion\s+(?:fell|falls|has\s+fallen)\s+on|(?:bore|bears|bearing|had|has|with)\s+(?:all\s+)?the\s+hallmarks\s+of"
            r"|hallmarks\s+of|suspects?|suspected\s+that|believes?|believed|may\s+have\s+been|might\s+have\s+been"
            r"|could\s+have\s+been"
            # the doer hedged: "may have been carried out by", "might have been the work of"
            r"|(?:may|might|could)\s+(?:well\s+|also\s+)?(?:have\s+been\s+(?:[\w-]+\s+){1,3}?by|(?:have\s+)?been\s+the\s+(?:work|handiwork)\s+of|be\s+the\s+(?:work|handiwork)\s+of)"
            r"|indicat(?:ed|es|ing)(?:\s+that)?|suggest(?:ed|s|ing)(?:\s+that)?|point(?:ed|s|ing)?\s+(?:the\s+finger\s+)?at"
            r"|(?:main|prime|chief|primary|leading)\s+suspects?\s+(?:is|are|was|were)"
            # an act someone denies: "The army denied that its soldiers had killed 12 civilians"
            r"|den(?:y|ies|ied|ying)\s+that(?:\s+(?:its|their|his|her))?"
            # a habit, not this act's doer: "such attacks are often carried out by armed gangs"
            r"|(?:often|usually|frequently|commonly|typically|generally|regularly|mostly|largely)\s+"
            r"(?:(?:been|being)\s+)?(?:carried\s+out\s+by|blamed\s+on|attributed\s+to|committed\s+by|perpetrated\s+by|staged\s+by))"
            rf"\s+(?:(?:members\s+of|linked\s+to|part\s+of|from|of|loyal\s+to|with|that)\s+)?{tail_c}", flags),
        blame_left=re.compile(rf"{blame_cue}{tail_c}", flags),
        by_left=re.compile(rf"\bby\s+{tail_c}", flags),
        # the verb may be a few words before "by": "declared as terrorism related by police"
        not_agent_by=re.compile(rf"\b{_alt(lists['not_agent_by'])}(?:\s+[\w-]+){{0,3}}\s+\Z", flags),
        member_left=re.compile(rf"{member_cue}(?:the\s+)?{described}\Z", flags),
        # "the hijacker, Abd al-Hadi Ghanim of the Palestinian Islamic Jihad"
        named_member_left=re.compile(
            rf"\b{assailants}\s*,?\s+(?:{person}\s+){{1,6}}(?:of|from)\s+(?:the\s+)?{described}\Z", flags),
        linked_left=re.compile(r"\b(?:(?:linked|affiliated|allied|aligned|tied|connected|close|loyal|sympathetic|associated)\s+(?:to|with)"
                               r"|(?:with\s+|having\s+)?(?:ties|links|connections)\s+(?:to|with))"
                               rf"\s+{tail}", flags),
        clash_left=re.compile(
            rf"\b{_alt(lists['clash_with'])}\s+(?:\w+\s+){{0,2}}?(?:with|against)\s+{tail}"
            # "a shootout between X and security forces", "an encounter between ELN and FARC dissidents"
            rf"|\bshootings?\s+(?:with|against)\s+{tail}"
            rf"|\b(?:{_alt(lists['clash_with'])}|shootings?|stand-?offs?|war|hostilities)\s+(?:\w+\s+){{0,2}}?between\s+"
            rf"(?:[^.;]{{0,60}}?\s+(?:and|&)\s+)?{tail}", flags),
        event_of_left=re.compile(rf"{event_of_cue}{tail}", flags),
        source_left=re.compile(rf"{source_cue}{det}\Z", flags),
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
        # a participle with no object: "soldiers killed by machine-gun fire", "Junta Soldiers Killed", "killed in a raid"
        acting=re.compile(
            r"(?:attack|kill|bomb|shell|storm|ambush|abduct|kidnapp|raid|execut|behead|massacr|murder|assassinat|torch|"
            r"shoot|stabb|hijack|detonat|launch|fir|target|burn|destroy|loot)ing\b", flags),
        hit_reduced=re.compile(
            rf"(?:{casualties})(?=\s*$|[.,;:!?)\]]|\s+(?:(?:by|in|near|on|during|after|when|while|following|since|"
            r"across|overnight|yesterday|today|as(?!\s+(?:many|much|well)\b))\b"
            r"|(?:and|&)\s+(?:\d|(?:at\s+least|another|the|a|an|two|three|four|five|six|seven|eight|nine|ten|dozens|scores|"
            r"several|many|some)\b)))", flags),
        clash_words=re.compile(rf"\b(?:{_alt(lists['clash_with'])}|stand-?offs?)\b", flags),
        assailant_head=re.compile(rf"\b{assailants}\Z", flags),
        casualty=re.compile(rf"{be}(?:also\s+)?(?:{casualties})\b", flags),
        # "X and Y claimed", "X and other insurgents have targeted": the verb after a coordination is X's too
        coordinated_right=re.compile(
            rf"(?:\s*,\s*(?:the\s+)?{name}(?:[\s-]+{name}){{0,4}})*\s*,?\s+(?:and|&|or)\s+(?:the\s+)?"
            rf"(?:{name}(?:(?:\s+(?:of|for|the|a|and|de|del|la|in)\b)*[\s-]+{name}){{0,7}}(?:\s*[(\[][^)\]]{{1,20}}[)\]])?"
            rf"|other\s+(?:{fighters}|groups?)"
            # "Somali forces and allied clan militias killed": unnamed fighters, a word or two before them
            rf"|(?:(?-i:[a-z][a-z-]+)\s+){{0,2}}(?:{fighters}))(?:\s+(?:{fighters}|{members}))?"
            rf"(?:\s+(?:both|also|jointly|together|all|then|later|{_LY}))*", flags),
        named_after_link=re.compile(rf"\s+(?:the\s+)?{name}", flags),
        while_attacking=re.compile(
            rf"[^.;]{{0,40}}?\b(?:when|as|while|after)\s+(?:they|it|he|she)\s+(?:\w+\s+)?(?:{acts})\b"
            r"|[^.;]{0,40}?\b(?:while|when|after|before)\s+(?:attacking|storming|planting|stabbing|trying\s+to|"
            r"attempting\s+to|the\s+attack)\b", flags),
        similar_right=re.compile(
            rf"(?:(?:has|have|had)\s+)?(?:(?:{_LY}|also|previously|frequently|repeatedly|often|in\s+the\s+past)\s+)*"
            r"(?:done|does|do|made|makes|carried\s+out|carries\s+out|conducted|conducts|claimed|claims|staged|stages|"
            r"launched|launches|committed|commits|perpetrated|perpetrates)\s+"
            r"(?:(?:many|several|numerous|previous|other|such|frequent|the|these|those)\s+)?(?:similar\s+)?"
            rf"(?:{events})\s+(?:like\s+(?:these|this|that|it|them)|similar|in\s+the\s+(?:past|area|region)|before"
            r"|there|in\s+(?:that|this)\s+(?:area|region))\b"
            r"|(?:is|are|was|were)\s+(?:usually|mostly|often|typically|generally|frequently|in\s+most\s+cases)\s+"
            r"(?:responsible|behind)\b"
            rf"|(?:has|have|had)\s+(?:{_LY}\s+|also\s+)?(?:{acts})\s+(?:[\w-]+\s+){{0,3}}?(?:in\s+the\s+past|before|previously)\b"
            # a campaign, not the act: "which has stepped up attacks in the region"
            rf"|(?:has|have|had)\s+(?:{_LY}\s+|also\s+)?(?:stepped\s+up|ramped\s+up|intensified|escalated|increased)\s+"
            rf"(?:its\s+|their\s+)?(?:[\w-]+\s+)?(?:{events})\b",
            flags),
        warned_left=re.compile(
            r"\b(?:warning(?:\s+(?:tele)?(?:phone\s+)?calls?)?|(?:tele)?phone\s+calls?|(?:anonymous\s+)?callers?)"
            r"\s+(?:[\w-]+\s+){0,2}?(?:from|by|representing|on\s+behalf\s+of|in\s+the\s+name\s+of"
            rf"|claiming\s+to\s+(?:represent|be\s+from))\s+{tail}"
            rf"|\bclaim(?:ed|ing|s)?\s+to\s+(?:be\s+)?(?:(?:members?|fighters?|part)\s+)?"
            rf"(?:from|of|represent|belong\s+to)\s+{tail}", flags),
        responder_by=re.compile(rf"\b(?:{responses})\s+(?:[\w-]+\s+){{0,3}}?by\s+{tail}", flags),
        casualty_by=re.compile(rf"{casualty_by_cue}{tail}", flags),
        # "a vehicle of X hit a roadside bomb", "border guards hit it": X was hit
        hit_mine=re.compile(
            r"\s*(?:hit|struck|stepped\s+on|ran\s+over|drove\s+over|ran\s+into|rolled\s+over)\s+(?:it\b|(?:an?\s+|the\s+)?"
            r"(?:[\w-]+\s+){0,2}?(?:bombs?|(?:land\s?)?mines?|IEDs?|explosives?|(?:explosive\s+)?devices?|booby[\s-]traps?)\b)",
            flags),
        carried_left=re.compile(rf"\b(?:carrying|transporting|ferrying)\s+{tail}", flags),
        agent_left=re.compile(
            r"\b(?:by|(?:links?|ties|connections)\s+(?:to|with)|linked\s+to|affiliated\s+with|loyal\s+to|allegiance\s+to)"
            rf"\s+{tail}", flags),
        # who was shot was the attacker: "the attacker was shot dead by", "before being shot by", "stabbed one
        # and was shot dead by", "stabbed by a Palestinian man, who was shot by"
        assailant_word=re.compile(
            rf"\b(?:{assailants}|being)\b"
            r"|\b(?:stabbed|rammed|attacked|opened\s+fire|fired|shot|hurled|threw|charged)\b[^.;]{0,80}?"
            r"(?:,|\band\b|\bbefore\b|\bbut\b)\s+(?:then\s+)?(?:was|were)\b"
            r"|\bby\s+(?:a|an|the|two|three)\s+[^,.;]{1,40}?\s*,?\s+who\s+(?:was|were)\b", flags),
        triggered_by=re.compile(
            rf"\b(?:activated|triggered|tripped|set\s+off|stepped\s+on|detonated|hit|struck|ran\s+over|drove\s+over)"
            rf"\s+(?:[\w-]+\s+){{0,2}}?by\s+{tail}", flags),
        responds_right=re.compile(
            rf"\s*(?:(?:{_LY}|later|then|also|eventually|finally|immediately|quickly|soon)\s+)*"
            rf"(?:(?:opened\s+fire|fired|shot(?:\s+and\s+(?:killed|wounded|injured)|\s+dead)?|killed|wounded|"
            rf"{responses})\s+(?:(?:on|at|upon)\s+)?{det}(?:(?!(?:and|or|but)\b)[\w-]+\s+){{0,2}}?(?:{assailants})\b"
            # "shot and killed an armed man suspected of...", "shot dead a man in an alleged stabbing attempt"
            rf"|(?:shot(?:\s+and\s+(?:killed|wounded|injured)|\s+dead)?|killed|neutrali[sz]ed|arrested|apprehended)\s+"
            rf"{det}(?:[\w-]+\s+){{0,3}}?(?:man|woman|men|women|youth|teenager|person|boy|girl)\s+(?:[\w-]+\s+){{0,3}}?"
            r"(?:suspected|accused|believed|wanted|behind|responsible|who\s+(?:had\s+)?(?:tried|attempted|stabbed|attacked|"
            r"opened|rammed|shot)|in\s+an?\s+(?:alleged\s+|attempted\s+|suspected\s+)?(?:stabbing|ramming|car-ramming|"
            r"shooting|attack))\b"
            r"|returned\s+fire|fired\s+back|shot\s+back|responded|intervened|rushed\s+to|arrived\s+at\s+the\s+scene"
            # a force that frees hostages rescued them; a group that frees them held them
            r"|(?:freed|rescued|released|liberated)\s+(?:[\w-]+\s+){0,3}?(?:hostages?|captives?|abductees)\b"
            # a device found and made safe: "police safely detonated an IED found in a trash can"
            r"|(?:safely\s+|later\s+)?(?:defused|disposed\s+of|deactivated|recovered|found|discovered)\b"
            r"|safely\s+detonated\b|detonated\s+(?:it|them)\s+in\s+a\s+controlled\s+explosion)",
            flags),
    )
    return compiled


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

