"""An alliance URL conf with one view that fails, for the error-reporting tests."""

from django.urls import path

from config.urls_tenant import urlpatterns as tenant_patterns


def boom(request):
    raise RuntimeError("Absturz bei anna.schmidt@example.org, Telefon +49 3641 123456")


urlpatterns = [path("boom/", boom), *tenant_patterns]
