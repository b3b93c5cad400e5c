from django.shortcuts import render

from tenants.selectors import alliance_list


def home(request):
    """The state area's start page: the alliances of Thuringia and where to find them."""
    alliances = alliance_list()
    return render(request, "regional/home.html", {"alliances": alliances})
