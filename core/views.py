from django.shortcuts import render


def home(request):
    """The alliance's start page on its own host."""
    return render(request, "core/home.html", {"alliance": request.tenant})
