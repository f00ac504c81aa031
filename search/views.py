"""The search page (materials, projects, events, communities, people; facets on materials and events)
and the title autocomplete endpoint.

The engine only ranks: it returns the ids of matching objects, searched
within what the privacy rule lets the viewer see. Everything the reader is
shown (results, counts, facets) is then read from the database through
communities.privacy again, so a stale index can never leak a page or a person.

With "include other languages" the words of the query are matched in every
language, and the recommender's multilingual vectors widen the search to
pages in other languages that say the same thing in other words ("klimat"
finds the German "Klima" materials). A work's translations are shown once,
in the reader's language when it has one.
"""

import logging

from django.conf import settings
from django.core.paginator import Paginator
from django.db.models import Case, DateTimeField, Exists, F, IntegerField, OuterRef, Q, Value, When
from django.http import JsonResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import get_language

from communities.choices import PersonPlace
from communities.models import CommunityPage, Person, ProjectPage
from communities.privacy import visible_pages, visible_people
from core.pages import active_locale, active_locale_id, one_per_translation
from events.models import EventPage
from recommender.services import count_shown, similar_to_text
from resources.models import ResourcePage

from .backends import SEARCH_UNAVAILABLE_ERRORS, SearchUnavailable, backend_for_language
from .facets import EVENT_FACETS, RESOURCE_FACETS
from .forms import TAB_CHOICES, SearchForm
from .query import parse_query

logger = logging.getLogger(__name__)

PER_PAGE = 20
AUTOCOMPLETE_SIZE = 8
PEOPLE_AND_COMMUNITIES_SHOWN = 50
# The engine returns at most this many ids per search; counts and facets are
# over these best matches. Stays below SQLite's limit on query parameters.
MAX_MATCHES = getattr(settings, "KOLLEGA_SEARCH_MAX_MATCHES", 5000)
# Pages in other languages the vectors may add per kind, and how close to the
# query they must be (cosine of the query and the page; see the README's
# "Search across languages" for how the default was chosen).
WIDEN_LIMIT = 30
WIDEN_MIN_SIMILARITY = 0.2
# Which recommender kind stands for which searchable model.
VECTOR_KINDS = {ResourcePage: "resource", ProjectPage: "project", CommunityPage: "community"}


def _language():
    return (get_language() or settings.LANGUAGE_CODE).split("-")[0]


def ranked_ids(queryset, parsed, language, limit=MAX_MATCHES):
    """Ids of the objects in `queryset` matching the parsed query, best first."""
    backend = backend_for_language(language)
    narrow = queryset.only("pk")
    try:
        try:
            return [obj.pk for obj in backend.search(parsed.to_search_query(), narrow)[:limit]]
        except NotImplementedError:
            # SQLite's FTS5 compiler has no NOT inside AND: search without the
            # exclusions, then drop what each exclusion matches.
            ids = [obj.pk for obj in backend.search(parsed.to_search_query(exclusions=False), narrow)[:limit]]
            excluded = set()
            for word in parsed.excluded:
                excluded.update(obj.pk for obj in backend.search(word, narrow.filter(pk__in=ids)))
            return [pk for pk in ids if pk not in excluded]
    except SEARCH_UNAVAILABLE_ERRORS as exc:
        logger.warning("Search engine unavailable: %s", exc)
        raise SearchUnavailable from exc


def _fetch_in_order(queryset, ids):
    by_pk = {obj.pk: obj for obj in queryset.filter(pk__in=ids)}
    return [by_pk[pk] for pk in ids if pk in by_pk]


def _engine_scope(model, viewer, locale, all_languages):
    """What the engine searches in: visible pages, in the reader's locale unless told otherwise.

    Only filters every engine can apply inside its query (live, locale, tree
    path prefixes) are used here; the rest happens in the database afterwards.
    """
    queryset = model.objects.all() if all_languages else model.objects.filter(locale=locale)
    return visible_pages(viewer, queryset)


def _one_per_work(queryset, locale):
    """Each work once (browsing every language): the reader's translation, else the first one published."""
    siblings = queryset.model.objects.filter(pk__in=queryset.values("pk"), translation_key=OuterRef("translation_key"))
    return queryset.filter(
        Q(locale=locale) | (~Exists(siblings.filter(locale=locale)) & ~Exists(siblings.filter(pk__lt=OuterRef("pk"))))
    )


def widened_matches(params, viewer):
    """{kind: [pk, ...]} of pages in other languages whose meaning is near the query (vectors), best first."""
    query = params["query"]
    if not (query and params["all_languages"]):
        return {}
    language = _language()
    matches = similar_to_text(
        query.plain_text(),
        kinds=tuple(VECTOR_KINDS.values()),
        viewer=viewer,
        language=language,
        language_exclude=(language,),
        limit=getattr(settings, "KOLLEGA_SEARCH_WIDEN_LIMIT", WIDEN_LIMIT),
    )
    threshold = getattr(settings, "KOLLEGA_SEARCH_WIDEN_MIN_SIMILARITY", WIDEN_MIN_SIMILARITY)
    widened = {}
    for match in matches:
        if match.score >= threshold:
            widened.setdefault(match.kind, []).append(match.pk)
    return widened


def ranked_pages(model, viewer, params, locale, widened=None, limit=MAX_MATCHES):
    """Ids of the visible pages of `model` matching the query, best first, a work's translations once.

    The words of the query rank first; pages the vectors found in other
    languages follow, closest first. Every id is confirmed in the database by
    the privacy rule, whatever the indexes held.
    """
    all_languages = params["all_languages"]
    scope = _engine_scope(model, viewer, locale, all_languages)
    ids = ranked_ids(scope, params["query"], None if all_languages else _language(), limit)
    if all_languages and widened:
        found = set(ids)
        ids += [pk for pk in widened.get(VECTOR_KINDS.get(model), []) if pk not in found]
    confirmed = visible_pages(viewer, model.objects.filter(pk__in=ids))
    if not all_languages:
        confirmed = confirmed.filter(locale=locale)
    pages = _fetch_in_order(confirmed.only("pk", "translation_key", "locale_id"), ids)
    if all_languages and pages:
        # The reader's own translation of a work found in another language stands in for it.
        groups = {p.translation_key for p in pages if p.locale_id != locale.pk}
        own = visible_pages(viewer, model.objects.filter(translation_key__in=groups, locale=locale))
        pages = one_per_translation(pages + list(own.only("pk", "translation_key", "locale_id")), locale)
    return [p.pk for p in pages]


def _paginate(ids, filtered, ordering, related, prefetch, page_number):
    queryset = filtered.model.objects.select_related(*related).prefetch_related(*prefetch)
    if ids is not None and ordering is None:
        allowed = set(filtered.values_list("pk", flat=True))
        page = Paginator([pk for pk in ids if pk in allowed], PER_PAGE).get_page(page_number)
        page.object_list = _fetch_in_order(queryset, list(page.object_list))
        return page
    ordered = queryset.filter(pk__in=filtered.values("pk")).order_by(*ordering)
    return Paginator(ordered, PER_PAGE).get_page(page_number)


def search_resources(request, params, selected, locale, with_facets=True, widened=None):
    viewer = request.user
    if params["query"]:
        ids = ranked_pages(ResourcePage, viewer, params, locale, widened)
        visible = ResourcePage.objects.filter(pk__in=ids)
    else:
        ids = None
        visible = _engine_scope(ResourcePage, viewer, locale, params["all_languages"])
        if params["all_languages"]:
            visible = _one_per_work(visible, locale)
    filtered = RESOURCE_FACETS.apply(visible, selected)
    facets = RESOURCE_FACETS.counts(visible, selected, viewer) if with_facets else []
    newest = ids is None or params["sort"] == "newest"
    page = _paginate(
        ids,
        filtered,
        ("-first_published_at", "-pk") if newest else None,
        ("resource_type", "locale"),
        ("subjects", "levels"),
        params["page"],
    )
    return page, facets


def _upcoming_first():
    """Upcoming events soonest first, then past events latest first."""
    now = timezone.now()
    past = Case(When(end__lt=now, then=Value(1)), default=Value(0), output_field=IntegerField())
    upcoming_start = Case(When(end__gte=now, then=F("start")), default=None, output_field=DateTimeField())
    return (past.asc(), upcoming_start.asc(nulls_last=True), F("start").desc(), F("pk").asc())


def search_events(request, params, selected, locale, with_facets=True, widened=None):
    """Events: matching the query or all of them, members-only events only for members."""
    viewer = request.user
    if params["query"]:
        ids = ranked_pages(EventPage, viewer, params, locale)
        visible = EventPage.objects.filter(pk__in=ids)
    else:
        ids = None
        visible = _engine_scope(EventPage, viewer, locale, params["all_languages"])
        if params["all_languages"]:
            visible = _one_per_work(visible, locale)
    filtered = EVENT_FACETS.apply(visible, selected)
    facets = EVENT_FACETS.counts(visible, selected, viewer) if with_facets else []
    ordering = _upcoming_first() if ids is None or params["sort"] == "newest" else None
    page = _paginate(ids, filtered, ordering, ("locale",), ("languages",), params["page"])
    return page, facets


def search_pages(model, request, params, locale, widened=None):
    """Projects or communities matching the query, best first (a short list, no facets)."""
    if not params["query"]:
        return []
    ids = ranked_pages(model, request.user, params, locale, widened, limit=500)
    return _fetch_in_order(model.objects.all(), ids)[:PEOPLE_AND_COMMUNITIES_SHOWN]


def search_people(request, params):
    if not params["query"]:
        return []
    viewer = request.user
    # The engine searches every profile (discoverability depends on the viewer's
    # memberships, which no index holds); the privacy rule then keeps the ones
    # this viewer may see. People write in any language: no stemming.
    ids = ranked_ids(Person.objects.all(), params["query"], None)
    return _fetch_in_order(visible_people(viewer, Person.objects.filter(pk__in=ids)), ids)[
        :PEOPLE_AND_COMMUNITIES_SHOWN
    ]


FACET_SETS = {"resources": RESOURCE_FACETS, "events": EVENT_FACETS}
# Parameters a tab link keeps: the query and the language choice, not the other tab's filters.
KEPT_ACROSS_TABS = ("q", "all_languages")


def search(request):
    form = SearchForm(request.GET)
    params = form.params()
    params["page"] = request.GET.get("page")
    tab = params["tab"]
    facet_set = FACET_SETS.get(tab)
    selected = facet_set.selected(request.GET) if facet_set else {}
    locale = active_locale()
    context = {
        "form": form,
        "query": params["q"],
        "params": params,
        "selected": selected,
        "tab": tab,
        "facets": [],
        "results": None,
        "events": None,
        "projects": [],
        "communities": [],
        "people": [],
        "unavailable": False,
    }
    try:
        widened = widened_matches(params, request.user)
        # Every tab is counted; only the open tab pages, filters and counts its facets.
        for key, run in (("resources", search_resources), ("events", search_events)):
            here = key == tab
            page, facets = run(
                request, params if here else {**params, "page": None}, selected if here else {}, locale, here, widened
            )
            context["results" if key == "resources" else "events"] = page
            if here:
                context["facets"] = facets
        context["projects"] = search_pages(ProjectPage, request, params, locale, widened)
        context["communities"] = search_pages(CommunityPage, request, params, locale, widened)
        context["people"] = search_people(request, params)
    except SearchUnavailable:
        context["unavailable"] = True
        return render(request, "search/search.html", context, status=503)
    counts = {key: len(context[key]) for key in ("projects", "communities", "people")}
    counts["resources"] = context["results"].paginator.count
    counts["events"] = context["events"].paginator.count
    if params["tab"] == "people":
        # Active search's "shown", for the Networking report (counts only).
        count_shown(request.user, PersonPlace.SEARCH, len(context["people"]))
    context["querystring"] = _querystring(request.GET, drop=("page",))
    context["sort_querystring"] = _querystring(request.GET, drop=("page", "sort"))
    context["tabs"] = [
        {
            "key": key,
            "label": label,
            "count": counts[key],
            "selected": key == tab,
            "querystring": _querystring(request.GET, keep=KEPT_ACROSS_TABS, set_={"tab": key}),
        }
        for key, label in TAB_CHOICES
    ]
    _add_facet_links(request.GET, context["facets"])
    context["chips"] = [(facet, fv) for facet, values in context["facets"] for fv in values if fv.selected]
    context["next_steps"] = {
        "other_languages": None
        if params["all_languages"]
        else _querystring(request.GET, drop=("page",), set_={"all_languages": "on"}),
        "fewer_filters": _querystring(request.GET, drop=("page", *facet_set.keys)) if selected else None,
    }
    return render(request, "search/search.html", context)


def _querystring(querydict, drop=(), set_=None, keep=None):
    qd = querydict.copy()
    if keep is not None:
        for key in list(qd):
            if key not in keep:
                qd.pop(key)
    for key in drop:
        qd.pop(key, None)
    for key, value in (set_ or {}).items():
        qd[key] = value
    return qd.urlencode()


def _add_facet_links(querydict, facets):
    """Give each facet value the query string that toggles it (and goes back to page 1)."""
    for facet, values in facets:
        for fv in values:
            qd = querydict.copy()
            qd.pop("page", None)
            current = qd.getlist(facet.key)
            if fv.selected:
                qd.setlist(facet.key, [v for v in current if v != fv.param])
            else:
                qd.setlist(facet.key, [*current, fv.param])
            fv.querystring = qd.urlencode()


def autocomplete(request):
    """Titles of visible materials in the reader's locale that start like the query, as JSON."""
    parsed = parse_query(request.GET.get("q", ""))
    text = parsed.plain_text()
    if not text:
        return JsonResponse({"results": []})
    scope = visible_pages(request.user, ResourcePage.objects.filter(locale_id=active_locale_id()))
    try:
        results = list(backend_for_language(_language()).autocomplete(text, scope)[:AUTOCOMPLETE_SIZE])
    except SEARCH_UNAVAILABLE_ERRORS as exc:
        logger.warning("Search engine unavailable: %s", exc)
        return JsonResponse({"results": [], "unavailable": True}, status=503)
    # Confirmed by the privacy rule, like the search page.
    allowed = set(
        visible_pages(request.user, ResourcePage.objects.filter(pk__in=[r.pk for r in results])).values_list(
            "pk", flat=True
        )
    )
    return JsonResponse(
        {
            "results": [{"title": r.title, "url": r.url} for r in results if r.pk in allowed],
        }
    )
