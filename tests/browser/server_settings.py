"""The settings of the browser tests' web server and of the prepared demo's build: the
local settings (``make demo``), with the test suite's fast password hasher.

A PBKDF2 check costs a third of a second of CPU, and the journeys and the crawl log in
some twenty times a run; the demo's one password is hashed with the hasher of the
settings that seed it, so the prepared demo and its server share this module.
"""

from config.settings.local import *  # noqa: F403

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
