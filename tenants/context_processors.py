def area(request):
    """The alliance (or the state area) the page belongs to, for the layout."""
    return {"area": getattr(request, "tenant", None)}


def navigation(request):
    """The logged-in person's alliances and areas, for the switcher in the header."""
    from tenants.selectors import navigation_for

    if not getattr(request, "user", None) or not request.user.is_authenticated:
        return {"navigation": []}
    return {"navigation": navigation_for(request)}
