"""Casualty and detention counts in one sentence: killed, injured, arrested, kidnapped.

:func:`find_counts` reads a sentence with word lists and a few patterns (no
parser), so it costs tens of microseconds per sentence. It finds *groups* — a
quantity and the people it counts ("nearly 140 people", "a policeman", "two of
his associates") — and links each to a verb or noun of a category:

* before the group: "killed nearly 140 people", "the bodies of 12", "abducted 276 schoolgirls";
* after it, perhaps past "were", "have been", an appositive, a place, a participle
  phrase or a short relative clause: "four suspects from Tajikistan were arrested",
  "four suspects, all citizens of Tajikistan, had been arrested", "three soldiers
  backed by the UAE were killed", "three soldiers who were in the car were killed",
  "12 people died", "at least 60 dead", "more than 180 were being treated for their
  injuries", and past other verbs joined to the verb of the category ("were tortured
  and killed"); a gap in a phrase of the data file stands for a few free words
  ("suffered gunshot wounds" matches "suffered ... wounds");
* around it: "took 20 people hostage", "took 5 suspects into custody";
* a noun right after the number: "143 deaths", "30 injuries";
* a running toll: "the death toll rose to 143" (marked ``cumulative``).

A group is a number and its noun, a singular noun after "a", "the" or "his" ("a
policeman"; "a shepherd" only before a passive verb; "his wife and son": the possessive
serves both), an ordinal with no noun after it, one more person after others ("two were
killed and a third injured"; not "a second bomb"), one person named with no
number ("killed Taliban leader Saifullah", "Jeroen Oerlemans was killed": a name,
titles before it, or a bare title; in capitals a title is needed), or a headline's
bare singular noun before its verb ("Man shot to death in Juarez", "Third
journalist killed"). A named person whose death is given as a cause or a memory
("since the killing of Osama bin Laden") is not counted.

People an "of" phrase names to tell whose someone is are no group ("the wife of an embassy
staff member and three other people" is four; "the father of two children was killed" is
one), nor is a name after "was" ("one of them was Spanish and seven others were wounded"),
nor a bare number after a comma that tells how some of those counted fared ("injured 22,
one seriously" is 22).

Groups joined by "and" or commas add up into one count whose ``parts`` keep
each group ("killed 13 American soldiers and nearly 170 civilians" -> killed
183, parts 13 soldiers / 170 civilians). Groups after "including", "among them"
or "of whom" are parts of a count already made and are not added again; nor
are the groups of an appositive that only describes the people just counted
("three aid workers, two Kenyans and a Somali" is three). A group right before a
verb of saying is a speaker ("killing two soldiers, two security sources said"
is two). Each group is used by at most one mention.

Two counts of one category joined by "and" add up too ("captured a Taliban
leader and detained two suspected insurgents" is three arrested), except the
killed or injured of the attackers' side beside their victims'. People injured
and then killed ("was beaten and shot dead", "was stabbed and later died") are
killed only.

Zero counts come from "no one was injured", "no civilians were harmed", "there
were no casualties" (killed 0 and injured 0), "had not harmed any civilians" and
"the crew of 21 were unharmed" (injured 0; the 21 is not a count).

Counts of killed *and* injured together ("killed or wounded 30", "30
casualties") cannot be split. They are reported once per category with
``combined=True``, ``best`` None, ``min`` None and ``max`` the combined upper
bound, so that no figure is counted twice; a reader of the mention can still
show the phrase.

A perpetrator who kills himself ("the bomber blew himself up") is a killed count
of one on the side "perpetrators"; when the same sentence gives the victims'
toll ("..., killing 13 American soldiers and nearly 170 civilians"), only that
toll is reported. "killed himself and eight others" is nine: the text adds them,
and so does a list after the verb: "was killed along with his driver and two
bodyguards" is four.

Running and overall tolls: a toll phrase ("the death toll has risen to 31"), a
total ("bringing the total to 143") or a cue beside the count ("so far", "in
all") marks a count ``cumulative``: it replaces earlier figures of the same
incident. A cue of many incidents or a period ("since 2009", "since the start of
the war", "over the past two years", "so far this year"), a campaign as the
subject ("the insurgency has killed ...") or a round-up of three operations or
more ("detained more than 10 suspects during four operations") also marks it
``aggregate``: the toll of no single incident. The opposite cue, a count that adds to the figures before
it ("one additional suspected insurgent was detained", "the force also detained
two suspects", "another 25 were wounded"), marks it ``additional``.

Hypothetical counts are dropped: a count governed by "could/would/might have" or a
modal right before its verb ("could have caused a chain reaction, killing
thousands", "would have killed hundreds") or after a threat ("threatened to kill
the 12 hostages") is no toll of anything that happened; whether the incident itself
happened is for the realis stage.

A definite plural ("the security force engaged and killed the insurgents") names people
counted before, if at all: its mention is marked ``anaphoric`` and holds no number of its
own; :func:`find_antecedent` finds where a few sentences before those people were counted
("identified multiple armed insurgents"), and the article's reader takes that count or,
finding none, drops the mention ("the attackers were killed" says no number).

What is *not* counted: numbers that are years, times, dates, ages, labels or
measures (see :mod:`sitrep.extract.numbers`); "all" without a number; "two of the dead were
children" (a part of the dead, not a new total); animals ("killing a sniffer dog").

"More than N" is N+1, the bound the words state (why, and how coders differ: see
:mod:`sitrep.extract.numbers`).

The package: :mod:`~sitrep.extract.counts.lexicon` (the word lists of
``count_words.yaml``), :mod:`~sitrep.extract.counts.sentence` (tokens and noun
phrases), :mod:`~sitrep.extract.counts.groups` (the groups of people and their
lists), :mod:`~sitrep.extract.counts.links` (their verbs),
:mod:`~sitrep.extract.counts.reader` (both, for one sentence) and
:mod:`~sitrep.extract.counts.mentions` (counts from links).
"""

from __future__ import annotations

from sitrep.extract.counts.lexicon import SIDES, CountLexicon, default_lexicon
from sitrep.extract.counts.mentions import CountMention, find_antecedent, find_counts

__all__ = ["CountLexicon", "CountMention", "SIDES", "default_lexicon", "find_antecedent", "find_counts"]
