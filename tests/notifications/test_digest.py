"""The weekly digest tells what was not seen, once, and nothing to a person who turned it off."""

import re
from io import StringIO

import pytest
from django.core import mail
from django.core.management import call_command

from notifications.choices import NotificationKind
from notifications.models import Notification
from notifications.services import notify, wants_digest
from tests import factories as f
from vocabularies.models import Language

pytestmark = pytest.mark.django_db


@pytest.fixture
def reader():
    me = f.person("Rita Reader")
    me.user.email = "rita@example.org"
    me.user.save()
    return me


def digests_to(address):
    return [m for m in mail.outbox if m.to == [address]]


def send():
    mail.outbox.clear()
    call_command("send_digests", stdout=StringIO())


def test_the_digest_lists_unseen_notifications_once(reader):
    author = f.person("Ada Author")
    notify(reader, NotificationKind.NEW_WORK, actor=author, target=f.resource("River samples"))
    seen = notify(reader, NotificationKind.NEW_WORK, actor=author, target=f.resource("Old worksheet"))
    seen.read_at = seen.created_at
    seen.save()
    send()
    [digest] = digests_to("rita@example.org")
    assert "What you have not seen yet" in digest.body
    assert "Ada Author shared new work: River samples" in digest.body
    assert "Old worksheet" not in digest.body
    assert "http://127.0.0.1:8000/en/notifications/" in digest.body
    assert Notification.objects.exclude(pk=seen.pk).get().emailed_in_digest is not None
    # Told once: the next digest has nothing new to tell (the test encoder finds no colleagues here).
    send()
    assert all("River samples" not in m.body for m in digests_to("rita@example.org"))


def test_the_digest_is_written_in_the_readers_language_with_links_under_their_prefix(reader):
    reader.languages.set([Language.objects.get(code="de")])
    reader.save()
    community = f.community("Baltic Science Teachers")
    f.translate(community, "de", title="Ostsee-Naturwissenschaften")
    notify(reader, NotificationKind.JOIN_ACCEPTED, target=community)
    send()
    [digest] = digests_to("rita@example.org")
    assert "Ostsee-Naturwissenschaften" in digest.body
    assert "http://127.0.0.1:8000/de/notifications/unsubscribe/" in digest.body
    assert digest.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"


def test_no_digest_for_a_person_who_turned_it_off_on_the_notifications_page(client, reader):
    notify(reader, NotificationKind.NEW_WORK, actor=f.person("Ada Author"), target=f.resource("River samples"))
    client.force_login(reader.user)
    assert 'name="weekly_digest"' in client.get("/en/notifications/").content.decode()
    assert client.post("/en/notifications/settings/", {}).status_code == 302  # an unticked box
    assert not wants_digest(reader)
    send()
    assert digests_to("rita@example.org") == []


def test_the_one_click_link_of_a_digest_unsubscribes(client, reader):
    notify(reader, NotificationKind.NEW_WORK, actor=f.person("Ada Author"), target=f.resource("River samples"))
    send()
    [digest] = digests_to("rita@example.org")
    link = re.search(r"http://127\.0\.0\.1:8000(/en/notifications/unsubscribe/[^/\s]+/)", digest.body).group(1)
    assert digest.extra_headers["List-Unsubscribe"] == f"<http://127.0.0.1:8000{link}>"
    # Opening the link (or a mail scanner prefetching it) changes nothing; the button does.
    page = client.get(link)
    assert page.status_code == 200 and "Unsubscribe" in page.content.decode()
    assert wants_digest(reader)
    assert client.post(link).status_code == 200  # signed out, no CSRF token: the link is the key
    assert not wants_digest(reader)
    notify(reader, NotificationKind.NEW_WORK, actor=f.person("Ben Author"), target=f.resource("Lake samples"))
    send()
    assert digests_to("rita@example.org") == []
    # A forged or altered link is not found.
    assert client.post(link[:-3] + "xx/").status_code == 404


def test_the_digest_names_nothing_restricted_since(reader):
    from wagtail.models import PageViewRestriction

    author = f.person("Ada Author")
    material = f.resource("Garden secrets", authors=[author])
    notify(reader, NotificationKind.NEW_WORK, actor=author, target=material)
    PageViewRestriction.objects.create(page=material, restriction_type=PageViewRestriction.PASSWORD, password="x")
    send()
    assert all("Garden secrets" not in m.body for m in mail.outbox)
