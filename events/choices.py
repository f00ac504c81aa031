"""The enumerations of events: what kind of event, and where a registration stands."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class EventKind(models.TextChoices):
    COMMUNITY_MEETING = "community_meeting", _("Community meeting")
    PROJECT_MEETING = "project_meeting", _("Transnational project meeting")
    TRAINING = "training", _("Training activity")
    # Includes the Erasmus+ KA1 workshop of the Facilitator Curriculum.
    WORKSHOP = "workshop", _("Workshop")
    CONFERENCE = "conference", _("Conference")
    WEBINAR = "webinar", _("Webinar")


class RegistrationStatus(models.TextChoices):
    REGISTERED = "registered", _("Registered")
    WAITING = "waiting", _("On the waiting list")
    CANCELLED = "cancelled", _("Cancelled")
    ATTENDED = "attended", _("Attended")


# Registrations that hold a place.
HOLDS_A_PLACE = (RegistrationStatus.REGISTERED, RegistrationStatus.ATTENDED)
