"""ISCED 2011 levels of education (UNESCO), the controlled vocabulary for levels."""

from django.utils.translation import gettext_lazy as _

ISCED_LEVELS = [
    (0, _("ISCED 0: Early childhood education")),
    (1, _("ISCED 1: Primary education")),
    (2, _("ISCED 2: Lower secondary education")),
    (3, _("ISCED 3: Upper secondary education")),
    (4, _("ISCED 4: Post-secondary non-tertiary education")),
    (5, _("ISCED 5: Short-cycle tertiary education")),
    (6, _("ISCED 6: Bachelor's or equivalent level")),
    (7, _("ISCED 7: Master's or equivalent level")),
    (8, _("ISCED 8: Doctoral or equivalent level")),
]
ISCED_NAMES = dict(ISCED_LEVELS)
