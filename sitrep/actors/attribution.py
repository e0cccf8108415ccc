"""Who did it, by whose account: an actor's role, its attribution, and claims.

Given a sentence and the span of an actor mention in it (from
:meth:`~sitrep.actors.registry.ActorRegistry.find_all`), :func:`assess` reads the
words just before and after the span and decides

* the **role**: ``perpetrator`` (the subject of an attack verb, "by X", "X
  fighters", "X claimed"), ``target`` ("an attack on X", "killed three X", "an X
  commander was killed", "X positions") or ``other`` (a speaker, a backer, a
  bystander);
* the **attribution** of a perpetrator: ``claimed`` (the actor said it did it),
  ``suspected`` (hedged: "suspected X militants", "believed to be", "police suspect",
  "probably"), or ``attributed`` (stated as fact or blamed by authorities);
* whether the actor **denied** involvement ("the Taliban denied responsibility"):
  then it is not a perpetrator and the attribution is None.

:func:`find_claims` finds the claim phrases of a sentence, positive ("ISIS claimed
responsibility", "responsibility was claimed by", "the group said it carried out")
and negative ("no group has claimed", "denied responsibility"), with the claimant
when the sentence names it.

Everything is lexical and positional: no parser. The word lists are in the
``attribution`` section of ``sitrep/data/actors.yaml``; the grammar that joins them
is here, compiled once per process.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Literal, Mapping, Sequence

from sitrep.actors.registry import ActorMention, ActorRegistry, _read_yaml, default_registry
from sitrep.errors import RegistryError
from sitrep.model import Attribution

Role = Literal["perpetrator", "target", "other"]

_LISTS = ("fighters", "forces", "members", "leaders", "objects", "acts", "hits", "against", "speech", "hedges",
          "not_agent_by", "events", "event_modifiers", "clash_with")
_LEFT_WINDOW = 120  # characters before a mention that are read
_LEFT_TOKENS = 14  # of which the last so many words and punctuation marks
_RIGHT_WINDOW = 200
_LEFT_TOKEN = re.compile(r"[\w'\u2019-]+|[^\w\s]")
#: Substrings without which the suspicion and blame patterns cannot match (a cheap pre-test).
_NEEDS_SUSPECT = ("suspect", "alleg", "presum", "purport", "likel", "probab", "possib", "apparent", "believ", "thought",
                  "said to", "hallmark", "may have", "might have", "could have", "suspicion")
_NEEDS_BLAME = ("blam", "accus", "attribut", "pinned", " by ", "work of", "responsibility of", "attacker", "perpetrator",
                "culprit", "assailant", "gunm", "bomber", "kidnapper", "killer")


@dataclass(frozen=True, slots=True)
class ActorAssessment:
    """What a sentence says an actor did."""

    role: Role
    attribution: Attribution | None  # None unless the role is perpetrator
    denied: bool = False  # the actor denied involvement
    cue: str = ""  # the words that decided, as written ("claimed responsibility", "killed three")


@dataclass(frozen=True, slots=True)
class ClaimMention:
    """A claim of responsibility, or its absence or denial, in a sentence."""

    start: int  # the claim phrase in the sentence
    end: int
    text: str
    claimed: bool  # False for "no group has claimed responsibility", "denied responsibility"
    by_start: int | None = None  # the claimant mention, when the sentence names it
    by_end: int | None = None
    by_name: str | None = None  # its canonical name ("Islamic State" for an Amaq claim)


# ---------------------------------------------------------------------------------------
# The compiled cues
# ---------------------------------------------------------------------------------------


def _alt(patterns: Sequence[str]) -> str:
    """One alternation, longest pattern first so that "suicide bombers" beats "bombers"."""
    return "(?:" + "|".join(f"(?:{p})" for p in sorted(patterns, key=len, reverse=True)) + ")"


@dataclass(frozen=True, slots=True)
class _Cues:
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
    fighters: re.Pattern[str]
    hedges: re.Pattern[str]
    claims: re.Pattern[str]
    negative_claims: re.Pattern[str]


def _compile(lists: Mapping[str, Sequence[str]]) -> _Cues:
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
        r"(?P<appos>\s*,\s*(?:which|who|whose)\b[^,;]{1,120}(?:,|(?=[.;!?]|\s*$)))?"
        rf"(?P<aux>(?:\s+(?:{adverbs}|{hedges}(?:\s+have)?(?:\s+been)?))*)"
        r"\s*"
    )
    have = r"(?:(?:has|have|had)\s+(?:since\s+|also\s+|now\s+|already\s+)?(?:been\s+)?)?"
    be = (r"(?:(?:is|are|was|were)\s+being|is|are|was|were|has\s+been|have\s+been|had\s+been|been|being|got|get)\s+"
          r"(?:\w+ly\s+|also\s+|later\s+)?")
    claim_words = (
        rf"claim(?:ed|s|ing)?\s+(?:full\s+|sole\s+)?(?:responsibility|responsibilty|responsibitiy|credit)\b"
        rf"|claim(?:ed|s|ing)?\s+(?:(?:the|both|this|these|those|all|an?|its|their|last\s+\w+'s|\w+'s)\s+)?"
        rf"(?:(?:{modifiers}|\w+-\w+|latest|recent|twin|deadly|weekend|\w+day's)\s+){{0,3}}{events}\b"
        r"|claim(?:ed|s)\s+it\b(?!\s+(?:was|is|had|has|would|will|were|did|to)\b)"
        r"|(?:took|takes|taken|take|taking|assumed|assumes|assume|assuming|accepted|accepts|accept|admitted|admits|"
        r"acknowledged|acknowledges|announced|announces|declared|declares|issued)\s+(?:full\s+|sole\s+)?(?:responsibility|credit)\b"
        r"|owned\s+up\b"
        rf"|claim(?:ed|s|ing)\s+(?:that\s+)?(?:one\s+of\s+)?(?:it|they|(?:its|their)\s+(?:[\w-]+\s+){{0,3}}?(?:{fighters}|{members}))\s+{have}"
        rf"(?:(?:was|were)\s+(?:behind|responsible)|{acts})\b"
        rf"|said\s+(?:in\s+a\s+(?:\w+\s+)?statement\s+)?(?:that\s+)?(?:it|they|its\s+(?:\w+\s+)?{fighters}|their\s+(?:\w+\s+)?{fighters})"
        rf"\s+{have}(?:(?:was|were)\s+(?:behind|responsible)|{acts})\b"
    )
    det = (r"(?:(?:the|a|an|its|their|his|her|some|several|many|few|two|three|four|five|six|seven|"
           r"eight|nine|ten|dozens\s+of|scores\s+of|hundreds\s+of|thousands\s+of|a\s+number\s+of|a\s+group\s+of|"
           r"a\s+band\s+of|\d[\d,]*|at\s+least\s+\d[\d,]*|more\s+than\s+\d[\d,]*|over\s+\d[\d,]*|some\s+\d[\d,]*|"
           r"about\s+\d[\d,]*|nearly\s+\d[\d,]*|up\s+to\s+\d[\d,]*|other|more|fellow|former|alleged|suspected|presumed|"
           r"would-be|senior|top|local|rival|armed|heavily\s+armed|masked)\s+)*")
    of = rf"(?:{people}\s+(?:of|from|belonging\s+to|loyal\s+to|with|in)\s+(?:the\s+)?)?"
    # One capitalised word may qualify the actor in running text: "the Yemeni al-Qaeda branch".
    tail = rf"{det}(?:(?-i:[A-Z][a-z][\w-]*)\s+)?{of}{described}\Z"
    return _Cues(
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
    )


@lru_cache(maxsize=1)
def _cues() -> _Cues:
    """The cue lists of actors.yaml, compiled once per process."""
    data, source = _read_yaml(None, "actors.yaml")
    lists = data.get("attribution")
    if not isinstance(lists, dict):
        raise RegistryError(f"{source}: the 'attribution' section is missing")
    return compile_cues(lists, source)


def compile_cues(lists: Mapping[str, Any], source: str = "attribution cues") -> _Cues:
    """Validate and compile an ``attribution`` section (used by the loader and by tests)."""
    for key in _LISTS:
        words = lists.get(key)
        if not isinstance(words, list) or not words or not all(isinstance(w, str) and w for w in words):
            raise RegistryError(f"{source}: attribution.{key} must be a non-empty list of patterns")
        for word in words:
            try:
                re.compile(word)
            except re.error as exc:
                raise RegistryError(f"{source}: attribution.{key}: bad pattern {word!r} ({exc})") from exc
    unknown = set(lists) - set(_LISTS)
    if unknown:
        raise RegistryError(f"{source}: attribution has unknown lists {sorted(unknown)}")
    return _compile(lists)


# ---------------------------------------------------------------------------------------
# Role and attribution of one mention
# ---------------------------------------------------------------------------------------

_OTHER = ActorAssessment("other", None)
_RELAY = re.compile(r"a'?maq|news\s+agency|media|propaganda", re.IGNORECASE)
_RELATIVE = re.compile(r"\s*,\s*(?:which|who|whose)\s+", re.IGNORECASE)


class _Left:
    """The last words before a mention, one space apart and ending in a space.

    The left patterns all end at the mention (``\\Z``); they are tried only where a word
    starts, which is several times faster than a regex search over the window.
    """

    __slots__ = ("text", "starts", "_lower")

    def __init__(self, sentence: str, start: int) -> None:
        tokens = _LEFT_TOKEN.findall(sentence, max(0, start - _LEFT_WINDOW), start)[-_LEFT_TOKENS:]
        self.text = " ".join(tokens) + " " if tokens else ""
        self._lower = " " + self.text.lower()
        self.starts: list[int] = []
        at = 0
        for token in tokens:
            self.starts.append(at)
            at += len(token) + 1

    def search(self, pattern: re.Pattern[str], end: int | None = None, needs: tuple[str, ...] = ()) -> re.Match[str] | None:
        """The leftmost match of ``pattern`` that starts at a word and ends at ``end`` (the mention by default).

        ``needs`` are strings one of which any match contains: when the window has none, the
        pattern is not tried.
        """
        if needs and not any(n in self._lower for n in needs):
            return None
        stop = len(self.text) if end is None else end
        for at in self.starts:
            if at >= stop:
                break
            m = pattern.match(self.text, at, stop)
            if m is not None:
                return m
        return None


def assess(sentence: str, start: int, end: int) -> ActorAssessment:
    """The role, attribution and denial of the actor mention at ``[start, end)`` of ``sentence``."""
    cues = _cues()
    right = cues.right.match(sentence, end, min(len(sentence), end + _RIGHT_WINDOW))
    assert right is not None  # every part of the pattern is optional
    p = right.end()
    appos = right.group("appos")
    hedged = bool(right.group("aux")) and cues.hedges.search(right.group("aux")) is not None

    def cue(m: re.Match[str] | None) -> str:
        return m.group(0).strip() if m is not None else ""

    # 1. Denials and explicit non-claims: the actor is not the perpetrator. A denial in a
    #    relative clause ("officials blamed X, which denied any role") is kept as a flag.
    verb_at = [p]
    denial = None
    if appos:
        clause = _RELATIVE.match(sentence, right.start("appos"))
        if clause is not None:
            verb_at.insert(0, clause.end())
            denial = cues.deny.match(sentence, clause.end())
    m = cues.deny.match(sentence, p)
    if m is not None:
        return ActorAssessment("other", None, True, cue(m))
    for at in verb_at:
        m = cues.no_claim.match(sentence, at)
        if m is not None:
            return ActorAssessment("other", None, denial is not None, cue(m))
    if denial is not None:
        verb_at.pop(0)
        found = _assess_rest(sentence, start, end, right, verb_at, hedged)
        return ActorAssessment(found.role, found.attribution, True, found.cue)
    return _assess_rest(sentence, start, end, right, verb_at, hedged)


def _assess_rest(sentence: str, start: int, end: int, right: re.Match[str], verb_at: list[int], hedged: bool) -> ActorAssessment:
    """Steps 2-7 of :func:`assess`: claims, targets, suspicion, blame and facts, speakers, fighters."""
    cues = _cues()
    p = right.end()
    left = _Left(sentence, start)
    link, member, leader = right.group("link"), right.group("member"), right.group("leader")
    event, loose = right.group("event"), right.group("loose")

    def cue(m: re.Match[str] | None) -> str:
        return m.group(0).strip() if m is not None else ""

    # 2. Claims.
    for at in verb_at:
        m = cues.claim_right.match(sentence, at)
        if m is not None:
            if _RELAY.search(m.group(0)) and cues.claims.search(sentence, m.end()):
                return ActorAssessment("other", None, False, cue(m))  # "IS's Amaq agency said ISWAP's fighters..."
            return ActorAssessment("perpetrator", "claimed", False, cue(m))
    m = left.search(cues.claim_left, needs=("claim",))
    if m is not None:
        return ActorAssessment("perpetrator", "claimed", False, cue(m))
    # 3. Acted on: "an attack on X", "killed three X", "X positions", "X fighters were killed".
    if right.group("object"):
        return ActorAssessment("target", None, False, right.group("object"))
    if event and not link:  # "a Taliban attack", "an al-Shabaab mortar attack", "Islamic State's operations"
        m = left.search(cues.suspect_left, needs=_NEEDS_SUSPECT) or cues.suspected_right.match(sentence, p)
        return ActorAssessment("perpetrator", "suspected" if (m or hedged) else "attributed", False, cue(m) or event)
    m = left.search(cues.blame_left, needs=("blam", "attribut", "accus"))
    if m is not None:  # "officials blamed the attack on ISIS"
        return ActorAssessment("perpetrator", "attributed", False, cue(m))
    m = left.search(cues.clash_left, needs=(" with ", " against "))  # "a shootout with Islamic State": it fought
    if m is not None and cues.hit.match(sentence, p) is None:
        return ActorAssessment("perpetrator", "attributed", False, cue(m))
    m = cues.hit.match(sentence, p) or left.search(cues.target_left)
    if m is not None:
        return ActorAssessment("target", None, False, cue(m))
    if loose is not None:  # "Al-Qaeda linked jihadists"
        if loose.lower() in ("backed", "inspired"):
            return _OTHER
        return ActorAssessment("perpetrator", "suspected", False, loose)
    if link is not None:
        if link.lower() in ("linked", "affiliated", "allied", "aligned", "connected", "sympathising", "sympathizing", "loyal"):
            return ActorAssessment("perpetrator", "suspected", False, f"-{link}")
        return ActorAssessment("other", None, False, f"-{link}")  # "ISIS-inspired", "Iran-backed", "Taliban-held"
    if leader and not member:
        return ActorAssessment("other", None, False, leader)  # "a Hamas official said"
    if sentence.startswith(",", p):  # "The Houthi forces, carried out"
        verb_at.append(p + 1 + len(sentence[p + 1 :]) - len(sentence[p + 1 :].lstrip()))
    act = None
    for at in verb_at:
        act = cues.act.match(sentence, at)
        if act is not None:
            break
    # 4. Hedged: "suspected X militants", "X is believed to", "X probably carried out".
    m = left.search(cues.suspect_left, needs=_NEEDS_SUSPECT) or cues.suspected_right.match(sentence, p)
    if m is not None:
        return ActorAssessment("perpetrator", "suspected", False, cue(m))
    if hedged and act is not None:
        return ActorAssessment("perpetrator", "suspected", False, cue(act))
    # 5. Blamed or stated as fact.
    m = (cues.blamed_right.match(sentence, p) or left.search(cues.blame_left, needs=_NEEDS_BLAME)
         or left.search(cues.event_of_left, needs=(" by ", " of ", " from ")))
    if m is None:
        by = left.search(cues.by_left, needs=(" by ",))
        if by is not None and left.search(cues.not_agent_by, by.start()) is None:
            m = by
    if m is None:
        m = left.search(cues.member_left, needs=(" of ", " from ", " with ", " to "))
    linked = left.search(cues.linked_left, needs=(" to ", " with ")) if m is None else None
    if linked is not None:  # "militants linked to al-Qaeda"
        return ActorAssessment("perpetrator", "suspected", False, cue(linked))
    if m is not None or act is not None:
        return ActorAssessment("perpetrator", "attributed", False, cue(m or act))
    # 6. Speakers and sources.
    m = cues.speech.match(sentence, p) or left.search(cues.source_left)
    if m is not None:
        return ActorAssessment("other", None, False, cue(m))
    # 7. "Taliban fighters", "an Islamic Jihad member", "unidentified gunmen": they act unless told otherwise.
    if (member and (cues.fighters.match(member) or member.lower().startswith("member"))) or cues.fighter_head.search(sentence, start, end):
        return ActorAssessment("perpetrator", "attributed", False, member or sentence[start:end])
    return _OTHER


def attribution(sentence: str, start: int, end: int) -> Attribution | None:
    """'claimed', 'suspected' or 'attributed' for a perpetrator at ``[start, end)``; None otherwise."""
    return assess(sentence, start, end).attribution


def role(sentence: str, start: int, end: int) -> Role:
    """Whether the actor at ``[start, end)`` acts ('perpetrator'), is acted on ('target') or neither ('other')."""
    return assess(sentence, start, end).role


def denied(sentence: str, start: int, end: int) -> bool:
    """Whether the actor at ``[start, end)`` denies involvement ("the Taliban denied responsibility")."""
    return assess(sentence, start, end).denied


# ---------------------------------------------------------------------------------------
# Claims in a sentence
# ---------------------------------------------------------------------------------------

#: A claim needs one of these; sentences without any are skipped at the cost of one lower().
_CLAIM_HINTS = ("claim", "responsib", "deni", "deny", "maq", "credit", "owned up", "said it", "said they",
                "said its", "said their", "said in a statement", "disown", "distanced")
#: What may stand between a claimant and its claim without breaking the clause.
_CLAUSE_BREAK = re.compile(r"[;:]|\.\s|\bbut\b|\bwhile\b|\bwhereas\b|\balthough\b", re.IGNORECASE)
_SENTENCE_BREAK = re.compile(r"[;:]|\.\s")
_AMAQ = "Islamic State"
#: Unnamed actors that can be the claimant of a claim ("a militant alliance claimed the attack").
_CLAIMANT_TYPES = frozenset({"armed group", "militia", "unnamed"})


def find_claims(sentence: str, actors: Sequence[ActorMention] | None = None, *,
                registry: ActorRegistry | None = None) -> list[ClaimMention]:
    """Claims of responsibility in ``sentence``, positive and negative, left to right.

    ``actors`` are the actor mentions of the sentence, if already found; otherwise the
    sentence is searched with ``registry`` (the shipped registry by default), and only
    when it holds a claim. The claimant is the named actor the claim belongs to:
    the one after "claimed by", or the nearest one before an active claim in the same
    clause. It is None when the sentence names none ("the group said it carried out"):
    the caller resolves it from context.
    """
    lowered = sentence.lower()
    if not any(hint in lowered for hint in _CLAIM_HINTS):
        return []
    cues = _cues()
    found: list[tuple[int, int, bool, bool, str]] = []  # start, end, claimed, passive, kind
    for m in cues.negative_claims.finditer(sentence):
        kind = "denial" if m.group("denial") else "not" if m.group("subject") else "none"
        found.append((m.start(), m.end(), False, False, kind))
    for m in cues.claims.finditer(sentence):
        if any(s < m.end() and m.start() < e for s, e, *_ in found):
            continue
        kind = "amaq" if "maq" in m.group(0).lower() else "claim"
        found.append((m.start(), m.end(), True, m.group("by") is not None, kind))
    if not found:
        return []
    found.sort()
    if actors is None:
        actors = (registry or default_registry()).find_all(sentence)
    named = [a for a in actors if a.actor is not None]
    unnamed = [a for a in actors if a.actor is None and a.actor_type in _CLAIMANT_TYPES]
    out: list[ClaimMention] = []
    for start, end, claimed, passive, kind in found:
        by = None
        if kind == "amaq":  # the province that Amaq speaks for, else the Islamic State itself
            by = next((a for a in named if a.parent == _AMAQ and _same_clause(sentence, a, start, end)), None)
        if kind != "none" and by is None:
            by = _claimant_after(sentence, named, end) if passive else _claimant_before(sentence, named, start, unnamed)
        by_name = by.name if by is not None else (_AMAQ if kind == "amaq" else None)
        out.append(ClaimMention(start, end, sentence[start:end], claimed, by.start if by else None, by.end if by else None, by_name))
    return out


def _claimant_before(sentence: str, named: Sequence[ActorMention], at: int,
                     unnamed: Sequence[ActorMention] = ()) -> ActorMention | None:
    """The nearest named actor before ``at`` in the same clause; else an unnamed armed group there."""
    for pool in (named, unnamed):
        for mention in reversed(pool):
            if mention.end <= at:
                between = sentence[mention.end : at]
                if len(between) <= 150 and not _CLAUSE_BREAK.search(between):
                    return mention
                break
    return None


def _same_clause(sentence: str, mention: ActorMention, start: int, end: int) -> bool:
    between = sentence[mention.end : start] if mention.end <= start else sentence[end : mention.start]
    return len(between) <= 120 and not _SENTENCE_BREAK.search(between)


def _claimant_after(sentence: str, named: Sequence[ActorMention], at: int) -> ActorMention | None:
    for mention in named:
        if mention.start >= at:
            return mention if mention.start - at <= 40 and not _CLAUSE_BREAK.search(sentence[at : mention.start]) else None
    return None
