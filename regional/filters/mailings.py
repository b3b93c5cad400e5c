"""The one FilterSet of the state office's mailings (the sent log and the API)."""

from __future__ import annotations

from kernel.crud.filters import SearchFilterSet
from regional.models import Mailing


class MailingFilter(SearchFilterSet):
    search_fields = ("subject", "body")

    class Meta:
        model = Mailing
        fields = ["status"]
