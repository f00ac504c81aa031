"""`manage.py import_resources FILE.json`: publish teaching materials from a JSON export (see resources/importer.py)."""

import time

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from resources.importer import ImportFileError, apply, read_file, validate


class Command(BaseCommand):
    help = _("Import teaching materials from a JSON file as published pages; re-importing updates them.")

    def add_arguments(self, parser):
        parser.add_argument("file", help=_("JSON file: a list of material records"))
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help=_("Only check the file and report what would change; write nothing."),
        )

    def handle(self, *args, file, dry_run=False, **options):
        started = time.monotonic()
        try:
            plan = validate(read_file(file), filename=file)
            if dry_run:
                self.stdout.write(
                    _("%(file)s is valid: would create %(created)d, update %(updated)d, create people %(people)d")
                    % {
                        "file": file,
                        "created": plan.to_create,
                        "updated": plan.to_update,
                        "people": plan.people_to_create,
                    }
                )
                return
            # A management command runs alone in its process, so deferring
            # search indexing to one update per page at the end is safe here.
            result = apply(plan, defer_search_index=True)
        except ImportFileError as exc:
            # CommandError makes manage.py exit non-zero with the message and no traceback.
            raise CommandError(_("%(error)s\nNothing was imported.") % {"error": exc}) from exc
        self.stdout.write(
            self.style.SUCCESS(
                _("%(file)s: %(summary)s (%(seconds).1f s)")
                % {"file": file, "summary": result.summary, "seconds": time.monotonic() - started}
            )
        )
