"""Thuringia's 17 districts (Landkreise) and 6 independent cities (kreisfreie Städte).

Names are proper nouns and stay German in every language.
"""

from django.db import models

from kernel import geo


class District(models.TextChoices):
    # Independent cities
    ERFURT = "erfurt", "Erfurt"
    GERA = "gera", "Gera"
    JENA = "jena", "Jena"
    SUHL = "suhl", "Suhl"
    WEIMAR = "weimar", "Weimar"
    EISENACH = "eisenach", "Eisenach"
    # Districts
    EICHSFELD = "eichsfeld", "Landkreis Eichsfeld"
    NORDHAUSEN = "nordhausen", "Landkreis Nordhausen"
    WARTBURGKREIS = "wartburgkreis", "Wartburgkreis"
    UNSTRUT_HAINICH = "unstrut-hainich-kreis", "Unstrut-Hainich-Kreis"
    KYFFHAEUSERKREIS = "kyffhaeuserkreis", "Kyffhäuserkreis"
    SCHMALKALDEN_MEININGEN = "schmalkalden-meiningen", "Landkreis Schmalkalden-Meiningen"
    GOTHA = "gotha", "Landkreis Gotha"
    SOEMMERDA = "soemmerda", "Landkreis Sömmerda"
    HILDBURGHAUSEN = "hildburghausen", "Landkreis Hildburghausen"
    ILM_KREIS = "ilm-kreis", "Ilm-Kreis"
    WEIMARER_LAND = "weimarer-land", "Landkreis Weimarer Land"
    SONNEBERG = "sonneberg", "Landkreis Sonneberg"
    SAALFELD_RUDOLSTADT = "saalfeld-rudolstadt", "Landkreis Saalfeld-Rudolstadt"
    SAALE_HOLZLAND = "saale-holzland-kreis", "Saale-Holzland-Kreis"
    SAALE_ORLA = "saale-orla-kreis", "Saale-Orla-Kreis"
    GREIZ = "greiz", "Landkreis Greiz"
    ALTENBURGER_LAND = "altenburger-land", "Landkreis Altenburger Land"


THURINGIA = "16"  # the state's official key


def district_ags() -> dict[str, str]:
    """Each district's official key (AGS) in ``kernel.geo``'s catalogue, found by its name
    (``LookupError`` if a name matches no district or several)."""
    return geo.ags_for_labels(dict(District.choices), state=THURINGIA)
