"""Builds the demo site: vocabularies, people, communities, projects, materials, curriculum and standard pages.

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
from django.db.models.signals import post_save
from modelsearch import index as search_index
from django.utils.text import slugify
from django.utils.translation import gettext as _
from wagtail.coreutils import find_available_slug
from wagtail.models import Locale, Page, Site

from communities.models import (
    CommunityIndexPage, CommunityPage, Membership, Person, ProjectPage, ProjectPartner,
)
from home.models import HomePage, StandardPage
from resources.models import (
    CurriculumPage, CurriculumUnitPage, CurriculumUnitResource, ResourceContributor, ResourceIndexPage,
    ResourcePage,
)
from vocabularies.models import EducationLevel, Language, ResourceType, Subject

from . import communities as cdata
from . import pages as pdata
from .content import duration, material
from .people import demo_people
from .plan import resource_plan
from .vocab import LANGS, RESOURCE_TYPES, SUBJECTS

NAMESPACE = uuid.UUID("0b9e4d52-7c1a-4f3e-8d6b-5a2c9e1f4b70")
DEMO_PERSON_PREFIX = "demo-"
SYNTHETIC_PERSON_PREFIX = "synthetic-"
DEMO_PASSWORD = "kollega-demo"
EDITOR_USERNAME = "editor"
TEACHER_USERNAME = "teacher"
# Published dates are fixed, not "now", so the demo looks the same on every machine.
EPOCH = datetime.datetime(2025, 11, 1, 9, 0, tzinfo=datetime.timezone.utc)


def demo_key(*parts):
    """The translation key of a demo page: the same on every run and every database."""
    return uuid.uuid5(NAMESPACE, ":".join(parts))


SECTION_MODELS = {"resources": ResourceIndexPage, "communities": CommunityIndexPage, "curriculum": CurriculumPage}
SYNTHETIC_INDEX_KEY = demo_key("synthetic", "resource-index")


def demo_page_keys():
    """Translation keys of every page load_demo (or generate_corpus) may create besides materials."""
    keys = {demo_key("section", name) for name in SECTION_MODELS}
    keys |= {demo_key("standard", name) for name in pdata.STANDARD}
    keys |= {demo_key("community", key) for key, _c, _t in cdata.NATIONAL}
    keys |= {demo_key("community", row[0]) for row in cdata.REGIONAL}
    keys.add(demo_key("community", cdata.EUROPEAN["key"]))
    keys |= {demo_key("project", p["key"]) for p in cdata.PROJECTS}
    keys |= {demo_key("unit", str(u["number"])) for u in pdata.UNITS}
    keys.add(SYNTHETIC_INDEX_KEY)
    return keys


def foreign_content():
    """Count pages and people that neither load_demo nor generate_corpus made."""
    home_type = ContentType.objects.get_for_model(HomePage)
    generated = ResourcePage.objects.filter(
        Q(external_id__startswith="demo:") | Q(external_id__startswith="synthetic:")
    ).values("pk")
    pages = (
        Page.objects.exclude(depth=1).exclude(content_type=home_type)
        .exclude(translation_key__in=demo_page_keys()).exclude(pk__in=generated)
    )
    people = Person.objects.exclude(slug__startswith=DEMO_PERSON_PREFIX).exclude(slug__startswith=SYNTHETIC_PERSON_PREFIX)
    return pages.count(), people.count()


def check_clean(force):
    pages, people = foreign_content()
    if (pages or people) and not force:
        raise CommandError(_(
            "The database already holds content that is not part of the demo "
            "(%(pages)d pages, %(people)d people). Loading the demo would mix invented "
            "materials and people with real ones. Run 'manage.py load_demo --force' "
            "to load it anyway."
        ) % {"pages": pages, "people": people})


@contextmanager
def deferred_indexing():
    """Index each saved object once at the end instead of on every save.

    A page is saved three or four times while it is created, translated and
    published; updating the search and reference indexes on each save made
    loading the demo several times slower. Yields the set of (model, pk) saved.
    """
    from modelsearch.signal_handlers import post_save_signal_handler
    from wagtail.signal_handlers import disable_reference_index_auto_update

    touched = set()
    models = [m for m in search_index.get_indexed_models() if getattr(m, "search_auto_update", True)]

    def remember(sender, instance, raw=False, **kwargs):
        if not raw:
            touched.add((type(instance), instance.pk))

    for model in models:
        post_save.disconnect(post_save_signal_handler, sender=model)
        post_save.connect(remember, sender=model, weak=False, dispatch_uid=f"kollega-demo-{model._meta.label}")
    try:
        with disable_reference_index_auto_update():
            yield touched
    finally:
        for model in models:
            post_save.disconnect(sender=model, dispatch_uid=f"kollega-demo-{model._meta.label}")
            post_save.connect(post_save_signal_handler, sender=model)


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
        live=True, has_unpublished_changes=False, live_revision=revision,
        first_published_at=page.first_published_at, last_published_at=when,
    )
    page.live_revision = revision
    return page


def ensure_vocabularies(locs, counts=None):
    """Create the subjects and resource types in English and translate them into sv, de, pt."""
    result = {}
    for model, table in ((Subject, {k: v for k, v in SUBJECTS.items()}),
                         (ResourceType, {k: v[0] for k, v in RESOURCE_TYPES.items()})):
        for slug, names in table.items():
            source = model.objects.filter(slug=slug, locale=locs["en"]).first()
            if source is None:
                source = model(slug=slug, name=names[0], locale=locs["en"],
                               translation_key=demo_key(model.__name__, slug))
                source.save()
                if counts is not None:
                    counts["vocabulary"] += 1
            for code, name in zip(LANGS[1:], names[1:]):
                if not model.objects.filter(translation_key=source.translation_key, locale=locs[code]).exists():
                    copy = source.copy_for_translation(locs[code])
                    copy.name = name
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
            title, motto, intro = pdata.HOME[code]
            copy = home.copy_for_translation(locs[code])
            copy.title, copy.draft_title, copy.motto, copy.intro = title, title, motto, intro
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
        self.counts = {k: 0 for k in ("vocabulary", "people", "users", "pages", "communities", "memberships",
                                       "projects", "resources", "units")}
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
        "id", "page_ptr", "path", "depth", "numchild", "url_path", "locale", "live_revision", "latest_revision",
        "draft_title", "live", "has_unpublished_changes", "first_published_at", "last_published_at",
        "latest_revision_created_at", "locked", "locked_at", "locked_by", "owner", "alias_of", "content_type",
        "expired", "go_live_at", "expire_at",
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
        self.projects = self.load_projects()
        self.resources = self.load_resources()
        self.load_curriculum()
        self.load_standard_pages()
        keep_english_site_root(self.homes["en"])

    def load_sections(self):
        sections = {}
        for name, model in SECTION_MODELS.items():
            key = demo_key("section", name)
            texts = pdata.SECTIONS[name]
            title, slug, intro = texts["en"]
            en = self.existing(model, key, self.locs["en"])
            if en is None:
                # Adopt an index that an editor (or a test) made before the demo was loaded.
                en = model.objects.filter(locale=self.locs["en"]).child_of(self.homes["en"]).first()
            if en is None:
                en = self.create(self.homes["en"], model(title=title, slug=slug, intro=intro, show_in_menus=True),
                                 key, self.locs["en"])
            pages = {"en": en}
            for code in LANGS[1:]:
                t_title, t_slug, t_intro = texts[code]
                found = model.objects.filter(locale=self.locs[code]).child_of(self.homes[code]).first()
                pages[code] = found or self.translate(en, self.locs[code], title=t_title, slug=t_slug, intro=t_intro)
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
                        user = User.objects.create_user(TEACHER_USERNAME, "teacher@kollega.example", DEMO_PASSWORD,
                                                        first_name=first, last_name=last)
                        self.counts["users"] += 1
                elif spec["has_account"]:
                    username = spec["slug"]
                    user = User.objects.filter(username=username).first()
                    if user is None:
                        first, _sep, last = spec["display_name"].partition(" ")
                        user = User(username=username, email=f"{username}@example.org", first_name=first, last_name=last)
                        # Demo people cannot sign in; only the documented accounts can.
                        user.set_unusable_password()
                        user.save()
                        self.counts["users"] += 1
                person = Person(
                    slug=spec["slug"], display_name=spec["display_name"], user=user, school=spec["school"],
                    country=spec["country"], region=spec["region"], bio=spec["bio"],
                    open_to_collaboration=spec["open_to_collaboration"], discoverability=spec["discoverability"],
                )
                person.languages = [languages[c] for c in spec["languages"] if c in languages]
                person.subjects = [self.vocab[("Subject", s)] for s in spec["subjects"]]
                person.levels = [levels[c] for c in spec["levels"]]
                person.interests.add(*spec["interests"])
                person.save()
                self.counts["people"] += 1
            person.spec = spec
            people.append(person)
        self.teacher = next(p for p in people if p.slug == teacher_slug)
        return people

    def ensure_editor(self):
        """The documented superuser: editor / kollega-demo. An existing account is left as it is."""
        User = get_user_model()
        if not User.objects.filter(username=EDITOR_USERNAME).exists():
            User.objects.create_superuser(EDITOR_USERNAME, "editor@kollega.example", DEMO_PASSWORD,
                                          first_name="Demo", last_name="Editor")
            self.counts["users"] += 1

    def load_communities(self):
        index = self.sections["communities"]
        found = {}

        def ensure(key, parent_key, make, texts):
            tkey = demo_key("community", key)
            parent = found[parent_key]["en"] if parent_key else index["en"]
            en = self.existing(CommunityPage, tkey, self.locs["en"])
            if en is None:
                en = self.create(parent, make(), tkey, self.locs["en"])
                self.counts["communities"] += 1
            pages = {"en": en}
            for li, code in enumerate(LANGS[1:], start=1):
                title, summary, description = texts(li, code)
                pages[code] = self.clone(en, self.locs[code], title=title, slug=slugify(title)[:80],
                                         summary=summary, description=description)
            found[key] = pages

        for key, country, titles in cdata.NATIONAL:
            def national_texts(li, code, titles=titles, country=country):
                name = cdata.COUNTRY_NAMES[country][li]
                return titles[li], cdata.NATIONAL_SUMMARY[code].format(country=name), f"<p>{cdata.NATIONAL_SUMMARY[code].format(country=name)}</p>"
            ensure(key, None, lambda titles=titles, country=country: CommunityPage(
                title=titles[0], slug=slugify(titles[0]), scope="national", country=country,
                summary=cdata.NATIONAL_SUMMARY["en"].format(country=cdata.COUNTRY_NAMES[country][0]),
                description="<p>" + cdata.NATIONAL_SUMMARY["en"].format(country=cdata.COUNTRY_NAMES[country][0]) + "</p>",
            ), national_texts)

        for key, parent_key, country, region, focus, members_only in cdata.REGIONAL:
            def regional_texts(li, code, region=region, focus=focus, members_only=members_only):
                title = cdata.REGIONAL_TITLE[code].format(focus=cdata.FOCUS[focus][li], region=region)
                description = cdata.REGIONAL_DESCRIPTION[code].format(region=region)
                if members_only:
                    description += cdata.MEMBERS_ONLY_NOTE[code]
                return title, cdata.REGIONAL_SUMMARY[code].format(region=region), description
            def make_regional(key=key, country=country, region=region, members_only=members_only, texts=regional_texts):
                title, summary, description = texts(0, "en")
                return CommunityPage(title=title, slug=slugify(title)[:80], scope="regional", country=country,
                                     region=region, summary=summary, description=description,
                                     visibility="members" if members_only else "public")
            ensure(key, parent_key, make_regional, regional_texts)

        eu = cdata.EUROPEAN
        ensure(eu["key"], None, lambda: CommunityPage(
            title=eu["title"][0], slug=slugify(eu["title"][0]), scope="european", summary=eu["summary"][0],
            description=eu["description"][0],
        ), lambda li, code: (eu["title"][li], eu["summary"][li], eu["description"][li]))
        return found

    def home_community_key(self, person):
        spec = person.spec
        for key, _parent, country, region, _focus, _m in cdata.REGIONAL:
            if country == spec["country"] and region == spec["region"]:
                return key
        for key, country, _titles in cdata.NATIONAL:
            if country == spec["country"]:
                return key
        return cdata.EUROPEAN["key"]

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
        for key, _parent, country, region, _focus, _m in cdata.REGIONAL:
            people = [p for p in self.people if p.spec["country"] == country and p.spec["region"] == region]
            plan[(pick_facilitator(people).slug, key)] = ["facilitator", "active"]
        for key, country, _titles in cdata.NATIONAL:
            people = [p for p in self.people if p.spec["country"] == country]
            plan[(pick_facilitator(people).slug, key)] = ["facilitator", "active"]
        eu_key = cdata.EUROPEAN["key"]
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
            if Membership.objects.filter(person=by_slug[slug], community__translation_key=community.translation_key).exists():
                continue
            Membership.objects.create(
                person=by_slug[slug], community=community, role=role, status=status,
                since=datetime.date(2023, 9, 1) + datetime.timedelta(days=(i * 37) % 760),
            )
            self.counts["memberships"] += 1

    def load_projects(self):
        projects = {}
        people_by_country = {}
        for person in self.people:
            people_by_country.setdefault(person.spec["country"], []).append(person)
        for spec in cdata.PROJECTS:
            key = demo_key("project", spec["key"])
            parent = self.communities[spec["community"]]["en"]
            en = self.existing(ProjectPage, key, self.locs["en"])
            if en is None:
                title, theme, summary = spec["text"]["en"]
                page = ProjectPage(
                    title=title, slug=slugify(title), theme=theme, summary=summary,
                    description=cdata.PROJECT_DESCRIPTION["en"].format(summary=summary),
                    status=spec["status"], looking_for_partners=spec["looking"],
                    start_date=datetime.date(*spec["start"]), end_date=datetime.date(*spec["end"]) if spec["end"] else None,
                )
                partners = []
                for entry in spec["partners"]:
                    if entry[0] is None:
                        partners.append(ProjectPartner(school=entry[1], country=entry[2]))
                    else:
                        person = people_by_country[entry[0]][entry[1]]
                        partners.append(ProjectPartner(person=person, school=person.school, country=person.country))
                page.partners = partners
                en = self.create(parent, page, key, self.locs["en"])
                self.counts["projects"] += 1
            pages = {"en": en}
            for code in LANGS[1:]:
                title, theme, summary = spec["text"][code]
                pages[code] = self.clone(
                    en, self.locs[code], title=title, slug=slugify(title), theme=theme, summary=summary,
                    children={"partners": [ProjectPartner(person_id=p.person_id, school=p.school, country=p.country)
                                           for p in en.partners.all()]},
                    description=cdata.PROJECT_DESCRIPTION[code].format(summary=summary),
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
        for row in cdata.REGIONAL:
            # Only mathematics materials belong to the members-only circle; the rest go to the national network.
            if row[0] == key and row[5] and topic_key not in ("fractions", "probability"):
                key = row[1]
        return self.communities[key][lang]

    def project_for(self, spec, lang):
        for project in cdata.PROJECTS:
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
                title, summary, body = material(topic, lang, spec["type"], spec["angle"], spec["level"],
                                                spec["variant"], ext)
                translator = pool[(seed + 3) % len(pool)]
                copy = self.translate(
                    source, self.locs[lang], when,
                    extra_contributors=[ResourceContributor(person=translator, role="translator")], title=title, slug=slugify(title)[:80], summary=summary,
                    body=body, material_language=lang, external_id=ext,
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
                    "original_title": based_on.title, "original_level": spec["original_level"],
                    "direction": spec["direction"],
                    "author": original_author.person.display_name if original_author else "",
                }
                author = pool[(seed + 5) % len(pool)]
            title, summary, body = material(topic, lang, spec["type"], spec["angle"], spec["level"],
                                            spec["variant"], ext, adaptation)
            page = ResourcePage(
                title=title, slug=slugify(title)[:80], summary=summary, body=body,
                resource_type=self.vocab[("ResourceType", spec["type"])], material_language=lang,
                licence=based_on.licence if based_on else spec["licence"],
                duration_minutes=duration(spec["type"], spec["level"], spec["variant"]),
                external_id=ext, based_on=based_on,
                community=self.community_for(author, topic["key"], lang), project=self.project_for(spec, lang),
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
        for unit in pdata.UNITS:
            key = demo_key("unit", str(unit["number"]))
            en = self.existing(CurriculumUnitPage, key, self.locs["en"])
            if en is None:
                fields = self.unit_fields(unit, "en")
                page = CurriculumUnitPage(number=unit["number"], duration_minutes=unit["minutes"], **fields)
                page.competences.add(*unit["competences"])
                links = [r for r in self.resources.values()
                         if r.external_id.startswith(f"demo:{unit['topic']}:")
                         and r.external_id.split(":")[2].startswith(("facilitator-material", "lesson-plan"))
                         and not r.external_id.split(":")[2].startswith("adapted")][:3]
                page.linked_resources = [CurriculumUnitResource(resource=r, sort_order=i) for i, r in enumerate(links)]
                en = self.create(curriculum["en"], page, key, self.locs["en"])
                self.counts["units"] += 1
            for code in LANGS[1:]:
                translated = self.existing(CurriculumUnitPage, key, self.locs[code])
                if translated is None:
                    page_fields = self.unit_fields(unit, code)
                    links = [CurriculumUnitResource(resource_id=link.resource_id, sort_order=link.sort_order)
                             for link in en.linked_resources.all()]
                    translated = self.clone(en, self.locs[code], children={"linked_resources": links}, **page_fields)
                    translated.competences.add(*unit["competences"])
                    translated.save(clean=False)

    def unit_fields(self, unit, code):
        title, summary, outcomes, activity, steps = unit["text"][code]
        seed = f"unit:{unit['number']}:{code}"
        activities = [
            {"type": "paragraph", "value": pdata.UNIT_PARAGRAPH[code]},
            {"type": "activity", "value": {"title": activity, "steps": [
                {"type": "item", "value": {"title": s, "minutes": m, "instructions": f"<p>{i}</p>"}}
                for s, m, i in steps
            ]}},
        ]
        return {
            "title": title, "slug": slugify(title)[:80], "summary": summary,
            "learning_outcomes": json.dumps([{"type": "outcome", "value": o, "id": str(demo_key(seed, str(n)))}
                                             for n, o in enumerate(outcomes)], ensure_ascii=False),
            "activities": json.dumps(activities, ensure_ascii=False),
        }

    def load_standard_pages(self):
        for name, texts in pdata.STANDARD.items():
            key = demo_key("standard", name)
            en = self.existing(StandardPage, key, self.locs["en"])
            if en is None:
                en = self.create(self.homes["en"], StandardPage(show_in_menus=True, **self.standard_fields(texts["en"])),
                                 key, self.locs["en"])
            for code in LANGS[1:]:
                self.clone(en, self.locs[code], **self.standard_fields(texts[code]))

    def standard_fields(self, text):
        title, slug, summary, paragraphs = text
        body = [{"type": "paragraph", "value": html} for html in paragraphs]
        return {"title": title, "slug": slug, "summary": summary, "body": json.dumps(body, ensure_ascii=False)}


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
        "pages": Page.objects.count(),
    }
