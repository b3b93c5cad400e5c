"""Field types the API shares."""

from rest_framework import serializers


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
