"""demo/networking.py: a believable contact history that gives the Networking report real funnels, loaded once."""

from collections import Counter
from types import SimpleNamespace

import pytest

from demo.networking import load_networking
from messaging.models import ContactRequest, Message
from networking import report
from recommender.models import SuggestionTally
from tests import factories as f
from vocabularies.models import Language

pytestmark = pytest.mark.django_db

COUNTRIES = {"SE": ["sv", "en"], "DE": ["de", "en"], "PT": ["pt", "en"], "IE": ["en"]}


@pytest.fixture
def loader():
    """What load_networking reads of demo.loader.Loader: its people (with their spec), communities, locales."""
    people = []
    communities = {}
    for country, languages in COUNTRIES.items():
        community = f.community(f"Teachers of {country}", country=country)
        communities[country] = {"en": community}
        for i in range(6):
            person = f.person(f"Demo {country} {i}", country=country, school=f"School {i}")
            person.slug = f"demo-{country.lower()}-{i}"
            person.languages.set([Language.objects.get(code=c) for c in languages])
            person.save()
            person.spec = {"country": country, "languages": languages, "subjects": ["biology"]}
            f.join(person, community)
            people.append(person)

    class Loader(SimpleNamespace):
        def create(self, parent, page, key, locale, when=None):
            page.translation_key = key
            page.locale = locale
            f.add_child(parent, page)
            from wagtail.models import Page

            Page.objects.filter(pk=page.pk).update(first_published_at=when)
            return page

    return Loader(people=people, communities=communities, locs={"en": f.locale("en")}, counts=Counter())


def test_the_history_has_every_outcome_on_both_sides_and_loads_once(loader):
    made = load_networking(loader)
    assert made >= 40 and ContactRequest.objects.count() == made
    statuses = Counter(ContactRequest.objects.values_list("source", "status"))
    for source in ("suggestion", "search"):
        for status in ("accepted", "declined"):
            assert statuses[(source, status)] > 0, (source, status)
    assert sum(n for (_source, status), n in statuses.items() if status == "pending") > 0
    # Replies come in the recipient's own language.
    greta_like = ContactRequest.objects.filter(status="accepted", recipient__country="DE").first()
    if greta_like is not None and greta_like.conversation_id:
        replies = Message.objects.filter(conversation=greta_like.conversation, sender=greta_like.recipient)
        assert all("Hallo" in m.body for m in replies)
    totals = report.funnels(sorted(report.recent_months(6)))[None]
    for side in ("passive", "active"):
        counts = totals[side].counts
        assert counts["shown"] > counts["opened"] > counts["requested"] >= counts["accepted"] >= counts["replied"] > 0
    assert totals["passive"].counts["joint"] > 0
    assert totals["passive"].share("cross_border", "requested") > totals["active"].share("cross_border", "requested")
    # Each of the countries has its own funnel.
    for country in COUNTRIES:
        assert report.funnels(sorted(report.recent_months(6)), country=country)[None]["passive"].counts["requested"] > 0
    before = (ContactRequest.objects.count(), list(SuggestionTally.objects.values_list("count", flat=True)))
    assert load_networking(loader) == 0
    assert (ContactRequest.objects.count(), list(SuggestionTally.objects.values_list("count", flat=True))) == before
