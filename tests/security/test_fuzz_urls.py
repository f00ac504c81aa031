"""Every URL pattern of the project, fed hostile values: nothing may answer with a server error.

The walk reads the URL configuration itself (django.urls.get_resolver()), so a
pattern added later is fuzzed without touching this file. Each path parameter
gets huge integers, 0, -1, control characters, quotes, an empty string, a
10,000-character string and broken UTF-8; localized patterns are tried under
every language prefix (rotating, to stay bounded). Every form a visitor can
reach on the demo-like fixtures is posted back with a hostile value in every
field. The machine endpoints (API v2, OAI-PMH, search and autocomplete) get
hostile query strings, argument by argument. All of it as an anonymous
visitor, a signed-in teacher and a facilitator (the Wagtail admin only for the
first two: it is the editors' own tool).

Each request runs in a rolled-back savepoint with the test client's
exceptions raised, so a failure names its URL and exception and cannot change
what the next request sees. Deterministic: no randomness, the same requests
every run. tests/security/test_fuzz.py does the same for import files and the
search parser with hypothesis.
"""

import itertools
import re
from dataclasses import dataclass, field
from urllib.parse import quote, urlencode

import pytest
from django.conf import settings
from django.db import transaction
from django.test import Client
from django.urls import URLResolver, get_resolver
from django.urls.resolvers import LocalePrefixPattern, RegexPattern, RoutePattern
from hypothesis import given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st
from lxml import html as lxml_html

from assessment.models import SelfAssessment
from communities.models import Invitation
from discussions.models import Post, Report, Thread
from metadata.oai import VERBS
from search.facets import FACETS
from tests import factories as f
from tests.security.test_fuzz import nasty_text, querystring

pytestmark = pytest.mark.django_db

LANGUAGES = [code for code, _name in settings.LANGUAGES]

# Raw URL text for one path segment (already percent-encoded where needed).
HOSTILE_SEGMENTS = [
    "99999999999999999999",  # 20 digits: beyond any database integer
    "9223372036854775808",  # 2**63: one past SQLite's INTEGER and PostgreSQL's bigint
    "0",
    "-1",
    "%01",  # a control character
    "%27%22%3C%3E",  # quotes and angle brackets
    "",
    "x" * 10000,
    "%FF%C3%28",  # not UTF-8
]
# Decoded text for query string and form values.
HOSTILE_VALUES = [
    "99999999999999999999",
    "-1",
    "\x00",
    "a\x01b",
    "'\"<>",  # a lone double quote is FTS5 syntax
    "",
    "x" * 10000,
    "!!!\U0001f642\ufffe",  # nothing a slug can be made of; a non-character
]
# Query string keys the views read (request.GET) plus search and paging parameters.
QUERY_KEYS = ["page", "p", "q", "next", "export", "sort", "tab", "all_languages", *[fc.key for fc in FACETS]]
# Hidden fields the views read from POST although a given fixture may not render them.
POST_KEYS = ["action", "membership", "report", "next", "key", "locale", "person", "email"]

# The API's parameters per view: Wagtail's own and our models' filterable fields.
API_PAGE_KEYS = [
    "type",
    "fields",
    "search",
    "search_operator",
    "order",
    "offset",
    "limit",
    "child_of",
    "ancestor_of",
    "descendant_of",
    "translation_of",
    "locale",
    "title",
    "slug",
    "show_in_menus",
    "material_language",
]
API_MEDIA_KEYS = ["fields", "search", "search_operator", "order", "offset", "limit", "title", "tags"]
API_QUERIES = {
    "pages/": API_PAGE_KEYS,
    "pages/find/": ["id", "html_path", "type"],
    "pages/1/": ["fields", "type"],
    "images/": API_MEDIA_KEYS,
    "images/find/": ["id"],
    "images/1/": ["fields"],
    "documents/": API_MEDIA_KEYS,
    "documents/find/": ["id"],
    "documents/1/": ["fields"],
}
OAI_ARGUMENTS = sorted(
    {
        name
        for required, optional, exclusive in VERBS.values()
        for name in (*required, *optional, *([exclusive] if exclusive else []))
    }
)


# -- the URL configuration, flattened -----------------------------------------------

_ROUTE_PARAM = re.compile(r"<(?:(?P<converter>[^>:]+):)?(?P<name>[^>]+)>")


@dataclass
class Route:
    parts: list = field(default_factory=list)  # literal text and ("param", converter) placeholders
    localized: bool = False
    name: str = ""

    @property
    def params(self):
        return [part for part in self.parts if isinstance(part, tuple)]

    def fill(self, values, language="en"):
        values = iter(values)
        text = "".join(part if isinstance(part, str) else next(values) for part in self.parts)
        return f"/{language}/{text}" if self.localized else f"/{text}"


def _regex_parts(regex):
    """Literal text and placeholders of a regex pattern: each top-level group is a parameter."""
    regex = regex.removeprefix("^").removesuffix("$").removesuffix(r"\Z")
    parts, depth, literal, i = [], 0, "", 0
    while i < len(regex):
        char = regex[i]
        if char == "\\":
            if depth == 0:
                literal += regex[i + 1]
            i += 2
            continue
        if char == "(":
            if depth == 0:
                parts.append(literal)
                literal = ""
                parts.append(("param", "regex"))
            depth += 1
        elif char == ")":
            depth -= 1
        elif depth == 0 and char in ".[":
            # An ungrouped wildcard (".*", "[^/]+"): a parameter too, quantifier included.
            i = regex.index("]", i) if char == "[" else i
            while i + 1 < len(regex) and regex[i + 1] in "*+?":
                i += 1
            parts += [literal, ("param", "regex")]
            literal = ""
        elif depth == 0:
            if char in "]*+?{}|^$":
                raise AssertionError(f"cannot fill the regex URL pattern {regex!r}: teach _regex_parts")
            literal += char
        i += 1
    return [*parts, literal]


def _pattern_parts(pattern):
    if isinstance(pattern, LocalePrefixPattern):
        return []
    if isinstance(pattern, RoutePattern):
        route, parts, last = str(pattern), [], 0
        for match in _ROUTE_PARAM.finditer(route):
            parts += [route[last : match.start()], ("param", match["converter"] or "str")]
            last = match.end()
        return [*parts, route[last:]]
    if isinstance(pattern, RegexPattern):
        return _regex_parts(pattern._regex)
    raise AssertionError(f"unknown URL pattern type {type(pattern).__name__}: teach the fuzz walk")


def all_routes(patterns=None, prefix=None):
    patterns = get_resolver().url_patterns if patterns is None else patterns
    prefix = prefix or Route()
    for entry in patterns:
        route = Route(
            parts=[*prefix.parts, *_pattern_parts(entry.pattern)],
            localized=prefix.localized or isinstance(entry.pattern, LocalePrefixPattern),
        )
        if isinstance(entry, URLResolver):
            yield from all_routes(entry.url_patterns, route)
        else:
            route.name = entry.name or entry.lookup_str
            yield route


def is_admin(route):
    return route.parts[0].startswith("admin/")


# -- the visitors and the demo-like world -----------------------------------------------


@dataclass
class World:
    teacher: object
    facilitator: object
    ids: list
    slugs: list
    pages: list


@pytest.fixture(scope="module")
def world(django_db_setup, django_db_blocker):
    """Built once for the module, in a transaction rolled back after its last test (each test and request
    runs in a savepoint inside it)."""
    with django_db_blocker.unblock(), transaction.atomic():
        yield build_world(f.home())
        transaction.set_rollback(True)


def build_world(home):
    community = f.community("Garden teachers", summary="School gardens.")
    closed = f.community("Closed circle", visibility="members")
    teacher = f.person("Tove Teacher", school="Skolan", country="SE")
    facilitator = f.person("Fia Facilitator", country="DE")
    outsider = f.person("Olle Outsider", discoverability="nobody")
    f.join(teacher, community)
    f.join(facilitator, community, role="facilitator")
    f.join(facilitator, closed, role="facilitator")
    f.join(outsider, community, status="requested")
    project = f.project(community, title="Rain gauges")
    project.partners.create(person=teacher, school="Skolan", country="SE")
    f.publish(project)
    published = f.resource(
        "Photosynthesis lesson",
        subjects=["biology"],
        levels=[2],
        tags=["garden"],
        authors=[teacher],
        community=community,
    )
    draft = f.resource("Draft about soil", live=False, authors=[teacher], community=community)
    f.resource("Members only notes", community=closed, authors=[facilitator])
    f.translate(published, "sv", title="Fotosyntes")
    f.unit(1, title="Facilitating a community")
    thread = Thread.objects.create(community=community, title="Seeds", author=teacher)
    post = Post.objects.create(thread=thread, author=teacher, body="Where do you buy seeds?")
    Report.objects.create(post=post, reporter=facilitator, reason="Spam?")
    attempt = SelfAssessment.objects.create(person=teacher, answers={}, scores={})
    invitation = Invitation.objects.create(email="new@example.org", community=community, invited_by=facilitator)
    pages = [p.url for p in (community, project, published, f.resource_index(), f.community_index(), home)]
    return World(
        teacher=teacher.user,
        facilitator=facilitator.user,
        ids=[str(pk) for pk in (community.pk, project.pk, published.pk, draft.pk, thread.pk, post.pk, attempt.pk)],
        slugs=[community.slug, teacher.slug, invitation.token],
        pages=pages,
    )


VISITORS = ["anonymous", "teacher", "facilitator"]


class Probe:
    """One test client per visitor; sends each request in a rolled-back savepoint and collects server errors."""

    def __init__(self, world, visitors=VISITORS):
        self.world = world
        self.clients, self.sessions = {}, {}
        for visitor in visitors:
            self.clients[visitor] = Client(raise_request_exception=True)
            self.sign_in(visitor)
        self.failures = []
        self.count = 0

    def sign_in(self, visitor):
        if visitor != "anonymous":
            client = self.clients[visitor]
            client.force_login(getattr(self.world, visitor))
            self.sessions[visitor] = client.cookies[settings.SESSION_COOKIE_NAME].value

    def send(self, visitor, method, url, data=None):
        client = self.clients[visitor]
        cookie = client.cookies.get(settings.SESSION_COOKIE_NAME)
        if visitor in self.sessions and (cookie is None or cookie.value != self.sessions[visitor]):
            self.sign_in(visitor)  # a posted sign-out or account form must not end the walk
        self.count += 1
        try:
            with transaction.atomic():
                response = getattr(client, method)(url, data) if data is not None else getattr(client, method)(url)
                transaction.set_rollback(True)
        except Exception as exc:  # noqa: BLE001 - every exception is a finding, reported below
            self.failures.append(f"{visitor} {method.upper()} {url[:200]} {data_repr(data)}: {exc!r:.300}")
            return None
        if response.status_code >= 500:
            self.failures.append(f"{visitor} {method.upper()} {url[:200]} {data_repr(data)}: {response.status_code}")
        return response

    def assert_clean(self):
        assert not self.failures, f"{len(self.failures)} of {self.count} requests failed:\n" + "\n".join(
            self.failures[:60]
        )


def data_repr(data):
    if not data:
        return ""
    return repr({k: (v[:20] + "…") if isinstance(v, str) and len(v) > 20 else v for k, v in data.items()})[:200]


# -- the walks -------------------------------------------------------------------------


def hostile_paths(routes):
    """Every route with each hostile value in each parameter, the language prefix rotating.

    The admin's hundreds of routes answer outsiders with a redirect before any
    view runs: each gets one of the values in turn.
    """
    languages = itertools.cycle(LANGUAGES)
    admin_values = itertools.cycle(HOSTILE_SEGMENTS)
    for route in routes:
        params = route.params
        if not params:
            yield route.fill([], next(languages))
            continue
        values = [next(admin_values)] if is_admin(route) else HOSTILE_SEGMENTS
        for value in values:
            # One parameter hostile at a time, the others a plausible id.
            for position in range(len(params)):
                filled = ["1"] * len(params)
                filled[position] = value
                yield route.fill(filled, next(languages))


def real_paths(routes, world):
    """Routes filled with the fixtures' real ids and slugs: the pages whose forms are then posted back."""
    for route in routes:
        if is_admin(route) or route.name == "wagtail_serve":
            continue
        params = route.params
        if not params:
            yield route.fill([])
            continue
        pool = world.slugs if params[0][1] in ("slug", "str") else world.ids
        for value in pool:
            yield route.fill([value] * len(params))
    yield from world.pages


def forms_of(response, url):
    """(action, field names) of every POST form in an HTML page."""
    if response is None or response.status_code != 200 or "html" not in response.get("Content-Type", ""):
        return []
    document = lxml_html.fromstring(response.content)
    found = []
    for form in document.iter("form"):
        if (form.get("method") or "get").lower() != "post":
            continue
        action = form.get("action") or url
        names = sorted(
            {
                el.get("name")
                for el in form.iter("input", "select", "textarea")
                if el.get("name") and el.get("name") != "csrfmiddlewaretoken"
            }
        )
        found.append((action, tuple(names)))
    return found


def test_every_url_pattern_with_hostile_path_values(world):
    routes = list(all_routes())
    assert len(routes) > 300  # the admin, the API, OAI-PMH and every front-end app are in the walk
    probe = Probe(world)
    # The admin sends outsiders to its sign-in page before any view runs: walked by the anonymous visitor.
    for url in hostile_paths([r for r in routes if is_admin(r)]):
        probe.send("anonymous", "get", url)
    # The rest: the visitors take turns, so each meets every route with a third of the values.
    catch_all = [
        f"/{language}/{prefix}{value}/"
        for prefix in ("", "materials/")
        for language, value in zip(itertools.cycle(LANGUAGES), HOSTILE_SEGMENTS)
    ]
    urls = [*hostile_paths([r for r in routes if not is_admin(r)]), *catch_all]
    for url, visitor in zip(urls, itertools.cycle(VISITORS)):
        probe.send(visitor, "get", url)
    probe.assert_clean()


def test_every_reachable_form_with_hostile_values_in_every_field(world):
    """Each visitor's pages (hostile query string included) are read for POST forms, which are posted back.

    A form both signed-in visitors reach is posted by the first of them only.
    """
    probe = Probe(world)
    query = urlencode([(key, "99999999999999999999") for key in QUERY_KEYS])
    urls = list(dict.fromkeys(real_paths(list(all_routes()), world)))
    posted = set()  # (signed in, action, field names, value)
    for visitor in VISITORS:
        forms = {}
        for url in urls:
            for action, names in forms_of(probe.send(visitor, "get", f"{url}?{query}"), url):
                forms.setdefault((action, names), None)
        assert len(forms) >= 5, f"{visitor} reached only {len(forms)} forms: {sorted(forms)}"
        for (action, names), value in itertools.product(forms, HOSTILE_VALUES):
            key = (visitor != "anonymous", action, names, value)
            if key not in posted:
                posted.add(key)
                probe.send(visitor, "post", action, dict.fromkeys([*names, *POST_KEYS], value))
    probe.assert_clean()


def api_and_oai_urls():
    for view, keys in API_QUERIES.items():
        for key, value in itertools.product(keys, HOSTILE_VALUES):
            yield f"/api/v2/{view}?" + urlencode({key: value})
        yield f"/api/v2/{view}?search=a&search_operator=xor"
        yield f"/api/v2/{view}?%FF=%FE&search=%C3%28"
    for verb in [*VERBS, "\x01"]:
        for name, value in itertools.product(OAI_ARGUMENTS, HOSTILE_VALUES):
            yield "/oai/?" + urlencode({"verb": verb, "metadataPrefix": "oai_dc", name: value})
        yield "/oai/?" + urlencode({"verb": verb, "metadataPrefix": "oai_dc", "\x01": "1"})
        yield "/oai/?" + urlencode(
            {"verb": verb, "metadataPrefix": "oai_dc", "identifier": "oai:kollega.example:resource/" + "-" * 36 + "/en"}
        )
        yield f"/oai/?verb={quote(verb)}&metadataPrefix=%FF"
    languages = itertools.cycle(LANGUAGES)
    for key, value in itertools.product(QUERY_KEYS, HOSTILE_VALUES):
        yield f"/{next(languages)}/search/?" + urlencode({key: value} if key == "q" else {key: value, "q": "garden"})
        yield f"/{next(languages)}/search/autocomplete/?" + urlencode({key: value})


def test_api_oai_and_search_with_hostile_query_strings(client, world):
    # The machine endpoints answer everyone alike: the visitors take turns, request by request.
    probe = Probe(world, visitors=["anonymous", "teacher"])
    for url, visitor in zip(api_and_oai_urls(), itertools.cycle(probe.clients)):
        probe.send(visitor, "get", url)
    for verb in VERBS:
        probe.send("teacher", "post", "/oai/", {"verb": verb, "metadataPrefix": "\x01", "set": "\x00"})
    probe.assert_clean()


# Beyond the enumerated values: hypothesis-made query strings (as tests/security/test_fuzz.py does for
# the search page), derandomized so that CI runs the same examples every time.
MACHINE_PATHS = [
    "/api/v2/pages/",
    "/api/v2/pages/find/",
    "/api/v2/documents/",
    "/api/v2/images/",
    "/oai/",
    "/en/search/",
    "/sv/search/autocomplete/",
]
MACHINE_KEYS = sorted({*API_PAGE_KEYS, "id", "html_path", "verb", *OAI_ARGUMENTS, *QUERY_KEYS})


@hypothesis_settings(max_examples=80, deadline=None, derandomize=True, database=None)
@given(
    path=st.sampled_from(MACHINE_PATHS),
    verb=st.sampled_from([*VERBS, None]),
    pairs=st.lists(st.tuples(st.sampled_from(MACHINE_KEYS) | st.text(max_size=6), nasty_text), max_size=5),
)
def test_arbitrary_query_strings_on_the_machine_endpoints(world, path, verb, pairs):
    probe = Probe(world, visitors=["anonymous"])
    probe.send("anonymous", "get", f"{path}?" + querystring([*([("verb", verb)] if verb else []), *pairs]))
    probe.assert_clean()
