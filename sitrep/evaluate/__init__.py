"""Evaluation: sitrep's extraction measured against answer keys and gold data.

:mod:`sitrep.evaluate.answer_key` scores the extraction of the bundled examples
(``examples/``) field by field against their hand-made key (``examples/expected.yaml``)::

    from pathlib import Path
    from sitrep.evaluate import extract_articles, load_key, read_examples, score
    from sitrep.extract.pipeline import Extractor

    extractor = Extractor()
    articles = read_examples(Path("examples"))
    extracted = extract_articles(articles, extractor)
    result = score(load_key(Path("examples/expected.yaml")), extracted, articles=articles,
                   gazetteer=extractor.gazetteer, registry=extractor.registry)
    print(result.table())
"""

from sitrep.evaluate.answer_key import (
    AnswerKey,
    AnswerKeyError,
    KeyArticle,
    KeyIncident,
    KeyScore,
    extract_articles,
    extract_examples,
    key_name,
    load_key,
    parse_key,
    read_examples,
    score,
)
from sitrep.evaluate.key_fields import FieldResult

__all__ = [
    "AnswerKey",
    "AnswerKeyError",
    "FieldResult",
    "KeyArticle",
    "KeyIncident",
    "KeyScore",
    "extract_articles",
    "extract_examples",
    "key_name",
    "load_key",
    "parse_key",
    "read_examples",
    "score",
]
