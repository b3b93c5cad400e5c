"""Forms of care guides and cooperation agreements."""

from __future__ import annotations

from core.models import CareGuide, CooperationAgreement
from core.models.agreements import STORED_STATUSES
from kernel.crud.forms import RecordForm


class CareGuideForm(RecordForm):
    class Meta:
        model = CareGuide
        fields = [
            "name", "email", "phone", "training_course", "trained_on", "refresher_due",
            "is_active",
        ]  # fmt: skip


class AgreementForm(RecordForm):
    class Meta:
        model = CooperationAgreement
        fields = [
            "partner", "organisation", "subject", "description", "status", "signed_on",
            "signed_by_alliance", "signed_by_other", "valid_from", "valid_until", "renewal",
            "notice_weeks", "document", "is_public",
        ]  # fmt: skip

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["status"].choices = [(s.value, s.label) for s in STORED_STATUSES]
        self.fields["document"].widget.attrs["accept"] = "application/pdf,.pdf"
