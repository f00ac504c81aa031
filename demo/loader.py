"""Builds the demo site from demo/data/: vocabularies, people, communities, projects, materials, curriculum, pages.

Every object is looked up by a stable key before it is created (pages by a
translation key derived from a name, materials by external_id, people by
slug), so a second run finds everything and changes nothing.
"""

import datetime
import json
import uuid
from contextlib import contextmanager

from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.core.management.base import CommandError
from django.db import transaction
from django.db.models import Q
from django.utils.text import slugify
from django.utils.translation import gettext as _
from modelsearch import index as search_index
from wagtail.coreutils import find_available_slug
from wagtail.models import Locale, Page, Site

from accounts.services import set_admin_language
from communities.models import (
    CommunityIndexPage,
    CommunityPage,
    Membership,
    Person,
    ProjectPage,
    ProjectPartner,
)
from core.indexing import search_index_deferred
from events.models import EventPage
from home.models import HomePage, StandardPage
from resources.models import (
    CurriculumPage,
    CurriculumUnitPage,
    CurriculumUnitResource,
    ResourceContributor,
    ResourceIndexPage,
    ResourcePage,
)
from vocabularies.models import EducationLevel, Language, ResourceType, Subject

from . import events_and_cohort
from .content import duration, material
from .datafiles import LANGS, read, texts
from .discussions import add_discussions
from .files import add_files
from .follows import load_follows
from .networking import load_networking
from .people import demo_people
from .plan import resource_plan

NAMESPACE = uuid.UUID("0b9e4d52-7c1a-4f3e-8d6b-5a2c9e1f4b70")
DEMO_PERSON_PREFIX = "demo-"
SYNTHETIC_PERSON_PREFIX = "synthetic-"
DEMO_PASSWORD = "kollega-demo"
EDITOR_USERNAME = "editor"
TEACHER_USERNAME = "teacher"
FACILITATOR_USERNAME = "facilitator"
# Published dates are fixed, not "now", so the demo looks the same on every machine.
EPOCH = datetime.datetime(2025, 11, 1, 9, 0, tzinfo=datetime.UTC)


def demo_key(*parts):
    """The translation key of a demo page: the same on every run and every database."""
    return uuid.uuid5(NAMESPACE, ":".join(parts))


SECTION_MODELS = {"resources": ResourceIndexPage, "communities": CommunityIndexPage, "curriculum": CurriculumPage}
SYNTHETIC_INDEX_KEY = demo_key("synthetic", "resource-index")

# The language-neutral data (keys, countries, dates) and, per language, the texts of each kind.
COMMUNITIES = read("communities")
PROJECTS = read("projects")["projects"]
UNITS = read("curriculum")["units"]
EVENTS = read("events")["events"]
PAGE_TEXTS = texts("pages")
COMMUNITY_TEXTS = texts("communities")
PROJECT_TEXTS = texts("projects")
UNIT_TEXTS = texts("curriculum")
# Standard pages are made in the order of the English texts, the language every demo page starts in.
STANDARD_PAGES = list(PAGE_TEXTS["en"]["standard"])


def demo_page_keys():
    """Translation keys of every page load_demo (or generate_corpus) may create besides materials."""
    keys = {demo_key("section", name) for name in SECTION_MODELS}
    keys |= {demo_key("standard", name) for name in STANDARD_PAGES}
    keys |= {demo_key("community", c["key"]) for c in COMMUNITIES["national"] + COMMUNITIES["regional"]}
    keys.add(demo_key("community", COMMUNITIES["european"]["key"]))
    keys |= {demo_key("project", p["key"]) for p in PROJECTS}
    keys |= {demo_key("unit", str(u["number"])) for u in UNITS}
    keys |= {demo_key("event", e["key"]) for e in EVENTS}
    keys.add(SYNTHETIC_INDEX_KEY)
    from .networking import joint_project_keys  # networking imports this module

    keys |= joint_project_keys()
    return keys


def foreign_content():
    """Count pages and people that neither load_demo nor generate_corpus made."""
    home_type = ContentType.objects.get_for_model(HomePage)
    generated = ResourcePage.objects.filter(
        Q(external_id__startswith="demo:") | Q(external_id__startswith="synthetic:")
    ).values("pk")
    pages = (
        Page.objects.exclude(depth=1)
        .exclude(content_type=home_type)
        .exclude(translation_key__in=demo_page_keys())
        .exclude(pk__in=generated)
    )
    people = Person.objects.exclude(slug__startswith=DEMO_PERSON_PREFIX).exclude(
        slug__startswith=SYNTHETIC_PERSON_PREFIX
    )
    return pages.count(), people.count()


def check_clean(force):
    pages, people = foreign_content()
    if (pages or people) and not force:
        raise CommandError(
            _(
                "The database already holds content that is not part of the demo "
                "(%(pages)d pages, %(people)d people). Loading the demo would mix invented "
                "materials and people with real ones. Run 'manage.py load_demo --force' "
                "to load it anyway."
            )
            % {"pages": pages, "people": people}
        )


@contextmanager
def deferred_indexing():
    """Index each saved object once at the end (core.indexing), with no reference-index update meanwhile.

    A page is saved three or four times while it is created, translated and
    published; updating the search and reference indexes on each save made
    loading the demo several times slower. Yields the set of (model, pk) saved.
    """
    from wagtail.signal_handlers import disable_reference_index_auto_update

    with search_index_deferred() as touched, disable_reference_index_auto_update():
        yield touched


def reindex(touched):
    """Add the saved objects to the search backends and the reference index, one model at a time."""
    from modelsearch.backends import get_search_backends
    from wagtail.models import ReferenceIndex

    by_model = {}
    for model, pk in touched:
        by_model.setdefault(model, set()).add(pk)
    backends = list(get_search_backends(with_auto_update=True))
    for model, pks in by_model.items():
        objects = list(model.objects.filter(pk__in=pks))
        indexed = [obj for obj in (search_index.get_indexed_instance(o) for o in objects) if obj is not None]
        for backend in backends:
            if indexed:
                backend.add_bulk(type(indexed[0]), indexed)
        for obj in objects:
            ReferenceIndex.create_or_update_for_object(obj)


def locales():
    return {code: Locale.objects.get_or_create(language_code=code)[0] for code in LANGS}


def publish(page, when=None):
    """Make `page` live with one revision, without Wagtail's publish action.

    The publish action re-saves and re-validates the page and writes log
    entries; for hundreds of freshly created pages that took most of the
    loading time. The result is the same: a live page whose live and latest
    revision hold its content. `page_published` is not sent.
    """
    when = when or EPOCH
    page.live = True
    page.has_unpublished_changes = False
    page.first_published_at = page.first_published_at or when
    page.last_published_at = when
    revision = page.save_revision(changed=False, clean=False)
    Page.objects.filter(pk=page.pk).update(
        live=True,
        has_unpublished_changes=False,
        live_revision=revision,
        first_published_at=page.first_published_at,
        last_published_at=when,
    )
    page.live_revision = revision
    return page


def ensure_vocabularies(locs, counts=None):
    """Create the subjects and resource types in English and translate them into sv, de, pt."""
    result = {}
    names = texts("vocabularies")
    for model, kind in ((Subject, "subjects"), (ResourceType, "resource_types")):
        for slug in read("vocabularies")[kind]:
            source = model.objects.filter(slug=slug, locale=locs["en"]).first()
            if source is None:
                source = model(
                    slug=slug,
                    name=names["en"][kind][slug],
                    locale=locs["en"],
                    translation_key=demo_key(model.__name__, slug),
                )
                source.save()
                if counts is not None:
                    counts["vocabulary"] += 1
            for code in LANGS[1:]:
                if not model.objects.filter(translation_key=source.translation_key, locale=locs[code]).exists():
                    copy = source.copy_for_translation(locs[code])
                    copy.name = names[code][kind][slug]
                    copy.save()
                    if counts is not None:
                        counts["vocabulary"] += 1
            result[(model.__name__, slug)] = source
    return result


def ensure_homes(locs, counts=None):
    """The home page of every locale: the English one comes from a migration, the others are translated here."""
    home = HomePage.objects.filter(locale=locs["en"]).order_by("path").first()
    homes = {"en": home}
    for code in LANGS[1:]:
        existing = HomePage.objects.filter(locale=locs[code]).order_by("path").first()
        if existing is None:
            text = PAGE_TEXTS[code]["home"]
            copy = home.copy_for_translation(locs[code])
            copy.title, copy.draft_title, copy.motto, copy.intro = (
                text["title"],
                text["title"],
                text["motto"],
                text["intro"],
            )
            copy.save()
            publish(copy)
            existing = copy
            if counts is not None:
                counts["pages"] += 1
        homes[code] = existing.specific
    return homes


def keep_english_site_root(home):
    """Translating the home page must never move the default site away from the English home."""
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        Site.objects.create(hostname="localhost", root_page=home, is_default_site=True, site_name="Kollega")
    elif site.root_page_id != home.pk:
        site.root_page = home
        site.save()


class DemoLoader:
    def __init__(self, stdout=None, verbosity=1):
        self.stdout = stdout
        self.verbosity = verbosity
        self.counts = {
            k: 0
            for k in (
                "vocabulary",
                "people",
                "users",
                "pages",
                "communities",
                "memberships",
                "projects",
                "resources",
                "units",
                "events",
            )
        }
        self.clock = 0

    def log(self, message):
        if self.stdout is not None and self.verbosity > 1:
            self.stdout.write(message)

    def next_time(self):
        # Materials appear one every nine hours before EPOCH, newest last.
        self.clock += 1
        return EPOCH - datetime.timedelta(hours=9 * (400 - self.clock))

    # -- generic page helpers -----------------------------------------------

    def existing(self, model, key, locale):
        return model.objects.filter(translation_key=key, locale=locale).first()

    def create(self, parent, page, key, locale, when=None):
        page.translation_key = key
        page.locale = locale
        page.slug = find_available_slug(parent, page.slug or slugify(page.title)[:80])
        page.draft_title = page.title
        page.live = True
        page.first_published_at = page.last_published_at = when or EPOCH
        parent.add_child(instance=page)
        publish(page, when)
        self.counts["pages"] += 1
        return page

    # Fields a translation gets from its own place in the tree rather than from the source.
    CLONE_SKIP = {
        "id",
        "page_ptr",
        "path",
        "depth",
        "numchild",
        "url_path",
        "locale",
        "live_revision",
        "latest_revision",
        "draft_title",
        "live",
        "has_unpublished_changes",
        "first_published_at",
        "last_published_at",
        "latest_revision_created_at",
        "locked",
        "locked_at",
        "locked_by",
        "owner",
        "alias_of",
        "content_type",
        "expired",
        "go_live_at",
        "expire_at",
    }

    def clone(self, source, locale, when=None, children=None, **fields):
        """Create the translation of a page directly, as a sibling tree under the translated parent.

        This gives the same rows as copy_for_translation (same translation key,
        the locale's parent) at a fraction of the cost, which matters for the
        hundreds of community, project and curriculum translations. `children`
        sets child relations (e.g. project partners) on the new page.
        """
        found = self.existing(source.specific_class, source.translation_key, locale)
        if found is not None:
            return found
        source = source.specific
        model = type(source)
        page = model()
        for field in model._meta.concrete_fields:
            if field.name not in self.CLONE_SKIP and not field.primary_key:
                setattr(page, field.attname, getattr(source, field.attname))
        for name, value in (children or {}).items():
            setattr(page, name, value)
        slug = fields.pop("slug", None)
        for name, value in fields.items():
            setattr(page, name, value)
        page.slug = slug or source.slug
        parent = source.get_parent().specific
        parent = self.existing(type(parent), parent.translation_key, locale)
        return self.create(parent, page, source.translation_key, locale, when)

    def translate(self, source, locale, when=None, extra_contributors=(), **fields):
        """Copy a page into another locale as wagtail-localize does, then set its translated fields."""
        found = self.existing(source.specific_class, source.translation_key, locale)
        if found is not None:
            return found
        copy = source.copy_for_translation(locale).specific
        for contributor in extra_contributors:
            contributor.sort_order = len(copy.contributors.all())
            copy.contributors.add(contributor)
        slug = fields.pop("slug", None)
        for name, value in fields.items():
            setattr(copy, name, value)
        copy.draft_title = copy.title
        if slug:
            copy.slug = find_available_slug(copy.get_parent(), slug, ignore_page_id=copy.pk)
        copy.live = True
        copy.save(clean=False)
        publish(copy, when)
        self.counts["pages"] += 1
        return copy

    # -- steps --------------------------------------------------------------

    def run(self):
        with transaction.atomic(), deferred_indexing() as touched:
            self.build()
            reindex(touched)
        return self.counts

    def build(self):
        self.locs = locales()
        self.vocab = ensure_vocabularies(self.locs, self.counts)
        self.homes = ensure_homes(self.locs, self.counts)
        self.sections = self.load_sections()
        self.people = self.load_people()
        self.communities = self.load_communities()
        self.load_memberships()
        self.ensure_facilitator()
        add_discussions(self)
        self.projects = self.load_projects()
        self.resources = self.load_resources()
        add_files(self)
        self.load_curriculum()
        events_and_cohort.load(self)  # events (with registrations) and the cohort of facilitators
        self.load_standard_pages()
        load_follows(self)
        load_networking(self)
        keep_english_site_root(self.homes["en"])

    def load_sections(self):
        sections = {}
        for name, model in SECTION_MODELS.items():
            key = demo_key("section", name)
            text = PAGE_TEXTS["en"]["sections"][name]
            en = self.existing(model, key, self.locs["en"])
            if en is None:
                # Adopt an index that an editor (or a test) made before the demo was loaded.
                en = model.objects.filter(locale=self.locs["en"]).child_of(self.homes["en"]).first()
            if en is None:
                en = self.create(
                    self.homes["en"],
                    model(title=text["title"], slug=text["slug"], intro=text["intro"], show_in_menus=True),
                    key,
                    self.locs["en"],
                )
            pages = {"en": en}
            for code in LANGS[1:]:
                text = PAGE_TEXTS[code]["sections"][name]
                found = model.objects.filter(locale=self.locs[code]).child_of(self.homes[code]).first()
                pages[code] = found or self.translate(
                    en, self.locs[code], title=text["title"], slug=text["slug"], intro=text["intro"]
                )
            sections[name] = pages
        return sections

    def load_people(self):
        User = get_user_model()
        levels = {level.code: level for level in EducationLevel.objects.all()}
        languages = {language.code: language for language in Language.objects.all()}
        people = []
        specs = list(demo_people())
        # The documented teacher account belongs to the first teacher of the members-only Norte circle.
        teacher_slug = next(s["slug"] for s in specs if s["country"] == "PT" and s["region"] == "Norte")
        self.ensure_editor()
        for spec in specs:
            person = Person.objects.filter(slug=spec["slug"]).first()
            if person is None:
                user = None
                if spec["slug"] == teacher_slug:
                    user = User.objects.filter(username=TEACHER_USERNAME).first()
                    if user is None:
                        first, _sep, last = spec["display_name"].partition(" ")
                        user = User.objects.create_user(
                            TEACHER_USERNAME, "teacher@kollega.example", DEMO_PASSWORD, first_name=first, last_name=last
                        )
                        self.counts["users"] += 1
                elif spec["has_account"]:
                    username = spec["slug"]
                    user = User.objects.filter(username=username).first()
                    if user is None:
                        first, _sep, last = spec["display_name"].partition(" ")
                        user = User(
                            username=username, email=f"{username}@example.org", first_name=first, last_name=last
                        )
                        # Demo people cannot sign in; only the documented accounts can.
                        user.set_unusable_password()
                        user.save()
                        self.counts["users"] += 1
                person = Person(
                    slug=spec["slug"],
                    display_name=spec["display_name"],
                    user=user,
                    school=spec["school"],
                    country=spec["country"],
                    region=spec["region"],
                    bio=spec["bio"],
                    open_to_collaboration=spec["open_to_collaboration"],
                    discoverability=spec["discoverability"],
                )
                person.languages = [languages[c] for c in spec["languages"] if c in languages]
                person.subjects = [self.vocab[("Subject", s)] for s in spec["subjects"]]
                person.levels = [levels[c] for c in spec["levels"]]
                person.interests.add(*spec["interests"])
                person.save()
                set_admin_language(user, person)
                self.counts["people"] += 1
            person.spec = spec
            people.append(person)
        self.teacher = next(p for p in people if p.slug == teacher_slug)
        return people

    def ensure_editor(self):
        """The documented superuser: editor / kollega-demo. An existing account is left as it is."""
        User = get_user_model()
        if not User.objects.filter(username=EDITOR_USERNAME).exists():
            User.objects.create_superuser(
                EDITOR_USERNAME, "editor@kollega.example", DEMO_PASSWORD, first_name="Demo", last_name="Editor"
            )
            self.counts["users"] += 1

    def ensure_facilitator(self):
        """The documented facilitator: facilitator / kollega-demo, a Swedish teacher who facilitates a community.

        The account of that demo person is renamed and given the demo password, so that one can
        sign in, answer join requests, moderate discussions and open the admin's reports.
        """
        User = get_user_model()
        if User.objects.filter(username=FACILITATOR_USERNAME).exists():
            return
        membership = (
            Membership.objects.filter(
                role="facilitator", status="active", person__country="SE", person__user__isnull=False
            )
            .exclude(person__user__username=TEACHER_USERNAME)
            .select_related("person__user")
            .order_by("community__path", "pk")
            .first()
        )
        if membership is None:
            return
        user = membership.person.user
        user.username = FACILITATOR_USERNAME
        user.email = "facilitator@kollega.example"
        user.set_password(DEMO_PASSWORD)
        user.save()

    def load_communities(self):
        index = self.sections["communities"]
        found = {}

        def ensure(key, parent_key, make, texts_in):
            """Create the community `key` in English with make(), then its translations with texts_in(code)."""
            tkey = demo_key("community", key)
            parent = found[parent_key]["en"] if parent_key else index["en"]
            en = self.existing(CommunityPage, tkey, self.locs["en"])
            if en is None:
                en = self.create(parent, make(), tkey, self.locs["en"])
                self.counts["communities"] += 1
            pages = {"en": en}
            for code in LANGS[1:]:
                title, summary, description = texts_in(code)
                pages[code] = self.clone(
                    en, self.locs[code], title=title, slug=slugify(title)[:80], summary=summary, description=description
                )
            found[key] = pages

        for spec in COMMUNITIES["national"]:

            def national_texts(code, spec=spec):
                text = COMMUNITY_TEXTS[code]
                summary = text["national_summary"].format(country=text["country_names"][spec["country"]])
                return text["national_titles"][spec["key"]], summary, text["national_description"]

            def make_national(spec=spec, texts_in=national_texts):
                title, summary, description = texts_in("en")
                return CommunityPage(
                    title=title,
                    slug=slugify(title),
                    scope="national",
                    country=spec["country"],
                    summary=summary,
                    description=description,
                )

            ensure(spec["key"], None, make_national, national_texts)

        for spec in COMMUNITIES["regional"]:

            def regional_texts(code, spec=spec):
                text = COMMUNITY_TEXTS[code]
                title = text["regional_title"].format(focus=text["focus"][spec["focus"]], region=spec["region"])
                description = text["regional_description"].format(region=spec["region"])
                if spec["members_only"]:
                    description += text["members_only_note"]
                return title, text["regional_summary"].format(region=spec["region"]), description

            def make_regional(spec=spec, texts_in=regional_texts):
                title, summary, description = texts_in("en")
                return CommunityPage(
                    title=title,
                    slug=slugify(title)[:80],
                    scope="regional",
                    country=spec["country"],
                    region=spec["region"],
                    summary=summary,
                    description=description,
                    visibility="members" if spec["members_only"] else "public",
                )

            ensure(spec["key"], spec["parent"], make_regional, regional_texts)

        def european_texts(code):
            text = COMMUNITY_TEXTS[code]["european"]
            return text["title"], text["summary"], text["description"]

        def make_european():
            title, summary, description = european_texts("en")
            return CommunityPage(
                title=title, slug=slugify(title), scope="european", summary=summary, description=description
            )

        ensure(COMMUNITIES["european"]["key"], None, make_european, european_texts)
        return found

    def home_community_key(self, person):
        spec = person.spec
        for community in COMMUNITIES["regional"]:
            if community["country"] == spec["country"] and community["region"] == spec["region"]:
                return community["key"]
        for community in COMMUNITIES["national"]:
            if community["country"] == spec["country"]:
                return community["key"]
        return COMMUNITIES["european"]["key"]

    def load_memberships(self):
        """Everyone joins their home community; facilitators lead one community each (24 in all)."""
        plan = {}  # (person slug, community key) -> (role, status)
        facilitators = set()

        def pick_facilitator(candidates):
            for person in candidates:
                if person.slug not in facilitators and person.user_id is not None:
                    facilitators.add(person.slug)
                    return person
            raise CommandError("No facilitator available")  # the data guarantees one; kept as a guard

        for person in self.people:
            plan[(person.slug, self.home_community_key(person))] = ["member", "active"]
        for community in COMMUNITIES["regional"]:
            people = [
                p
                for p in self.people
                if p.spec["country"] == community["country"] and p.spec["region"] == community["region"]
            ]
            plan[(pick_facilitator(people).slug, community["key"])] = ["facilitator", "active"]
        for community in COMMUNITIES["national"]:
            people = [p for p in self.people if p.spec["country"] == community["country"]]
            plan[(pick_facilitator(people).slug, community["key"])] = ["facilitator", "active"]
        eu_key = COMMUNITIES["european"]["key"]
        for country in ("IE", "NL", "ES"):
            people = [p for p in self.people if p.spec["country"] == country]
            plan[(pick_facilitator(people).slug, eu_key)] = ["facilitator", "active"]
        # Half of everyone is active in the European community; some asked to join, some left.
        for person in self.people:
            n = person.spec["index"]
            if (person.slug, eu_key) in plan:
                continue
            if n % 2 == 0:
                plan[(person.slug, eu_key)] = ["member", "active"]
            elif n % 7 == 3:
                plan[(person.slug, eu_key)] = ["member", "requested"]
            elif n % 7 == 5:
                plan[(person.slug, eu_key)] = ["member", "left"]
        # The demo teacher sees the members-only community from the inside and belongs to the European one.
        plan[(self.teacher.slug, eu_key)] = plan.get((self.teacher.slug, eu_key)) or ["member", "active"]
        plan[(self.teacher.slug, eu_key)][1] = "active"

        by_slug = {p.slug: p for p in self.people}
        for i, ((slug, key), (role, status)) in enumerate(sorted(plan.items())):
            community = self.communities[key]["en"]
            if Membership.objects.filter(
                person=by_slug[slug], community__translation_key=community.translation_key
            ).exists():
                continue
            Membership.objects.create(
                person=by_slug[slug],
                community=community,
                role=role,
                status=status,
                since=datetime.date(2023, 9, 1) + datetime.timedelta(days=(i * 37) % 760),
            )
            self.counts["memberships"] += 1

    def load_projects(self):
        projects = {}
        people_by_country = {}
        for person in self.people:
            people_by_country.setdefault(person.spec["country"], []).append(person)
        for spec in PROJECTS:
            key = demo_key("project", spec["key"])
            parent = self.communities[spec["community"]]["en"]
            en = self.existing(ProjectPage, key, self.locs["en"])
            if en is None:
                text = PROJECT_TEXTS["en"]["projects"][spec["key"]]
                title, theme, summary = text["title"], text["theme"], text["summary"]
                page = ProjectPage(
                    title=title,
                    slug=slugify(title),
                    theme=theme,
                    summary=summary,
                    description=PROJECT_TEXTS["en"]["description"].format(summary=summary),
                    status=spec["status"],
                    looking_for_partners=spec["looking_for_partners"],
                    start_date=datetime.date.fromisoformat(spec["start"]),
                    end_date=datetime.date.fromisoformat(spec["end"]) if spec["end"] else None,
                )
                partners = []
                for entry in spec["partners"]:
                    if "person" not in entry:
                        # A partner school without a demo person: only its name and country.
                        partners.append(ProjectPartner(school=entry["school"], country=entry["country"]))
                    else:
                        person = people_by_country[entry["country"]][entry["person"]]
                        partners.append(ProjectPartner(person=person, school=person.school, country=person.country))
                page.partners = partners
                en = self.create(parent, page, key, self.locs["en"])
                self.counts["projects"] += 1
            pages = {"en": en}
            for code in LANGS[1:]:
                text = PROJECT_TEXTS[code]["projects"][spec["key"]]
                title, theme, summary = text["title"], text["theme"], text["summary"]
                pages[code] = self.clone(
                    en,
                    self.locs[code],
                    title=title,
                    slug=slugify(title),
                    theme=theme,
                    summary=summary,
                    children={
                        "partners": [
                            ProjectPartner(person_id=p.person_id, school=p.school, country=p.country)
                            for p in en.partners.all()
                        ]
                    },
                    description=PROJECT_TEXTS[code]["description"].format(summary=summary),
                )
            projects[spec["key"]] = pages
        return projects

    # -- materials ------------------------------------------------------------

    def people_for(self, lang):
        """Who writes, translates and adapts in a language: teachers whose profile lists it."""
        home = {"en": ("IE", "NL", "PL", "ES"), "sv": ("SE", "FI"), "de": ("DE", "AT"), "pt": ("PT",)}[lang]
        return [p for p in self.people if p.spec["country"] in home]

    def community_for(self, person, topic_key, lang):
        key = self.home_community_key(person)
        for community in COMMUNITIES["regional"]:
            # Only mathematics materials belong to the members-only circle; the rest go to the national network.
            if community["key"] == key and community["members_only"] and topic_key not in ("fractions", "probability"):
                key = community["parent"]
        return self.communities[key][lang]

    def project_for(self, spec, lang):
        for project in PROJECTS:
            if project["topic"] == spec["topic"]["key"] and spec["variant"] == 1 and spec["kind"] == "source":
                return self.projects[project["key"]][lang]
        return None

    def load_resources(self):
        made = {}
        existing = {r.external_id: r for r in ResourcePage.objects.filter(external_id__startswith="demo:")}
        levels = {level.code: level for level in EducationLevel.objects.all()}
        for spec in resource_plan():
            when = self.next_time()
            ext = spec["external_id"]
            if ext in existing:
                made[ext] = existing[ext]
                continue
            topic, lang = spec["topic"], spec["lang"]
            pool = self.people_for(lang)
            seed = spec["n"] * 7 + spec["topic_index"]
            author = pool[seed % len(pool)]
            if spec["kind"] == "translation":
                source = made[spec["source_external_id"]]
                title, summary, body = material(
                    topic, lang, spec["type"], spec["angle"], spec["level"], spec["variant"], ext
                )
                translator = pool[(seed + 3) % len(pool)]
                copy = self.translate(
                    source,
                    self.locs[lang],
                    when,
                    extra_contributors=[ResourceContributor(person=translator, role="translator")],
                    title=title,
                    slug=slugify(title)[:80],
                    summary=summary,
                    body=body,
                    material_language=lang,
                    external_id=ext,
                    community=self.localized_or_none(source.community, lang),
                    project=self.localized_or_none(source.project, lang),
                )
                made[ext] = copy
                self.counts["resources"] += 1
                continue
            adaptation = None
            based_on = None
            if spec["kind"] == "adaptation":
                based_on = made[spec["source_external_id"]]
                original_author = based_on.contributors.filter(role="author").first()
                adaptation = {
                    "original_title": based_on.title,
                    "original_level": spec["original_level"],
                    "direction": spec["direction"],
                    "author": original_author.person.display_name if original_author else "",
                }
                author = pool[(seed + 5) % len(pool)]
            title, summary, body = material(
                topic, lang, spec["type"], spec["angle"], spec["level"], spec["variant"], ext, adaptation
            )
            page = ResourcePage(
                title=title,
                slug=slugify(title)[:80],
                summary=summary,
                body=body,
                resource_type=self.vocab[("ResourceType", spec["type"])],
                material_language=lang,
                licence=based_on.licence if based_on else spec["licence"],
                duration_minutes=duration(spec["type"], spec["level"], spec["variant"]),
                external_id=ext,
                based_on=based_on,
                community=self.community_for(author, topic["key"], lang),
                project=self.project_for(spec, lang),
            )
            page.subjects = [self.vocab[("Subject", s)] for s in topic["subjects"]]
            page.levels = [levels[spec["level"]]]
            page.tags.add(*topic["tags"])
            contributors = []
            if adaptation:
                for c in based_on.contributors.filter(role="author"):
                    contributors.append(ResourceContributor(person=c.person, role="author"))
                contributors.append(ResourceContributor(person=author, role="adapter"))
            else:
                contributors.append(ResourceContributor(person=author, role="author"))
                if seed % 4 == 0:
                    co_author = pool[(seed + 1) % len(pool)]
                    contributors.append(ResourceContributor(person=co_author, role="author"))
            for i, c in enumerate(contributors):
                c.sort_order = i
            page.contributors = contributors
            parent = self.sections["resources"][lang]
            key = demo_key("resource", ext)
            made[ext] = self.create(parent, page, key, self.locs[lang], when)
            self.counts["resources"] += 1
        return made

    def localized_or_none(self, page, lang):
        if page is None:
            return None
        return type(page).objects.filter(translation_key=page.translation_key, locale=self.locs[lang]).first() or page

    # -- curriculum and standard pages ------------------------------------------

    def load_curriculum(self):
        curriculum = self.sections["curriculum"]
        for unit in UNITS:
            key = demo_key("unit", str(unit["number"]))
            en = self.existing(CurriculumUnitPage, key, self.locs["en"])
            if en is None:
                fields = self.unit_fields(unit, "en")
                page = CurriculumUnitPage(number=unit["number"], duration_minutes=unit["minutes"], **fields)
                page.competences.add(*unit["competences"])
                links = [
                    r
                    for r in self.resources.values()
                    if r.external_id.startswith(f"demo:{unit['topic']}:")
                    and r.external_id.split(":")[2].startswith(("facilitator-material", "lesson-plan"))
                    and not r.external_id.split(":")[2].startswith("adapted")
                ][:3]
                page.linked_resources = [CurriculumUnitResource(resource=r, sort_order=i) for i, r in enumerate(links)]
                en = self.create(curriculum["en"], page, key, self.locs["en"])
                self.counts["units"] += 1
            for code in LANGS[1:]:
                translated = self.existing(CurriculumUnitPage, key, self.locs[code])
                if translated is None:
                    page_fields = self.unit_fields(unit, code)
                    links = [
                        CurriculumUnitResource(resource_id=link.resource_id, sort_order=link.sort_order)
                        for link in en.linked_resources.all()
                    ]
                    translated = self.clone(en, self.locs[code], children={"linked_resources": links}, **page_fields)
                    translated.competences.add(*unit["competences"])
                    translated.save(clean=False)

    def unit_fields(self, unit, code):
        text = UNIT_TEXTS[code]["units"][str(unit["number"])]
        seed = f"unit:{unit['number']}:{code}"
        activities = [
            {"type": "paragraph", "value": UNIT_TEXTS[code]["paragraph"]},
            {
                "type": "activity",
                "value": {
                    "title": text["activity"],
                    "steps": [
                        {
                            "type": "item",
                            "value": {
                                "title": step["title"],
                                "minutes": minutes,
                                "instructions": f"<p>{step['instructions']}</p>",
                            },
                        }
                        for step, minutes in zip(text["steps"], unit["step_minutes"], strict=True)
                    ],
                },
            },
        ]
        return {
            "title": text["title"],
            "slug": slugify(text["title"])[:80],
            "summary": text["summary"],
            "learning_outcomes": json.dumps(
                [
                    {"type": "outcome", "value": o, "id": str(demo_key(seed, str(n)))}
                    for n, o in enumerate(text["outcomes"])
                ],
                ensure_ascii=False,
            ),
            "activities": json.dumps(activities, ensure_ascii=False),
        }

    def load_standard_pages(self):
        for name in STANDARD_PAGES:
            key = demo_key("standard", name)
            en = self.existing(StandardPage, key, self.locs["en"])
            if en is None:
                fields = self.standard_fields(PAGE_TEXTS["en"]["standard"][name])
                en = self.create(self.homes["en"], StandardPage(show_in_menus=True, **fields), key, self.locs["en"])
            for code in LANGS[1:]:
                self.clone(en, self.locs[code], **self.standard_fields(PAGE_TEXTS[code]["standard"][name]))

    def standard_fields(self, text):
        body = [{"type": "paragraph", "value": html} for html in text["paragraphs"]]
        return {
            "title": text["title"],
            "slug": text["slug"],
            "summary": text["summary"],
            "body": json.dumps(body, ensure_ascii=False),
        }


def summary_counts():
    """Counts of what the demo holds now, for the command's closing summary and the tests."""
    from collections import Counter

    resources = ResourcePage.objects.filter(external_id__startswith="demo:")
    by_locale = Counter(resources.values_list("locale__language_code", flat=True))
    return {
        "resources": resources.count(),
        "resources_by_locale": dict(sorted(by_locale.items())),
        "people": Person.objects.filter(slug__startswith=DEMO_PERSON_PREFIX).count(),
        "countries": Person.objects.filter(slug__startswith=DEMO_PERSON_PREFIX).values("country").distinct().count(),
        "communities": CommunityPage.objects.filter(locale__language_code="en").count(),
        "facilitators": Membership.objects.active().facilitators().values("person").distinct().count(),
        "memberships": Membership.objects.count(),
        "projects": ProjectPage.objects.filter(locale__language_code="en").count(),
        "units": CurriculumUnitPage.objects.filter(locale__language_code="en").count(),
        "events": EventPage.objects.filter(locale__language_code="en").count(),
        "pages": Page.objects.count(),
    }
