"""`make run` twice: the demo goes into the empty database once, the next run serves what teachers added.

The module loads the demo as `make run`'s demo step does (the command is read
from the Makefile), once, inside a transaction rolled back at the end. The
same demo is then read the way visitors read it: every curriculum unit in
every language shows the steps of its activity (issue 14, defects 2 and 6).
"""

import io
import re
import shlex
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.db import transaction

from communities.models import CommunityPage
from resources.models import CurriculumUnitPage, ResourcePage
from tests import factories as f

pytestmark = pytest.mark.slow

MAKEFILE = Path(__file__).resolve().parents[2] / "Makefile"
PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"


def demo_step():
    """The manage.py command and arguments of the Makefile's `demo` target (what `make run` runs before serving)."""
    recipe = re.search(r"^demo:.*\n((?:\t.*\n)+)", MAKEFILE.read_text(), re.MULTILINE).group(1)
    commands = [shlex.split(line.strip()) for line in recipe.splitlines()]
    (command,) = [words[words.index("manage.py") + 1 :] for words in commands if "manage.py" in words]
    return command


def run_demo_step():
    out = io.StringIO()
    name, *args = demo_step()
    call_command(name, *args, verbosity=1, stdout=out, stderr=io.StringIO())
    return out.getvalue()


@pytest.fixture(scope="module")
def first_run(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        atomic = transaction.atomic()
        atomic.__enter__()
        try:
            yield run_demo_step()
        finally:
            transaction.set_rollback(True)
            atomic.__exit__(None, None, None)


def test_the_first_run_loads_the_demo_into_the_empty_database(first_run, db):
    assert ResourcePage.objects.filter(external_id__startswith="demo:").count() >= 200
    assert "Demo loaded" in first_run


def test_the_second_run_after_a_contribution_serves_it(first_run, db, client):
    community = CommunityPage.objects.filter(locale__language_code="en", visibility="public").first()
    teacher = f.person("Ana Newcomer")
    f.join(teacher, community)
    client.force_login(teacher.user)
    response = client.post(
        "/en/contribute/",
        {
            "title": "Water cycle in a jar",
            "summary": "Pupils build a closed water cycle in a glass jar and observe it for a week.",
            "body_text": "Fill the jar with soil.\n\nClose the lid and watch the droplets.",
            "material_language": "en",
            "licence": "https://creativecommons.org/licenses/by/4.0/",
            "community": community.pk,
            "files": [SimpleUploadedFile("jar.pdf", PDF, content_type="application/pdf")],
        },
    )
    assert response.status_code == 302
    materials = ResourcePage.objects.count()

    second_run = run_demo_step()  # raised "already holds content that is not part of the demo" before

    assert "not loaded again" in second_run
    assert ResourcePage.objects.count() == materials
    assert ResourcePage.objects.filter(title="Water cycle in a jar").exists()
    client.logout()
    assert client.get("/en/").status_code == 200
    # By hand, load_demo still refuses to mix the demo into other content.
    with pytest.raises(CommandError, match="--force"):
        call_command("load_demo", verbosity=0)


@pytest.mark.parametrize("code", ["en", "sv", "de", "pt"])
def test_every_curriculum_unit_shows_the_steps_of_its_activity(first_run, client, code):
    units = CurriculumUnitPage.objects.live().filter(locale__language_code=code).order_by("number")
    if code in ("en", "de"):  # the issue saw "None / None / None" on all English units and on German unit 1
        assert units.exists()
    for unit in units:
        response = client.get(unit.url)
        assert response.status_code == 200, unit.url
        soup = BeautifulSoup(response.content, "html.parser")
        for activity in soup.select(".activity"):
            steps = activity.select("ol > li")
            assert steps, unit.url
            for step in steps:
                title = step.find("strong")
                assert title and title.get_text(strip=True) not in ("", "None"), (unit.url, str(step))
                assert step.get_text(" ", strip=True) != title.get_text(strip=True), (unit.url, "no instructions")
            assert "None" not in activity.get_text(" "), (unit.url, activity.get_text(" "))
