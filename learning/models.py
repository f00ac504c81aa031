"""Enrolments in a curriculum, cohorts led by a trainer, progress per unit, certificates.

Curricula and units are referred to by their translation key (one translation
group), never by a page of one language: a learner who switches language keeps
their progress, and a trainer reads the same table in any language.
"""

import uuid

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Cohort(models.Model):
    """A group following the curriculum together, led by a trainer; it meets in the trainer's community.

    A cohort may be the curriculum's KA1 workshop: then it has dates and a place.
    The workshop is an event (an EventPage of kind "workshop", where people
    register); linked to one, the cohort takes its dates and place from it.
    """

    # Any translation of the curriculum: cohorts match enrolments by its translation key.
    curriculum = models.ForeignKey(
        "resources.CurriculumPage", on_delete=models.CASCADE, related_name="+", verbose_name=_("curriculum")
    )
    name = models.CharField(_("name"), max_length=200)
    trainer = models.ForeignKey(
        "communities.Person",
        null=True,
        on_delete=models.SET_NULL,
        related_name="trained_cohorts",
        verbose_name=_("trainer"),
    )
    community = models.ForeignKey(
        "communities.CommunityPage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("community"),
    )
    language = models.CharField(_("language"), max_length=8, choices=settings.LANGUAGES)
    starts_on = models.DateField(_("start date"))
    is_workshop = models.BooleanField(_("offered as a workshop"), default=False)
    workshop_starts_on = models.DateField(_("workshop starts"), null=True, blank=True)
    workshop_ends_on = models.DateField(_("workshop ends"), null=True, blank=True)
    place = models.CharField(_("place"), max_length=300, blank=True)
    # A string reference, not an import: learning and events sit on one layer and never import each other.
    workshop_event = models.ForeignKey(
        "events.EventPage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="workshop_cohorts",
        limit_choices_to={"kind": "workshop"},
        verbose_name=_("workshop event"),
        help_text=_("The event where participants register for the workshop; its dates and place are the cohort's."),
    )
    created_at = models.DateTimeField(default=timezone.now, editable=False)

    class Meta:
        ordering = ["-starts_on", "pk"]
        verbose_name = _("cohort")
        verbose_name_plural = _("cohorts")

    def __str__(self):
        return self.name

    def clean(self):
        super().clean()
        if self.workshop_event_id and self.workshop_event.kind != "workshop":
            raise ValidationError({"workshop_event": _("Choose an event of the kind “Workshop”.")})

    def save(self, *args, **kwargs):
        if self.workshop_event_id:
            self.take_dates_from(self.workshop_event)
        super().save(*args, **kwargs)

    def take_dates_from(self, event):
        """The workshop's dates (in the event's time zone) and place are the event's."""
        self.is_workshop = True
        self.workshop_starts_on = event.start.astimezone(event.zone).date()
        self.workshop_ends_on = event.end.astimezone(event.zone).date()
        self.place = event.place or self.place

    @property
    def curriculum_key(self):
        return self.curriculum.translation_key


class Enrolment(models.Model):
    person = models.ForeignKey(
        "communities.Person", on_delete=models.CASCADE, related_name="enrolments", verbose_name=_("learner")
    )
    curriculum_key = models.UUIDField(_("curriculum"), db_index=True)
    cohort = models.ForeignKey(
        Cohort,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="enrolments",
        verbose_name=_("cohort"),
    )
    # The language the learner last worked in: their e-mails fall back to it.
    language = models.CharField(_("language"), max_length=8, choices=settings.LANGUAGES, default="en")
    started_at = models.DateTimeField(_("started"), default=timezone.now)
    completed_at = models.DateTimeField(_("completed"), null=True, blank=True)

    class Meta:
        ordering = ["started_at", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["person", "curriculum_key"], name="one_enrolment_per_curriculum")
        ]
        permissions = [("view_facilitators_report", _("Can see how many facilitators completed the curriculum"))]
        verbose_name = _("enrolment")
        verbose_name_plural = _("enrolments")

    def __str__(self):
        return f"{self.person} ({self.curriculum_key})"

    @property
    def trainer(self):
        return self.cohort.trainer if self.cohort_id else None


class ProgressStatus(models.TextChoices):
    DONE = "done", _("Done")
    SUBMITTED = "submitted", _("Waiting for review")
    ACCEPTED = "accepted", _("Accepted")
    SENT_BACK = "sent_back", _("Sent back")


# A unit counts as completed in these states.
COMPLETE = (ProgressStatus.DONE, ProgressStatus.ACCEPTED)


class UnitProgress(models.Model):
    enrolment = models.ForeignKey(Enrolment, on_delete=models.CASCADE, related_name="progress")
    unit_key = models.UUIDField(_("unit"), db_index=True)
    status = models.CharField(_("status"), max_length=16, choices=ProgressStatus.choices)
    reflection = models.TextField(_("reflection"), max_length=5000, blank=True)
    trainer_comment = models.TextField(_("trainer's comment"), max_length=5000, blank=True)
    reviewed_by = models.ForeignKey(
        "communities.Person", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now, editable=False)
    submitted_at = models.DateTimeField(null=True, blank=True)
    reviewed_at = models.DateTimeField(null=True, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["created_at", "pk"]
        constraints = [models.UniqueConstraint(fields=["enrolment", "unit_key"], name="one_progress_per_unit")]
        permissions = [("review_learning", _("Can review the reflections of learners without a cohort"))]
        verbose_name = _("unit progress")
        verbose_name_plural = _("unit progress")

    @property
    def is_complete(self):
        return self.status in COMPLETE


class Certificate(models.Model):
    """Issued when the learner asks for it after completing every unit. The public part is the uuid's page.

    The name is the learner's display name when they asked for it (their own
    action), kept so that the certificate does not change afterwards.
    """

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    enrolment = models.OneToOneField(Enrolment, on_delete=models.CASCADE, related_name="certificate")
    learner_name = models.CharField(_("name"), max_length=120)
    trainer_name = models.CharField(_("trainer"), max_length=120, blank=True)
    language = models.CharField(_("language"), max_length=8, choices=settings.LANGUAGES)
    issued_at = models.DateTimeField(_("issued"), default=timezone.now)

    class Meta:
        verbose_name = _("certificate")
        verbose_name_plural = _("certificates")

    def __str__(self):
        return f"{self.learner_name} ({self.issued_at:%Y-%m-%d})"
