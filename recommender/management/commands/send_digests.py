"""manage.py send_digests: e-mail each teacher their weekly suggestions (console backend in dev)."""

from django.core.management.base import BaseCommand

from recommender.digests import send_digests


class Command(BaseCommand):
    help = "Send the weekly digest of suggested colleagues and new related work."

    def add_arguments(self, parser):
        parser.add_argument("--days", type=int, default=7, help="How far back 'new work' reaches.")
        parser.add_argument("--dry-run", action="store_true")

    def handle(self, *args, **options):
        figures = send_digests(days=options["days"], dry_run=options["dry_run"])
        self.stdout.write(
            f"Digests sent: {figures['sent']}; nothing new for {figures['skipped']}; failed: {figures['failed']}."
        )
