"""The alliance host's own URLs. Each area of the workspace has its module here."""

from django.urls import include, path

from core.urls import workshops as workshop_urls
from core.urls.publicsite import public_urlpatterns as site_public
from core.urls.publicsite import workspace_urlpatterns as site_workspace
from core.views import personal_data, public, workspace

urlpatterns = [
    path("", public.home, name="alliance-home"),
    path("workspace/", workspace.workspace, name="workspace"),
    path("workspace/audit/", workspace.audit_trail, name="audit-trail"),
    path("workspace/partners/", include("core.urls.partners")),
    path("workspace/applications/", include("core.urls.admissions")),
    path("workspace/board/", include("core.urls.board")),
    path("workspace/", include("core.urls.projects")),
    path("workspace/seal/", include("core.urls.seal")),
    path("", include("core.urls.holidays")),
    path("workspace/import/", include("core.urls.imports")),
    path("workspace/personal-data/", personal_data.personal_data, name="personal-data"),
    path(
        "workspace/personal-data/export/",
        personal_data.personal_data_export_view,
        name="personal-data-export",
    ),
    path(
        "workspace/personal-data/<str:kind>/<int:pk>/anonymise/",
        personal_data.personal_data_anonymise,
        name="personal-data-anonymise",
    ),
    path("media/<path:path>", workspace.media, name="media"),
    # onboarding
    path("workspace/onboarding/", include("core.urls.onboarding")),
    # carers
    path("", include("core.urls.carers")),
    # workshops
    path("workspace/", include("core.urls.workshops")),
    path("workshops/", include(workshop_urls.public_urlpatterns)),
    # careguides
    path("workspace/partners/", include("core.urls.careguides")),
    path("workspace/agreements/", include("core.urls.agreements")),
    # publicsite
    path("workspace/site/", include(site_workspace)),
    *site_public,
    # fundraising
    path("workspace/fundraising/", include("core.urls.fundraising")),
    # library (its list, with the state office's documents: regional.urls.library)
    path("workspace/documents/", include("core.urls.library")),
]
