"""One router for alliance hosts, one for the state host; schema and docs on both."""

from django.urls import include, path
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerView
from rest_framework.routers import SimpleRouter

from api.views import (
    careguides,
    carers,
    certification,
    onboarding,
    publicsite,
    state,
    state_resources,
    workshops,
    workspace,
    workspace_resources,
)
from api.views.auth import TokenView


class SchemaView(SpectacularAPIView):
    """The OpenAPI schema of this host's API (not secret)."""

    public_view = True


class DocsView(SpectacularSwaggerView):
    """Swagger UI, served from this project (drf-spectacular-sidecar), no CDN."""

    public_view = True


alliance_router = SimpleRouter(trailing_slash=True)
alliance_router.register("partners", workspace.PartnerViewSet, basename="api-partner")
alliance_router.register(
    "public/partners", workspace.PublicPartnerViewSet, basename="api-public-partner"
)
alliance_router.register(
    "public/holiday-offers", workspace.PublicHolidayOfferViewSet, basename="api-holiday-offer"
)

state_router = SimpleRouter(trailing_slash=True)
state_router.register("alliances", state.AllianceViewSet, basename="api-alliance")

workspace_resources.register(alliance_router)
state_resources.register(state_router)
# onboarding
alliance_router.register("onboarding", onboarding.ChecklistViewSet, basename="api-onboarding")
state_router.register(
    "starter-templates", onboarding.StarterTemplateViewSet, basename="api-starter-template"
)
carers.register(alliance_router)  # carers
# workshops
workshops.register(alliance_router)
workshops.register_state(state_router)
careguides.register(alliance_router)  # careguides
publicsite.register(alliance_router)  # publicsite
# certification
certification.register(alliance_router)


def _common(urlconf: str) -> list:
    # Each host documents its own routes: the schema is built from that host's URL conf.
    return [
        path("api/v1/auth/token/", TokenView.as_view(), name="api-token"),
        path("api/schema/", SchemaView.as_view(urlconf=urlconf), name="api-schema"),
        path("api/docs/", DocsView.as_view(url_name="api-schema"), name="api-docs"),
    ]


alliance_patterns = [
    path("api/v1/", include(alliance_router.urls)),
    *_common("config.urls_tenant"),
]
state_patterns = [path("api/v1/", include(state_router.urls)), *_common("config.urls_public")]
