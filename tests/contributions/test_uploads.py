"""Archives are refused when they hold programs at any depth and by any spelling, and every file is served
as a download that a browser will not run."""

import io
import zipfile

import pytest
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from wagtail.documents import get_document_model

from contributions import uploads
from contributions.uploads import as_bytes_io, check_upload
from resources.models import ResourceAttachment, ResourcePage
from tests import factories as f

from .test_contribute import PDF, WINDOWS_PROGRAM, form_data

pytestmark = pytest.mark.django_db


def zip_of(entries, **options):
    """A zip archive of {name: bytes}."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED, **options) as archive:
        for name, data in entries.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def refusal(data, name="materials.zip"):
    try:
        check_upload(as_bytes_io(data, name))
    except ValidationError as error:
        return error.code
    return None


@pytest.mark.parametrize(
    "program",
    [
        "setup.exe.",
        "setup.exe ",
        "setup.exe. . ",
        "SETUP.EXE",
        "Setup.Exe",
        "lessons/setup.exe.",
        "setup.exe:Zone.Identifier",
        "notes.txt:run.exe",
        "setup.exe::$DATA",
        "tools\\setup.exe",
        "worksheet.hta",
        "disk.iso",
        "disk.img",
        "disk.vhdx",
        "Player.app/Contents/Info.plist",
        "setup.ｅｘｅ",
        "marks.xlsm",
        "shortcut.url",
    ],
)
def test_an_archive_holding_a_program_by_any_spelling_is_refused(program):
    assert refusal(zip_of({"worksheet.pdf": PDF, program: b"harmless bytes"})) == "program_in_archive"


def test_a_program_hidden_in_an_archive_inside_an_archive_is_refused():
    inner = zip_of({"setup.exe": WINDOWS_PROGRAM})
    assert refusal(zip_of({"worksheet.pdf": PDF, "extras.zip": inner})) == "program_in_archive"
    # Renamed, so that neither name says "zip" nor "exe".
    deeper = zip_of(
        {"readme.txt": b"read me", "data.bin": zip_of({"more.dat": zip_of({"notes.txt": WINDOWS_PROGRAM})})}
    )
    assert refusal(zip_of({"worksheet.pdf": PDF, "images.dat": deeper})) == "program_in_archive"


def test_a_program_renamed_to_a_document_inside_an_archive_is_refused():
    assert refusal(zip_of({"worksheet.pdf": WINDOWS_PROGRAM})) == "program_in_archive"


def test_archives_nested_beyond_the_bound_are_refused():
    data = zip_of({"worksheet.pdf": PDF})
    for level in range(uploads.MAX_ARCHIVE_DEPTH):
        data = zip_of({f"level{level}.zip": data})
    assert refusal(data) == "archive_too_deep"


def test_a_nested_zip_bomb_is_refused_by_what_all_levels_unpack_to(settings, monkeypatch):
    monkeypatch.setattr(uploads, "MAX_UNPACKED_BYTES", 1_000_000)
    inner = zip_of({"zeros.txt": b"0" * 900_000})
    assert refusal(zip_of({"a.zip": inner, "b.zip": inner})) == "zip_bomb"


def test_an_encrypted_entry_cannot_be_checked_and_is_refused():
    data = bytearray(zip_of({"inner.zip": zip_of({"setup.exe": WINDOWS_PROGRAM})}))
    # Set the "encrypted" flag of the entry in its local header and in the central directory.
    for signature, offset in ((b"PK\x03\x04", 6), (b"PK\x01\x02", 8)):
        at = data.index(signature)
        data[at + offset] |= 0x1
    assert refusal(bytes(data)) == "encrypted_archive"


def test_ordinary_archives_and_office_files_are_still_accepted():
    nested = zip_of(
        {"week1/worksheet.pdf": PDF, "week1/notes.txt": b"Bring scissors.", "older.zip": zip_of({"answers.pdf": PDF})}
    )
    assert refusal(nested) is None
    docx = zip_of(
        {
            "[Content_Types].xml": "<Types/>",
            "word/document.xml": "<document/>",
            "word/embeddings/table.xlsx": zip_of({"[Content_Types].xml": "<Types/>", "xl/workbook.xml": "<workbook/>"}),
        }
    )
    assert refusal(docx, "lesson.docx") is None
    # Names that only look alike are fine.
    assert refusal(zip_of({"exercise.pdf": PDF, "examples.txt": b"x", "notes.exe.txt": b"x"})) is None


def test_the_form_refuses_an_archive_with_a_program_behind_a_trailing_dot(client):
    f.resource_index("en")
    community = f.community("Baltic Science Teachers")
    teacher = f.person("Ana Teacher")
    f.join(teacher, community)
    client.force_login(teacher.user)
    upload = SimpleUploadedFile("materials.zip", zip_of({"setup.exe.": WINDOWS_PROGRAM}))
    response = client.post("/en/contribute/", {**form_data(community), "files": [upload]})
    assert response.status_code == 200
    assert "contains programs" in response.content.decode()
    assert not ResourcePage.objects.filter(title="Water cycle in a jar").exists()


POLYGLOT = b"%PDF-1.4\n<html><script>alert(document.cookie)</script></html>\n%%EOF\n"


@pytest.mark.parametrize(
    "name, content",
    [
        ("worksheet.pdf", POLYGLOT),
        ("notes.txt", b"<html>hi</html>"),
        ("picture.png", b"\x89PNG\r\n\x1a\n<svg onload=alert(1)>"),
    ],
)
def test_every_file_is_served_as_a_download_the_browser_must_not_sniff(client, name, content):
    page = f.resource("Lantern worksheet")
    document = get_document_model().objects.create(title=name, file=ContentFile(content, name=name))
    ResourceAttachment.objects.create(page=page, document=document)

    response = client.get(document.url)
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment")
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "default-src 'none'" in response["Content-Security-Policy"]


def test_nginx_serves_no_document_and_every_uploaded_image_as_a_download():
    """Production: nginx serves only images from /media/, each as an attachment with nosniff; documents only
    through Wagtail's view (the privacy check above)."""
    import re
    from pathlib import Path

    conf = (Path(__file__).resolve().parents[2] / "deploy" / "nginx.conf").read_text()
    blocks = dict(re.findall(r"location (/media/\S*) \{(.*?)\}", conf, flags=re.S))
    assert "return 404" in blocks.pop("/media/")
    assert blocks and all(path.endswith("images/") for path in blocks), sorted(blocks)
    for path, body in blocks.items():
        assert "add_header X-Content-Type-Options nosniff;" in body, path
        assert "add_header Content-Disposition attachment;" in body, path
