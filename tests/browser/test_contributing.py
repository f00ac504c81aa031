"""Journey 3: a teacher signs in, shares a material with a PDF for review; a disguised program is refused."""

import re

import pytest
from playwright.sync_api import expect

from resources.models import ResourcePage
from tests import factories as f
from tests.browser.conftest import sign_in_with_the_form

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

PASSWORD = "pw-kollega-1"  # what tests.factories.person() gives every account
TITLE = "Water cycle in a jar"
SUMMARY = "Pupils build a closed water cycle in a glass jar and observe it for a week."
WINDOWS_PROGRAM = (
    b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff" + b"\x00" * 200 + b"This program cannot be run in DOS mode."
)


def minimal_pdf():
    """A small but valid one-page PDF (catalogue, pages, page, content stream, xref table)."""
    stream = b"BT /F1 18 Tf 40 100 Td (Water cycle worksheet) Tj ET"
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 300 200] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n%s\nendstream" % (len(stream), stream),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


@pytest.fixture
def teacher():
    f.resource_index("en")
    f.subject("biology")
    f.resource_type("lesson-plan", "Lesson plan")
    community = f.community("Baltic Science Teachers")
    person = f.person("Ana Teacher")
    f.join(person, community)
    return person


def fill_the_form(page):
    page.get_by_label("Title").fill(TITLE)
    page.get_by_label("Summary").fill(SUMMARY)
    page.get_by_label("Text of the material").fill("Fill the jar with soil.\n\nClose the lid and watch the droplets.")
    page.get_by_role("group", name="Subjects").get_by_label("Biology").check()
    page.get_by_label("Duration (minutes)").fill("45")
    page.get_by_label("Tags").fill("water, experiment")


def test_a_teacher_shares_a_material_with_a_pdf_for_review(page, shot, teacher):
    sign_in_with_the_form(page, teacher.user.username, PASSWORD, next_url="/en/contribute/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Share a material")
    # Signed in: the header names her on the account menu, which leads to sharing a material.
    expect(page.locator("details.account-menu summary")).to_contain_text("Ana Teacher")
    expect(page.locator("details.account-menu a[href='/en/contribute/']")).to_have_text("Share a material")
    fill_the_form(page)
    page.get_by_label("Files").set_input_files(
        files=[{"name": "jar-worksheet.pdf", "mimeType": "application/pdf", "buffer": minimal_pdf()}]
    )
    shot(page, "filled-form")

    page.get_by_role("button", name="Send for review").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("My materials")
    expect(page.get_by_role("status").first).to_contain_text(
        f"“{TITLE}” was sent to the facilitators of Baltic Science Teachers for review"
    )
    # Listed among my materials, waiting for the facilitators.
    expect(page.get_by_role("listitem").filter(has_text="Waiting for review")).to_contain_text(TITLE)
    shot(page, "sent-for-review")

    material = ResourcePage.objects.get(title=TITLE)
    assert not material.live
    assert [a.document.title for a in material.attachments.all()] == ["jar-worksheet"]


def test_a_program_disguised_as_a_pdf_is_refused_and_the_typing_is_kept(page, shot, teacher):
    sign_in_with_the_form(page, teacher.user.username, PASSWORD, next_url="/en/contribute/")
    fill_the_form(page)
    page.get_by_label("Files").set_input_files(
        files=[{"name": "worksheet.pdf", "mimeType": "application/pdf", "buffer": WINDOWS_PROGRAM}]
    )
    page.get_by_role("button", name="Send for review").click()

    expect(page.get_by_role("alert")).to_contain_text("Please check the following")
    # Said twice: in the summary (a link to the field) and beside the field itself.
    expect(
        page.get_by_role("link", name=re.compile("This file looks like a Windows program, not a PDF"))
    ).to_be_visible()
    expect(
        page.locator(".field--error").get_by_text(re.compile("This file looks like a Windows program, not a PDF"))
    ).to_be_visible()
    expect(page.get_by_label("Title")).to_have_value(TITLE)
    expect(page.get_by_label("Summary")).to_have_value(SUMMARY)
    expect(page.get_by_label("Duration (minutes)")).to_have_value("45")
    shot(page, "refused-upload")
    assert not ResourcePage.objects.filter(title=TITLE).exists()
