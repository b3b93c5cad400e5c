"""kernel.access: the kernel asks the module named in KERNEL_ACCESS, knowing no roles."""

from __future__ import annotations

import pytest
from django.core.exceptions import ImproperlyConfigured

from kernel import access


def test_policy_is_the_module_named_in_settings():
    import tenants.permissions

    assert access.policy() is tenants.permissions


def test_missing_setting_is_a_configuration_error(settings):
    settings.KERNEL_ACCESS = ""
    with pytest.raises(ImproperlyConfigured):
        access.policy()


def test_unknown_module_is_a_configuration_error(settings):
    settings.KERNEL_ACCESS = "no.such.module"
    with pytest.raises(ImproperlyConfigured):
        access.policy()
