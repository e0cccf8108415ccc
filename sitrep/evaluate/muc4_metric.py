"""The MUC-4 template-filling metric, as the document-level extraction literature scores it.

Predictions and gold are plain dicts, the JSON form used by the published template
fillers (GTT, GRIT, IterX)::

    predictions = {"TST1-MUC3-0002": [
        {"incident_type": "ATTACK", "PerpInd": [["GUERRILLAS"]], "PerpOrg": [["FMLN"]],
         "Target": [["ELECTRIC POWER SUBSTATION"]], "Victim": [], "Weapon": []}]}
    gold = {"TST1-MUC3-0002": [
        {"incident_type": ["ATTACK"], "optional": False,
         "PerpInd": [{"mentions": ["MEMBERS OF THE FMLN"], "optional": False}], ...}]}
    score = score_templates(predictions, gold)
    score.f1()            # template level, micro over the incident type and the five roles
    score.f1("PerpOrg")   # one role

A predicted filler is a list of mention strings (a bare string is taken as one mention);
it matches a gold entity when every one of its mentions, normalised, is among the gold
entity's alternatives. Normalisation is the literature's: lower case, no punctuation, no
articles (a, an, the), single spaces.

Per document, predicted and gold templates are aligned one to one so that the document's
F1 is as high as possible; a pair is allowed only when the predicted incident type is one
of the gold template's alternatives ("BOMBING / ATTACK"). Within a pair, each role's
fillers are matched one to one (a gold entity is credited once however many predicted
fillers name it; identical predicted mentions count once). The incident type counts as
one more filler per template, so an aligned pair earns one for its type.

Optional parts of the key are handled as the MUC scorer handles them: an optional gold
template left unaligned costs nothing, aligned it counts like any other; an optional gold
filler left unmatched costs nothing, matched it counts. ``optional_counts=True`` scores
them as required instead (the GTT/GRIT scripts ignore the OPTIONAL marks).

Scores are micro-averaged over documents: precision = matched / predicted fillers,
recall = matched / gold fillers, per role and overall.
"""

from __future__ import annotations

import re
import string
from dataclasses import dataclass, field
from typing import Any, Final, Iterable, Mapping, Sequence

from sitrep.evaluate.core import GoldDataError

ROLES: Final[tuple[str, ...]] = ("PerpInd", "PerpOrg", "Target", "Victim", "Weapon")
INCIDENT_TYPE: Final = "incident_type"
"""The key of the incident type in a template dict, and its name among the scored fields."""
FIELDS: Final[tuple[str, ...]] = (INCIDENT_TYPE, *ROLES)

_PUNCTUATION: Final = str.maketrans("", "", string.punctuation)
_ARTICLES: Final = re.compile(r"\b(?:a|an|the)\b")
_MAX_ROUNDS: Final = 20
"""Dinkelbach rounds for the document alignment; it converges in two or three."""
#: Up to this many templates on each side, every alignment is tried (exact); above, Dinkelbach.
_EXHAUSTIVE = 6


def normalize_mention(text: str) -> str:
    """A mention as the literature compares it: lower case, no punctuation, no articles,
    single spaces ("The U.S. Embassy" -> "us embassy")."""
    return " ".join(_ARTICLES.sub(" ", text.lower().translate(_PUNCTUATION)).split())


# -- values -------------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class GoldEntity:
    """One gold role filler: its acceptable mentions (normalised) and whether it is optional."""

    alternatives: frozenset[str]
    optional: bool = False
    shown: tuple[str, ...] = ()  # the mentions as written in the key, for error listings


@dataclass(frozen=True, slots=True)
class GoldTemplate:
    incident_types: frozenset[str]  # acceptable types, upper case
    roles: Mapping[str, tuple[GoldEntity, ...]]
    optional: bool = False


@dataclass(frozen=True, slots=True)
class PredictedTemplate:
    incident_type: str  # upper case
    roles: Mapping[str, tuple[frozenset[str], ...]]  # each filler: its normalised mentions
    shown: Mapping[str, tuple[str, ...]] = field(default_factory=dict)  # fillers as written


@dataclass(frozen=True, slots=True)
class Tally:
    """Matched and total fillers on each side: precision = p_num / p_den, recall = r_num / r_den."""

    p_num: int = 0
    p_den: int = 0
    r_num: int = 0
    r_den: int = 0

    def __add__(self, other: Tally) -> Tally:
        return Tally(self.p_num + other.p_num, self.p_den + other.p_den, self.r_num + other.r_num, self.r_den + other.r_den)

    @property
    def precision(self) -> float:
        return self.p_num / self.p_den if self.p_den else 0.0

    @property
    def recall(self) -> float:
        return self.r_num / self.r_den if self.r_den else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass(frozen=True, slots=True)
class RoleMatch:
    """How one role's fillers of an aligned pair (or of an unaligned template) came out."""

    role: str
    matched: tuple[tuple[int, int], ...]  # (predicted filler index, gold entity index)
    missed: tuple[int, ...]  # required gold entities left unmatched
    spurious: tuple[int, ...]  # predicted fillers that matched nothing


@dataclass(frozen=True, slots=True)
class DocumentScore:
    """One document: its tallies per field and the alignment behind them."""

    tallies: Mapping[str, Tally]
    pairs: tuple[tuple[int, int], ...]  # (predicted template index, gold template index)
    unaligned_predicted: tuple[int, ...]
    unaligned_gold: tuple[int, ...]  # required gold templates left unaligned
    role_matches: Mapping[tuple[int, int], tuple[RoleMatch, ...]]  # per aligned pair

    @property
    def total(self) -> Tally:
        return _sum(self.tallies.values())


@dataclass(frozen=True, slots=True)
class TemplateScore:
    """Micro-averaged tallies over a set of documents."""

    tallies: Mapping[str, Tally]
    documents: int

    @property
    def total(self) -> Tally:
        return _sum(self.tallies.values())

    def f1(self, name: str | None = None) -> float:
        """Template-level F1 (``None``), or one field's: "incident_type" or a role."""
        return (self.total if name is None else self.tallies[name]).f1


# -- parsing the dict form -------------------------------------------------------------------
def gold_template(data: Mapping[str, Any]) -> GoldTemplate:
    """A gold template from its dict: ``incident_type`` (a string with "/" alternatives or a
    list), ``optional``, and per role a list of entities, each ``{"mentions": [...],
    "optional": bool}`` or a plain list of alternative mentions."""
    types = data.get(INCIDENT_TYPE)
    if isinstance(types, str):
        types = types.split("/")
    if not types or not all(isinstance(t, str) for t in types):
        raise GoldDataError(f"a gold template needs an incident type, got {data.get(INCIDENT_TYPE)!r}")
    roles: dict[str, tuple[GoldEntity, ...]] = {}
    for role in ROLES:
        entities: list[GoldEntity] = []
        for raw in data.get(role) or ():
            mentions, optional = (raw.get("mentions"), bool(raw.get("optional"))) if isinstance(raw, Mapping) else (raw, False)
            if isinstance(mentions, str) or not mentions or not all(isinstance(m, str) for m in mentions):
                raise GoldDataError(f"a gold {role} entity needs a list of mentions, got {raw!r}")
            alternatives = frozenset(n for n in map(normalize_mention, mentions) if n)
            entity = GoldEntity(alternatives, optional, tuple(mentions))
            if alternatives and all(e.alternatives != alternatives for e in entities):
                entities.append(entity)
        roles[role] = tuple(entities)
    return GoldTemplate(frozenset(t.strip().upper() for t in types if t.strip()), roles, bool(data.get("optional")))


def predicted_template(data: Mapping[str, Any]) -> PredictedTemplate:
    """A predicted template from its dict: ``incident_type`` and per role a list of fillers,
    each a list of mention strings or one string. Fillers that normalise alike count once."""
    kind = data.get(INCIDENT_TYPE)
    if not isinstance(kind, str) or not kind.strip():
        raise GoldDataError(f"a predicted template needs an incident type, got {kind!r}")
    roles: dict[str, tuple[frozenset[str], ...]] = {}
    shown: dict[str, tuple[str, ...]] = {}
    for role in ROLES:
        fillers: list[frozenset[str]] = []
        written: list[str] = []
        for raw in data.get(role) or ():
            mentions = [raw] if isinstance(raw, str) else raw
            if not isinstance(mentions, (list, tuple)) or not all(isinstance(m, str) for m in mentions):
                raise GoldDataError(f"a predicted {role} filler must be a string or a list of strings, got {raw!r}")
            normal = frozenset(n for n in map(normalize_mention, mentions) if n)
            if normal and normal not in fillers:
                fillers.append(normal)
                written.append(" / ".join(mentions))
        roles[role] = tuple(fillers)
        shown[role] = tuple(written)
    return PredictedTemplate(kind.strip().upper(), roles, shown)


# -- scoring ------------------------------------------------------------------------------
def score_templates(
    predictions: Mapping[str, Sequence[Mapping[str, Any]]],
    gold: Mapping[str, Sequence[Mapping[str, Any]]],
    *,
    optional_counts: bool = False,
) -> TemplateScore:
    """Micro-averaged precision, recall and F1 over the documents of ``gold`` (a document
    with no gold template is scored too: whatever is predicted there is spurious).
    Predictions for documents not in ``gold`` are not scored."""
    tallies = {name: Tally() for name in FIELDS}
    for doc_id, gold_templates in gold.items():
        doc = score_document(
            [predicted_template(t) for t in predictions.get(doc_id, ())],
            [gold_template(t) for t in gold_templates],
            optional_counts=optional_counts,
        )
        for name in FIELDS:
            tallies[name] = tallies[name] + doc.tallies[name]
    return TemplateScore(tallies, len(gold))


def score_document(
    predicted: Sequence[PredictedTemplate],
    gold: Sequence[GoldTemplate],
    *,
    optional_counts: bool = False,
) -> DocumentScore:
    """Align one document's templates one to one for the best document F1 and tally them.

    The F1 of an alignment is a ratio (2 x matched / (predicted + gold)), so it is
    maximised by Dinkelbach's method: for a guess ``f`` of the best F1, the alignment
    maximising ``2 x matched - f x (predicted + gold)`` is found with the Hungarian
    algorithm; its F1 becomes the next guess, until the guess stops improving.
    """
    if optional_counts:
        gold = [_required(t) for t in gold]
    # what each possible pair would earn: role matches, matched fillers, gold fillers counted
    candidates: dict[tuple[int, int], tuple[tuple[RoleMatch, ...], int, int]] = {}
    for i, p in enumerate(predicted):
        for j, g in enumerate(gold):
            if p.incident_type in g.incident_types:
                candidates[i, j] = _pair(p, g)
    p_total = sum(1 + sum(len(p.roles[r]) for r in ROLES) for p in predicted)
    alone = [0 if g.optional else 1 + sum(1 for r in ROLES for e in g.roles[r] if not e.optional) for g in gold]

    def value(pairs: Iterable[tuple[int, int]]) -> tuple[int, int]:
        chosen = list(pairs)
        matched = sum(candidates[k][1] for k in chosen)
        gold_count = sum(alone) + sum(candidates[i, j][2] - alone[j] for i, j in chosen)
        return matched, gold_count

    if len(predicted) <= _EXHAUSTIVE and len(gold) <= _EXHAUSTIVE:
        return _best_exhaustive(predicted, gold, candidates)
    best: list[tuple[int, int]] = []
    best_f1 = -1.0
    guess = 0.0
    for _ in range(_MAX_ROUNDS):
        weights = [
            [
                2 * candidates[i, j][1] - guess * (candidates[i, j][2] - alone[j]) if (i, j) in candidates else 0.0
                for j in range(len(gold))
            ]
            for i in range(len(predicted))
        ]
        pairs = [(i, j) for i, j in assign(weights) if (i, j) in candidates and weights[i][j] > 0]
        matched, gold_count = value(pairs)
        f1 = 2 * matched / (p_total + gold_count) if p_total + gold_count else 0.0
        if f1 <= best_f1 + 1e-12:
            break
        best, best_f1, guess = pairs, f1, f1
    return _tally(predicted, gold, best, candidates)


def _best_exhaustive(
    predicted: Sequence[PredictedTemplate],
    gold: Sequence[GoldTemplate],
    candidates: Mapping[tuple[int, int], tuple[tuple[RoleMatch, ...], int, int]],
) -> DocumentScore:
    """Every one-to-one alignment of the allowed pairs, scored exactly as reported: the best."""
    best: DocumentScore | None = None
    best_key: tuple[float, int] = (-1.0, 0)

    def search(i: int, used: frozenset[int], pairs: list[tuple[int, int]]) -> None:
        nonlocal best, best_key
        if i == len(predicted):
            scored = _tally(predicted, gold, list(pairs), candidates)
            total = scored.total
            key = (total.f1, -len(pairs))
            if key > best_key:
                best, best_key = scored, key
            return
        search(i + 1, used, pairs)
        for j in range(len(gold)):
            if j not in used and (i, j) in candidates:
                pairs.append((i, j))
                search(i + 1, used | {j}, pairs)
                pairs.pop()

    search(0, frozenset(), [])
    assert best is not None
    return best


def tally_alignment(
    predicted: Sequence[PredictedTemplate],
    gold: Sequence[GoldTemplate],
    pairs: Sequence[tuple[int, int]],
) -> DocumentScore:
    """Tally one given alignment (pairs of predicted and gold template indices); a pair
    whose incident types disagree is refused with ValueError."""
    if len({i for i, _ in pairs}) < len(pairs) or len({j for _, j in pairs}) < len(pairs):
        raise ValueError("an alignment pairs each template at most once")
    candidates = {}
    for i, j in pairs:
        if predicted[i].incident_type not in gold[j].incident_types:
            raise ValueError(f"template {i} ({predicted[i].incident_type}) cannot pair with a {sorted(gold[j].incident_types)} key")
        candidates[i, j] = _pair(predicted[i], gold[j])
    return _tally(predicted, gold, list(pairs), candidates)


def _required(template: GoldTemplate) -> GoldTemplate:
    roles = {r: tuple(GoldEntity(e.alternatives, False, e.shown) for e in es) for r, es in template.roles.items()}
    return GoldTemplate(template.incident_types, roles, False)


def _pair(p: PredictedTemplate, g: GoldTemplate) -> tuple[tuple[RoleMatch, ...], int, int]:
    """The role matches of a candidate pair, its matched count (type included) and the
    number of gold fillers it counts (type, required entities, matched optional ones)."""
    matches = tuple(_match_role(role, p.roles[role], g.roles[role]) for role in ROLES)
    matched = 1 + sum(len(m.matched) for m in matches)
    counted = 1 + sum(
        sum(1 for e in g.roles[m.role] if not e.optional) + sum(1 for _, j in m.matched if g.roles[m.role][j].optional)
        for m in matches
    )
    return matches, matched, counted


def _match_role(role: str, fillers: Sequence[frozenset[str]], entities: Sequence[GoldEntity]) -> RoleMatch:
    """One-to-one matching of predicted fillers with gold entities: as many matches as
    possible, and among those as many required entities as possible."""
    if fillers and entities:
        bonus = len(entities) + 1
        weights = [
            [float(bonus + (0 if e.optional else 1)) if f <= e.alternatives else 0.0 for e in entities] for f in fillers
        ]
        matched = tuple((i, j) for i, j in assign(weights) if weights[i][j] > 0)
    else:
        matched = ()
    used_p = {i for i, _ in matched}
    used_g = {j for _, j in matched}
    missed = tuple(j for j, e in enumerate(entities) if j not in used_g and not e.optional)
    spurious = tuple(i for i in range(len(fillers)) if i not in used_p)
    return RoleMatch(role, matched, missed, spurious)


def _tally(
    predicted: Sequence[PredictedTemplate],
    gold: Sequence[GoldTemplate],
    pairs: Sequence[tuple[int, int]],
    candidates: Mapping[tuple[int, int], tuple[tuple[RoleMatch, ...], int, int]],
) -> DocumentScore:
    counts = {name: [0, 0, 0, 0] for name in FIELDS}  # p_num, p_den, r_num, r_den
    for p in predicted:
        counts[INCIDENT_TYPE][1] += 1
        for role in ROLES:
            counts[role][1] += len(p.roles[role])
    aligned_gold = {j for _, j in pairs}
    for j, g in enumerate(gold):
        if j in aligned_gold or not g.optional:
            counts[INCIDENT_TYPE][3] += 1
            for role in ROLES:
                counts[role][3] += sum(1 for e in g.roles[role] if not e.optional)
    role_matches: dict[tuple[int, int], tuple[RoleMatch, ...]] = {}
    for i, j in pairs:
        matches = candidates[i, j][0]
        role_matches[i, j] = matches
        counts[INCIDENT_TYPE][0] += 1
        counts[INCIDENT_TYPE][2] += 1
        for m in matches:
            counts[m.role][0] += len(m.matched)
            counts[m.role][2] += len(m.matched)
            counts[m.role][3] += sum(1 for _, k in m.matched if gold[j].roles[m.role][k].optional)
    aligned_pred = {i for i, _ in pairs}
    return DocumentScore(
        tallies={name: Tally(*c) for name, c in counts.items()},
        pairs=tuple(sorted(pairs)),
        unaligned_predicted=tuple(i for i in range(len(predicted)) if i not in aligned_pred),
        unaligned_gold=tuple(j for j, g in enumerate(gold) if j not in aligned_gold and not g.optional),
        role_matches=role_matches,
    )


def _sum(tallies: Iterable[Tally]) -> Tally:
    total = Tally()
    for t in tallies:
        total = total + t
    return total


# -- the assignment problem -----------------------------------------------------------------
def assign(weights: Sequence[Sequence[float]]) -> list[tuple[int, int]]:
    """A maximum-weight one-to-one assignment of rows to columns (Hungarian algorithm,
    O(n^2 m)): (row, column) pairs, every row of the smaller side assigned. Weights must be
    finite; callers drop the pairs whose weight says "no match"."""
    n_rows = len(weights)
    n_cols = len(weights[0]) if n_rows else 0
    if not n_rows or not n_cols:
        return []
    transposed = n_rows > n_cols
    if transposed:
        weights = [[weights[i][j] for i in range(n_rows)] for j in range(n_cols)]
        n_rows, n_cols = n_cols, n_rows
    top = max(max(row) for row in weights)
    cost = [[top - w for w in row] for row in weights]  # minimise cost = maximise weight
    # potentials u (rows) and v (columns), 1-based with a virtual column 0
    u = [0.0] * (n_rows + 1)
    v = [0.0] * (n_cols + 1)
    owner = [0] * (n_cols + 1)  # owner[j]: the row assigned to column j (0: none)
    way = [0] * (n_cols + 1)
    for row in range(1, n_rows + 1):
        owner[0] = row
        col = 0
        slack = [float("inf")] * (n_cols + 1)
        used = [False] * (n_cols + 1)
        while True:
            used[col] = True
            i = owner[col]
            delta = float("inf")
            nxt = 0
            for j in range(1, n_cols + 1):
                if not used[j]:
                    reduced = cost[i - 1][j - 1] - u[i] - v[j]
                    if reduced < slack[j]:
                        slack[j] = reduced
                        way[j] = col
                    if slack[j] < delta:
                        delta = slack[j]
                        nxt = j
            for j in range(n_cols + 1):
                if used[j]:
                    u[owner[j]] += delta
                    v[j] -= delta
                else:
                    slack[j] -= delta
            col = nxt
            if owner[col] == 0:
                break
        while col:
            prev = way[col]
            owner[col] = owner[prev]
            col = prev
    pairs = [(owner[j] - 1, j - 1) for j in range(1, n_cols + 1) if owner[j]]
    if transposed:
        pairs = [(j, i) for i, j in pairs]
    return sorted(pairs)
