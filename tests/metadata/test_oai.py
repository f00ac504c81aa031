"""OAI-PMH 2.0 at /oai/, harvested with the pyoai client library."""

from datetime import UTC, datetime

import pytest
from lxml import etree
from oaipmh import error as oai_error

from metadata.oai import oai_identifier
from resources.models import ResourcePage
from tests import factories

from .oai_client import DjangoTestClient

pytestmark = pytest.mark.django_db
OAI = {"o": "http://www.openarchives.org/OAI/2.0/"}


@pytest.fixture
def harvester(client):
    harvester = DjangoTestClient(client)
    harvester.updateGranularity()
    return harvester


@pytest.fixture
def small_pages(settings):
    settings.KOLLEGA_OAI_PAGE_SIZE = 3


def oai_get(client, **params):
    response = client.get("/oai/", params)
    assert response.status_code == 200
    return etree.fromstring(response.content)


def error_code(tree):
    errors = tree.findall("o:error", OAI)
    return errors[0].get("code") if errors else None


def test_identify_describes_the_repository(harvester):
    identify = harvester.identify()
    assert identify.repositoryName().startswith("Kollega")
    assert identify.protocolVersion() == "2.0"
    assert identify.deletedRecord() == "no"
    assert identify.granularity() == "YYYY-MM-DDThh:mm:ssZ"
    assert identify.baseURL() == "http://testserver/oai/"


def test_both_formats_are_offered(harvester):
    prefixes = [prefix for prefix, _schema, _ns in harvester.listMetadataFormats()]
    assert prefixes == ["oai_dc", "lom"]


def test_every_public_record_is_harvested_across_resumption_tokens(harvester, small_pages):
    titles = {f"Lesson {n}" for n in range(7)}
    for title in titles:
        factories.resource(title)
    work = factories.resource("Fractions with paper")
    factories.translate(work, "sv", title="Bråk med papper")
    factories.unit(1, "Leading a learning community")
    factories.resource("Unfinished lesson", live=False)
    secret = factories.community("Secret circle", visibility="members")
    factories.resource("Members-only lesson", community=secret)

    records = list(harvester.listRecords(metadataPrefix="oai_dc"))
    harvested = [metadata.getField("title")[0] for _header, metadata, _about in records]
    assert sorted(harvested) == sorted(
        titles | {"Fractions with paper", "Bråk med papper", "Leading a learning community"}
    )
    assert len({header.identifier() for header, _m, _a in records}) == len(records) == 10
    assert sum("resumptionToken" in kw for kw in harvester.requests) == 3  # 10 records, 3 a page: 4 responses

    lom_titles = [m.getField("title")[0] for _h, m, _a in harvester.listRecords(metadataPrefix="lom")]
    assert sorted(lom_titles) == sorted(harvested)
    identifiers = [h.identifier() for h in harvester.listIdentifiers(metadataPrefix="oai_dc")]
    assert sorted(identifiers) == sorted(h.identifier() for h, _m, _a in records)


def test_a_record_carries_its_dublin_core_and_lom(harvester):
    community = factories.community("Baltic biology teachers")
    author = factories.person("Astrid Public")
    hidden = factories.person("Henrik Hidden", discoverability="nobody")
    page = factories.resource(
        "Photosynthesis",
        community=community,
        authors=[author, hidden],
        subjects=["biology"],
        levels=[2],
        tags=["plants"],
    )
    header, metadata, _about = harvester.getRecord(identifier=oai_identifier(page), metadataPrefix="oai_dc")
    assert header.identifier() == f"oai:kollega.example:resource/{page.translation_key}/en"
    assert metadata.getField("title") == ["Photosynthesis"]
    assert metadata.getField("creator") == ["Astrid Public"]
    assert metadata.getField("language") == ["en"]
    assert metadata.getField("rights") == ["https://creativecommons.org/licenses/by/4.0/"]
    assert metadata.getField("identifier")[0].endswith(page.url)
    assert "Biology" in metadata.getField("subject") and "plants" in metadata.getField("subject")
    assert sorted(header.setSpec()) == sorted(["community", f"community:{community.slug}", "language", "language:en"])

    _h, lom, _a = harvester.getRecord(identifier=oai_identifier(page), metadataPrefix="lom")
    assert lom.getField("title") == ["Photosynthesis"] and lom.getField("levels") == ["2"]
    assert lom.getField("relation")[0].endswith(community.url)


def test_sets_per_community_and_per_language(harvester):
    community = factories.community("Baltic biology teachers")
    factories.resource("Leaves and light", community=community)
    factories.resource("Fractions with paper")
    factories.resource("Fotosyntes i klassrummet", code="sv")
    secret = factories.community("Secret circle", visibility="members")
    factories.resource("Members-only lesson", community=secret)

    specs = {spec for spec, _name, _description in harvester.listSets()}
    assert {f"community:{community.slug}", "language:en", "language:sv", "community", "language"} <= specs
    assert f"community:{secret.slug}" not in specs

    def titles(spec):
        return sorted(m.getField("title")[0] for _h, m, _a in harvester.listRecords(metadataPrefix="oai_dc", set=spec))

    assert titles(f"community:{community.slug}") == ["Leaves and light"]
    assert titles("community") == ["Leaves and light"]
    assert titles("language:sv") == ["Fotosyntes i klassrummet"]
    with pytest.raises(oai_error.NoRecordsMatchError):
        titles(f"community:{secret.slug}")


def test_incremental_harvesting_with_from_and_until(harvester, client):
    old = factories.resource("Old lesson")
    middle = factories.resource("Middle lesson")
    new = factories.resource("New lesson")
    for page, moment in (
        (old, datetime(2025, 1, 10, 8, 0, tzinfo=UTC)),
        (middle, datetime(2025, 3, 5, 12, 30, 15, tzinfo=UTC)),
        (new, datetime(2025, 6, 1, 23, 59, 59, tzinfo=UTC)),
    ):
        ResourcePage.objects.filter(pk=page.pk).update(last_published_at=moment)

    def titles(**kw):
        return sorted(m.getField("title")[0] for _h, m, _a in harvester.listRecords(metadataPrefix="oai_dc", **kw))

    assert titles(from_=datetime(2025, 3, 5, 12, 30, 15)) == ["Middle lesson", "New lesson"]
    assert titles(until=datetime(2025, 3, 5, 12, 30, 15)) == ["Middle lesson", "Old lesson"]
    assert titles(from_=datetime(2025, 2, 1), until=datetime(2025, 4, 1)) == ["Middle lesson"]
    # Day granularity: until a day includes that whole day.
    tree = oai_get(
        client, verb="ListIdentifiers", metadataPrefix="oai_dc", **{"from": "2025-03-05", "until": "2025-06-01"}
    )
    assert len(tree.findall(".//o:header", OAI)) == 2
    header = tree.find(".//o:header", OAI)
    assert header.findtext("o:datestamp", namespaces=OAI) == "2025-03-05T12:30:15Z"
    with pytest.raises(oai_error.NoRecordsMatchError):
        titles(from_=datetime(2026, 1, 1), until=datetime(2026, 1, 2))


def test_members_only_and_draft_records_cannot_be_fetched(harvester):
    secret = factories.community("Secret circle", visibility="members")
    hidden = factories.resource("Members-only lesson", community=secret)
    draft = factories.resource("Unfinished lesson", live=False)
    for page in (hidden, draft):
        with pytest.raises(oai_error.IdDoesNotExistError):
            harvester.getRecord(identifier=oai_identifier(page), metadataPrefix="oai_dc")
        with pytest.raises(oai_error.IdDoesNotExistError):
            list(harvester.listMetadataFormats(identifier=oai_identifier(page)))


@pytest.mark.parametrize(
    "params, code",
    [
        ({}, "badVerb"),
        ({"verb": "Harvest"}, "badVerb"),
        ({"verb": "ListRecords"}, "badArgument"),
        ({"verb": "ListRecords", "metadataPrefix": "oai_dc", "colour": "blue"}, "badArgument"),
        ({"verb": "ListRecords", "metadataPrefix": "oai_dc", "from": "yesterday"}, "badArgument"),
        (
            {"verb": "ListRecords", "metadataPrefix": "oai_dc", "from": "2025-01-01", "until": "2025-02-01T00:00:00Z"},
            "badArgument",
        ),
        (
            {"verb": "ListRecords", "metadataPrefix": "oai_dc", "from": "2025-02-01", "until": "2025-01-01"},
            "badArgument",
        ),
        ({"verb": "ListRecords", "metadataPrefix": "marc21"}, "cannotDisseminateFormat"),
        ({"verb": "ListRecords", "metadataPrefix": "oai_dc", "set": "community:nowhere"}, "noRecordsMatch"),
        ({"verb": "ListRecords", "resumptionToken": "garbled"}, "badResumptionToken"),
        ({"verb": "ListRecords", "resumptionToken": "x", "metadataPrefix": "oai_dc"}, "badArgument"),
        ({"verb": "ListSets", "resumptionToken": "x"}, "badResumptionToken"),
        ({"verb": "GetRecord", "metadataPrefix": "oai_dc"}, "badArgument"),
        (
            {"verb": "GetRecord", "metadataPrefix": "oai_dc", "identifier": "oai:kollega.example:resource/nope/en"},
            "idDoesNotExist",
        ),
        ({"verb": "Identify", "identifier": "x"}, "badArgument"),
    ],
)
def test_protocol_errors(client, params, code):
    factories.resource("Fractions with paper")
    tree = oai_get(client, **params)
    assert error_code(tree) == code
    request = tree.find("o:request", OAI)
    if code in ("badVerb", "badArgument"):
        assert request.attrib == {}


def test_repeated_arguments_are_refused(client):
    response = client.get("/oai/?verb=ListRecords&metadataPrefix=oai_dc&metadataPrefix=lom")
    assert error_code(etree.fromstring(response.content)) == "badArgument"


def test_resumption_tokens_are_signed_tied_to_their_verb_and_expire(client, settings, small_pages):
    for n in range(4):
        factories.resource(f"Lesson {n}")
    tree = oai_get(client, verb="ListIdentifiers", metadataPrefix="oai_dc")
    token = tree.find(".//o:resumptionToken", OAI)
    assert token.get("completeListSize") == "4" and token.get("cursor") == "0" and token.get("expirationDate")
    assert len(oai_get(client, verb="ListIdentifiers", resumptionToken=token.text).findall(".//o:header", OAI)) == 1
    last = oai_get(client, verb="ListIdentifiers", resumptionToken=token.text).find(".//o:resumptionToken", OAI)
    assert last.text is None and last.get("cursor") == "3"
    assert error_code(oai_get(client, verb="ListRecords", resumptionToken=token.text)) == "badResumptionToken"
    assert (
        error_code(oai_get(client, verb="ListIdentifiers", resumptionToken=token.text[:-2] + "xx"))
        == "badResumptionToken"
    )
    settings.KOLLEGA_OAI_TOKEN_MAX_AGE = -1
    assert error_code(oai_get(client, verb="ListIdentifiers", resumptionToken=token.text)) == "badResumptionToken"


def test_post_requests_are_answered_too(client):
    factories.resource("Fractions with paper")
    response = client.post("/oai/", {"verb": "ListIdentifiers", "metadataPrefix": "oai_dc"})
    tree = etree.fromstring(response.content)
    assert len(tree.findall(".//o:header", OAI)) == 1


def test_the_endpoint_is_not_redirected_to_a_locale(client):
    response = client.get("/oai/?verb=Identify", HTTP_ACCEPT_LANGUAGE="sv")
    assert response.status_code == 200 and b"<Identify>" in response.content
    assert client.get("/oai/?verb=Nope").status_code == 200
