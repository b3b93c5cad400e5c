from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext


def area(request):
    """The alliance (or the state area) the page belongs to, and the region the platform
    speaks of there (the footer): the alliance's state, the office's own state (the
    home state on public pages), or Germany for the federal service office."""
    tenant = getattr(request, "tenant", None)
    return {"area": tenant, "platform_region": SimpleLazyObject(lambda: _region(tenant))}


def _region(tenant) -> str:
    from kernel import geo
    from tenants.scope import is_federal, scoped_or_home_state_key

    public = getattr(tenant, "schema_name", "public") == "public"  # the state area
    key = None if public else getattr(tenant, "state_id", None)
    if key is None and is_federal():
        return gettext("Germany")
    try:  # the official catalogue: no query (a state's name is a proper noun)
        return geo.state(key or scoped_or_home_state_key()).name
    except KeyError:
        return gettext("Germany")


def navigation(request):
    """The logged-in person's alliances and areas, for the switcher in the header (at most
    ``tenants.selectors.SWITCHER_LIMIT`` alliances, however many there are)."""
    from tenants.selectors import Switcher, switcher_for

    if not getattr(request, "user", None) or not request.user.is_authenticated:
        return {"switcher": Switcher(links=[])}
    return {"switcher": switcher_for(request)}
