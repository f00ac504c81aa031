"""One test per rule in communities/privacy.py: who may see whom, and which pages anyone may open or find."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import AnonymousUser
from wagtail.models import Page, PageViewRestriction

from communities.privacy import can_see_page, can_see_person, visible_pages, visible_people
from resources.models import ResourcePage
from tests import factories

pytestmark = pytest.mark.django_db

ANONYMOUS = AnonymousUser()


# -- People ---------------------------------------------------------------


def test_nobody_discoverable_person_is_hidden_from_everyone_else():
    hidden = factories.person("Hidden Teacher", discoverability="nobody", country="SE")
    community = factories.community()
    factories.join(hidden, community)
    co_member = factories.person(country="SE")
    factories.join(co_member, community)
    superuser = get_user_model().objects.create_superuser("root", "root@example.org", "pw")
    for viewer in (ANONYMOUS, co_member.user, superuser):
        assert not can_see_person(viewer, hidden)
        assert hidden not in visible_people(viewer)


def test_nobody_discoverable_person_sees_themself():
    hidden = factories.person(discoverability="nobody")
    assert can_see_person(hidden.user, hidden)


def test_communities_only_person_is_visible_to_co_members_of_an_active_community():
    person = factories.person(discoverability="communities", country="SE")
    community = factories.community()
    factories.join(person, community)
    co_member = factories.person(country="DE")
    factories.join(co_member, community)
    assert can_see_person(co_member.user, person)


def test_communities_only_person_is_hidden_from_anonymous_and_non_members_even_in_the_same_country():
    person = factories.person(discoverability="communities", country="SE")
    factories.join(person, factories.community())
    stranger = factories.person(country="SE")
    factories.join(stranger, factories.community())
    assert not can_see_person(ANONYMOUS, person)
    assert not can_see_person(stranger.user, person)


def test_community_membership_counts_across_translations_of_the_community():
    person = factories.person(discoverability="communities")
    community = factories.community()
    swedish = factories.translate(community, "sv", title="Gemenskap")
    factories.join(person, community)
    viewer = factories.person()
    factories.join(viewer, swedish)
    assert can_see_person(viewer.user, person)


@pytest.mark.parametrize("status", ["left", "requested"])
def test_left_or_requested_membership_of_the_viewer_does_not_reveal_communities_only_people(status):
    person = factories.person(discoverability="communities")
    community = factories.community()
    factories.join(person, community)
    viewer = factories.person()
    factories.join(viewer, community, status=status)
    assert not can_see_person(viewer.user, person)


@pytest.mark.parametrize("status", ["left", "requested"])
def test_left_or_requested_membership_of_the_person_does_not_reveal_them(status):
    person = factories.person(discoverability="communities")
    community = factories.community()
    factories.join(person, community, status=status)
    viewer = factories.person()
    factories.join(viewer, community)
    assert not can_see_person(viewer.user, person)


def test_country_person_is_visible_to_signed_in_viewers_in_the_same_country():
    person = factories.person(discoverability="country", country="PT")
    colleague = factories.person(country="PT")
    assert can_see_person(colleague.user, person)


def test_country_person_is_hidden_from_anonymous_and_other_countries():
    person = factories.person(discoverability="country", country="PT")
    abroad = factories.person(country="SE")
    no_country = factories.person(country="")
    assert not can_see_person(ANONYMOUS, person)
    assert not can_see_person(abroad.user, person)
    assert not can_see_person(no_country.user, person)


def test_signed_in_user_without_a_profile_sees_only_public_people():
    user = get_user_model().objects.create_user("noprofile", "n@example.org", "pw")
    country = factories.person(discoverability="country", country="SE")
    public = factories.person(discoverability="europe")
    assert can_see_person(user, public)
    assert not can_see_person(user, country)


def test_europe_person_is_visible_to_anonymous_visitors():
    person = factories.person(discoverability="europe")
    assert can_see_person(ANONYMOUS, person)
    assert person in visible_people(ANONYMOUS)


def test_accountless_person_is_shown_only_when_public():
    community = factories.community()
    viewer = factories.person(country="SE")
    factories.join(viewer, community)
    by_country = factories.person(discoverability="country", country="SE", with_account=False)
    by_community = factories.person(discoverability="communities", with_account=False)
    factories.join(by_community, community)
    public = factories.person(discoverability="europe", with_account=False)
    assert not can_see_person(viewer.user, by_country)
    assert not can_see_person(viewer.user, by_community)
    assert can_see_person(ANONYMOUS, public)


def test_profile_page_is_404_for_a_hidden_person_and_200_for_a_visible_one(client):
    hidden = factories.person("Hidden Teacher", discoverability="nobody")
    public = factories.person("Public Teacher", discoverability="europe")
    assert client.get(f"/en/people/{hidden.slug}/").status_code == 404
    assert client.get(f"/en/people/{public.slug}/").status_code == 200
    client.force_login(hidden.user)
    assert client.get(f"/en/people/{hidden.slug}/").status_code == 200


def test_hidden_people_are_absent_from_community_and_resource_pages(client):
    community = factories.community("Biology circle")
    hidden = factories.person("Hidden Teacher", discoverability="nobody")
    factories.join(hidden, community, role="facilitator")
    page = factories.resource("Photosynthesis", authors=[hidden], community=community)
    for url in (community.url, page.url):
        html = client.get(url).content.decode()
        assert "Hidden Teacher" not in html
        assert hidden.slug not in html


def test_profile_lists_only_materials_the_viewer_may_open(client):
    author = factories.person("Anna Lind")
    private = factories.community(visibility="members")
    factories.resource("Open lesson", authors=[author])
    factories.resource("Members-only lesson", authors=[author], community=private)
    html = client.get(f"/en/people/{author.slug}/").content.decode()
    assert "Open lesson" in html and "Members-only lesson" not in html


# -- Pages ----------------------------------------------------------------


def test_unpublished_pages_are_invisible_and_unreachable(client):
    draft = factories.resource("Unfinished lesson")
    draft.unpublish()
    assert not can_see_page(ANONYMOUS, draft)
    member = factories.person()
    assert not can_see_page(member.user, draft)
    assert client.get(draft.url or "/en/materials/unfinished-lesson/").status_code == 404
    assert "Unfinished lesson" not in client.get(factories.resource_index().url).content.decode()


@pytest.fixture
def members_only():
    community = factories.community("Secret circle", visibility="members")
    lesson = factories.resource("Members-only lesson", community=community)
    member = factories.person("Member")
    factories.join(member, community)
    return community, lesson, member


def test_members_only_community_and_materials_are_hidden_from_anonymous_visitors(members_only):
    community, lesson, _ = members_only
    assert not can_see_page(ANONYMOUS, community)
    assert not can_see_page(ANONYMOUS, lesson)
    assert lesson.pk not in visible_pages(ANONYMOUS, ResourcePage.objects.all()).values_list("pk", flat=True)


def test_members_only_community_and_materials_are_hidden_from_non_members(members_only):
    community, lesson, _ = members_only
    outsider = factories.person()
    factories.join(outsider, factories.community())
    assert not can_see_page(outsider.user, community)
    assert not can_see_page(outsider.user, lesson)


def test_members_only_community_and_materials_are_visible_to_members(members_only):
    community, lesson, member = members_only
    assert can_see_page(member.user, community)
    assert can_see_page(member.user, lesson)


def test_membership_in_a_translation_of_the_community_grants_access(members_only):
    community, lesson, _ = members_only
    swedish = factories.translate(community, "sv", title="Hemlig cirkel")
    viewer = factories.person()
    factories.join(viewer, swedish)
    assert can_see_page(viewer.user, lesson)


@pytest.mark.parametrize("status", ["left", "requested"])
def test_left_or_requested_membership_does_not_open_members_only_pages(members_only, status, client):
    community, lesson, _ = members_only
    viewer = factories.person()
    factories.join(viewer, community, status=status)
    assert not can_see_page(viewer.user, lesson)
    client.force_login(viewer.user)
    assert client.get(lesson.url).status_code == 404


def test_leaving_a_community_closes_its_members_only_pages(members_only):
    community, lesson, member = members_only
    membership = member.memberships.get()
    membership.status = "left"
    membership.save()
    assert not can_see_page(get_user_model().objects.get(pk=member.user.pk), lesson)


def test_members_only_pages_answer_anonymous_and_non_members_as_missing_pages(members_only, client):
    community, lesson, member = members_only
    for url in (community.url, lesson.url):
        response = client.get(url)
        # Not a redirect to sign-in, which would confirm that the page exists.
        assert response.status_code == 404 and "Location" not in response
        assert f"/en/account/sign-in/?next={url}" in response.content.decode()
    outsider = factories.person()
    client.force_login(outsider.user)
    assert client.get(lesson.url).status_code == 404
    client.force_login(member.user)
    assert client.get(community.url).status_code == 200
    assert client.get(lesson.url).status_code == 200


def test_members_only_content_is_absent_from_lists_and_search_for_outsiders(members_only, client):
    community, lesson, member = members_only
    urls = [
        factories.home().url,
        factories.resource_index().url,
        factories.community_index().url,
        "/en/search/?q=lesson",
    ]
    for url in urls:
        html = client.get(url).content.decode()
        assert "Members-only lesson" not in html, url
        assert "Secret circle" not in html, url
    client.force_login(member.user)
    assert "Members-only lesson" in client.get(factories.resource_index().url).content.decode()
    assert "Secret circle" in client.get(factories.community_index().url).content.decode()


def test_making_a_community_public_again_lifts_the_restriction(members_only):
    community, lesson, _ = members_only
    community.visibility = "public"
    community.save()
    lesson.save()
    assert can_see_page(ANONYMOUS, community)
    assert can_see_page(ANONYMOUS, lesson)


def test_login_restricted_pages_are_visible_to_any_signed_in_viewer():
    page = factories.resource("Staff room notes")
    PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.LOGIN)
    assert not can_see_page(ANONYMOUS, page)
    assert can_see_page(factories.person().user, page)


def test_password_restricted_pages_are_never_listed():
    page = factories.resource("Exam answers")
    PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.PASSWORD, password="x")
    assert not can_see_page(factories.person().user, page)


def test_restriction_on_a_parent_hides_its_children():
    community = factories.community("Secret circle", visibility="members")
    project = factories.project(community, "Hidden project")
    assert not can_see_page(ANONYMOUS, project)
    assert project.pk not in visible_pages(ANONYMOUS, Page.objects.all()).values_list("pk", flat=True)


# -- Files attached to members-only materials --------------------------------


def attach(page, name="worksheet.pdf", content=b"%PDF-1.4\n%%EOF\n"):
    from django.core.files.base import ContentFile
    from wagtail.documents import get_document_model
    from wagtail.models import Collection

    from resources.models import ResourceAttachment

    document = get_document_model().objects.create(
        title=name, file=ContentFile(content, name=name), collection=Collection.get_first_root_node()
    )
    ResourceAttachment.objects.create(page=page, document=document)
    document.refresh_from_db()
    return document


def download_status(client, document):
    return client.get(document.url).status_code


def test_files_of_members_only_materials_download_only_for_members(members_only, client):
    community, lesson, member = members_only
    document = attach(lesson)
    assert download_status(client, document) != 200
    outsider = factories.person()
    client.force_login(outsider.user)
    assert download_status(client, document) != 200
    client.force_login(member.user)
    response = client.get(document.url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content).startswith(b"%PDF")


def test_files_of_public_materials_download_for_anyone(client):
    lesson = factories.resource("Open lesson")
    document = attach(lesson)
    assert download_status(client, document) == 200


def test_a_community_going_members_only_takes_its_files_along_and_back(client):
    community = factories.community("Changing circle")
    lesson = factories.resource("Circle lesson", community=community)
    document = attach(lesson)
    assert download_status(client, document) == 200
    community.visibility = "members"
    community.save()
    assert download_status(client, document) != 200
    community.visibility = "public"
    community.save()
    assert download_status(client, document) == 200


def test_a_material_moved_to_a_members_only_community_restricts_its_files(members_only, client):
    community, _, member = members_only
    lesson = factories.resource("Moving lesson")
    document = attach(lesson)
    lesson.community = community
    lesson.save()
    assert download_status(client, document) != 200
    client.force_login(member.user)
    assert download_status(client, document) == 200


def test_a_file_also_attached_to_a_public_material_stays_downloadable(members_only, client):
    community, lesson, _ = members_only
    document = attach(lesson)
    from resources.models import ResourceAttachment

    ResourceAttachment.objects.create(page=factories.resource("Shared worksheet lesson"), document=document)
    assert download_status(client, document) == 200


def test_within_a_request_a_new_membership_opens_members_only_pages_at_once(members_only):
    """The per-request memo of blocked paths forgets as soon as a group or restriction changes."""
    from communities.privacy import PrivacyMemoMiddleware

    community, lesson, _ = members_only
    newcomer = factories.person("Newcomer")
    seen = []

    def view(request):
        seen.append(can_see_page(newcomer.user, lesson))
        factories.join(newcomer, community)
        seen.append(can_see_page(newcomer.user, lesson))
        seen.append(can_see_page(ANONYMOUS, lesson))
        return None

    PrivacyMemoMiddleware(view)(object())
    assert seen == [False, True, False]
