"""Threads, posts and reports. A thread belongs to a community in all its translations."""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class ThreadQuerySet(models.QuerySet):
    def of_community(self, community):
        # Members of any translation share one conversation.
        return self.filter(community__translation_key=community.translation_key)


class Thread(models.Model):
    community = models.ForeignKey(
        "communities.CommunityPage",
        on_delete=models.CASCADE,
        related_name="discussion_threads",
        verbose_name=_("community"),
    )
    title = models.CharField(_("title"), max_length=200)
    author = models.ForeignKey(
        "communities.Person",
        null=True,
        on_delete=models.SET_NULL,
        related_name="discussion_threads",
        verbose_name=_("started by"),
    )
    created_at = models.DateTimeField(default=timezone.now)
    last_activity_at = models.DateTimeField(default=timezone.now)

    objects = ThreadQuerySet.as_manager()

    class Meta:
        ordering = ["-last_activity_at"]
        verbose_name = _("discussion thread")
        verbose_name_plural = _("discussion threads")

    def __str__(self):
        return self.title


class Post(models.Model):
    """The first post of a thread opens it; the others are replies. Bodies are plain text, never HTML."""

    thread = models.ForeignKey(Thread, on_delete=models.CASCADE, related_name="posts", verbose_name=_("thread"))
    author = models.ForeignKey(
        "communities.Person",
        null=True,
        on_delete=models.SET_NULL,
        related_name="discussion_posts",
        verbose_name=_("author"),
    )
    body = models.TextField(_("message"), max_length=10000)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("post")
        verbose_name_plural = _("posts")

    def __str__(self):
        return f"{self.thread}: {self.body[:40]}"


class Report(models.Model):
    post = models.ForeignKey(Post, on_delete=models.CASCADE, related_name="reports", verbose_name=_("post"))
    reporter = models.ForeignKey(
        "communities.Person",
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("reported by"),
    )
    reason = models.TextField(_("reason"), max_length=2000, blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    resolved_at = models.DateTimeField(_("resolved at"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("report")
        verbose_name_plural = _("reports")

    def __str__(self):
        return f"Report on {self.post_id}"
