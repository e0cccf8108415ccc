"""Finding the groups of people a sentence counts, and the lists they form.

A :class:`~sitrep.extract.counts.sentence.Group` is a quantity and the people it
counts: a number and its noun ("nearly 140 people", "two of his associates"), a
singular noun after a determiner ("a policeman"; "a shepherd" only tentatively),
a pronoun, a person named with no number ("Taliban leader Saifullah"), or a
headline's bare singular noun ("Man shot to death in Juarez") or list of them ("Prayer
leader, ANA official gunned down"). Groups joined by "and" or commas form chains ("13
soldiers and 170 civilians").
"""

from __future__ import annotations

from sitrep.extract.counts.sentence import CLAUSE_WORDS, QUANTITY, SINGULAR_DETS, Group, Sentence
from sitrep.extract.numbers import Quantity

_PARTITIVE = frozenset({"the", "his", "her", "their", "them", "those", "these", "its", "whom", "which", "us", "our"})
_PRONOUN_PARTITIVE = frozenset({"them", "whom", "which", "us"})
_PRONOUNS = frozenset({"he", "she", "him"})
_REFLEXIVE = frozenset({"himself", "herself"})
_STARTS = SINGULAR_DETS | _PRONOUNS | _REFLEXIVE | {QUANTITY, "her", "no", "other"}  # the words a group may start with
#: Words before "other" that give its people their number or their owner ("several other insurgents",
#: "the other passengers", "one of the other victims"): "other" then opens no group of its own.
_TAKES_OTHER = SINGULAR_DETS | {QUANTITY, "of", "no", "any", "all", "these", "those", "our", "your", "each", "every",
                                "some", "many", "few", "several", "numerous", "multiple"}
#: A copula right before a list: the list says what the subject was ("Among the dead were ...").
_COPULAS = frozenset({"were", "was", "are", "is", "included", "include", "includes"})
_NAMED_SUBJECT_NEXT = frozenset({"was", "is", "has", "had", "and", "were", "are"})
_COPULAS = frozenset({"was", "were", "is", "are"})
_ORDINALS = frozenset({"second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth"})
_NAME_LENGTH = 7  # words in a name with its titles: "Prime Minister Admiral Luis Carrero Blanco"
#: Words that open a relative clause or an apposition after a person's name ("X, who ...,").
_CLAUSE_OPENERS = frozenset({"who", "whose", "aged"})
_CLAUSE_LENGTH = 40  # tokens a relative clause or apposition may take
#: Nouns of an event, which a singular determiner before them never makes a person.
_EVENT_NOUNS = frozenset({
    "engagement", "exchange", "firefight", "gunfight", "shootout", "battle", "skirmish", "confrontation",
    "encounter", "attack", "clash", "raid", "operation", "ambush", "explosion", "blast", "incident", "search",
    "bombing", "shooting", "assault", "crossfire", "stampede", "siege", "airstrike", "fighting",
})
#: How a noun made from a verb ends ("recovery", "seizure", "removal", "destruction").
_ACTION_ENDINGS = ("ery", "tion", "sion", "val", "ure", "ing")
#: After "the", the rest of a group rather than the group told before ("the others were killed").
_REMAINDER = frozenset({"others", "rest", "remainder", "remaining", "other"})
_FILLERS = frozenset({"other", "additional", "more", "further"})  # between a number and an adjective
#: The verbs a clause's subject is followed by ("6 others were injured").
_FINITE = frozenset({"was", "were", "is", "are", "has", "have", "had"})
#: How far before a list its verb may stand ("killed with bomb | one soldier", "killed along with | three").
_OBJECT_REACH = 4
#: Last words of the phrases before a count that are no verb ("the bodies of", "taken into custody").
_NOT_VERBS = frozenset({"of", "to", "up", "down", "dead", "death", "custody"})


def _names_an_act(word: str) -> bool:
    """ "recovery", "detainment"; not "element" ("an element of the Peshmerga": a fighter)."""
    return word.endswith(_ACTION_ENDINGS) or (word.endswith("ment") and len(word) >= 9)


class GroupReader(Sentence):
    """Groups of people and their chains, read from the tokens of a :class:`Sentence`."""

    def groups(self) -> list[Group]:
        """Every group of the sentence, left to right, none inside another."""
        found: list[Group] = []
        lows, n, lex = self.lows, self.n, self.lex
        stop_words, before_ends = lex.stop_words, lex.before_ends
        k = 0
        while k < n:
            low = lows[k]
            group: Group | None = None
            if low in _NAMED_SUBJECT_NEXT and k > 0 and (not found or found[-1].last < k - 1) and self.name_like(k - 1):
                named = self._named_subject(k) if low != "and" or self._companion_at(k + 1) else None
                if named is not None and found and found[-1].last >= named.first >= 0:
                    if found[-1].first >= named.first:  # "Loreto Mayor Dario Otaza": the name holds the title
                        found[-1] = named
                elif named is not None:
                    found.append(named)
            elif low in _NAMED_SUBJECT_NEXT and k > 2 and lows[k - 1] == ",":
                named = self._named_subject_before_clause(k - 1)
                # "Hector Oqueli, who led the party, was killed": a singular noun inside the clause
                # ("the party") describes the person, who is the one counted
                while named is not None and found and found[-1].last >= named.first and found[-1].first > named.last:
                    if found[-1].quantity.best != 1 or any(ch.isdigit() for ch in found[-1].quantity.text):
                        named = None
                        break
                    inner = found.pop()
                    if inner.first == named.last + 2 and named.side is None:
                        # "Murach, a Taliban leader from Helmand,": the apposition tells who he is
                        named.side, named.label = inner.side, inner.label or named.label
                if named is not None and (not found or found[-1].last < named.first):
                    found.append(named)  # "Yuri Budanov, who had been convicted of war crimes, was shot dead"
            elif k > 0 and not found and self.fate_at(k):
                named = self._headline_name(k)
                if named is not None:
                    found.append(named)  # "Benito Portillo Torres, killed in Culiacán"
            if low == "other" and self.low(k + 1) == QUANTITY:
                k += 1  # "injured other 5 girls": the number's group takes the word
                continue
            if low not in _STARTS:
                pass  # most words start no group: only a name after a verb or a headline's noun may
            elif low == QUANTITY:
                group = self._quantity_group(k)
            elif low in SINGULAR_DETS:
                group = self._singular_group(k)
                if group is None and low == "the":
                    group = self._definite_plural(k)
            elif low in _PRONOUNS or (low == "her" and (not self.word(k + 1) or self.low(k + 1) in lex.stop_words)) or (
                # "and other was injured", "two soldiers were killed, other was injured"
                low == "other" and self.low(k - 1) in ("and", ",") and self.low(k + 1) in ("was", "is")
            ):
                group = Group(k, k, Quantity(1, 1, 1, False, self.text[self.starts[k] : self.ends[k]]), person=True)
            elif low in _REFLEXIVE:
                group = Group(k, k, Quantity(1, 1, 1, False, low), side="perpetrators", person=True, reflexive=True)
            elif low == "other" and self.low(k - 1) not in _TAKES_OTHER:
                # "captured a facilitator and other militants": two people at least, how many untold
                group = self._noun_group(k, k + 1, Quantity(2, None, None, True, "other"), need_person=True)
                if group is not None and not self._plural_head(group):
                    group = None
            elif low == "no":
                group = self._noun_group(k, k + 1, Quantity(0, 0, 0, False, "no"), need_person=True)
                if group is not None and self.low(group.last + 1) in self.lex.zero_nouns:
                    group = None  # "no civilian casualties" is read by _zeros
            if group is None and self._possessed_companion(found, k):
                # "his wife and son were injured": the determiner of the first serves the second
                group = self._noun_group(k, k, Quantity(1, 1, 1, False, ""), need_person=True, singular=True)
            if group is None and low not in stop_words:
                if k == 0 or self._headline_clause_at(k):
                    group = self._headline_group(k) if self.word(k) else None
                elif k in self.headline_items:
                    group = self._bare_singular(k)
                elif lows[k - 1] in before_ends:
                    group = self._named_object(k)  # "killed Taliban leader Saifullah"
                elif lows[k - 1] in ("and", ",") and found and (named := self._named_before(found, k)) is not None:
                    group = self._listed_name(k)  # "killed Roberto Navas and | Juan Lopez"
                    if group is not None:
                        # "Juan Lopez, a journalist, and": the apposition describes him and is no count
                        del found[found.index(named) + 1 :]
            if group is None:
                k += 1
                continue
            if (found and group.quantity.text.lower() == "many" and self.low(group.first - 1) == "as"
                    and self.low(group.first - 2) == "and" and found[-1].quantity.best is not None):
                # "Two police personnel and as many civilians": as many as the group before
                group.quantity, group.first = found[-1].quantity, group.first - 1
            group.subset = group.subset or self._after_subset_marker(group.first) or (
                # "wounding a total of 10, four cops among them"
                bool(found) and self.low(group.first - 1) == "," and self._before_trailing_subset_marker(group.last)
            ) or (
                # "including a woman and a child": the inclusion goes on to the end of its list
                bool(found) and found[-1].subset and found[-1].last + 2 == group.first and lows[group.first - 1] == "and"
                and not self._has_own_verb(group)  # "including two kids and another 14 were wounded"
            )
            if (found and found[-1].last + 2 == group.first and lows[found[-1].last + 1] in self.lex.after
                    and self._describes_part(found[-1], group)):
                self.fared.add(group.first)  # "two others injured one seriously": how some of those before the verb fared
                k = group.last + 1
                continue
            if found and self._possessor_of(found[-1], group):
                # "the wife of an embassy staff member": the member tells whose wife, and is no count
                self.possessors[group.first - 1] = group.last + 1
                k = group.last + 1
                continue
            found.append(group)
            k = group.last + 1
        self._add_leaders(found)
        return found

    def _headline_clause_at(self, k: int) -> bool:
        """Does a headline's clause open at ``k``: after a label and its colon ("Tijuana: | Man executed
        in gym"), or after the comma that ends a clause on its fate ("DAB officer injured, | guard
        killed in Kabul blast")?"""
        before = self.lows[k - 1]
        if before == ":":
            return all(self.name_like(j) or not self.lows[j][0].isalnum() for j in range(k - 1))
        return before == "," and k >= 2 and self.lows[k - 2] in self.lex.after

    def _headline_group(self, k: int = 0) -> Group | None:
        """A headline's bare singular noun: "Man shot to death in Juarez", "Third journalist killed"."""
        group = self._bare_singular(k)
        if group is None:
            return None
        after, items = group.last + 1, []
        while self.low(after) in (",", "and") and (item := self._bare_singular(after + 1)) is not None:
            items.append(after + 1)  # "Prayer leader, ANA official gunned down in Farah": a list of them
            after = item.last + 1
        if self.low(after) == "of":
            # "Relative of El Chapo Guzman murdered in Sinaloa", "Wife of the Mayor Killed": whose, told
            # in a few words before the fate
            j = after + 1
            # "Mother of two killed": a number there tells her children, who are not counted
            while j < min(after + 6, self.n) and (self.word(j) or self.lows[j] == QUANTITY) and not self.fate_at(j):
                j += 1
            if self.fate_at(j):
                after = j
        while self.low(after) in ("was", "is", "has", "been") and after - group.last <= 2:
            after += 1  # "Police officer was killed in an ambush": a headline's noun in a sentence
        if not self.fate_at(after):
            return None  # not "Right-wing extremists mistreat refugee children"
        if any(self.lex.people.get(w, (True,))[0] is False and w not in self.lex.not_single for w in self.lows[k : group.last]):
            return None  # "Militants attack soldier": a plural subject, but "Police officer killed" 
        self.headline_items.update(items)
        return group

    def _bare_singular(self, k: int) -> Group | None:
        """One person told by a singular noun with no determiner, as headlines do ("Man", "Police officer")."""
        group = self._noun_group(k, k, Quantity(1, 1, 1, False, ""), need_person=True, singular=True)
        if group is not None:
            group.quantity = Quantity(1, 1, 1, False, self.text[self.starts[k] : self.ends[group.last]])
        return group

    def _named_object(self, k: int) -> Group | None:
        """One person named with no number after a verb of a category: "killed Taliban leader Saifullah"."""
        if not self.word(k):
            return None
        entry = self.match_backward(k - 1)
        if entry is None:
            return None
        before = k - 1 - len(entry[0])
        if entry[1] == "combined" or self.low(before) in SINGULAR_DETS:
            return None  # not "a killed guard": there the verb describes the noun
        if self.low(before - (self.low(before) == "the")) in self.lex.cause_words:
            return None  # "since the killing of Osama bin Laden": a cause or a memory, not this toll
        return self._named_group(k, k + _NAME_LENGTH)

    def _apposed_title(self, k: int) -> bool:
        """Does a person's title follow at ``k`` in apposition (", SPOKESMAN OF THE MIR", ", A PEASANT LEADER")?"""
        if self.low(k) != ",":
            return False
        j = k + 1 + (self.low(k + 1) in SINGULAR_DETS)
        for m in range(j, min(j + 3, self.n)):
            entry = self.lex.people.get(self.lows[m])
            if entry is not None and entry[0]:
                return True
            if not self.word(m):
                return False
        return False

    def _named_before(self, found: list[Group], k: int) -> Group | None:
        """The person named right before the list word at ``k - 1``, past an age or a description
        set off by commas ("Juan Lopez, 45, and", "Roberto Navas, a journalist, and")."""
        for g in reversed(found[-2:]):
            if not g.named:
                continue
            if g.last == k - 2:
                return g  # "Roberto Navas and | Juan Lopez", "Roberto Navas, | Juan Lopez"
            if self.low(k - 1) == "and" and self._apposition_end(g.last + 1) == k - 2:
                return g  # "Juan Lopez, 45, and | Pedro Gomez"
            return None
        return None

    def _apposition_end(self, k: int) -> int:
        """The comma closing an age or a short description set off after a name (", 45,", ", a
        journalist,"), else ``k``."""
        if self.low(k) != ",":
            return k
        if (self.low(k + 1) == QUANTITY or self.low(k + 1).isdigit()) and self.low(k + 2) == ",":
            return k + 2
        titled = self._apposed_title(k)  # ", third judge of public order,"; ", the district police chief of ...,"
        if self.low(k + 1) in ("a", "an", "the") or titled:
            for end in range(k + 2, min(k + (16 if titled else 8), self.n)):
                low = self.lows[end]
                if low == ",":
                    return end
                if not low[0].isalnum() or low in CLAUSE_WORDS or (
                    low in self.lex.after and not (titled and low in self.lex.prepositions)
                ):
                    break
        return k

    def _listed_name(self, k: int) -> Group | None:
        """A person named after another in a list ("Roberto Navas and Juan Lopez", "Hector Oqueli,
        Gilda Flores"): a title, or a name of two words at least (not "Kabul and Kandahar")."""
        if self._title_case():
            return None  # "Burma Army Kills Woman and Continues Attacks": every word looks like a name
        group = self._named_group(k, k + _NAME_LENGTH)
        return group if group is not None and (group.person or group.last > group.first) else None

    def _title_case(self) -> bool:
        """Is the sentence written as titles are, its verbs and longer function words capitalised
        ("Army Kills Woman and Continues Attacks")? Names are no sign either way."""
        lex = self.lex
        words = [
            self.text[self.starts[k]] for k in range(1, self.n)
            if len(self.lows[k]) > 3 and (self.lows[k] in lex.trigger_words or self.lows[k] in lex.stop_words)
        ]
        return bool(words) and sum(c.isupper() for c in words) * 2 > len(words)

    def _companion_at(self, k: int) -> bool:
        """Does a person follow at ``k`` ("and his son", "and a bodyguard", "and Major Ali Khan",
        "and Juan Lopez" after a name of two words)?"""
        if self.low(k) in SINGULAR_DETS:
            return any(self.low(m) in self.lex.people for m in range(k + 1, k + 4))
        return self._title(k) or (self.name_like(k) and (self._title(k + 1) or self._full_names_around(k)))

    def _full_names_around(self, k: int) -> bool:
        """Are the words before "and" at ``k - 1`` and those from ``k`` both names of two words at least?"""
        return (self.name_like(k + 1) and self.name_like(k - 2) and self.name_like(k - 3)
                and not self.caps and self.low(k - 1) == "and" and not self._title_case())

    def _named_subject(self, k: int) -> Group | None:
        """One person named before "was", "is", "has" or "and": "Jeroen Oerlemans was killed"."""
        j = self._name_start(k)
        if self.low(j - 1) in ("the", "a", "an"):
            return None  # "the CRPF": an organisation, not a person's name
        if self.low(j - 1) in _COPULAS:
            return None  # "one of them was Spanish and seven others were wounded": a predicate
        group = self._named_group(j, k)
        if group is None or group.last != k - 1:
            return None
        if self.lows[k] == "and" and not group.person and group.last == group.first:
            return None  # "Kabul and his son": a one-word name before "and" needs a title
        return group

    def _name_start(self, end: int) -> int:
        """The first token of the name and titles that end just before token ``end`` (``end``
        itself when none do), at most ``_NAME_LENGTH`` tokens back."""
        j = end
        while j > 0 and end - j < _NAME_LENGTH and (self.name_like(j - 1) or self._title(j - 1)):
            j -= 1
        return j

    def _headline_name(self, k: int) -> Group | None:
        """A headline that opens with the person it counts and goes straight on to what befell
        them, with no verb "to be": "Benito Portillo Torres, killed in Culiacán", "Journalist
        Benito Portillo killed in Culiacán". Not in capitals, where every word looks like a name."""
        if self.caps:
            return None
        end = k - 1 if self.lows[k - 1] == "," else k
        j = self._name_start(end)
        if j != 0 or end - j < 2:
            return None  # the name must open the headline and have two words at least
        group = self._named_group(0, end)
        if group is None or group.last != end - 1:
            return None
        group.headline = True
        return group

    def _named_subject_before_clause(self, close: int) -> Group | None:
        """One person named before a relative clause or an apposition that ends at the comma
        ``close``: "Yuri Budanov, who had been convicted of war crimes, | was shot dead",
        "Mayor Harkha Gurung, 45, | was" (an apposition with an article is a group of its own: "Murach, a Taliban leader, was killed")."""
        lows = self.lows
        depth = 0
        for c in range(close - 1, max(0, close - _CLAUSE_LENGTH) - 1, -1):
            if lows[c] in (")", "("):
                depth += 1 if lows[c] == ")" else -1  # "(aka Northern Alliance)" inside the clause
                continue
            if depth > 0:
                continue
            if depth < 0 or lows[c] in (".", ";", ":"):
                return None
            if lows[c] != ",":
                continue
            opener = lows[c + 1]
            if opener not in _CLAUSE_OPENERS and not (opener.isdigit() and c + 2 == close) and not (
                # "Cándido Ríos, a correspondent for a regional newspaper, | was": an apposition
                # longer than its noun, whose person is the one named (a short one, "Murach, a
                # Taliban leader, was killed", is a group of its own)
                opener in ("a", "an") and any(w in self.lex.prepositions for w in lows[c + 2 : close])
            ) and not (lows[close] == "," and lows[close + 1] == "and" and self._apposed_title(c)):
                # "Maria Elena Diaz Perez, third judge of public order, | and two of her bodyguards"
                return None  # the nearest comma opens no clause: "In Kabul, Mohammad Karim, was ..."
            if c == 0 or not self.name_like(c - 1):
                return None
            return self._named_subject(c)
        return None

    def _named_group(self, j: int, stop: int) -> Group | None:
        """Titles and a name from token ``j`` (before ``stop``) as a group of one person.

        The words may be a name ("Jeroen Oerlemans"), titles and a name ("Taliban leader
        Saifullah", "Sufi imam Ilyas Ilyasov") or a bare title ("Hamas commander"); a plural
        person noun at the end ("Afghan soldiers") or a possessive ("Karzai's brother")
        makes them something else. In capitals, where every word looks like a name, a
        title must be among them.
        """
        lex, lows = self.lex, self.lows
        k, title, name, first_title = j, -1, -1, -1
        while k < min(stop, self.n):
            low = lows[k]
            if not self.word(k) or low in lex.not_people or (low in lex.not_single and not self._title(k + 1)):
                break  # but "army colonel Jaime Diaz", "police chief Ali Khan" name one person
            entry = lex.people.get(low)
            if entry is not None and entry[0]:
                title = k
                first_title = k if first_title < 0 else first_title
            elif entry is not None or low in lex.not_single:  # "Taliban leader", "army colonel": a modifier
                pass
            elif self.name_like(k):
                name = k
            elif low in lex.stop_words or self.caps or k + 1 >= self.n or not self.word(k + 1):
                break
            k += 1
        last = k - 1
        if last < j or max(title, name) != last or self.low(k) in ("'s", "’s") or self.low(k) in lex.people:
            return None
        if k < stop and self.word(k) and self.lows[k] not in lex.stop_words:
            return None  # "execution of IED attacks", "executes tactical insurgent operations": a modifier
        if self.caps and title < 0 and not self._apposed_title(last + 1):
            return None  # but "THE MURDER OF JECAR NEGHME, SPOKESMAN OF THE MIR": a title after it
        # the victim is described up to the first title ("Taliban commander" of "Taliban commander
        # Mullah Rahim", "LIBERAL SENATOR"), else by the name
        label = self.text[self.starts[j] : self.ends[first_title if first_title >= 0 else last]]
        side = self._side(j, title) if title >= 0 else None
        if side is None:
            side = next((lex.side_words[w] for w in lows[j:last] if w in lex.side_words), None)
        text = self.text[self.starts[j] : self.ends[last]]
        return Group(j, last, Quantity(1, 1, 1, False, text), label=label, noun=j, side=side, person=title >= 0,
                     has_noun=True, named=True)

    def _quantity_group(self, k: int) -> Group:
        q = self.qs[k]
        assert q is not None
        if self.low(k - 1) == "of" and self.low(k - 2) in ("family", "household"):
            return self._family_of(k, q)  # "an entire family of five"
        first = k - 1 if self.low(k - 1) in ("the", "these", "those", "their", "his", "her", "its", "our") else k
        if self.low(k - 1) == "other" and self.low(k - 2) in ("the", "their", "his", "her", "its"):
            first = k - 2  # "injuring the other 2"
        elif self.low(k - 1) == "other" and self.low(k - 2) in self.lex.before_ends:
            first = k - 1  # "injured other 5 girls"
        j = k + 1
        if self.low(j) == "of" and self.low(j + 1) in _PARTITIVE:
            det = self.low(j + 1)
            if det in _PRONOUN_PARTITIVE:  # "three of them": a part of people named before
                return Group(first, j + 1, q, partitive="them")
            m = j + 2 + (self.low(j + 2) in ("people", QUANTITY))
            if self.low(m) in self.lex.partitive_nouns:  # "two of the dead"
                described = self._noun_group(first, m + 1, q, need_person=True) if self.word(m + 1) else None
                if described is not None:  # "two of the kidnapped officers": people told by their fate
                    described.partitive = self.lex.partitive_nouns[self.low(m)]
                    return described
                return Group(first, m, q, partitive=self.lex.partitive_nouns[self.low(m)])
            if self.low(j + 2) == QUANTITY:  # "one of the two gunmen"
                group = self._noun_group(first, j + 3, q)
                if group is None:
                    return Group(first, j + 2, q)
                group.whole = j + 2
                return group
            group = self._noun_group(first, j + 2 + (self.low(j + 2) == "own"), q)  # "five of its own militants"
            return group if group is not None else Group(first, j + 1, q)
        if self.low(j) == "of" and self.low(j + 1) == QUANTITY and self.word(j + 2):
            # "one of two brothers was killed": one, of the two the text names
            group = self._noun_group(first, j + 2, q)
            if group is not None:
                return group
        if self.low(j) == "of" or (self.low(j) == "the" and q.text.lower() in ("both", "all")):
            j += 1
        a = j + (self.low(j) in _FILLERS and self.low(j + 1) in self.lex.adjectives)  # "seven other wounded people"
        adjective = self.lex.adjectives.get(self.low(a))
        if adjective is not None:
            group = self._noun_group(first, a + 1, q, need_person=True)
            if group is not None:
                group.adjective = adjective
                return group
        group = self._noun_group(first, j, q)
        return group if group is not None else Group(first, k, q)

    def _family_of(self, k: int, q: Quantity) -> Group:
        """ "a family of five", "an entire family of six": the number counts the family's people."""
        first = k - 2
        while self.low(first - 1) in ("entire", "whole", "same", "extended"):
            first -= 1
        if self.low(first - 1) in ("a", "an", "the", "his", "her", "their", "its"):
            first -= 1
        last = k + 1 if self.low(k + 1) in ("people", "persons", "members") else k  # "a family of 5 people"
        return Group(first, last, q, person=True, has_noun=True)

    def _definite_plural(self, k: int) -> Group | None:
        """ "the insurgents", "the armed militants": people a sentence before counted ("several
        armed militants"), with no number here. The group holds only "at least two"; the
        article's reader finds the number where they were first counted (see ``anaphoric``)."""
        if not self.word(k + 1) or self.low(k + 1) in self.lex.stop_words or self.low(k + 1) in _REMAINDER:
            return None  # "the others were killed": the rest, not the people counted before
        if self.low(k - 1) in self.lex.prepositions:
            return None  # "two members of the security forces": a phrase inside another group
        group = self._noun_group(k, k + 1, Quantity(2, None, None, True, "the"), need_person=True)
        if group is None or group.demonym or not self._plural_head(group):
            return None  # only a plural person noun: not "the Afghans", "the leader"
        if self.low(group.last + 1) in ("'s", "’s", "’", "'", "of"):
            return None  # "the insurgents' compound", "the leaders of the cell"
        group.definite = True
        return group

    def _singular_group(self, k: int) -> Group | None:
        low = self.lows[k]
        if self.low(k + 1) == "other" and self.low(k + 2) == QUANTITY:
            return None  # "the other 2": a number follows, which is the group
        adjective = self.lex.adjectives.get(self.low(k + 1)) if low in ("a", "an") else None
        if adjective is not None:  # "an executed man", "a lifeless man", "a wounded soldier": one person, by fate
            group = self._noun_group(k, k + 2, Quantity(1, 1, 1, False, low), need_person=True, singular=True)
            if group is not None:
                group.adjective = adjective
                return group
        adverb = self.low(k + 1).endswith("ly") and self.low(k + 2) in self.lex.after  # "another seriously injured"
        if not self.word(k + 1) or adverb or (
            self.lows[k + 1] in self.lex.stop_words and not self._inner_word(k + 1, -1, True, first=True)
        ):
            if low == "another":
                return Group(k, k, Quantity(1, 1, 1, False, low), person=True)  # "... and another injured"
            return None
        if self.lows[k + 1] in _ORDINALS and low in ("a", "the") and self._ends_noun_phrase(k + 2):
            # "two were killed and a third injured", "killing the first and injuring the second": one
            # more person, counted after others (but "a second bomb" is no person)
            return Group(k, k + 1, Quantity(1, 1, 1, False, self.text[self.starts[k] : self.ends[k + 1]]), person=True)
        if self.lows[k + 1] in _EVENT_NOUNS and self.low(k + 2) not in self.lex.people:
            return None  # "an engagement followed and the insurgent was killed": an event, no person
        if self.low(k + 2) == "of" and self.lows[k + 1] not in self.lex.people and _names_an_act(self.lows[k + 1]):
            return None  # "the deaths of five fighters and the recovery of four rifles": an act, no person
        if low in ("his", "her", "their") and self.lows[k + 1] == "parents" and self._ends_noun_phrase(k + 2):
            return self._two_people(k, k + 1)  # "their parents were injured": a mother and a father
        couple = self._couple_at(k)
        if couple is not None:  # "the couple was slightly injured", "an elderly couple"
            return self._two_people(k, couple)
        possessive = low in ("'s", "’s")
        first = k - 1 if possessive and self.word(k - 1) else k
        # after a preposition only a person noun will do: "died on the spot" has no tentative group
        need_person = possessive or self.low(first - 1) in self.lex.prepositions
        group = self._noun_group(first, k + 1, Quantity(1, 1, 1, False, low), need_person=need_person, singular=True)
        if group is not None and group.tentative and (
            self.lows[group.last] in _EVENT_NOUNS
            or not self.lex.period_units.isdisjoint(self.lows[group.first : group.last + 1])
        ):
            # "killed in the initial bombing and the ensuing firefight": an event, no person; "abducted
            # a few days previously were found beheaded": a time
            return None
        if group is not None and group.tentative and self._participle_object(first):
            return None  # "Two workers repairing the power line were wounded": what they were doing
        return group

    def _participle_object(self, k: int) -> bool:
        """Is the determiner at ``k`` the start of a participle's object, the participle told of
        people counted just before ("Two health workers fighting the Ebola outbreak")? Not a verb
        of a category ("killing the driver")."""
        verb = self.low(k - 1)
        if len(verb) < 5 or not verb.endswith("ing") or verb in self.lex.stop_words or self.match_backward(k - 1) is not None:
            return False
        before = self.low(k - 2)
        return before in self.lex.people

    def _two_people(self, k: int, noun: int) -> Group:
        """Two people named by one noun after the determiner at ``k`` ("their parents", "the couple")."""
        return Group(k, noun, Quantity(2, 2, 2, False, self.lows[k]), label=self.text[self.starts[k + 1] : self.ends[noun]],
                     noun=noun, person=True, has_noun=True)

    def _couple_at(self, k: int) -> int | None:
        """The token of "couple" in a phrase opened by the determiner at ``k`` ("the couple", "a young
        couple", "their couple"), not "a couple of days"."""
        for j in (k + 1, k + 2):
            if self.low(j) == "couple":
                return j if self.low(j + 1) != "of" else None
            if not self.word(j) or self.lows[j] in self.lex.stop_words or self.lows[j] in self.lex.people:
                return None
        return None

    def _possessor_of(self, person: Group, group: Group) -> bool:
        """Is ``group`` the person ``person`` is told by ("the wife of an embassy staff member", "the
        father of two children"), right after "of"? It is then part of that person's description."""
        return (
            group.first >= 2 and self.lows[group.first - 1] == "of" and person.last == group.first - 2
            and person.person and person.quantity.best == 1 and person.partitive is None and not person.named
            and not group.subset
        )

    def _plural_head(self, group: Group) -> bool:
        """Is the group's last word a plural person noun ("militants", not "militant")?"""
        entry = self.lex.people.get(self.lows[group.last])
        return entry is not None and not entry[0]

    def _possessed_companion(self, found: list[Group], k: int) -> bool:
        """Is token ``k`` a bare singular person noun after "and" and a group opened by a
        possessive ("his wife and son"), or inside a list after a group opened by "the" ("the
        commander, facilitator and two of their associates"; not an apposition: "the commander,
        leader of the cell")?"""
        entry = self.lex.people.get(self.lows[k])
        if entry is None or not entry[0] or k < 3 or not found or found[-1].last != k - 2:
            return False
        opener = self.lows[found[-1].first]
        if self.lows[k - 1] == "and":
            return opener in ("his", "her", "their")
        return (
            self.lows[k - 1] == "," and opener == "the" and found[-1].quantity.best == 1
            and self.low(k + 1) in ("and", ",")
        )

    def _ends_noun_phrase(self, k: int) -> bool:
        """Does no noun go on at token ``k``: the sentence's end, a stop word, an adverb or a verb of
        a category ("a third seriously wounded", "the second was injured", "a third injured")?"""
        low = self.low(k)
        return (
            not self.word(k) or low in self.lex.stop_words or low in self.lex.auxiliaries
            or (low.endswith("ly") and len(low) > 4)
            or self.fate_at(k)
        )

    def _after_subset_marker(self, first: int) -> bool:
        k = first - 1
        if self.low(k) in (",", ":"):
            k -= 1
        return any(self.ends_with(marker, k) for marker in self.lex.subset_by_last.get(self.low(k), ()))

    def _before_trailing_subset_marker(self, last: int) -> bool:
        return any(self.starts_with(marker, last + 1) for marker in self.lex.trailing_subsets.get(self.low(last + 1), ()))

    def _add_leaders(self, groups: list[Group]) -> None:
        """'Alaudin and two of his associates were detained': the named man counts too."""
        for index in range(len(groups) - 1, -1, -1):
            g = groups[index]
            possessive = self.low(g.first + 1) == "of" and self.low(g.first + 2) in ("his", "her")
            if not (possessive or self.low(g.last) in self.lex.companions) or self.low(g.first - 1) != "and":
                continue
            k = g.first - 2
            if any(o.first <= k <= o.last for o in groups) or not self.name_like(k):
                continue
            start = k
            while start - 1 >= 0 and k - start < 3 and self.name_like(start - 1):
                start -= 1
            if self.low(start - 1) in _COPULAS:
                continue  # "one of them was Spanish and seven others were wounded": no one named
            name = self.text[self.starts[start] : self.ends[k]]
            groups.insert(index, Group(start, k, Quantity(1, 1, 1, False, name), label=name, person=True,
                                        has_noun=True))

    def chains(self, groups: list[Group]) -> list[list[Group]]:
        chains: list[list[Group]] = []
        for g in groups:
            if chains and (self._closed(chains[-1], g) or self._opens_clause(chains[-1], g)):
                # "two soldiers and a civilian, another 14 were wounded", "killed one soldier and 6 others
                # were injured": the list had ended
                chains.append([g])
            elif chains and self._joined(chains[-1][-1], g):
                chains[-1].append(g)
            elif (len(chains) >= 2 and not g.subset and all(x.subset for x in chains[-1])
                  and self._joined(chains[-2][-1], g, past=chains[-1][-1])):
                # "killing three civilians, including a woman and a child, and 11 soldiers": the list
                # goes on past the groups it includes, which stay after it
                chains[-2].append(g)
                chains[-2], chains[-1] = chains[-1], chains[-2]
            else:
                chains.append([g])
        return self._with_unknown_nouns_listed(chains)

    def _opens_clause(self, chain: list[Group], g: Group) -> bool:
        """Does ``g``, after "and" and with a verb of its own, open a clause rather than go on a list
        that is a verb's object ("killed with bomb one soldier and 6 others were injured", "was killed
        along with three other officers and four other policemen were wounded", "attacked the post and
        two soldiers were wounded")?"""
        # a finite verb after it ("6 others were injured"; not a participle, which may be a modifier: "several
        # suspected insurgents", nor "to")
        if self.lows[g.first - 1] != "and" or self.low(g.last + 1) not in _FINITE or self._has_own_verb(chain[-1]):
            return False
        # the list's first item tells what the list is: an object ("killed two soldiers, a policeman and a
        # civilian, and 6 others were injured"), or what a copula says ("Among the 28 victims were 24
        # soldiers and 4 civilians, and 235 others were wounded")
        return self.an_object(chain[-1]) or self.an_object(chain[0]) or self.low(chain[0].first - 1) in _COPULAS

    def an_object(self, g: Group) -> bool:
        """Is ``g`` the object of a verb a few words before it ("killed with bomb one soldier",
        "attacked the post and two soldiers")?"""
        k = g.first - 1
        for _ in range(_OBJECT_REACH):
            low = self.low(k)
            if not low or not low[0].isalnum() or low in ("and", "or", "but") or low in CLAUSE_WORDS:
                return False
            if (low in self.lex.before_ends and low not in _NOT_VERBS) or (
                k == g.first - 1 and low.endswith("ed") and self.text[self.starts[k]].islower()
            ):
                return True  # a verb of a count, or any verb right before the list ("attacked the post")
            k -= 1
        return False

    def _closed(self, chain: list[Group], g: Group) -> bool:
        """Has the list ``chain`` ended with "and" its last item before ``g``, which follows it after a
        bare comma ("two soldiers and a civilian, another 14 were wounded")?"""
        last = chain[-1]
        return (
            len(chain) >= 2 and self.lows[last.first - 1] == "and" and self.low(last.last + 1) == ","
            and last.last + 2 == g.first
        )

    def _with_unknown_nouns_listed(self, chains: list[list[Group]]) -> list[list[Group]]:
        """Lists whose middle item is a noun not known to name people, joined up: "killed six priests,
        their cook and her daughter" (a list of people, whatever a cook is). The item must stand right
        after a comma, between a counted group of people and the people it is listed with by "and"."""
        out: list[list[Group]] = []
        for chain in chains:
            if out and self._lists_unknown_noun(out[-1][-1], chain):
                out[-1] = out[-1] + chain
            else:
                out.append(chain)
        return out

    def _lists_unknown_noun(self, a: Group, chain: list[Group]) -> bool:
        b, rest = chain[0], chain[1:]
        if not (b.tentative and rest and a.person and not a.tentative) or b.thing or a.definite or a.subset or b.subset:
            return False
        if self.low(a.last + 1) != "," or a.last + 2 != b.first or self.lows[rest[-1].first - 1] != "and":
            return False
        return all(g.person and not g.tentative and not g.definite and not g.subset for g in rest)

    def _after_apposed_name(self, k: int) -> int:
        """The comma closing a name set off after a group (", Mahjur,"), else ``k``."""
        if self.low(k) != "," or not self.name_like(k + 1):
            return k
        end = k + 1
        while end - k <= 5 and (self.name_like(end) or (self.low(end) == "." and len(self.low(end - 1)) == 1)):
            end += 1  # "J. Christopher Stevens": an initial's full stop
        return end if self.low(end) == "," else k

    def _describes_part(self, a: Group, b: Group) -> bool:
        """Is ``b``, a bare number after a comma, a part of ``a`` described by how it fared ("injured
        22, one seriously", "wounding four soldiers, one in critical condition") rather than more
        people of a list? It names no people and goes on to an adverb or "in ... condition"."""
        if a.quantity.best is None or b.quantity.best is None or b.quantity.best >= a.quantity.best:
            return False
        after = b.last + 1
        if b.has_noun and b.noun == b.last and self.low(b.last).endswith("ly"):
            after = b.last  # "one seriously": the adverb was read as the group's noun
        elif b.has_noun:
            return False
        low = self.low(after)
        adverb = low.endswith("ly") and len(low) > 4
        return adverb or (low == "in" and "condition" in self.lows[after + 1 : after + 4])

    def _has_own_verb(self, g: Group) -> bool:
        """Whether a verb or an auxiliary follows the group right away ("four wounded", "14 were")."""
        return self.low(g.last + 1) in self.lex.auxiliaries or self.fate_at(g.last + 1)

    def _relative_clause_in_list(self, k: int, b: Group) -> bool:
        """Whether the relative clause at ``k`` ends right before "and" and ``b``: "killed seven tribal
        fighters who support the government and five policemen"; not "one of the vehicles that was part of
        the caravan was incinerated and a civilian ...", whose clause ends sooner (past the pronoun and
        the clause's own verb, no other verb may follow)."""
        if self.lows[b.first - 1] != "and" or b.tentative:
            return False
        lex = self.lex
        return all(
            w[0].isalnum() and w != QUANTITY and w not in lex.auxiliaries and w not in lex.after
            for w in self.lows[k + 2 : b.first - 1]
        )

    def _joined(self, a: Group, b: Group, *, past: Group | None = None) -> bool:
        """Whether ``b`` goes on the list ``a`` is in ("two soldiers and a policeman"); with ``past``, the
        last group an inclusion after ``a`` names (", including a woman and a child,"), which ``b`` follows."""
        reach = self._apposition_end(a.last + 1) if a.named else a.last  # "Sayed Munir, the district police chief of ..., and"
        if b.subset != a.subset or b.reflexive or b.first - reach > 12 or a.definite or b.definite:
            return False
        if a.thing != b.thing:
            return False  # "Across four districts, 12 civilians were killed": the districts are not counted
        if past is not None:
            if self.low(past.last + 1) != "," or self.low(past.last + 2) != "and" or past.last + 3 != b.first:
                return False
            if self._has_own_verb(b) and (
                self._has_own_verb(a) or self.an_object(a) or not (a.person and b.person)
            ):
                # "three were killed, including a soldier, and four wounded", "killing three, including a
                # soldier, and four were wounded": a count of its own; not "Four policemen, including an
                # officer, and four civilians were injured", whose list is the subject of that verb
                return False
            return not (a.tentative or b.tentative) and (a.quantity.max == 0) == (b.quantity.max == 0)
        if (a.quantity.max == 0) != (b.quantity.max == 0):
            return False  # "the grenade exploded ... and no one was injured": nobody adds to nothing
        if (a.tentative or b.tentative or a.named or b.named) and self.lows[b.first - 1] not in ("and", "with") and not (
            # "Roberto Navas, Juan Lopez and Pedro Gomez": names listed by commas up to the last one
            a.named and b.named and self.lows[b.first - 1] == "," and self.low(b.last + 1) in (",", "and")
        ):
            return False
        if self.lows[b.first - 1] not in self.lex.joiner_ends:
            return False
        k = self._after_apposed_name(a.last + 1)
        if a.named and self.lows[b.first - 1] == "and":
            k = self._apposition_end(k)  # "Juan Lopez, 45, and Pedro Gomez", "Ahmed Khan, 45, and three others"
        if k in self.possessors:
            k = self.possessors[k]  # "the father of two children and his brother"
        elif (self.low(k) in self.lex.prepositions or (self.low(k) == "to" and self.name_like(k + 1))) and not any(
            self.starts_with(j, k) for j in self.lex.joiners
        ):
            # "the ambassador to Libya, J. Christopher Stevens, and three others"
            k = self._after_apposed_name(self._skip_phrase(k))
        if self.low(k) in ("who", "that") and self._relative_clause_in_list(k, b):
            k = b.first - 1
        for joiner in self.lex.joiners:
            if self.starts_with(joiner, k):
                end = k + len(joiner)
                if joiner == [","]:
                    adding = next((j for j in self.lex.joiners if len(j) > 1 and self.starts_with(j, end)), None)
                    if adding is not None:  # "Taliban leader, Mahjur, along with one other insurgent"
                        return end + len(adding) == b.first
                    if self.low(b.last + 1) in self.lex.speech_verbs:
                        return False  # "killing two soldiers, two security sources said"
                    if self.low(end) == "and":
                        end += 1
                    elif b.first in self.headline_items:
                        pass  # "Prayer leader, ANA official gunned down": a headline's bare nouns are a list
                    elif QUANTITY not in (self.lows[b.first], self.low(b.first + 1)) and self.low(b.last + 1) not in (
                        ",", "and"
                    ):
                        return False  # "killed one, a policeman": an apposition, not a list "A, B and C"
                    elif b.partitive == "them":
                        return False  # "12 people, three of them children, ..."
                    elif self._describes_part(a, b):
                        return False  # "injured 22, one seriously", "4 soldiers, one in severe condition"
                return end == b.first
        return False


__all__ = ["GroupReader"]
