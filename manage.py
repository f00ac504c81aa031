#!/usr/bin/env python
"""Django's command-line utility for Kollega."""

import os
import sys
from pathlib import Path

# The project shell lives in site/kollega/; "site" itself cannot be a package
# because the standard library's site module owns that name (see docs/architecture.md).
sys.path.insert(0, str(Path(__file__).resolve().parent / "site"))

if __name__ == "__main__":
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "kollega.settings.dev")
    from django.core.management import execute_from_command_line

    execute_from_command_line(sys.argv)
