"""An alliance's district: the official key (AGS, five digits) of one of Germany's
districts and independent cities in ``kernel.geo``'s catalogue.

Everything that shows, offers or checks a district reads the catalogue through this
module: the choices of a state, a key's German label, the check that a key exists and
lies in a given state. Names are proper nouns and stay German in every language.

Until issue 18 a district was one of Thuringia's 23 slugs ("erfurt", "saale-orla-kreis");
``LEGACY_SLUGS`` maps them to their keys so that API clients sending a slug keep working.
(The migration that converted the stored slugs froze its own copy of the mapping.)
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from kernel import geo
from kernel.collation import german_key
from tenants.scope import scoped_or_home_state_key

__all__ = [
    "DISTRICT_KEY_PATTERN",
    "LEGACY_SLUGS",
    "THURINGIA",
    "choices",
    "clean_field",
    "from_input",
    "grouped_choices",
    "label",
    "sort_key",
    "validate",
]

THURINGIA = "16"  # the state's official key

# Five digits: two of the state, three of the district.
DISTRICT_KEY_PATTERN = r"^[0-9]{5}$"

# Thuringia's districts as the API named them until issue 18 (slug -> official key).
# Frozen: the slugs are no longer stored anywhere, only accepted on input.
LEGACY_SLUGS = {
    "erfurt": "16051", "gera": "16052", "jena": "16053", "suhl": "16054",
    "weimar": "16055", "eisenach": "16056", "eichsfeld": "16061", "nordhausen": "16062",
    "wartburgkreis": "16063", "unstrut-hainich-kreis": "16064", "kyffhaeuserkreis": "16065",
    "schmalkalden-meiningen": "16066", "gotha": "16067", "soemmerda": "16068",
    "hildburghausen": "16069", "ilm-kreis": "16070", "weimarer-land": "16071",
    "sonneberg": "16072", "saalfeld-rudolstadt": "16073", "saale-holzland-kreis": "16074",
    "saale-orla-kreis": "16075", "greiz": "16076", "altenburger-land": "16077",
}  # fmt: skip


def sort_key(district: geo.District) -> tuple[str, str, str]:
    """Districts by name in German order, "Landkreis Gotha" under G."""
    return german_key(district.label.removeprefix("Landkreis ").removeprefix("Kreis "))


def choices(state: str | None = None) -> list[tuple[str, str]]:
    """(key, label) of the districts of ``state`` (when None: the state the request
    works in, ``tenants.scope``, else the home state), by name."""
    rows = geo.districts(state or scoped_or_home_state_key())
    return [(row.ags, row.label) for row in sorted(rows, key=sort_key)]


def grouped_choices() -> list[tuple[str, list[tuple[str, str]]]]:
    """Every district of Germany, grouped by state (the state's name, its ``choices``)."""
    return [(item.name, choices(item.key)) for item in geo.states()]


def label(key: str | None) -> str:
    """The district's German label ("Landkreis Eichsfeld"); the key itself when it is in
    no catalogue (an old report's slug), empty for no key."""
    if not key:
        return ""
    try:
        return geo.district(key).label
    except KeyError:
        return key


def from_input(value: str | None) -> str:
    """A district as a client sent it: an official key, or one of the old slugs (mapped)."""
    value = (value or "").strip()
    return LEGACY_SLUGS.get(value.lower(), value)


def validate(key: str, *, state: str) -> None:
    """Raises ``ValidationError`` (German message) unless ``key`` is the official key of a
    district in the catalogue lying in the state with key ``state``."""
    try:
        district = geo.district(key)
    except KeyError:
        raise ValidationError(
            _("“%(key)s” is not the official key of a German district or independent city.")
            % {"key": key},
            code="unknown_district",
        ) from None
    if district.state != state:
        raise ValidationError(
            _("%(district)s does not lie in %(state)s.")
            % {"district": district.label, "state": geo.state(state).name},
            code="district_of_other_state",
        )


def clean_field(key: str, *, state: str, field: str = "district") -> None:
    """``validate()`` for a model's ``clean()``: the message at the field ``field``; an
    empty key is the field's own concern (required or not)."""
    if not key:
        return
    try:
        validate(key, state=state)
    except ValidationError as error:
        raise ValidationError({field: error.messages}) from None


class DistrictNamed:
    """For a model whose ``district`` holds an official key (an alliance, a new
    alliance's setup): its German label, also as a choice field would offer it."""

    district: str

    @property
    def district_name(self) -> str:
        """The district's German label from ``kernel.geo`` ("Landkreis Eichsfeld")."""
        return label(self.district)

    def get_district_display(self) -> str:
        # As a field with choices would offer it: tables, templates and exports use it.
        return self.district_name
