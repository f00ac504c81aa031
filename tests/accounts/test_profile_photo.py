"""The profile photo: uploaded in the profile editor, made small and stripped of its EXIF data.

What the teacher notices: the photo appears on their profile, a phone photo shows upright and
without the place it was taken, a file that is not a photo is refused with a clear reason and
everything else they typed stays, and deleting the account takes the photo with it.
"""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings
from django.utils import translation
from PIL import Image as PILImage
from wagtail.admin.localization import get_available_admin_languages
from wagtail.images import get_image_model
from wagtail.users.models import UserProfile

from accounts.services import create_account
from core.mail import preferred_language
from tests import factories as f
from tests.accounts.test_profile_and_data import profile_data
from vocabularies.models import Language

pytestmark = pytest.mark.django_db
PROFILE = "/en/account/profile/"
GPS_IFD = 0x8825
ORIENTATION = 0x0112
MAKE = 0x010F


def phone_photo(width=3000, height=2000, fmt="JPEG"):
    """A landscape picture whose EXIF says: rotate 90° to show it, taken at a place, with a camera."""
    picture = PILImage.new("RGB", (width, height), (200, 30, 30))
    # The left half blue: after turning upright, blue must be on top.
    picture.paste((30, 30, 200), (0, 0, width // 2, height))
    exif = PILImage.Exif()
    exif[ORIENTATION] = 6  # the camera was held upright: turn 90° clockwise to view
    exif[MAKE] = "PhoneMaker"
    exif.get_ifd(GPS_IFD).update({1: "N", 2: (59.0, 19.0, 48.0), 3: "E", 4: (18.0, 4.0, 7.0)})
    out = io.BytesIO()
    picture.save(out, format=fmt, exif=exif.tobytes(), quality=90)
    return SimpleUploadedFile("IMG_2024.jpg", out.getvalue(), content_type="image/jpeg")


def stored(person):
    person.refresh_from_db()
    with person.photo.open_file() as fh:
        return fh.read()


def test_an_uploaded_photo_is_resized_upright_and_without_exif_and_shows_on_the_profile(client):
    teacher = f.person("Greta Garden", discoverability="europe")
    client.force_login(teacher.user)
    response = client.post(PROFILE, {**profile_data(teacher), "photo_upload": phone_photo()})
    assert response.status_code == 302

    data = stored(teacher)
    with PILImage.open(io.BytesIO(data)) as picture:
        assert picture.format == "JPEG"
        # Turned upright (portrait) and no longer side than the setting.
        assert picture.size == (533, 800)
        assert not picture.getexif()
        assert "exif" not in picture.info
        top, bottom = picture.getpixel((266, 10)), picture.getpixel((266, 790))
        assert top[2] > 150 and top[0] < 100, top  # blue on top: the orientation was applied
        assert bottom[0] > 150, bottom
    assert b"PhoneMaker" not in data
    # The file's name says nothing about the person.
    assert "greta" not in teacher.photo.file.name.lower()
    assert teacher.photo.collection.name == "Profile photos"

    client.logout()
    html = client.get(teacher.get_absolute_url()).content.decode()
    assert 'class="person__photo"' in html


def test_a_file_that_is_not_a_photo_is_refused_clearly_and_the_typed_profile_stays(client):
    teacher = f.person("Greta Garden", discoverability="nobody")
    client.force_login(teacher.user)
    fake = SimpleUploadedFile("me.jpg", b"%PDF-1.4 this is not a picture", content_type="image/jpeg")
    response = client.post(
        PROFILE, {**profile_data(teacher, school="Ekskolan", bio="I teach biology."), "photo_upload": fake}
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert "This file is not a photo we can use. Choose a JPEG, PNG, WebP or GIF picture." in html
    # The error summary at the top links to the field.
    assert 'class="error-summary"' in html and 'href="#id_photo_upload"' in html
    # What was typed comes back; nothing is saved until the form is right.
    assert 'value="Ekskolan"' in html and "I teach biology." in html
    teacher.refresh_from_db()
    assert teacher.school == "" and teacher.photo is None
    assert not get_image_model().objects.exists()


@override_settings(KOLLEGA_PROFILE_PHOTO_MAX_BYTES=10_000)
def test_a_photo_too_large_is_refused_with_the_limit(client):
    teacher = f.person(discoverability="nobody")
    client.force_login(teacher.user)
    response = client.post(PROFILE, {**profile_data(teacher), "photo_upload": phone_photo(1200, 900)})
    html = response.content.decode()
    assert response.status_code == 200
    assert "a profile photo can be at most 9.8\xa0KB" in html
    assert not get_image_model().objects.exists()


def test_a_new_photo_replaces_the_old_one_and_removing_deletes_it(client):
    teacher = f.person(discoverability="nobody")
    client.force_login(teacher.user)
    client.post(PROFILE, {**profile_data(teacher), "photo_upload": phone_photo(400, 300)})
    first = stored(teacher) and teacher.photo
    client.post(PROFILE, {**profile_data(teacher), "photo_upload": phone_photo(500, 300, fmt="PNG")})
    teacher.refresh_from_db()
    assert teacher.photo.pk != first.pk
    assert list(get_image_model().objects.values_list("pk", flat=True)) == [teacher.photo.pk]

    assert "Remove my photo" in client.get(PROFILE).content.decode()
    client.post(PROFILE, {**profile_data(teacher), "remove_photo": "on"})
    teacher.refresh_from_db()
    assert teacher.photo is None
    assert not get_image_model().objects.exists()


def test_deleting_the_account_deletes_the_photo_and_its_file(client, django_capture_on_commit_callbacks):
    teacher = f.person(discoverability="europe")
    client.force_login(teacher.user)
    client.post(PROFILE, {**profile_data(teacher), "photo_upload": phone_photo(400, 300)})
    teacher.refresh_from_db()
    storage, name = teacher.photo.file.storage, teacher.photo.file.name
    assert storage.exists(name)
    # Wagtail removes the file once the deletion is committed.
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/en/account/delete/", {"password": "pw-kollega-1"})
    assert response.status_code == 200
    assert not get_image_model().objects.exists()
    assert not storage.exists(name)


def test_a_private_persons_photo_is_not_shown_to_visitors(client):
    teacher = f.person(discoverability="nobody")
    client.force_login(teacher.user)
    client.post(PROFILE, {**profile_data(teacher), "photo_upload": phone_photo(400, 300)})
    client.logout()
    assert client.get(teacher.get_absolute_url()).status_code == 404


# -- The admin's language follows the profile ------------------------------------------------


def test_saving_the_profile_sets_the_admin_language_from_the_languages_spoken(client):
    teacher = f.person(discoverability="nobody")
    client.force_login(teacher.user)
    swedish = Language.objects.get_or_create(code="sv")[0]
    client.post(PROFILE, {**profile_data(teacher), "languages": [swedish.pk]})
    assert UserProfile.get_for_user(teacher.user).preferred_language == "sv"


def test_signing_up_in_portuguese_makes_the_admin_european_portuguese(client):
    with translation.override("pt"):
        user, person = create_account(
            email="ana@example.org", password="x-long-pass-1", display_name="Ana", active=True
        )
    profile = UserProfile.get_for_user(user)
    assert profile.preferred_language == "pt-pt"
    # Wagtail's admin offers it, and the site's own e-mails still read it as Portuguese.
    assert "pt-pt" in dict(get_available_admin_languages())
    assert preferred_language(user) == "pt"
