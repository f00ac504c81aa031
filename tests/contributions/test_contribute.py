"""A teacher shares a material through the front-end form; uploads are checked by content."""

import io
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from resources.models import ResourcePage
from tests import factories as f

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"
WINDOWS_PROGRAM = (
    b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff" + b"\x00" * 200 + b"This program cannot be run in DOS mode."
)


def docx_bytes():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<document/>")
    return buffer.getvalue()


@pytest.fixture
def teacher(client):
    f.resource_index("en")
    community = f.community("Baltic Science Teachers")
    person = f.person("Ana Teacher")
    f.join(person, community)
    client.force_login(person.user)
    return person, community


def form_data(community, **extra):
    data = {
        "title": "Water cycle in a jar",
        "summary": "Pupils build a closed water cycle in a glass jar and observe it for a week.",
        "body_text": "Fill the jar with soil.\n\nClose the lid and watch the droplets.",
        "subjects": [f.subject("biology").pk],
        "levels": [f.level(2).pk],
        "resource_type": f.resource_type("lesson-plan").pk,
        "material_language": "en",
        "licence": "https://creativecommons.org/licenses/by/4.0/",
        "duration_minutes": "45",
        "tags": "water, experiment",
        "community": community.pk,
    }
    data.update(extra)
    return data


def test_teacher_submits_a_resource_with_a_pdf_and_it_waits_for_review(client, teacher):
    person, community = teacher
    upload = SimpleUploadedFile("jar-worksheet.pdf", PDF, content_type="application/pdf")
    response = client.post("/en/contribute/", {**form_data(community), "files": [upload]}, follow=True)

    assert response.status_code == 200
    assert "Waiting for review" in response.content.decode()
    page = ResourcePage.objects.get(title="Water cycle in a jar")
    assert not page.live
    assert page.get_parent().specific.locale.language_code == "en"
    assert [(c.person, c.role) for c in page.contributors.all()] == [(person, "author")]
    assert [a.document.title for a in page.attachments.all()] == ["jar-worksheet"]
    assert page.community == community
    assert sorted(t.name for t in page.tags.all()) == ["experiment", "water"]
    assert page.current_workflow_state.status == "in_progress"
    # Not public while it waits.
    assert client.get(page.url).status_code == 404 or not page.live


def test_files_shared_with_a_members_only_community_download_only_for_its_members(client):
    f.resource_index("en")
    circle = f.community("Quiet circle", visibility="members")
    person = f.person("Ana Teacher")
    f.join(person, circle)
    client.force_login(person.user)
    upload = SimpleUploadedFile("circle-worksheet.pdf", PDF, content_type="application/pdf")
    client.post("/en/contribute/", {**form_data(circle), "files": [upload]})
    document = ResourcePage.objects.get(title="Water cycle in a jar").attachments.get().document

    assert client.get(document.url).status_code == 200
    client.logout()
    assert client.get(document.url).status_code != 200
    outsider = f.person("Outside Teacher")
    client.force_login(outsider.user)
    assert client.get(document.url).status_code != 200


def test_zip_based_office_documents_are_accepted_by_their_structure(client, teacher):
    _, community = teacher
    upload = SimpleUploadedFile("slides.docx", docx_bytes())
    response = client.post("/en/contribute/", {**form_data(community), "files": [upload]})
    assert response.status_code == 302
    assert ResourcePage.objects.get(title="Water cycle in a jar").attachments.count() == 1


def test_an_executable_renamed_to_pdf_is_refused_and_the_typed_fields_come_back(client, teacher):
    _, community = teacher
    upload = SimpleUploadedFile("worksheet.pdf", WINDOWS_PROGRAM, content_type="application/pdf")
    response = client.post("/en/contribute/", {**form_data(community), "files": [upload]})

    html = response.content.decode()
    assert response.status_code == 200
    assert "This file looks like a Windows program, not a PDF" in html
    assert 'value="Water cycle in a jar"' in html
    assert "Pupils build a closed water cycle in a glass jar" in html
    assert "Close the lid and watch the droplets." in html
    assert 'value="45"' in html
    assert "water, experiment" in html or "experiment, water" in html
    assert not ResourcePage.objects.filter(title="Water cycle in a jar").exists()


def test_a_refused_field_points_screen_readers_at_its_error_and_help(client, teacher):
    from bs4 import BeautifulSoup

    _, community = teacher
    upload = SimpleUploadedFile("worksheet.pdf", WINDOWS_PROGRAM, content_type="application/pdf")
    soup = BeautifulSoup(
        client.post("/en/contribute/", {**form_data(community, title=""), "files": [upload]}).content, "html.parser"
    )
    for name in ("title", "files"):
        field = soup.find("input", attrs={"name": name})
        assert field["aria-invalid"] == "true"
        described = [soup.find(id=i) for i in field["aria-describedby"].split()]
        assert all(described), field["aria-describedby"]
        assert any("errorlist" in (d.get("class") or []) for d in described)
    files_text = " ".join(
        soup.find(id=i).get_text() for i in soup.find("input", attrs={"name": "files"})["aria-describedby"].split()
    )
    assert "Windows program" in files_text and "MB" in files_text
    assert "aria-invalid" not in str(soup.find("input", attrs={"name": "duration_minutes"}))


def test_the_confirmation_after_sharing_is_shown_once(client, teacher):
    _, community = teacher
    upload = SimpleUploadedFile("jar-worksheet.pdf", PDF, content_type="application/pdf")
    response = client.post("/en/contribute/", {**form_data(community), "files": [upload]}, follow=True)
    messages = [str(m) for m in response.context["messages"]]
    assert len(messages) == 1
    assert response.content.decode().count(messages[0]) == 1


def test_a_file_whose_extension_is_not_allowed_is_refused_by_what_it_is(client, teacher):
    _, community = teacher
    upload = SimpleUploadedFile("setup.exe", WINDOWS_PROGRAM)
    response = client.post("/en/contribute/", {**form_data(community), "files": [upload]})
    assert "This file looks like a Windows program." in response.content.decode()


def test_an_oversized_file_is_refused_with_the_limit(client, teacher, settings):
    _, community = teacher
    settings.KOLLEGA_MAX_UPLOAD_BYTES = 1024
    upload = SimpleUploadedFile("big.pdf", PDF + b"0" * 2048)
    response = client.post("/en/contribute/", {**form_data(community), "files": [upload]})

    html = response.content.decode()
    assert "files can be at most 1.0\xa0KB" in html
    assert 'value="Water cycle in a jar"' in html
    assert not ResourcePage.objects.filter(title="Water cycle in a jar").exists()


def test_a_teacher_without_a_community_is_told_to_join_one(client):
    f.resource_index("en")
    someone = f.person("Lonely Teacher")
    client.force_login(someone.user)
    response = client.get("/en/contribute/")
    assert response.status_code == 403
    assert "Join a community first" in response.content.decode()


def test_a_user_without_a_profile_gets_one_when_contributing(client, django_user_model):
    user = django_user_model.objects.create_user("newcomer", "new@example.org", "pw")
    client.force_login(user)
    client.get("/en/contribute/")
    assert user.person.display_name == "newcomer"
    assert user.person.discoverability == "nobody"


def test_anonymous_visitors_are_sent_to_sign_in(client):
    response = client.get("/en/contribute/")
    assert response.status_code == 302
    assert "next=/en/contribute/" in response["Location"]
