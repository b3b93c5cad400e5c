"""Certification templates of the state office, mounted at /certification/."""

from kernel.crud.urls import object_urls
from regional.views import certification as views

urlpatterns = [
    *object_urls(views.TemplatePages),
    *object_urls(views.GroupPages),
    *object_urls(views.CriterionPages),
]
