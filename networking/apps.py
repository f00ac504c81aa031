"""Networking: the evidence that passive networking works (the Networking report in the admin)."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NetworkingConfig(AppConfig):
    name = "networking"
    verbose_name = _("Networking")
    default_auto_field = "django.db.models.BigAutoField"
