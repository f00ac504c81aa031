"""The notification centre and the header's count: what the reader notices, and what they never see."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import PageViewRestriction

from notifications.choices import NotificationKind
from notifications.models import Notification
from notifications.services import notify, path_for, unread_count
from tests import factories as f

pytestmark = pytest.mark.django_db


@pytest.fixture
def reader(client):
    me = f.person("Rita Reader")
    client.force_login(me.user)
    return me


def centre(client, lang="en", **params):
    response = client.get(f"/{lang}/notifications/", params)
    assert response.status_code == 200
    return response.content.decode()


def test_signed_out_visitors_are_sent_to_sign_in(client):
    response = client.get("/en/notifications/")
    assert response.status_code == 302 and "/sign-in/" in response["Location"]


def test_the_header_shows_the_unread_count_next_to_the_account_menu(client, reader):
    page = client.get("/en/").content.decode()
    assert 'class="notifications-link"' in page and "unread notification" not in page
    author = f.person("Ada Author")
    for i in range(3):
        notify(reader, NotificationKind.NEW_WORK, actor=author, target=f.resource(f"Worksheet {i}"))
    page = client.get("/en/").content.decode()
    assert '<span class="badge">3<span class="visually-hidden"> unread notifications' in page


def test_the_header_count_is_one_query_whatever_the_number_of_notifications(client, reader):
    author = f.person("Ada Author")

    def header_queries():
        from django.template import Context, Template
        from django.test import RequestFactory

        request = RequestFactory().get("/en/")
        request.user = reader.user
        with CaptureQueriesContext(connection) as queries:
            Template("{% load notifications_tags %}{% notifications_link %}").render(Context({"request": request}))
        return [q["sql"] for q in queries.captured_queries]

    notify(reader, NotificationKind.NEW_WORK, actor=author, target=f.resource("One"))
    header_queries()  # the viewer's profile is read once and remembered on the user
    few = header_queries()
    for i in range(12):
        notify(reader, NotificationKind.NEW_WORK, actor=author, target=f.resource(f"Many {i}"))
    many = header_queries()
    assert len(many) == len(few)
    assert sum("COUNT(" in sql.upper() for sql in many) == 1, many


def test_the_centre_lists_newest_first_in_the_readers_language_and_marks_all_read(client, reader):
    community = f.community("Baltic Science Teachers")
    f.translate(community, "sv", title="Östersjöns naturvetare")
    material = f.resource("Water cycle in a jar", community=community)
    swedish = f.translate(material, "sv", title="Vattnets kretslopp i en burk")
    notify(reader, NotificationKind.JOIN_ACCEPTED, target=community)
    notify(reader, NotificationKind.COMMUNITY_MATERIAL, target=material, place=community)

    english = centre(client)
    assert english.index("New material in Baltic Science Teachers: Water cycle in a jar") < english.index(
        "Your request to join Baltic Science Teachers was accepted."
    )
    assert "2 unread notifications." in english

    text = centre(client, "sv")
    assert "Nytt material i Östersjöns naturvetare: Vattnets kretslopp i en burk" in text
    newest = Notification.objects.filter(recipient=reader).first()
    response = client.get(f"/sv/notifications/{newest.pk}/")
    assert response.status_code == 302 and response["Location"] == swedish.url
    assert unread_count(reader) == 1

    assert client.post("/en/notifications/read/").status_code == 302
    assert unread_count(reader) == 0
    assert "unread notification" not in centre(client)


def test_links_to_pages_that_are_not_wagtail_pages_keep_the_readers_language(client, reader):
    sender = f.person("Sven Sender")
    notify(reader, NotificationKind.NEW_MESSAGE, actor=sender, url=path_for("messaging:conversation", 42))
    item = Notification.objects.get(recipient=reader)
    assert client.get(f"/de/notifications/{item.pk}/")["Location"] == "/de/messages/42/"
    assert "Neue Nachricht von Sven Sender." in centre(client, "de")


def test_the_centre_is_paginated(client, reader):
    author = f.person("Ada Author")
    for i in range(25):
        notify(reader, NotificationKind.NEW_WORK, actor=author, target=f.resource(f"Worksheet number {i:02d}"))
    first = centre(client)
    assert "Worksheet number 24" in first and "Worksheet number 04" not in first
    assert "Worksheet number 04" in centre(client, page=2)
    for hostile in ("9" * 20, "-1", "abc", "2\x00", "x" * 10_000):
        assert client.get("/en/notifications/", {"page": hostile}).status_code == 200


def test_nobody_reads_or_opens_another_persons_notifications(client, reader):
    other = f.person("Olga Other")
    notify(other, NotificationKind.JOIN_ACCEPTED, target=f.community("Hidden Garden Network"))
    theirs = Notification.objects.get(recipient=other)
    assert "Hidden Garden Network" not in centre(client)
    assert client.get(f"/en/notifications/{theirs.pk}/").status_code == 404


def test_hostile_urls_of_the_centre_answer_4xx(client, reader):
    for url in (
        "/en/notifications/99999999999999999999/",
        "/en/notifications/0/",
        "/en/notifications/9223372036854775807/",
        "/en/notifications/unsubscribe/" + "x" * 10_000 + "/",
        "/en/notifications/unsubscribe/%00/",
        "/en/notifications/unsubscribe/'%22;--/",
    ):
        response = client.get(url)
        assert 400 <= response.status_code < 500, (url[:80], response.status_code)
    assert client.get("/en/notifications/read/").status_code == 405
    assert client.post("/en/notifications/settings/", {"weekly_digest": "x" * 10_000}).status_code in (302, 400)


# -- Privacy ----------------------------------------------------------------------------------


def test_no_notification_about_a_members_only_page_to_an_outsider(reader):
    circle = f.community("Quiet Circle", visibility="members")
    secret = f.resource("Circle worksheet", community=circle)
    assert notify(reader, NotificationKind.COMMUNITY_MATERIAL, target=secret, place=circle) is None
    assert notify(reader, NotificationKind.NEW_THREAD, place=circle, url="/en/discussions/thread/1/") is None
    assert notify(reader, NotificationKind.JOIN_DECLINED, target=circle) is None
    assert not Notification.objects.exists()


def test_no_notification_about_a_private_person(reader):
    private = f.person("Pia Private", discoverability="nobody")
    work = f.resource("Pia's worksheet", authors=[private])
    assert notify(reader, NotificationKind.NEW_WORK, actor=private, target=work) is None
    assert not Notification.objects.exists()


def test_nobody_is_notified_of_what_they_did_or_without_an_account(reader):
    community = f.community()
    assert notify(reader, NotificationKind.NEW_THREAD, actor=reader, place=community) is None
    accountless = f.person("No Account", with_account=False)
    assert notify(accountless, NotificationKind.JOIN_ACCEPTED, target=community) is None


def test_a_page_restricted_after_the_notification_disappears_from_the_list(client, reader):
    community = f.community("Open Garden Group")
    material = f.resource("Garden worksheet", community=community)
    notify(reader, NotificationKind.COMMUNITY_MATERIAL, target=material, place=community)
    assert "Garden worksheet" in centre(client)

    PageViewRestriction.objects.create(page=material, restriction_type=PageViewRestriction.PASSWORD, password="x")
    text = centre(client)
    assert "Garden worksheet" not in text
    assert unread_count(reader) == 0
    assert client.get(f"/en/notifications/{Notification.objects.get().pk}/").status_code == 404


def test_a_person_who_turns_private_disappears_from_news_of_their_work(client, reader):
    author = f.person("Ada Author")
    notify(reader, NotificationKind.NEW_WORK, actor=author, target=f.resource("Ada's worksheet"))
    assert "Ada Author shared new work: Ada&#x27;s worksheet" in centre(client)
    author.discoverability = "nobody"
    author.save()
    assert "Ada" not in centre(client)


def test_a_discussion_by_someone_private_is_told_without_their_name(client, reader):
    community = f.community("Open Garden Group")
    private = f.person("Pia Private", discoverability="nobody")
    notify(reader, NotificationKind.NEW_THREAD, actor=private, place=community, url="/en/discussions/thread/7/")
    text = centre(client)
    assert "A new discussion started in Open Garden Group." in text and "Pia" not in text


def test_the_centre_reads_a_fixed_number_of_queries_whatever_the_number_of_items(client, reader):
    community = f.community("Baltic Science Teachers")
    author = f.person("Ada Author")

    def queries(url):
        with CaptureQueriesContext(connection) as captured:
            assert client.get(url).status_code == 200
        return len(captured.captured_queries)

    def add(n):
        for i in range(n):
            material = f.resource(f"Worksheet {i}", community=community)
            notify(reader, NotificationKind.COMMUNITY_MATERIAL, target=material, place=community)
            notify(reader, NotificationKind.NEW_WORK, actor=author, target=material)

    add(2)
    queries("/en/notifications/")
    few, other_page = queries("/en/notifications/"), queries("/en/messages/")
    add(10)
    # New pages start a new content version (core.content_cache): compare warm pages with warm pages.
    queries("/en/notifications/")
    queries("/en/messages/")
    assert queries("/en/notifications/") == few
    assert queries("/en/messages/") == other_page  # the header count: one query however many
