"""Community discussions: members post, members-only stays closed, posts are text, reports reach the facilitators."""

import pytest
from django.core import mail

from discussions.models import Post, Report, Thread
from tests import factories as f

pytestmark = pytest.mark.django_db


def setup_community(visibility="public"):
    community = f.community("Garden teachers", visibility=visibility)
    facilitator = f.person("Fay Facilitator")
    f.join(facilitator, community, role="facilitator")
    member = f.person("Mia Member", discoverability="europe")
    f.join(member, community)
    return community, facilitator, member


def start_thread(client, community, title="Field trips", body="Who has been to the botanical garden?"):
    return client.post(f"/en/discussions/community/{community.pk}/", {"title": title, "body": body})


def test_a_member_starts_a_thread_and_another_replies(client):
    community, facilitator, member = setup_community()
    client.force_login(member.user)
    response = start_thread(client, community)
    thread = Thread.objects.get()
    assert response.status_code == 302 and response["Location"] == f"/en/discussions/thread/{thread.pk}/"
    client.force_login(facilitator.user)
    client.post(f"/en/discussions/thread/{thread.pk}/", {"body": "Yes, in May. Lovely."})
    client.logout()
    html = client.get(f"/en/discussions/thread/{thread.pk}/").content.decode()
    assert "Who has been to the botanical garden?" in html and "Yes, in May. Lovely." in html
    assert "Mia Member" in html
    assert "Field trips" in client.get(f"/en/discussions/community/{community.pk}/").content.decode()


def test_non_members_read_a_public_community_discussion_but_cannot_post(client):
    community, _, member = setup_community()
    client.force_login(member.user)
    start_thread(client, community)
    thread = Thread.objects.get()
    stranger = f.person()
    client.force_login(stranger.user)
    page = client.get(f"/en/discussions/thread/{thread.pk}/")
    assert page.status_code == 200 and "Reply" not in page.content.decode()
    assert client.post(f"/en/discussions/thread/{thread.pk}/", {"body": "Hello"}).status_code == 403
    assert start_thread(client, community, title="Spam").status_code == 403
    assert Post.objects.count() == 1
    listing = client.get(f"/en/discussions/community/{community.pk}/").content.decode()
    assert "Only members of this community can start discussions" in listing


def test_a_members_only_discussion_is_closed_to_non_members_and_anonymous(client):
    community, _, member = setup_community(visibility="members")
    client.force_login(member.user)
    start_thread(client, community, title="Inside matters")
    thread = Thread.objects.get()
    assert client.get(f"/en/discussions/thread/{thread.pk}/").status_code == 200
    stranger = f.person()
    client.force_login(stranger.user)
    assert client.get(community.url).status_code == 404
    assert client.get(f"/en/discussions/community/{community.pk}/").status_code == 404
    assert client.get(f"/en/discussions/thread/{thread.pk}/").status_code == 404
    assert start_thread(client, community).status_code == 404
    client.logout()
    assert client.get(f"/en/discussions/thread/{thread.pk}/").status_code == 404


def test_leaving_a_members_only_community_closes_its_discussion(client):
    community, _, member = setup_community(visibility="members")
    client.force_login(member.user)
    start_thread(client, community)
    thread = Thread.objects.get()
    client.post(f"/en/take-part/community/{community.pk}/leave/")
    assert client.get(f"/en/discussions/thread/{thread.pk}/").status_code == 404


def test_a_script_in_a_post_is_shown_as_text(client):
    community, _, member = setup_community()
    client.force_login(member.user)
    start_thread(client, community, title="<i>Tags</i>", body='<script>alert("x")</script> and <b>bold</b>')
    thread = Thread.objects.get()
    html = client.get(f"/en/discussions/thread/{thread.pk}/").content.decode()
    assert "<script>alert" not in html and "<b>bold</b>" not in html
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in html
    assert "&lt;i&gt;Tags&lt;/i&gt;" in html


def test_reporting_a_post_emails_the_facilitators_and_lists_it_for_them(client):
    community, facilitator, member = setup_community()
    client.force_login(member.user)
    start_thread(client, community, body="Buy cheap watches here")
    post = Post.objects.get()
    reader = f.person("Rita Reader")
    client.force_login(reader.user)
    response = client.post(f"/en/discussions/post/{post.pk}/report/", {"reason": "Advertising"}, follow=True)
    assert "The facilitators of this community will look at the post" in response.content.decode()
    assert Report.objects.get().reason == "Advertising"
    assert [m.to for m in mail.outbox] == [[facilitator.user.email]]
    assert "Buy cheap watches here" in mail.outbox[0].body and "Advertising" in mail.outbox[0].body

    # Only facilitators see the list.
    assert client.get(f"/en/discussions/community/{community.pk}/reports/").status_code == 403
    client.force_login(facilitator.user)
    listing = client.get(f"/en/discussions/community/{community.pk}/reports/").content.decode()
    assert "Buy cheap watches here" in listing and "Advertising" in listing
    client.post(
        f"/en/discussions/community/{community.pk}/reports/", {"report": Report.objects.get().pk, "action": "remove"}
    )
    assert not Post.objects.exists()
    assert "No reports to look at" in client.get(f"/en/discussions/community/{community.pk}/reports/").content.decode()


def test_keeping_a_reported_post_closes_the_report(client):
    community, facilitator, member = setup_community()
    client.force_login(member.user)
    start_thread(client, community)
    report = Report.objects.create(post=Post.objects.get(), reason="Not sure")
    client.force_login(facilitator.user)
    client.post(f"/en/discussions/community/{community.pk}/reports/", {"report": report.pk, "action": "keep"})
    report.refresh_from_db()
    assert report.resolved_at is not None and Post.objects.exists()


def test_reporting_needs_signing_in(client):
    community, _, member = setup_community()
    client.force_login(member.user)
    start_thread(client, community)
    client.logout()
    response = client.post(f"/en/discussions/post/{Post.objects.get().pk}/report/", {"reason": "x"})
    assert response.status_code == 302 and "/en/account/sign-in/" in response["Location"]
    assert not Report.objects.exists()


def test_a_private_authors_name_is_not_revealed_in_a_public_discussion(client):
    community, _, _ = setup_community()
    shy = f.person("Shy Sven", discoverability="nobody")
    f.join(shy, community)
    client.force_login(shy.user)
    start_thread(client, community)
    client.logout()
    html = client.get(f"/en/discussions/thread/{Thread.objects.get().pk}/").content.decode()
    assert "Shy Sven" not in html and "keeps their profile private" in html
