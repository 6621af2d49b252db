"""'Begrippen': the definitions behind the figures, in plain Dutch, on the report itself (the
reader outside the team has no access to docs/figures.md, which says the same for developers)."""

from __future__ import annotations

from reportlab.platypus import CondPageBreak, Flowable, KeepTogether, Paragraph

from amo_desktop.reports.style import styles

TERMS: tuple[tuple[str, str], ...] = (
    (
        "Schooljaar",
        "1 september tot 31 augustus. <i>tot nu</i>: het schooljaar loopt nog; de cijfers "
        "tellen tot de dag waarop het rapport gemaakt is.",
    ),
    (
        "Aanmelding",
        "Een vraag over één jongere, klas, groep, leerkracht of team, of school; geteld op de "
        "dag dat ze binnenkwam. Een nieuwe aanmelding voor dezelfde jongere telt opnieuw.",
    ),
    (
        "Graad",
        "Volgens het leerjaar waarin de jongere (of de klas) dat schooljaar ingeschreven is; "
        "zonder leerjaar: <i>Onbekend</i>.",
    ),
    (
        "Op de wachtlijst",
        "Aanmeldingen die op de laatste dag van de periode op de wachtlijst stonden, zoals het "
        "toen was (loopt de periode nog: vandaag).",
    ),
    (
        "Wachttijd",
        "Van de dag van aanmelding tot die laatste dag. In kalenderdagen en in schooldagen: "
        "weekdagen zonder schoolvakantie, feestdag of vrije dag van de school. De dag van "
        "aanmelding telt niet mee, de laatste dag wel.",
    ),
    (
        "Tijd tot de start",
        "Van de dag van aanmelding tot de start van de begeleiding, voor wie in de periode "
        "startte; in kalender- en schooldagen. <i>Mediaan</i>: de helft wachtte korter, de "
        "helft langer. <i>Langste</i>: wie het langst wachtte.",
    ),
    (
        "Lopend traject",
        "Gestart op of voor de laatste dag van de periode en toen nog niet afgesloten. Een "
        "gepland traject dat nog niet startte, loopt niet. Start een aanmelding niet (niet "
        "gestart, ingetrokken, doorverwezen), dan wordt haar gepland traject geannuleerd.",
    ),
    (
        "Afgesloten traject",
        "Een traject met een einddatum in de periode. Zonder afsluitreden telt het bij "
        "<i>Andere</i>, zonder schoolpositie bij <i>Onbekend</i>.",
    ),
    (
        "Begeleidingsuren",
        "De duur van gegeven contactmomenten in de periode, tot de dag van het rapport. "
        "Geannuleerde momenten tellen niet; kwam de jongere niet opdagen, dan telt de tijd "
        "van de begeleider wel.",
    ),
    (
        "Recht (uren)",
        "Het deel van de school in de uren van de urenoverdracht, naar verhouding van de "
        "uren-leraar die ze afstond, plus de uren die met een andere financier voor de "
        "school afgesproken zijn.",
    ),
    (
        "Gebruikt en gepland",
        "Gebruikt: gegeven uren van het schooljaar tot de dag van het rapport. Gepland: uren "
        "die nog in de agenda staan. Elk ook als percentage van het recht; ⚠ als ze samen "
        "80\u00a0% of meer van het recht zijn.",
    ),
    (
        "Bereik",
        "Jongeren met minstens één gegeven contactmoment in hun traject, en de leerlingen van "
        "klassen met minstens één gegeven contactmoment.",
    ),
    (
        "Doelen bereikt",
        "Doelen die in de periode als bereikt geëvalueerd zijn, van alle doelen die in de "
        "periode geëvalueerd zijn.",
    ),
    (
        "Getallen",
        "Een komma voor decimalen en een punt per duizendtal (1.234,5 uur); hele getallen "
        "zonder decimalen.",
    ),
)


def glossary(heading: str = "Begrippen") -> list[Flowable]:
    """The 'Begrippen' block; starts on a new page unless most of one is still free."""
    st = styles()
    return [
        CondPageBreak(st["h1"].leading * 30),
        KeepTogether(
            [
                Paragraph(heading, st["h1"]),
                *[Paragraph(f"<b>{term}</b>: {text}", st["body"]) for term, text in TERMS],
            ]
        ),
    ]
