"""Actors: the registry of armed groups and state forces, mentions in text, and attribution.

>>> from sitrep.actors import ActorRegistry, assess
>>> registry = ActorRegistry.load()
>>> sentence = "ISIS-K claimed responsibility for the attack."
>>> [(m.name, m.parent) for m in registry.find_all(sentence)]
[('Islamic State – Khorasan Province', 'Islamic State')]
>>> assess(sentence, 0, 6).attribution
'claimed'

The modules, in the order a sentence meets them: ``text`` (folding, tokens, tries),
``files`` (reading the YAML), ``unnamed`` (the unnamed-actor lexicon), ``registry``
(entries, lookups, mentions), ``cues`` (the compiled attribution grammar),
``attribution`` (role and attribution of one mention), ``claims`` (claims of
responsibility in a sentence) and ``references`` ("the group": references to a group
named earlier, for the caller to resolve).
"""

from sitrep.actors.attribution import ActorAssessment, Role, assess, attribution, denied, role
from sitrep.actors.claims import ClaimMention, find_claims
from sitrep.actors.references import find_group_references
from sitrep.actors.registry import (
    ACTOR_TYPES,
    UNNAMED_TYPES,
    Actor,
    ActorMention,
    ActorRegistry,
    UnknownActor,
    default_registry,
    fold,
    is_shouting,
)

__all__ = [
    "ACTOR_TYPES",
    "UNNAMED_TYPES",
    "Actor",
    "ActorAssessment",
    "ActorMention",
    "ActorRegistry",
    "ClaimMention",
    "Role",
    "UnknownActor",
    "assess",
    "attribution",
    "default_registry",
    "denied",
    "find_claims",
    "find_group_references",
    "fold",
    "is_shouting",
    "role",
]
