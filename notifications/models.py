"""Follows, notifications and each person's choice about the weekly digest.

A notification stores what happened (its kind) and what it points at (ids),
never a sentence: the text is written when it is shown, in the reader's
language, and whether the reader may still see the page or person it names
is asked again every time it is listed (communities.privacy).
"""

from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .choices import NotificationKind


class FollowQuerySet(models.QuerySet):
    def of_page(self, page):
        """Follows of a community or project, in any of its translations."""
        return self.filter(page__translation_key=page.translation_key)

    def of_person(self, person):
        return self.filter(person=person)


class Follow(models.Model):
    """A person follows another person, or a community or project page (all its translations)."""

    follower = models.ForeignKey(
        "communities.Person", on_delete=models.CASCADE, related_name="follows", verbose_name=_("follower")
    )
    person = models.ForeignKey(
        "communities.Person",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="followers",
        verbose_name=_("person followed"),
    )
    page = models.ForeignKey(
        "wagtailcore.Page",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("community or project followed"),
    )
    created_at = models.DateTimeField(default=timezone.now)

    objects = FollowQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["follower", "person"], condition=Q(person__isnull=False), name="follow_person_once"
            ),
            models.UniqueConstraint(
                fields=["follower", "page"], condition=Q(page__isnull=False), name="follow_page_once"
            ),
            models.CheckConstraint(
                condition=Q(person__isnull=True, page__isnull=False) | Q(person__isnull=False, page__isnull=True),
                name="follow_one_thing",
            ),
        ]
        verbose_name = _("follow")
        verbose_name_plural = _("follows")

    def __str__(self):
        return f"{self.follower_id} follows {self.person_id or self.page_id}"


class NotificationQuerySet(models.QuerySet):
    def unread(self):
        return self.filter(read_at__isnull=True)

    def not_emailed(self):
        return self.filter(emailed_in_digest__isnull=True)


class Notification(models.Model):
    recipient = models.ForeignKey(
        "communities.Person", on_delete=models.CASCADE, related_name="notifications", verbose_name=_("recipient")
    )
    kind = models.CharField(_("kind"), max_length=32, choices=NotificationKind.choices)
    actor = models.ForeignKey(
        "communities.Person",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("who did it"),
    )
    # What the notification opens (a material, a community) ...
    target = models.ForeignKey(
        "wagtailcore.Page", null=True, blank=True, on_delete=models.CASCADE, related_name="+", verbose_name=_("page")
    )
    # ... and where it happened (the community of a discussion or a material, a project).
    place = models.ForeignKey(
        "wagtailcore.Page", null=True, blank=True, on_delete=models.CASCADE, related_name="+", verbose_name=_("where")
    )
    # A page of the site that is not a Wagtail page (a conversation, a thread), as a path; shown under the
    # reader's language prefix (django.urls.translate_url).
    url = models.CharField(_("link"), max_length=300, blank=True)
    created_at = models.DateTimeField(default=timezone.now, db_index=True)
    read_at = models.DateTimeField(null=True, blank=True)
    emailed_in_digest = models.DateTimeField(null=True, blank=True)

    objects = NotificationQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["recipient", "read_at"], name="notification_unread")]
        verbose_name = _("notification")
        verbose_name_plural = _("notifications")

    def __str__(self):
        return f"{self.kind} for {self.recipient_id}"


class NotificationSettings(models.Model):
    """A person's choices about notifications; no row means the defaults."""

    person = models.OneToOneField("communities.Person", on_delete=models.CASCADE, related_name="notification_settings")
    weekly_digest = models.BooleanField(_("Send me the weekly digest by e-mail"), default=True)

    class Meta:
        verbose_name = _("notification settings")
        verbose_name_plural = _("notification settings")

    def __str__(self):
        return f"Notification settings of {self.person_id}"
