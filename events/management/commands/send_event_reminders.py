"""Remind everyone registered for an event that starts within a day. Run it hourly (cron or a timer).

Each registration gets one reminder (reminder_sent_at), so running it again sends nothing twice.
"""

from django.core.management.base import BaseCommand

from events.registration import send_reminders


class Command(BaseCommand):
    help = "E-mail a reminder to everyone registered for an event starting within 24 hours (once each)."

    def handle(self, *args, **options):
        sent = send_reminders()
        self.stdout.write(f"{sent} reminder(s) sent.")
