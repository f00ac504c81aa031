from datetime import timedelta

from django.utils import timezone

from events.models import EventPage
from tests import factories as f
from vocabularies.models import Language


def event(parent, title="Spring meeting", days=10, hours=2, live=True, **fields):
    start = fields.pop("start", None) or timezone.now().replace(microsecond=0) + timedelta(days=days)
    fields.setdefault("kind", "workshop")
    fields.setdefault("time_zone", "Europe/Lisbon")
    page = EventPage(title=title, start=start, end=fields.pop("end", None) or start + timedelta(hours=hours), **fields)
    return f.add_child(parent, page, live=live)


def teacher(name, language="en", **fields):
    person = f.person(name, **fields)
    person.languages.set([Language.objects.get(code=language)])
    person.save()  # a ParentalManyToManyField is stored on save
    return person


def sign_in(client, person):
    client.force_login(person.user)
    return client
