"""Daily: remind facilitators and project owners of requests waiting 3 days, tell the editors after 7."""

from django.core.management.base import BaseCommand

from communities.participation import send_request_reminders


class Command(BaseCommand):
    help = "Remind whoever answers requests to join (communities and projects) after 3 days; the editors after 7."

    def handle(self, *args, **options):
        reminded, escalated = send_request_reminders()
        self.stdout.write(f"{reminded} request(s) reminded, {escalated} passed to the editors.")
