"""From the links of a sentence to its counts: :func:`find_counts` and :class:`CountMention`.

The conventions (what a count is, how lists add up, zero, combined and
cumulative counts) are set out in :mod:`sitrep.extract.counts`.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, field, replace
from typing import Mapping, Sequence

from sitrep.extract.counts.lexicon import CountLexicon, default_lexicon
from sitrep.extract.counts.reader import QUANTITY, Group, Reader, tokenize
from sitrep.extract.counts.sentence import AMONG, CLAUSE_WORDS, SUBJECT_PRONOUNS
from sitrep.extract.numbers import Quantity, parse_quantity
from sitrep.model import Count, CountCategory, CountPart

_LETTERS_RE = re.compile(r"[^\W\d_]+")
_TOLL_REACH = 24  # tokens after a toll phrase where its figure may be ("the death toll from ... has risen to 31")
_PERFECT = frozenset({"has", "have", "had"})
_STAYED = frozenset({"escaped", "remained", "remain", "remains", "emerged", "survived", "walked", "away", "released",
                     "freed", "rescued"})
_ZERO_WORDS = frozenset({"no", "without", "any", "anyone", "anybody"})
_ATTACKER_SIDES = frozenset({"perpetrators", "militants"})
_PRONOUN_WORDS = frozenset({"he", "she", "him", "her", "them", "they", "himself", "herself", "themselves"})
_MODAL_REACH = 14  # tokens before a count where a modal may govern it
_CLAUSE_BREAKS = frozenset({".", ";", ":", "when", "while", "after", "before", "as", "because", "since", "until",
                            "but", "where", "who", "which", "that", "although", "though"})
_SINCE_MODIFIERS = frozenset({"early", "late", "mid", "the", "end", "of", "start", "beginning", "last"})


@dataclass(frozen=True, slots=True)
class CountMention:
    """One count found in a sentence.

    ``start``/``end`` are the offsets, in the sentence, of the phrase that carries
    the count (``count.text``: "killed nearly 140 people", "12 people died").
    ``victim`` is the noun phrase counted ("American soldiers and civilians");
    ``side`` is set when every group counted is on the same side; a count whose
    side is "perpetrators" ("the bomber blew himself up") is not a victim toll.
    ``cumulative`` marks a running or overall toll ("the death toll rose to 143",
    "since the start of the war"), which replaces earlier figures rather than
    adding to them. ``aggregate`` marks the overall kind: a toll over many
    incidents or a period ("since 2009", "the insurgency has killed"), which is
    the toll of no single incident (an aggregate is always cumulative).
    ``combined`` marks half of a killed-or-injured count that the text does not
    split (see the package docstring). ``additional`` marks a count that adds to
    earlier figures of its category for the same incident rather than restating
    them ("one additional suspected insurgent was detained", "the force also
    detained two suspects", "another 25 were wounded"): a report that gathers
    several sentences of one operation should add it, not take the larger figure.
    """

    category: CountCategory
    count: Count
    start: int
    end: int
    victim: str | None
    side: str | None
    cumulative: bool
    combined: bool = False
    aggregate: bool = False
    additional: bool = False
    anaphoric: bool = False  # "killed the insurgents": the number is told where they were first counted


@dataclass(slots=True)
class _Found:
    """A category linked to groups while a sentence is read; becomes one or two mentions."""

    category: str  # a CountCategory or "combined"
    groups: list[Group]
    start: int  # character offsets in the sentence
    end: int
    cumulative: bool = False
    aggregate: bool = False
    additional: bool = False
    extra: list[Group] = field(default_factory=list)  # "(+2 attackers)"
    at_least: bool = False  # "two journalists were among the dead": those, and perhaps others


def find_counts(sentence: str, lexicon: CountLexicon | None = None) -> list[CountMention]:
    """Every casualty, detention and kidnapping count in one sentence, in reading order.

    >>> [(m.category, m.count.best, m.victim) for m in find_counts("The attack killed nearly 140 people.")]
    [('killed', 140, 'people')]
    """
    lex = lexicon or default_lexicon()
    if lex.trigger_words.isdisjoint(_LETTERS_RE.findall(sentence.lower())):
        return []  # every trigger word is letters only: a cheaper test than tokenizing
    lows, starts, ends = tokenize(sentence)
    if lex.trigger_words.isdisjoint(lows):
        return []
    reader = Reader(sentence, lex, lows, starts, ends)
    groups = reader.groups()
    found: list[_Found] = []
    found.extend(_tolls(reader, groups))
    found.extend(_zeros(reader, groups))
    for chain in reader.chains(groups):
        linked = _link_chain(reader, chain)
        for f in linked:  # groups inside an appositive or a place name were read with it
            for g in groups:
                if not g.used and f.start <= reader.starts[g.first] and reader.ends[g.last] <= f.end:
                    g.used = True
        found.extend(linked)
    for group in groups:
        if not group.used and group.adjective is not None and not group.subset:
            group.used = True
            found.append(_Found(group.adjective, [group], reader.starts[group.first], reader.ends[group.last]))
    found.extend(_totals(reader, groups, found))
    _attach_extras(reader, groups, found)
    found.extend(_pronoun_objects(reader, groups, found))
    found = _without_self_kills(found)
    found.sort(key=lambda f: f.start)
    found = _without_hypotheticals(reader, found)
    found = _joined_counts(reader, found)
    _mark_cumulative(reader, found)
    _mark_additional(reader, found)
    mentions: list[CountMention] = []
    for f in found:
        if any(g.definite for g in f.groups):
            if len(f.groups) == 1 and f.category != "combined":
                mentions.extend(replace(m, anaphoric=True) for m in _mentions(reader, f))
            continue
        mentions.extend(_mentions(reader, f))
    return [_as_war_toll(m) for m in mentions]


#: No single attack has killed this many (the deadliest, on 11 September 2001, killed 2,977): a
#: death toll this large is a war's or a campaign's ("the death of 70,000 Salvadorans").
WAR_TOLL = 10_000


def _as_war_toll(mention: CountMention) -> CountMention:
    """A death toll of a war's size marked as the aggregate it is."""
    if mention.category == "killed" and not mention.aggregate and (mention.count.min or 0) >= WAR_TOLL:
        return replace(mention, cumulative=True, aggregate=True)
    return mention


def find_antecedent(texts: Sequence[str], label: str, lexicon: CountLexicon | None = None) -> CountPart | None:
    """Where people named again by a definite plural ("the armed insurgents") were counted: the
    last group in ``texts`` (the nearest text first, each read up to its end) with a number or a
    vague quantity and the same head noun ("identified multiple armed insurgents"), or None."""
    lex = lexicon or default_lexicon()
    words = label.lower().split()
    if not words:
        return None
    noun = words[-1]
    for text in texts:
        if noun not in text.lower():
            continue
        lows, starts, ends = tokenize(text)
        if noun not in lows:
            continue
        reader = Reader(text, lex, lows, starts, ends)
        for g in reversed(reader.groups()):
            if g.definite or not g.person or g.label is None or g.label.lower().split()[-1] != noun:
                continue
            if g.quantity.best is None and g.quantity.min is None:
                continue
            return _part(reader, g)
    return None


def _link_chain(reader: Reader, chain: list[Group]) -> list[_Found]:
    starts, ends = reader.starts, reader.ends
    chain = [g for g in chain if not g.used]
    if not chain:
        return []
    around = None if chain[0].subset else reader.around(chain)
    if around is not None:
        category, a, b = around
        return [_use(chain, category, starts[a], ends[b])]
    named_twice = _restated(reader, chain)
    head = chain[0]
    before = None if head.subset else reader.before(head)
    if before is not None:
        (tokens, category, strict), first = before
        partitive_ok = head.partitive != category
        objects: list[Group] = []
        for g in chain:
            if not reader.acceptable_object(g, strict, category) or not partitive_ok:
                break
            objects.append(g)
        if objects and named_twice:
            found = _use(chain, category, starts[first], ends[head.last])  # "abducted three aid workers, ..."
            found.groups = chain[:1]
            return [found]
        if objects:
            tail = chain[len(objects) :]
            last_after = reader.after(chain[-1], in_apposition=False) if len(chain) > 1 else None
            if reader.low(chain[-1].last + 1) in ("who", "that"):
                last_after = None  # "killing 4 civilians and one soldier who died of his injuries": one list
            if last_after is not None and len(objects) == len(chain):
                objects, tail = objects[:-1], [chain[-1]]
            found = [_use(objects, category, starts[first], ends[objects[-1].last])]
            found[0].at_least = tokens[0] == AMONG
            return found + (_link_chain(reader, tail) if tail else [])
    in_apposition = reader.low(head.first - 1) == ","
    after = reader.after(chain[-1], in_apposition=in_apposition and len(chain) == 1)
    if after is not None:
        (tokens, category, strict), k, end = after
        if strict and not all(
            g.person or (not g.has_noun and ((g.quantity.best or 0) > 1 or _people_before(reader, g.first)))
            for g in chain
        ):
            return []  # "three weapons were captured", "the largest one seized"; but "Four executed" counts people,
            # and so does "one" after people ("Three of the attackers were killed, and one was captured")
        if all(g.thing for g in chain):
            return []  # "Seven horses are also killed": no people
        if len(chain) == 1 and _whole_described(reader, chain[0], k):
            # "released 12 of the 30 schoolchildren abducted last week": the verb tells of the 30
            part = chain[0]
            part.used = True
            chain = [replace(part, first=part.whole, quantity=reader.qs[part.whole])]
        if any(g.partitive == category for g in chain):
            return []
        if any(
            g.adjective is not None and g.adjective != category and not (len(chain) == 1 and _later_fate(g.adjective, category))
            for g in chain
        ):
            return []  # "30 dead soldiers and others injured": the dead are not the injured
        if tokens[0] == AMONG and reader.low(k - 1) not in _BEFORE_AMONG:
            return []  # "91 were injured, among the dead were two journalists": a list of its own
        found = [_use(chain, category, starts[chain[0].first], ends[end - 1])]
        found[0].at_least = tokens[0] == AMONG
        if named_twice:
            found[0].groups = chain[:1]
        second = reader.also_after(end, category) or reader.after_clause(chain[-1], end, category)
        if second is not None and category == "injured" and second[0][1] == "killed":
            found[0].category = "killed"  # "was stabbed and later died": killed, not also injured
            found[0].end = ends[second[1] - 1]
        elif second is not None:
            found.append(_Found(second[0][1], list(chain), starts[chain[0].first], ends[second[1] - 1]))
        return found
    if len(chain) > 1:  # no verb for the whole list: try its first group alone, then the rest
        return _link_chain(reader, chain[:1]) + _link_chain(reader, chain[1:])
    return []


#: The words right before a phrase that opens with AMONG: "were among the dead", "were also among those killed".
_BEFORE_AMONG = frozenset({"was", "were", "is", "are", "also", "all", "both"})


def _whole_described(reader: Reader, g: Group, verb: int) -> bool:
    """Does the verb at ``verb``, after a part of a number ("12 of the 30 schoolchildren"), describe
    the whole: in a relative clause ("who were abducted", "they seized") or as a participle after
    the noun, the group being another verb's object ("freed 12 of the 30 schoolchildren abducted
    last week")? Not a predicate ("Three of the 30 passengers were killed"), nor a participle
    opening a clause, as in a headline ("Three of 30 passengers killed in bus attack")."""
    if g.whole < 0:
        return False
    after = reader.low(g.last + 1)
    if after in ("who", "that") or after in SUBJECT_PRONOUNS:
        return True
    return verb == g.last + 1 and reader.word(g.first - 1) and reader.low(g.first - 1) not in CLAUSE_WORDS


def _people_before(reader: Reader, k: int) -> bool:
    """Whether people are named before token ``k`` of the sentence: a bare number after them may
    stand for more of them ("Three of the attackers were killed, and one was captured")."""
    return any(w in reader.lex.people for w in reader.lows[:k])


def _later_fate(told: str, category: str) -> bool:
    """May people described as ``told`` ("the kidnapped officers", "two wounded soldiers") later
    come to ``category``? The kidnapped and the wounded may die; the dead are not later wounded.
    (Only a group alone: in a list, "two suicide bombers killed and ten hostages freed", the
    hostages are others.)"""
    return category == "killed" and told in ("kidnapped", "injured")


def _restated(reader: Reader, chain: list[Group]) -> bool:
    """Do the groups after the first only name again the people it counts?

    "Three people, a UN soldier and two civilians were killed" (a general noun, then
    its breakdown, adding up to it); "three aid workers, two Kenyans and a Somali"
    (an appositive saying where the people counted are from, adding up to no more);
    "at least one person, a two-year-old, was killed" (an appositive between commas that
    adds up to the count exactly).
    """
    head, rest = chain[0], chain[1:]
    if not rest or reader.low(head.last + 1) != "," or reader.low(rest[0].first - 1) != ",":
        return False  # "Taliban leader, Mahjur, along with one other insurgent": an addition
    total = head.quantity.best
    if total is None or any(g.quantity.best is None for g in rest):
        return False
    named = sum(g.quantity.best or 0 for g in rest)
    if head.label and head.label.lower() in reader.lex.generic_people:
        return named == total
    if named == total and reader.low(rest[-1].last + 1) == ",":
        return True  # "Two tourists, one Norwegian and one Danish citizen, were found murdered"
    if not head.person or head.demonym or named > total:
        return False
    return all(g.demonym or (g.has_noun and not g.person and not g.thing) for g in rest)


def _use(groups: list[Group], category: str, start: int, end: int) -> _Found:
    for g in groups:
        g.used = True
    return _Found(category, list(groups), start, end)


def _tolls(reader: Reader, groups: list[Group]) -> list[_Found]:
    """'the death toll rose to 143', 'a toll of at least 60', 'the number of injured reached 30'."""
    found: list[_Found] = []
    lows, lex = reader.lows, reader.lex
    if lex.tolls.keys().isdisjoint(lows):
        return found
    k = 0
    while k < reader.n:
        entry = reader.match_forward(lex.tolls, k) if lows[k] in lex.tolls else None
        if entry is None:
            k += 1
            continue
        end = k + len(entry[0])
        figures: list[Group] = []  # "rose to 60 and then to 143": the last figure is the toll
        for j in range(end, min(reader.n, end + _TOLL_REACH)):
            if lows[j] in (";", ".") or reader.match_forward(lex.tolls, j):
                break
            if lows[j] == "of" and j > end and reader.match_backward(j) is not None:
                break  # "... the death of one of the wounded": a count of its own
            if lows[j] == QUANTITY and lows[j - 1] in lex.toll_links and (j < 2 or lows[j - 2] != "from"):
                group = next((g for g in groups if g.first <= j <= g.last), None)
                if group is None or group.used:
                    break
                figures.append(group)
        if figures:
            for group in figures:
                group.used = True
            last = figures[-1]
            found.append(_Found(entry[1], [last], reader.starts[k], reader.ends[last.last], cumulative=True))
        k = end
    return found


def _totals(reader: Reader, groups: list[Group], found: list[_Found]) -> list[_Found]:
    """'..., bringing the total to 143': a running total of the count just before."""
    out: list[_Found] = []
    if reader.lex.totals.isdisjoint(reader.lows):
        return out
    for k in range(reader.n - 2):
        if reader.lows[k] not in reader.lex.totals or reader.lows[k + 1] != "to" or reader.lows[k + 2] != QUANTITY:
            continue
        earlier = [f for f in found if f.end <= reader.starts[k]]
        group = next((g for g in groups if g.first <= k + 2 <= g.last), None)
        if not earlier or group is None or group.used:
            continue
        group.used = True
        category = max(earlier, key=lambda f: f.end).category
        out.append(_Found(category, [group], reader.starts[k], reader.ends[group.last], cumulative=True))
    return out


def _zeros(reader: Reader, groups: list[Group]) -> list[_Found]:
    """'there were no casualties', 'without injuries', 'had not harmed any civilians', 'were unharmed'."""
    found: list[_Found] = []
    lows, lex = reader.lows, reader.lex
    if _ZERO_WORDS.isdisjoint(lows) and lex.zero_adjectives.keys().isdisjoint(lows):
        return found
    for k in range(reader.n):
        low = lows[k]
        if low in lex.zero_adjectives:
            found.extend(_unharmed(reader, groups, k))
        elif low in ("no", "without"):
            j = k + 1 + (lows[k + 1 : k + 2] == ["any"])
            for mods in range(3):
                m = j + mods
                noun = " ".join(lows[m : m + 2]) if " ".join(lows[m : m + 2]) in lex.zero_nouns else reader.low(m)
                if noun in lex.zero_nouns:
                    end = m + len(noun.split()) - 1
                    side = next((lex.side_words[w] for w in lows[j:end + 1] if w in lex.side_words), None)
                    group = Group(k, end, Quantity(0, 0, 0, False, low), side=side, used=True)
                    for category in lex.zero_nouns[noun]:
                        found.append(_Found(category, [group], reader.starts[k], reader.ends[end]))
                    break
                if not reader.word(m) or lows[m] in lex.stop_words:
                    break
        elif low in ("any", "anyone", "anybody") and k > 0:
            entry = reader.match_backward(k - 1)
            if entry is None or entry[1] == "combined":
                continue
            first = k - len(entry[0])
            if not any(lows[j] in lex.negations or lows[j].endswith("n't") for j in range(max(0, first - 4), first)):
                continue
            group = Group(k, k, Quantity(0, 0, 0, False, low), used=True, person=True)
            if low == "any":
                noun = reader._noun_group(k, k + 1, group.quantity)
                if noun is not None:
                    group = noun
                    group.used = True
            found.append(_Found(entry[1], [group], reader.starts[first], reader.ends[group.last]))
    return found


def _unharmed(reader: Reader, groups: list[Group], k: int) -> list[_Found]:
    """'The crew of 21 were unharmed': zero for the subject, whose number is not a count."""
    lex = reader.lex
    j = k - 1
    while j >= 0 and (reader.lows[j] in lex.auxiliaries or reader.lows[j] in _STAYED):
        j -= 1
    subject = next((g for g in groups if g.last == j and not g.used), None) if j < k - 1 else None
    first = k
    zero = Group(k, k, Quantity(0, 0, 0, False, reader.lows[k]), used=True)
    if subject is not None:
        subject.used = True
        first, label = subject.first, subject.label
        if label is None and reader.low(first - 1) == "of" and reader.word(first - 2):
            first, label = first - 2, reader.text[reader.starts[first - 2] : reader.ends[first - 2]]  # "crew of 21"
        zero = Group(first, k, zero.quantity, label=label, side=subject.side, used=True)
    span = reader.starts[first], reader.ends[k]
    return [_Found(category, [zero], *span) for category in lex.zero_adjectives[reader.lows[k]]]


#: Verbs between a modal and the verb of a count it governs: "would begin killing", "could start killing".
_ONSET_VERBS = frozenset({"begin", "start", "continue", "resume"})


def _without_hypotheticals(reader: Reader, found: list[_Found]) -> list[_Found]:
    """Drop counts under a modal or a threat: "could have caused a chain reaction, killing thousands",
    "the bomb would have killed hundreds", "threatened to kill the 12 hostages". Such a figure is no
    toll of anything that happened (the incident itself is judged by the realis stage)."""
    lex, lows = reader.lex, reader.lows
    if lex.hypothetical_words.isdisjoint(lows):
        return found
    cues = {k + len(cue) - 1: len(cue) == 1 for k, low in enumerate(lows) if low in lex.hypothetical_cues
            for cue in lex.hypothetical_cues[low] if reader.starts_with(cue, k)}
    if not cues:
        return found
    kept = []
    for f in found:
        first = bisect_left(reader.starts, f.start)
        hypothetical = False
        for j in range(first - 1, max(-1, first - _MODAL_REACH), -1):
            if lows[j] in _CLAUSE_BREAKS and j not in cues:  # (a cue may end in one: "falsely claimed that")
                break
            if j in cues:  # a modal must govern the count: "would have killed", "could kill"; not "could be"
                if not cues[j]:  # "threatened to", "an operation to": only the verb right after it
                    hypothetical = j + 1 == first  # not "civilians attempting to escape, killing 2"
                else:
                    hypothetical = (
                        j + 1 == first or reader.low(j + 1 + (reader.low(j + 1) in ("not", "n't"))) == "have"
                        or (reader.low(j + 1) in _ONSET_VERBS and j + 2 == first)  # "would begin killing"
                    )
                break
        if not hypothetical:
            kept.append(f)
    return kept


def _joined_counts(reader: Reader, found: list[_Found]) -> list[_Found]:
    """Add up two counts of one category joined by "and": "captured a Taliban leader and detained
    two suspected insurgents" (3 arrested), "three soldiers were killed and two civilians were
    killed" (5). The killed or injured on the attackers' side are not added to their victims',
    and a pronoun names again the people just counted ("captured a man and detained him")."""
    if len(found) < 2:
        return found
    out = [found[0]]
    for f in found[1:]:
        last = out[-1]
        between = reader.text[last.end : f.start].strip(" ,").lower()
        same = between == "and" and f.category == last.category
        if any(g.definite for g in f.groups + last.groups):
            out.append(f)  # "the insurgents" are counted where they were first told
            continue
        if same and all(reader.lows[g.first] in _PRONOUN_WORDS for g in f.groups):
            continue  # "captured a suspected militant and detained him": the same man
        if (
            same and f.category != "combined" and not (f.cumulative or last.cumulative)
            and (f.category not in ("killed", "injured") or _side_kind(f) == _side_kind(last))
            and not set(map(id, f.groups)) & set(map(id, last.groups))
        ):
            out[-1] = _Found(f.category, last.groups + f.groups, last.start, f.end, extra=last.extra + f.extra)
            continue
        out.append(f)
    return out


#: A verb phrase whose victims are a pronoun standing for people just counted: "and killed them",
#: "and slit their throats" (the pronoun's place in each, and the category).
_PRONOUN_ACTS: tuple[tuple[list[str], int, str], ...] = (
    (["slit", "their", "throats"], 1, "killed"), (["cut", "their", "throats"], 1, "killed"),
    (["slit", "his", "throat"], 1, "killed"), (["slit", "her", "throat"], 1, "killed"),
    (["cut", "his", "throat"], 1, "killed"), (["cut", "her", "throat"], 1, "killed"),
)
#: Pronouns for one person and for several.
_SINGULAR_PRONOUNS = frozenset({"him", "her", "his"})
_PLURAL_PRONOUNS = frozenset({"them", "their"})
#: Words between "and" and the verb of a second act ("and then killed them").
_ADVERBS_BEFORE_ACT = frozenset({"then", "later", "also", "subsequently", "eventually", "finally"})


def _pronoun_objects(reader: Reader, groups: list[Group], found: list[_Found]) -> list[_Found]:
    """A second act on people just counted, named by a pronoun in a predicate joined by "and":
    "abducted three men and killed them", "kidnapped 40 civilians ... and subsequently executed
    them", "attacked two farmers and slit their throats", "kidnapped a teacher and slit his
    throat". The count of the group before is the count of that act too (its category told by
    the verb)."""
    lows = reader.lows
    if _PLURAL_PRONOUNS.isdisjoint(lows) and _SINGULAR_PRONOUNS.isdisjoint(lows):
        return []
    told = {(f.category, id(g)) for f in found for g in f.groups}
    out: list[_Found] = []
    for k, low in enumerate(lows):
        if low not in _PLURAL_PRONOUNS and low not in _SINGULAR_PRONOUNS:
            continue
        act = next((a for a in _PRONOUN_ACTS if reader.starts_with(a[0], k - a[1])), None)
        if act is not None:
            first, end, category = k - act[1], k - act[1] + len(act[0]), act[2]
        else:
            # ("him" and "her" after a verb are groups of one of their own: "and beheaded him")
            entry = reader.match_backward(k - 1) if low == "them" else None
            if entry is None or entry[0][-1] in ("of", "to"):
                continue  # an "of" phrase ("the killing of") takes no pronoun here
            first, end, category = k - len(entry[0]), k + 1, entry[1]
        j = first - 1
        while j >= 0 and (lows[j] in _ADVERBS_BEFORE_ACT or lows[j].endswith("ly")):
            j -= 1  # "and subsequently executed them"
        if j < 0 or lows[j] != "and":
            continue
        antecedent = next((g for g in reversed(groups) if g.last < j), None)
        if antecedent is None or not antecedent.person or antecedent.reflexive or antecedent.quantity.best is None:
            continue
        if not (antecedent.used or reader.an_object(antecedent)):
            continue  # "Three gunmen stormed the house and killed them": the pronoun's people are others
        if any(w in (".", ";", ":") or w in CLAUSE_WORDS for w in lows[antecedent.last + 1 : j]):
            continue  # the pronoun's people were counted in another clause
        if (antecedent.quantity.best == 1) != (low in _SINGULAR_PRONOUNS) or (category, id(antecedent)) in told:
            continue
        out.append(_Found(category, [antecedent], reader.starts[first], reader.ends[end - 1]))
    return out


def _mark_additional(reader: Reader, found: list[_Found]) -> None:
    """Mark counts that add to earlier ones: "one additional suspect", "another 25", "two more",
    "also detained" (a word of ``additive_words`` in the phrase or right before it)."""
    lex, lows = reader.lex, reader.lows
    in_words = not lex.additive_words.isdisjoint(lows)
    for f in found:
        if f.cumulative:
            continue
        if in_words:
            first = bisect_left(reader.starts, f.start)
            words = range(max(0, first - 1), bisect_left(reader.starts, f.end))
            added = [k for k in words if lows[k] in lex.additive_words and not _comparative(lows, k)]
            # "detained a cell leader and two additional suspects": the word adds to the phrase's
            # own first person, not to a count told before
            internal = len(f.groups) >= 2 and all(k > f.groups[0].last for k in added)
            if added and not internal:
                f.additional = True
                continue
        f.additional = any(  # "another 25", "two more": the word is inside the quantity phrase
            " " in g.quantity.text and _adds(g.quantity.text.lower().split(), lex.additive_words)
            for g in f.groups
        ) or (
            # "Four other guards were wounded", opening its sentence: more people than those counted
            # before (but "killing 12 and wounding 30 others" only sets the wounded apart from the dead)
            f.groups[0].first == 0 and f.groups[0].quantity.best is not None
            and any(lows[k] in ("other", "others") for k in range(f.groups[0].first, f.groups[0].last + 1))
        )
    for a, b in zip(found, found[1:]):
        # "killing an additional eight people and wounding 12 others": the wounded of the act that
        # killed more add to the earlier wounded too
        if a.additional and not b.additional and not b.cumulative and b.category != a.category and (
            reader.text[a.end : b.start].strip().lower() in ("and", ",", ", and")
        ):
            b.additional = True


def _adds(words: Sequence[str], additive: frozenset[str]) -> bool:
    """Whether a quantity's words add to a count told before ("another 25", "two more")."""
    return any(w in additive and not _comparative(words, k) for k, w in enumerate(words))


def _comparative(words: Sequence[str], k: int) -> bool:
    """Whether words[k] is the "more" of "more than 90": a bound on the figure, not people
    added to those counted before ("two more" are)."""
    return words[k] == "more" and k + 1 < len(words) and words[k + 1] in ("than", "then")


def _side_kind(f: _Found) -> bool:
    """Is the count on the attackers' side (perpetrators, militants)?"""
    return any(g.side in _ATTACKER_SIDES for g in f.groups)


def _without_self_kills(found: list[_Found]) -> list[_Found]:
    """Drop "the bomber blew himself up" where the sentence also gives the victims' toll."""
    def self_kill(f: _Found) -> bool:
        return f.category == "killed" and all(g.reflexive for g in f.groups) and not f.extra

    if not any(self_kill(f) for f in found) or not any(f.category == "killed" and not self_kill(f) for f in found):
        return found
    return [f for f in found if not self_kill(f)]


def _before_addition(lows: Sequence[str], first: int) -> int:
    """The token before ", along with", ", together with" or ", as well as" when they open the
    group at ``first``, else -1."""
    k = first - 1
    if k >= 2 and lows[k] == "with" and lows[k - 1] in ("along", "together"):
        k -= 2
    elif k >= 3 and lows[k] == "as" and lows[k - 1] == "well" and lows[k - 2] == "as":
        k -= 3
    else:
        return -1
    return k - 1 if lows[k] == "," else k


def _attach_extras(reader: Reader, groups: list[Group], found: list[_Found]) -> None:
    """'26 killed (+2 attackers)': the bracketed figure adds the perpetrators killed; "X was killed,
    along with two others": the people named after the verb add to those before it."""
    by_end = {f.end: f for f in found}
    for g in groups:
        k = _before_addition(reader.lows, g.first) if not g.used and not g.subset else -1
        if k >= 0:
            owner = by_end.get(reader.ends[k])
            if owner is None and reader.lows[k] not in (",", ".", ";", ":"):
                owner = _owner_before_phrase(reader, by_end, k)
            if owner is not None and owner.groups:
                g.used = True
                owner.extra.append(g)
                owner.end = reader.ends[g.last]
                _attach_list(reader, groups, g, owner)
                continue
        if g.used or g.first < 3 or reader.lows[g.first - 1] != "+" or reader.lows[g.first - 2] != "(":
            continue
        owner = by_end.get(reader.ends[g.first - 3])
        if owner is None or reader.low(g.last + 1) != ")":
            continue
        g.used = True
        g.side = g.side or "perpetrators"
        owner.extra.append(g)
        owner.end = reader.ends[g.last + 1]


#: How many words a phrase between a count and its addition may have.
_PHRASE_WORDS = 10


def _owner_before_phrase(reader: Reader, by_end: Mapping[int, _Found], k: int) -> _Found | None:
    """The count a phrase ending at token ``k`` follows, when the phrase opens with a preposition
    right after it: "were killed during the assault, along with 9 insurgents", "captured a facilitator
    for weapons, fighters and equipment used in attacks, along with more than 10 of his associates".
    The phrase holds no clause break; a comma in it must be a list's, closed by "and" before ``k``."""
    lows = reader.lows
    for start in range(k, max(k - _PHRASE_WORDS, 0), -1):
        if lows[start] in (".", ";", ":"):
            return None
        if lows[start] not in reader.lex.prepositions and lows[start] != "for":  # "a facilitator for weapons"
            continue
        owner = by_end.get(reader.ends[start - 1])
        if owner is None:
            continue
        commas = [j for j in range(start, k + 1) if lows[j] == ","]
        if commas and "and" not in lows[commas[-1] + 1 : k + 1]:
            return None
        return owner
    return None


def _attach_list(reader: Reader, groups: Sequence[Group], first: Group, owner: _Found) -> None:
    """The rest of a list an addition opens: "killed along with his driver and two bodyguards"
    adds the bodyguards too."""
    last = first
    for g in groups:
        if g.first <= last.last or g.used or g.subset:
            continue
        between = reader.lows[last.last + 1 : g.first]
        if between not in (["and"], [","], [",", "and"]):
            break
        g.used = True
        owner.extra.append(g)
        owner.end = reader.ends[g.last]
        last = g


def _mark_cumulative(reader: Reader, found: list[_Found]) -> None:
    """Mark running totals and aggregates from the cues around each count and from its subject."""
    if not found:
        return
    lex, lows = reader.lex, reader.lows
    cues = _cues(reader) if not lex.cue_words.isdisjoint(lows) or "operations" in lows or not _LONG_UNITS.isdisjoint(lows) else []
    campaign = not lex.campaign_nouns.isdisjoint(lows)
    for i, f in enumerate(found):  # a cue belongs to the counts on either side of it
        lo = found[i - 1].end if i else 0
        hi = found[i + 1].start if i + 1 < len(found) else len(reader.text)
        for offset, aggregate, period in cues:
            if lo <= offset < hi:
                if period and _one_person(f):
                    continue  # "A university student was killed in the last hours": no round-up
                if offset >= f.end and _toll_between(reader, f.end, offset, found):
                    continue  # "killed two police ..., bringing to 11 the number killed over the past two days"
                f.cumulative = True
                f.aggregate = f.aggregate or aggregate
        if campaign and _campaign_toll(reader, f):
            f.cumulative = f.aggregate = True
    for f in found:  # "20 leaders being captured or killed during operations this month": one group, one reading
        for other in found:
            if other is not f and other.groups and other.groups[0] is f.groups[0]:
                f.cumulative |= other.cumulative
                f.aggregate |= other.aggregate
    for f, g in zip(found, found[1:]):
        # a running total goes on to the toll of another category joined to it ("The number of dead later
        # rose to five, including a boy, and more than 200 people were injured": 200 in all, not 200 more)
        if f.cumulative and not f.aggregate and g.category != f.category and _JOINED.match(reader.text, f.end, g.start):
            g.cumulative = True


#: What joins two tolls of one statement: "and", perhaps after a part set off by commas.
_JOINED = re.compile(r"(?:\s*,[^.;:]{0,60}?)?\s*,?\s+and\s+\Z")


def _toll_between(reader: Reader, start: int, end: int, found: Sequence[_Found]) -> bool:
    """Is there a toll no count read, "to N" ("bringing to 11 the number of ..."), between
    character offsets ``start`` and ``end``? A cue after it is that toll's, not the count's before it."""
    first, last = bisect_left(reader.starts, start), bisect_left(reader.starts, end)
    return any(
        reader.lows[k] == QUANTITY and reader.low(k - 1) == "to"
        and not any(f.start <= reader.starts[k] < f.end for f in found)
        for k in range(first, last)
    )


def _cues(reader: Reader) -> list[tuple[int, bool, bool]]:
    """The cumulative cues of a sentence: (character offset, whether the cue marks an aggregate,
    whether it is a period: "over the past two years")."""
    lex, lows = reader.lex, reader.lows
    cues: list[tuple[int, bool, bool]] = []
    for k, low in enumerate(lows):
        if low in lex.aggregate_cues and any(reader.starts_with(c, k) for c in lex.aggregate_cues[low]):
            cues.append((reader.starts[k], True, False))
        elif low in lex.period_cues and any(_period_at(reader, c, k) for c in lex.period_cues[low]):
            if reader.low(k + 1) != "recent" or not _compared(lows, k):
                # (not "one of the deadliest in recent years": a comparison, not a period counted)
                cues.append((reader.starts[k], True, True))
        elif (
            low in ("in", "within") and reader.low(k + 2) in _LONG_UNITS and parse_quantity(reader.low(k + 1)) is not None
            and not _compared(lows, k)
        ):
            # "five judges have been killed in 2 months"; not "the first major attack in the city in three
            # years", "the deadliest in five years": a comparison, not a period the count covers
            cues.append((reader.starts[k], True, True))
        elif low in lex.cues and any(reader.starts_with(c, k) for c in lex.cues[low]):
            # "since 2009" counts a period; not "the deadliest since 2017, when a truck bomb killed 500" (the
            # toll of the one earlier act it names) nor "killing 40, the deadliest attack since 2019" (a comparison)
            since = low == "since" and _since_date(reader, k + 1) and not (_when_after(reader, k) or _compared(lows, k))
            cues.append((reader.starts[k], since, False))
        elif low in _ROUND_UP_OPENERS and _round_up(reader, k + 1):
            cues.append((reader.starts[k], True, False))
    return cues


def _when_after(reader: Reader, k: int) -> bool:
    """Whether "when" follows the date after "since" at ``k``, with a count after it: the toll of the
    act it tells ("since 2017, when a truck bomb killed 500"), not one counted over the period."""
    lows = reader.lows
    at = next((j for j in range(k + 2, min(k + 6, len(lows))) if lows[j] == "when"), None)
    if at is None:
        return False
    for j in range(at + 1, min(at + 12, len(lows))):
        if lows[j] in (",", ";", ".", "--"):
            return False  # the clause ends first: "since 21 August, when the campaign began, three were murdered"
        if lows[j] == QUANTITY:
            return True
    return False


#: Units of time a count of which after "in" makes a period ("in 2 months", "in three years"; not
#: "in two hours", often one incident's length).
_LONG_UNITS = frozenset({"weeks", "months", "years", "decades"})
#: Words of a comparison before "in three years" (with any superlative in -est): "the first time in five years".
_FIRST_OR_MOST = frozenset({"first", "time", "most", "worst"})
#: Words before the operations a round-up covers: "during four operations", "conducted four operations".
_ROUND_UP_OPENERS = frozenset({"during", "in", "conducted", "conducting", "across"})
#: Words for a few that make a round-up as a number of three or more does: "during several operations".
_MANY_WORDS = frozenset({"several", "numerous"})


def _compared(lows: Sequence[str], k: int) -> bool:
    """Whether a comparison comes just before the period at ``k`` ("the first time in five years",
    "one of the deadliest in recent years"): words of one, or any superlative in -est."""
    return any(w in _FIRST_OR_MOST or w.endswith("est") for w in lows[max(0, k - 6) : k])


#: Words that may stand between "operations" and the period a round-up covers ("during operations in
#: the province this month").
_PERIOD_WINDOW = 6


def _round_up(reader: Reader, k: int) -> bool:
    """Whether the words from ``k`` name three operations or more ("four operations", "several
    separate security operations"), or operations over a period ("operations in the province this
    month"): a round-up whose counts sum over incidents, not one incident's (two operations are
    often one incident and its follow-up)."""
    if reader.low(k) == "operations":
        return any(
            reader.low(j) in ("this", "last", "past") and reader.low(j + 1) in ("week", "month", "year")
            for j in range(k + 1, k + 1 + _PERIOD_WINDOW)
        )
    q = reader.qs[k] if k < reader.n else None
    if q is None or not (q.text.lower() in _MANY_WORDS or (not q.approx and (q.best or 0) >= 3)):
        return False
    j = k + 1
    while reader.low(j) in ("separate", "security", "clearing", "and"):
        j += 1
    return reader.low(j) == "operations"


def _one_person(f: _Found) -> bool:
    """A count of one person named by a singular noun ("a university student"): a round-up over
    a period counts more than that."""
    return len(f.groups) == 1 and not f.extra and f.groups[0].quantity.best == 1 and not any(
        ch.isdigit() for ch in f.groups[0].quantity.text
    ) and f.groups[0].quantity.text.lower() != "one"


def _period_at(reader: Reader, cue: list[str], k: int) -> bool:
    """ "over the past [two] years", not "in the last days of the evacuation"."""
    if not reader.starts_with(cue, k):
        return False
    j = k + len(cue)
    units = reader.lex.period_units
    if reader.low(j) not in units:
        j += 1  # "two", "24", "few"
    return reader.low(j) in units and reader.low(j + 1) != "of"


def _since_date(reader: Reader, j: int) -> bool:
    """ "since 2009", "since January", "since early 2023", "since last year": a period, not one event;
    so is the start of a campaign ("since a separatist insurgency flared in 2004", "since the war began")."""
    if reader.low(j) in ("a", "an", "the") and any(
        reader.low(k) in reader.lex.campaign_nouns for k in range(j + 1, j + 4)
    ):
        return True
    while reader.low(j) in _SINCE_MODIFIERS:  # low() is "" past the end
        j += 1
    low = reader.low(j)
    if low in reader.lex.grammar.months or low in reader.lex.period_units:
        return True
    return len(low) == 4 and low.isdigit() and 1900 <= int(low) <= 2100


def _campaign_toll(reader: Reader, f: _Found) -> bool:
    """ "The insurgency has killed ...", "the fighting there has left 80 dead": a campaign's toll."""
    lex, lows = reader.lex, reader.lows
    t = bisect_left(reader.starts, f.start)
    j = t - 1 - (reader.low(t - 1) == "left")
    perfect = False
    while j >= 0 and t - j <= 8:
        low = lows[j]
        if low in _PERFECT:
            perfect = True
        elif low in lex.campaign_nouns:
            return perfect
        elif not (low in lex.auxiliaries or low in lex.prepositions or low in ("there", "here", "the", "alone")
                  or low.endswith("ly") or (perfect and reader.name_like(j))):
            return False
        j -= 1
    return False


def _mentions(reader: Reader, f: _Found) -> list[CountMention]:
    if f.at_least and f.category == "combined":
        return []  # "Several children were among those killed or wounded": a part of no one figure
    text = reader.text[f.start : f.end]
    groups = f.groups + f.extra if f.extra else f.groups
    parts = tuple([_part(reader, g) for g in groups])
    category: CountCategory = f.category  # type: ignore[assignment]
    if len(parts) == 1 and category != "combined":  # the common case, kept cheap
        p = parts[0]
        count = Count(p.min, None if f.at_least else p.max, p.best, p.approx, text, parts)
        return [CountMention(category, count, f.start, f.end, p.label or None, p.side, f.cumulative,
                             aggregate=f.aggregate, additional=f.additional and not f.at_least)]
    labels = [p.label for p in parts if p.label]
    victim = " and ".join(dict.fromkeys(labels)) if labels else None
    sides = {p.side for p in parts}
    side = sides.pop() if len(sides) == 1 else None
    if f.category == "combined":
        if all(p.best == 0 for p in parts):
            count = Count(0, 0, 0, False, text, parts)
            return [
                CountMention(c, count, f.start, f.end, victim, side, f.cumulative, aggregate=f.aggregate,
                             additional=f.additional)
                for c in ("killed", "injured")
            ]
        high = None if any(p.max is None for p in parts) else sum(p.max for p in parts if p.max is not None)
        count = Count(None, high, None, True, text, ())
        return [
            CountMention(c, count, f.start, f.end, victim, side, f.cumulative, True, f.aggregate, f.additional)
            for c in ("killed", "injured")
        ]
    mins = [p.min for p in parts]
    total = Count(
        min=None if all(m is None for m in mins) else sum(m or 0 for m in mins),
        max=None if f.at_least or any(p.max is None for p in parts) else sum(p.max or 0 for p in parts),
        best=None if any(p.best is None for p in parts) else sum(p.best or 0 for p in parts),
        approx=any(p.approx for p in parts),
        text=text,
        parts=parts,
    )
    return [CountMention(category, total, f.start, f.end, victim, side, f.cumulative, aggregate=f.aggregate,
                         additional=f.additional)]


def _part(reader: Reader, g: Group) -> CountPart:
    q = g.quantity
    text = reader.text[reader.starts[g.first] : reader.ends[g.last]]
    return CountPart(g.label or "", q.min, q.max, q.best, q.approx, text, g.side)


__all__ = ["CountMention", "find_counts"]