"""Registering for an event: places, the waiting list, cancellation, attendance, and the e-mails they send.

Places are counted over the event's translation group (EventPage.registrations).
A registration that frees a place moves the first person on the waiting list
up at once, with an e-mail. Every e-mail is written in the registrant's
language (core.mail) about the event's page in that language when there is one,
with the event as an iCalendar attachment for those who hold a place.
"""

from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale, Page

from communities.privacy import can_see_page
from core.mail import recipient_language, send_templated_email
from core.urls import absolute_url

from .calendar import event_ics
from .choices import HOLDS_A_PLACE, RegistrationStatus
from .models import Registration


class RegistrationError(Exception):
    def __init__(self, message):
        super().__init__(message)
        self.message = message


def _lock(event):
    """Serialise registrations of one event (its translation group shares the original's row)."""
    Page.objects.select_for_update().filter(translation_key=event.translation_key).order_by("pk").first()


def register(person, event, now=None):
    """Register `person`, or put them on the waiting list when the event is full. Idempotent."""
    if person is None or person.user_id is None:
        raise RegistrationError(_("Sign in to register."))
    if not event.registration_open(now):
        raise RegistrationError(_("Registration for this event is closed."))
    with transaction.atomic():
        _lock(event)
        existing = event.registration_of(person)
        if existing is not None and existing.status != RegistrationStatus.CANCELLED:
            return existing
        status = RegistrationStatus.WAITING if event.is_full else RegistrationStatus.REGISTERED
        if existing is not None:
            existing.status, existing.created, existing.reminder_sent_at = status, timezone.now(), None
            existing.save(update_fields=["status", "created", "reminder_sent_at"])
            registration = existing
        else:
            registration = Registration.objects.create(event=event, person=person, status=status)
    notify(registration, "registered" if status == RegistrationStatus.REGISTERED else "waiting")
    return registration


def cancel(registration):
    """Cancel a registration; a freed place goes to the first person waiting."""
    event = registration.event.specific
    with transaction.atomic():
        _lock(event)
        registration.refresh_from_db()
        if registration.status == RegistrationStatus.CANCELLED:
            return []
        freed = registration.status in HOLDS_A_PLACE
        registration.status = RegistrationStatus.CANCELLED
        registration.save(update_fields=["status"])
        moved = fill_places(event) if freed else []
    notify(registration, "cancelled")
    for other in moved:
        notify(other, "moved_up")
    return moved


def fill_places(event):
    """Move people up from the waiting list while there are places; returns their registrations."""
    moved = []
    waiting = list(event.registrations().filter(status=RegistrationStatus.WAITING).order_by("created", "pk"))
    for registration in waiting:
        if event.is_full or not event.is_upcoming:
            break
        registration.status = RegistrationStatus.REGISTERED
        registration.save(update_fields=["status"])
        moved.append(registration)
    return moved


def mark_attendance(event, attended_ids):
    """Registered people in `attended_ids` attended; the others who held a place did not (back to registered)."""
    holding = event.registrations().filter(status__in=HOLDS_A_PLACE)
    holding.filter(pk__in=attended_ids).update(status=RegistrationStatus.ATTENDED)
    holding.exclude(pk__in=attended_ids).update(status=RegistrationStatus.REGISTERED)


# -- E-mail ----------------------------------------------------------------------


def event_in_language(event, language):
    """The live translation of the event in `language`, else the event itself."""
    try:
        locale = Locale.objects.get(language_code=language)
    except Locale.DoesNotExist:
        return event
    translation_ = event.get_translation_or_none(locale)
    return translation_.specific if translation_ is not None and translation_.live else event


def notify(registration, template):
    """One e-mail about a registration, in the registrant's language; with the event's .ics when it holds a place."""
    person = registration.person
    language = recipient_language(person, default=registration.event.locale.language_code)
    event = event_in_language(registration.event.specific, language)
    attachments = None
    holds_place = registration.status in HOLDS_A_PLACE
    if holds_place:
        with translation.override(language):
            attachments = [("event.ics", event_ics(event, include_online=True), "text/calendar")]
    context = {
        "person": person,
        "event": event,
        "registration": registration,
        "event_url": absolute_url(event),
        "online_url": event.online_url if holds_place else "",
    }
    return send_templated_email(
        f"events/emails/{template}", context, person, language=language, attachments=attachments
    )


def send_reminders(now=None, ahead=None):
    """Remind everyone holding a place of an event starting within `ahead` (a day); once each."""
    from datetime import timedelta

    now = now or timezone.now()
    ahead = ahead or timedelta(days=1)
    due = Registration.objects.filter(
        status=RegistrationStatus.REGISTERED,
        reminder_sent_at__isnull=True,
        event__start__gt=now,
        event__start__lte=now + ahead,
        event__live=True,
    ).select_related("person", "event")
    sent = 0
    for registration in due:
        if not can_see_page(registration.person.user, registration.event):
            continue  # left the members-only community since, or the event is hidden now
        # Claim it first: a second run (or a parallel one) finds it taken.
        claimed = Registration.objects.filter(pk=registration.pk, reminder_sent_at__isnull=True).update(
            reminder_sent_at=now
        )
        if claimed:
            notify(registration, "reminder")
            sent += 1
    return sent
