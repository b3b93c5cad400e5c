"""The federal service office's pages, mounted at /bund/ on the state area's host."""

from django.urls import path

from federal.views import awards, overview, programmes
from kernel.crud.urls import object_urls

urlpatterns = [
    path("", overview.overview, name="federal-overview"),
    *object_urls(programmes.ProgrammePages),
    *object_urls(programmes.ParticipationPages),
    *object_urls(programmes.MilestonePages),
    path("documents/", programmes.programme_documents, name="programme-document-list"),
    *programmes.DOCUMENT_PAGES.urls(programmes.DOCUMENT_VIEWS, prefix="documents/"),
    *object_urls(awards.AwardPages),
]
