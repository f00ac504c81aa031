"""Profile photos: checked, turned upright, resized and re-encoded without their metadata.

A phone photo carries EXIF data (often the place it was taken, the camera, the time). The
upload is decoded by Pillow, turned by its orientation tag, scaled down to at most
KOLLEGA_PROFILE_PHOTO_SIZE pixels on its longer side and written anew as a JPEG: nothing but
the pixels survives. The result is a Wagtail image in its own collection ("Profile photos"),
under a random file name, so that a photo's address says nothing about its owner. It is shown
only where the person is (communities.privacy decides: the person page), and it is deleted
when it is replaced or removed and when the account is deleted.
"""

import io
import secrets

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _
from PIL import Image as PILImage
from PIL import ImageOps, UnidentifiedImageError
from wagtail.images import get_image_model
from wagtail.models import Collection

ACCEPTED_FORMATS = {"JPEG", "PNG", "WEBP", "GIF"}
COLLECTION_NAME = "Profile photos"
# A larger picture is refused before it is decoded (a "decompression bomb" would fill the memory).
MAX_PIXELS = 40_000_000


def max_bytes():
    return settings.KOLLEGA_PROFILE_PHOTO_MAX_BYTES


def _refused():
    return ValidationError(
        _("This file is not a photo we can use. Choose a JPEG, PNG, WebP or GIF picture."), code="invalid_photo"
    )


def clean_photo(upload):
    """The upload as a small, upright JPEG without metadata (bytes), or a ValidationError saying why not."""
    if upload.size > max_bytes():
        raise ValidationError(
            _("This photo is %(size)s; a profile photo can be at most %(limit)s.")
            % {"size": filesizeformat(upload.size), "limit": filesizeformat(max_bytes())},
            code="photo_too_large",
        )
    try:
        upload.seek(0)
        with PILImage.open(upload) as picture:
            if picture.format not in ACCEPTED_FORMATS:
                raise _refused()
            if picture.width * picture.height > MAX_PIXELS:
                raise _refused()
            picture.load()
            picture = ImageOps.exif_transpose(picture)
            if picture.mode in ("RGBA", "LA", "P"):
                # Transparent parts become white, as on the page.
                picture = picture.convert("RGBA")
                background = PILImage.new("RGB", picture.size, "white")
                background.paste(picture, mask=picture.getchannel("A"))
                picture = background
            else:
                picture = picture.convert("RGB")
            side = settings.KOLLEGA_PROFILE_PHOTO_SIZE
            picture.thumbnail((side, side), PILImage.Resampling.LANCZOS)
            out = io.BytesIO()
            # No exif=, icc_profile= or comment: Pillow writes none of them unless told to.
            picture.save(out, format="JPEG", quality=85, optimize=True)
    except (UnidentifiedImageError, OSError, ValueError, PILImage.DecompressionBombError, SyntaxError):
        raise _refused() from None
    return out.getvalue()


def photo_collection():
    root = Collection.get_first_root_node()
    existing = root.get_children().filter(name=COLLECTION_NAME).first()
    return existing or root.add_child(name=COLLECTION_NAME)


def store_photo(person, jpeg_bytes):
    """Make `jpeg_bytes` the person's photo; the previous one is deleted."""
    previous = person.photo
    image = get_image_model()(
        title=f"Profile photo {person.pk}",
        collection=photo_collection(),
        file=ContentFile(jpeg_bytes, name=f"profile-{secrets.token_hex(12)}.jpg"),
    )
    image._set_image_file_metadata()
    image.save()
    person.photo = image
    person.save(update_fields=["photo", "updated_at"])
    if previous is not None:
        delete_photo_image(previous)
    return image


def remove_photo(person):
    previous = person.photo
    person.photo = None
    person.save(update_fields=["photo", "updated_at"])
    if previous is not None:
        delete_photo_image(previous)


def delete_photo_image(image):
    """Delete the image and its renditions; Wagtail's signal handlers remove their files."""
    image.delete()
