"""Contact requests, conversations, their participants and messages, blocks, reports and e-mail settings.

Everything is keyed by communities.Person, never by the user account: when an
account is deleted, the anonymised Person row stays, so a conversation stays
readable for the other side and the departed author shows as "Former member".
"""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from communities.choices import PersonPlace


class ContactSource(models.TextChoices):
    """Where a contact began: a suggestion (passive networking), a profile, or search (active)."""

    SUGGESTION = "suggestion", _("Suggestion")
    PROFILE = "profile", _("Profile")
    SEARCH = "search", _("Search")


class ContactStatus(models.TextChoices):
    PENDING = "pending", _("Waiting for an answer")
    ACCEPTED = "accepted", _("Accepted")
    DECLINED = "declined", _("Declined")
    # Replaced by a newer request of the same sender after the waiting time.
    EXPIRED = "expired", _("Expired")


class ContactRequest(models.Model):
    sender = models.ForeignKey(
        "communities.Person", on_delete=models.CASCADE, related_name="contact_requests_sent", verbose_name=_("from")
    )
    recipient = models.ForeignKey(
        "communities.Person", on_delete=models.CASCADE, related_name="contact_requests_received", verbose_name=_("to")
    )
    message = models.TextField(_("message"), max_length=1000)
    about = models.ForeignKey(
        "wagtailcore.Page",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("about"),
    )
    source = models.CharField(
        _("started from"), max_length=16, choices=ContactSource.choices, default=ContactSource.PROFILE
    )
    # Which suggestion (or search) the sender followed; empty when they came another way.
    place = models.CharField(_("suggested in"), max_length=16, choices=PersonPlace.choices, blank=True)
    status = models.CharField(_("status"), max_length=16, choices=ContactStatus.choices, default=ContactStatus.PENDING)
    created_at = models.DateTimeField(default=timezone.now, db_index=True)
    answered_at = models.DateTimeField(null=True, blank=True)
    conversation = models.ForeignKey(
        "Conversation", null=True, blank=True, on_delete=models.SET_NULL, related_name="contact_requests"
    )

    class Meta:
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["sender", "recipient", "-created_at"])]
        verbose_name = _("contact request")
        verbose_name_plural = _("contact requests")

    def __str__(self):
        return f"{self.sender_id} → {self.recipient_id} ({self.status})"


class Conversation(models.Model):
    created_at = models.DateTimeField(default=timezone.now)
    last_message_at = models.DateTimeField(default=timezone.now, db_index=True)

    class Meta:
        ordering = ["-last_message_at"]
        verbose_name = _("conversation")
        verbose_name_plural = _("conversations")

    def __str__(self):
        return f"Conversation {self.pk}"


class Participant(models.Model):
    conversation = models.ForeignKey(Conversation, on_delete=models.CASCADE, related_name="participants")
    person = models.ForeignKey("communities.Person", on_delete=models.CASCADE, related_name="conversation_seats")
    joined_at = models.DateTimeField(default=timezone.now)
    last_read_at = models.DateTimeField(null=True, blank=True)
    # The last e-mail about new messages in this thread (at most one an hour).
    last_notified_at = models.DateTimeField(null=True, blank=True)
    # Set when the person leaves, or when their account is deleted.
    left_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["conversation", "person"], name="one_seat_per_person")]

    def __str__(self):
        return f"{self.person_id} in {self.conversation_id}"


class Message(models.Model):
    """Plain text; shown escaped with its links made clickable, never as HTML."""

    conversation = models.ForeignKey(Conversation, on_delete=models.CASCADE, related_name="messages")
    sender = models.ForeignKey("communities.Person", on_delete=models.CASCADE, related_name="messages_sent")
    body = models.TextField(_("message"), max_length=5000)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("message")
        verbose_name_plural = _("messages")

    def __str__(self):
        return self.body[:40]


class Block(models.Model):
    blocker = models.ForeignKey("communities.Person", on_delete=models.CASCADE, related_name="blocks_made")
    blocked = models.ForeignKey("communities.Person", on_delete=models.CASCADE, related_name="blocks_received")
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["blocker", "blocked"], name="one_block_per_pair")]

    def __str__(self):
        return f"{self.blocker_id} blocks {self.blocked_id}"


class ContactReport(models.Model):
    reporter = models.ForeignKey(
        "communities.Person", null=True, on_delete=models.SET_NULL, related_name="contact_reports_made"
    )
    reported = models.ForeignKey("communities.Person", on_delete=models.CASCADE, related_name="contact_reports")
    reason = models.TextField(_("reason"), max_length=2000, blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("report")
        verbose_name_plural = _("reports")

    def __str__(self):
        return f"Report on {self.reported_id}"


class MessagingSettings(models.Model):
    """A person's choices about messaging; no row means the defaults."""

    person = models.OneToOneField("communities.Person", on_delete=models.CASCADE, related_name="messaging_settings")
    email_on_message = models.BooleanField(_("E-mail me when I get a new message"), default=True)

    class Meta:
        verbose_name = _("messaging settings")
        verbose_name_plural = _("messaging settings")

    def __str__(self):
        return f"Messaging settings of {self.person_id}"
