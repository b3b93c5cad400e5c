#!/usr/bin/env python
"""Django's command-line utility for administrative tasks."""

import os
import sys


def main() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.local")
    from django.core.management import execute_from_command_line

    from kernel.headroom import call_with_headroom

    # Every command (migrations, the demo's seed, a shell's script) runs with stack
    # headroom: kernel/headroom.py. The development server's requests get theirs from
    # config/wsgi.py.
    call_with_headroom(execute_from_command_line, sys.argv)


if __name__ == "__main__":
    main()
