"""Activity steps read the same in every shape they are stored in (issue 14, defect 2: "None / None / None").

The shapes as they sit in the database: Wagtail's list item with an id (the
admin, the demo's materials), a list item without its id (the demo's
curriculum units), and the plain dict of older Wagtail data.
"""

import json

import pytest
from bs4 import BeautifulSoup
from django.db import connection

from resources.models import CurriculumUnitPage
from tests import factories as f

pytestmark = pytest.mark.django_db

STEPS = [
    ("Warm-up", 10, "Ask the group what a learning community is."),
    ("Plan a meeting", 25, "Agree on a first topic and a date."),
]


def with_id(n, title, minutes, text):
    return {
        "type": "item",
        "value": {"title": title, "minutes": minutes, "instructions": f"<p>{text}</p>"},
        "id": f"00000000-0000-0000-0000-00000000000{n}",
    }


def without_id(n, title, minutes, text):
    return {"type": "item", "value": {"title": title, "minutes": minutes, "instructions": f"<p>{text}</p>"}}


def plain(n, title, minutes, text):
    return {"title": title, "minutes": minutes, "instructions": f"<p>{text}</p>"}


def stored_unit(item):
    """A unit whose activities column holds exactly this JSON, written past Wagtail's own saving."""
    unit = f.add_child(f.curriculum(), CurriculumUnitPage(title="Starting a learning community", number=1))
    raw = [
        {
            "type": "activity",
            "id": "a1",
            "value": {"title": "Our first meeting", "steps": [item(n, *step) for n, step in enumerate(STEPS)]},
        }
    ]
    table = CurriculumUnitPage._meta.db_table
    with connection.cursor() as cursor:
        cursor.execute(f"UPDATE {table} SET activities = %s WHERE page_ptr_id = %s", [json.dumps(raw), unit.pk])
    return CurriculumUnitPage.objects.get(pk=unit.pk)


@pytest.mark.parametrize("item", [with_id, without_id, plain])
def test_a_unit_shows_the_title_minutes_and_instructions_of_every_step(client, item):
    unit = stored_unit(item)
    html = client.get(unit.url).content.decode()
    steps = BeautifulSoup(html, "html.parser").select(".activity ol > li")
    assert [step.find("strong").get_text() for step in steps] == ["Warm-up", "Plan a meeting"]
    assert "10 minutes" in steps[0].get_text() and "25 minutes" in steps[1].get_text()
    assert "Agree on a first topic and a date." in steps[1].get_text()
    assert "None" not in BeautifulSoup(html, "html.parser").select_one(".activity").get_text()


@pytest.mark.parametrize("item", [with_id, without_id, plain])
def test_search_and_the_recommender_read_the_steps(item):
    """Both index the unit's activities through the blocks' searchable content."""
    unit = stored_unit(item)
    text = " ".join(CurriculumUnitPage._meta.get_field("activities").get_searchable_content(unit.activities))
    assert "Plan a meeting" in text and "Agree on a first topic and a date." in text
