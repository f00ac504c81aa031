"""Nobody becomes a project partner without a yes, and a waiting request always reaches someone who can answer it."""

import re
from datetime import timedelta
from urllib.parse import urlsplit

import pytest
from django.contrib.auth.models import Group
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from communities import participation
from communities.choices import PartnerRequestStatus
from communities.models import Membership, PartnerRequest
from tests import factories as f
from vocabularies.models import Language

pytestmark = pytest.mark.django_db


def speaks(person, code):
    person.languages.set([Language.objects.get(code=code)])
    person.save()
    return person


MESSAGE = "I teach geography in Porto and my pupils map rain too. Could we compare our data?"


@pytest.fixture
def setting(db):
    community = f.community("Water schools")
    owner = speaks(f.person("Olga Owner", country="DE"), "de")
    facilitator = speaks(f.person("Fiona Facilitator", country="SE"), "sv")
    f.join(owner, community)
    f.join(facilitator, community, role="facilitator")
    project = f.project(community, "Rain maps", looking_for_partners=True, owner=owner.user)
    participation.add_partner(project, owner)
    teacher = speaks(f.person("Paulo Teacher", country="PT"), "pt")
    return community, project, owner, facilitator, teacher


def path_of(body, marker):
    line = next(line for line in body.splitlines() if marker in line)
    return urlsplit(line.strip()).path


def listed_as_partner(client, project, person):
    """Everywhere a partner is listed: the project page, its API entry, the partners page."""
    page = client.get(project.url).content.decode()
    partners = re.search(r'<ul class="partners">(.*?)</ul>', page, re.S)
    api = client.get(f"/api/v2/pages/{project.pk}/?fields=partner_list").json()
    return (partners is not None and person.display_name in partners.group(1)) or any(
        person.display_name in str(entry) for entry in api.get("partner_list", [])
    )


def test_a_teacher_asks_to_join_and_is_a_partner_only_after_the_owner_accepts(client, setting):
    community, project, owner, facilitator, teacher = setting
    client.force_login(teacher.user)
    assert "Ask to join this project" in client.get(project.url).content.decode()
    response = client.post(f"/en/take-part/project/{project.pk}/ask/", {"message": MESSAGE})
    request = PartnerRequest.objects.get(project=project, person=teacher)
    assert response.status_code == 302 and response["Location"].endswith(f"/partner-request/{request.pk}/")
    # The owner (German) and the facilitator (Swedish) are told, each in their own language, with the message.
    by_address = {m.to[0]: m for m in mail.outbox}
    to_owner, to_facilitator = by_address[owner.user.email], by_address[facilitator.user.email]
    assert "möchte" in to_owner.subject or "Rain maps" in to_owner.subject
    assert MESSAGE in to_owner.body and "/de/take-part/partner-request/" in to_owner.body
    assert "/sv/take-part/partner-request/" in to_facilitator.body
    # Nothing is listed before the yes, for anyone.
    for viewer in (None, owner.user, teacher.user):
        client.logout() if viewer is None else client.force_login(viewer)
        assert not listed_as_partner(client, project, teacher)
    # The teacher sees who will answer.
    client.force_login(teacher.user)
    waiting = client.get(f"/en/take-part/partner-request/{request.pk}/").content.decode()
    assert "No answer yet" in waiting and "Olga Owner" in waiting
    # A teacher cannot accept their own request.
    client.post(f"/en/take-part/partner-request/{request.pk}/", {"action": "accept"})
    assert not project.partners.filter(person=teacher).exists()
    mail.outbox.clear()
    client.force_login(owner.user)
    client.post(path_of(to_owner.body, "/partner-request/"), {"action": "accept"})
    assert project.partners.filter(person=teacher).exists()
    assert mail.outbox[-1].to == [teacher.user.email] and project.url in mail.outbox[-1].body
    client.logout()
    assert listed_as_partner(client, project, teacher)


def test_an_invited_teacher_is_listed_nowhere_before_accepting_and_the_mail_carries_the_message(client, setting):
    community, project, owner, facilitator, teacher = setting
    client.force_login(owner.user)
    client.post(
        f"/en/take-part/project/{project.pk}/partners/",
        {"person": teacher.pk, "message": "Wir würden gern mit Ihrer Klasse arbeiten.", "action": "invite"},
    )
    invitation = mail.outbox[-1]
    assert invitation.to == [teacher.user.email]
    assert "Wir würden gern mit Ihrer Klasse arbeiten." in invitation.body
    assert "/pt/take-part/partner-request/" in invitation.body and "Olga Owner" in invitation.body
    for viewer in (None, owner.user, facilitator.user, teacher.user):
        client.logout() if viewer is None else client.force_login(viewer)
        assert not listed_as_partner(client, project, teacher)
    # Someone else cannot open or answer the invitation.
    client.force_login(facilitator.user)
    link = path_of(invitation.body, "/partner-request/")
    assert client.get(link).status_code == 404
    client.post(link, {"action": "accept"})
    assert not project.partners.filter(person=teacher).exists()
    client.force_login(teacher.user)
    client.post(link, {"action": "accept"})
    assert project.partners.filter(person=teacher).exists()
    assert mail.outbox[-1].to == [owner.user.email]


def test_a_declined_invitation_reads_as_no_answer_to_the_inviter(client, setting):
    community, project, owner, facilitator, teacher = setting
    request = participation.invite_partner(project, teacher, owner, "")
    client.force_login(teacher.user)
    sent = len(mail.outbox)
    client.post(f"/en/take-part/partner-request/{request.pk}/", {"action": "decline"})
    assert len(mail.outbox) == sent  # silent
    client.force_login(owner.user)
    assert "No answer yet" in client.get(f"/en/take-part/partner-request/{request.pk}/").content.decode()
    assert not project.partners.filter(person=teacher).exists()


def test_asking_needs_a_project_looking_for_partners_a_real_message_and_waits_90_days_after_a_no(client, setting):
    community, project, owner, facilitator, teacher = setting
    client.force_login(teacher.user)
    short = client.post(f"/en/take-part/project/{project.pk}/ask/", {"message": "hi"})
    assert short.status_code == 200 and not PartnerRequest.objects.exists()
    request = participation.ask_to_join_project(teacher, project, MESSAGE)
    participation.decline_partner_request(request, owner)
    assert "did not take your request" in mail.outbox[-1].body or mail.outbox[-1].to == [teacher.user.email]
    client.post(f"/en/take-part/project/{project.pk}/ask/", {"message": MESSAGE})
    assert PartnerRequest.objects.filter(status=PartnerRequestStatus.PENDING).count() == 0
    PartnerRequest.objects.update(answered_at=timezone.now() - timedelta(days=91))
    client.post(f"/en/take-part/project/{project.pk}/ask/", {"message": MESSAGE})
    assert PartnerRequest.objects.filter(status=PartnerRequestStatus.PENDING).count() == 1
    project.looking_for_partners = False
    project.save_revision().publish()
    other = f.person("Other Teacher")
    client.force_login(other.user)
    assert "Ask to join this project" not in client.get(project.url).content.decode()
    client.post(f"/en/take-part/project/{project.pk}/ask/", {"message": MESSAGE})
    assert not PartnerRequest.objects.filter(person=other).exists()


def test_a_members_only_project_and_hostile_ids_answer_404(client, setting):
    community, project, owner, facilitator, teacher = setting
    closed = f.community("Closed circle", visibility="members")
    hidden = f.project(closed, "Secret", looking_for_partners=True)
    client.force_login(teacher.user)
    assert client.get(f"/en/take-part/project/{hidden.pk}/ask/").status_code == 404
    assert client.get("/en/take-part/partner-request/99999999999999999999/").status_code == 404
    assert client.get("/en/take-part/project/99999999999999999999/ask/").status_code == 404
    long = client.post(f"/en/take-part/project/{project.pk}/ask/", {"message": "x" * 10_000})
    assert long.status_code == 200 and not PartnerRequest.objects.exists()
    assert client.post(f"/en/take-part/project/{project.pk}/ask/", {"message": "a\x00" * 20}).status_code < 500


def test_a_waiting_teacher_sees_the_facilitators_and_writes_to_them(client, setting):
    community, project, owner, facilitator, teacher = setting
    client.force_login(teacher.user)
    response = client.post(f"/en/take-part/community/{community.pk}/join/")
    assert response["Location"] == f"/en/take-part/community/{community.pk}/my-request/"
    assert "See who will answer" in client.get(community.url).content.decode()
    page = client.get(response["Location"]).content.decode()
    assert "Fiona Facilitator" in page and "Olga Owner" not in page
    mail.outbox.clear()
    client.post(response["Location"], {"message": MESSAGE})
    assert [m.to for m in mail.outbox] == [[facilitator.user.email]]
    assert MESSAGE in mail.outbox[0].body and "/sv/take-part/community/" in mail.outbox[0].body
    client.force_login(facilitator.user)
    assert MESSAGE in client.get(f"/sv/take-part/community/{community.pk}/requests/").content.decode()
    # Once a day at most.
    client.force_login(teacher.user)
    client.post(response["Location"], {"message": MESSAGE + " Again."})
    assert len(mail.outbox) == 1


def test_reminders_go_to_facilitators_after_three_days_and_to_editors_after_seven_once_each(setting):
    community, project, owner, facilitator, teacher = setting
    editor = f.person("Edda Editor").user
    editor.groups.add(Group.objects.get_or_create(name="Editors")[0])
    membership = participation.request_to_join(teacher, community)
    asked = participation.ask_to_join_project(teacher, project, MESSAGE)
    mail.outbox.clear()
    call_command("send_request_reminders")
    assert mail.outbox == []  # nothing has waited three days
    Membership.objects.filter(pk=membership.pk).update(since=timezone.localdate() - timedelta(days=4))
    PartnerRequest.objects.filter(pk=asked.pk).update(created_at=timezone.now() - timedelta(days=4))
    call_command("send_request_reminders")
    to = sorted(m.to[0] for m in mail.outbox)
    assert to == sorted([facilitator.user.email, facilitator.user.email, owner.user.email])
    assert any("Påminnelse" in m.subject or "4" in m.body for m in mail.outbox if m.to == [facilitator.user.email])
    mail.outbox.clear()
    call_command("send_request_reminders")
    assert mail.outbox == []  # once
    Membership.objects.filter(pk=membership.pk).update(since=timezone.localdate() - timedelta(days=8))
    PartnerRequest.objects.filter(pk=asked.pk).update(created_at=timezone.now() - timedelta(days=8))
    call_command("send_request_reminders")
    assert [m.to for m in mail.outbox] == [[editor.email], [editor.email]]
    mail.outbox.clear()
    call_command("send_request_reminders")
    assert mail.outbox == []
    # The editor can act on it.
    from django.test import Client

    c = Client()
    c.force_login(editor)
    assert c.get(f"/en/take-part/community/{community.pk}/requests/").status_code == 200
    assert c.get(f"/en/take-part/partner-request/{asked.pk}/").status_code == 200


def test_deleting_an_account_removes_its_partner_requests_and_exports_them_first(setting):
    from accounts.services import delete_account, export_data

    community, project, owner, facilitator, teacher = setting
    participation.ask_to_join_project(teacher, project, MESSAGE)
    exported = export_data(teacher.user)["partner_requests"]
    assert [(r["kind"], r["status"], r["message"]) for r in exported] == [("asked", "pending", MESSAGE)]
    delete_account(teacher.user)
    assert not PartnerRequest.objects.exists()


def test_the_notification_centre_tells_each_side_of_a_partner_request(client, setting):
    from notifications.models import Notification

    community, project, owner, facilitator, teacher = setting
    request = participation.ask_to_join_project(teacher, project, MESSAGE)
    client.force_login(owner.user)
    centre = client.get("/de/notifications/").content.decode()
    assert "Paulo Teacher möchte bei Ihrem Projekt Rain maps mitmachen." in centre
    assert not Notification.objects.filter(recipient=teacher).exists()
    participation.accept_partner_request(request, owner)
    client.force_login(teacher.user)
    assert "é agora parceiro de Rain maps" in client.get("/pt/notifications/").content.decode()
    invited = participation.invite_partner(project, f.person("Ines Invitee"), owner, "")
    assert Notification.objects.filter(recipient=invited.person, kind="partner_invited").count() == 1
