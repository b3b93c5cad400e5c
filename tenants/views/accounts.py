"""Logging in and out, passwords, and the person's own account page."""

from __future__ import annotations

import json
import re
from urllib.parse import urlencode

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import login, logout
from django.contrib.auth import views as auth_views
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse, reverse_lazy
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from tenants import handoff
from tenants.forms import EraseAccountForm, LoginForm, PasswordResetForm
from tenants.links import host_url, tenant_origin
from tenants.permissions import access_of, public, requires_login
from tenants.selectors import navigation_for
from tenants.services.accounts import account_erase, account_export
from tenants.throttling import password_reset_verdict
from tenants.token_pages import token_headers, token_page

# Where each person lands after logging in without a page to return to: the first
# entry whose permission they hold on this host. The state office's overview, the
# ministry's released reports, the alliance's workspace; else their own account.
HOMES = (
    ("state.reports.manage", "dashboard"),
    ("state.reports.view", "report-list"),
    ("alliance.workspace.view", "workspace"),
)


def home_url(user, tenant) -> str:
    """The page ``user`` lands on in ``tenant`` after logging in (``HOMES``)."""
    access = access_of(user, tenant)
    for permission, url_name in HOMES:
        if access.can(permission):
            return reverse(url_name)
    return reverse("account")


class LoginView(auth_views.LoginView):
    public_view = True
    template_name = "accounts/login.html"
    authentication_form = LoginForm
    redirect_authenticated_user = True

    def get_default_redirect_url(self):
        # ``next`` (checked by Django to be on this host) wins; this is the fallback.
        return home_url(self.request.user, self.request.tenant)


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

    def form_valid(self, form):
        verdict = password_reset_verdict(request=self.request, email=form.cleaned_data["email"])
        if not verdict.allowed:
            minutes = max(1, -(-verdict.retry_after // 60))
            response = render(
                self.request,
                "accounts/password_reset_limited.html",
                {"minutes": minutes},
                status=429,
            )
            response["Retry-After"] = str(verdict.retry_after)
            return response
        # The link's origin comes from the configured site address and this area
        # (tenants.links), never from the request's Host header.
        self.extra_email_context = {"site_origin": tenant_origin(self.request.tenant)}
        return super().form_valid(form)


class PasswordResetDoneView(auth_views.PasswordResetDoneView):
    public_view = True
    template_name = "accounts/password_reset_done.html"


class PasswordResetConfirmView(auth_views.PasswordResetConfirmView):
    public_view = True
    template_name = "accounts/password_reset_confirm.html"
    success_url = reverse_lazy("password_reset_complete")

    def dispatch(self, *args, **kwargs):
        return token_headers(super().dispatch(*args, **kwargs))


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


def _local_path(request, target: str, default: str) -> str:
    """``target`` if it is a path on this host, else ``default`` (no open redirect)."""
    if target and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return default


def _this_host(request) -> str:
    return request.get_host().split(":")[0]


@requires_login
def hop(request):
    """Go to another platform host (the alliance switcher), staying logged in.

    Steps 1 and 3 of the hand-off (tenants.handoff): without ``binding`` the browser is
    sent to the target host to get its binding cookie; with it, it gets a token bound
    to that cookie.
    """
    host = request.GET.get("to", "").strip().lower()
    if not handoff.known_host(host):
        raise Http404
    # A path on the target host; the target checks it again before following it.
    next_path = request.GET.get("next", "") or "/workspace/"
    binding = request.GET.get("binding", "")
    if not binding:
        query = urlencode({"from": _this_host(request), "next": next_path})
        return redirect(host_url(host, f"{reverse('enter')}?{query}"))
    if not re.fullmatch(r"[0-9a-f]{64}", binding):
        raise Http404
    token = handoff.make_token(request.user, host, binding=binding)
    query = urlencode({"token": token, "next": next_path})
    return redirect(host_url(host, f"{reverse('enter')}?{query}"))


@public
@token_page
def enter(request):
    """Steps 2 and 4 of the hand-off (tenants.handoff): set this browser's binding
    cookie and go back for a token, or log the person in with a token bound to it."""
    next_path = _local_path(request, request.GET.get("next", ""), "/")
    if getattr(request.tenant, "is_public", False) and next_path == "/workspace/":
        next_path = "/"
    cookie_path = reverse("enter")
    token = request.GET.get("token", "")
    if not token:
        origin = request.GET.get("from", "").strip().lower()
        if not handoff.known_host(origin):
            return redirect("login")
        nonce, binding = handoff.new_binding()
        query = urlencode({"to": _this_host(request), "binding": binding, "next": next_path})
        response = redirect(host_url(origin, f"{reverse('hop')}?{query}"))
        response.set_cookie(
            handoff.BINDING_COOKIE,
            nonce,
            max_age=handoff.BINDING_MAX_AGE_SECONDS,
            path=cookie_path,
            secure=settings.SESSION_COOKIE_SECURE,
            httponly=True,
            samesite="Lax",
        )
        return response
    user = handoff.redeem(
        token, _this_host(request), nonce=request.COOKIES.get(handoff.BINDING_COOKIE, "")
    )
    if user is not None:
        login(request, user, backend="tenants.auth.EmailBackend")
        response = redirect(next_path)
    elif request.user.is_authenticated:
        response = redirect(next_path)
    else:
        messages.error(request, _("The link has expired. Please log in."))
        response = redirect("login")
    response.delete_cookie(handoff.BINDING_COOKIE, path=cookie_path)
    return response
