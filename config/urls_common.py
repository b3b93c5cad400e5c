"""URL patterns that both the state area and every alliance host serve."""

from django.contrib import admin
from django.urls import include, path

from tenants.views import accounts

account_patterns = [
    path("login/", accounts.LoginView.as_view(), name="login"),
    path("logout/", accounts.LogoutView.as_view(), name="logout"),
    path("password/", accounts.PasswordChangeView.as_view(), name="password_change"),
    path("password/reset/", accounts.PasswordResetView.as_view(), name="password_reset"),
    path(
        "password/reset/sent/",
        accounts.PasswordResetDoneView.as_view(),
        name="password_reset_done",
    ),
    path(
        "password/reset/<uidb64>/<token>/",
        accounts.PasswordResetConfirmView.as_view(),
        name="password_reset_confirm",
    ),
    path(
        "password/reset/done/",
        accounts.PasswordResetCompleteView.as_view(),
        name="password_reset_complete",
    ),
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
