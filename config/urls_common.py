"""URL patterns that both the state area and every alliance host serve."""

from django.contrib import admin
from django.urls import include, path

from tenants.views import accounts

# Signing in and out and the password pages: Django's views, under Django's names.
AUTH_PAGES = (
    ("login/", accounts.LoginView, "login"),
    ("logout/", accounts.LogoutView, "logout"),
    ("password/", accounts.PasswordChangeView, "password_change"),
    ("password/reset/", accounts.PasswordResetView, "password_reset"),
    ("password/reset/sent/", accounts.PasswordResetDoneView, "password_reset_done"),
    (
        "password/reset/<uidb64>/<token>/",
        accounts.PasswordResetConfirmView,
        "password_reset_confirm",
    ),
    ("password/reset/done/", accounts.PasswordResetCompleteView, "password_reset_complete"),
)

account_patterns = [
    *(path(route, view.as_view(), name=name) for route, view, name in AUTH_PAGES),
    path("", accounts.account, name="account"),
    path("export/", accounts.account_export_view, name="account_export"),
    path("erase/", accounts.account_erase_view, name="account_erase"),
    path("hop/", accounts.hop, name="hop"),
    path("enter/", accounts.enter, name="enter"),
]

urlpatterns = [
    path("accounts/", include(account_patterns)),
    path("i18n/", include("django.conf.urls.i18n")),
    path("admin/", admin.site.urls),
]
