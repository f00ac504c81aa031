"""The search page (materials with facets, communities, people) and the title autocomplete endpoint.

The engine only ranks: it returns the ids of matching objects, searched
within what the privacy rule lets the viewer see. Everything the reader is
shown (results, counts, facets) is then read from the database through
communities.privacy again, so a stale index can never leak a page or a person.
"""

import logging

from django.conf import settings
from django.core.paginator import Paginator
from django.http import JsonResponse
from django.shortcuts import render
from django.utils.translation import get_language
from wagtail.models import Locale

from communities.choices import PersonPlace
from communities.models import CommunityPage, Person
from communities.privacy import visible_pages, visible_people
from recommender.services import count_shown

from .backends import SEARCH_UNAVAILABLE_ERRORS, SearchUnavailable, backend_for_language
from .facets import apply_facets, facet_counts, selected_facets
from .forms import TAB_CHOICES, SearchForm
from .query import parse_query

logger = logging.getLogger(__name__)

PER_PAGE = 20
AUTOCOMPLETE_SIZE = 8
PEOPLE_AND_COMMUNITIES_SHOWN = 50
# The engine returns at most this many ids per search; counts and facets are
# over these best matches. Stays below SQLite's limit on query parameters.
MAX_MATCHES = getattr(settings, "KOLLEGA_SEARCH_MAX_MATCHES", 5000)


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


def _in_order(ids, allowed):
    allowed = set(allowed)
    return [pk for pk in ids if pk in allowed]


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
    """With other languages included, show each work once: in the reader's language when it exists."""
    own = queryset.filter(locale=locale).values("translation_key")
    return queryset.exclude(pk__in=queryset.exclude(locale=locale).filter(translation_key__in=own).values("pk"))


def search_resources(request, params, selected, locale):
    from resources.models import ResourcePage

    viewer = request.user
    all_languages = params["all_languages"]
    scope = _engine_scope(ResourcePage, viewer, locale, all_languages)
    query = params["query"]
    if query:
        ids = ranked_ids(scope, query, None if all_languages else _language())
        # Confirmed in the database by the privacy rule, whatever the index held.
        visible = visible_pages(viewer, ResourcePage.objects.filter(pk__in=ids))
        if not all_languages:
            visible = visible.filter(locale=locale)
    else:
        ids = None
        visible = scope
    if all_languages:
        visible = _one_per_work(visible, locale)
    filtered = apply_facets(visible, selected)
    facets = facet_counts(visible, selected, viewer)
    related = ("resource_type", "locale")
    prefetch = ("subjects", "levels")
    if ids is not None and params["sort"] == "relevance":
        ordered = _in_order(ids, filtered.values_list("pk", flat=True))
        page = Paginator(ordered, PER_PAGE).get_page(params["page"])
        page.object_list = _fetch_in_order(
            ResourcePage.objects.select_related(*related).prefetch_related(*prefetch), list(page.object_list)
        )
    else:
        ordered = filtered.select_related(*related).prefetch_related(*prefetch).order_by("-first_published_at", "-pk")
        page = Paginator(ordered, PER_PAGE).get_page(params["page"])
    return page, facets


def search_communities(request, params, locale):
    if not params["query"]:
        return []
    viewer = request.user
    all_languages = params["all_languages"]
    scope = _engine_scope(CommunityPage, viewer, locale, all_languages)
    ids = ranked_ids(scope, params["query"], None if all_languages else _language(), limit=500)
    confirmed = visible_pages(viewer, CommunityPage.objects.filter(pk__in=ids))
    if all_languages:
        confirmed = _one_per_work(confirmed, locale)
    return _fetch_in_order(confirmed, ids)[:PEOPLE_AND_COMMUNITIES_SHOWN]


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


def search(request):
    form = SearchForm(request.GET)
    params = form.params()
    params["page"] = request.GET.get("page")
    selected = selected_facets(request.GET)
    locale = Locale.get_active()
    context = {
        "form": form,
        "query": params["q"],
        "params": params,
        "selected": selected,
        "tab": params["tab"],
        "facets": [],
        "results": None,
        "communities": [],
        "people": [],
        "unavailable": False,
    }
    try:
        context["results"], context["facets"] = search_resources(request, params, selected, locale)
        context["communities"] = search_communities(request, params, locale)
        context["people"] = search_people(request, params)
    except SearchUnavailable:
        context["unavailable"] = True
        return render(request, "search/search.html", context, status=503)
    if params["tab"] == "people":
        # Active search's "shown", for the Networking report (counts only).
        count_shown(request.user, PersonPlace.SEARCH, len(context["people"]))
    context["querystring"] = _querystring(request.GET, drop=("page",))
    context["sort_querystring"] = _querystring(request.GET, drop=("page", "sort"))
    counts = {
        "resources": context["results"].paginator.count,
        "communities": len(context["communities"]),
        "people": len(context["people"]),
    }
    context["tabs"] = [
        {
            "key": key,
            "label": label,
            "count": counts[key],
            "selected": key == params["tab"],
            "querystring": _querystring(request.GET, drop=("page",), set_={"tab": key}),
        }
        for key, label in TAB_CHOICES
    ]
    _add_facet_links(request.GET, context["facets"])
    return render(request, "search/search.html", context)


def _querystring(querydict, drop=(), set_=None):
    qd = querydict.copy()
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
    from resources.models import ResourcePage

    parsed = parse_query(request.GET.get("q", ""))
    text = parsed.plain_text()
    if not text:
        return JsonResponse({"results": []})
    scope = visible_pages(request.user, ResourcePage.objects.filter(locale=Locale.get_active()))
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
