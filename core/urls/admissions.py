"""Admission applications and the board's decisions (/workspace/applications/)."""

from django.urls import path

from core.views import admissions as views
from kernel.crud.urls import object_urls

urlpatterns = [
    *object_urls(views.ApplicationPages),
    path(
        "<int:pk>/withdraw/", views.ApplicationWithdrawView.as_view(), name="application-withdraw"
    ),
    path("<int:pk>/decide/", views.DecisionCreateView.as_view(), name="decision-create"),
    path(
        "<int:pk>/decisions/<int:decision_pk>/letter.pdf",
        views.decision_letter,
        name="decision-letter",
    ),
    path(
        "<int:pk>/decisions/<int:decision_pk>/letter/send/",
        views.decision_letter_send,
        name="decision-letter-send",
    ),
]
