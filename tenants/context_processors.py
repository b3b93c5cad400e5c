def area(request):
    """The alliance (or the state area) the page belongs to, for the layout."""
    return {"area": getattr(request, "tenant", None)}
