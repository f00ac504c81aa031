"""Upcoming events related to a material, a curriculum unit or a person, with a reason for each.

The recommender's sidebar shows them ("A workshop on this topic in Göteborg on
12 March"); it loads the `related_events` tag of events_tags, so neither app's
Python imports the other. Events are matched by what they link to, never by
guessing from text:

- an event that uses the material (or one of its translations), or the
  curriculum unit, comes first;
- then one that uses a unit which links the material;
- then one whose linked materials teach the same subjects (for a person: the
  subjects the person teaches);
- then one of the material's own community.

Only upcoming events the viewer may open are considered (communities.privacy
through `visible_among` on the cached links), with one page per translation group, preferably
in the reader's language. The reason names the kind, the place and the date:
the place's date for an event in a place, the reader's time zone for an
online one.
"""

from dataclasses import dataclass, field

from django.contrib.auth.models import AnonymousUser
from django.utils import formats, timezone
from django.utils.translation import gettext

from communities.models import Person
from communities.privacy import visible_among, visible_pages
from core.content_cache import cached
from core.pages import one_per_translation
from resources.models import CurriculumUnitPage, CurriculumUnitResource, ResourcePage

from .models import EventPage

LIMIT = 3

# Strength of each link, strongest first; the reason follows the strongest.
USES_IT, UNIT_USES_IT, SAME_SUBJECT, SAME_COMMUNITY = 4, 3, 2, 1


@dataclass
class EventSuggestion:
    event: object
    strength: int
    subjects: list = field(default_factory=list)
    about: object = None

    @property
    def when_and_where(self):
        return when_and_where(self.event)

    @property
    def reason(self):
        if self.strength == USES_IT:
            return (
                gettext("Uses this material") if isinstance(self.about, ResourcePage) else gettext("Works on this unit")
            )
        if self.strength == UNIT_USES_IT:
            return gettext("Works on a curriculum unit that uses this material")
        if self.strength == SAME_SUBJECT:
            return gettext("On the same subject: %(subjects)s") % {"subjects": ", ".join(self.subjects[:2])}
        return gettext("In the community of this material")


def town(event):
    """The last part of the address ("…, Göteborg" → "Göteborg"), else the country's name."""
    if event.address:
        return event.address.rsplit(",", 1)[-1].strip()
    return event.country.name if event.country else ""


def when_and_where(event):
    """ "Workshop in Göteborg on 12 March 2027", "Webinar online on 3 February 2027, 16:00 (Europe/Stockholm)".

    An event in a place is dated in the place's time zone (that is where one
    goes); an online one at the reader's time, in the active time zone.
    """
    kind = event.get_kind_display()
    place = town(event)
    if place:
        start = event.start.astimezone(event.zone)
        return gettext("%(kind)s in %(place)s on %(date)s") % {
            "kind": kind,
            "place": place,
            "date": formats.date_format(start, "DATE_FORMAT"),
        }
    zone = timezone.get_current_timezone()
    start = event.start.astimezone(zone)
    return gettext("%(kind)s online on %(date)s, %(time)s (%(zone)s)") % {
        "kind": kind,
        "date": formats.date_format(start, "DATE_FORMAT"),
        "time": formats.time_format(start, "TIME_FORMAT"),
        "zone": str(zone),
    }


def _subject_names(subjects, reader):
    from django.conf import settings

    names = {}
    default = settings.LANGUAGE_CODE.split("-")[0]
    for subject in subjects:
        language = subject.locale.language_code
        if (
            subject.slug not in names
            or language == reader
            or (language == default and names[subject.slug][0] != reader)
        ):
            names[subject.slug] = (language, subject.name)
    return [name for _language, name in names.values()]


def related_events(obj, viewer=None, limit=LIMIT, now=None):
    """[EventSuggestion] for a ResourcePage, CurriculumUnitPage or Person, strongest link first, soonest first.

    What links to what is published content, the same for every reader: it is kept in
    core.content_cache (per object and hour; a new content version on every publish), and
    each request only keeps the events this viewer may open (communities.privacy.visible_among).
    """
    from django.utils.translation import get_language

    obj = getattr(obj, "specific", obj)
    if not isinstance(obj, (ResourcePage, CurriculumUnitPage, Person)) or obj.pk is None:
        return []
    now = now or timezone.now()
    viewer = viewer or AnonymousUser()
    hour = now.strftime("%Y%m%d%H")
    events, links, subject_rows = cached(
        "related-events", (type(obj).__name__, obj.pk, hour), lambda: _linked_events(obj, now)
    )
    events = [e for e in visible_among(viewer, events) if e.end >= now]
    if isinstance(obj, Person):
        # What the person already registered for or organises is on their own list (read now:
        # a registration is not published content).
        taken = set(obj.event_registrations.values_list("event__translation_key", flat=True))
        taken |= set(EventPage.objects.filter(organisers=obj).values_list("translation_key", flat=True))
        events = [e for e in events if e.translation_key not in taken]
    events = one_per_translation(events)
    events.sort(key=lambda e: (-links[e.translation_key][0], e.start))
    reader = (get_language() or "en").split("-")[0]
    result = []
    for event in events[:limit]:
        strength, matched = links[event.translation_key]
        names = _subject_names([s for s in subject_rows if s.slug in matched], reader)
        result.append(EventSuggestion(event=event, strength=strength, subjects=sorted(names), about=obj))
    return result


def _linked_events(obj, now):
    """(events, links, subjects): every live upcoming event linked to `obj`, for any reader.

    The subject link counts only materials every reader may open (as an anonymous visitor
    sees them), so that a members-only material never explains a suggestion.
    """
    from vocabularies.models import Subject

    upcoming = EventPage.objects.live().filter(end__gte=now)
    links = {}  # event translation key -> (strength, subject slugs)

    def found(events, strength):
        for key in events.values_list("translation_key", flat=True):
            if links.get(key, (0,))[0] < strength:
                links[key] = (strength, set())

    subjects = Subject.objects.none()
    if isinstance(obj, ResourcePage):
        group = ResourcePage.objects.filter(translation_key=obj.translation_key)
        found(upcoming.filter(materials__in=group), USES_IT)
        units = CurriculumUnitPage.objects.filter(
            translation_key__in=CurriculumUnitPage.objects.filter(
                pk__in=CurriculumUnitResource.objects.filter(resource__in=group).values("unit_id")
            ).values("translation_key")
        )
        found(upcoming.filter(curriculum_units__in=units), UNIT_USES_IT)
        subjects = obj.subjects.all()
        if obj.community_id:
            found(upcoming.descendant_of(obj.community), SAME_COMMUNITY)
    elif isinstance(obj, CurriculumUnitPage):
        units = CurriculumUnitPage.objects.filter(translation_key=obj.translation_key)
        found(upcoming.filter(curriculum_units__in=units), USES_IT)
    else:
        subjects = obj.subjects.all()
    slugs = set(subjects.values_list("slug", flat=True))
    if slugs:
        shared = (
            visible_pages(None, ResourcePage.objects.filter(subjects__slug__in=slugs, events__in=upcoming))
            .values_list("events__translation_key", "subjects__slug")
            .distinct()
        )
        for key, slug in shared:
            if slug not in slugs:
                continue
            strength, matched = links.get(key, (0, set()))
            if strength < SAME_SUBJECT:
                links[key] = (SAME_SUBJECT, matched | {slug})
            elif strength == SAME_SUBJECT:
                matched.add(slug)
    if not links:
        return [], {}, []
    events = list(upcoming.filter(translation_key__in=links).select_related("locale").order_by("start").distinct())
    all_slugs = set().union(*(matched for _strength, matched in links.values()))
    subject_rows = list(Subject.objects.filter(slug__in=all_slugs).select_related("locale"))
    return events, links, subject_rows
