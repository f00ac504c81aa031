"""Journey: a Portuguese teacher finds a workshop from a material's sidebar, registers on a phone
(390x844) and adds it to her calendar; every page on the way is axe-core clean and fits the screen.

Screenshots go to /tmp/events-shots/ (and var/screenshots/ through the shared `shot` fixture).
"""

import re
from datetime import UTC, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import icalendar
import pytest
from axe_playwright_python.sync_playwright import Axe
from django.utils import timezone

from events.models import EventPage
from tests import factories as f
from tests.browser.conftest import VIEWPORTS, sign_in_with_a_cookie
from tests.browser.test_accessibility import violations, wider_than_the_screen
from tests.events.helpers import event, teacher

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

SHOTS = Path("/tmp/events-shots")


@pytest.fixture
def phone(browser, live_server):
    ctx = browser.new_context(base_url=live_server.url, locale="pt-PT", **VIEWPORTS["phone"])
    ctx.set_default_timeout(15_000)
    yield ctx
    ctx.close()


@pytest.fixture
def site():
    porto = f.community("Matemática no Porto", country="PT", summary="Professores de Matemática do Porto.")
    material = f.resource(
        "Jogos de probabilidades com dados",
        code="pt",
        summary="Os alunos lançam dados, registam os resultados e comparam frequências com probabilidades.",
        subjects=["mathematics"],
        levels=[2],
    )
    day = timezone.localdate() + timedelta(days=20)
    start = datetime(day.year, day.month, day.day, 10, 0, tzinfo=ZoneInfo("Europe/Lisbon"))
    workshop = event(
        porto,
        "Probability games workshop",
        start=start,
        hours=4,
        kind="workshop",
        time_zone="Europe/Lisbon",
        address="Escola Secundária Rodrigues de Freitas, Porto",
        country="PT",
        capacity=20,
    )
    pt = f.translate(workshop, "pt", title="Workshop: jogos de probabilidades na sala de aula", slug="workshop-jogos")
    for page in (workshop, pt):
        page.materials.set([material])
        page.save()
    ana = teacher("Ana Sousa", language="pt", country="PT")
    return {"material": material, "workshop": pt, "start": start, "ana": ana}


def test_a_portuguese_teacher_finds_a_workshop_registers_on_a_phone_and_adds_it_to_her_calendar(
    phone, live_server, site
):
    SHOTS.mkdir(parents=True, exist_ok=True)
    axe = Axe()
    found = []
    sign_in_with_a_cookie(phone, site["ana"].user, live_server.url)
    page = phone.new_page()

    def check(name):
        found.extend(violations(page, axe) + wider_than_the_screen(page))
        page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=True)

    # The material's sidebar suggests the workshop, with kind, place and date.
    assert page.goto(site["material"].url).status == 200
    sidebar = page.locator("section.sidebar-events")
    sidebar.scroll_into_view_if_needed()
    assert sidebar.get_by_role("heading", name="Próximos eventos").is_visible()
    date = site["start"].strftime("%-d")
    assert re.search(rf"Workshop em Porto a {date} de \w+ de \d{{4}}", sidebar.inner_text())
    assert "Usa este material" in sidebar.inner_text()
    check("01-material-sidebar")
    sidebar.get_by_role("link", name="Workshop: jogos de probabilidades na sala de aula").click()
    page.wait_for_load_state()
    assert page.url.endswith(site["workshop"].url)
    check("02-workshop")

    # She registers on her phone.
    page.get_by_role("button", name="Inscrever-me").click()
    page.wait_for_load_state()
    assert page.get_by_text("Está inscrito(a). Uma confirmação vai a caminho do seu e-mail.").is_visible()
    event_page = EventPage.objects.get(pk=site["workshop"].pk)
    assert event_page.registration_of(site["ana"]).status == "registered"
    assert event_page.places_left == 19
    check("03-registered")

    # The calendar link answers text/calendar and parses, starting at the right instant.
    link = page.get_by_role("link", name="Adicionar ao meu calendário (iCalendar)")
    href = link.get_attribute("href")
    response = page.request.get(href)
    assert response.status == 200 and response.headers["content-type"].startswith("text/calendar")
    (component,) = icalendar.Calendar.from_ical(response.body()).walk("VEVENT")
    assert component.decoded("dtstart") == site["start"].astimezone(UTC)
    assert str(component["summary"]) == "Workshop: jogos de probabilidades na sala de aula"

    # The calendar on a phone opens as a list; the month grid is there for wide screens.
    assert page.goto("/pt/events/").status == 200
    assert page.locator(".calendar-list").is_visible() and not page.locator(".month-grid").is_visible()
    assert page.locator(".calendar-list").get_by_role("link", name=re.compile("jogos de probabilidades")).is_visible()
    check("04-calendar-list")
    page.get_by_role("link", name="Mês", exact=True).click()
    page.wait_for_load_state()
    # On a phone the month reads as an agenda of the days that have events.
    grid = page.locator(".month-grid")
    assert grid.get_by_role("link", name=re.compile("jogos de probabilidades")).is_visible()
    assert (
        grid.get_by_text(re.compile(r"^\d+$")).count() == 0
        or not grid.locator("td:not(.has-events)").first.is_visible()
    )
    check("05-calendar-month")
    assert not found, "axe found serious or critical problems, or a page wider than the phone:\n" + "\n".join(found)
