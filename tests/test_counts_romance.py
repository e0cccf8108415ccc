"""Counts in Spanish, Portuguese and French sentences (sitrep/extract/counts/romance.py)."""

from __future__ import annotations

from datetime import date

import pytest

from sitrep.errors import RegistryError
from sitrep.extract.counts.romance import find_counts_romance, languages_from_data
from sitrep.model import Article


def summary(sentence: str) -> list[tuple[str, int | None, bool]]:
    return [(m.category, m.count.best, m.aggregate) for m in find_counts_romance(sentence)]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # a verb and its object after it, past how and where
        ("Matan a 10 el estilo del narco", [("killed", 10, False)]),
        ("Ejecutan con bazuca a dos en Culiacán", [("killed", 2, False)]),
        ("Asesinan a balazos a un hombre en Tlaquepaque", [("killed", 1, False)]),
        ("Grupo armado asesina en Nuevo León a propietario de table dance", [("killed", 1, False)]),
        ("Matan a agente de EU en Juárez", [("killed", 1, False)]),
        ("Ejecutaron en penal de Sinaloa al “Panda”", [("killed", 1, False)]),
        ("Ejecutan a líder de PRD y hieren a candidato", [("killed", 1, False), ("injured", 1, False)]),
        ("Inicio de año violento en Guanajuato, matan a 13 personas", [("killed", 13, False)]),
        ("PM mata dois suspeitos em Manaus", [("killed", 2, False)]),
        ("Des jihadistes tuent trois soldats au Mali", [("killed", 3, False)]),
        # the people counted, then their fate
        ("Tiroteo en Durango dejó 2 soldados muertos", [("killed", 2, False)]),
        ("Balean auto en el bulevar de Las Naciones; un muerto y dos heridos", [("killed", 1, False), ("injured", 2, False)]),
        ("Treinta y dos muertos en ataque", [("killed", 32, False)]),
        ("Localizan a tres hombres asesinados en Chilapa", [("killed", 3, False)]),
        ("Duas pessoas morrem durante tiroteio em São José de Ribamar", [("killed", 2, False)]),
        ("12 soldats tués dans une embuscade à Djibo", [("killed", 12, False)]),
        # a sum over several incidents or a span of time
        ("Suma Guerrero 30 muertos en 8 días", [("killed", 30, True)]),
        ("Seis muertos, en menos de 24 horas en Tijuana", [("killed", 6, True)]),
        ("No cede la violencia en Zacatecas; van 16 homicidios en diciembre", [("killed", 16, True)]),
        ("Octubre rojo en Ciudad Juárez; matan a 10 el viernes y suman 90 asesinatos",
         [("killed", 10, False), ("killed", 90, True)]),
        ("Matan en Veracruz a 20 durante junio", [("killed", 20, True)]),
        ("En agosto, 79 homicidios diarios: conteo MILENIO", [("killed", 79, True)]),  # a rate
    ],
)
def test_counts_in_spanish_portuguese_and_french(sentence: str, expected: list[tuple[str, int, bool]]) -> None:
    assert summary(sentence) == expected


@pytest.mark.parametrize(
    "sentence",
    [
        "Ejecutan en Durango a militares y retan a curas",  # a plural with no number: how many is not said
        "Asesinan a familia en San Francisco del Rincón",  # a family: how many is not said
        "Cinco integrantes de una familia asesinados en Guerrero",  # "una" belongs to the family
        "Muertos en 2019: el informe anual",  # a year is no count
        "Three people were killed in Kabul.",  # English is the English reader's
    ],
)
def test_no_count_where_the_number_is_not_said(sentence: str) -> None:
    assert find_counts_romance(sentence) == []


def test_the_count_keeps_the_people_and_their_side() -> None:
    (mention,) = find_counts_romance("Tiroteo en Durango dejó 2 soldados muertos")
    assert (mention.victim, mention.side, mention.count.text) == ("soldados", "security forces", "2 soldados muertos")


@pytest.mark.parametrize(
    ("sentence", "victim", "phrase"),
    [
        ("Acribillan a tres sujetos en Chihuahua", "sujetos", "Acribillan a tres sujetos"),
        ("Ejecutan en Juárez a 4 pese a operativo", None, "Ejecutan en Juárez a 4"),  # what follows is no one
        ("Motociclista balea y mata a presunto narcomenudista", "presunto narcomenudista", "mata a presunto narcomenudista"),
    ],
)
def test_the_people_a_verb_counts(sentence: str, victim: str | None, phrase: str) -> None:
    (mention,) = find_counts_romance(sentence)
    assert (mention.victim, mention.count.text) == (victim, phrase)


def test_a_language_file_with_an_unknown_category_is_refused() -> None:
    data = {"languages": {"es": {"numbers": {"dos": 2}, "verbs": {"slain": ["matan"]}, "states": {}, "people": {},
                                 "joiner": "y"}}}
    with pytest.raises(RegistryError, match="unknown category 'slain'"):
        languages_from_data(data)


def test_a_spanish_headline_reports_its_toll(extractor) -> None:  # type: ignore[no-untyped-def]
    article = Article(text="Ejecutan a dos hombres en Apatzingán, Michoacán", published=date(2021, 5, 3))
    (report,) = extractor.extract(article)
    assert report.counts.killed is not None and report.counts.killed.best == 2
    assert report.evidence["counts.killed"].phrase == "Ejecutan a dos hombres"
