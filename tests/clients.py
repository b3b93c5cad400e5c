"""The test client of the walks over every route: it records no rendered templates.

Django's test set-up makes every template send a signal as it renders, and its test
client stores each template with a copy of its context (``response.templates``,
``response.context``). The walks (the permission matrix, the isolation audit, the
hostile query values) read status codes, headers and content only, and send tens of
thousands of requests; their client renders as outside the tests. Measured on the
permission matrix: 6 % of its time was the recording.
"""

from __future__ import annotations

from django.template.base import Template
from django.test import Client


def _render(self, context):
    # Django's own Template._render (django/template/base.py), which the test set-up
    # (django.test.utils.setup_test_environment) replaces with its instrumented one.
    return self.nodelist.render(context)


class WalkClient(Client):
    """A test client whose responses carry no ``templates`` and no ``context``."""

    def request(self, **request):
        instrumented = Template._render
        Template._render = _render
        try:
            return super().request(**request)
        finally:
            Template._render = instrumented
