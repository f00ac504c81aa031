"""The weekly digest reaches teachers in their language, with only what they may see."""

import pytest
from django.core import mail
from django.core.management import call_command

from tests import factories as f
from tests.recommender.helpers import index_all

pytestmark = pytest.mark.django_db

TEXT = "Pupils measure how plants use light and water for photosynthesis in the school garden."


def test_digest_lists_colleagues_and_new_related_work():
    me = f.person("Me Teacher", discoverability="europe", country="SE")
    me.user.email = "me@example.org"
    me.user.save()
    f.resource("My garden lesson", summary=TEXT, subjects=["biology"], authors=[me])
    olga = f.person("Olga Open", discoverability="europe", country="PT")
    f.resource("Plants and light", summary=TEXT, subjects=["biology"], authors=[olga])
    hidden = f.person("Hidden Hanna", discoverability="nobody")
    f.resource("Light and plants again", summary=TEXT, subjects=["biology"], authors=[hidden])
    index_all()
    call_command("send_digests", stdout=open("/dev/null", "w"))
    to_me = [m for m in mail.outbox if m.to == ["me@example.org"]]
    assert len(to_me) == 1
    body = to_me[0].body
    assert "Olga Open" in body
    assert "Plants and light" in body
    assert "Hidden Hanna" not in body


def test_digest_is_written_in_the_teachers_language():
    from vocabularies.models import Language

    me = f.person("Mia Svensson", discoverability="europe", country="SE")
    me.languages.set([Language.objects.get(code="sv")])
    me.user.email = "mia@example.org"
    me.user.save()
    f.resource("Min trädgårdslektion", code="sv", summary=TEXT, authors=[me])
    f.resource("Plants and light", summary=TEXT, authors=[f.person("Olga", discoverability="europe")])
    index_all()
    from datetime import timedelta

    from django.utils import timezone

    from recommender.digests import build_digest, digest_language

    assert digest_language(me) == "sv"
    subject, text, html = build_digest(me, timezone.now() - timedelta(days=7))
    assert 'lang="sv"' in html


def test_no_digest_when_there_is_nothing_to_tell():
    lonely = f.person("Lonely", discoverability="europe")
    lonely.user.email = "lonely@example.org"
    lonely.user.save()
    index_all()
    call_command("send_digests", stdout=open("/dev/null", "w"))
    assert mail.outbox == []
