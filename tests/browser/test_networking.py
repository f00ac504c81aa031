"""Passive networking in the browser: a Swedish teacher follows "Personer som arbetar med detta" to a German
colleague, writes to her, and she accepts in German and replies. Phone and desktop; axe-core on every page.

At the end the Networking report's own rows say what happened: one opening beside a material (no viewer
stored) and one contact request from that place, accepted, with replies on both sides.
"""

import re

import pytest
from axe_playwright_python.sync_playwright import Axe

from messaging.models import ContactRequest
from networking import report
from recommender.models import SuggestionTally
from tests import factories as f
from tests.browser.conftest import sign_in_with_a_cookie
from tests.browser.test_accessibility import violations, wider_than_the_screen
from tests.recommender.helpers import index_all
from vocabularies.models import Language

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

TEXT = "Schülerinnen und Schüler messen, wie Pflanzen im Schulgarten Licht und Wasser für die Fotosynthese nutzen."
HELLO = "Hej Greta! Jag undervisar i biologi i Uppsala. Vill du planera ett gemensamt projekt om skolträdgårdar?"
REPLY = "Hallo Sara, sehr gerne! Meine Klasse in Köln misst gerade das Licht im Schulgarten."


def speaks(person, *codes):
    person.languages.set([Language.objects.get(code=c) for c in codes])
    person.save()
    return person


@pytest.fixture
def colleagues():
    greta = speaks(
        f.person("Greta Gärtner", country="DE", school="Gesamtschule Köln", bio="Ich unterrichte Biologie in Köln."),
        "de",
        "en",
    )
    sara = speaks(f.person("Sara Svensson", country="SE", school="Uppsala skola"), "sv", "en")
    material = f.resource("Photosynthesis in the garden", summary=TEXT, subjects=["biology"], levels=[2], code="en")
    f.resource("Licht und Pflanzen", code="de", summary=TEXT, subjects=["biology"], levels=[2], authors=[greta])
    swedish = f.translate(material, "sv", title="Fotosyntes i trädgården")
    index_all()
    return {"greta": greta, "sara": sara, "swedish": swedish}


def test_a_swedish_teacher_reaches_a_german_colleague_through_a_suggestion(
    browser, viewport, live_server, shot, colleagues
):
    from tests.browser.conftest import VIEWPORTS

    axe = Axe()
    found = []

    def check(page, step):
        found.extend(violations(page, axe) + wider_than_the_screen(page))
        shot(page, step)

    sara_context = browser.new_context(base_url=live_server.url, locale="sv-SE", **VIEWPORTS[viewport])
    sara_context.set_default_timeout(15_000)
    sign_in_with_a_cookie(sara_context, colleagues["sara"].user, live_server.url)
    page = sara_context.new_page()
    assert page.goto(colleagues["swedish"].url).status == 200
    sidebar = page.get_by_role("region", name="Personer som arbetar med detta")
    check(page, "material-sv")
    sidebar.get_by_role("link", name="Greta Gärtner", exact=True).click()
    page.wait_for_load_state()
    assert "?via=resource" in page.url
    page.get_by_role("heading", name="Greta Gärtner", level=1).wait_for()
    check(page, "profile")
    page.get_by_role("link", name=re.compile("Ta kontakt")).first.click()
    page.wait_for_load_state()
    check(page, "contact-form")
    page.get_by_label("Ditt meddelande").fill(HELLO)
    page.get_by_role("button", name="Skicka").click()
    page.wait_for_load_state()
    check(page, "sent")

    greta_context = browser.new_context(base_url=live_server.url, locale="de-DE", **VIEWPORTS[viewport])
    greta_context.set_default_timeout(15_000)
    sign_in_with_a_cookie(greta_context, colleagues["greta"].user, live_server.url)
    greta = greta_context.new_page()
    assert greta.goto("/de/messages/").status == 200
    check(greta, "inbox-de")
    greta.get_by_role("link", name=re.compile("Sara Svensson")).click()
    greta.wait_for_load_state()
    assert HELLO in greta.content()
    check(greta, "request-de")
    greta.get_by_role("button", name="Annehmen").click()
    greta.wait_for_load_state()
    greta.get_by_label("Ihre Nachricht").fill(REPLY)
    greta.get_by_role("button", name="Senden").click()
    greta.wait_for_load_state()
    assert REPLY in greta.content()
    check(greta, "conversation-de")

    # Sara reads the German reply and answers: replies on both sides.
    assert page.goto("/sv/messages/").status == 200
    page.get_by_role("link", name=re.compile("Greta Gärtner")).click()
    page.wait_for_load_state()
    assert REPLY in page.content()
    page.get_by_label("Ditt meddelande").fill("Underbart! Jag skickar ett förslag i morgon.")
    page.get_by_role("button", name="Skicka").click()
    page.wait_for_load_state()
    check(page, "conversation-sv")
    sara_context.close()
    greta_context.close()

    item = ContactRequest.objects.get()
    assert (item.source, item.place, item.status) == ("suggestion", "resource", "accepted")
    opened = SuggestionTally.objects.get(stage="opened", place="resource", community_key="")
    assert (opened.country, opened.count) == ("SE", 1)
    passive = report.funnels(report.recent_months(1))[None]["passive"]
    assert passive.counts["requested"] == passive.counts["accepted"] == passive.counts["replied"] == 1
    assert passive.cross_border["replied"] == 1 and passive.cross_language["replied"] == 1
    assert not found, "axe found serious or critical problems:\n" + "\n".join(found)
