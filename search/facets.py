"""Facets of the search tabs: which values a result set has, how many of each, and filtering by them.

Counts are computed in the database over the visible result set, never in
the engine, so they cannot disagree with the privacy rule and work the same
on SQLite, PostgreSQL and Elasticsearch. Within one facet the chosen values
are OR-ed; across facets they are AND-ed, and each facet is counted with
every *other* facet applied (the usual "disjunctive" faceting, so choosing
Biology does not hide the other subjects' counts).
"""

import datetime
import uuid
from collections.abc import Callable
from dataclasses import dataclass

from django.db.models import BooleanField, Case, Count, DateField, Q, Value, When
from django.db.models.functions import TruncMonth
from django.utils import formats
from django.utils.translation import gettext_lazy as _
from django_countries import countries

from communities.models import CommunityPage
from communities.privacy import visible_pages
from core.pages import active_locale_id
from events.choices import EventKind
from events.models import EventPage
from resources.models import ResourcePage
from vocabularies.languages import LANGUAGE_NAMES
from vocabularies.levels import ISCED_NAMES
from vocabularies.licences import BY_URI, get_licence
from vocabularies.models import ResourceType, Subject

# A URL may carry at most this many values per facet: enough for any reader,
# small enough that a crafted URL cannot build a huge SQL IN list.
MAX_VALUES_PER_FACET = 20


def _slug(value):
    value = value.strip()
    return value if 0 < len(value) <= 120 and all(c.isalnum() or c in "-_" for c in value) else None


def _level(value):
    try:
        code = int(value)
    except (TypeError, ValueError):
        return None
    return code if code in ISCED_NAMES else None


def _language(value):
    return value if value in LANGUAGE_NAMES else None


def _licence(value):
    licence = get_licence(value)
    return licence.uri if licence else None


def _uuid(value):
    try:
        return str(uuid.UUID(value))
    except (TypeError, ValueError, AttributeError):
        return None


def _country(value):
    value = value.strip().upper()
    return value if len(value) == 2 and value in dict(countries) else None


def _vocabulary_labels(model):
    def labels(values, viewer):
        return model.labels_for_slugs(values)

    return labels


def _level_labels(values, viewer):
    return {v: ISCED_NAMES[v] for v in values if v in ISCED_NAMES}


def _language_labels(values, viewer):
    return {v: LANGUAGE_NAMES[v] for v in values if v in LANGUAGE_NAMES}


def _licence_labels(values, viewer):
    return {v: BY_URI[v].label for v in values if v in BY_URI}


def _community_labels(values, viewer):
    # Only communities the viewer may see get a name; the reader's translation first.
    pages = visible_pages(viewer, CommunityPage.objects.filter(translation_key__in=values))
    active = active_locale_id()
    labels = {}
    for page in sorted(pages, key=lambda p: p.locale_id != active):
        labels.setdefault(str(page.translation_key), page.title)
    return labels


def _country_labels(values, viewer):
    return {v: countries.name(v) for v in values if countries.name(v)}


def _licence_param(value):
    return BY_URI[value].code if value in BY_URI else value


def _event_kind(value):
    return value if value in EventKind.values else None


def _event_kind_labels(values, viewer):
    return {v: EventKind(v).label for v in values if v in EventKind.values}


ONLINE_PARAMS = {"yes": True, "no": False}


def _online(value):
    return ONLINE_PARAMS.get(value.strip().lower())


def _online_labels(values, viewer):
    names = {True: _("Online"), False: _("On site only")}
    return {v: names[v] for v in values if v in names}


def _online_param(value):
    return "yes" if value else "no"


def _month(value):
    try:
        year, month = value.strip().split("-")
        return datetime.date(int(year), int(month), 1) if len(year) == 4 and len(month) == 2 else None
    except (ValueError, TypeError):
        return None


def _month_labels(values, viewer):
    return {v: formats.date_format(v, "YEAR_MONTH_FORMAT") for v in values if isinstance(v, datetime.date)}


def _month_param(value):
    return value.strftime("%Y-%m")


def _event_annotations():
    return {
        "is_online_event": Case(
            When(~Q(online_url=""), then=Value(True)), default=Value(False), output_field=BooleanField()
        ),
        # In the site's time zone, like the dates the event page shows.
        "start_month": TruncMonth("start", output_field=DateField()),
    }


@dataclass(frozen=True)
class Facet:
    key: str  # the URL parameter
    label: str
    lookup: str  # path from the model to the value (or an annotation's name)
    parse: Callable  # URL value -> database value, or None when unknown
    labels: Callable  # (database values, viewer) -> {value: label}
    to_param: Callable = str  # database value -> URL value
    sort_by_value: bool = False  # months in calendar order, the others by count


class FacetSet:
    """The facets of one model, with the annotations their lookups need."""

    def __init__(self, model, facets, annotations=None):
        self.model = model
        self.facets = facets
        self.by_key = {f.key: f for f in facets}
        self.annotations = annotations or (lambda: {})

    @property
    def keys(self):
        return [f.key for f in self.facets]

    def _base(self):
        return self.model.objects.annotate(**self.annotations())

    def selected(self, querydict):
        """{facet key: [database values]} from request.GET; unknown values are dropped, never an error."""
        selected = {}
        for facet in self.facets:
            values = []
            for raw in querydict.getlist(facet.key)[:MAX_VALUES_PER_FACET]:
                value = facet.parse(raw[:200]) if isinstance(raw, str) else None
                if value is not None and value not in values:
                    values.append(value)
            if values:
                selected[facet.key] = values
        return selected

    def apply(self, queryset, selected, skip=None):
        for key, values in selected.items():
            if key != skip and key in self.by_key:
                # A subquery on pk keeps one row per page even through many-to-many joins.
                lookup = self.by_key[key].lookup
                matching = self._base().filter(**{f"{lookup}__in": values}).values("pk")
                queryset = queryset.filter(pk__in=matching)
        return queryset

    def counts(self, queryset, selected, viewer):
        """[(facet, [FacetValue, ...]), ...] for a queryset of visible pages."""
        out = []
        for facet in self.facets:
            scoped = self.apply(queryset, selected, skip=facet.key)
            rows = (
                self._base()
                .filter(pk__in=scoped.values("pk"))
                .values(facet.lookup)
                .annotate(n=Count("pk", distinct=True))
                .order_by()
            )
            counts = {_plain(row[facet.lookup]): row["n"] for row in rows if row[facet.lookup] not in (None, "")}
            chosen = selected.get(facet.key, [])
            for value in chosen:
                counts.setdefault(value, 0)  # a chosen value stays listed so it can be unchosen
            labels = facet.labels(list(counts), viewer)
            values = [
                FacetValue(v, facet.to_param(v), str(labels[v]), n, v in chosen)
                for v, n in counts.items()
                if v in labels
            ]
            if facet.sort_by_value:
                values.sort(key=lambda fv: fv.value)
            else:
                values.sort(key=lambda fv: (-fv.count, fv.label.casefold()))
            if values:
                out.append((facet, values))
        return out


FACETS = [
    Facet("subject", _("Subject"), "subjects__slug", _slug, _vocabulary_labels(Subject)),
    Facet("level", _("Level"), "levels__code", _level, _level_labels),
    Facet("type", _("Resource type"), "resource_type__slug", _slug, _vocabulary_labels(ResourceType)),
    Facet("language", _("Language of the material"), "material_language", _language, _language_labels),
    Facet("licence", _("Licence"), "licence", _licence, _licence_labels, _licence_param),
    Facet("community", _("Community"), "community__translation_key", _uuid, _community_labels),
    Facet("country", _("Country"), "community__country", _country, _country_labels),
]
FACETS_BY_KEY = {f.key: f for f in FACETS}
RESOURCE_FACETS = FacetSet(ResourcePage, FACETS)

EVENT_FACETS = FacetSet(
    EventPage,
    [
        Facet("kind", _("Kind of event"), "kind", _event_kind, _event_kind_labels),
        Facet("country", _("Country"), "country", _country, _country_labels),
        Facet("online", _("Online"), "is_online_event", _online, _online_labels, _online_param),
        Facet("month", _("Month"), "start_month", _month, _month_labels, _month_param, sort_by_value=True),
    ],
    annotations=_event_annotations,
)


def selected_facets(querydict, facet_set=RESOURCE_FACETS):
    return facet_set.selected(querydict)


def apply_facets(queryset, selected, skip=None, facet_set=RESOURCE_FACETS):
    return facet_set.apply(queryset, selected, skip)


@dataclass
class FacetValue:
    value: object
    param: str
    label: str
    count: int
    selected: bool
    querystring: str = ""  # set by the view: the link that toggles this value


def _plain(value):
    # translation_key comes back as a UUID; URLs and labels use its text.
    if isinstance(value, uuid.UUID):
        return str(value)
    if isinstance(value, datetime.datetime):
        return value.date()
    return value


def facet_counts(queryset, selected, viewer, facet_set=RESOURCE_FACETS):
    return facet_set.counts(queryset, selected, viewer)
