"""Builders for test content. Plain functions over Wagtail's tree API: each
returns saved, published objects so that tests read like the site's use."""

import itertools

from django.contrib.auth import get_user_model
from wagtail.models import Locale

from communities.models import (
    CommunityIndexPage,
    CommunityPage,
    Membership,
    Person,
    ProjectPage,
)
from home.models import HomePage
from resources.models import (
    CurriculumPage,
    CurriculumUnitPage,
    ResourceContributor,
    ResourceIndexPage,
    ResourcePage,
)
from vocabularies.models import EducationLevel, ResourceType, Subject

_seq = itertools.count(1)


def locale(code):
    return Locale.objects.get(language_code=code)


def home(code="en"):
    return HomePage.objects.get(locale__language_code=code)


def publish(page):
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def add_child(parent, page, live=True):
    parent.add_child(instance=page)
    if live:
        publish(page)
    else:
        page.live = False
        page.save()
        page.save_revision()
    return page


def translate(page, code, live=True, **fields):
    """Copy a page into another locale (as wagtail-localize does) and set its translated fields."""
    copy = page.copy_for_translation(locale(code), copy_parents=True, alias=False)
    for name, value in fields.items():
        setattr(copy, name, value)
    copy.save()
    if live:
        publish(copy)
    return copy.specific


def _index(model, title, slug, code):
    """The locale's one page of `model` under the home page, made (and translated) when missing."""
    existing = model.objects.filter(locale__language_code=code).first()
    if existing:
        return existing
    if code != "en":
        return translate(_index(model, title, slug, "en"), code)
    return add_child(home(), model(title=title, slug=slug))


def resource_index(code="en"):
    return _index(ResourceIndexPage, "Materials", "materials", code)


def community_index(code="en"):
    return _index(CommunityIndexPage, "Communities", "communities", code)


def curriculum(code="en"):
    return _index(CurriculumPage, "Facilitator Curriculum", "curriculum", code)


def subject(slug, name=None):
    return Subject.objects.get_or_create(
        slug=slug, locale=locale("en"), defaults={"name": name or slug.replace("-", " ").title()}
    )[0]


def resource_type(slug, name=None):
    return ResourceType.objects.get_or_create(
        slug=slug, locale=locale("en"), defaults={"name": name or slug.replace("-", " ").title()}
    )[0]


def level(code):
    return EducationLevel.objects.get(code=code)


def person(name=None, discoverability="europe", country="SE", with_account=True, **fields):
    name = name or f"Teacher {next(_seq)}"
    user = None
    if with_account:
        user = get_user_model().objects.create_user(
            username=f"user{next(_seq)}", email=f"{next(_seq)}@example.org", password="pw-kollega-1"
        )
    return Person.objects.create(
        display_name=name, discoverability=discoverability, country=country, user=user, **fields
    )


def community(title=None, parent=None, visibility="public", scope="regional", country="SE", **fields):
    title = title or f"Community {next(_seq)}"
    page = CommunityPage(title=title, visibility=visibility, scope=scope, country=country, **fields)
    return add_child(parent or community_index(), page)


def project(community_page, title=None, **fields):
    title = title or f"Project {next(_seq)}"
    fields.setdefault("theme", "Climate and water")
    return add_child(community_page, ProjectPage(title=title, **fields))


def join(person_obj, community_page, role="member", status="active"):
    return Membership.objects.create(person=person_obj, community=community_page, role=role, status=status)


def resource(
    title=None,
    code="en",
    summary="A lesson plan about photosynthesis for lower secondary biology.",
    subjects=(),
    levels=(),
    tags=(),
    authors=(),
    live=True,
    **fields,
):
    title = title or f"Resource {next(_seq)}"
    fields.setdefault("material_language", code)
    # Wagtail's Page.live defaults to True: a draft must say so before it is saved.
    page = ResourcePage(title=title, summary=summary, live=live, **fields)
    resource_index(code).add_child(instance=page)
    page.subjects.set([subject(s) if isinstance(s, str) else s for s in subjects])
    page.levels.set([level(x) if isinstance(x, int) else x for x in levels])
    if tags:
        page.tags.add(*tags)
    for i, author in enumerate(authors):
        ResourceContributor.objects.create(page=page, person=author, role="author", sort_order=i)
    page.save()
    if live:
        publish(page)
    else:
        page.save_revision()
    return ResourcePage.objects.get(pk=page.pk)


def unit(number, title=None, code="en", **fields):
    title = title or f"Unit {number}"
    return add_child(curriculum(code), CurriculumUnitPage(title=title, number=number, **fields))
