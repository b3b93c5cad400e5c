import os

from django.core.wsgi import get_wsgi_application

from kernel.headroom import with_headroom

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.production")

# Each request runs with stack headroom (kernel/headroom.py: CPython maps and unmaps a
# frame chunk at every crossing of a chunk boundary, some hundred times a request).
application = with_headroom(get_wsgi_application())
