"""The alliance's documents, under /workspace/documents/ (the list: regional.urls.library)."""

from core.views.library import PAGES, VIEWS

urlpatterns = PAGES.urls(VIEWS)
