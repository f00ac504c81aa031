"""Saved self-assessments: each attempt is kept, so a school sees how it moves."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from .questionnaire import AREAS_BY_CODE


class SelfAssessment(models.Model):
    person = models.ForeignKey(
        "communities.Person",
        on_delete=models.CASCADE,
        related_name="self_assessments",
        verbose_name=_("person"),
    )
    school = models.CharField(_("school"), max_length=200, blank=True)
    answers = models.JSONField(_("answers"), default=dict)
    scores = models.JSONField(_("scores per area"), default=dict)
    created_at = models.DateTimeField(_("taken on"), auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("self-assessment")
        verbose_name_plural = _("self-assessments")

    def __str__(self):
        return f"{self.school or self.person} ({self.created_at:%Y-%m-%d})"

    def score_rows(self):
        return [(AREAS_BY_CODE[code], score) for code, score in self.scores.items() if code in AREAS_BY_CODE]
