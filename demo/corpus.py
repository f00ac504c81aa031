"""The synthetic corpus for scale tests: many materials written straight into the tables, batch by batch.

Materials go under a separate "Synthetic corpus" index page per locale and
carry external ids starting with "synthetic:", so they never mix with the
demo. Pages are inserted with bulk_create and tree paths computed here, which
is what makes 100,000 materials feasible; they get no revisions and no search
index entries (run `manage.py update_index` afterwards to search them).
"""

import datetime
import random
import time
import uuid

from django.contrib.contenttypes.models import ContentType
from django.db import connection, transaction
from django.db.models import F
from django.utils.text import slugify
from taggit.models import Tag
from wagtail.models import Page

from communities.models import Person
from resources.models import ResourceContributor, ResourceIndexPage, ResourcePage, ResourceTag
from vocabularies.licences import LICENCES
from vocabularies.models import EducationLevel

from .content import TOPICS, TYPE_SLUGS, duration, material
from .datafiles import LANGS
from .loader import (
    PAGE_TEXTS,
    SYNTHETIC_INDEX_KEY,
    ensure_homes,
    ensure_vocabularies,
    keep_english_site_root,
    locales,
)
from .people import COUNTRIES

LANG_COUNTRIES = {"en": ["IE", "NL", "PL"], "sv": ["SE", "FI"], "de": ["DE", "AT"], "pt": ["PT"]}
EPOCH = datetime.datetime(2025, 6, 1, tzinfo=datetime.UTC)


def ensure_synthetic_indexes(locs, homes):
    indexes = {}
    en = ResourceIndexPage.objects.filter(translation_key=SYNTHETIC_INDEX_KEY, locale=locs["en"]).first()
    if en is None:
        title, slug = PAGE_TEXTS["en"]["synthetic_index"]["title"], PAGE_TEXTS["en"]["synthetic_index"]["slug"]
        en = ResourceIndexPage(
            title=title,
            draft_title=title,
            slug=slug,
            live=True,
            translation_key=SYNTHETIC_INDEX_KEY,
            locale=locs["en"],
            intro="<p>Generated materials for scale tests.</p>",
        )
        homes["en"].add_child(instance=en)
    indexes["en"] = en
    for code in LANGS[1:]:
        page = ResourceIndexPage.objects.filter(translation_key=SYNTHETIC_INDEX_KEY, locale=locs[code]).first()
        if page is None:
            title, slug = PAGE_TEXTS[code]["synthetic_index"]["title"], PAGE_TEXTS[code]["synthetic_index"]["slug"]
            page = en.copy_for_translation(locs[code])
            page.title = page.draft_title = title
            page.slug = slug
            page.live = True
            page.save()
        indexes[code] = ResourceIndexPage.objects.get(pk=page.pk)
    return indexes


def make_people(count, seed, rng):
    """Create `count` synthetic people (no accounts) and return their ids per site language."""
    existing = Person.objects.filter(slug__startswith="synthetic-").count()
    rows = []
    for n in range(existing, existing + count):
        lang = LANGS[n % 4]
        country = LANG_COUNTRIES[lang][n % len(LANG_COUNTRIES[lang])]
        data = COUNTRIES[country]
        name = f"{rng.choice(data['first_names'])} {rng.choice(data['surnames'])}"
        place = data["regions"][n % len(data["regions"])]
        region, town = place["region"], place["town"]
        rows.append(
            Person(
                slug=f"synthetic-{seed}-{n}",
                display_name=name,
                country=country,
                region=region,
                school=data["schools"][n % len(data["schools"])].format(town=town),
                discoverability="europe",
            )
        )
    Person.objects.bulk_create(rows, batch_size=1000)
    by_lang = {code: [] for code in LANGS}
    for pk, country in Person.objects.filter(slug__startswith="synthetic-").values_list("pk", "country"):
        for code, countries in LANG_COUNTRIES.items():
            if country in countries:
                by_lang[code].append(pk)
    return by_lang


def _child_rows(model, objs):
    """Insert the subclass rows of multi-table pages, which bulk_create refuses to do."""
    fields = list(model._meta.local_concrete_fields)
    # SQLite allows 32766 parameters per statement; stay well below.
    step = max(1, 20000 // len(fields))
    for start in range(0, len(objs), step):
        model._base_manager._insert(objs[start : start + step], fields=fields, using=connection.alias)


def generate(resources, people=200, batch=1000, seed=1, stdout=None):
    rng = random.Random(seed)
    started = time.monotonic()
    locs = locales()
    vocab = ensure_vocabularies(locs)
    homes = ensure_homes(locs)
    keep_english_site_root(homes["en"])
    indexes = ensure_synthetic_indexes(locs, homes)
    authors = make_people(people, seed, rng)
    levels = {level.code: level.pk for level in EducationLevel.objects.all()}
    tags = {}
    for topic in TOPICS:
        for name in topic["tags"]:
            tags[name] = Tag.objects.get_or_create(name=name, defaults={"slug": slugify(name)})[0].pk
    content_type = ContentType.objects.get_for_model(ResourcePage)
    subject_through = ResourcePage.subjects.through
    level_through = ResourcePage.levels.through
    licences = [licence.uri for licence in LICENCES]
    offset = ResourcePage.objects.filter(external_id__startswith="synthetic:").count()

    # Where each index's next child goes: treebeard numbers children in base 36 after the last one.
    next_step = {}
    for code, index in indexes.items():
        last = index.get_last_child()
        next_step[code] = (Page._str2int(last.path[-Page.steplen :]) + 1) if last else 1

    done = 0
    while done < resources:
        size = min(batch, resources - done)
        with transaction.atomic():
            specs = []
            pages = []
            for i in range(size):
                n = offset + done + i
                lang = LANGS[n % 4]
                index = indexes[lang]
                topic = TOPICS[rng.randrange(len(TOPICS))]
                type_slug = TYPE_SLUGS[rng.randrange(len(TYPE_SLUGS))]
                level = rng.choice(topic["levels"])
                variant = rng.randrange(3)
                ext = f"synthetic:{seed}:{n}"
                title, summary, body = material(topic, lang, type_slug, rng.randrange(3), level, variant, ext)
                slug = f"{slugify(title)[:60]}-{n}"
                when = EPOCH - datetime.timedelta(minutes=n)
                path = Page._get_path(index.path, index.depth + 1, next_step[lang])
                next_step[lang] += 1
                pages.append(
                    Page(
                        title=title,
                        draft_title=title,
                        slug=slug,
                        content_type=content_type,
                        path=path,
                        depth=index.depth + 1,
                        numchild=0,
                        url_path=f"{index.url_path}{slug}/",
                        locale_id=locs[lang].pk,
                        translation_key=uuid.UUID(int=rng.getrandbits(128), version=4),
                        live=True,
                        has_unpublished_changes=False,
                        first_published_at=when,
                        last_published_at=when,
                    )
                )
                specs.append((lang, topic, type_slug, level, variant, ext, summary, body))
            Page.objects.bulk_create(pages)
            children, subjects, level_rows, tag_rows, contributors = [], [], [], [], []
            for page, (lang, topic, type_slug, level, variant, ext, summary, body) in zip(pages, specs, strict=True):
                child = ResourcePage(
                    page_ptr_id=page.pk,
                    summary=summary,
                    body=body,
                    material_language=lang,
                    resource_type_id=vocab[("ResourceType", type_slug)].pk,
                    licence=rng.choice(licences),
                    duration_minutes=duration(type_slug, level, variant),
                    external_id=ext,
                )
                children.append(child)
                for slug in topic["subjects"]:
                    subjects.append(subject_through(resourcepage_id=page.pk, subject_id=vocab[("Subject", slug)].pk))
                level_rows.append(level_through(resourcepage_id=page.pk, educationlevel_id=levels[level]))
                for name in topic["tags"][:2]:
                    tag_rows.append(ResourceTag(content_object_id=page.pk, tag_id=tags[name]))
                if authors[lang]:
                    contributors.append(
                        ResourceContributor(
                            page_id=page.pk,
                            person_id=rng.choice(authors[lang]),
                            role="author",
                            sort_order=0,
                        )
                    )
            _child_rows(ResourcePage, children)
            subject_through.objects.bulk_create(subjects, batch_size=2000)
            level_through.objects.bulk_create(level_rows, batch_size=2000)
            ResourceTag.objects.bulk_create(tag_rows, batch_size=2000)
            ResourceContributor.objects.bulk_create(contributors, batch_size=2000)
            for code in LANGS:
                added = sum(1 for spec in specs if spec[0] == code)
                if added:
                    Page.objects.filter(pk=indexes[code].pk).update(numchild=F("numchild") + added)
        done += size
        if stdout is not None:
            stdout.write(f"  {done}/{resources} resources ({time.monotonic() - started:.1f} s)")
    return done, time.monotonic() - started
