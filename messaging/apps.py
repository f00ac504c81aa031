"""Messaging: contact requests with the recipient's consent, then conversations between connected teachers."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MessagingConfig(AppConfig):
    name = "messaging"
    verbose_name = _("Messaging")

    def ready(self):
        from . import signals  # noqa: F401
