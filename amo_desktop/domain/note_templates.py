"""The standard note template of each contact type as shipped: headings a coach writes under."""

from __future__ import annotations

from amo_desktop.domain.enums import ContactType

# (content, observations, agreements, next_steps): short headings, each followed by a line to
# write on, in the order a coach tells the story of a session.
Texts = tuple[str, str, str, str]

_INDIVIDUAL: Texts = (
    "Aanleiding / hulpvraag van vandaag:\n\nWat hebben we besproken:\n\n"
    "Wat zegt de jongere zelf:\n",
    "Hoe kwam de jongere over (stemming, houding):\n\nSterktes die we zagen:\n\n"
    "Zorgen of signalen:\n",
    "Wat doet de jongere:\n\nWat doe ik (coach):\n\nWat doet de school / het netwerk:\n",
    "Volgend contact (wanneer, waar):\n\nWie moet nog iets weten:\n",
)

_CLASS: Texts = (
    "Klas en thema:\n\nWat hebben we gedaan (werkvormen):\n",
    "Sfeer en groepsdynamiek:\n\nWat viel op bij enkele leerlingen (zonder namen):\n",
    "Afspraken met de leerkracht / de klas:\n",
    "Volgende sessie (thema, datum):\n\nTerugkoppeling naar de school:\n",
)

_GROUP: Texts = (
    "Groep, thema en sessie (bv. weerbaarheidstraining, sessie 2 van 6):\n\n"
    "Wat hebben we gedaan (oefeningen, werkvormen):\n",
    "Deelname en sfeer:\n\nWat ging goed, wat was moeilijk:\n\nIndividuele signalen:\n",
    "Afspraken met de groep / opdracht tegen de volgende keer:\n",
    "Voorbereiding volgende sessie:\n\nWie volgen we apart op:\n",
)

_MEETING: Texts = (
    "Aanwezig:\n\nAanleiding en agenda:\n\nWat is besproken:\n",
    "Hoe kijkt de school / de partner naar de situatie:\n\nVerschillen in visie:\n",
    "Wie doet wat, tegen wanneer:\n",
    "Volgend overleg:\n\nWat koppelen we terug aan de jongere en de ouders:\n",
)

_HOME: Texts = (
    "Aanwezig:\n\nAanleiding van het huisbezoek:\n\nWat is besproken:\n",
    "Thuissituatie zoals we ze zagen:\n\nSterktes in het gezin:\n\nZorgen of signalen:\n",
    "Afspraken met de jongere en de ouders:\n",
    "Volgend contact:\n\nDoorverwijzing of overleg nodig:\n",
)

_SHORT: Texts = (
    "Aanleiding:\n\nWat is besproken:\n",
    "Wat viel op:\n",
    "Wie doet wat:\n",
    "Volgende stap:\n",
)

_ADMIN: Texts = ("Wat is gedaan:\n", "", "", "Nog te doen:\n")

DEFAULT_TEXTS: dict[str, Texts] = {
    ContactType.INDIVIDUEEL_GESPREK.value: _INDIVIDUAL,
    ContactType.KLASSESSIE.value: _CLASS,
    ContactType.GROEPSSESSIE.value: _GROUP,
    ContactType.RONDETAFEL.value: _MEETING,
    ContactType.OVERLEG_SCHOOL.value: _MEETING,
    ContactType.OVERLEG_CLB.value: _MEETING,
    ContactType.OVERLEG_PARTNER.value: _MEETING,
    ContactType.HUISBEZOEK.value: _HOME,
    ContactType.OUTREACH.value: _SHORT,
    ContactType.TELEFONISCH.value: _SHORT,
    ContactType.ADMINISTRATIE.value: _ADMIN,
}


def default_texts(contact_type: str) -> Texts:
    """The shipped texts; a contact type added later starts from the short template."""
    return DEFAULT_TEXTS.get(contact_type, _SHORT)
