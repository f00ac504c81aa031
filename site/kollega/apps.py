from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class KollegaConfig(AppConfig):
    """The project shell. Its label is "site" so that page types read site.HomePage."""

    name = "kollega"
    label = "site"
    verbose_name = _("Site")
