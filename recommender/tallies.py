"""Counting person suggestions shown and followed, for the Networking report (networking/).

Only counts: the month, where the suggestion was shown (communities.choices.PersonPlace), and the
viewer's country and communities, which the report filters by. Neither the viewer nor the people
shown are stored, so nothing here can say who saw whom. Visitors without a profile are not counted:
they cannot get in touch, so they are not part of the funnel.
"""

from django.core.cache import cache
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone

from communities.choices import PersonPlace
from communities.privacy import shared_community_keys, viewer_person

from .models import SuggestionTally, TallyStage


def month_of(day):
    return day.replace(day=1)


def bump(cell, n):
    """Add `n` to one cell (month, place, stage, community_key, country), creating it when new."""
    updated = SuggestionTally.objects.filter(**cell).update(count=F("count") + n)
    if updated:
        return
    try:
        with transaction.atomic():
            SuggestionTally.objects.create(count=n, **cell)
    except IntegrityError:  # another request created the row meanwhile
        SuggestionTally.objects.filter(**cell).update(count=F("count") + n)


ONCE_SECONDS = 24 * 3600


def record(stage, place, viewer, n=1, today=None, once_for=None):
    """Add `n` to the month's counts of `stage` at `place` for the viewer's country and communities.

    Unknown places and stages and viewers without a profile count nothing. With `once_for` (what
    was shown or opened: an object's key, an address) the same viewer counts it once a day, so a
    reload is not a second suggestion (the cache remembers it; nothing is stored with the counts).
    Returns whether it counted.
    """
    place = PersonPlace.from_param(place)
    if not place or stage not in TallyStage.values or n <= 0:
        return False
    person = viewer_person(viewer)
    if person is None:
        return False
    day = today or timezone.localdate()
    if once_for is not None:
        seen = f"kollega:tally-once:{stage}:{place}:{person.pk}:{day.isoformat()}:{once_for}"
        # has_key is False while the cache is away: then every view counts, as before.
        if cache.has_key(seen):
            return False
        cache.set(seen, 1, ONCE_SECONDS)
    month = month_of(day)
    country = person.country.code if person.country else ""
    for key in ["", *(str(k) for k in shared_community_keys(person))]:
        bump({"month": month, "place": place, "stage": stage, "community_key": key, "country": country}, n)
    return True
