"""Claims of responsibility in a sentence: positive, negative and denials, with the claimant.

:func:`find_claims` finds the claim phrases of a sentence ("ISIS claimed responsibility",
"responsibility was claimed by", "the group said it carried out", "no group has claimed",
"denied responsibility") and, when the sentence names it, the actor each belongs to.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Sequence

from sitrep.actors.cues import cues
from sitrep.actors.registry import ActorMention, ActorRegistry, default_registry


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


#: A claim needs one of these, or a verb of speech and a pronoun ("said on Monday they had
#: attacked"); sentences without are skipped at the cost of one lower().
_CLAIM_HINTS = ("claim", "responsib", "deni", "deny", "maq", "credit", "owned up", "disown", "distanced")
_SPEECH_HINTS = ("said", "says", "stated", "states", "announce", "declared", "confirmed", "boasted")
_PRONOUN_HINTS = (" it ", " they ", " its ", " their ")
#: What may stand between a claimant and its claim without breaking the clause.
_CLAUSE_BREAK = re.compile(r"[;:]|\.\s|\bbut\b|\bwhile\b|\bwhereas\b|\balthough\b", re.IGNORECASE)
_SENTENCE_BREAK = re.compile(r"[;:]|\.\s")
#: Between an actor and the name it is in apposition to: "JNIM, al-Qaeda's affiliate, ...".
_APPOSITION = re.compile(r"\s*,\s*(?:(?:an?|the)\s+[^,;()]{0,60}?)?")
#: ... or a relative clause about it, closed by a comma before the claim: "Al-Shabaab, which is
#: linked to al-Qaeda, claimed".
_RELATIVE = re.compile(r"\s*,\s*(?:which|who)\s+[^,;()]{0,80}?")
_RELATIVE_END = re.compile(r"[^,;()]{0,20}?,")
#: The head of a described apposition that ends right before the claim: "Wilayah Sayna, an Islamic
#: State-affiliated organization claimed".
_APPOSITION_HEAD = re.compile(
    r"[^,;]{0,40}?\b(?:organi[sz]ation|group|wing|affiliate|faction|branch|offshoot|arm|movement)\s*\Z", re.I)
_AMAQ = "Islamic State"
#: Unnamed actors that can be the claimant of a claim ("a militant alliance claimed the attack").
_CLAIMANT_TYPES = frozenset({"armed group", "militia", "unnamed"})
#: How far before "said" the speaker of "X said it had attacked" may be named.
_SPEAKER_DISTANCE = 80
#: A speaker the registry does not know, for the caller to resolve from context: "the group said
#: it carried out", "THE MORAZANIST PATRIOTIC FRONT SAID THEY ATTACKED", "..., which said it had".
_GROUP_SPEAKER = re.compile(
    r"(?:\b(?:group|organi[sz]ation|movement|outfit|faction|network|militia|front|army|brigades?|command|commandos?|"
    r"militants|insurgents|jihadists|rebels|guerrill?as)\s*(?:,[^,]{1,60},\s*)?"
    r"|,\s*(?:which|who)\s+(?:also\s+|later\s+)?)\Z", re.IGNORECASE)


def find_claims(sentence: str, actors: Sequence[ActorMention] | None = None, *,
                registry: ActorRegistry | None = None) -> list[ClaimMention]:
    """Claims of responsibility in ``sentence``, positive and negative, left to right.

    ``actors`` are the actor mentions of the sentence, if already found; otherwise the
    sentence is searched with ``registry`` (the shipped registry by default), and only
    when it holds a claim. The claimant is the named actor the claim belongs to:
    the one after "claimed by", or the nearest one before an active claim in the same
    clause, passing over a parent named in apposition ("JNIM, al-Qaeda's affiliate in
    the Sahel, claimed the attack" is JNIM's claim). It is None when the sentence names
    none ("the group said it carried out"): the caller resolves it from context.

    An actor telling of its own act ("Yemen's Houthis said on Monday they had attacked
    the ship", "ISWAP said its fighters had planted the explosives") is a claim only when
    its speaker is an armed group named just before, or "the group": "officials said they
    had struck" and "the army said it had killed" are not claims of responsibility.
    """
    lowered = sentence.lower()
    if not any(hint in lowered for hint in _CLAIM_HINTS) and not (
        any(hint in lowered for hint in _SPEECH_HINTS) and any(hint in lowered for hint in _PRONOUN_HINTS)
    ):
        return []
    found_cues = cues()
    found: list[tuple[int, int, bool, bool, str]] = []  # start, end, claimed, passive, kind
    for m in found_cues.negative_claims.finditer(sentence):
        kind = "denial" if m.group("denial") else "not" if m.group("subject") else "none"
        found.append((m.start(), m.end(), False, False, kind))
    for m in found_cues.claims.finditer(sentence):
        if any(s < m.end() and m.start() < e for s, e, *_ in found):
            continue
        kind = "amaq" if "maq" in m.group(0).lower() else "said" if m.group("said") else "claim"
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
        elif kind == "said":
            by = _speaker(sentence, actors, start)
            if by is not None and by.actor_type == "state force":
                continue  # "the army said it had killed 20 militants": an operation reported, not a claim
            if by is None and _GROUP_SPEAKER.search(sentence, 0, start) is None:
                continue  # someone else's account ("officials said they had struck"): not a claim
        if kind not in ("none", "said") and by is None:
            by = _claimant_after(sentence, named, end) if passive else _claimant_before(sentence, named, start, unnamed)
        by_name = by.name if by is not None else (_AMAQ if kind == "amaq" else None)
        by_start, by_end = (by.start, by.end) if by is not None else (None, None)
        out.append(ClaimMention(start, end, sentence[start:end], claimed, by_start, by_end, by_name))
    return out


def _claimant_before(sentence: str, named: Sequence[ActorMention], at: int,
                     unnamed: Sequence[ActorMention] = ()) -> ActorMention | None:
    """The nearest named actor before ``at`` in the same clause; else an unnamed armed group there.

    An actor in apposition to the one before it, closed by a comma before the claim ("JNIM,
    al-Qaeda's affiliate in the Sahel, claimed", "The YPS, a youth wing of the PKK, claimed") or
    ending in a group noun ("Wilayah Sayna, an Islamic State-affiliated organization claimed"),
    or named in a relative clause about it ("Al-Shabaab, which is linked to al-Qaeda, claimed"),
    hands the claim to that one.
    """
    for pool in (named, unnamed):
        for k in range(len(pool) - 1, -1, -1):
            mention = pool[k]
            if mention.end > at:
                continue
            between = sentence[mention.end : at]
            if len(between) > 150 or _CLAUSE_BREAK.search(between):
                break
            while k > 0 and ("," in between or _APPOSITION_HEAD.match(between)) and (
                _APPOSITION.fullmatch(sentence, pool[k - 1].end, mention.start)
                # "Al-Shabaab, which is linked to al-Qaeda, claimed": the relative clause describes it
                or (_RELATIVE.fullmatch(sentence, pool[k - 1].end, mention.start) and _RELATIVE_END.match(between))
            ):
                k -= 1
                mention = pool[k]
                between = sentence[mention.end : at]
            return mention
    return None


def _speaker(sentence: str, actors: Sequence[ActorMention], at: int) -> ActorMention | None:
    """The actor named as the speaker of "X said it had ...": the nearest one shortly before ``at``, if any."""
    for mention in reversed(actors):
        if mention.end <= at:
            between = sentence[mention.end : at]
            if len(between) <= _SPEAKER_DISTANCE and not _CLAUSE_BREAK.search(between):
                return mention
            return None
    return None


def _same_clause(sentence: str, mention: ActorMention, start: int, end: int) -> bool:
    between = sentence[mention.end : start] if mention.end <= start else sentence[end : mention.start]
    return len(between) <= 120 and not _SENTENCE_BREAK.search(between)


def _claimant_after(sentence: str, named: Sequence[ActorMention], at: int) -> ActorMention | None:
    for mention in named:
        if mention.start >= at:
            near = mention.start - at <= 40 and not _CLAUSE_BREAK.search(sentence[at : mention.start])
            return mention if near else None
    return None
