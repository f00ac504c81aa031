"""The licences a material can carry, stored as their canonical URI.

What a licence permits (adaptation, share-alike) is decided here, once, so
that "Adapt this resource", the JSON-LD and the search facets agree.
"""

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

ALL_RIGHTS_RESERVED = "urn:kollega:all-rights-reserved"


@dataclass(frozen=True)
class Licence:
    uri: str
    code: str
    label: str
    allows_derivatives: bool
    share_alike: bool
    commercial: bool


LICENCES = [
    Licence(
        "https://creativecommons.org/publicdomain/zero/1.0/",
        "CC0-1.0",
        _("CC0 1.0 (public domain dedication)"),
        True,
        False,
        True,
    ),
    Licence(
        "https://creativecommons.org/licenses/by/4.0/", "CC-BY-4.0", _("CC BY 4.0 (attribution)"), True, False, True
    ),
    Licence(
        "https://creativecommons.org/licenses/by-sa/4.0/",
        "CC-BY-SA-4.0",
        _("CC BY-SA 4.0 (attribution, share alike)"),
        True,
        True,
        True,
    ),
    Licence(
        "https://creativecommons.org/licenses/by-nc/4.0/",
        "CC-BY-NC-4.0",
        _("CC BY-NC 4.0 (attribution, non-commercial)"),
        True,
        False,
        False,
    ),
    Licence(
        "https://creativecommons.org/licenses/by-nc-sa/4.0/",
        "CC-BY-NC-SA-4.0",
        _("CC BY-NC-SA 4.0 (attribution, non-commercial, share alike)"),
        True,
        True,
        False,
    ),
    Licence(
        "https://creativecommons.org/licenses/by-nd/4.0/",
        "CC-BY-ND-4.0",
        _("CC BY-ND 4.0 (attribution, no derivatives)"),
        False,
        False,
        True,
    ),
    Licence(
        "https://creativecommons.org/licenses/by-nc-nd/4.0/",
        "CC-BY-NC-ND-4.0",
        _("CC BY-NC-ND 4.0 (attribution, non-commercial, no derivatives)"),
        False,
        False,
        False,
    ),
    Licence(ALL_RIGHTS_RESERVED, "ARR", _("All rights reserved"), False, False, False),
]

BY_URI = {licence.uri: licence for licence in LICENCES}
BY_CODE = {licence.code.lower(): licence for licence in LICENCES}
LICENCE_CHOICES = [(licence.uri, licence.label) for licence in LICENCES]
DEFAULT_LICENCE = "https://creativecommons.org/licenses/by/4.0/"


def get_licence(value):
    """Return the Licence for a URI or an SPDX-style code ("CC-BY-SA-4.0"), or None."""
    if not value:
        return None
    value = value.strip()
    if value in BY_URI:
        return BY_URI[value]
    if not value.endswith("/") and value + "/" in BY_URI:
        return BY_URI[value + "/"]
    return BY_CODE.get(value.lower())
