"""Adapting keeps every block of a material in its place and lets the teacher change each block's text."""

import json

import pytest
from bs4 import BeautifulSoup

from resources.models import ResourcePage
from tests import factories as f

pytestmark = pytest.mark.django_db

CC_BY = "https://creativecommons.org/licenses/by/4.0/"

BODY = [
    {"type": "heading", "value": "Before the lesson"},
    {"type": "paragraph", "value": "<p>Bring <b>three</b> glass jars.</p>"},
    {
        "type": "activity",
        "value": {
            "title": "Build the water cycle",
            "steps": [
                # One step in Wagtail's list-item shape, one in the older plain shape.
                {
                    "type": "item",
                    "value": {"title": "Fill the jar", "minutes": 10, "instructions": "<p>Soil first.</p>"},
                },
                {"title": "Watch the droplets", "minutes": 25, "instructions": "<p>Note what you see.</p>"},
            ],
        },
    },
    {"type": "paragraph", "value": "<p>Ask the pupils what surprised them.</p>"},
]


@pytest.fixture
def community():
    f.resource_index("en")
    return f.community("Baltic Science Teachers")


@pytest.fixture
def adapter(client, community):
    person = f.person("Ada Adapter")
    f.join(person, community)
    client.force_login(person.user)
    return person


def original(community, code="en"):
    author = f.person("Olga Original")
    return f.resource(
        "Water cycle", code=code, licence=CC_BY, authors=[author], community=community, body=json.dumps(BODY)
    )


def posted_form(html, **changes):
    """What the browser sends back for the edit form as shown, with `changes` typed in."""
    form = BeautifulSoup(html, "html.parser").find("form", enctype="multipart/form-data")
    data = {}
    for field in form.find_all(["input", "textarea", "select"]):
        name = field.get("name")
        if not name or field.get("type") in ("file", "submit"):
            continue
        if field.name == "textarea":
            data[name] = field.get_text()
        elif field.name == "select":
            chosen = field.find("option", selected=True) or field.find("option")
            data[name] = chosen["value"] if chosen else ""
        elif field.get("type") == "checkbox":
            if field.has_attr("checked"):
                data.setdefault(name, []).append(field["value"])
        else:
            data[name] = field.get("value", "")
    data.update(changes)
    return data


def labels(html):
    soup = BeautifulSoup(html, "html.parser")
    return [label.get_text(strip=True).rstrip(":") for label in soup.find_all("label")]


def test_adapting_shows_every_block_and_saves_the_changed_step_and_minutes_in_place(client, adapter, community):
    page = original(community)
    response = client.post(f"/en/contribute/{page.pk}/adapt/")
    copy = ResourcePage.objects.get(based_on=page)
    edit = client.get(response["Location"]).content.decode()

    shown = labels(edit)
    # The heading, the text, the activity and its steps (with minutes), the closing text: each in order.
    order = [
        "Part 1: heading",
        "Part 2: text",
        "Part 3: activity",
        "Part 3, step 1",
        "Part 3, step 1: minutes",
        "Part 3, step 2",
        "Part 3, step 2: minutes",
        "Part 4: text",
    ]
    assert [label for label in shown if label in order] == order
    assert 'value="Watch the droplets"' in edit and 'value="25"' in edit

    data = posted_form(
        edit,
        block_3_step_2_title="Draw the droplets",
        block_3_step_2_minutes="15",
        block_1_heading="Before the lesson (younger pupils)",
    )
    assert client.post(response["Location"], data).status_code == 302

    body = ResourcePage.objects.get(pk=copy.pk).get_latest_revision_as_object().body
    assert [block.block_type for block in body] == ["heading", "paragraph", "activity", "paragraph"]
    assert body[0].value == "Before the lesson (younger pupils)"
    # Text nobody touched keeps its formatting.
    assert body[1].value.source == "<p>Bring <b>three</b> glass jars.</p>"
    steps = [(step["title"], step["minutes"]) for step in body[2].value["steps"]]
    assert steps == [("Fill the jar", 10), ("Draw the droplets", 15)]
    assert body[3].value.source == "<p>Ask the pupils what surprised them.</p>"
    # The original is unchanged.
    original_steps = ResourcePage.objects.get(pk=page.pk).body[2].value["steps"]
    assert [(s["title"], s["minutes"]) for s in original_steps] == [("Fill the jar", 10), ("Watch the droplets", 25)]


def test_text_added_at_the_end_follows_the_closing_paragraph(client, adapter, community):
    page = original(community)
    edit_url = client.post(f"/en/contribute/{page.pk}/adapt/")["Location"]
    data = posted_form(client.get(edit_url).content.decode(), body_text="A homework idea.")
    client.post(edit_url, data)
    body = ResourcePage.objects.get(based_on=page).get_latest_revision_as_object().body
    assert [block.block_type for block in body] == ["heading", "paragraph", "activity", "paragraph", "paragraph"]
    assert body[4].value.source == "<p>A homework idea.</p>"


@pytest.mark.parametrize(
    "language, label",
    [("en", "Adapt this resource"), ("de", "Dieses Material anpassen"), ("sv", "Anpassa"), ("pt", "Adaptar")],
)
def test_the_adapt_button_says_adapt_in_each_language(client, adapter, community, language, label):
    page = original(community, code=language)
    html = client.get(page.url).content.decode()
    button = BeautifulSoup(html, "html.parser").select_one("#resource-actions button")
    assert label in button.get_text()
    assert "bearbeiten" not in button.get_text()


def test_ones_own_material_offers_editing_not_adapting(client, community):
    author = f.person("Olga Original")
    f.join(author, community)
    page = f.resource("Water cycle", licence=CC_BY, authors=[author], community=community, body=json.dumps(BODY))
    client.force_login(author.user)

    html = client.get(page.url).content.decode()
    actions = BeautifulSoup(html, "html.parser").select_one("#resource-actions")
    assert "Adapt this resource" not in actions.get_text()
    assert actions.find("a", href=f"/en/contribute/{page.pk}/edit/")
    response = client.post(f"/en/contribute/{page.pk}/adapt/")
    assert response["Location"] == f"/en/contribute/{page.pk}/edit/"
    assert not ResourcePage.objects.filter(based_on=page).exists()
