"""Write demo/data/vectors-<model>.npz from the demo in this database (encoding what it lacks)."""

from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from demo.vectors import write


class Command(BaseCommand):
    help = gettext_lazy(
        "Write the demo's shipped vectors (demo/data/vectors-<model>.npz) for the current encoder from the "
        "demo loaded in this database, so that load_demo encodes only texts changed since."
    )

    def handle(self, *args, **options):
        path, count, encoded = write()
        self.stdout.write(
            _("Wrote %(count)d vectors to %(path)s (%(encoded)d encoded now).")
            % {"count": count, "path": path, "encoded": encoded}
        )
