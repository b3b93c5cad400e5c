"""The state coordination area: the public schema, served on the parent domain."""

from django.utils.translation import gettext_lazy as _
from django_tenants.utils import get_public_schema_name


class StateArea:
    """Stands in for a tenant on the state area's host; it has no Alliance row."""

    is_public = True
    name = _("State coordination Thuringia")
    slug = None
    domain_url = ""

    def __init__(self, hostname: str = "") -> None:
        self.schema_name = get_public_schema_name()
        self.domain_url = hostname

    def get_tenant_type(self):  # django-tenants asks this of multi-type setups
        return None

    def __repr__(self) -> str:
        return "<StateArea public>"
