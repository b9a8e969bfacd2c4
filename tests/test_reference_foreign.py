"""German, French and Turkish references go to the labeller trained with those languages' terms; English, Russian and
Chinese ones stay with the first model."""

from __future__ import annotations

from volume.references import labeller
from volume.references.parse import parse_note
from volume.references.tokens import tokenize


def _foreign(text: str) -> bool:
    return labeller.foreign(tokenize(text))


def test_the_language_is_told_by_its_words_not_by_particles_of_names():
    assert _foreign("Packer, J.L. 1989. *Auf den Spuren des Heiligen Geistes*. 2. Aufl. Gießen: Brunnen.")
    assert _foreign("Bekiari, Chryssoula, et Pat Riva, dir. 2015. *Définition et mise en correspondance*.")
    assert _foreign("Yılmaz, A. (2019). Türkiye ve Çin ilişkileri. Ankara: Nobel Yayınları.")
    assert not _foreign('Dirk van der Kley and Niva Yau, "How Central Asians Pushed Chinese Firms to Localize," 2021.')
    assert not _foreign('Le Corre, Philippe. "Kazakhs Wary of Chinese Embrace as BRI Gathers Steam." 2019.')
    assert not _foreign("Иванов И. И. Внешняя политика и мир для России. М.: Наука, 2019. 300 с.")


def test_the_foreign_model_is_shipped_and_reads_a_german_book():
    assert labeller.foreign_available()
    note = parse_note("Packer, J.L. 1989. *Auf den Spuren des Heiligen Geistes*. 2. Aufl. Gießen: Brunnen.")
    (work,) = note.works
    assert work["author"] == [{"family": "Packer", "given": "J.L."}] and work["issued"] == {"date-parts": [[1989]]}
    assert (work["title"], work["publisher"], work["publisher-place"]) == ("Auf den Spuren des Heiligen Geistes",
                                                                           "Brunnen", "Gießen")
