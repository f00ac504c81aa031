"""Load the demo site: a realistic, deterministic corpus in English, Swedish, German and Portuguese."""

import time

from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from core.db import refresh_planner_statistics
from demo.loader import DemoLoader, check_clean, summary_counts
from demo.vectors import shipped
from recommender.encoders.base import EncoderError
from recommender.rebuild import rebuild
from recommender.tasks import deferred_updates


class Command(BaseCommand):
    help = gettext_lazy(
        "Load the demo corpus (materials, people, communities, curriculum). Safe to run twice. "
        "Accounts: editor / kollega-demo (superuser) and teacher / kollega-demo."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--force",
            action="store_true",
            help=gettext_lazy("Load the demo even if the database holds content that is not part of it."),
        )
        parser.add_argument(
            "--no-recommendations",
            action="store_true",
            help=gettext_lazy("Skip building the recommender's vectors (run rebuild_recommendations later)."),
        )

    def handle(self, *args, force=False, verbosity=1, **options):
        started = time.monotonic()
        check_clean(force)
        # Per-object recommender updates are dropped during the load; one
        # rebuild afterwards encodes everything in large batches.
        with deferred_updates(discard=True):
            created = DemoLoader(self.stdout, verbosity).run()
        if not options["no_recommendations"]:
            try:
                # The demo's shipped vectors: only texts changed since they were written are encoded.
                figures = rebuild(known=shipped())
            except EncoderError as exc:
                self.stderr.write(
                    _("The recommender could not encode the demo (%(error)s); run rebuild_recommendations later.")
                    % {"error": exc}
                )
            else:
                self.stdout.write(_("Recommendations: %(documents)d documents indexed.") % figures)
        refresh_planner_statistics()
        counts = summary_counts()
        elapsed = time.monotonic() - started
        self.stdout.write(
            _("Demo loaded in %(seconds).1f s. Created this run: %(created)s.")
            % {
                "seconds": elapsed,
                "created": ", ".join(f"{k} {v}" for k, v in created.items()),
            }
        )
        self.stdout.write(
            _(
                "The demo now holds %(resources)d materials (%(by_locale)s), %(people)d people in %(countries)d "
                "countries, %(communities)d communities, %(facilitators)d facilitators, %(projects)d projects "
                "and %(units)d curriculum units."
            )
            % {**counts, "by_locale": ", ".join(f"{k} {v}" for k, v in counts["resources_by_locale"].items())}
        )
        self.stdout.write(
            _("Sign in at /admin/ as editor / kollega-demo; a teacher account is teacher / kollega-demo.")
        )
        self.stdout.write(
            _(
                "A facilitator account is facilitator / kollega-demo: join requests, discussions, "
                "the cohort and the admin's reports."
            )
        )
