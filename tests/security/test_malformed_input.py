"""The malformed requests that used to end in a server error, each answered with a clear 4xx (or a form error).

tests/security/test_fuzz_urls.py walks every URL with hostile values; these
are the reproduced findings, one by one, with what the visitor should see.
"""

import pytest
from lxml import etree

from communities.models import Membership, ProjectPage
from resources.models import ResourcePage
from tests import factories as f

pytestmark = pytest.mark.django_db

HUGE = "99999999999999999999"  # 20 digits: more than any database integer
OAI_NS = {"oai": "http://www.openarchives.org/OAI/2.0/"}


@pytest.fixture
def community(home):
    return f.community("Garden teachers")


@pytest.fixture
def member(client, community):
    person = f.person("Mia Member")
    f.join(person, community)
    client.force_login(person.user)
    return person


def oai_error(client, query):
    response = client.get(f"/oai/?{query}")
    assert response.status_code == 200 and response["Content-Type"].startswith("text/xml")
    root = etree.fromstring(response.content)
    errors = root.findall("oai:error", OAI_NS)
    assert len(errors) == 1, response.content
    return errors[0].get("code"), root.find("oai:request", OAI_NS)


# -- OAI-PMH ------------------------------------------------------------------------


@pytest.mark.parametrize(
    "query",
    [
        "verb=ListRecords&metadataPrefix=%01",
        "verb=ListRecords&metadataPrefix=oai_dc&set=%01",
        "verb=ListRecords&metadataPrefix=oai_dc&from=%01",
        "verb=ListIdentifiers&metadataPrefix=oai_dc&until=2020-01-01%1F",
        "verb=GetRecord&metadataPrefix=oai_dc&identifier=%01",
        "verb=ListRecords&metadataPrefix=oai_dc&%01=1",
        "verb=ListSets&resumptionToken=%00",
        "verb=Identify&%EF%BF%BE=1",  # U+FFFE: not a character XML allows either
    ],
)
def test_oai_arguments_that_xml_cannot_carry_are_a_bad_argument(client, home, query):
    code, request = oai_error(client, query)
    assert code == "badArgument"
    assert request.attrib == {}  # nothing of the request is echoed back


def test_oai_identifier_of_36_characters_that_is_not_a_uuid_does_not_exist(client, home):
    f.resource("Photosynthesis")
    identifier = "oai:kollega.example:resource/" + "-" * 36 + "/en"
    code, _request = oai_error(client, f"verb=GetRecord&metadataPrefix=oai_dc&identifier={identifier}")
    assert code == "idDoesNotExist"
    code, _request = oai_error(client, f"verb=ListMetadataFormats&identifier={identifier}")
    assert code == "idDoesNotExist"


# -- API v2 -------------------------------------------------------------------------


@pytest.mark.parametrize("search", ["%22", "%22%22%22", "%00", "-", "%28%29%2A", "NEAR%28a"])
def test_api_search_takes_engine_syntax_as_plain_text(client, home, search):
    f.resource("Photosynthesis lesson")
    response = client.get(f"/api/v2/pages/?search={search}")
    assert response.status_code == 200
    assert response.json()["items"] == []


def test_api_search_still_finds_words_phrases_and_honours_exclusions_and_or(client, home):
    f.resource("Photosynthesis lesson", summary="Plants and light.")
    f.resource("Garden water lesson", summary="Rain and soil.")

    def titles(query):
        response = client.get(f"/api/v2/pages/?type=resources.ResourcePage&fields=title&{query}")
        assert response.status_code == 200, response.content
        return sorted(item["title"] for item in response.json()["items"])

    assert titles('search="photosynthesis lesson"') == ["Photosynthesis lesson"]
    assert titles("search=lesson -garden") == ["Photosynthesis lesson"]
    assert titles("search=photosynthesis garden") == []
    assert titles("search=photosynthesis garden&search_operator=or") == ["Garden water lesson", "Photosynthesis lesson"]


@pytest.mark.parametrize(
    ("url", "status", "message"),
    [
        ("/api/v2/pages/?search=a&search_operator=xor", 400, "search_operator must be 'and' or 'or'"),
        (f"/api/v2/pages/?offset={HUGE}", 400, "offset cannot be higher than 9223372036854775807"),
        ("/api/v2/pages/find/?id=abc", 400, "id must be a positive integer"),
        (f"/api/v2/pages/find/?id={HUGE}", 400, "id must be a positive integer"),
        ("/api/v2/documents/find/?id=abc", 400, "id must be a positive integer"),
        ("/api/v2/images/find/?id=%00", 400, "id must be a positive integer"),
        ("/api/v2/pages/find/?id=999999", 404, "not found"),
    ],
)
def test_api_malformed_parameters_are_a_client_error_with_a_message(client, home, url, status, message):
    response = client.get(url)
    assert response.status_code == status
    assert response.json() == {"message": message}


def test_api_offset_past_the_end_is_an_empty_page(client, home):
    response = client.get("/api/v2/pages/?offset=9223372036854775807")
    assert response.status_code == 200
    assert response.json()["items"] == [] and response.json()["meta"]["total_count"] > 0


# -- front end: ids in URLs and in form fields -----------------------------------------


@pytest.mark.parametrize(
    "path",
    [
        "/en/discussions/community/{n}/",
        "/en/take-part/community/{n}/requests/",
        "/en/take-part/community/{n}/join/",
        "/en/contribute/{n}/edit/",
        "/en/take-part/project/{n}/partners/",
        "/sv/self-assessment/{n}/",
        "/en/discussions/thread/{n}/",
        "/de/contribute/{n}/adapt/",
    ],
)
@pytest.mark.parametrize("number", [HUGE, "9223372036854775808", "0"])
def test_ids_no_database_can_hold_are_not_found(client, member, path, number):
    for method in (client.get, client.post):
        assert method(path.format(n=number)).status_code == 404


def test_the_largest_id_still_reaches_the_view(client, member):
    # 2**63 - 1 is a valid id that simply does not exist: the view's own 404.
    assert client.get("/en/discussions/community/9223372036854775807/").status_code == 404
    assert client.get("/en/take-part/community/9223372036854775807/join/").status_code == 405


def test_profile_with_out_of_range_choices_is_a_form_error_and_saves_nothing(client, member):
    f.subject("biology")
    data = {
        "display_name": "Changed name",
        "country": "SE",
        "discoverability": "europe",
        "languages": HUGE,
        "subjects": HUGE,
        "levels": HUGE,
    }
    response = client.post("/en/account/profile/", data)
    assert response.status_code == 200
    errors = response.context["form"].errors
    assert set(errors) == {"languages", "subjects", "levels"}
    assert all("not one of the available choices" in str(errors[name]) for name in errors)
    member.refresh_from_db()
    assert member.display_name == "Mia Member"


def test_contribution_with_out_of_range_choices_is_a_form_error_and_creates_nothing(client, member):
    data = {
        "title": "Soil",
        "summary": "About soil.",
        "material_language": "en",
        "licence": "https://creativecommons.org/licenses/by/4.0/",
        "community": HUGE,
        "subjects": HUGE,
        "levels": HUGE,
        "resource_type": HUGE,
    }
    response = client.post("/en/contribute/", data)
    assert response.status_code == 200
    assert set(response.context["form"].errors) == {"community", "subjects", "levels", "resource_type"}
    assert not ResourcePage.objects.filter(title="Soil").exists()


def test_a_facilitator_posting_a_malformed_request_or_report_id_gets_not_found(client, community):
    facilitator = f.person("Fia Facilitator")
    f.join(facilitator, community, role="facilitator")
    requested = f.join(f.person("Rut Request"), community, status="requested")
    client.force_login(facilitator.user)
    for value in ("abc", "", HUGE, "1.5"):
        for url, field in (
            (f"/en/take-part/community/{community.pk}/requests/", "membership"),
            (f"/en/discussions/community/{community.pk}/reports/", "report"),
        ):
            response = client.post(url, {field: value, "action": "accept"})
            assert response.status_code == 404, (url, value)
    assert Membership.objects.get(pk=requested.pk).status == "requested"


# -- projects whose title has no letters ----------------------------------------------


def test_projects_titled_without_letters_are_created_with_a_slug_of_their_own(client, community, member):
    for title in ("!!!", "\U0001f642", "---"):
        response = client.post(
            f"/en/take-part/community/{community.pk}/projects/new/", {"title": title, "theme": "Punctuation"}
        )
        assert response.status_code == 302, title
    slugs = sorted(ProjectPage.objects.child_of(community).values_list("slug", flat=True))
    assert slugs == ["project", "project-1", "project-2"]
    project = ProjectPage.objects.get(slug="project-1")
    assert client.get(project.url).status_code == 200


@pytest.mark.parametrize(
    "url", ["/api/v2/pages/?locale=%00", "/api/v2/pages/find/?html_path=%00", "/api/v2/documents/?title=a%00b"]
)
def test_a_nul_character_in_an_api_parameter_is_a_clear_400(client, home, url):
    # PostgreSQL refuses NUL in text (found by the fuzz walk on PostgreSQL); SQLite would accept it.
    response = client.get(url)
    assert response.status_code == 400
    assert "NUL" in response.json()["message"]
