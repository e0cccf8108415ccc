"""Who did it, by whose account: an actor's role, its attribution, and claims.

Given a sentence and the span of an actor mention in it (from
:meth:`~sitrep.actors.registry.ActorRegistry.find_all`), :func:`assess` reads the
words just before and after the span and decides

* the **role**: ``perpetrator`` (the subject of an attack verb, "by X", "X
  fighters", "X claimed", "X, when its fighters abducted", "an X car bomb", "X and Y
  claimed"), ``target`` ("an attack on X", "killed three X", "an X commander was
  killed", "X positions", "X Soldiers Killed", "an X vehicle hit a roadside bomb") or
  ``other`` (a speaker, a backer, a bystander, a parent named in apposition: "JNIM,
  al-Qaeda's affiliate in the Sahel, claimed"; a state force that responds to an attack:
  "police opened fire on the knifeman", "the attacker was shot dead by police"). Those
  counted among the dead stay perpetrators when they were the attackers ("three JeM
  attackers were also killed") or a party to a fight ("six Taliban insurgents were killed
  during a clash");
* the **attribution** of a perpetrator: ``claimed`` (the actor said it did it: "claimed
  responsibility", "said on Monday they had attacked", "a warning call from X"),
  ``suspected`` (hedged: "suspected X militants", "believed to be", "police suspect",
  "accused", "probably", "X has carried out similar attacks", or the allegiance of
  suspects: "had pledged allegiance to X", "an X-linked cell"), or ``attributed`` (stated
  as fact or blamed by authorities);
* whether the actor **denied** involvement ("the Taliban denied responsibility"):
  then it is not a perpetrator and the attribution is None;
* whether a blame was **superseded** ("police had initially blamed X", "had blamed X
  before Y claimed it"): the text has dropped it, so the role is ``other``, the
  attribution None and :attr:`ActorAssessment.superseded` True.

:func:`~sitrep.actors.claims.find_claims` (re-exported here) finds the claim phrases of a
sentence, positive and negative, with the claimant when the sentence names it.

Everything is lexical and positional: no parser. The word lists are in the
``attribution`` section of ``sitrep/data/actors.yaml``; :mod:`sitrep.actors.cues`
joins them into patterns compiled once per process.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

from sitrep.actors.claims import ClaimMention, find_claims
from sitrep.actors.cues import compile_cues, cues
from sitrep.actors.registry import default_registry
from sitrep.model import Attribution

__all__ = [
    "THREAT_TO_ACT",
    "ActorAssessment",
    "ClaimMention",
    "Role",
    "assess",
    "attribution",
    "compile_cues",
    "denied",
    "find_claims",
    "named_as_patron",
    "names_its_strikes",
    "role",
]

Role = Literal["perpetrator", "target", "other"]

_LEFT_WINDOW = 120  # characters before a mention that are read
_LEFT_TOKENS = 14  # of which the last so many words and punctuation marks
_RIGHT_WINDOW = 200
_LEFT_TOKEN = re.compile(r"[\w'\u2019-]+|[^\w\s]")
#: Substrings without which the suspicion and blame patterns cannot match (a cheap pre-test).
_NEEDS_SUSPECT = ("suspect", "alleg", "presum", "purport", "likel", "probab", "possib", "apparent", "believ", "thought",
                  "said to", "hallmark", "may have", "might have", "could have", "suspicion", "indicat", "suggest", "point",
                  "deny", "denie", "often", "usually", "frequently", "commonly", "typically", "generally",
                  "regularly", "mostly", "largely")
_NEEDS_WARNED = ("warn", "call", "claim", "name of", "behalf")
_NEEDS_AGENT = (" by ", " to ", " with ")
_NEEDS_CARRIED = ("carrying", "transporting", "ferrying")
#: The last word before a mention that makes it an object, not the subject of an -ing verb after it.
_OBJECT_BEFORE = re.compile(r"(?:of|on|at|in|into|from|with|against|by|for|to|near|toward|towards)\s*\Z", re.IGNORECASE)
_NEEDS_BLAME = ("blam", "accus", "attribut", "pinned", " by ", "work of", "responsibility of", "attacker", "perpetrator",
                "culprit", "assailant", "gunm", "bomber", "kidnapper", "killer")
_NEEDS_SUPERSEDED = ("initial", "origin", "first", "earlier", "previous", "wrong", "mistaken", "erroneous", "premature")
_NEEDS_ALLEGIANCE = ("allegiance", "loyalty", "bay", "recruit", "radical")
_NEEDS_MEMBERSHIP = ("belong", "member", "support", "follower", "sympathi", "adherent", "recruit")
#: Words before a membership that make it a suspicion ("the suspects belonged to X").
_SUSPECTS = ("suspect", "accus", "arrest", "detain", "charged", "custody", "alleg", "believ", "probab", "likel",
             "presum", "thought", "said to")
#: Fighter words that are adjectives when singular: "its terrorist attacks" is a noun phrase,
#: not "its fighters attacked".
_ADJECTIVES = frozenset({"terrorist", "militant", "insurgent", "jihadist", "jihadi", "rebel", "guerrilla", "guerila",
                         "extremist", "separatist", "paramilitary", "militia", "suicide attacker"})
#: Words before a membership that make it an attribution ("the bomber belonged to X").
_ATTACKERS = ("attacker", "bomber", "gunm", "assailant", "perpetrator", "culprit", "kidnapper", "killer", "shooter",
              "hijacker")
_NEEDS_OWN = ("its ", "their ", "whose ", "'s ", "\u2019s ")
#: "-fired" and its kin: the actor did it ("a Taliban-fired mortar shell").
_ACT_LINKS = frozenset({"fired", "planted", "laid", "triggered", "detonated", "launched", "thrown", "hurled"})
#: Those who lead an actor's men ("a Taliban commander"), not those who speak for it ("a Hamas official") ...
_COMMANDERS = re.compile(r"(?:commanders?|leaders?|chiefs?|emirs?|boss(?:es)?|kingpins?|warlords?)", re.I)
#: ... when they ordered, planned or led the act: "a Taliban commander ordered the attack", "an IS emir
#: masterminded the bombings", "the commander led his men", "cartel boss Pablo Escobar ordered the assassination".
_COMMANDED = re.compile(
    r"(?:(?-i:[A-Z][\w'\u2019.-]*)\s+){0,4}(?:(?:has|had|have)\s+)?(?:personally\s+)?(?:order(?:ed|s)|orchestrat(?:ed|es)|mastermind(?:ed|s)|plann(?:ed|s)|direct(?:ed|s)|led)"
    r"\s+(?:an?\s+|the\s+|this\s+|that\s+|these\s+|his\s+|their\s+)?(?:[\w-]+\s+){0,2}?"
    r"(?:attacks?|assaults?|raids?|bombings?|ambush(?:es)?|massacres?|killings?|kidnappings?|abductions?|strikes?|"
    r"operations?|assassinations?|shootings?|men|fighters|gunmen|militants)\b",
    re.I,
)
#: People acted on right before "linked to X": "killing two members of a militia | linked to" (not those
#: arrested: "arrested three men linked to IS" makes IS a suspect).
_HIT_THEN_LINKED = re.compile(
    r"\b(?:kill(?:ed|ing)|target(?:ed|ing)|struck|strik(?:e|ing)|"
    r"bomb(?:ed|ing)|attack(?:ed|ing)|abduct(?:ed|ing)|kidnapp(?:ed|ing)|execut(?:ed|ing))\s+"
    r"(?:(?!by\b)[\w'\u2019-]+\s+){0,8}?\Z",
    re.I,
)
#: A war, a feud or hostilities named before its sides: a conflict over time, not one act.
_A_WAR = re.compile(r"\s*(?:wars?|feuds?|hostilities|turf\s+wars?)\b", re.I)
#: The doers an actor leads, right after "-led": "Hamas-led gunmen", "ISIS-led fighters" (not "a
#: Hamas-led government", "the Saudi-led talks").
_LED_DOERS = re.compile(
    r"\s+(?:[\w-]+\s+)?(?:gunm[ae]n|militants?|fighters?|attackers?|assailants?|insurgents?|rebels?|raiders?|commandos?)\b",
    re.I,
)
#: An act named just before the mention, which a relative clause then gives to it: "an ambush
#: that the ELN set", "the attack which Boko Haram carried out".
_ACT_THEN_RELATIVE = re.compile(
    r"\b(?:attacks?|ambush(?:es)?|bombings?|raids?|assaults?|massacres?|explosions?|blasts?|kidnappings?|abductions?)"
    r"\s+(?:that|which)\s+(?:the\s+)?\Z",
    re.IGNORECASE,
)
#: After the mention, words that make the relative clause say something else of the act ("an attack
#: that the army was investigating", "the bombing that the Taliban denied").
_NOT_ITS_ACT = re.compile(r"\s*(?:is|are|was|were|has|have|had|had\s+been|denied|denies|condemned|condemns|blamed)\b",
                          re.IGNORECASE)
#: A security operation against the mention, right before it: "an operation (conducted) against".
_OPERATION_AGAINST = re.compile(
    r"\b(?:operations?|offensives?|raids?|clearance|counter-?insurgency|counter-?terrorism)\b(?:\s+[\w-]+){0,2}?\s+against\s+"
    r"(?:(?:the|suspected|members\s+of)\s+)*\Z",
    re.IGNORECASE,
)
#: State forces told as fallen before that: "One soldier was killed and another was injured", "two
#: police officers died". Their enemy in the operation fought back.
_FORCES_FELL = re.compile(
    r"\b(?:soldiers?|troops|policem[ae]n|police\s+officers?|officers?|servicem[ae]n|personnel|gendarmes?|guards?)\b"
    r"(?:\s+[\w-]+){0,3}?\s+(?:(?:was|were|has\s+been|have\s+been|had\s+been)\s+)?(?:killed|wounded|injured|martyred|died|slain)\b",
    re.IGNORECASE,
)
#: "-linked" and its kin: the actor is a suspected perpetrator ("an ISKP-linked cell").
_SUSPECT_LINKS = frozenset({"linked", "affiliated", "allied", "aligned", "connected", "sympathising", "sympathizing",
                            "loyal"})


@dataclass(frozen=True, slots=True)
class ActorAssessment:
    """What a sentence says an actor did."""

    role: Role
    attribution: Attribution | None  # None unless the role is perpetrator
    denied: bool = False  # the actor denied involvement
    cue: str = ""  # the words that decided, as written ("claimed responsibility", "killed three")
    superseded: bool = False  # blamed at first, then no longer ("police had initially blamed X"): role 'other'


# ---------------------------------------------------------------------------------------
# Role and attribution of one mention
# ---------------------------------------------------------------------------------------

_OTHER = ActorAssessment("other", None)
#: A group already told of, described by its patron: "The group, which is allied to | al Qaeda",
#: "Al-Shabaab, which is linked to | al-Qaeda".
_PATRON_OF_THE_GROUP = re.compile(
    r"(?:\b(?:the|this)\s+(?:group|organi[sz]ation|movement|militia|insurgency|network)\s*,?|,)\s*(?:which|that)\s+"
    r"(?:is|was|has\s+been|had\s+been)\s+(?:\w+\s+)?(?:allied|affiliated|linked|aligned|loyal|tied)\s+(?:to|with)\s+(?:the\s+)?\Z",
    re.IGNORECASE,
)
#: Acts other than the one told, as what a blame is laid for: "blamed previous attacks on X".
_OTHER_ACTS = re.compile(
    r"\b(?:previous|past|earlier|prior|similar|other|former)\s+(?:[\w-]+\s+)?"
    r"(?:attacks?|bombings?|blasts?|explosions?|killings?|incidents?|violence|kidnappings?|abductions?)\b",
    re.IGNORECASE,
)
#: An actor named by its strikes ("Israeli airstrikes", "a US drone strike"): the words are the act.
_STRIKE_HEAD = re.compile(
    r"\b(?:air\s?strikes?|air\s+raids?|drone\s+strikes?|missile\s+strikes?|shelling|bombardments?)\s*\Z", re.IGNORECASE
)


#: A force brought in after the act ("..., before police", "until soldiers"), and what it did to the doer
#: told before (a pronoun: "shot and injured him", "overpowered them").
_BEFORE_FORCE = re.compile(r"\b(?:before|until|till)\s+(?:the\s+)?\Z", re.I)
_STOPPED_THE_DOER = re.compile(
    r"\s*(?:(?:later|eventually|finally|quickly)\s+)?(?:shot|killed|wounded|injured|subdued|overpowered|detained|arrested|"
    r"apprehended|neutrali[sz]ed|stopped|tackled)(?:\s+(?:and|dead))?(?:\s+(?:killed|wounded|injured|arrested|detained))?"
    r"\s+(?:him|her|them)\b",
    re.I,
)


#: A threat to act, not speech: "threatened to attack", "vowed to carry out more attacks".
THREAT_TO_ACT = re.compile(
    r"\s*(?:(?:has|have|had|again|also|repeatedly)\s+)*(?:threaten(?:ed|s)?|vow(?:ed|s)?)\s+to\s+"
    r"(?:(?:carry\s+out|launch|stage|mount|step\s+up)\s+(?:(?:more|new|further|fresh)\s+)?(?:attacks?|strikes?|bombings?)"
    r"|attack|kill|bomb|strike|target|behead|execute|kidnap|blow\s+up|assassinate|shoot)\b",
    re.I,
)


def names_its_strikes(words: str) -> bool:
    """Whether an actor's words name it by its strikes ("Indian shelling", "Israeli airstrikes", "a US
    drone strike"): the act itself, as often across a border as at home."""
    return _STRIKE_HEAD.search(words) is not None


#: A force that strikes from the air or with guns (not the police).
_STRIKING_FORCE = re.compile(
    r"\b(?:army|military|air\s*force|armed\s+forces|defen[cs]e|navy|troops|coalition|IDF|Tatmadaw|junta)\b", re.IGNORECASE
)
#: A force telling of strikes, which are its own: "said air strikes", "said its drone strikes".
_FORCE_TELLS_STRIKES = re.compile(
    r"(?:said|says|announced|confirmed)\s+(?:on\s+\w+\s+)?(?:that\s+)?(?:its\s+|their\s+)?"
    r"(?:air\s?strikes?|air\s+raids?|drone\s+strikes?|artillery\s+fire|shelling)\b",
    re.IGNORECASE,
)
_RELAY = re.compile(r"a'?maq|news\s+agency|media|propaganda", re.IGNORECASE)
_RELATIVE = re.compile(r"\s*,\s*(?:which|who|whose)\s+", re.IGNORECASE)
#: Where the name in a mention ends: a bracketed acronym or a possessive follows it.
_NAME_END = re.compile(r"\s*[(\[]|['\u2019]s?$")


class _Left:
    """The last words before a mention, one space apart and ending in a space.

    The left patterns all end at the mention (``\\Z``); they are tried only where a word
    starts, which is several times faster than a regex search over the window.
    """

    __slots__ = ("text", "starts", "lower")

    def __init__(self, sentence: str, start: int) -> None:
        tokens = _LEFT_TOKEN.findall(sentence, max(0, start - _LEFT_WINDOW), start)[-_LEFT_TOKENS:]
        self.text = " ".join(tokens) + " " if tokens else ""
        self.lower = " " + self.text.lower()
        self.starts: list[int] = []
        at = 0
        for token in tokens:
            self.starts.append(at)
            at += len(token) + 1

    def search(
        self, pattern: re.Pattern[str], end: int | None = None, needs: tuple[str, ...] = ()
    ) -> re.Match[str] | None:
        """The leftmost match of ``pattern`` that starts at a word and ends at ``end`` (the mention by default).

        ``needs`` are strings one of which any match contains: when the window has none, the
        pattern is not tried.
        """
        if needs and _any_of(needs).search(self.lower) is None:
            return None
        stop = len(self.text) if end is None else end
        for at in self.starts:
            if at >= stop:
                break
            m = pattern.match(self.text, at, stop)
            if m is not None:
                return m
        return None


@lru_cache(maxsize=128)
def _any_of(needs: tuple[str, ...]) -> re.Pattern[str]:
    """One pattern for "any of these strings": a single C-level scan instead of one ``in`` per string."""
    return re.compile("|".join(re.escape(n) for n in needs))


def assess(sentence: str, start: int, end: int, *, actor_type: str | None = None) -> ActorAssessment:
    """The role, attribution, denial and superseded blame of the actor mention at ``[start, end)`` of ``sentence``.

    ``actor_type`` is the mention's type (:attr:`ActorMention.actor_type`): a state force that
    responds to an attack ("police shot the attacker dead", "subdued by security forces") is
    not its perpetrator. Without it, a mention headed by a force word ("police", "troops") or
    naming a state force of the shipped registry is taken for one.
    """
    found = cues()
    right = found.right.match(sentence, end, min(len(sentence), end + _RIGHT_WINDOW))
    assert right is not None  # every part of the pattern is optional
    p = right.end()
    appos = right.group("appos")
    hedged = bool(right.group("aux")) and found.hedges.search(right.group("aux")) is not None

    # 1. Denials and explicit non-claims: the actor is not the perpetrator. A denial in a
    #    relative clause ("officials blamed X, which denied any role") is kept as a flag.
    verb_at = [p]
    if not right.group("appos") and sentence[p : p + 4].lower().startswith(("and ", "& ", "or ", ",")):
        shared = found.coordinated_right.match(sentence, right.end("aux"))  # "X and Y claimed the attack", "X or Y"
        if shared is not None:
            verb_at.append(shared.end() + len(sentence[shared.end() :]) - len(sentence[shared.end() :].lstrip()))
    denial = None
    if appos and not right.group("np"):
        clause = _RELATIVE.match(sentence, right.start("appos"))
        if clause is not None:
            verb_at.insert(0, clause.end())
            denial = found.deny.match(sentence, clause.end())
    m = found.deny.match(sentence, p)
    if m is not None:
        return ActorAssessment("other", None, True, _cue(m))
    for at in verb_at:
        m = found.no_claim.match(sentence, at)
        if m is not None:
            return ActorAssessment("other", None, denial is not None, _cue(m))
    if denial is not None:
        verb_at.pop(0)
    result = _assess_rest(sentence, start, end, right, verb_at, hedged, actor_type)
    attribution = result.attribution
    if attribution == "attributed" and (
        _one_of_alternatives(sentence, start, end)  # "carried out by the Shining Path or the MRTA": one of them
        or _HOLDS_THE_AREA.search(sentence, max(0, start - 100), start) is not None  # "a region disputed by X"
    ):
        attribution = "suspected"
    if denial is not None or attribution != result.attribution:
        return ActorAssessment(result.role, attribution, result.denied or denial is not None, result.cue, result.superseded)
    return result


#: A group named as holding or fighting over the place: "in a region disputed by (the X and) | the Y gangs".
_HOLDS_THE_AREA = re.compile(
    r"\b(?:regions?|areas?|territory|territories|zones?|towns?|city|municipality|state|district|villages?|countryside)\s+"
    r"(?:(?:that|which)\s+(?:is|are|was|were)\s+)?(?:\w+ly\s+)?(?:disputed|contested|controlled|dominated|fought\s+over|held)\s+"
    r"by\s+(?:the\s+)?(?:rival\s+)?(?:[\w'’ -]{1,40}?\s+(?:and|or)\s+(?:the\s+)?)?\Z",
    re.IGNORECASE,
)
#: Names given as alternatives: "the Shining Path or | the MRTA", "ISIS | or al-Qaeda".
_OR_BEFORE = re.compile(r"(?-i:[A-Z])[\w'\u2019)\]\"-]*\s+or\s+(?:the\s+)?\Z")
_OR_AFTER = re.compile(r"\s+or\s+(?:the\s+)?(?-i:[A-Z])")


def _one_of_alternatives(sentence: str, start: int, end: int) -> bool:
    """Whether the mention at ``[start, end)`` is one of names joined by "or"."""
    return _OR_AFTER.match(sentence, end) is not None or _OR_BEFORE.search(sentence, max(0, start - 40), start) is not None


def _cue(m: re.Match[str] | None) -> str:
    return m.group(0).strip() if m is not None else ""


def _assess_rest(
    sentence: str, start: int, end: int, right: re.Match[str], verb_at: list[int], hedged: bool,
    actor_type: str | None = None,
) -> ActorAssessment:
    """Steps 2-9 of :func:`assess`: apposition, claims, dropped blame, responders (4b), targets and the
    dead, suspicion, blame and facts, membership, the actor's own fighters, speakers, fighters."""
    found = cues()
    p = right.end()
    left = _Left(sentence, start)
    link, member, leader = right.group("link"), right.group("member"), right.group("leader")
    event, loose = right.group("event"), right.group("loose")

    # 2. A parent named in apposition is not the actor: "JNIM, al-Qaeda's affiliate in the Sahel, claimed".
    if right.group("poss") and member and found.relation.fullmatch(member) and left.text.endswith((", ", "( ")):
        return ActorAssessment("other", None, False, sentence[start : right.end("member")])
    # 3. Claims; not of X in "the X-linked group claimed", where the group claimed.
    for at in verb_at if link is None or link.lower() in _ACT_LINKS else ():
        m = found.claim_right.match(sentence, at)
        if m is not None:
            if _RELAY.search(m.group(0)) and found.claims.search(sentence, m.end()):
                return ActorAssessment("other", None, False, _cue(m))  # "IS's Amaq agency said ISWAP's fighters..."
            if m.group("said") and found.force_head.search(sentence, start, end):
                return ActorAssessment("perpetrator", "attributed", False, _cue(m))  # "the army said it had killed"
            return ActorAssessment("perpetrator", "claimed", False, _cue(m))
    m = left.search(found.claim_left, needs=("claim",))
    if m is not None:
        return ActorAssessment("perpetrator", "claimed", False, _cue(m))
    m = left.search(found.warned_left, needs=_NEEDS_WARNED)  # "a warning call from ETA", "claimed to be from X"
    if m is not None:
        return ActorAssessment("perpetrator", "claimed", False, _cue(m))
    # 4. A blame the text has dropped: "police had initially blamed X", "X was at first suspected".
    m = left.search(found.superseded_left, needs=_NEEDS_SUPERSEDED) or found.superseded_right.match(sentence, p)
    if m is not None:
        return ActorAssessment("other", None, False, _cue(m), superseded=True)
    # 4a. A country's strike is its forces' act however the sentence goes on: "a Russian missile strike
    #     on a shopping centre in Kharkiv killed 20", "civilians killed by Israeli airstrikes"; and so are
    #     the strikes a force tells of: "the army said air strikes on Saturday killed dozens of bandits".
    m = _STRIKE_HEAD.search(sentence, start, end)
    if m is None and _STRIKING_FORCE.search(sentence, start, end) is not None:
        m = _FORCE_TELLS_STRIKES.match(sentence, p)
    if m is not None:
        return ActorAssessment("perpetrator", "attributed", False, m.group(0).strip())
    # 4b. Forces that respond to an attack: "police opened fire on the knifeman", "the attacker was shot
    #     dead by police", "subdued by security forces"; "a mine was activated by a police patrol" hit them.
    if _state_force(sentence, start, end, actor_type):
        m = found.responds_right.match(sentence, right.start("aux")) or left.search(found.responder_by, needs=(" by ",))
        if m is None:  # "the attacker was shot dead by police", "killed by police after attacking a station"
            m = left.search(found.casualty_by, needs=(" by ",))
            if m is not None and found.assailant_word.search(left.text, 0, m.start()) is None and (
                found.while_attacking.match(sentence, p) is None and found.clash_words.search(sentence) is None
            ):
                m = None
        if m is None and _BEFORE_FORCE.search(sentence, max(0, start - 12), start) is not None:
            m = _STOPPED_THE_DOER.match(sentence, p)  # "... wounding six people, before police shot and injured him"
        if m is not None:
            return ActorAssessment("other", None, False, _cue(m))
        m = left.search(found.triggered_by, needs=(" by ",)) or left.search(found.carried_left, needs=_NEEDS_CARRIED)
        if m is not None:  # "a mine activated by a police patrol", "a truck carrying soldiers"
            return ActorAssessment("target", None, False, _cue(m))
    # 5. Acted on: "an attack on X", "killed three X", "X positions", "X fighters were killed". A parent
    #    named to describe a group is neither: "al-Qaeda-affiliated al-Shabaab".
    if link is not None and link.lower() in _SUSPECT_LINKS and found.named_after_link.match(sentence, right.end("link")):
        return ActorAssessment("other", None, False, f"-{link}")
    if right.group("object"):
        return ActorAssessment("target", None, False, right.group("object"))
    if event and not link:  # "a Taliban attack", "an al-Shabaab mortar attack", "Islamic State's operations"
        m = left.search(found.suspect_left, needs=_NEEDS_SUSPECT) or found.suspected_right.match(sentence, p)
        return ActorAssessment("perpetrator", "suspected" if (m or hedged) else "attributed", False, _cue(m) or event)
    m = _ACT_THEN_RELATIVE.search(left.text)
    if m is not None and _NOT_ITS_ACT.match(sentence, p) is None:  # "an ambush that the ELN set"
        return ActorAssessment("perpetrator", "attributed", False, m.group(0).strip())
    m = left.search(found.blame_left, needs=("blam", "attribut", "accus"))
    if m is not None:  # "officials blamed the attack on ISIS"
        return _blamed(sentence, p, left, m)
    # "a shootout with Islamic State", "an encounter between ELN and FARC dissidents": it fought
    m = left.search(found.clash_left, needs=(" with ", " against ", " between "))
    if m is not None and found.hit.match(sentence, p) is None:
        if _state_force(sentence, start, end, actor_type):  # "a shootout between militants and police": police responded
            return ActorAssessment("other", None, False, _cue(m))
        if _A_WAR.match(m.group(0)) is not None:
            # a side in a war ("where a war between rival factions of the Sinaloa cartel has left 500 dead"):
            # suspected of this act, not told to have done it
            return ActorAssessment("perpetrator", "suspected", False, _cue(m))
        return ActorAssessment("perpetrator", "attributed", False, _cue(m))
    m = found.hit_mine.match(sentence, right.start("aux"))  # "an AMISOM vehicle hit a roadside bomb"
    if m is not None:
        return ActorAssessment("target", None, False, _cue(m))
    hit = found.hit.match(sentence, p) or found.hit_reduced.match(sentence, p)
    if hit is not None and left.search(found.agent_left, needs=_NEEDS_AGENT) is not None:
        hit = None  # "a sailor kidnapped by X was killed": the passive is said of the sailor
    m = hit or left.search(found.target_left)
    if m is not None:
        if _fell_fighting(sentence, start, end, right, p, actor_type, passive=hit is not None, cue=m.group(0)):
            return ActorAssessment("perpetrator", "attributed", False, _cue(m))
        if hit is None and not _state_force(sentence, start, end, actor_type) and _OPERATION_AGAINST.search(left.text) and (
            _FORCES_FELL.search(left.text) is not None
        ):  # "One soldier was killed during an operation against PKK": the group fought back
            return ActorAssessment("perpetrator", "attributed", False, _cue(m))
        return ActorAssessment("target", None, False, _cue(m))
    if loose is not None:  # "Al-Qaeda linked jihadists"
        if loose.lower() in ("backed", "inspired"):
            return _OTHER
        return ActorAssessment("perpetrator", "suspected", False, loose)
    if link is not None:
        if link.lower() in _ACT_LINKS:  # "a Taliban-fired mortar shell", "an IS-planted bomb"
            return ActorAssessment("perpetrator", "attributed", False, f"-{link}")
        if link.lower() == "led" and _LED_DOERS.match(sentence, right.end("link")) is not None:
            return ActorAssessment("perpetrator", "attributed", False, "-led")  # "Hamas-led gunmen attacked"
        if link.lower() not in _SUSPECT_LINKS:
            return ActorAssessment("other", None, False, f"-{link}")  # "ISIS-inspired", "Iran-backed", "Taliban-held"
        if left.text.lower().endswith("the ") and found.definite_group.match(sentence, right.end("link")):
            return ActorAssessment("other", None, False, f"-{link}")  # "the al-Qaeda-linked group": named already
        return ActorAssessment("perpetrator", "suspected", False, f"-{link}")
    if leader and not member:
        if _COMMANDERS.fullmatch(leader) and (m := _COMMANDED.match(sentence, p)) is not None:
            return ActorAssessment("perpetrator", "attributed", False, _cue(m))  # "a Taliban commander ordered the attack"
        return ActorAssessment("other", None, False, leader)  # "a Hamas official said"
    if sentence.startswith(",", p):  # "The Houthi forces, carried out"
        q = p + 1 + len(sentence[p + 1 :]) - len(sentence[p + 1 :].lstrip())
        m = found.hit_reduced.match(sentence, q)
        if m is not None:  # "15 people, ten of them policemen, injured in two explosions"
            return ActorAssessment("target", None, False, _cue(m))
        verb_at.append(q)
    # "a video showed the Islamic State executing 100 civilians": never after a comma, a preposition or for a
    # state force ("attacked two posts of Pakistani security forces killing six soldiers")
    act = found.acting.match(sentence, p)
    if act is not None and (_OBJECT_BEFORE.search(left.text) or _state_force(sentence, start, end, actor_type)):
        act = None
    for at in verb_at:
        if act is not None:
            break
        act = found.act.match(sentence, at)
    # 6. Hedged: "suspected X militants", "X is believed to", "X probably carried out", "X has carried
    #    out similar attacks".
    m = (left.search(found.suspect_left, needs=_NEEDS_SUSPECT) or found.suspected_right.match(sentence, p)
         or next((s for at in [p, *verb_at] if (s := found.similar_right.match(sentence, at)) is not None), None))
    if m is not None:
        return ActorAssessment("perpetrator", "suspected", False, _cue(m))
    if hedged and act is not None:
        return ActorAssessment("perpetrator", "suspected", False, _cue(act))
    # 7. Blamed or stated as fact ("the gunmen were members of X"), unless only suspects are
    #    said to belong to the actor ("had pledged allegiance to X", "belonged to X").
    m = (found.blamed_right.match(sentence, p) or left.search(found.blame_left, needs=_NEEDS_BLAME)
         or left.search(found.event_of_left, needs=(" by ", " of ", " from ")))
    if m is None:
        belonging = _belonging(left)
        if belonging is not None:
            return belonging
        by = left.search(found.by_left, needs=(" by ",))
        if by is not None and left.search(found.not_agent_by, by.start()) is None:
            m = by
    if m is None and not _state_force(sentence, start, end, actor_type):  # not "two members of the security forces"
        m = left.search(found.member_left, needs=(" of ", " from ", " with ", " to "))
        if m is None and _any_of(_ATTACKERS).search(left.lower) is not None:
            m = left.search(found.named_member_left, needs=(" of ", " from "))
    linked = left.search(found.linked_left, needs=(" to ", " with ")) if m is None else None
    if linked is not None and _PATRON_OF_THE_GROUP.search(left.text) is not None:
        # "The group, which is allied to al Qaeda, has been fighting ...": the group told of has a patron
        return ActorAssessment("other", None, False, _cue(linked))
    if linked is not None and _HIT_THEN_LINKED.search(left.text, 0, linked.start()) is not None:
        # "killing two members of a Yazidi militia linked to the PKK": the group the victims were linked to
        return ActorAssessment("target", None, False, _cue(linked))
    if linked is not None:  # "militants linked to al-Qaeda"
        return ActorAssessment("perpetrator", "suspected", False, _cue(linked))
    if m is not None or act is not None:
        return ActorAssessment("perpetrator", "attributed", False, _cue(m or act))
    # 8. The actor's own people acting: "X drew attention in 2014, when its fighters abducted
    #    276 schoolgirls", "X, whose fighters stormed the hotel, said"; then speakers and sources.
    at = right.start("appos") if right.group("appos") else p
    window = sentence[at : at + 160].lower()
    if _any_of(_NEEDS_OWN).search(window) is not None:
        m = found.own_fighters.match(sentence, at, at + 160)
        if m is not None and m.group("who").lower() not in _ADJECTIVES:
            return ActorAssessment("perpetrator", "attributed", False, m.group("own"))
    m = THREAT_TO_ACT.match(sentence, p)
    if m is not None:  # "The Taliban threatened to attack polling stations": the doer of the act threatened
        return ActorAssessment("perpetrator", "attributed", False, _cue(m))
    m = found.speech.match(sentence, p) or left.search(found.source_left)
    if m is not None:
        return ActorAssessment("other", None, False, _cue(m))
    # 9. "Taliban fighters", "an Islamic Jihad member", "unidentified gunmen": they act unless told otherwise;
    #    but fighters said only to be about ("bandits, armed gangs that kidnap for ransom, operate in the
    #    area") are suspects.
    fighting = member and (found.fighters.match(member) or member.lower().startswith("member"))
    if _present_in_the_area(sentence, p):
        return ActorAssessment("perpetrator", "suspected", False, "operate in the area")
    if (fighting or found.fighter_head.search(sentence, start, end)) and not (
        member and _state_force(sentence, start, end, actor_type)
    ):  # not "one police men and six militants were killed"
        return ActorAssessment("perpetrator", "attributed", False, member or sentence[start:end])
    return _OTHER


#: Fighters said to be about rather than to have acted: "operate in the area", "are active in the region".
_PRESENCE = re.compile(
    r"\s*(?:(?:have|has)\s+(?:long\s+)?(?:been\s+)?)?(?:\w+ly\s+)?(?:operat(?:e|es|ing)|(?:are|is|were|was)\s+(?:known\s+to\s+be\s+)?"
    r"(?:active|present)|roam(?:s|ing)?|(?:have|has)\s+(?:a\s+)?(?:strong\s+)?presence)\s+(?:in|across|around|throughout)\b",
    re.IGNORECASE,
)
#: A relative clause right after the fighters: " who kidnap", and what ends a clause.
_RELATIVE_CLAUSE = re.compile(r"\s*(?:who|that)\s+\w+")
_CLAUSE_END = re.compile(r"[,.;:]")
#: How long an apposition between the fighters and "operate in" may be.
_PRESENCE_APPOSITION = 120


def _present_in_the_area(sentence: str, p: int) -> bool:
    """Whether the mention ending at ``p`` is said to be about a place, perhaps past an apposition
    ("bandits, armed gangs that raid villages, operate in the area"), and not to have acted there
    too ("are active in the region and killed 20 soldiers")."""
    if sentence.startswith(",", p):
        close = sentence.find(",", p + 1, p + _PRESENCE_APPOSITION)
        if close < 0:
            return False
        p = close + 1
    else:
        # "bandits who kidnap for ransom | operate in the area": past a relative clause with no commas
        clause = _RELATIVE_CLAUSE.match(sentence, p)
        if clause is not None:
            presence = _PRESENCE.search(sentence, clause.end())
            if presence is not None and presence.start() - p <= _PRESENCE_APPOSITION and (
                _CLAUSE_END.search(sentence, clause.end(), presence.start()) is None
            ):
                p = presence.start()
    m = _PRESENCE.match(sentence, p)
    if m is None:
        return False
    act = cues().act
    return not any(act.match(sentence, a.end()) for a in _AND.finditer(sentence, m.end()))


_AND = re.compile(r"\s(?:and|then)\s+")


def named_as_patron(sentence: str, start: int) -> bool:
    """Whether the group named at ``start`` is named to describe another, its patron or parent:
    "Al-Shabaab, which is linked to al-Qaida", "an affiliate of the Islamic State", "had pledged
    allegiance to the Islamic State"."""
    found, left = cues(), _Left(sentence, start)
    return (
        left.search(found.linked_left, needs=(" to ", " with ")) is not None
        or left.search(found.allegiance_left, needs=_NEEDS_ALLEGIANCE) is not None
        or _RELATION_OF.search(left.lower) is not None
    )


#: A relation before the group it is a relation of: "an affiliate of the", "a splinter group of".
_RELATION_OF = re.compile(
    r"\b(?:affiliates?|branch(?:es)?|wing|allies|ally|factions?|franchises?|offshoots?|splinter\s+groups?)\s+of\s+(?:the\s+)?\Z"
)


def _state_force(sentence: str, start: int, end: int, actor_type: str | None) -> bool:
    """Whether the mention at ``[start, end)`` is a state force: by its type when given, else by its words."""
    if actor_type is not None:
        return actor_type == "state force"
    return _names_state_force(_NAME_END.split(sentence[start:end], 1)[0])  # "Border Security Force (BSF)"


@lru_cache(maxsize=4096)
def _names_state_force(words: str) -> bool:
    """Whether ``words`` name a state force of the shipped registry, or end in a force word ("Afghan police")."""
    actor = default_registry().lookup(words)
    if actor is not None:
        return actor.type == "state force"
    return cues().force_head.search(words) is not None


#: Strikes or an operation the people killed were caught in: "killed 30 terrorists in air strikes".
_IN_STRIKES = re.compile(
    r"[\"”’']?\s+(?:in|during)\s+(?:an?\s+|the\s+|its\s+)?(?:[\w-]+\s+){0,2}?"
    r"(?:air\s?strikes?|strikes?|air\s+raids?|bombardments?|operations?|offensive|raids?|sweeps?)\b",
    re.IGNORECASE,
)
#: A strike aimed at people, which makes them its target whatever they are called: "struck", "bombed".
_STRUCK_AT = re.compile(r"\b(?:struck|strik(?:e|es|ing)|bomb(?:ed|ing|s)?|shell(?:ed|ing|s)?|pound(?:ed|ing|s)?)\s", re.I)


def _fell_fighting(
    sentence: str, start: int, end: int, right: re.Match[str], p: int, actor_type: str | None, *, passive: bool,
    cue: str = "",
) -> bool:
    """Whether an actor acted on was the attacker, or a party to the fight, rather than its target.

    The attackers stay the attackers when they are shot: "three JeM attackers were also killed", "police
    killed two gunmen". An armed group counted among the casualties of a fight was a party to it: "six
    Taliban insurgents were killed during an hours-long clash". Not so "militants were killed in an
    airstrike", nor state forces ("eight police were killed in the clash"), nor those a strike was aimed
    at ("the military said it had struck Hamas terrorists": ``cue`` is the verb before them).
    """
    found = cues()
    head_end = right.end("member") if right.group("member") else end
    if found.assailant_head.search(sentence, start, head_end) is not None:
        # (but not those killed in strikes or an operation aimed at them: "the army said it had killed
        # more than 30 terrorists in air strikes near Djibo")
        return _STRUCK_AT.search(cue) is None and _IN_STRIKES.match(sentence, head_end) is None
    casualty = found.casualty.match(sentence, p) or found.hit_reduced.match(sentence, p) if passive else None
    if casualty is None:
        return False
    if found.clash_words.search(sentence) is None and found.while_attacking.match(sentence, casualty.end()) is None:
        return False  # "20 Taliban militants were killed when they launched a complex attack": attacking
    return not _state_force(sentence, start, end, actor_type)


def _belonging(left: _Left) -> ActorAssessment | None:
    """The assessment of an actor that people are said to belong or have sworn allegiance to.

    Allegiance ("had pledged allegiance to X") makes a suspected perpetrator. Membership
    ("belonged to X", "were members of X") does when suspects or a hedge are in view, and
    makes an attributed one when the attackers are ("the bomber belonged to X"); otherwise
    it says nothing ("a vehicle belonging to the army", "the victims were members of X").
    Neither counts when the text asks rather than says ("declined to say whether...").
    """
    found = cues()
    how: Attribution = "suspected"
    m = left.search(found.allegiance_left, needs=_NEEDS_ALLEGIANCE)
    if m is None:
        m = left.search(found.membership_left, needs=_NEEDS_MEMBERSHIP)
        if m is None:
            return None
        before = left.text[: m.start()].lower()
        if any(w in before for w in _SUSPECTS):
            how = "suspected"
        elif any(w in before for w in _ATTACKERS):
            how = "attributed"
        else:
            return None
    if found.whether.search(left.text, 0, m.start()):
        return ActorAssessment("other", None, False, _cue(m))
    return ActorAssessment("perpetrator", how, False, _cue(m))


def _blamed(sentence: str, p: int, left: _Left, blame: re.Match[str]) -> ActorAssessment:
    """A perpetrator blamed before its mention ("officials blamed X"), unless the text drops the blame.

    "had blamed X before Y claimed it" is superseded; "blamed suspected X insurgents" and
    "accused X" are hedged (suspected); otherwise the blame is an attribution.
    """
    found = cues()
    if _OTHER_ACTS.search(blame.group(0)) is not None:
        # "authorities have blamed previous attacks in the region on the PKK": not this one
        return ActorAssessment("other", None, False, _cue(blame))
    clause = sentence.rfind(". ", 0, p) + 1
    if _OTHER_ACTS.search(sentence, clause, p) is not None:
        # "Past attacks in the city were blamed on Boko Haram", "hit by a series of similar attacks ..., with
        # the government blaming al-Shabaab": a suspect for this one, not its doer
        return ActorAssessment("perpetrator", "suspected", False, _cue(blame))
    rest = sentence[p : p + 200].lower()
    if ("before" in rest or "until" in rest) and found.later_claim.match(sentence, p) is not None:
        return ActorAssessment("other", None, False, _cue(blame), superseded=True)
    hedge = left.search(found.suspect_left, needs=_NEEDS_SUSPECT)
    if hedge is not None or blame.group(0).lower().startswith("accus"):
        return ActorAssessment("perpetrator", "suspected", False, _cue(blame))
    return ActorAssessment("perpetrator", "attributed", False, _cue(blame))


def attribution(sentence: str, start: int, end: int, *, actor_type: str | None = None) -> Attribution | None:
    """'claimed', 'suspected' or 'attributed' for a perpetrator at ``[start, end)``; None otherwise."""
    return assess(sentence, start, end, actor_type=actor_type).attribution


def role(sentence: str, start: int, end: int, *, actor_type: str | None = None) -> Role:
    """Whether the actor at ``[start, end)`` acts ('perpetrator'), is acted on ('target') or neither ('other')."""
    return assess(sentence, start, end, actor_type=actor_type).role


def denied(sentence: str, start: int, end: int, *, actor_type: str | None = None) -> bool:
    """Whether the actor at ``[start, end)`` denies involvement ("the Taliban denied responsibility")."""
    return assess(sentence, start, end, actor_type=actor_type).denied

