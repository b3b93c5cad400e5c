"""One router for alliance hosts, one for the state host; schema and docs on both."""

from django.urls import include, path
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerView
from rest_framework.routers import SimpleRouter

from api.views import (
    addressbook,
    audit,
    careguides,
    carers,
    certification,
    federal,
    fundraising,
    imports,
    library,
    monitoring,
    onboarding,
    publicsite,
    state,
    state_resources,
    states,
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


# Every route of the API: path prefix, viewset, URL name (basename), in the routers' order.
ALLIANCE_ROUTES = [
    ("partners", workspace.PartnerViewSet, "api-partner"),
    ("public/partners", workspace.PublicPartnerViewSet, "api-public-partner"),
    ("public/holiday-offers", workspace.PublicHolidayOfferViewSet, "api-holiday-offer"),
    ("contacts", workspace_resources.ContactPersonViewSet, "api-contacts"),
    ("projects", workspace_resources.ProjectViewSet, "api-projects"),
    ("working-groups", workspace_resources.WorkingGroupViewSet, "api-working-groups"),
    ("events", workspace_resources.EventViewSet, "api-events"),
    ("funding-entries", workspace_resources.FundingEntryViewSet, "api-funding-entries"),
    ("holiday-offers", workspace_resources.HolidayOfferViewSet, "api-holiday-offers"),
    ("applications", workspace_resources.ApplicationViewSet, "api-applications"),
    ("decisions", workspace_resources.DecisionViewSet, "api-decisions"),
    ("board-meetings", workspace_resources.BoardMeetingViewSet, "api-board-meetings"),
    ("seals", workspace_resources.SealApplicationViewSet, "api-seals"),
    ("onboarding", onboarding.ChecklistViewSet, "api-onboarding"),
    ("imports", imports.ImportViewSet, "api-imports"),
    ("carers", carers.CarerViewSet, "api-carers"),
    ("placements", carers.PlacementViewSet, "api-placements"),
    ("care-guides", careguides.CareGuideViewSet, "api-care-guides"),
    ("agreements", careguides.AgreementViewSet, "api-agreements"),
    ("awards", publicsite.AwardViewSet, "api-awards"),
    ("legal-pages", publicsite.LegalPageViewSet, "api-legal-pages"),
    ("site-identity", publicsite.SiteIdentityViewSet, "api-site-identity"),
    ("certification-programmes", certification.CertificationProgrammeViewSet, "api-programmes"),
    ("criterion-groups", certification.CriterionGroupViewSet, "api-criterion-groups"),
    ("fundraising/supporters", fundraising.SupporterViewSet, "api-supporters"),
    ("fundraising/actions", fundraising.FundraisingActionViewSet, "api-fundraising-actions"),
    ("fundraising/grants", fundraising.ProjectGrantViewSet, "api-project-grants"),
    ("fundraising/receipts", fundraising.DonationReceiptViewSet, "api-donation-receipts"),
    ("audit", audit.AuditEntryViewSet, "api-audit"),
    # library (the state documents first: "state" is no document's id)
    ("documents/state", library.SharedStateDocumentViewSet, "api-state-documents"),
    ("documents", library.AllianceDocumentViewSet, "api-documents"),
]
STATE_ROUTES = [
    ("alliances", state.AllianceViewSet, "api-alliance"),
    ("states", states.StateViewSet, "api-state"),
    ("snapshots", state_resources.AllianceSnapshotViewSet, "api-snapshot"),
    ("monitoring", monitoring.MonitoringViewSet, "api-monitoring"),
    ("address-book", addressbook.AddressBookViewSet, "api-address-book"),
    ("mailings", addressbook.MailingViewSet, "api-mailing"),
    ("regional-meetings", state_resources.RegionalMeetingViewSet, "api-regional-meeting"),
    ("invitations", state_resources.InvitationViewSet, "api-invitation"),
    ("setups", state_resources.AllianceSetupViewSet, "api-setup"),
    ("reports", state_resources.ReportViewSet, "api-report"),
    ("starter-templates", onboarding.StarterTemplateViewSet, "api-starter-template"),
    ("documents", library.StateDocumentViewSet, "api-documents"),
    # federal
    ("federal/states", federal.StateFiguresViewSet, "api-federal-states"),
    ("federal/programmes", federal.ProgrammeViewSet, "api-federal-programmes"),
    ("federal/participations", federal.ParticipationViewSet, "api-federal-participations"),
    ("federal/milestones", federal.MilestoneViewSet, "api-federal-milestones"),
    ("federal/awards", federal.AwardViewSet, "api-federal-awards"),
    ("federal/public/awards", federal.PublicAwardViewSet, "api-federal-public-awards"),
]


def _router(routes) -> SimpleRouter:
    router = SimpleRouter(trailing_slash=True)
    for prefix, viewset, basename in routes:
        router.register(prefix, viewset, basename=basename)
    return router


alliance_router, state_router = _router(ALLIANCE_ROUTES), _router(STATE_ROUTES)
# The workshops add their own (api.views.workshops).
workshops.register(alliance_router)
workshops.register_state(state_router)


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
