"""The translation status of every translatable page in every site locale, for the admin report and its CSV.

States of one page in one locale:
  source       the language the page is translated from
  missing      no translation (or only an alias that shows the source text)
  in_progress  a translation exists but has untranslated segments or unpublished changes
  outdated     fully translated, but the source has been published again since it was last synced
  up_to_date   the live translation matches the latest source

Progress comes from wagtail-localize's segments, counted for all
translations at once with the same rule as `Translation.get_progress()`
(a segment counts when a StringTranslation without error exists for it).
Translations made outside wagtail-localize (the importer, the demo, a copy
edited by hand) have no segments: they are up to date when published after
the source, outdated when the source was published later.
"""

import re
from collections import defaultdict
from dataclasses import dataclass, field

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db.models import Case, Count, Exists, IntegerField, Max, OuterRef, Sum, Value, When
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale, Page

from core.pages import one_per_translation

from .models import TranslationRequest

SOURCE, MISSING, IN_PROGRESS, OUTDATED, UP_TO_DATE = "source", "missing", "in_progress", "outdated", "up_to_date"
STATES = [
    (MISSING, _("Missing")),
    (IN_PROGRESS, _("In progress")),
    (OUTDATED, _("Source changed")),
    (UP_TO_DATE, _("Up to date")),
    (SOURCE, _("Source")),
]
STATE_LABELS = dict(STATES)


def page_types():
    """The reported page types, found rather than listed: slug -> model.

    Every concrete translatable page type (as wagtail-localize's own report finds them), keyed
    by its class name in snake case without "_page" ("resource", "curriculum_unit", "home").
    """
    from wagtail.models import get_translatable_models

    types = {}
    for model in get_translatable_models(include_subclasses=True):
        if issubclass(model, Page) and model is not Page:
            slug = re.sub(r"(?<!^)(?=[A-Z])", "_", model.__name__).lower().removesuffix("_page")
            types[slug] = model
    return types


@dataclass
class PageFacts:
    """What the state rule needs to know about one page."""

    live: bool
    alias: bool = False
    last_published_at: object = None
    has_unpublished_changes: bool = False


@dataclass
class TrackedFacts:
    """What the state rule needs to know about a wagtail-localize Translation."""

    total: int
    done: int
    source_synced_at: object  # TranslationSource.last_updated_at
    target_saved_at: object = None  # last TranslationLog for this locale
    strings_changed_at: object = None  # last StringTranslation change in this locale


def percent(done, total):
    return 100 if not total else int(done * 100 / total)


def cell_state(*, is_source, page, source, tracked=None):
    """(state, percent or None) of one page in one locale. A pure function of the facts passed in."""
    if is_source:
        return SOURCE, None
    if page is None or page.alias:
        return MISSING, None
    source_published = source.last_published_at if source else None
    if tracked is not None:
        if tracked.done < tracked.total:
            return IN_PROGRESS, percent(tracked.done, tracked.total)
        if source_published and tracked.source_synced_at and source_published > tracked.source_synced_at:
            return OUTDATED, 100
        unsaved_strings = tracked.strings_changed_at is not None and (
            tracked.target_saved_at is None or tracked.strings_changed_at > tracked.target_saved_at
        )
        if not page.live or page.has_unpublished_changes or unsaved_strings:
            return IN_PROGRESS, 100
        return UP_TO_DATE, 100
    if not page.live:
        return IN_PROGRESS, None
    if source_published and page.last_published_at and source_published > page.last_published_at:
        return OUTDATED, None
    return UP_TO_DATE, None


@dataclass
class Cell:
    locale: object
    state: str
    percent: object = None
    requests: int = 0
    page_id: object = None
    translation_id: object = None
    source_id: object = None  # TranslationSource, for "sync" links

    @property
    def label(self):
        return STATE_LABELS[self.state]


@dataclass
class Row:
    translation_key: object
    page_type: str
    page_type_label: str
    source_page_id: int
    title: str
    source_locale: object
    community: str = ""
    cells: list = field(default_factory=list)

    @property
    def demand(self):
        return sum(cell.requests for cell in self.cells)


def site_locales():
    by_code = {locale.language_code: locale for locale in Locale.objects.all()}
    return [by_code[code] for code, _name in settings.LANGUAGES if code in by_code]


def community_choices():
    """(translation_key, title) of every community, once per translation group, default language first."""
    from communities.models import CommunityPage

    pages = one_per_translation(CommunityPage.objects.order_by("title"), prefer_locale=Locale.get_default())
    return sorted(((page.translation_key, page.title) for page in pages), key=lambda item: item[1].lower())


def _keys_of_community(community_key):
    """Translation groups that belong to a community: itself, pages below it, materials it owns."""
    from communities.models import CommunityPage
    from resources.models import ResourcePage

    keys = set(
        ResourcePage.objects.filter(community__translation_key=community_key).values_list("translation_key", flat=True)
    )
    for path in CommunityPage.objects.filter(translation_key=community_key).values_list("path", flat=True):
        keys |= set(Page.objects.filter(path__startswith=path).values_list("translation_key", flat=True))
    return keys


def build_report(page_type=None, community=None, locale=None, status=None):
    """Rows of the status report, most requested first.

    page_type: a key of page_types(); community: a community translation_key;
    locale: a language code (only that locale's column, and `status` applies to it);
    status: one of the states (rows with that state in a shown locale).
    """
    types = page_types()
    models = [types[page_type]] if page_type else list(types.values())
    content_types = ContentType.objects.get_for_models(*models)
    type_by_ct = {content_types[model].pk: (slug, model) for slug, model in types.items() if model in content_types}

    locales = site_locales()
    shown = [loc for loc in locales if not locale or loc.language_code == locale]

    pages = Page.objects.filter(content_type__in=[ct.pk for ct in content_types.values()])
    if community:
        pages = pages.filter(translation_key__in=_keys_of_community(community))
    groups = defaultdict(dict)
    for values in pages.values(
        "pk",
        "translation_key",
        "locale_id",
        "title",
        "live",
        "alias_of_id",
        "last_published_at",
        "has_unpublished_changes",
        "content_type_id",
    ).order_by("pk"):
        groups[values["translation_key"]].setdefault(values["locale_id"], values)
    if not groups:
        return []
    keys = list(groups)

    from wagtail_localize.models import StringSegment, StringTranslation, Translation, TranslationLog, TranslationSource

    sources = {
        s["pk"]: s
        for s in TranslationSource.objects.filter(object_id__in=keys).values(
            "pk", "object_id", "locale_id", "last_updated_at"
        )
    }
    tracked = {}  # (key, target locale) -> Translation values
    for t in Translation.objects.filter(source_id__in=list(sources), enabled=True).values(
        "pk", "source_id", "target_locale_id"
    ):
        tracked[(sources[t["source_id"]]["object_id"], t["target_locale_id"])] = t

    totals = dict(
        StringSegment.objects.filter(source_id__in=list(sources))
        .values("source_id")
        .annotate(n=Count("pk"))
        .values_list("source_id", "n")
    )
    done = {}
    for loc in locales:
        source_ids = [t["source_id"] for (key, target), t in tracked.items() if target == loc.pk]
        if not source_ids:
            continue
        translated = Exists(
            StringTranslation.objects.filter(
                translation_of_id=OuterRef("string_id"),
                context_id=OuterRef("context_id"),
                locale_id=loc.pk,
                has_error=False,
            )
        )
        rows = (
            StringSegment.objects.filter(source_id__in=source_ids)
            .annotate(t=Case(When(translated, then=Value(1)), default=Value(0), output_field=IntegerField()))
            .values("source_id")
            .annotate(n=Sum("t"))
            .values_list("source_id", "n")
        )
        for source_id, n in rows:
            done[(source_id, loc.pk)] = n or 0
    saved = {
        (row["source_id"], row["locale_id"]): row["at"]
        for row in TranslationLog.objects.filter(source_id__in=list(sources))
        .values("source_id", "locale_id")
        .annotate(at=Max("created_at"))
    }
    strings_changed = {
        (row["context__object_id"], row["locale_id"]): row["at"]
        for row in StringTranslation.objects.filter(context__object_id__in=keys)
        .values("context__object_id", "locale_id")
        .annotate(at=Max("updated_at"))
    }
    source_locale_of = {key: sources[t["source_id"]]["locale_id"] for (key, _target), t in tracked.items()}
    demand = TranslationRequest.objects.filter(translation_key__in=keys).demand()
    communities = _community_titles(groups)

    result = []
    for key, by_locale in groups.items():
        # The locale a group is translated from: wagtail-localize's source, else its first page.
        source_locale_id = source_locale_of.get(key) or next(iter(by_locale.values()))["locale_id"]
        source_page = by_locale.get(source_locale_id) or next(iter(by_locale.values()))
        slug, model = type_by_ct.get(source_page["content_type_id"], (None, None))
        if model is None:
            continue
        source_facts = PageFacts(live=source_page["live"], last_published_at=source_page["last_published_at"])
        row = Row(
            translation_key=key,
            page_type=slug,
            page_type_label=str(model._meta.verbose_name),
            source_page_id=source_page["pk"],
            title=source_page["title"],
            source_locale=next((loc for loc in locales if loc.pk == source_page["locale_id"]), None),
            community=communities.get(key, ""),
        )
        for loc in shown:
            values = by_locale.get(loc.pk)
            facts = (
                None
                if values is None
                else PageFacts(
                    live=values["live"],
                    alias=bool(values["alias_of_id"]),
                    last_published_at=values["last_published_at"],
                    has_unpublished_changes=values["has_unpublished_changes"],
                )
            )
            t = tracked.get((key, loc.pk))
            tracked_facts = None
            if t is not None and values is not None:
                source = sources[t["source_id"]]
                tracked_facts = TrackedFacts(
                    total=totals.get(t["source_id"], 0),
                    done=done.get((t["source_id"], loc.pk), 0),
                    source_synced_at=source["last_updated_at"],
                    target_saved_at=saved.get((t["source_id"], loc.pk)),
                    strings_changed_at=strings_changed.get((key, loc.pk)),
                )
            state, pct = cell_state(
                is_source=(loc.pk == source_page["locale_id"]),
                page=facts,
                source=source_facts,
                tracked=tracked_facts,
            )
            row.cells.append(
                Cell(
                    locale=loc,
                    state=state,
                    percent=pct,
                    requests=demand.get((key, loc.pk), 0),
                    page_id=values["pk"] if values else None,
                    translation_id=t["pk"] if t else None,
                    source_id=t["source_id"] if t else None,
                )
            )
        if status and not any(cell.state == status for cell in row.cells):
            continue
        result.append(row)
    result.sort(key=lambda r: (-r.demand, r.title.lower()))
    return result


def _community_titles(groups):
    """Community shown beside each group: a material's owning community, a project's parent, a community itself."""
    from communities.models import CommunityPage, ProjectPage
    from resources.models import ResourcePage

    first_ids = [next(iter(by_locale.values()))["pk"] for by_locale in groups.values()]
    titles = {}
    for key, title in ResourcePage.objects.filter(pk__in=first_ids, community__isnull=False).values_list(
        "translation_key", "community__title"
    ):
        titles[key] = title
    for key, title in CommunityPage.objects.filter(pk__in=first_ids).values_list("translation_key", "title"):
        titles[key] = title
    for project in ProjectPage.objects.filter(pk__in=first_ids).only("path", "translation_key", "depth"):
        parent = Page.objects.filter(path=project.path[: -Page.steplen]).values_list("title", flat=True).first()
        if parent:
            titles[project.translation_key] = parent
    return titles
