"""Log in with the e-mail address; tell a disabled account apart from a wrong password."""

from django.contrib.auth import get_user_model
from django.contrib.auth.backends import ModelBackend


class EmailBackend(ModelBackend):
    """Authenticates by e-mail (case-insensitive).

    Unlike ModelBackend it returns disabled accounts from ``authenticate`` when the
    password is right, so the login form can say "this account is disabled" instead of
    "wrong password"; the form then refuses the login. ``get_user`` (the session) still
    rejects disabled accounts, so disabling one ends its sessions at the next request.
    """

    def authenticate(self, request, username=None, password=None, **kwargs):
        User = get_user_model()
        email = username or kwargs.get(User.USERNAME_FIELD)
        if not email or password is None:
            return None
        try:
            user = User.objects.get(email__iexact=email.strip())
        except User.DoesNotExist:
            # Spend the time of a hash anyway: answers must not reveal unknown addresses.
            User().set_password(password)
            return None
        if user.check_password(password):
            return user
        return None


def login_name(request, credentials) -> str:
    """The address a login attempt is for, normalised, as django-axes counts attempts."""
    name = (credentials or {}).get("username") or request.POST.get("username") or ""
    return name.strip().lower()
