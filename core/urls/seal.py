"""The family seal and every certification programme, under /workspace/seal/."""

from django.urls import path

from core.views import certification
from core.views import seal as views
from kernel.crud.urls import object_urls

urlpatterns = [
    *object_urls(views.SealPages),
    path("<int:pk>/checklist/", views.seal_checklist, name="seal-checklist"),
    path("<int:pk>/award/", views.SealAwardView.as_view(), name="seal-award"),
    path("<int:pk>/reject/", views.SealRejectView.as_view(), name="seal-reject"),
    *object_urls(views.CriterionPages),
]

urlpatterns += [
    path("<int:pk>/self-assessment/", certification.self_assessment, name="seal-self-assessment"),
    path("<int:pk>/renew/", certification.RenewalView.as_view(), name="seal-renew"),
    path(
        "programmes/templates/",
        certification.programme_templates,
        name="certification-programme-templates",
    ),
    *object_urls(certification.ProgrammePages),
    *object_urls(certification.GroupPages),
]
