"""Invitations: only facilitators admit members, and an invitation is for the address it was sent to.

A member who is not a facilitator may start a project in a members-only
community and invite a partner by e-mail; the partner joins the project, but
the community's members-only pages stay closed to them until a facilitator
admits them.
"""

import pytest
from django.core import mail

from communities.models import Invitation, Membership
from communities.participation import add_partner
from communities.privacy import can_see_page
from tests import factories as f

pytestmark = pytest.mark.django_db
PASSWORDS = {"password1": "a-long-Pass-phrase-42", "password2": "a-long-Pass-phrase-42"}


@pytest.fixture
def closed():
    """A members-only community with a facilitator, an ordinary member who runs a project, and a members-only material."""
    community = f.community("Closed circle", visibility="members")
    facilitator = f.person("Fay Facilitator")
    f.join(facilitator, community, role="facilitator")
    member = f.person("Mia Member")
    f.join(member, community)
    project = f.project(community, "Rain maps")
    add_partner(project, member)
    secret = f.resource("Inside lesson", community=community)
    return community, facilitator, member, project, secret


def invite_partner(client, inviter, project, email):
    client.force_login(inviter.user)
    response = client.post(f"/en/take-part/project/{project.pk}/partners/", {"email": email, "action": "invite"})
    assert response.status_code == 302
    client.logout()
    return Invitation.objects.get(email=email.lower())


def outsider_with_address(email):
    person = f.person("Otto Outsider")
    person.user.email = email
    person.user.save()
    return person


def assert_closed_to(client, person, community, secret):
    client.force_login(person.user)
    assert not can_see_page(person.user, community)
    assert not can_see_page(person.user, secret)
    assert client.get(community.url).status_code != 200
    assert client.get(secret.url).status_code != 200
    assert client.get(f"/api/v2/pages/{secret.pk}/").status_code == 404


def test_a_members_invitation_makes_an_outsider_a_partner_not_a_member(client, closed):
    community, facilitator, member, project, secret = closed
    otto = outsider_with_address("otto@example.org")
    invitation = invite_partner(client, member, project, "otto@example.org")
    mail.outbox.clear()

    client.force_login(otto.user)
    page = client.get(f"/en/account/invitation/{invitation.token}/").content.decode()
    assert "is for its facilitators to decide" in page
    response = client.post(f"/en/account/invitation/{invitation.token}/", follow=True)

    assert response.status_code == 200
    assert "You are now a partner of Rain maps" in response.content.decode()
    assert project.partners.filter(person=otto).exists()
    # Not a member: the facilitators are asked, as for any request to join.
    assert Membership.objects.get(person=otto).status == "requested"
    assert [m.to for m in mail.outbox] == [[facilitator.user.email]]
    assert_closed_to(client, otto, community, secret)


def test_an_invitee_who_signs_up_through_a_members_invitation_is_not_a_member_either(client, closed):
    community, _, member, project, secret = closed
    invitation = invite_partner(client, member, project, "nora@example.org")
    response = client.post(f"/en/account/invitation/{invitation.token}/", {"display_name": "Nora New", **PASSWORDS})
    assert response.status_code == 302
    nora = Membership.objects.get(person__display_name="Nora New")
    assert nora.status == "requested"
    assert project.partners.filter(person=nora.person).exists()
    assert_closed_to(client, nora.person, community, secret)


def test_a_facilitator_then_admits_the_partner_and_the_pages_open(client, closed):
    community, facilitator, member, project, secret = closed
    otto = outsider_with_address("otto@example.org")
    invitation = invite_partner(client, member, project, "otto@example.org")
    client.force_login(otto.user)
    client.post(f"/en/account/invitation/{invitation.token}/")

    client.force_login(facilitator.user)
    assert "Otto Outsider" in client.get(f"/en/take-part/community/{community.pk}/requests/").content.decode()
    client.post(
        f"/en/take-part/community/{community.pk}/requests/",
        {"membership": Membership.objects.get(person=otto).pk, "action": "accept"},
    )

    client.force_login(otto.user)
    assert client.get(secret.url).status_code == 200
    assert client.get(project.url).status_code == 200


def test_a_facilitators_partner_invitation_admits_at_once(client, closed):
    community, facilitator, _, project, secret = closed
    add_partner(project, facilitator)
    otto = outsider_with_address("otto@example.org")
    invitation = invite_partner(client, facilitator, project, "otto@example.org")
    client.force_login(otto.user)
    response = client.post(f"/en/account/invitation/{invitation.token}/")
    assert response.status_code == 302 and response["Location"] == project.url
    assert Membership.objects.get(person=otto).status == "active"
    assert client.get(secret.url).status_code == 200


def test_an_invitation_cannot_be_accepted_by_another_signed_in_account(client):
    community = f.community("Closed circle", visibility="members")
    facilitator = f.person("Fay Facilitator")
    f.join(facilitator, community, role="facilitator")
    invitation = Invitation.objects.create(email="invited@example.org", community=community, invited_by=facilitator)
    someone_else = f.person("Sam Someone")
    client.force_login(someone_else.user)

    page = client.get(f"/en/account/invitation/{invitation.token}/")
    assert page.status_code == 403
    assert "This invitation is for another e-mail address" in page.content.decode()
    assert "Accept the invitation" not in page.content.decode()
    response = client.post(f"/en/account/invitation/{invitation.token}/")
    assert response.status_code == 403

    assert not Membership.objects.filter(person=someone_else).exists()
    assert not can_see_page(someone_else.user, community)
    invitation.refresh_from_db()
    assert invitation.is_open  # still there for the person it was sent to


def test_the_invited_address_is_compared_without_regard_to_case(client):
    community = f.community("Closed circle", visibility="members")
    facilitator = f.person("Fay Facilitator")
    f.join(facilitator, community, role="facilitator")
    invitation = Invitation.objects.create(email="nina@example.org", community=community, invited_by=facilitator)
    nina = outsider_with_address("Nina@Example.ORG")
    client.force_login(nina.user)
    response = client.post(f"/en/account/invitation/{invitation.token}/")
    assert response.status_code == 302
    assert Membership.objects.get(person=nina).status == "active"
    assert client.get(community.url).status_code == 200
