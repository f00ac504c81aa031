"""Registration: places, the waiting list, cancellation with move-up, e-mails in the registrant's language."""

import datetime

import pytest
from django.core import mail
from django.utils import timezone

from events import registration as service
from events.choices import RegistrationStatus
from tests import factories as f
from tests.events.helpers import event, sign_in, teacher

pytestmark = pytest.mark.django_db

# The subject of the "a place is free" e-mail in each language (the event keeps its English title).
MOVED_UP = {
    "en": "A place is free for you: Lantern workshop",
    "sv": "En plats är ledig för dig: Lantern workshop",
    "de": "Ein Platz ist für Sie frei: Lantern workshop",
    "pt": "Há uma vaga para si: Lantern workshop",
}


@pytest.fixture
def workshop():
    return event(
        f.community("Lisbon teachers"), "Lantern workshop", capacity=1, online_url="https://meet.example.org/x"
    )


def test_registering_takes_a_place_and_sends_a_confirmation_with_the_event(client, workshop):
    ana = teacher("Ana", "pt")
    response = sign_in(client, ana).post(workshop.url + "register/")
    assert response.status_code == 302
    registration = workshop.registration_of(ana)
    assert registration.status == RegistrationStatus.REGISTERED
    assert workshop.places_left == 0
    message = mail.outbox[-1]
    assert message.to == [ana.user.email]
    assert message.subject == "Está inscrito(a): Lantern workshop"
    assert [(name, mimetype) for name, _content, mimetype in message.attachments] == [("event.ics", "text/calendar")]
    assert "https://meet.example.org/x" in message.body


def test_registering_needs_a_post_and_a_signed_in_person(client, workshop):
    assert client.post(workshop.url + "register/").status_code == 302  # to sign in
    assert workshop.registrations().count() == 0
    assert sign_in(client, teacher("Eva")).get(workshop.url + "register/").status_code == 405
    assert workshop.registrations().count() == 0


def test_a_full_event_puts_people_on_the_waiting_list(client, workshop):
    service.register(teacher("First"), workshop)
    second = teacher("Second", "de")
    sign_in(client, second).post(workshop.url + "register/")
    assert workshop.registration_of(second).status == RegistrationStatus.WAITING
    assert mail.outbox[-1].subject == "Sie stehen auf der Warteliste: Lantern workshop"
    assert mail.outbox[-1].attachments == []
    assert "https://meet.example.org/x" not in mail.outbox[-1].body


@pytest.mark.parametrize("language", ["en", "sv", "de", "pt"])
def test_cancelling_moves_the_first_waiting_person_up_with_an_email_in_their_language(client, workshop, language):
    first = teacher("First")
    service.register(first, workshop)
    waiting = teacher("Waiting", language)
    later = teacher("Later")
    service.register(waiting, workshop)
    service.register(later, workshop)
    mail.outbox.clear()

    sign_in(client, first).post(workshop.url + "cancel/")

    assert workshop.registration_of(first).status == RegistrationStatus.CANCELLED
    assert workshop.registration_of(waiting).status == RegistrationStatus.REGISTERED
    assert workshop.registration_of(later).status == RegistrationStatus.WAITING
    moved = [m for m in mail.outbox if m.to == [waiting.user.email]]
    assert [m.subject for m in moved] == [MOVED_UP[language]]
    assert moved[0].attachments and moved[0].attachments[0][0] == "event.ics"


def test_the_moved_up_mail_names_the_event_in_the_registrants_language(workshop):
    swedish = f.translate(workshop, "sv", title="Lyktverkstad")
    service.register(teacher("First"), workshop)
    waiting = teacher("Sara", "sv")
    service.register(waiting, swedish)  # the same places across translations
    assert workshop.registration_of(waiting).status == RegistrationStatus.WAITING
    mail.outbox.clear()
    service.cancel(workshop.registrations().get(status="registered"))
    assert [m.subject for m in mail.outbox if m.to == [waiting.user.email]] == [
        "En plats är ledig för dig: Lyktverkstad"
    ]


def test_registering_twice_keeps_one_registration_and_cancelled_people_may_come_back(workshop):
    ana = teacher("Ana")
    assert service.register(ana, workshop).pk == service.register(ana, workshop).pk
    service.cancel(workshop.registration_of(ana))
    assert service.register(ana, workshop).status == RegistrationStatus.REGISTERED
    assert workshop.registrations().count() == 1


def test_registration_closes_at_the_deadline(client, workshop):
    workshop.registration_deadline = timezone.now() - timezone.timedelta(minutes=1)
    workshop.save()
    ana = teacher("Ana")
    sign_in(client, ana).post(workshop.url + "register/")
    assert workshop.registration_of(ana) is None
    with pytest.raises(service.RegistrationError):
        service.register(ana, workshop)


def test_the_online_link_is_shown_only_to_registered_people(client, workshop):
    ana = teacher("Ana")
    assert "meet.example.org" not in client.get(workshop.url).text
    sign_in(client, ana)
    assert "meet.example.org" not in client.get(workshop.url).text
    service.register(ana, workshop)
    assert "https://meet.example.org/x" in client.get(workshop.url).text


def test_reminders_go_once_a_day_before(workshop):
    from django.core.management import call_command

    ana = teacher("Ana", "sv")
    service.register(ana, workshop)
    mail.outbox.clear()
    call_command("send_event_reminders")
    assert mail.outbox == []  # ten days ahead
    workshop.start = timezone.now() + timezone.timedelta(hours=20)
    workshop.end = workshop.start + timezone.timedelta(hours=2)
    workshop.save()
    call_command("send_event_reminders")
    call_command("send_event_reminders")
    assert [m.subject for m in mail.outbox] == ["Snart: Lantern workshop"]


def test_no_reminder_about_an_event_the_person_may_no_longer_see(workshop):
    from django.core.management import call_command
    from wagtail.models import PageViewRestriction

    ana = teacher("Ana")
    service.register(ana, workshop)
    workshop.start = timezone.now() + timezone.timedelta(hours=5)
    workshop.save()
    PageViewRestriction.objects.create(page=workshop.get_parent(), restriction_type=PageViewRestriction.LOGIN)
    restricted = f.community("Closed")
    ana_closed = event(restricted, "Closed talk", days=0, hours=1, start=timezone.now() + timezone.timedelta(hours=3))
    PageViewRestriction.objects.create(page=restricted, restriction_type=PageViewRestriction.PASSWORD, password="x")
    service.register(ana, ana_closed)
    mail.outbox.clear()
    call_command("send_event_reminders")
    assert [m.subject for m in mail.outbox] == ["Coming up: Lantern workshop"]


def test_registering_without_the_csrf_token_is_refused(workshop):
    from django.test import Client

    ana = teacher("Ana")
    client = Client(enforce_csrf_checks=True)
    client.force_login(ana.user)
    assert client.post(workshop.url + "register/").status_code == 403
    assert workshop.registration_of(ana) is None


def test_the_attached_calendar_parses_and_starts_in_utc(workshop):
    import icalendar

    service.register(teacher("Ana", "de"), workshop)
    _name, content, _mimetype = mail.outbox[-1].attachments[0]
    (component,) = icalendar.Calendar.from_ical(content).walk("VEVENT")
    assert component.decoded("dtstart") == workshop.start.astimezone(datetime.UTC)
    assert component.decoded("dtstart").utcoffset().total_seconds() == 0
    assert "https://meet.example.org/x" in str(component["description"])
