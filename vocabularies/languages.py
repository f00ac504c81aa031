"""Languages a material can be written in and a teacher can speak."""

from django.utils.translation import gettext_lazy as _

# The four site languages first; the rest are common in European classrooms.
LANGUAGE_CHOICES = [
    ("en", _("English")),
    ("sv", _("Swedish")),
    ("de", _("German")),
    ("pt", _("Portuguese")),
    ("fr", _("French")),
    ("es", _("Spanish")),
    ("it", _("Italian")),
    ("nl", _("Dutch")),
    ("pl", _("Polish")),
    ("fi", _("Finnish")),
    ("da", _("Danish")),
    ("no", _("Norwegian")),
]
LANGUAGE_NAMES = dict(LANGUAGE_CHOICES)
SITE_LANGUAGES = ("en", "sv", "de", "pt")
