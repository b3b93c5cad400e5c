"""Field types the API shares."""

from django.utils.translation import gettext_lazy as _
from rest_framework import serializers
from rest_framework.relations import MANY_RELATION_KWARGS

from tenants import districts


class OptionalURLField(serializers.URLField):
    """A web address that may be missing: ``null`` in the API, blank in the database
    (an empty string is not a valid ``uri`` in the OpenAPI schema)."""

    def __init__(self, **kwargs):
        kwargs.setdefault("allow_null", True)
        kwargs.setdefault("allow_blank", True)
        kwargs.setdefault("required", False)
        super().__init__(**kwargs)

    def to_representation(self, value):
        return value or None

    def to_internal_value(self, data):
        if data in (None, ""):
            return ""
        return super().to_internal_value(data)

    def validate_empty_values(self, data):
        if data is None:
            return True, ""
        return super().validate_empty_values(data)


class RelatedText(serializers.CharField):
    """A related record's text shown beside its id (``partner.name``), read only; ``null``
    when the relation is empty, if it may be: ``optional``, by default as the model's
    relation allows."""

    def __init__(self, source: str, help_text, optional: bool | None = None):
        super().__init__(source=source, read_only=True, help_text=help_text)
        self.optional = optional

    def bind(self, field_name, parent):
        super().bind(field_name, parent)
        optional = self.optional
        if optional is None:
            relation = self.source.split(".", 1)[0]
            optional = parent.Meta.model._meta.get_field(relation).null
        if optional:
            self.default, self.allow_null = None, True


def related_text(source: str, help_text, *, optional: bool | None = None) -> RelatedText:
    return RelatedText(source, help_text, optional)


class Counted(serializers.IntegerField):
    """A number the selector counts for each record (an annotation), read only: a write
    is answered with its record read again from the selector (``answer`` of the
    viewsets), or the count would be missing."""


def counted(help_text) -> Counted:
    return Counted(read_only=True, help_text=help_text)


def shows_counts(serializer_class: type) -> bool:
    return any(isinstance(f, Counted) for f in serializer_class._declared_fields.values())


class _ReadNames(list):
    """The related rows' names as the list's query read them (an annotation)."""


class AnnotatedNames(serializers.ManyRelatedField):
    """A to-many relation shown by its rows' names, read from the annotation ``annotated``
    where the selector made one (a list's rows: no related objects are built), else from
    the relation (a write's answer)."""

    def __init__(self, *, annotated: str, **kwargs):
        self.annotated = annotated
        super().__init__(**kwargs)

    def get_attribute(self, instance):
        names = getattr(instance, self.annotated, None)
        if names is not None:
            return _ReadNames(names)
        return super().get_attribute(instance)

    def to_representation(self, iterable):
        if isinstance(iterable, _ReadNames):
            return list(iterable)
        return super().to_representation(iterable)


class NameRelatedField(serializers.SlugRelatedField):
    """``SlugRelatedField``; with ``many=True`` and ``annotated=``, an :class:`AnnotatedNames`."""

    @classmethod
    def many_init(cls, *args, annotated: str, **kwargs):
        # As DRF's ``RelatedField.many_init``, with the list field that reads the names.
        shared = {key: kwargs[key] for key in kwargs if key in MANY_RELATION_KWARGS}
        return AnnotatedNames(annotated=annotated, child_relation=cls(*args, **kwargs), **shared)


class DistrictField(serializers.CharField):
    """A district's official key (AGS, five digits: ``"16053"``). On input one of
    Thuringia's old slugs (``"jena"``, as the API named districts before) is taken as its
    key; whether the key is known and lies in the right state the model's checks say."""

    def __init__(self, **kwargs):
        kwargs.setdefault("help_text", _("Official key (AGS, five digits) of the district."))
        kwargs.setdefault("max_length", 40)  # an old slug is longer than a key
        super().__init__(**kwargs)

    def to_internal_value(self, data):
        return districts.from_input(super().to_internal_value(data))


def district_name(source: str | None = None) -> serializers.CharField:
    """The district's German name from the catalogue, read only (``source``: where it is
    read, when not from the record's own ``district_name``)."""
    where = {"source": source} if source else {}
    return serializers.CharField(
        read_only=True, help_text=_("German name of the district."), **where
    )
