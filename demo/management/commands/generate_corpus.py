"""Generate a large synthetic corpus of materials in four languages for scale tests."""

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from core.db import refresh_planner_statistics
from demo.corpus import generate


class Command(BaseCommand):
    help = gettext_lazy(
        "Generate N synthetic materials (external id 'synthetic:...') under a separate index page per "
        "locale, written in batches so that memory stays flat."
    )

    def add_arguments(self, parser):
        parser.add_argument("--resources", type=int, required=True, help=gettext_lazy("How many materials to create."))
        parser.add_argument(
            "--people", type=int, default=200, help=gettext_lazy("How many synthetic authors to create.")
        )
        parser.add_argument("--batch", type=int, default=1000, help=gettext_lazy("Materials written per transaction."))
        parser.add_argument("--seed", type=int, default=1, help=gettext_lazy("Seed of the random generator."))

    def handle(self, *args, resources, people, batch, seed, **options):
        if resources < 0 or people < 0 or batch < 1:
            raise CommandError(_("--resources and --people must not be negative and --batch must be at least 1."))
        count, seconds = generate(resources, people=people, batch=batch, seed=seed, stdout=self.stdout)
        refresh_planner_statistics()
        self.stdout.write(
            _("Created %(count)d synthetic materials in %(seconds).1f s.") % {"count": count, "seconds": seconds}
        )
