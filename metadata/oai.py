"""OAI-PMH 2.0 at /oai/: materials and curriculum units for harvesters (oai_dc and IEEE LOM).

Records are the public pages of public.public_records(), each translation its
own record: oai:<repository>:resource/<translation_key>/<locale> (units:
unit/...). Datestamps are the last publication time in UTC. Sets:
community:<slug> (a public community's materials, all translations) under
"community", and language:<code> (the language a record is written in) under
"language". Deleted records: "no" - a record that is unpublished or becomes
members-only simply disappears; harvesters notice it on a full harvest.

Resumption tokens are signed (django.core.signing) with the query and the
last primary key delivered, so they cannot be forged and stay valid when
records are added; they expire after KOLLEGA_OAI_TOKEN_MAX_AGE seconds.
"""

import re
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime, time, timedelta
from email.utils import parseaddr

from django.conf import settings
from django.core import signing
from django.db.models import Min, Q
from django.http import HttpResponse
from django.utils import timezone, translation
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods
from lxml import etree
from wagtail.models import Locale

from communities.models import CommunityPage
from resources.models import CurriculumUnitPage, ResourcePage
from vocabularies.languages import LANGUAGE_NAMES

from . import public
from .formats import FORMATS

OAI_NS = "http://www.openarchives.org/OAI/2.0/"
XSI_NS = "http://www.w3.org/2001/XMLSchema-instance"
OAI_SCHEMA = "http://www.openarchives.org/OAI/2.0/ http://www.openarchives.org/OAI/2.0/OAI-PMH.xsd"
ID_NS = "http://www.openarchives.org/OAI/2.0/oai-identifier"
ID_SCHEMA = f"{ID_NS} http://www.openarchives.org/OAI/2.0/oai-identifier.xsd"
TOKEN_SALT = "metadata.oai.resumption"
SETSPEC_SAFE = re.compile(r"^[A-Za-z0-9\-_.!~*'()]+$")
# Characters XML 1.0 cannot carry (lxml refuses them): C0 controls but tab, LF and CR;
# lone surrogates; U+FFFE and U+FFFF.
XML_UNSAFE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
KINDS = {"resource": ResourcePage, "unit": CurriculumUnitPage}

VERBS = {
    # verb: (required, optional, exclusive)
    "Identify": (set(), set(), None),
    "ListMetadataFormats": (set(), {"identifier"}, None),
    "ListSets": (set(), set(), "resumptionToken"),
    "ListIdentifiers": ({"metadataPrefix"}, {"from", "until", "set"}, "resumptionToken"),
    "ListRecords": ({"metadataPrefix"}, {"from", "until", "set"}, "resumptionToken"),
    "GetRecord": ({"identifier", "metadataPrefix"}, set(), None),
}


class OAIError(Exception):
    def __init__(self, code, message):
        super().__init__(message)
        self.code = code
        self.message = message


def conf(name, default):
    return getattr(settings, name, default)


def repository_identifier():
    return conf("KOLLEGA_OAI_REPOSITORY_IDENTIFIER", "kollega.example")


def page_size():
    return int(conf("KOLLEGA_OAI_PAGE_SIZE", 50))


def token_max_age():
    return int(conf("KOLLEGA_OAI_TOKEN_MAX_AGE", 24 * 3600))


# -- identifiers, datestamps ----------------------------------------------


def kind_of(page):
    return "unit" if isinstance(page, CurriculumUnitPage) else "resource"


def oai_identifier(page):
    return f"oai:{repository_identifier()}:{kind_of(page)}/{page.translation_key}/{page.locale.language_code}"


def page_for_identifier(identifier):
    match = re.fullmatch(
        rf"oai:{re.escape(repository_identifier())}:(resource|unit)/([0-9a-fA-F-]{{36}})/([A-Za-z-]{{2,12}})",
        identifier or "",
    )
    if not match:
        return None
    kind, key, code = match.groups()
    try:
        key = uuid.UUID(key)
    except ValueError:
        return None  # 36 characters of hex digits and hyphens, but not a UUID
    pages = public.public_pages(KINDS[kind].objects.filter(translation_key=key, locale__language_code=code))
    return pages.select_related("locale").first()


def datestamp_of(page):
    return page.last_published_at or page.latest_revision_created_at or page.first_published_at


def format_datestamp(value):
    return value.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def parse_datestamp(value, end_of_range=False):
    """(aware UTC datetime, granularity) for YYYY-MM-DD or YYYY-MM-DDThh:mm:ssZ; None when malformed."""
    try:
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
            day = datetime.strptime(value, "%Y-%m-%d").date()
            moment = datetime.combine(day, time.max if end_of_range else time.min, tzinfo=UTC)
            return moment, "day"
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z", value):
            moment = datetime.strptime(value, "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=UTC)
            if end_of_range:
                moment += timedelta(microseconds=999999)
            return moment, "seconds"
    except ValueError:
        return None
    return None


# -- sets -----------------------------------------------------------------


@dataclass
class OAISet:
    spec: str
    name: str


def community_sets():
    """setSpec -> (translation_key, name) for every public community (one set per translation group)."""
    groups = {}
    default = Locale.get_default()
    for community in public.public_pages(CommunityPage.objects.all()).order_by("pk"):
        current = groups.get(community.translation_key)
        if current is None or (community.locale_id == default.pk and current.locale_id != default.pk):
            groups[community.translation_key] = community
    sets = {}
    for key, community in groups.items():
        slug = community.slug if SETSPEC_SAFE.match(community.slug) else str(key)
        sets[f"community:{slug}"] = (key, community.title)
    return sets


def language_codes():
    codes = set(public.public_pages(ResourcePage.objects.all()).values_list("material_language", flat=True))
    codes |= set(public.public_pages(CurriculumUnitPage.objects.all()).values_list("locale__language_code", flat=True))
    return sorted(codes)


def all_sets():
    with translation.override("en"):
        sets = [OAISet("community", "Materials of a learning community")]
        sets += [OAISet(spec, f"Community: {name}") for spec, (_key, name) in sorted(community_sets().items())]
        sets.append(OAISet("language", "Records by language"))
        sets += [
            OAISet(f"language:{code}", f"Written in {LANGUAGE_NAMES.get(code, code)}") for code in language_codes()
        ]
    return sets


def set_filter(spec):
    """A Q over Page rows for a setSpec; raises OAIError when the set does not exist."""
    if spec == "community":
        keys = [key for key, _name in community_sets().values()]
        return Q(resourcepage__community__translation_key__in=keys)
    if spec.startswith("community:"):
        found = community_sets().get(spec)
        if found is None:
            raise OAIError("noRecordsMatch", f"There is no set {spec}.")
        return Q(resourcepage__community__translation_key=found[0])
    if spec == "language":
        return Q()
    if spec.startswith("language:"):
        code = spec.split(":", 1)[1]
        return Q(resourcepage__material_language=code) | Q(curriculumunitpage__isnull=False, locale__language_code=code)
    raise OAIError("noRecordsMatch", f"There is no set {spec}.")


def record_sets(page, communities=None):
    specs = []
    community = getattr(page, "community", None)
    if community is not None:
        communities = community_sets() if communities is None else communities
        for spec, (key, _name) in communities.items():
            if key == community.translation_key:
                specs += ["community", spec]
    specs += ["language", f"language:{public.page_language(page)}"]
    return specs


# -- the view -------------------------------------------------------------


def E(tag, text=None, **attrs):
    element = etree.Element(f"{{{OAI_NS}}}{tag}", **{k: v for k, v in attrs.items() if v is not None})
    if text is not None:
        element.text = str(text)
    return element


def sub(parent, tag, text=None, **attrs):
    element = E(tag, text, **attrs)
    parent.append(element)
    return element


def base_url(request):
    return request.build_absolute_uri(request.path)


@csrf_exempt
@require_http_methods(["GET", "POST"])
def endpoint(request):
    query = request.POST if request.method == "POST" else request.GET
    root = E("OAI-PMH", nsmap={None: OAI_NS, "xsi": XSI_NS})
    root.set(f"{{{XSI_NS}}}schemaLocation", OAI_SCHEMA)
    sub(root, "responseDate", format_datestamp(timezone.now()))
    request_el = sub(root, "request", base_url(request))
    verb = query.get("verb")
    try:
        if len(query.getlist("verb")) != 1 or verb not in VERBS:
            raise OAIError("badVerb", "Illegal or missing OAI verb.")
        args = check_arguments(verb, query)
        for name, value in args.items():
            request_el.set(name, value)
        request_el.set("verb", verb)
        root.append(HANDLERS[verb](request, args))
    except OAIError as error:
        if error.code in ("badVerb", "badArgument"):
            # The request element echoes the arguments only when they were valid.
            request_el.attrib.clear()
        sub(root, "error", error.message, code=error.code)
    body = etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)
    return HttpResponse(body, content_type="text/xml; charset=utf-8")


def check_xml_safe(query):
    """badArgument for a name or value that XML cannot carry: it could be neither echoed nor quoted in an error."""
    for name, values in query.lists():
        if any(XML_UNSAFE.search(text) for text in (name, *values)):
            raise OAIError("badArgument", "An argument contains a character that XML does not allow.")


def check_arguments(verb, query):
    required, optional, exclusive = VERBS[verb]
    check_xml_safe(query)
    names = set(query.keys()) - {"verb"}
    for name in names:
        if len(query.getlist(name)) > 1:
            raise OAIError("badArgument", f"The argument {name} is repeated.")
    args = {name: query.get(name) for name in names}
    if exclusive and exclusive in args:
        if len(args) > 1:
            raise OAIError("badArgument", f"{exclusive} is an exclusive argument.")
        return args
    unknown = names - required - optional
    if unknown:
        raise OAIError("badArgument", f"Illegal argument(s): {', '.join(sorted(unknown))}.")
    missing = required - names
    if missing:
        raise OAIError("badArgument", f"Missing argument(s): {', '.join(sorted(missing))}.")
    return args


def identify(request, args):
    el = E("Identify")
    sub(
        el,
        "repositoryName",
        conf("KOLLEGA_OAI_REPOSITORY_NAME", f"{settings.WAGTAIL_SITE_NAME}: open learning materials"),
    )
    sub(el, "baseURL", base_url(request))
    sub(el, "protocolVersion", "2.0")
    emails = conf("KOLLEGA_OAI_ADMIN_EMAILS", None) or [parseaddr(settings.DEFAULT_FROM_EMAIL)[1]]
    for email in emails:
        sub(el, "adminEmail", email)
    earliest = public.public_records().aggregate(first=Min("last_published_at"))["first"]
    sub(el, "earliestDatestamp", format_datestamp(earliest or datetime(2000, 1, 1, tzinfo=UTC)))
    sub(el, "deletedRecord", "no")
    sub(el, "granularity", "YYYY-MM-DDThh:mm:ssZ")
    description = sub(el, "description")
    oai_id = etree.SubElement(description, f"{{{ID_NS}}}oai-identifier", nsmap={None: ID_NS})
    oai_id.set(f"{{{XSI_NS}}}schemaLocation", ID_SCHEMA)
    for tag, text in (
        ("scheme", "oai"),
        ("repositoryIdentifier", repository_identifier()),
        ("delimiter", ":"),
        ("sampleIdentifier", f"oai:{repository_identifier()}:resource/3fa85f64-5717-4562-b3fc-2c963f66afa6/en"),
    ):
        etree.SubElement(oai_id, f"{{{ID_NS}}}{tag}").text = text
    return el


def list_metadata_formats(request, args):
    if "identifier" in args and page_for_identifier(args["identifier"]) is None:
        raise OAIError("idDoesNotExist", "No public record has this identifier.")
    el = E("ListMetadataFormats")
    for prefix, fmt in FORMATS.items():
        item = sub(el, "metadataFormat")
        sub(item, "metadataPrefix", prefix)
        sub(item, "schema", fmt.schema)
        sub(item, "metadataNamespace", fmt.namespace)
    return el


def list_sets(request, args):
    if "resumptionToken" in args:
        raise OAIError("badResumptionToken", "ListSets answers in one response; there is no token to resume.")
    el = E("ListSets")
    for item in all_sets():
        s = sub(el, "set")
        sub(s, "setSpec", item.spec)
        sub(s, "setName", item.name)
    return el


def get_record(request, args):
    fmt = metadata_format(args["metadataPrefix"])
    page = page_for_identifier(args["identifier"])
    if page is None:
        raise OAIError("idDoesNotExist", "No public record has this identifier.")
    el = E("GetRecord")
    el.append(record_element(page.specific, fmt, request, with_metadata=True))
    return el


def metadata_format(prefix):
    fmt = FORMATS.get(prefix)
    if fmt is None:
        raise OAIError("cannotDisseminateFormat", f"The metadata format {prefix} is not supported.")
    return fmt


def list_identifiers(request, args):
    return list_records(request, args, verb="ListIdentifiers")


def list_records(request, args, verb="ListRecords"):
    if "resumptionToken" in args:
        query = read_token(args["resumptionToken"], verb)
    else:
        query = {
            "prefix": args["metadataPrefix"],
            "from": args.get("from"),
            "until": args.get("until"),
            "set": args.get("set"),
            "after": 0,
            "cursor": 0,
        }
    fmt = metadata_format(query["prefix"])
    pages = select_records(query)
    total = pages.count()
    batch = list(pages.filter(pk__gt=query["after"]).order_by("pk")[: page_size() + 1])
    more = len(batch) > page_size()
    batch = batch[: page_size()]
    if not batch:
        raise OAIError("noRecordsMatch", "No records match the request.")
    el = E(verb)
    communities = community_sets()
    for page in (p.specific for p in batch):
        if verb == "ListRecords":
            el.append(record_element(page, fmt, request, with_metadata=True, communities=communities))
        else:
            el.append(header_element(page, communities))
    if more or query["cursor"]:
        next_query = {**query, "after": batch[-1].pk, "cursor": query["cursor"] + len(batch)}
        expires = timezone.now() + timedelta(seconds=token_max_age())
        sub(
            el,
            "resumptionToken",
            make_token(next_query, verb) if more else None,
            completeListSize=str(total),
            cursor=str(query["cursor"]),
            expirationDate=format_datestamp(expires) if more else None,
        )
    return el


def select_records(query):
    pages = public.public_records()
    bounds = []
    if query.get("from"):
        parsed = parse_datestamp(query["from"])
        if parsed is None:
            raise OAIError("badArgument", "from is not a valid UTC datestamp.")
        bounds.append(parsed)
        pages = pages.filter(last_published_at__gte=parsed[0])
    if query.get("until"):
        parsed = parse_datestamp(query["until"], end_of_range=True)
        if parsed is None:
            raise OAIError("badArgument", "until is not a valid UTC datestamp.")
        bounds.append(parsed)
        pages = pages.filter(last_published_at__lte=parsed[0])
    if len(bounds) == 2:
        (start, g1), (end, g2) = bounds
        if g1 != g2:
            raise OAIError("badArgument", "from and until must have the same granularity.")
        if start > end:
            raise OAIError("badArgument", "from is later than until.")
    if query.get("set"):
        pages = pages.filter(set_filter(query["set"]))
    return pages.distinct()


def make_token(query, verb):
    return signing.dumps({**query, "verb": verb}, salt=TOKEN_SALT, compress=True)


def read_token(token, verb):
    try:
        query = signing.loads(token, salt=TOKEN_SALT, max_age=token_max_age())
    except signing.SignatureExpired:
        raise OAIError("badResumptionToken", "The resumption token has expired.") from None
    except signing.BadSignature:
        raise OAIError("badResumptionToken", "The resumption token is invalid.") from None
    if not isinstance(query, dict) or query.pop("verb", None) != verb:
        raise OAIError("badResumptionToken", "The resumption token belongs to another request.")
    return query


def header_element(page, communities=None):
    header = E("header")
    sub(header, "identifier", oai_identifier(page))
    sub(header, "datestamp", format_datestamp(datestamp_of(page)))
    for spec in record_sets(page, communities):
        sub(header, "setSpec", spec)
    return header


def record_element(page, fmt, request, with_metadata=True, communities=None):
    record = E("record")
    record.append(header_element(page, communities))
    if with_metadata:
        metadata = sub(record, "metadata")
        with translation.override(page.locale.language_code):
            metadata.append(fmt.build(page, request))
    return record


HANDLERS = {
    "Identify": identify,
    "ListMetadataFormats": list_metadata_formats,
    "ListSets": list_sets,
    "ListIdentifiers": list_identifiers,
    "ListRecords": list_records,
    "GetRecord": get_record,
}
