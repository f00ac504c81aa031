"""Materials and curriculum units describe themselves as schema.org LearningResources (LRMI)."""

import json

import pytest

from metadata.jsonld import learning_resource, script_json
from tests import factories

from .helpers import expand, jsonld_blocks, triples

pytestmark = pytest.mark.django_db
S = "https://schema.org/"


@pytest.fixture
def material():
    community = factories.community("Baltic biology teachers")
    author = factories.person("Astrid Public", discoverability="europe")
    hidden = factories.person("Henrik Hidden", discoverability="nobody")
    original = factories.resource("Leaves and light", authors=[author])
    page = factories.resource(
        "Photosynthesis in the classroom",
        subjects=["biology"],
        levels=[2, 3],
        tags=["plants", "light"],
        authors=[author, hidden],
        community=community,
        based_on=original,
        resource_type=factories.resource_type("lesson-plan", "Lesson plan"),
        duration_minutes=45,
    )
    return page


def _render(client, page):
    response = client.get(page.url)
    assert response.status_code == 200
    blocks = jsonld_blocks(response.content.decode())
    assert len(blocks) == 1
    return blocks[0]


def test_a_material_page_embeds_a_learning_resource_with_lrmi_properties(client, material):
    data = _render(client, material)
    assert data["@type"] == "LearningResource"
    assert data["name"] == "Photosynthesis in the classroom"
    assert data["description"].startswith("A lesson plan about photosynthesis")
    assert data["inLanguage"] == "en"
    assert [level["termCode"] for level in data["educationalLevel"]] == ["ISCED 2", "ISCED 3"]
    assert data["learningResourceType"]["name"] == "Lesson plan"
    assert [s["termCode"] for s in data["teaches"]] == ["biology"]
    assert data["license"] == "https://creativecommons.org/licenses/by/4.0/"
    assert data["url"].endswith(material.url) and data["url"].startswith("http")
    assert data["dateModified"] and data["timeRequired"] == "PT45M"
    assert sorted(data["keywords"]) == ["light", "plants"]
    assert data["isBasedOn"]["name"] == "Leaves and light"
    assert data["isPartOf"]["name"] == "Baltic biology teachers"


def test_only_publicly_discoverable_people_are_named(client, material):
    data = _render(client, material)
    assert [a["name"] for a in data["author"]] == ["Astrid Public"]
    assert "Henrik Hidden" not in json.dumps(data)


def test_former_members_keep_a_generic_credit(material):
    from django.utils import timezone

    gone = factories.person("Gone Teacher")
    gone.anonymised_at = timezone.now()
    gone.save()
    material.contributors.create(person=gone, role="adapter")
    data = learning_resource(material)
    assert {"@type": "Person", "name": "Former member"} in data["contributor"]
    assert "Gone Teacher" not in json.dumps(data)


def test_the_json_ld_parses_as_linked_data_and_carries_the_properties(client, material):
    data = _render(client, material)
    expanded = expand(data)
    assert expanded and f"{S}LearningResource" in expanded[0]["@type"]
    statements = triples(data)
    subject = data["@id"]
    predicates = {p for s, p, _ in statements if s == subject}
    for term in (
        "name",
        "description",
        "inLanguage",
        "educationalLevel",
        "learningResourceType",
        "teaches",
        "license",
        "author",
        "isBasedOn",
        "isPartOf",
        "url",
        "dateModified",
        "keywords",
    ):
        assert f"{S}{term}" in predicates, term
    assert (subject, f"{S}name", "Photosynthesis in the classroom") in statements
    assert (subject, f"{S}license", "https://creativecommons.org/licenses/by/4.0/") in statements


def test_a_title_cannot_break_out_of_the_script_element(client):
    title = 'Evil </script><script>alert("x")</script> & <!-- more'
    page = factories.resource(title)
    html = client.get(page.url).content.decode()
    assert '<script>alert("x")' not in html
    assert jsonld_blocks(html)[0]["name"] == title
    assert "<" not in script_json({"name": title}) and "&" not in script_json({"name": title})


def test_translations_point_at_the_work_they_translate(client):
    work = factories.resource("Fractions with paper")
    swedish = factories.translate(work, "sv", title="Bråk med papper")
    source = _render(client, work)
    assert [t["inLanguage"] for t in source["workTranslation"]] == ["sv"]
    assert source["workTranslation"][0]["url"].endswith(swedish.url)
    translated = _render(client, swedish)
    assert translated["inLanguage"] == "sv"
    assert translated["translationOfWork"]["url"].endswith(work.url)
    assert "workTranslation" not in translated


def test_a_draft_translation_is_not_listed(client):
    work = factories.resource("Fractions with paper")
    factories.translate(work, "sv", live=False, title="Bråk med papper")
    assert "workTranslation" not in _render(client, work)


def test_a_curriculum_unit_page_embeds_a_learning_resource(client):
    unit = factories.unit(
        3, "Leading a learning community", summary="How facilitators run meetings.", duration_minutes=90
    )
    unit.competences.add("facilitation")
    factories.publish(unit)
    data = _render(client, unit)
    assert data["@type"] == "LearningResource"
    assert data["name"] == "Leading a learning community"
    assert data["teaches"] == ["facilitation"] and data["timeRequired"] == "PT1H30M"
    assert data["isPartOf"]["@type"] == "Course"


def test_members_only_pages_carry_no_json_ld_even_for_members(client):
    community = factories.community("Secret circle", visibility="members")
    lesson = factories.resource("Members-only lesson", community=community)
    member = factories.person("Member")
    factories.join(member, community)
    client.force_login(member.user)
    response = client.get(lesson.url)
    assert response.status_code == 200
    assert jsonld_blocks(response.content.decode()) == []
