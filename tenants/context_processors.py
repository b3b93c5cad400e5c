def area(request):
    """The alliance (or the state area) the page belongs to, for the layout."""
    return {"area": getattr(request, "tenant", None)}


def navigation(request):
    """The logged-in person's alliances and areas, for the switcher in the header (at most
    ``tenants.selectors.SWITCHER_LIMIT`` alliances, however many there are)."""
    from tenants.selectors import Switcher, switcher_for

    if not getattr(request, "user", None) or not request.user.is_authenticated:
        return {"switcher": Switcher(links=[])}
    return {"switcher": switcher_for(request)}
