"""Enumerations as stable codes with their Dutch (nl-BE) labels; the database stores only codes."""

from __future__ import annotations

from enum import StrEnum
from typing import Any, Self


class LabeledEnum(StrEnum):
    """A code stored in the database plus the label the user reads."""

    label: str

    def __new__(cls, code: str, label: str = "") -> Self:
        member = str.__new__(cls, code)
        member._value_ = code
        member.label = label
        return member

    @classmethod
    def parse(cls, value: str) -> Any:
        """A member from its code or its label (case-insensitive), or ValueError."""
        wanted = value.strip().casefold()
        for member in cls:
            if wanted in (member.value.casefold(), member.label.casefold()):
                return member
        raise ValueError(value)


def label_of(code: str, enum: type[StrEnum] | None) -> str:
    """The label the user reads for a stored code; the code itself when it has none."""
    if enum is None:
        return code
    try:
        return str(getattr(enum(code), "label", code))
    except ValueError:
        return code


class DayOffKind(LabeledEnum):
    """`vrije_dag_type` in DOMAIN.md §7.2."""

    WETTELIJKE_FEESTDAG = ("wettelijke_feestdag", "Wettelijke feestdag")
    SCHOOLVAKANTIE = ("schoolvakantie", "Schoolvakantie")
    FACULTATIEF = ("facultatief", "Facultatieve vrije dag")
    STUDIEDAG = ("studiedag", "Pedagogische studiedag")
    SCHOOLSPECIFIEK = ("schoolspecifiek", "Andere schoolvrije dag")


class Network(LabeledEnum):
    """`net` in DOMAIN.md §7.2."""

    GO = ("go", "GO! onderwijs van de Vlaamse Gemeenschap")
    OGO_GEMEENTE = ("ogo_gemeente", "Officieel gesubsidieerd – gemeentelijk (OVSG)")
    OGO_PROVINCIE = ("ogo_provincie", "Officieel gesubsidieerd – provinciaal (POV)")
    VGO_KATHOLIEK = ("vgo_katholiek", "Vrij gesubsidieerd – Katholiek Onderwijs Vlaanderen")
    VGO_ANDER = ("vgo_ander", "Vrij gesubsidieerd – ander")


class Function(LabeledEnum):
    """`functie` in DOMAIN.md §7.2."""

    ZORGCOORDINATOR = ("zorgcoordinator", "Zorgcoördinator")
    LEERLINGENBEGELEIDER = ("leerlingenbegeleider", "Leerlingenbegeleider")
    DIRECTIE = ("directie", "Directeur / adjunct-directeur")
    GRAADCOORDINATOR = ("graadcoordinator", "Graadcoördinator")
    KLASTITULARIS = ("klastitularis", "Klastitularis / klassenleraar")
    LEERKRACHT = ("leerkracht", "Leerkracht")
    OPVOEDER = ("opvoeder", "Opvoeder")
    CLB_MEDEWERKER = ("clb_medewerker", "CLB-medewerker")
    PBD_BEGELEIDER = ("pbd_begeleider", "Pedagogisch begeleider (PBD)")
    JAC_CAW = ("jac_caw", "JAC / CAW-hulpverlener")
    JEUGDHULP = ("jeugdhulp", "Jeugdhulpverlener")
    OUDER = ("ouder", "Ouder / opvoedingsverantwoordelijke")
    JONGERE = ("jongere", "Jongere zelf")
    LOKAAL_BESTUUR = ("lokaal_bestuur", "Lokaal bestuur")
    ANDERE = ("andere", "Andere")


class Channel(LabeledEnum):
    """`kanaal` in DOMAIN.md §7.2."""

    EMAIL = ("email", "E-mail")
    TELEFOON = ("telefoon", "Telefoon")
    FORMULIER = ("formulier", "Aanmeldingsformulier")
    MELDPUNT_SI = ("meldpunt_si", "Meldpunt Schoolexterne Interventies")
    MONDELING = ("mondeling", "Mondeling (op school)")
    OVERLEG = ("overleg", "Via overleg (MDO/cel leerlingenbegeleiding)")


class SubjectKind(LabeledEnum):
    """`onderwerp_type` in DOMAIN.md §7.2."""

    JONGERE = ("jongere", "Individuele jongere")
    KLASGROEP = ("klasgroep", "Klasgroep")
    GROEP = ("groep", "Groep jongeren")
    LEERKRACHT_TEAM = ("leerkracht_team", "Leerkracht / schoolteam")
    SCHOOL = ("school", "School (beleid)")


class OfferType(LabeledEnum):
    """`aanbod_type` in DOMAIN.md §7.2."""

    INDIVIDUELE_BEGELEIDING = ("individuele_begeleiding", "Individuele begeleiding")
    KLASBEGELEIDING = ("klasbegeleiding", "Klasbegeleiding")
    WEERBAARHEIDSTRAINING = ("weerbaarheidstraining", "Weerbaarheidstraining")
    GROEPSWERKING = ("groepswerking", "Groepswerking (groepsdynamiek / ervaringsgericht leren)")
    NAFT_INDIVIDUEEL = ("naft_individueel", "NAFT – individueel traject")
    NAFT_KLAS = ("naft_klas", "NAFT – klastraject")
    LEERKRACHTONDERSTEUNING = (
        "leerkrachtondersteuning",
        "Ondersteuning leerkracht/team (o.a. Ducktape)",
    )
    KLASBAKKEN = ("klasbakken", "Klasbakken")
    ADVIES_CONSULT = ("advies_consult", "Advies / consult (kort)")
    ANDERE = ("andere", "Andere")


class PreventionLevel(LabeledEnum):
    """`preventie_niveau` in DOMAIN.md §7.2."""

    PREVENTIEF = ("preventief", "Preventief")
    CURATIEF = ("curatief", "Curatief (remediërend)")


class ReferralReason(LabeledEnum):
    """`aanmeldingsreden` in DOMAIN.md §7.2."""

    SPIJBELEN = ("spijbelen", "Spijbelen / problematische afwezigheden")
    SCHOOLWEIGERING = ("schoolweigering", "Schoolweigering / schoolangst")
    SCHOOLMOEHEID = ("schoolmoeheid", "Schoolmoeheid / demotivatie")
    GEDRAG_KLAS = ("gedrag_klas", "Storend gedrag in de klas")
    AGRESSIE = ("agressie", "Agressie (verbaal/fysiek)")
    CONFLICT_LEERKRACHT = ("conflict_leerkracht", "Conflict met leerkracht(en)")
    CONFLICT_LEERLINGEN = ("conflict_leerlingen", "Conflict met medeleerlingen")
    PESTEN = ("pesten", "Pesten (slachtoffer/pleger)")
    KLASDYNAMIEK = ("klasdynamiek", "Negatieve klas- of groepsdynamiek")
    FAALANGST_WEERBAARHEID = ("faalangst_weerbaarheid", "Faalangst / weinig weerbaarheid")
    WELBEVINDEN = ("welbevinden", "Psychosociaal welbevinden (somberheid, angst, zelfbeeld)")
    THUISSITUATIE = ("thuissituatie", "Moeilijke thuissituatie")
    MIDDELENGEBRUIK = ("middelengebruik", "Middelengebruik")
    TUCHT = ("tucht", "Tuchtprocedure / dreigende uitsluiting")
    STUDIEKEUZE = ("studiekeuze", "Onderwijsloopbaan / studiekeuze")
    NIEUWKOMER = ("nieuwkomer", "Integratie nieuwkomer (OKAN)")
    ANDERE = ("andere", "Andere")


class CarePhase(LabeledEnum):
    """`zorgcontinuum` in DOMAIN.md §7.2."""

    BREDE_BASISZORG = ("brede_basiszorg", "Brede basiszorg")
    VERHOOGDE_ZORG = ("verhoogde_zorg", "Verhoogde zorg")
    UITBREIDING_ZORG = ("uitbreiding_zorg", "Uitbreiding van zorg")
    IAC = ("iac", "Individueel aangepast curriculum")
    ONBEKEND = ("onbekend", "Onbekend")


class GuidanceDomain(LabeledEnum):
    """`begeleidingsdomein` in DOMAIN.md §7.2."""

    ONDERWIJSLOOPBAAN = ("onderwijsloopbaan", "Onderwijsloopbaan")
    LEREN_STUDEREN = ("leren_studeren", "Leren en studeren")
    PSYCHISCH_SOCIAAL = ("psychisch_sociaal", "Psychisch en sociaal functioneren")
    GEZONDHEID = ("gezondheid", "Preventieve gezondheidszorg")
    SCHOOLBINDING = ("schoolbinding", "Schoolbinding / aanwezigheid")
    CONTEXT_GEZIN = ("context_gezin", "Gezin en context")
    VRIJE_TIJD = ("vrije_tijd", "Vrije tijd / netwerk")


class Urgency(LabeledEnum):
    """`urgentie` in DOMAIN.md §7.2."""

    LAAG = ("laag", "Laag")
    NORMAAL = ("normaal", "Normaal")
    HOOG = ("hoog", "Hoog")
    CRISIS = ("crisis", "Crisis (onmiddellijk)")


class ReferralStatus(LabeledEnum):
    """`aanmelding_status` in DOMAIN.md §7.2."""

    NIEUW = ("nieuw", "Nieuw")
    VRAAGVERHELDERING = ("vraagverheldering", "In vraagverheldering")
    WACHTLIJST = ("wachtlijst", "Op wachtlijst")
    TOEGEWEZEN = ("toegewezen", "Toegewezen")
    GESTART = ("gestart", "Gestart (traject loopt)")
    NIET_GESTART = ("niet_gestart", "Niet gestart")
    DOORVERWEZEN = ("doorverwezen", "Doorverwezen")
    AFGESLOTEN = ("afgesloten", "Afgesloten")
    INGETROKKEN = ("ingetrokken", "Ingetrokken door aanmelder")


class NoStartReason(LabeledEnum):
    """`reden_geen_opstart` in DOMAIN.md §7.2."""

    GEEN_TOESTEMMING = ("geen_toestemming", "Geen toestemming jongere/ouders")
    NIET_BEREIKBAAR = ("niet_bereikbaar", "Jongere/gezin niet bereikbaar")
    BUITEN_DOELGROEP = ("buiten_doelgroep", "Valt buiten doelgroep/aanbod")
    ANDERE_HULP = ("andere_hulp", "Andere hulp meer aangewezen (doorverwezen)")
    OPGELOST = ("opgelost", "Vraag intussen opgelost")
    SCHOOLVERANDERING = ("schoolverandering", "Van school veranderd / uitgeschreven")
    CAPACITEIT = ("capaciteit", "Geen capaciteit")
    ANDERE = ("andere", "Andere")


class TrajectoryStatus(LabeledEnum):
    """`traject_status` in DOMAIN.md §7.2."""

    GEPLAND = ("gepland", "Gepland")
    LOPEND = ("lopend", "Lopend")
    GEPAUZEERD = ("gepauzeerd", "Gepauzeerd")
    NAZORG = ("nazorg", "In nazorg / opvolging")
    AFGESLOTEN = ("afgesloten", "Afgesloten")
    GEANNULEERD = ("geannuleerd", "Geannuleerd (niet gestart)")


class ClosureReason(LabeledEnum):
    """`afsluitreden` in DOMAIN.md §7.2."""

    DOELEN_BEREIKT = ("doelen_bereikt", "Doelen bereikt")
    DEELS_BEREIKT = ("deels_bereikt", "Doelen gedeeltelijk bereikt")
    GESTOPT_JONGERE = ("gestopt_jongere", "Voortijdig gestopt door jongere/ouders")
    GESTOPT_SCHOOL = ("gestopt_school", "Stopgezet in overleg met school")
    DOORVERWEZEN = ("doorverwezen", "Doorverwezen naar andere hulp")
    SCHOOLVERANDERING = ("schoolverandering", "Van school veranderd")
    UITGESCHREVEN = ("uitgeschreven", "Uitgeschreven / schoolverlater")
    UITGESLOTEN = ("uitgesloten", "Definitief uitgesloten")
    VERHUISD = ("verhuisd", "Verhuisd")
    ANDERE = ("andere", "Andere")


class SchoolOutcome(LabeledEnum):
    """`uitkomst_schoolpositie` in DOMAIN.md §7.2."""

    ZELFDE_SCHOOL_RICHTING = ("zelfde_school_richting", "Blijft in zelfde school en richting")
    ANDERE_RICHTING = ("andere_richting", "Andere richting, zelfde school")
    ANDERE_SCHOOL = ("andere_school", "Andere school")
    DUAAL_DEELTIJDS = ("duaal_deeltijds", "Deeltijds onderwijs / duaal leren")
    BUSO = ("buso", "Naar buitengewoon secundair onderwijs")
    DIPLOMA = ("diploma", "Diploma/kwalificatie behaald")
    ZONDER_KWALIFICATIE = ("zonder_kwalificatie", "Uitgestroomd zonder kwalificatie")
    ONBEKEND = ("onbekend", "Onbekend")


class GoalEvaluation(LabeledEnum):
    """`doel_evaluatie` in DOMAIN.md §7.2."""

    LOPEND = ("lopend", "Nog lopend")
    BEREIKT = ("bereikt", "Bereikt")
    DEELS = ("deels", "Gedeeltelijk bereikt")
    NIET_BEREIKT = ("niet_bereikt", "Niet bereikt")
    NIET_RELEVANT = ("niet_relevant", "Niet meer van toepassing")


class ContactType(LabeledEnum):
    """`contact_type` in DOMAIN.md §7.2."""

    INDIVIDUEEL_GESPREK = ("individueel_gesprek", "Individueel gesprek")
    KLASSESSIE = ("klassessie", "Klassessie")
    GROEPSSESSIE = ("groepssessie", "Groepssessie / training")
    RONDETAFEL = ("rondetafel", "Rondetafelgesprek")
    OVERLEG_SCHOOL = ("overleg_school", "Overleg met school")
    OVERLEG_CLB = ("overleg_clb", "Overleg met CLB")
    OVERLEG_PARTNER = ("overleg_partner", "Overleg met partner")
    HUISBEZOEK = ("huisbezoek", "Huisbezoek")
    OUTREACH = ("outreach", "Outreachend / vindplaatsgericht contact")
    TELEFONISCH = ("telefonisch", "Telefonisch / online contact")
    ADMINISTRATIE = ("administratie", "Verslag / administratie")


class Location(LabeledEnum):
    """`locatie` in DOMAIN.md §7.2."""

    SCHOOL = ("school", "Op school")
    GROEP_INTRO = ("groep_intro", "Bij Groep INTRO")
    THUIS = ("thuis", "Thuis")
    EXTERN = ("extern", "Externe locatie")
    ONLINE = ("online", "Online")
    TELEFOON = ("telefoon", "Telefonisch")


class Attendance(LabeledEnum):
    """`aanwezigheid` in DOMAIN.md §7.2."""

    AANWEZIG = ("aanwezig", "Aanwezig")
    AFWEZIG_VERWITTIGD = ("afwezig_verwittigd", "Afwezig (verwittigd)")
    AFWEZIG_NIET_VERWITTIGD = ("afwezig_niet_verwittigd", "Afwezig (niet verwittigd)")
    GEANNULEERD_SCHOOL = ("geannuleerd_school", "Geannuleerd door school")
    GEANNULEERD_BEGELEIDER = ("geannuleerd_begeleider", "Geannuleerd door begeleider")


class Visibility(LabeledEnum):
    """`zichtbaarheid` in DOMAIN.md §7.2."""

    INTERN = ("intern", "Intern (enkel team)")
    DEELBAAR_SCHOOL = ("deelbaar_school", "Deelbaar met school (toestemming)")
    DEELBAAR_CLB = ("deelbaar_clb", "Deelbaar met CLB (toestemming)")


class Gender(LabeledEnum):
    """`geslacht` in DOMAIN.md §7.2."""

    M = ("m", "Jongen")
    V = ("v", "Meisje")
    X = ("x", "X / anders")
    NVT = ("nvt", "Niet meegedeeld")


class Grade(LabeledEnum):
    """`graad` in DOMAIN.md §7.2."""

    G1 = ("g1", "Eerste graad")
    G2 = ("g2", "Tweede graad")
    G3 = ("g3", "Derde graad")
    SE_N_SE = ("se_n_se", "Zevende jaar / Se-n-Se")
    BUSO = ("buso", "BuSO")
    OKAN = ("okan", "OKAN")


class Stream(LabeledEnum):
    """`stroom` in DOMAIN.md §7.2."""

    A = ("a", "A-stroom")
    B = ("b", "B-stroom")


class Finality(LabeledEnum):
    """`finaliteit` in DOMAIN.md §7.2."""

    DOORSTROOM = ("doorstroom", "Doorstroomfinaliteit")
    DUBBEL = ("dubbel", "Dubbele finaliteit")
    ARBEIDSMARKT = ("arbeidsmarkt", "Arbeidsmarktfinaliteit")


class PartnerType(LabeledEnum):
    """`partner_type` in DOMAIN.md §7.2."""

    CLB = ("clb", "CLB")
    PBD = ("pbd", "Pedagogische begeleidingsdienst")
    JAC = ("jac", "JAC (CAW)")
    CAW = ("caw", "CAW")
    LOKAAL_BESTUUR = ("lokaal_bestuur", "Lokaal bestuur")
    JEUGDHULP = ("jeugdhulp", "Jeugdhulp")
    CGG = ("cgg", "Centrum Geestelijke Gezondheidszorg")
    POLITIE_PARKET = ("politie_parket", "Politie / parket")
    VDAB = ("vdab", "VDAB")
    ANDERE = ("andere", "Andere")


class StaffRole(LabeledEnum):
    """`medewerker_rol` in DOMAIN.md §7.2."""

    BEGELEIDER = ("begeleider", "Begeleider / coach")
    TEAMVERANTWOORDELIJKE = ("teamverantwoordelijke", "Teamverantwoordelijke")
    ADMINISTRATIE = ("administratie", "Administratief medewerker")
    BEHEERDER = ("beheerder", "Beheerder")


class FunderKind(LabeledEnum):
    """Funding sources (DOMAIN.md Part 1, Financier)."""

    URENOVERDRACHT = ("urenoverdracht", "Urenoverdracht scholengemeenschap")
    PLAN_SAMENLEVEN = ("plan_samenleven", "Plan Samenleven / Klasbakken")
    NAFT = ("naft", "NAFT")
    ANDERE = ("andere", "Andere")


class SeriesFrequency(LabeledEnum):
    """How a recurring series repeats."""

    WEKELIJKS = ("wekelijks", "Wekelijks")
    TWEEWEKELIJKS = ("tweewekelijks", "Om de twee weken")
