"""sitrep: sourced, deduplicated political-violence incidents from news articles."""

__version__ = "0.1.0"
