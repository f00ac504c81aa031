from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HomeConfig(AppConfig):
    """The site's own pages (home, standard pages), base templates, navigation tags and styles."""

    name = "home"
    verbose_name = _("Site pages")
