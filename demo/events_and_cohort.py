"""The demo's events (with registrations) and the cohort of 24 facilitators in training.

Dates count from the day the demo is loaded (`days` in demo/data/events.json,
negative for past events), so an "upcoming" event stays upcoming whenever the
demo is loaded. The KA1 workshop of the Facilitator Curriculum is an event;
the cohort is linked to it and takes its dates and place from it. Every
object is looked up by a stable key first: a second run changes nothing.

loader.Loader.build() calls load(loader) once, after the curriculum.
"""

import datetime
import zoneinfo

from django.utils import timezone
from django.utils.text import slugify

from communities.models import CommunityPage
from events.choices import RegistrationStatus
from events.models import EventPage, Registration
from learning.models import Certificate, Cohort, Enrolment, ProgressStatus, UnitProgress
from resources.models import CurriculumUnitPage, ResourcePage
from vocabularies.models import Language

from .datafiles import LANGS, read, texts

EVENTS = read("events")["events"]
EVENT_TEXTS = texts("events")
COHORT_SIZE = 24
COHORT_NAME = "Facilitator Curriculum 2026/27: the KA1 cohort"
KA1_EVENT = "facilitator-curriculum-ka1"
# Of the 24: how many completed (and asked for their certificate), and how many units the others finished.
COMPLETED = 7
PARTIAL_UNITS = [5, 5, 4, 4, 4, 3, 3, 3, 3, 2, 2, 2, 2, 1, 1, 1, 0]


def count(loader, name):
    loader.counts[name] = loader.counts.get(name, 0) + 1


def load(loader):
    events = load_events(loader)
    load_cohort(loader, events.get(KA1_EVENT))


def start_of(spec, today=None):
    """The event's start: `days` after the load date, at `time` in the event's time zone."""
    zone = zoneinfo.ZoneInfo(spec["time_zone"])
    today = today or timezone.localdate(timezone=zone)
    hour, minute = (int(part) for part in spec["time"].split(":"))
    day = today + datetime.timedelta(days=spec["days"])
    return datetime.datetime(day.year, day.month, day.day, hour, minute, tzinfo=zone)


def linked_materials(spec, resources):
    """Up to two materials of the event's topic in its first language (the public ones first)."""
    if "topic" not in spec:
        return []
    language = spec["languages"][0]
    prefix = f"demo:{spec['topic']}:"
    chosen = [
        page
        for ext, page in sorted(resources.items())
        if ext.startswith(prefix) and ext.endswith(f":{language}") and ":adapted" not in ext
    ]
    return chosen[:2]


def load_events(loader):
    """Events of communities and projects in every language, with registrations (some full, with a waiting list)."""
    from .loader import demo_key

    languages = {language.code: language for language in Language.objects.all()}
    units = {u.number: u for u in CurriculumUnitPage.objects.filter(locale=loader.locs["en"])}
    resources = {r.external_id: r for r in ResourcePage.objects.filter(external_id__startswith="demo:")}
    with_accounts = [p for p in loader.people if p.user_id]
    made = {}
    for spec in EVENTS:
        key = demo_key("event", spec["key"])
        parents = loader.projects[spec["project"]] if "project" in spec else loader.communities[spec["community"]]
        en = loader.existing(EventPage, key, loader.locs["en"])
        if en is None:
            text = EVENT_TEXTS["en"]["events"][spec["key"]]
            start = start_of(spec)
            page = EventPage(
                title=text["title"],
                slug=slugify(text["title"]),
                summary=text["summary"],
                description="",  # the summary is shown above the description: not twice
                kind=spec["kind"],
                start=start,
                end=start + datetime.timedelta(hours=spec["hours"]),
                time_zone=spec["time_zone"],
                address=spec["address"],
                country=spec["country"],
                online_url=f"https://meet.kollega.example/{spec['key']}" if spec["online"] else "",
                capacity=spec["capacity"],
                registration_deadline=start - datetime.timedelta(days=2),
            )
            page.languages = [languages[code] for code in spec["languages"]]
            page.curriculum_units = [units[n] for n in spec.get("units", []) if n in units]
            page.materials = linked_materials(spec, resources)
            parent = parents["en"].specific
            community = parent if isinstance(parent, CommunityPage) else parent.community
            page.organisers = list(community.facilitators().order_by("pk")[:2])
            en = loader.create(parents["en"], page, key, loader.locs["en"])
            loader.counts["events"] += 1
        for code in LANGS[1:]:
            text = EVENT_TEXTS[code]["events"][spec["key"]]
            loader.clone(
                en,
                loader.locs[code],
                title=text["title"],
                slug=slugify(text["title"]),
                summary=text["summary"],
                description="",  # the summary is shown above the description: not twice
                children={
                    "languages": list(en.languages.all()),
                    "organisers": list(en.organisers.all()),
                    "curriculum_units": list(en.curriculum_units.all()),
                    "materials": list(en.materials.all()),
                },
            )
        load_registrations(en, spec, with_accounts)
        made[spec["key"]] = en
    return made


def load_registrations(event, spec, people):
    """The first `capacity` registrants hold a place (attended, for past events); the rest wait."""
    near = [p for p in people if p.spec["country"] == spec["country"]] or people
    chosen = (near + [p for p in people if p not in near])[: spec["registrants"]]
    past = event.end < timezone.now()
    capacity = spec["capacity"] if spec["capacity"] is not None else len(chosen)
    for i, person in enumerate(chosen):
        if i < capacity:
            status = RegistrationStatus.ATTENDED if past else RegistrationStatus.REGISTERED
        else:
            status = RegistrationStatus.WAITING
        Registration.objects.get_or_create(
            event=event,
            person=person,
            defaults={"status": status, "created": event.start - datetime.timedelta(days=30 - i)},
        )


def learners(loader):
    """24 people with accounts from the four countries of the partnership, in turn."""
    by_country = {
        country: [p for p in loader.people if p.user_id and p.spec["country"] == country and p != loader.teacher]
        for country in ("SE", "DE", "PT", "IE")
    }
    chosen = []
    while len(chosen) < COHORT_SIZE and any(by_country.values()):
        for people in by_country.values():
            if people and len(chosen) < COHORT_SIZE:
                chosen.append(people.pop(0))
    return chosen


def load_cohort(loader, workshop):
    """The cohort of 24 facilitators in training: 7 complete with certificates, the others on their way."""
    curriculum = loader.sections["curriculum"]["en"].specific
    european = loader.communities["teachers-across-borders"]["en"].specific
    cohort = Cohort.objects.filter(name=COHORT_NAME).first()
    if cohort is None:
        trainer = european.facilitators().order_by("pk").first()
        starts = timezone.localdate() - datetime.timedelta(days=75)
        cohort = Cohort(
            curriculum=curriculum,
            name=COHORT_NAME,
            trainer=trainer,
            community=european,
            language="en",
            starts_on=starts,
            is_workshop=True,
        )
        if workshop is not None:
            cohort.workshop_event = workshop
        cohort.save()
        count(loader, "cohorts")
    units = list(CurriculumUnitPage.objects.filter(locale=loader.locs["en"]).child_of(curriculum).order_by("number"))
    started = timezone.now() - datetime.timedelta(days=70)
    plan = [len(units)] * COMPLETED + PARTIAL_UNITS
    for i, (person, finished) in enumerate(zip(learners(loader), plan, strict=False)):
        language = {"SE": "sv", "DE": "de", "PT": "pt"}.get(person.spec["country"], "en")
        enrolment, created = Enrolment.objects.get_or_create(
            person=person,
            curriculum_key=curriculum.translation_key,
            defaults={"cohort": cohort, "language": language, "started_at": started + datetime.timedelta(hours=i)},
        )
        if not created:
            continue
        count(loader, "enrolments")
        for n, unit in enumerate(units[:finished]):
            when = started + datetime.timedelta(days=7 * (n + 1), hours=i)
            reflective = unit.asks_reflection
            UnitProgress.objects.create(
                enrolment=enrolment,
                unit_key=unit.translation_key,
                status=ProgressStatus.ACCEPTED if reflective else ProgressStatus.DONE,
                reflection="I tried the activity with my own community and wrote down what changed."
                if reflective
                else "",
                submitted_at=when if reflective else None,
                reviewed_at=when + datetime.timedelta(days=2) if reflective else None,
                reviewed_by=cohort.trainer if reflective else None,
            )
        if 0 < finished < len(units) and units[finished].asks_reflection and i % 2:
            # Waiting for the trainer: a reflection submitted on the next unit.
            UnitProgress.objects.create(
                enrolment=enrolment,
                unit_key=units[finished].translation_key,
                status=ProgressStatus.SUBMITTED,
                reflection="My community tried this last week; here is what we noticed.",
                submitted_at=timezone.now() - datetime.timedelta(days=1),
            )
        if finished == len(units) and units:
            enrolment.completed_at = started + datetime.timedelta(days=7 * len(units) + 1, hours=i)
            enrolment.save(update_fields=["completed_at"])
            Certificate.objects.get_or_create(
                enrolment=enrolment,
                defaults={
                    "learner_name": person.display_name,
                    "trainer_name": cohort.trainer.display_name if cohort.trainer else "",
                    "language": language,
                    "issued_at": enrolment.completed_at + datetime.timedelta(days=1),
                },
            )
            count(loader, "certificates")
