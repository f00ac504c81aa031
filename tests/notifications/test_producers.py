"""Each event that tells someone: messaging, discussions, moderation, memberships, publishing."""

import pytest
from django.urls import reverse

from accounts.services import delete_account, export_data
from discussions.models import Thread
from messaging import services as messaging
from notifications.choices import NotificationKind
from notifications.models import Follow, Notification
from notifications.services import follow
from resources.models import ResourcePage
from tests import factories as f
from tests.contributions.test_contribute import form_data

pytestmark = pytest.mark.django_db

TEXT = "Hello! I teach biology in Uppsala and would love to plan a joint project on rivers."


def kinds(person):
    return list(Notification.objects.filter(recipient=person).values_list("kind", flat=True))


def texts(client, person, lang="en"):
    client.force_login(person.user)
    return client.get(f"/{lang}/notifications/").content.decode()


# -- Messaging --------------------------------------------------------------------------------


def test_contact_requests_answers_and_messages(client):
    sender, recipient = f.person("Sven Sender"), f.person("Greta Recipient")
    request = messaging.ask(sender, recipient, TEXT)
    assert kinds(recipient) == [NotificationKind.CONTACT_REQUEST]
    assert "Sven Sender would like to get in touch with you." in texts(client, recipient)
    item = Notification.objects.get(recipient=recipient)
    assert client.get(f"/en/notifications/{item.pk}/")["Location"] == f"/en/messages/requests/{request.pk}/"

    conversation = messaging.accept(request)
    assert kinds(sender) == [NotificationKind.CONTACT_ACCEPTED]
    assert "Greta Recipient accepted your request to get in touch." in texts(client, sender)

    # Three messages are one unread notification; reading the conversation reads it.
    for _ in range(3):
        messaging.post(conversation, sender, "Shall we start in March?")
    assert kinds(recipient).count(NotificationKind.NEW_MESSAGE) == 1
    client.force_login(recipient.user)
    client.get(f"/en/messages/{conversation.pk}/")
    assert not Notification.objects.filter(recipient=recipient, kind=NotificationKind.NEW_MESSAGE).unread().exists()
    messaging.post(conversation, sender, "Still there?")
    assert Notification.objects.filter(recipient=recipient, kind=NotificationKind.NEW_MESSAGE).unread().count() == 1


# -- Discussions ------------------------------------------------------------------------------


def test_a_new_thread_notifies_the_communitys_followers_and_a_reply_its_author(client):
    community = f.community("Baltic Science Teachers")
    author, follower, bystander = f.person("Ana Author"), f.person("Fred Follower"), f.person("Bo Bystander")
    f.join(author, community)
    follow(follower, community)
    follow(author, community)  # the author follows too, and is not told about their own thread
    client.force_login(author.user)
    response = client.post(
        f"/en/discussions/community/{community.pk}/", {"title": "Field trips", "body": "Where do you go?"}
    )
    assert response.status_code == 302
    thread = Thread.objects.get()
    assert kinds(follower) == [NotificationKind.NEW_THREAD]
    assert kinds(author) == kinds(bystander) == []
    assert "Ana Author started a discussion in Baltic Science Teachers." in texts(client, follower)

    replier = f.person("Rolf Replier")
    f.join(replier, community)
    client.force_login(replier.user)
    client.post(f"/en/discussions/thread/{thread.pk}/", {"body": "To the coast!"})
    client.post(f"/en/discussions/thread/{thread.pk}/", {"body": "And the forest."})
    assert kinds(author) == [NotificationKind.NEW_REPLY]
    item = Notification.objects.get(recipient=author)
    assert client.get(f"/en/notifications/{item.pk}/").status_code == 404  # not the replier's
    client.force_login(author.user)
    assert client.get(f"/sv/notifications/{item.pk}/")["Location"] == f"/sv/discussions/thread/{thread.pk}/"


def test_followers_of_a_members_only_community_who_left_hear_nothing(client):
    circle = f.community("Quiet Circle", visibility="members")
    author, former = f.person("Ana Author"), f.person("Fiona Former")
    f.join(author, circle)
    membership = f.join(former, circle)
    follow(former, circle)
    membership.status = "left"
    membership.save()
    client.force_login(author.user)
    client.post(f"/en/discussions/community/{circle.pk}/", {"title": "Secret plans", "body": "Shh."})
    assert kinds(former) == []


# -- Moderation -------------------------------------------------------------------------------


@pytest.fixture
def review(client, django_capture_on_commit_callbacks):
    f.resource_index("en")
    community = f.community("Baltic Science Teachers")
    teacher, facilitator = f.person("Ana Teacher"), f.person("Fia Facilitator")
    f.join(teacher, community)
    f.join(facilitator, community, role="facilitator")
    client.force_login(teacher.user)
    with django_capture_on_commit_callbacks(execute=True):
        client.post("/en/contribute/", form_data(community))
    page = ResourcePage.objects.get(title="Water cycle in a jar")

    def act(action):
        client.force_login(facilitator.user)
        task_state = page.current_workflow_state.current_task_state
        url = reverse("wagtailadmin_pages:workflow_action", args=[page.pk, action, task_state.pk])
        with django_capture_on_commit_callbacks(execute=True):
            client.post(url, {"comment": "Thanks"})

    return community, teacher, page, act


def test_a_material_sent_back_then_approved_tells_its_teacher(client, review):
    community, teacher, page, act = review
    follower = f.person("Fred Follower")
    follow(follower, community)
    act("reject")
    assert kinds(teacher) == [NotificationKind.MATERIAL_SENT_BACK]
    assert kinds(follower) == []  # nothing published yet
    text = texts(client, teacher)
    assert "Your material was sent back with requests for changes: Water cycle in a jar" in text
    item = Notification.objects.get(recipient=teacher)
    assert client.get(f"/en/notifications/{item.pk}/")["Location"] == f"/en/contribute/{page.pk}/edit/"

    client.force_login(teacher.user)
    page.refresh_from_db()
    page.current_workflow_state.resume(user=teacher.user)
    act("approve")
    assert NotificationKind.MATERIAL_APPROVED in kinds(teacher)
    assert "Your material was approved and published: Water cycle in a jar" in texts(client, teacher)
    # Published for the first time: the community's followers hear of it.
    assert kinds(follower) == [NotificationKind.COMMUNITY_MATERIAL]


# -- Publishing -------------------------------------------------------------------------------


def test_a_first_publication_tells_followers_of_the_community_project_and_authors_once_each():
    community = f.community("Baltic Science Teachers")
    project = f.project(community, "River Watch")
    author = f.person("Ada Author")
    of_community, of_project, of_author, of_all = (f.person(n) for n in ("C", "P", "A", "All"))
    follow(of_community, community)
    follow(of_project, project)
    follow(of_author, author)
    for target in (community, project, author):
        follow(of_all, target)
    material = f.resource("River samples", community=community, project=project, authors=[author])
    assert kinds(of_community) == [NotificationKind.COMMUNITY_MATERIAL]
    assert kinds(of_project) == [NotificationKind.PROJECT_MATERIAL]
    assert kinds(of_author) == [NotificationKind.NEW_WORK]
    assert kinds(of_all) == [NotificationKind.COMMUNITY_MATERIAL]
    # A republication or a translation announces nothing new.
    f.publish(material)
    f.translate(material, "sv", title="Flodprover")
    assert Notification.objects.count() == 4


def test_materials_of_a_private_author_or_a_members_only_community_reach_no_outsider():
    circle = f.community("Quiet Circle", visibility="members")
    private = f.person("Pia Private", discoverability="communities")
    outsider, member = f.person("Otto Outsider"), f.person("Mia Member")
    f.join(member, circle)
    for who in (outsider, member):
        follow(who, private)
    Follow.objects.create(follower=outsider, page=circle)  # followed while it was public, say
    follow(member, circle)
    f.join(private, circle)
    f.resource("Circle worksheet", community=circle, authors=[private])
    assert kinds(outsider) == []
    assert kinds(member) == [NotificationKind.COMMUNITY_MATERIAL]


# -- Memberships ------------------------------------------------------------------------------


def test_join_requests_answered_are_told(client, django_capture_on_commit_callbacks):
    community = f.community("Baltic Science Teachers")
    facilitator = f.person("Fia Facilitator")
    f.join(facilitator, community, role="facilitator")
    accepted, declined = f.person("Ann Accepted"), f.person("Dan Declined")
    for who in (accepted, declined):
        client.force_login(who.user)
        client.post(f"/en/take-part/community/{community.pk}/join/")
    client.force_login(facilitator.user)
    requests = {m.person_id: m for m in community.memberships().requested()}
    url = f"/en/take-part/community/{community.pk}/requests/"
    client.post(url, {"membership": requests[accepted.pk].pk, "action": "accept"})
    with django_capture_on_commit_callbacks(execute=True):
        client.post(url, {"membership": requests[declined.pk].pk, "action": "decline"})
    assert kinds(accepted) == [NotificationKind.JOIN_ACCEPTED]
    assert kinds(declined) == [NotificationKind.JOIN_DECLINED]
    assert "Your request to join Baltic Science Teachers was not accepted." in texts(client, declined)


# -- A person's data --------------------------------------------------------------------------


def test_the_data_export_holds_follows_and_notifications_and_deletion_removes_them(client):
    me, colleague = f.person("Rita Reader"), f.person("Carla Colleague")
    community = f.community("Baltic Science Teachers")
    follow(me, colleague)
    follow(me, community)
    follow(colleague, me)
    f.resource("Carla's worksheet", authors=[colleague])
    data = export_data(me.user)
    assert {x["person"] for x in data["follows"]} == {colleague.slug, None}
    assert [n["kind"] for n in data["notifications"]] == [NotificationKind.NEW_WORK]
    assert data["weekly_digest"] is True
    client.force_login(me.user)
    assert "notifications" in client.get("/en/account/my-data.json").json()

    delete_account(me.user)
    assert not Follow.objects.filter(follower=me).exists() and not Follow.objects.filter(person=me).exists()
    assert not Notification.objects.filter(recipient=me).exists()
