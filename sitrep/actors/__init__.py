"""Actors: the registry of armed groups and state forces, mentions in text, and attribution.

>>> from sitrep.actors import ActorRegistry, assess
>>> registry = ActorRegistry.load()
>>> sentence = "ISIS-K claimed responsibility for the attack."
>>> [(m.name, m.parent) for m in registry.find_all(sentence)]
[('Islamic State – Khorasan Province', 'Islamic State')]
>>> assess(sentence, 0, 6).attribution
'claimed'
"""

from sitrep.actors.attribution import (
    ActorAssessment,
    ClaimMention,
    Role,
    assess,
    attribution,
    denied,
    find_claims,
    role,
)
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
    "fold",
    "is_shouting",
    "role",
]
