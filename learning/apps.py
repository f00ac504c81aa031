"""Learning: the Facilitator Curriculum as a course (enrolment, progress, review, certificates)."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LearningConfig(AppConfig):
    name = "learning"
    verbose_name = _("Learning")

    def ready(self):
        from . import signals

        signals.connect()
