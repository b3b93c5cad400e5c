"""Tokens: ``POST /api/v1/auth/token/`` with e-mail and password; ``DELETE`` revokes.

A token grants exactly what its person's memberships grant on the host it is used on.
Failed attempts count towards the login throttle like the login form's.
"""

from __future__ import annotations

from django.contrib.auth import authenticate
from django.utils.translation import gettext as _
from rest_framework import serializers, status
from rest_framework.authtoken.models import Token
from rest_framework.exceptions import AuthenticationFailed, NotAuthenticated
from rest_framework.response import Response
from rest_framework.views import APIView

from kernel.audit.services import audit_log


class CredentialsSerializer(serializers.Serializer):
    email = serializers.EmailField(help_text=_("The account's e-mail address."))
    password = serializers.CharField(help_text=_("The account's password."))


class TokenSerializer(serializers.Serializer):
    token = serializers.CharField(read_only=True)


class TokenView(APIView):
    public_view = True
    permission_classes: list = []
    serializer_class = CredentialsSerializer

    def post(self, request):
        credentials = CredentialsSerializer(data=request.data)
        credentials.is_valid(raise_exception=True)
        user = authenticate(
            request._request,
            username=credentials.validated_data["email"],
            password=credentials.validated_data["password"],
        )
        if user is None or not user.is_active:
            raise AuthenticationFailed(_("E-mail address or password is wrong."))
        token, created = Token.objects.get_or_create(user=user)
        if created:
            audit_log(actor=user, action="tenants.api_token.created", target=user)
        return Response({"token": token.key}, status=status.HTTP_200_OK)

    def delete(self, request):
        if not request.user.is_authenticated:
            raise NotAuthenticated
        deleted, _count = Token.objects.filter(user=request.user).delete()
        if deleted:
            audit_log(actor=request.user, action="tenants.api_token.revoked", target=request.user)
        return Response(status=status.HTTP_204_NO_CONTENT)
