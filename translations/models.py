"""Readers' requests for a page in their language, and the permission to see the status report."""

from django.conf import settings
from django.db import models
from django.db.models import Count, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class TranslationRequestQuerySet(models.QuerySet):
    def open(self):
        return self.filter(fulfilled_at__isnull=True)

    def demand(self):
        """Open requests counted per translation group and locale: {(translation_key, locale_id): n}."""
        rows = self.open().values("translation_key", "locale_id").annotate(n=Count("pk"))
        return {(row["translation_key"], row["locale_id"]): row["n"] for row in rows}

    def matching(self, page):
        """Open requests that a published page in this locale answers."""
        return self.open().filter(translation_key=page.translation_key, locale_id=page.locale_id)


class TranslationRequest(models.Model):
    """A signed-in reader asks for a page (a whole translation group) in one locale.

    The request names the translation group, not one page, so that it is
    answered whichever language the translation is made from.
    """

    translation_key = models.UUIDField(_("translation group"), db_index=True)
    source_page = models.ForeignKey(
        "wagtailcore.Page",
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("page asked from"),
    )
    locale = models.ForeignKey(
        "wagtailcore.Locale", on_delete=models.CASCADE, related_name="+", verbose_name=_("language")
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="translation_requests",
        verbose_name=_("reader"),
    )
    created_at = models.DateTimeField(_("asked on"), default=timezone.now)
    fulfilled_at = models.DateTimeField(_("fulfilled on"), null=True, blank=True)

    objects = TranslationRequestQuerySet.as_manager()

    class Meta:
        verbose_name = _("translation request")
        verbose_name_plural = _("translation requests")
        ordering = ["-created_at"]
        constraints = [
            # One open request per reader, page and language: asking twice adds no demand.
            models.UniqueConstraint(
                fields=["user", "translation_key", "locale"],
                condition=Q(fulfilled_at__isnull=True),
                name="one_open_translation_request_per_reader",
            ),
        ]
        permissions = [("view_translation_report", _("Can view the translation status report"))]

    def __str__(self):
        return f"{self.source_page} → {self.locale}"
