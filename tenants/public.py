"""The state coordination area: the public schema, served on the parent domain."""

from functools import cached_property

from django_tenants.utils import get_public_schema_name


class StateArea:
    """Stands in for a tenant on the state area's host; it has no Alliance row.

    Its ``name`` is the home state's office ("Landeskoordination Thüringen",
    ``tenants.State.office_title``), read once per instance (one per request).
    """

    is_public = True
    slug = None
    domain_url = ""

    def __init__(self, hostname: str = "") -> None:
        self.schema_name = get_public_schema_name()
        self.domain_url = hostname

    @cached_property
    def name(self) -> str:
        from tenants.selectors import home_office_title

        return home_office_title()

    def get_tenant_type(self):  # django-tenants asks this of multi-type setups
        return None

    def __repr__(self) -> str:
        return "<StateArea public>"
