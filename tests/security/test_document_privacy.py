"""Files of drafts are not public: a file is downloadable because a page its viewer may open uses it.

Who may have a file: anyone who may see a page using it; the teacher who
uploaded it, the people working on the unpublished page and the facilitators
reviewing it; editors. Everyone else gets the 404 of a file that does not
exist, and the documents API lists only files of pages the viewer may see.
"""

import io

import pytest
from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image as PILImage
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection

from resources.models import ResourceAttachment, ResourcePage
from tests import factories as f
from tests.contributions.test_contribute import PDF, form_data

pytestmark = pytest.mark.django_db
Document = get_document_model()


@pytest.fixture
def setting(client):
    f.resource_index("en")
    community = f.community("Baltic Science Teachers")
    teacher = f.person("Ana Teacher")
    f.join(teacher, community)
    facilitator = f.person("Fia Facilitator")
    f.join(facilitator, community, role="facilitator")
    outsider = f.person("Olle Outsider")
    return {"community": community, "teacher": teacher, "facilitator": facilitator, "outsider": outsider}


def submit(client, teacher, community, django_capture_on_commit_callbacks, name="jar-worksheet.pdf"):
    client.force_login(teacher.user)
    upload = SimpleUploadedFile(name, PDF, content_type="application/pdf")
    with django_capture_on_commit_callbacks(execute=True):
        client.post("/en/contribute/", {**form_data(community), "files": [upload]})
    client.logout()
    page = ResourcePage.objects.get(title="Water cycle in a jar")
    return page, page.attachments.get().document


def approve(client, facilitator, page, django_capture_on_commit_callbacks):
    task_state = page.current_workflow_state.current_task_state
    client.force_login(facilitator.user)
    url = reverse("wagtailadmin_pages:workflow_action", args=[page.pk, "approve", task_state.pk])
    with django_capture_on_commit_callbacks(execute=True):
        client.post(url, {"comment": ""})
    client.logout()


def status_as(client, user, url):
    client.logout()
    if user is not None:
        client.force_login(user)
    status = client.get(url).status_code
    client.logout()
    return status


def listed_titles(client, user=None):
    client.logout()
    if user is not None:
        client.force_login(user)
    titles = [item["title"] for item in client.get("/api/v2/documents/?limit=500").json()["items"]]
    client.logout()
    return titles


def test_the_file_of_a_material_in_moderation_reaches_only_its_teacher_and_reviewers(
    client,
    setting,
    django_capture_on_commit_callbacks,
):
    page, document = submit(client, setting["teacher"], setting["community"], django_capture_on_commit_callbacks)
    assert not page.live

    assert status_as(client, None, document.url) == 404
    assert status_as(client, setting["outsider"].user, document.url) == 404
    assert status_as(client, setting["teacher"].user, document.url) == 200
    assert status_as(client, setting["facilitator"].user, document.url) == 200
    editor = get_user_model().objects.create_superuser("editor", "editor@example.org", "pw")
    assert status_as(client, editor, document.url) == 200
    # The documents API neither lists it nor answers for its (sequential) id.
    assert "jar-worksheet" not in listed_titles(client)
    assert "jar-worksheet" not in listed_titles(client, setting["outsider"].user)
    assert client.get(f"/api/v2/documents/{document.pk}/").status_code == 404

    approve(client, setting["facilitator"], page, django_capture_on_commit_callbacks)
    assert ResourcePage.objects.get(pk=page.pk).live
    assert status_as(client, None, document.url) == 200
    assert "jar-worksheet" in listed_titles(client)

    ResourcePage.objects.get(pk=page.pk).unpublish()
    assert status_as(client, None, document.url) == 404
    assert "jar-worksheet" not in listed_titles(client)


def test_a_file_added_to_a_live_material_stays_private_until_the_change_is_approved(
    client,
    setting,
    django_capture_on_commit_callbacks,
):
    page, first = submit(client, setting["teacher"], setting["community"], django_capture_on_commit_callbacks)
    approve(client, setting["facilitator"], page, django_capture_on_commit_callbacks)

    client.force_login(setting["teacher"].user)
    upload = SimpleUploadedFile("answers.pdf", PDF, content_type="application/pdf")
    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"/en/contribute/{page.pk}/edit/", {**form_data(setting["community"]), "files": [upload]})
    client.logout()
    added = Document.objects.get(title="answers")

    assert status_as(client, None, first.url) == 200  # the published version keeps its file
    assert status_as(client, None, added.url) == 404
    assert status_as(client, setting["outsider"].user, added.url) == 404
    assert status_as(client, setting["teacher"].user, added.url) == 200
    # The facilitator reviewing the change can open the file before approving it.
    assert status_as(client, setting["facilitator"].user, added.url) == 200

    approve(client, setting["facilitator"], ResourcePage.objects.get(pk=page.pk), django_capture_on_commit_callbacks)
    assert status_as(client, None, added.url) == 200


def test_a_file_used_by_no_page_is_not_public():
    from django.test import Client

    orphan = Document.objects.create(
        title="stray", file=ContentFile(PDF, name="stray.pdf"), collection=Collection.get_first_root_node()
    )
    assert Client().get(orphan.url).status_code == 404


def test_deleting_an_account_with_its_drafts_deletes_their_files(client, setting, django_capture_on_commit_callbacks):
    teacher = setting["teacher"]
    page, document = submit(client, teacher, setting["community"], django_capture_on_commit_callbacks)
    shared = Document.objects.create(
        title="shared-file", file=ContentFile(PDF, name="shared.pdf"), collection=Collection.get_first_root_node()
    )
    ResourceAttachment.objects.create(page=page, document=shared)
    public = f.resource("Someone else's public material", authors=[setting["outsider"]])
    ResourceAttachment.objects.create(page=public, document=shared)
    url = document.url

    client.force_login(teacher.user)
    client.post("/en/account/delete/", {"password": "pw-kollega-1", "delete_drafts": "on"})
    client.logout()

    assert not ResourcePage.objects.filter(pk=page.pk).exists()
    assert not Document.objects.filter(pk=document.pk).exists()
    assert client.get(url).status_code == 404
    # A file that another page still uses stays with that page.
    assert client.get(shared.url).status_code == 200


def test_deleting_an_account_without_its_drafts_keeps_their_files_private(
    client,
    setting,
    django_capture_on_commit_callbacks,
):
    page, document = submit(client, setting["teacher"], setting["community"], django_capture_on_commit_callbacks)
    client.force_login(setting["teacher"].user)
    client.post("/en/account/delete/", {"password": "pw-kollega-1"})
    client.logout()
    assert Document.objects.filter(pk=document.pk).exists()
    assert client.get(document.url).status_code == 404
    assert status_as(client, setting["facilitator"].user, document.url) == 200


def _image(title):
    buffer = io.BytesIO()
    PILImage.new("RGB", (4, 4), "white").save(buffer, "PNG")
    return get_image_model().objects.create(title=title, file=ImageFile(buffer, name=f"{title}.png"))


def test_the_images_api_lists_only_images_of_visible_pages(client):
    shown = _image("public-lesson-picture")
    photo = _image("private-teacher-photo")
    f.person("Private Teacher", discoverability="nobody", photo=photo)
    page = f.resource("Pictured lesson")
    page.body = [("image", {"image": shown, "caption": "", "alt_text": ""})]
    f.publish(page)

    titles = [item["title"] for item in client.get("/api/v2/images/?limit=500").json()["items"]]
    assert "public-lesson-picture" in titles
    assert "private-teacher-photo" not in titles
    assert client.get(f"/api/v2/images/{photo.pk}/").status_code == 404
