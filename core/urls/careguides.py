"""Care guides, under /workspace/partners/ (careguides)."""

from core.views import careguides as views
from kernel.crud.urls import object_urls

urlpatterns = [
    *object_urls(views.CareGuidePages),
    *object_urls(views.PartnerWithoutGuidePages),
    *object_urls(views.PartnerCareGuidePages),
]
