"""The base of the API's model serializers: fields built once per class, rows written
without DRF's per-field detours.

DRF's ``ModelSerializer`` works its fields out from the model (names, kinds, validators,
choices) for every serializer it creates, that is on every request, and writes each row
by asking every field for its value through a generic path (dotted sources, callables,
mappings, defaults). Here the fields are worked out once per class and each serializer
gets fresh copies of them (as DRF copies its declared fields), and a field that shows
one of the model's own columns reads it straight from the row. The JSON is the same.
"""

from __future__ import annotations

import copy

from rest_framework import fields as drf_fields
from rest_framework import serializers
from rest_framework.relations import PKOnlyObject


def _plain_columns(model) -> frozenset[str]:
    """The model's own columns that are not relations (their attribute is the value)."""
    return frozenset(field.name for field in model._meta.concrete_fields if not field.is_relation)


class ModelSerializer(serializers.ModelSerializer):
    def get_fields(self):
        cls = type(self)
        built = cls.__dict__.get("_built_fields")
        if built is None:
            built = super().get_fields()
            cls._built_fields = built
        return copy.deepcopy(built)

    def _row_plan(self) -> list[tuple[str, serializers.Field, str | None]]:
        """(name, field, column read straight from the row or None) per readable field."""
        plan = self.__dict__.get("_plan")
        if plan is None:
            columns = _plain_columns(self.Meta.model)
            plan = [
                (
                    field.field_name,
                    field,
                    field.source
                    if type(field).get_attribute is drf_fields.Field.get_attribute
                    and field.source in columns
                    else None,
                )
                for field in self._readable_fields
            ]
            self.__dict__["_plan"] = plan
        return plan

    def to_representation(self, instance):
        # DRF's Serializer.to_representation, with the plan worked out once.
        row = {}
        direct = isinstance(instance, self.Meta.model)  # not validated data (a dict)
        for name, field, column in self._row_plan():
            if column is not None and direct:
                value = getattr(instance, column)
            else:
                try:
                    value = field.get_attribute(instance)
                except drf_fields.SkipField:
                    continue
            shown = value.pk if isinstance(value, PKOnlyObject) else value
            row[name] = None if shown is None else field.to_representation(value)
        return row
