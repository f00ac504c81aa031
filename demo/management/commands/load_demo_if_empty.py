"""`make run`'s demo step: load the demo into an empty database, otherwise leave the content alone.

load_demo itself refuses a database that holds content it did not make (a
teacher's material, a new account), and it should when called by hand. The
second `make run` meets exactly such a database: it must serve it, not stop.
"""

from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.models import Page


def database_is_empty():
    """Nothing but what the migrations create: the tree root and the home pages, and nobody."""
    from communities.models import Person

    return not Page.objects.filter(depth__gt=2).exists() and not Person.objects.exists()


class Command(BaseCommand):
    help = gettext_lazy(
        "Load the demo if the database is empty (as after the first migrate); otherwise do nothing. "
        "make run uses it; run load_demo to load or update the demo by hand."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--no-recommendations",
            action="store_true",
            help=gettext_lazy("Skip building the recommender's vectors (run rebuild_recommendations later)."),
        )

    def handle(self, *args, verbosity=1, no_recommendations=False, **options):
        if not database_is_empty():
            self.stdout.write(_("The database already holds content: the demo is not loaded again."))
            return
        call_command(
            "load_demo",
            verbosity=verbosity,
            no_recommendations=no_recommendations,
            stdout=self.stdout,
            stderr=self.stderr,
        )
