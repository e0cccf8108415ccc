"""Realis (reported, background, hypothetical, negated) and status of an incident.

Realis answers "is this news of this article?":

* **negated** — a cue in the incident's clauses says it did not happen ("police
  said there was no attack", "reports of a bombing were false") and nobody is
  counted as killed, injured or kidnapped;
* **hypothetical** — the clause speaks of what may, would or is threatened to happen
  and nothing in it is in the past (no casualties counted, no past date), or a modal
  governs the act itself, whatever the clause counts or dates ("warned on 11 March that
  anyone who talks will die", "a bomb that could have killed hundreds");
* **background** — the incident is dated well before publication (more than
  ``window_days``; for the article's lead incident with no background cue, more than
  ``LEAD_WINDOW_FACTOR`` times that), or it is not the article's lead incident and either its clause
  carries a background cue ("recalled", "the deadliest since", "such as the") or opens right
  after a cue of an earlier incident ("just a day after", "in revenge for": :func:`recalled`), or its
  date is only known to the month or coarser ("earlier this month", "last July");
* **reported** — everything else: the article's lead incident and other dated or
  undated incidents told as news.

Status answers "how far did it go?": foiled (stopped before it happened: "plot",
"foiled", "thwarted"), attempted (tried and failed: "failed to detonate", "survived
an assassination attempt"), threatened, or completed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from sitrep.extract.analysis import Sentence, Unit
from sitrep.extract.lexicons import Lexicons
from sitrep.model import DateSpan, Realis, Status


#: The lead incident of an article, with no cue that it is recalled, stays news this many times
#: ``window_days`` back: an operation told two weeks after it happened is still the article's news.
LEAD_WINDOW_FACTOR = 3


@dataclass(frozen=True, slots=True)
class RealisCues:
    background: bool
    hypothetical: bool
    negated: bool
    foiled: bool
    attempted: bool
    threatened: bool
    denied: bool = False  # the report itself is called false ("the report that ... is unfounded")
    modal: bool = False  # a modal governs the act itself ("anyone who reports them will die")


def read_cues(lexicons: Lexicons, text: str) -> RealisCues:
    """The realis and status cues present in ``text`` (an incident's clause)."""
    return RealisCues(
        background=lexicons.realis["background"].search(text) is not None,
        hypothetical=lexicons.realis["hypothetical"].search(text) is not None,
        negated=lexicons.realis["negated"].search(text) is not None,
        foiled=lexicons.status["foiled"].search(text) is not None,
        attempted=lexicons.status["attempted"].search(text) is not None,
        threatened=lexicons.status["threatened"].search(text) is not None,
        denied=lexicons.realis["denied"].search(text) is not None,
    )


def recalled(unit: Unit, lexicons: Lexicons) -> bool:
    """Does ``unit`` open right after a cue of an earlier incident ("... just a day after | twin
    blasts in the capital killed almost 30 people")? It tells that incident, recalled: an incident
    of its own, background unless the article leads with it. So does, as a rule, a unit opening
    after the cue of the act an arrest was made for (:func:`after_arrest_grounds`)."""
    if unit.lo == 0:
        return False
    before = unit.sentence.text[: unit.lo].rstrip()
    return any(m.end == len(before) for m in lexicons.earlier_incident.finditer(before))


def after_arrest_grounds(unit: Unit, lexicons: Lexicons) -> bool:
    """Does ``unit`` open right after the cue of the act an arrest was made for ("arrested two men
    over | the bombing")?"""
    return unit.lo > 0 and arrest_grounds_cut(unit.sentence, lexicons) == unit.lo


#: At most this many words between an arrest and the cue of the act it was made for ("arrested
#: two men on Tuesday over"), and between the cue and that act ("in connection with the 2015 | bombing").
_GROUNDS_AFTER_ARREST = 8
_GROUNDS_BEFORE_ACT = 4
#: A charge told in a clause of its own after the arrest may come further on.
_CHARGE_AFTER_ARREST = 20
_CHARGE_CLAUSE = re.compile(r"(?:charged|accused|suspected|wanted)\b", re.I)


def arrest_grounds_cut(sentence: Sentence, lexicons: Lexicons) -> int | None:
    """Where a sentence that tells an arrest turns to the act it was made for: right after the cue
    ("Police arrested two men over | the bombing of the market in Kano", "was detained in
    connection with | the 2015 attack"), when the act follows the arrest within a few words and
    is not itself an arrest. None when the sentence tells no such thing."""
    text = sentence.text
    arrest = next((t for t in sentence.triggers if t.family == "arrest"), None)
    if arrest is None:
        return None
    act = next((t for t in sentence.triggers if t.start >= arrest.end and t.family != "arrest"), None)
    if act is None:
        return None
    # searched up to the sentence's end, so that a cue's lookahead sees the act ("for | killing")
    for m in lexicons.arrest_grounds.finditer(text[arrest.end :]):
        start, end = arrest.end + m.start, arrest.end + m.end
        if end > act.start:
            break
        reach = _GROUNDS_AFTER_ARREST
        if _CHARGE_CLAUSE.match(text, start) and text[:start].rstrip().endswith(","):
            reach = _CHARGE_AFTER_ARREST  # "were arrested Friday and held without bail in a jail, | charged with killing"
        if (
            len(text[arrest.end : start].split()) <= reach
            and len(text[end : act.start].split()) <= _GROUNDS_BEFORE_ACT
            and _ACT_NAMED_AFTER.match(text, end, act.start)
        ):
            return end
    return None


#: Between the cue and the act: only an article, a day's or a year, and a few modifiers, so that
#: the act is the cue's object ("over the 2015 | bombing", "in last week's | attack on").
_ACT_NAMED_AFTER = re.compile(
    r"\s+(?:(?:the|this|that|these|those|a|an|last\s+\w+'s|\w+day's|its|their|his|her)\s+)?(?:(?!(?:and|or|but|who|which|that|when|after|before)\b)[\w'’-]+\s+){0,3}$",
    re.I,
)


def decide_status(cues: RealisCues, *, has_casualties: bool, families: frozenset[str]) -> Status:
    """Completed unless the cues say the act was threatened, foiled or failed."""
    if cues.threatened and not has_casualties:
        return "threatened"
    if cues.foiled and not has_casualties:
        return "foiled"
    if "plot" in families and not has_casualties and not (families - {"plot", "arrest", "attack", "killing"}):
        return "foiled"
    if cues.attempted and not has_casualties:
        return "attempted"
    return "completed"


def decide_realis(
    cues: RealisCues,
    *,
    when: DateSpan | None,
    published: date | None,
    lead: bool,
    has_past_evidence: bool,
    has_casualties: bool,
    status: Status,
    window_days: int,
) -> Realis:
    """The realis of an incident from its cues, its date and its place in the article."""
    if cues.denied or (cues.negated and not has_casualties):
        return "negated"
    if status == "threatened" or (
        ((cues.hypothetical and not has_past_evidence) or cues.modal) and status != "foiled"
    ):
        return "hypothetical"
    if when is not None and published is not None and not when.inferred:
        if when.end < published - timedelta(days=window_days) and not (
            # the article's own news told late ("an operation ... July 5" in a release of July 19)
            lead and not cues.background and when.end >= published - timedelta(days=LEAD_WINDOW_FACTOR * window_days)
        ):
            return "background"
        if when.start > published:
            return "hypothetical"
        if not lead and (cues.background or when.precision not in ("day",)):
            return "background"
        return "reported"
    if not lead and cues.background:
        return "background"
    return "reported"
