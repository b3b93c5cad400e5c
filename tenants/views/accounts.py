"""Logging in and out, passwords, and the person's own account page."""

from __future__ import annotations

import json

from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth import views as auth_views
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse_lazy
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from tenants.forms import EraseAccountForm, LoginForm, PasswordResetForm
from tenants.permissions import public, requires_login
from tenants.selectors import navigation_for
from tenants.services.accounts import account_erase, account_export


class LoginView(auth_views.LoginView):
    public_view = True
    template_name = "accounts/login.html"
    authentication_form = LoginForm
    redirect_authenticated_user = True


class LogoutView(auth_views.LogoutView):
    public_view = True
    template_name = "accounts/logged_out.html"


class PasswordChangeView(auth_views.PasswordChangeView):
    required_permission = "account.self"
    template_name = "accounts/password_change.html"
    success_url = reverse_lazy("account")

    def dispatch(self, request, *args, **kwargs):
        return requires_login(super().dispatch)(request, *args, **kwargs)

    def form_valid(self, form):
        messages.success(self.request, _("Your password has been changed."))
        return super().form_valid(form)


class PasswordResetView(auth_views.PasswordResetView):
    public_view = True
    form_class = PasswordResetForm
    template_name = "accounts/password_reset.html"
    email_template_name = "accounts/email/password_reset.txt"
    subject_template_name = "accounts/email/password_reset_subject.txt"
    success_url = reverse_lazy("password_reset_done")


class PasswordResetDoneView(auth_views.PasswordResetDoneView):
    public_view = True
    template_name = "accounts/password_reset_done.html"


class PasswordResetConfirmView(auth_views.PasswordResetConfirmView):
    public_view = True
    template_name = "accounts/password_reset_confirm.html"
    success_url = reverse_lazy("password_reset_complete")


class PasswordResetCompleteView(auth_views.PasswordResetCompleteView):
    public_view = True
    template_name = "accounts/password_reset_complete.html"


@requires_login
def account(request):
    """The person's own page: roles, where to go, own data."""
    return render(
        request,
        "accounts/account.html",
        {"navigation": navigation_for(request), "erase_form": EraseAccountForm(user=request.user)},
    )


@requires_login
@require_POST
def account_export_view(request):
    data = account_export(actor=request.user, user=request.user)
    response = HttpResponse(
        json.dumps(data, ensure_ascii=False, indent=2), content_type="application/json"
    )
    stamp = timezone.localdate().isoformat()
    response["Content-Disposition"] = f'attachment; filename="buendnisnetz-daten-{stamp}.json"'
    return response


@requires_login
@require_POST
def account_erase_view(request):
    form = EraseAccountForm(request.POST, user=request.user)
    if not form.is_valid():
        return render(
            request,
            "accounts/account.html",
            {"navigation": navigation_for(request), "erase_form": form},
            status=400,
        )
    account_erase(actor=request.user, user=request.user)
    logout(request)
    messages.success(request, _("Your account and your personal data have been erased."))
    return redirect("login")


def locked_out(request, original_response=None, credentials=None):
    """django-axes' answer during the cool-off (429, German, no hint whether the address exists)."""
    from django.conf import settings

    minutes = int(settings.AXES_COOLOFF_TIME.total_seconds() // 60)
    return render(request, "accounts/locked_out.html", {"minutes": minutes}, status=429)


@requires_login
def hop(request):
    """Go to another platform host (the alliance switcher), staying logged in."""
    from urllib.parse import urlencode

    from tenants.handoff import known_host, make_token

    host = request.GET.get("to", "").strip().lower()
    if not known_host(host):
        raise Http404
    port = request.get_port()
    default_port = "443" if request.is_secure() else "80"
    authority = host if port in ("", default_port) else f"{host}:{port}"
    query = urlencode({"token": make_token(request.user, host), "next": "/workspace/"})
    return redirect(f"{request.scheme}://{authority}/accounts/enter/?{query}")


@public
def enter(request):
    """The other half of ``hop``: log the person in on this host and go on."""
    from django.contrib.auth import login
    from django.utils.http import url_has_allowed_host_and_scheme

    from tenants.handoff import redeem

    next_path = request.GET.get("next", "/")
    if not url_has_allowed_host_and_scheme(next_path, allowed_hosts={request.get_host()}):
        next_path = "/"
    if getattr(request.tenant, "is_public", False) and next_path == "/workspace/":
        next_path = "/"
    user = redeem(request.GET.get("token", ""), request.get_host().split(":")[0])
    if user is None:
        if request.user.is_authenticated:
            return redirect(next_path)
        messages.error(request, _("The link has expired. Please log in."))
        return redirect("login")
    login(request, user, backend="tenants.auth.EmailBackend")
    return redirect(next_path)
