from django.shortcuts import render

from tenants.permissions import public
from tenants.selectors import alliance_list


@public
def home(request):
    """The state area's start page: the alliances of Thuringia and where to find them."""
    return render(request, "regional/home.html", {"alliances": alliance_list()})
