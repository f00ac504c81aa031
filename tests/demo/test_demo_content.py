"""The loaded demo has downloadable files, discussions in every community and suggestions on every unit."""

import io
import zipfile
from xml.sax.saxutils import escape

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth.models import AnonymousUser
from django.core.files.uploadedfile import SimpleUploadedFile

from communities.models import CommunityPage, ProjectPage
from communities.privacy import can_download_document
from contributions.uploads import check_upload
from demo.datafiles import texts
from discussions.models import Thread
from events.models import EventPage
from resources.models import CurriculumUnitPage, ResourceAttachment, ResourcePage

from .test_load_demo import demo  # noqa: F401  (the demo, loaded once for this module)

pytestmark = pytest.mark.slow


def test_at_least_100_materials_have_a_real_downloadable_file(demo, db):  # noqa: F811
    anonymous = AnonymousUser()
    attachments = list(ResourceAttachment.objects.select_related("page", "document"))
    downloadable = {a.page_id for a in attachments if can_download_document(anonymous, a.document)}
    assert len(downloadable) >= 100
    # Every worksheet, presentation and lesson plan has its file.
    for slug in ("worksheet", "presentation", "lesson-plan"):
        pages = ResourcePage.objects.filter(external_id__startswith="demo:", resource_type__slug=slug)
        assert pages.exists() and not pages.filter(attachments__isnull=True).exists(), slug
    # The files are what their names say: the upload check recognises each by its content.
    kinds = set()
    for attachment in attachments:
        document = attachment.document
        with document.file.open("rb") as fh:
            data = fh.read()
        kinds.add(check_upload(SimpleUploadedFile(document.file.name.rsplit("/", 1)[-1], data)).code)
        if data.startswith(b"PK"):  # OpenDocument: the material's own text is in content.xml
            content = zipfile.ZipFile(io.BytesIO(data)).read("content.xml").decode()
            assert escape(attachment.page.title) in content
        else:
            assert data.startswith(b"%PDF")
    assert len(kinds) == 3


def test_the_file_of_a_members_only_material_downloads_only_for_members(
    demo,  # noqa: F811
    db,
    client,
    django_user_model,
):
    closed = [
        a
        for a in ResourceAttachment.objects.select_related("page__community", "document")
        if a.page.community and a.page.community.visibility == "members"
    ]
    assert closed
    for attachment in closed:
        document = attachment.document
        assert not can_download_document(AnonymousUser(), document)
        client.logout()
        assert client.get(document.url).status_code in (302, 403, 404)  # anonymous: sent to sign in
        outsider = django_user_model.objects.create_user(f"outsider{document.pk}", password="pw-kollega-1")
        client.force_login(outsider)
        refused = client.get(document.url)
        assert refused.status_code in (302, 403, 404) and not refused.streaming
        member = attachment.page.community.memberships().active().exclude(person__user=None).first().person
        client.force_login(member.user)
        assert client.get(document.url).status_code == 200
    client.logout()
    public = ResourceAttachment.objects.filter(page__community__visibility="public").select_related("document").first()
    assert client.get(public.document.url).status_code == 200


def test_every_community_has_two_discussion_threads_with_replies_in_its_language(demo, db):  # noqa: F811
    titles = {lang: {t["title"] for t in data["threads"]} for lang, data in texts("discussions").items()}
    for community in CommunityPage.objects.filter(locale__language_code="en"):
        threads = Thread.objects.of_community(community)
        assert threads.count() >= 2, community.title
        for thread in threads:
            assert thread.posts.count() >= 2
        language = {"SE": "sv", "FI": "sv", "DE": "de", "AT": "de", "PT": "pt"}.get(community.country.code or "", "en")
        assert set(threads.values_list("title", flat=True)) <= titles[language], community.title


def test_every_curriculum_unit_has_suggested_people_and_materials(demo, db, client):  # noqa: F811
    from recommender.services import related_people, related_resources

    for unit in CurriculumUnitPage.objects.all():
        assert related_people(unit, viewer=AnonymousUser(), limit=6), unit.title
        assert related_resources(unit, viewer=AnonymousUser(), limit=6), unit.title


@pytest.mark.parametrize("model, where", [(CommunityPage, {"scope": "national"}), (ProjectPage, {}), (EventPage, {})])
def test_no_summary_is_printed_twice(demo, db, client, model, where):  # noqa: F811
    pages = model.objects.filter(**where)
    assert pages.exists()
    for page in pages:
        assert page.summary not in page.description, page.title
    sweden = CommunityPage.objects.get(locale__language_code="sv", scope="national", country="SE")
    main = BeautifulSoup(client.get(sweden.url).content, "html.parser").find("main")
    assert main.get_text().count(sweden.summary) == 1


def test_the_documented_facilitator_signs_in_and_answers_join_requests(demo, db, client):  # noqa: F811
    from communities.choices import MembershipRole

    assert client.login(username="facilitator", password="kollega-demo")
    person = client.get("/sv/").wsgi_request.user.person
    community = person.memberships.get(role=MembershipRole.FACILITATOR).community
    assert client.get(f"/sv/take-part/community/{community.pk}/requests/").status_code == 200
    assert client.get("/admin/").status_code == 200
    report = client.get("/admin/reports/networking/")
    assert report.status_code == 200 and community.title in report.content.decode()
