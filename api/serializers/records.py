"""The one base of the API's model serializers: fields, read-only fields and help texts from
``Meta``."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from api.serializers.base import ModelSerializer
from api.serializers.fields import counted, related_text

# The texts every record's id and timestamps share; ``Meta.help`` may give its own.
COMMON_HELP = {
    "id": _("Identifier of the record."),
    "created_at": _("When the record was created."),
    "updated_at": _("When the record was last changed."),
}


def help_texts(texts: dict) -> dict:
    """``extra_kwargs`` that give each field its help text (``None``: none at all)."""
    return {
        name: {"help_text": text}
        for name, text in {**COMMON_HELP, **texts}.items()
        if text is not None
    }


def _conventional_field(model, name: str, text) -> serializers.Field | None:
    """The field a name ``help`` gives by convention, where the model has no such
    attribute: ``<relation>_<field>`` the related record's text beside its id
    (``partner_name``: ``partner.name``), ``<x>_count`` a number the selector counts."""
    if hasattr(model, name):
        return None
    relations = [f for f in model._meta.concrete_fields if f.many_to_one or f.one_to_one]
    for relation in sorted(relations, key=lambda f: -len(f.name)):
        field = name.removeprefix(f"{relation.name}_")
        if field != name and hasattr(relation.related_model, field):
            return related_text(f"{relation.name}.{field}", text)
    if name.endswith("_count"):
        return counted(text)
    return None


def _parents(form) -> list[str]:
    """The record's parents its form lacks (``part_of``: deleted with them): its page takes
    them from its address, the API writes them (a contact's partner)."""
    return [
        field.name
        for field in form._meta.model._meta.concrete_fields
        if field.many_to_one
        and field.remote_field.on_delete is models.CASCADE
        and field.name not in form._meta.fields
    ]


def _named(serializer: type, help: dict, written: list[str]) -> list[str]:
    """The fields ``help`` names and the serializer declares, beyond ``written`` and the
    id and timestamps, in that order."""
    named = dict.fromkeys([*help, *serializer._declared_fields])
    return [name for name in named if name not in {*written, *COMMON_HELP}]


# A record as the API shows it, declared once in ``Meta``, in one of three ways:
# - ``form``: the record's HTML form, whose model it is. The API writes the form's fields
#   (but ``page_only``, such as a file uploaded on its page) and the parents the form
#   takes from its page's address (``_parents``: a contact's partner); it shows, read
#   only, what ``help`` names beyond them and the serializer's declared fields; then the
#   id and timestamps.
# - ``model`` alone: the record is only shown: the id, what ``help`` names, the declared
#   fields and the timestamps.
# - ``model``, ``fields`` and ``read_only`` (beyond id and timestamps; ``"__all__"``:
#   nothing is written here). ``read_only = "__all__"`` without ``fields``: exactly the
#   fields ``help`` names, in its order, without timestamps (a meeting's agenda items).
# ``help``: field -> help text (id and timestamps have theirs). A name the model lacks is
# declared by its form: ``partner_name`` the partner's name beside its id (``related_text``),
# ``event_count`` a count the selector annotates (``counted``). A subclass's ``Meta`` may
# extend its parent's. No docstring: the schema would show it as every record's description.
class RecordSerializer(ModelSerializer):
    def __init_subclass__(cls, **kwargs):
        super().__init_subclass__(**kwargs)
        meta = cls.Meta
        help = getattr(meta, "help", {})
        form = vars(meta).get("form")
        if form is not None:
            meta.model = form._meta.model
        for name, text in help.items():
            field = _conventional_field(meta.model, name, text)
            if field is not None and name not in cls._declared_fields:
                cls._declared_fields[name] = field
        # The record's key: "id", or a natural primary key (a state's official key).
        pk = meta.model._meta.pk.name
        if form is not None:
            page_only = getattr(meta, "page_only", ())
            written = [
                *_parents(form),
                *(name for name in form._meta.fields if name not in page_only),
            ]
            meta.read_only = _named(cls, help, written)
            meta.fields = _unique([pk, *written, *meta.read_only, "created_at", "updated_at"])
        elif not hasattr(meta, "fields") and getattr(meta, "read_only", None) == "__all__":
            meta.fields = list(help)
        elif not hasattr(meta, "fields"):
            meta.fields = _unique([pk, *_named(cls, help, []), "created_at", "updated_at"])
            meta.read_only = "__all__"
        read_only = getattr(meta, "read_only", ())
        meta.read_only_fields = (
            list(meta.fields)
            if read_only == "__all__"
            else _unique([pk, *read_only, "created_at", "updated_at"])
        )
        meta.extra_kwargs = help_texts(help)


def _unique(names: list[str]) -> list[str]:
    return list(dict.fromkeys(names))
