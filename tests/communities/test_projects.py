"""Projects: members start them, non-members are refused, partners are invited and suggested."""

from urllib.parse import urlsplit

import pytest
from django.core import mail

from communities.models import Invitation, Membership, ProjectPage, ProjectPartner
from tests import factories as f
from tests.recommender.helpers import index_all

pytestmark = pytest.mark.django_db
TEXT = "Pupils measure how plants use light and water for photosynthesis in the school garden."


@pytest.fixture
def community():
    return f.community("Garden schools")


PROJECT = {
    "title": "Water in our towns",
    "theme": "Climate and water",
    "summary": "Pupils map rain water.",
    "description": "First paragraph.\n\n<b>Second</b> paragraph.",
    "looking_for_partners": "on",
}


def test_a_member_starts_a_published_project_and_becomes_its_first_partner(client, community):
    starter = f.person("Sara Starter", school="Ekskolan")
    f.join(starter, community)
    client.force_login(starter.user)
    assert "Start a project" in client.get(community.url).content.decode()
    response = client.post(f"/en/take-part/community/{community.pk}/projects/new/", PROJECT)
    project = ProjectPage.objects.get(title="Water in our towns")
    assert response.status_code == 302 and response["Location"] == f"/en/take-part/project/{project.pk}/partners/"
    assert project.live and project.get_parent().pk == community.pk
    assert [p.person for p in project.partners.all()] == [starter]
    client.logout()
    html = client.get(project.url).content.decode()
    assert "Water in our towns" in html and "Looking for partners" in html
    # What the teacher typed is text, not HTML.
    assert "&lt;b&gt;Second&lt;/b&gt;" in html
    assert "Water in our towns" in client.get(community.url).content.decode()


def test_a_non_member_is_told_only_members_start_projects(client, community):
    stranger = f.person()
    f.join(stranger, community, status="requested")
    client.force_login(stranger.user)
    response = client.post(f"/en/take-part/community/{community.pk}/projects/new/", PROJECT)
    assert response.status_code == 403
    assert "Only members can start projects" in response.content.decode()
    assert not ProjectPage.objects.filter(title="Water in our towns").exists()


def test_starting_a_project_in_an_invisible_community_is_not_found(client):
    closed = f.community(visibility="members")
    stranger = f.person()
    client.force_login(stranger.user)
    assert client.post(f"/en/take-part/community/{closed.pk}/projects/new/", PROJECT).status_code == 404


def test_a_partner_invites_a_visible_person_who_becomes_a_partner_only_by_accepting(client, community):
    starter = f.person("Sara Starter")
    f.join(starter, community)
    project = f.project(community, "Rain maps")
    from communities.participation import add_partner

    add_partner(project, starter)
    colleague = f.person("Paula Partner", discoverability="europe")
    hidden = f.person("Hidden Hugo", discoverability="nobody")
    client.force_login(starter.user)
    page = client.get(f"/en/take-part/project/{project.pk}/partners/").content.decode()
    assert "Paula Partner" in page and "Hidden Hugo" not in page
    client.post(f"/en/take-part/project/{project.pk}/partners/", {"person": colleague.pk, "action": "invite"})
    assert not project.partners.filter(person=colleague).exists()
    assert mail.outbox[-1].to == [colleague.user.email]
    link = next(line for line in mail.outbox[-1].body.splitlines() if "/partner-request/" in line)
    client.force_login(colleague.user)
    client.post(urlsplit(link.strip()).path, {"action": "accept"})
    assert project.partners.filter(person=colleague).exists()
    client.force_login(starter.user)
    # A hidden person cannot be picked by guessing their id.
    client.post(f"/en/take-part/project/{project.pk}/partners/", {"person": hidden.pk, "action": "invite"})
    assert not project.partners.filter(person=hidden).exists()


def test_a_partner_invites_by_email_and_the_invitee_joins_the_project_and_asks_to_join_the_community(client, community):
    starter = f.person("Sara Starter")
    f.join(starter, community)
    project = f.project(community, "Rain maps")
    from communities.participation import add_partner

    add_partner(project, starter)
    client.force_login(starter.user)
    client.post(f"/en/take-part/project/{project.pk}/partners/", {"email": "new@example.org", "action": "invite"})
    invitation = Invitation.objects.get(email="new@example.org")
    assert invitation.project_id == project.pk
    client.logout()
    client.post(
        f"/en/account/invitation/{invitation.token}/",
        {
            "display_name": "Nora New",
            "password1": "a-long-Pass-phrase-42",
            "password2": "a-long-Pass-phrase-42",
        },
    )
    # Only facilitators admit members: the partner's membership waits for them.
    nora = Membership.objects.get(community=community, person__display_name="Nora New")
    assert nora.status == "requested"
    assert project.partners.filter(person=nora.person).exists()


def test_people_who_are_not_partners_cannot_manage_partners(client, community):
    project = f.project(community)
    member = f.person()
    f.join(member, community)
    client.force_login(member.user)
    assert client.get(f"/en/take-part/project/{project.pk}/partners/").status_code == 403


def test_marking_looking_for_partners_shows_suggested_partners_open_ones_first(client, community):
    starter = f.person("Sara Starter")
    f.join(starter, community)
    project = f.project(community, "Garden light", theme="Photosynthesis in the school garden", summary=TEXT)
    from communities.participation import add_partner

    add_partner(project, starter)
    open_teacher = f.person("Olga Open", discoverability="europe", open_to_collaboration=True)
    f.resource("Plants and light", summary=TEXT, subjects=["biology"], authors=[open_teacher])
    closed_teacher = f.person("Carl Closed", discoverability="europe")
    f.resource("Light and plants", summary=TEXT, subjects=["biology"], authors=[closed_teacher])
    private = f.person("Pia Private", discoverability="nobody", open_to_collaboration=True)
    f.resource("Garden light", summary=TEXT, subjects=["biology"], authors=[private])
    index_all()
    client.force_login(starter.user)
    assert "Suggested partners" not in client.get(project.url).content.decode()

    client.post(f"/en/take-part/project/{project.pk}/partners/", {"looking_for_partners": "on", "action": "looking"})
    project.refresh_from_db()
    assert project.looking_for_partners
    html = client.get(project.url).content.decode()
    section = html.split("Suggested partners", 1)[1].split("</section>", 1)[0]
    assert "Olga Open" in section and "Pia Private" not in section
    if "Carl Closed" in section:
        assert section.index("Olga Open") < section.index("Carl Closed")


def test_the_partner_page_lists_only_the_partners_the_project_page_shows(client, community):
    starter = f.person("Sara Starter")
    f.join(starter, community)
    project = f.project(community, "Rain maps")
    from communities.participation import add_partner

    add_partner(project, starter)
    hidden = f.person("Hidden Hugo", discoverability="nobody", school="Hugo's school")
    add_partner(project, hidden)  # e.g. added by an editor in the admin
    ProjectPartner.objects.create(project=project, school="Escola sem nome", country="PT")
    client.force_login(starter.user)
    project_page = client.get(project.url).content.decode()
    manage_page = client.get(f"/en/take-part/project/{project.pk}/partners/").content.decode()
    for html in (project_page, manage_page):
        assert "Sara Starter" in html and "Escola sem nome" in html
        assert "Hidden Hugo" not in html and "Hugo&#x27;s school" not in html
