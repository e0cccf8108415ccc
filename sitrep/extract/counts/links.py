"""Linking a group of people to the verb or noun of a category before, after or around it.

"killed nearly 140 people", "the bodies of 12" (before); "four suspects from
Tajikistan were arrested", "three soldiers who were in the car were killed",
"were tortured and killed" (after, past appositives, places, participle phrases,
relative clauses and other verbs); "took 20 people hostage" (around).
"""

from __future__ import annotations

from sitrep.extract.counts.lexicon import Entry
from sitrep.extract.counts.sentence import AMONG, CLAUSE_WORDS, QUANTITY, SUBJECT_PRONOUNS, Group, Sentence
from sitrep.extract.numbers import Quantity

_OBJECT_DETS = frozenset({"a", "an", "the", "his", "her", "their", "its", "another", "all"})
_OBJECT_PRONOUNS = frozenset({"him", "her", "them", "himself", "herself", "themselves", "us", "me"})
_RELATIVES = frozenset({"who", "that", "which"})
#: How many words after its own verb a relative clause may run before the main verb.
_CLAUSE_TAIL = 8
#: Verbs of saying after a noun: "Two killed, police said" (the police are no object).
_REPORTING = frozenset({"said", "say", "says", "told", "reported", "report", "reports"})
_SEQUENCE_ADVERBS = frozenset({"then", "later", "subsequently", "eventually", "finally", "also", "allegedly",
                               "reportedly", "brutally", "summarily", "publicly", "immediately"})
_PARTICIPLE_ENDINGS = ("ed", "en", "wn")  # "tortured", "beaten", "thrown"
_IRREGULAR_PARTICIPLES = frozenset({"shot", "hit", "struck", "cut", "burnt", "caught", "held", "bound", "found"})
_CLOSERS = {",": ",", "(": ")", "--": "--", "—": "—", "–": "–"}
#: How far a group's first predicate may run before "and were killed".
_PREDICATE_WORDS = 14
#: Words between a number and its noun that say how it is known: "nineteen reported injuries".
_NOUN_QUALIFIERS = frozenset({"reported", "confirmed", "recorded", "known", "documented"})
_BE = frozenset({"was", "were", "is", "are", "be", "been", "being", "got", "get", "gets", "getting", "left"})
_HAVE = frozenset({"have", "has", "had"})
#: How far a participle's object may run before the verb: "fighting the deadly Ebola outbreak in the DRC were".
_PARTICIPLE_OBJECT_WORDS = 10
#: Prepositions of a place or time phrase between a verb and its object ("executed in the region three
#: people"), and how many words such a phrase may have.
_PLACE_OR_TIME = frozenset({"in", "at", "on", "near", "during"})
_PHRASE_BEFORE_OBJECT = 7
#: Function words that may stand in the gap of an after phrase ("shot in the legs", "in both arms and legs").
_GAP_WORDS = frozenset({"the", "a", "both", "his", "her", "their", "and"})
#: Verbs among the function words that may be a group's first predicate before "and were ...".
_OWN_VERBS = frozenset({"survived", "escaped", "fled"})
_INTENSIFIERS = frozenset({"very", "so", "too", "most", "more", "less", "quite", "rather", "only", "just"})
_FLOATING = frozenset({"all", "both", "each", "mostly", "mainly"})  # may open an appositive: ", all citizens of X,"


class LinkReader(Sentence):
    """The verbs and nouns of a category that groups of a :class:`Sentence` are linked to."""

    def before(self, g: Group) -> tuple[Entry, int] | None:
        """The verb or noun right before the group ("killed", "the bodies of"), with its first token."""
        k = g.first - 1
        low = self.low(k)
        if low in ("them", "us") and g.first == g.last and g.quantity.text.lower() in ("both", "all"):
            k -= 1  # "killing them both"
            low = self.low(k)
        if low in self.lex.object_adverbs or (low.endswith("ly") and len(low) > 4):
            k -= 1  # "killing only himself", "wounding critically two"
        elif low == "least" and self.low(k - 1) == "at" and self.lows[g.first] != QUANTITY:
            k -= 2  # "killed at least a civilian"
        entry = self.match_backward(k)
        if entry is None:
            return self._before_phrase(g)
        return entry, k + 1 - len(entry[0])

    def _before_phrase(self, g: Group) -> tuple[Entry, int] | None:
        """An active verb before a place or time phrase that stands between it and its counted object:
        "Al-Shabaab executed in the Lower Shabelle region three people". Not after "was" or "were"
        ("were killed in clashes with three groups"), nor past a comma, "with" or "by"."""
        if self.lows[g.first] != QUANTITY or not g.person or g.thing:
            return None  # not "injured in two explosions", a phrase of its own
        for j in range(g.first - 1, max(-1, g.first - 1 - _PHRASE_BEFORE_OBJECT), -1):
            low = self.lows[j]
            if not self.word(j) or low in ("with", "by", "and", "or") or low in CLAUSE_WORDS:
                return None
            if low in _PLACE_OR_TIME and j < g.first - 1:
                entry = self.match_backward(j - 1)
                if entry is None:
                    return None
                start = j - len(entry[0])
                if self.low(start - 1) in self.lex.auxiliaries:
                    return None  # a passive: the number after the phrase is no object of it
                return entry, start
        return None

    def acceptable_object(self, g: Group, strict: bool, category: str) -> bool:
        """May the group be the object of a verb of ``category`` (``strict``: one that needs people)?"""
        if g.tentative:  # "killed a road construction supervisor"; not "hurt the economy"
            return not strict and category in ("killed", "kidnapped", "arrested") and not self.caps
        if g.reflexive or (g.person and not g.thing):
            return True
        if strict or g.thing:
            return False
        return True

    def after(self, g: Group, *, in_apposition: bool) -> tuple[Entry, int, int] | None:
        """The verb after the group ("were killed", "died"): entry, first and last+1 token index."""
        lex = self.lex
        k = g.last + 1
        noun = self.match_forward(self.lex.nouns, k)
        if noun is None and self.low(k) in _NOUN_QUALIFIERS:
            noun = self.match_forward(self.lex.nouns, k + 1)  # "nineteen reported injuries"
            k += noun is not None
        if noun is not None:
            end = k + len(noun[0])
            if g.tentative or g.named:
                return None
            if not noun[0][-1].endswith("s") and (
                g.quantity.best != 1 or (self.word(end) and self.lows[end] not in lex.stop_words)
            ):
                return None  # "one death", not "one death threat"
            if self.low(k - 1) == "the" and self.low(k - 2) == "of":
                fate = self._verb_at(g, end)  # "One of the abductees succumbed to his wounds": what befell them
                if fate is not None and fate[0][1] != noun[1]:
                    return fate
            return noun, k, end
        if g.tentative:  # "the principal of the school was killed", not "the release of the priests who..."
            if not self.caps and self.low(k) in lex.prepositions:
                j = self._skip_phrase(k)
                if not any(w in lex.people or w == QUANTITY for w in self.lows[k:j]):
                    k = j
        elif not g.subset:  # a part ("including two attackers") may not reach past a comma for its verb
            k = self._skip_material(k)
        if g.headline and self.low(k) == ",":
            k += 1  # "Benito Portillo Torres, killed in Culiacán"
        if (in_apposition or self.low(k + 1) in ("who", "which")) and self.low(k) == ",":
            k += 1  # "Four policemen, who were commanders of their posts, were killed"
        if self.low(k) in SUBJECT_PRONOUNS and g.person:
            entry = self.match_backward(k + 1)
            if entry is not None and len(entry[0]) == 1:
                return entry, k + 1, k + 2  # "the 30 schoolchildren they seized last week"
        if self.low(k) in _RELATIVES:
            found = self._verb_at(g, k + 1)  # "two soldiers who were killed"
            if found is None and k - g.last <= 2 and g.person:  # "three soldiers who were in the car were killed"
                main = self._after_relative_clause(k + 1)  # (the clause must be the group's own)
                found = self._verb_at(g, main) if main is not None else None
            return found
        return self._verb_at(g, k) or self._coordinated_passive(g, k)

    def _coordinated_passive(self, g: Group, k: int) -> tuple[Entry, int, int] | None:
        """The passive verb of a second predicate of the group, the subject of its clause: "Two
        militants fired on the convoy and were killed", "several insurgents presented an immediate
        threat to the force and were killed". Not past another count, a clause of its own or the
        sentence's end, nor for a group that is an object ("killed two militants and ...")."""
        lex = self.lex
        before = self.low(g.first - 1)
        if g.tentative or g.subset or before in lex.before_ends or before in lex.prepositions or before == "and":
            return None
        if not self.word(k) or (self.lows[k] in lex.stop_words and self.lows[k] not in _OWN_VERBS):
            return None  # a verb must follow the group ("survived and were treated for gunshot wounds")
        for j in range(k + 1, min(self.n - 2, k + _PREDICATE_WORDS)):
            low = self.lows[j]
            if low in (";", ":", ".", ",", QUANTITY) or low in CLAUSE_WORDS:
                return None
            if low == "and" and self.lows[j + 1] in ("was", "were"):
                return self._verb_at(g, j + 1)
        return None

    def _verb_at(self, g: Group, k: int) -> tuple[Entry, int, int] | None:
        """The verb of the group at token ``k``, perhaps after auxiliaries and adverbs."""
        lex = self.lex
        auxiliary = passive = negated = False
        while k < self.n:
            low = self.lows[k]
            if low in lex.negations or low.endswith("n't"):
                negated = True
            elif low in lex.auxiliaries:
                if self.fate_at(k):
                    break  # "left injured", "confirmed dead", "being treated" are phrases of their own
                if low in lex.reporting_auxiliaries and not passive:
                    return None  # "the capital, said wounded soldiers ...": the verb of another clause
                auxiliary = True
                passive = passive or low in _BE
            elif not (self._degree_adverb(k) or low in _INTENSIFIERS) or self.fate_at(k):
                break  # not an adverb, or one that begins a phrase ("fatally shot")
            k += 1
        if negated and g.quantity.best != 0:
            return None
        if (g.tentative or g.named) and not auxiliary and not g.headline:
            return None
        if passive and not self.fate_at(k):
            k = self._skip_participles(k)  # "were tortured and killed", "were dragged from their car and killed"
        had_object = False
        for entry in lex.after.get(self.low(k), ()):  # longest first
            if not self.starts_with(entry[0], k):
                continue
            end = k + len(entry[0])
            if len(entry[0]) == 1 and entry[0][0] in lex.adjectives and self.low(end) in lex.people:
                return None  # "wounded soldiers had been brought": the word describes the next noun
            transitive = self._transitive(entry[0])
            if had_object and transitive:
                return None  # "stabbed to death a soldier" is no "stabbed" without an object
            # (not "two others injured one seriously": the number tells how some of them fared)
            if not passive and transitive and self._has_object(end) and end not in self.fared:
                had_object = True
                continue  # "left 4 fighters dead and injured 3": "dead", then a verb with its own object
            if entry[1] == "injured":
                worse = self._killed_after(end)  # "were beaten, stabbed and axed to death"
                if worse is not None:
                    return worse[0], k, worse[1]
            return entry, k, end
        return self._gapped_at(k) if self.low(k) in lex.gapped_after else None

    def _has_object(self, end: int) -> bool:
        """Does an object follow a verb ending before ``end``, perhaps after a second verb ("stabbed
        and injured an Israeli soldier")?"""
        if self._object_at(end):
            return True
        return self.low(end) in ("and", "or") and self.low(end + 1) in self.lex.before_ends and self._object_at(end + 2)

    def _killed_after(self, j: int) -> tuple[Entry, int] | None:
        """A verb of killing after verbs of injury joined by commas or "and" ("beaten and shot dead",
        "beaten, stabbed and axed to death"): the people were killed. Its entry and end."""
        lex = self.lex
        for _ in range(4):
            if self.low(j) == ",":
                j += 1
            if self.low(j) in ("and", "then", "later"):
                j += 1
                continue
            entry = self.match_forward(lex.after, j) if self.low(j) in lex.after else None
            if entry is None or entry[0][0] == AMONG:  # "91 were injured, among the dead were ...": others
                return None
            if entry[1] == "killed":
                return entry, j + len(entry[0])
            if entry[1] != "injured":
                return None
            j += len(entry[0])
        return None

    def _transitive(self, tokens: list[str]) -> bool:
        """Can the words of an after phrase, or its last word, come before victims ("killed", "shot
        dead", "dead and injured"; not "dead")?"""
        return " ".join(tokens) in self.lex.transitive or tokens[-1] in self.lex.transitive

    def _gapped_at(self, k: int) -> tuple[Entry, int, int] | None:
        """An after phrase with a gap at ``k``: "suffered gunshot wounds", "sustained serious head injuries"."""
        for head, tail, category, strict in self.lex.gapped_after.get(self.low(k), ()):
            if not self.starts_with(head, k):
                continue
            j = k + len(head)
            for m in range(j + 1, min(self.n, j + 4)):  # one to three free words
                free = self.lows[m - 1]
                if free != QUANTITY and (not self.word(m - 1) or (free in self.lex.stop_words and free not in _GAP_WORDS)):
                    break  # "suffered serious head wounds", "shot in both arms and legs"
                if self.starts_with(tail, m):
                    end = m + len(tail)
                    return (self.lows[k:end], category, strict), k, end
        return None

    def _degree_adverb(self, k: int) -> bool:
        """An adverb such as "critically" or "seriously" (a word in -ly that is no person)."""
        low = self.low(k)
        return low.endswith("ly") and len(low) > 4 and low not in self.lex.people

    def _skip_participles(self, k: int) -> int:
        """Skip up to three participles of other verbs joined by "and" or commas to the one of a category.

        "were tortured and killed", "were ambushed, robbed and killed", "were dragged from
        their car and killed"; the token of the category's verb, or ``k`` if there is none.
        """
        lex = self.lex
        j = k
        for _ in range(3):
            low = self.low(j)
            if not (self.word(j) and (low.endswith(_PARTICIPLE_ENDINGS) or low in _IRREGULAR_PARTICIPLES)) or (
                low in lex.auxiliaries or low in lex.prepositions or low in lex.boundaries or low in CLAUSE_WORDS
            ):
                return k  # not "when", "then", "between"
            j += 1
            if self.low(j) in lex.prepositions:
                j = self._skip_phrase(j)  # may end past an "and" that only the next verb follows
            joined = self.low(j - 1) in ("and", "or")
            if self.low(j) == ",":
                j, joined = j + 1, True
            if self.low(j) in ("and", "or"):
                j, joined = j + 1, True
            if not joined:
                return k
            if self.low(j) in ("was", "were"):
                j += 1  # "were shot and were seriously wounded"
            while self.low(j) in _SEQUENCE_ADVERBS or self._degree_adverb(j):
                j += 1  # "was shot and critically wounded"
            if self.fate_at(j):
                return j
        return k

    def _after_relative_clause(self, k: int) -> int | None:
        """The token after a short relative clause ("who were in the car") where the main verb starts."""
        lex = self.lex
        if self.low(k) == QUANTITY:
            return None  # "the attack in which 20 persons were killed": a subject of its own
        for j in range(k + 1, min(self.n, k + 20)):
            low = self.lows[j]
            if low == QUANTITY and self.low(j + 1) in lex.period_units:
                continue  # "who were abducted a few days previously were found beheaded": a time
            if low in (";", ":", ".", QUANTITY) or (low in CLAUSE_WORDS and low != "that"):
                return None
            if low in _BE and self.lows[j - 1] not in lex.auxiliaries:
                return j
        return None

    def after_clause(self, g: Group, end: int, category: str) -> tuple[Entry, int] | None:
        """The main verb after a relative clause whose own verb, ending before ``end``, the group took
        ("Three policemen who were abducted a few days previously were found beheaded", "A soldier
        abducted by the Maoists a week ago was found dead"): its entry and end, when it tells another
        category."""
        k = g.last + 1
        if not g.person:
            return None
        if self.low(k) in _RELATIVES:
            k += 1
        elif not (self.low(k).endswith("ed") and k < end <= k + 3):
            return None  # a participle right after the group opens a reduced clause: "A soldier abducted by ..."
        main = self._after_relative_clause(k)
        if main is None or main < end:
            main = self._bare_verb_after(end)  # "Two children who were wounded in the attack died"
        if main is None:
            return None
        found = self._verb_at(g, main)
        if found is None or found[0][1] == category or found[0][0][0] == AMONG:
            return None  # (nor "..., among the dead were": a list of its own)
        return found[0], found[2]

    def _bare_verb_after(self, end: int) -> int | None:
        """A verb of a count a few words after ``end`` with no auxiliary before it and nothing that
        opens another clause on the way: the main verb after a relative clause."""
        lex = self.lex
        for j in range(end, min(self.n, end + _CLAUSE_TAIL)):
            low = self.lows[j]
            if low in (";", ":", ".", ",", QUANTITY) or low in CLAUSE_WORDS or low in ("and", "or", "but"):
                return None
            before = self.lows[j - 1]
            if (low in lex.after and low not in lex.prepositions and before not in _BE and before not in _HAVE
                    and before not in lex.prepositions and self.match_forward(lex.after, j)):
                return j
        return None

    def also_after(self, end: int, category: str) -> tuple[Entry, int] | None:
        """A second verb joined to the first: "was kidnapped and killed"."""
        j = end
        if self.low(j) in (QUANTITY, "several", "multiple", "many") and "times" in self.lows[j + 1 : j + 4]:
            j = self.lows.index("times", j + 1) + 1  # "had been stabbed a number of times and died"
        if self.low(j) in self.lex.prepositions:  # "were abducted from their homes and subsequently executed"
            j = self._skip_phrase(j)
        if self.low(j) == "," and self.low(j + 1) in ("and", "or") and j > end:
            j += 1  # "were kidnapped by militants on Thursday, and were later executed"
        if self.low(j) in ("and", "or"):
            j += 1
        elif j == end or self.low(j - 1) not in ("and", "or"):
            return None
        while self.low(j) in _SEQUENCE_ADVERBS or self.low(j) in _BE:
            j += 1
        entry = self.match_forward(self.lex.after, j)
        if entry is None or entry[1] == category or entry[0][0] == AMONG or self._object_at(j + len(entry[0])):
            return None
        return entry, j + len(entry[0])

    def _object_at(self, k: int) -> bool:
        """Does an object start at ``k`` (a number, a pronoun, a name, "a ... officer")?"""
        low = self.low(k)
        if low == QUANTITY or low in _OBJECT_PRONOUNS or (not self.caps and self.name_like(k)):
            return True
        if self.word(k) and low not in self.lex.stop_words and (
            low in self.lex.people or self.low(k + 1) in self.lex.people
        ) and self.low(k + 1) not in _REPORTING:
            return True  # a bare noun: "A gunman killed police officer Salim Barakat"
        if low in _OBJECT_DETS:  # "killed a water and forestry officer"
            for j in range(k + 1, min(self.n, k + 7)):
                if self.lows[j] in self.lex.people:
                    return True
                if not self.word(j) and self.lows[j] != QUANTITY:
                    return False
        return False

    def _relative_clause_end(self, k: int) -> int | None:
        """The token after the comma that closes a relative clause opened at ``k`` ("who ...,"),
        when a verb follows that comma; else None."""
        lex = self.lex
        depth = 0
        for j in range(k + 1, min(self.n, k + 40)):
            lj = self.lows[j]
            if lj in ("(", ")"):
                depth += 1 if lj == "(" else -1  # "(aka Northern Alliance)" inside the clause
                if depth < 0:
                    return None
                continue
            if lj in (";", ":", ".") or depth:
                if depth:
                    continue
                return None
            if lj == ",":
                if self.low(j + 1) in lex.auxiliaries or self.fate_at(j + 1):
                    return j + 1
                return None
        return None

    def _skip_material(self, k: int) -> int:
        """Skip an appositive, a place or a list of names between a group and its verb."""
        start = k
        lex = self.lex
        while k < self.n and k - start < 16:
            low = self.lows[k]
            if low == "," and self._subset_marker_at(k + 1):
                k += 1  # "Three soldiers, including a colonel were killed": the part is read below
                continue
            if low == "," and self.low(k + 1) in ("who", "whose"):
                j = self._relative_clause_end(k + 1)
                if j is not None:
                    k = j  # "Yuri Budanov, who had been convicted of war crimes, | was shot dead"
                    continue
            if low in ("who", "whose") and k > start and self.lows[k - 1] == ",":
                j = self._relative_clause_end(k)
                if j is not None:  # "Two bodyguards, Dagoberto Rodriguez and Alfonso de Lima, who were in the car, | were killed"
                    k = j
                    continue
            if low in _CLOSERS:
                close = _CLOSERS[low]
                # an apposition with an article may run long: ", an employee of the U.S. Embassy in
                # Dhaka and the editor of Bangladesh's first LGBT magazine,"
                reach = 20 if low == "," and self.low(k + 1) in ("a", "an") else 12
                j = k + 1
                while j < self.n and j - k <= reach and self.lows[j] != close:
                    lj = self.lows[j]
                    verb = lj in lex.auxiliaries and not (j == k + 1 and lj in _FLOATING)  # ", all citizens of"
                    if verb and lj in lex.speech_verbs and self.low(j + 1) == close:
                        verb = False  # "Twelve people, officials said, were killed"
                    if verb or lj in lex.negations or lj in (";", ":", ".") or self.fate_at(j):
                        break
                    j += 1
                if j < self.n and self.lows[j] == close and j > k + 1:
                    k = j + 1
                    continue
                if low == "," and self.name_like(k + 1):
                    j = k + 1
                    while j < self.n and (self.name_like(j) or self.lows[j] in (",", "and")):
                        j += 1
                    if self.low(j) in lex.auxiliaries:
                        k = j
                        continue
                if low == "," and self.low(k + 1) in _BE and self.low(k + 2) != "and":
                    k += 1  # "Three traders from the province, were killed": a stray comma before the verb
                break
            if low == "and" and k == start:
                j = self._unnumbered_people(k + 1)
                if j > k + 1:  # "Four soldiers and civilian JTF members died": the count is the number given
                    k = j
                    continue
                break
            if self._subset_marker_at(k):
                j = k + 1  # "Eight people including four civilians ... were killed"
                while j < self.n and j - k <= 20 and (
                    self.lows[j] not in lex.auxiliaries or self.lows[j] == "to"
                    or (self.lows[j] == "be" and self.lows[j - 1] == "to")  # "including a woman suspected to be an informer"
                ):
                    low_j = self.lows[j]
                    if self.fate_at(j):
                        return j  # "At least 8 people, including four members of one family, died"
                    if low_j in (";", ":", ".") or low_j in CLAUSE_WORDS:
                        break
                    if low_j == "," and self.low(j + 1) in lex.auxiliaries:
                        break  # "..., including ten children, three women and their unborns, are killed"
                    j += 1
                if j < self.n and j - k <= 20 and self.lows[j] in (",", *lex.auxiliaries):
                    k = j + (self.lows[j] == ",")
                    continue
                break
            if low.endswith("ing") and low not in lex.auxiliaries and self.match_backward(k) is None:
                j = next((j for j in range(k + 1, min(k + 5, self.n)) if not self.word(j)), k)
                if self.lows[j] == "," and self.low(j + 1) in _BE and all(
                    self.lows[w] not in lex.auxiliaries for w in range(k + 1, j)
                ):
                    k = j + 1  # "A social leader claiming land, was killed"
                    continue
                j = self._participle_object_end(k)
                if j is not None:
                    k = j  # "Two workers repairing the power line | were wounded"
                    continue
            if low in lex.prepositions and (
                self.fate_at(k)
                or (low in lex.gapped_after and self._gapped_at(k) is not None)
            ):
                break  # "two others with serious injuries", "two in hospital": the verb's own phrase
            if k in self.possessors:
                k = self.possessors[k]  # "The father | of two children | was killed"
                continue
            if low in lex.prepositions or self._participle_phrase(k):
                j = self._skip_phrase(k)
                if j == k + 1:
                    break
                k = j
                continue
            if self.name_like(k):
                while k < self.n and (self.name_like(k) or (self.lows[k] in (",", "and") and self.name_like(k + 1))):
                    k += 1
                if self.low(k) == "," and self.low(k + 1) in lex.auxiliaries:
                    k += 1  # "Three members Theodore Gold, Diana Oughton, are killed"
                continue
            break
        return k

    def _participle_object_end(self, k: int) -> int | None:
        """Where the verb starts after a participle and its object ("repairing the power line were",
        "fighting the deadly Ebola outbreak in the DRC were"): the "was" or "were" that ends a run of
        plain words opened by a determiner; None when a number, a clause word or punctuation comes
        first."""
        if self.low(k + 1) not in _OBJECT_DETS:
            return None
        for j in range(k + 2, min(self.n, k + _PARTICIPLE_OBJECT_WORDS)):
            low = self.lows[j]
            if low in ("was", "were") and j > k + 2:
                return j
            if not self.word(j) or low == QUANTITY or low in CLAUSE_WORDS or low in self.lex.auxiliaries:
                return None
        return None

    def _participle_phrase(self, k: int) -> bool:
        """Does a participle with a preposition start at ``k`` ("sleeping inside a mosque", "employed by
        CRS", "associated with the compound")? Not a verb of a category ("killed in the blast"), nor a
        past tense ("detonated in")."""
        low, lex = self.low(k), self.lex
        if low.endswith("ing"):
            if self.low(k + 1) not in lex.prepositions:
                return False
        elif not (low.endswith("ed") and self.low(k + 1) in ("by", "with")):
            return False  # "associated with the compound", not "detonated in": a verb of its own
        return low not in lex.stop_words and self.match_backward(k) is None

    def _unnumbered_people(self, k: int) -> int:
        """The end of a plural person noun phrase with no number at ``k`` that a verb follows, else ``k``."""
        if self.low(k) in self.lex.stop_words:
            return k
        group = self._noun_group(k, k, Quantity(None, None, None, False, ""), need_person=True)
        if group is None or self.lex.people.get(self.lows[group.last], (True, False))[1] is False:
            return k
        end = group.last + 1
        if self.low(end) == "of":
            end = self._skip_phrase(end)  # "50 civilians and members of the security forces were killed"
        if self.low(end) in self.lex.auxiliaries or (self.low(end) in self.lex.after
                                                      and self.match_forward(self.lex.after, end)):
            return end
        return k

    def around(self, chain: list[Group]) -> tuple[str, int, int] | None:
        """ "took 20 people hostage": the category and the token range of the phrase."""
        first, last = chain[0], chain[-1]
        for before, after, category in self.lex.around.get(self.low(first.first - 1), ()):
            if not self.ends_with(before, first.first - 1):
                continue
            if self.starts_with(after, last.last + 1):
                return category, first.first - len(before), last.last + len(after)
            if self.low(last.last + 1) == "of" and last.person:  # "took the two occupants of the car into custody"
                for j in range(last.last + 2, min(self.n, last.last + 6)):
                    if self.starts_with(after, j):
                        return category, first.first - len(before), j - 1 + len(after)
                    if not self.word(j) or self.lows[j] in self.lex.auxiliaries:
                        break
            if len(after) == 1 and self.lows[last.last] == after[0]:  # "took 20 hostages"
                if last.noun >= 0 and last.last > last.noun:  # "took 20 people hostage"
                    last.label = self.text[self.starts[last.noun] : self.ends[last.last - 1]]
                    people = [h for h in range(last.noun, last.last) if self.lows[h] in self.lex.people]
                    if people:
                        last.side = self._side(last.noun, people[-1])
                return category, first.first - len(before), last.last
        return None


__all__ = ["LinkReader"]
