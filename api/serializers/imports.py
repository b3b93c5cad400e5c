"""Imports over the API: the kinds of list, the checked file, the result."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _
from rest_framework import serializers


class ImportColumnSerializer(serializers.Serializer):
    header = serializers.CharField(help_text=_("Column header of the template (German)."))
    english = serializers.CharField(help_text=_("English header accepted as well."))
    required = serializers.BooleanField(help_text=_("Whether every row needs a value."))
    values = serializers.CharField(help_text=_("What the column takes."))


class ImportKindSerializer(serializers.Serializer):
    code = serializers.CharField(help_text=_("Code of the list, used in the import's address."))
    label = serializers.CharField(help_text=_("What the list holds, in German."))
    columns = ImportColumnSerializer(many=True)


class ImportFileSerializer(serializers.Serializer):
    file = serializers.FileField(
        help_text=_("CSV (semicolons or commas, UTF-8 or Windows encoding) or XLSX workbook.")
    )


class ImportProblemSerializer(serializers.Serializer):
    message = serializers.CharField(help_text=_("What is wrong, in German."))
    row = serializers.IntegerField(
        allow_null=True, help_text=_("Row as a spreadsheet program shows it (header: row 1).")
    )
    column = serializers.CharField(allow_null=True, help_text=_("Column header in the file."))


class ImportRowSerializer(serializers.Serializer):
    number = serializers.IntegerField(help_text=_("Row as a spreadsheet program shows it."))
    cells = serializers.DictField(
        child=serializers.CharField(allow_blank=True), help_text=_("Values as written.")
    )
    problems = ImportProblemSerializer(many=True)


class ImportCheckSerializer(serializers.Serializer):
    kind = serializers.CharField(source="kind.code", help_text=_("Code of the list."))
    can_import = serializers.BooleanField(help_text=_("Whether every row can be imported."))
    valid_count = serializers.IntegerField(help_text=_("Rows without problems."))
    invalid_count = serializers.IntegerField(help_text=_("Rows with problems."))
    errors = ImportProblemSerializer(many=True, help_text=_("Problems of the whole file."))
    warnings = ImportProblemSerializer(many=True, help_text=_("Columns that are ignored."))
    rows = ImportRowSerializer(many=True)


class ImportResultSerializer(serializers.Serializer):
    kind = serializers.CharField(help_text=_("Code of the list."))
    imported = serializers.IntegerField(help_text=_("Rows written (every row of the file)."))
