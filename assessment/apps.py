"""A school's self-assessment of its readiness for European projects (as in the BE+ partnership)."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AssessmentConfig(AppConfig):
    name = "assessment"
    verbose_name = _("Capacity self-assessment")
    default_auto_field = "django.db.models.BigAutoField"
