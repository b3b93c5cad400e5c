"""Documents of the libraries (the alliance's and the state office's) with their
versions; a new document is uploaded as multipart with its first ``file``."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _
from rest_framework import serializers
from rest_framework.reverse import reverse

from api.serializers.base import ModelSerializer
from core.models import ALLIANCE_AUDIENCE, AllianceDocument
from regional.models import STATE_AUDIENCE, StateDocument
from tenants.models import Alliance


class VersionSerializer(serializers.Serializer):
    number = serializers.IntegerField(read_only=True)
    file_name = serializers.CharField(read_only=True)
    note = serializers.CharField(read_only=True)
    uploaded_at = serializers.DateTimeField(read_only=True)
    download = serializers.SerializerMethodField()

    def get_download(self, version) -> str:
        request = self.context.get("request")
        name = self.context.get("download_url", "")
        if not name:
            return ""
        return reverse(name, args=[version.document_id, version.number], request=request)


class VersionUploadSerializer(serializers.Serializer):
    file = serializers.FileField(label=_("File"))
    note = serializers.CharField(label=_("Note"), required=False, allow_blank=True, max_length=300)


class _DocumentSerializer(ModelSerializer):
    tags = serializers.ListField(
        child=serializers.CharField(max_length=40), required=False, label=_("Tags")
    )
    latest_version = serializers.SerializerMethodField()
    versions = serializers.SerializerMethodField()
    file = serializers.FileField(write_only=True, label=_("File"))
    note = serializers.CharField(
        write_only=True, required=False, allow_blank=True, max_length=300, label=_("Note")
    )

    common = ["id", "title", "description", "tags", "latest_version", "versions",
              "created_at", "updated_at", "file", "note"]  # fmt: skip
    read_only_fields = ["created_at", "updated_at"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if isinstance(self.instance, models.Model):
            # A change never carries a file: versions are uploaded one at a time.
            self.fields.pop("file", None)
            self.fields.pop("note", None)

    def to_representation(self, instance):
        data = super().to_representation(instance)
        if "audience" in data:
            # The roles in a stable order (the field's own answer is a set).
            data["audience"] = sorted(instance.audience)
        return data

    def _versions(self, document) -> list:
        return sorted(document.versions.all(), key=lambda v: -v.number)

    def get_latest_version(self, document) -> int | None:
        versions = self._versions(document)
        return versions[0].number if versions else None

    def get_versions(self, document) -> list[dict]:
        return VersionSerializer(self._versions(document), many=True, context=self.context).data


class AllianceDocumentSerializer(_DocumentSerializer):
    audience = serializers.MultipleChoiceField(
        choices=ALLIANCE_AUDIENCE, required=False, label=_("Also visible to")
    )

    class Meta:
        model = AllianceDocument
        fields = [*_DocumentSerializer.common, "audience"]
        read_only_fields = _DocumentSerializer.read_only_fields


class StateDocumentSerializer(_DocumentSerializer):
    audience = serializers.MultipleChoiceField(
        choices=STATE_AUDIENCE, required=False, label=_("Visible to")
    )
    alliances = serializers.PrimaryKeyRelatedField(
        many=True, required=False, queryset=Alliance.objects.all(), label=_("Chosen alliances")
    )

    class Meta:
        model = StateDocument
        fields = [*_DocumentSerializer.common, "audience", "for_all_alliances", "alliances"]
        read_only_fields = _DocumentSerializer.read_only_fields


class SharedStateDocumentSerializer(_DocumentSerializer):
    """A state document as an alliance's people read it (without who else sees it)."""

    file = note = None

    class Meta:
        model = StateDocument
        fields = [f for f in _DocumentSerializer.common if f not in ("file", "note")]
        read_only_fields = fields
