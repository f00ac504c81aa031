"""The weekly digest: notifications not seen yet, suggested colleagues and new work related to a teacher's own.

Nobody who turned the digest off (notifications' settings, or the one-click link in every digest)
gets one.
"""

import logging
from datetime import timedelta

from django.conf import settings
from django.utils import timezone, translation

from communities.models import Person
from core.mail import enqueue_email, recipient_language, render_email
from notifications import services as notifications

from . import services

logger = logging.getLogger(__name__)


def digest_language(person):
    """The person's language for e-mail (core.mail), else the site's default."""
    return recipient_language(person, default=settings.LANGUAGE_CODE)


def build_digest(person, since, limit=5, unseen=None):
    """(subject, text, html) for one person, or None when there is nothing new to tell.

    `unseen` (a list) receives the notifications the digest tells of, for send_digests to mark.
    """
    user = person.user
    language = digest_language(person)
    with translation.override(language):
        shown = list(notifications.unseen_for_digest(person, limit=limit * 2))
        news = notifications.present(shown, user, absolute=True)
        colleagues = services.related_people(person, viewer=user, limit=limit)
        materials = [
            s
            for s in services.related_resources(person, viewer=user, limit=limit * 3)
            if s.object.first_published_at and s.object.first_published_at >= since
        ][:limit]
        if not colleagues and not materials and not news:
            return None
    if unseen is not None:
        unseen.extend(shown)
    context = {
        "person": person,
        "news": news,
        "colleagues": colleagues,
        "materials": materials,
        "language": language,
        "centre_url": notifications.centre_url(language),
        "unsubscribe_url": notifications.unsubscribe_url(person, language),
    }
    return render_email("recommender/emails/digest", context, language)


def send_digests(days=7, dry_run=False, stdout=None):
    since = timezone.now() - timedelta(days=days)
    sent = skipped = failed = 0
    people = (
        Person.objects.filter(user__isnull=False, user__is_active=True)
        .exclude(user__email="")
        .exclude(pk__in=notifications.digest_opt_outs())
        .select_related("user")
    )
    for person in people.iterator():
        unseen = []
        try:
            digest = build_digest(person, since, unseen=unseen)
        except Exception:
            logger.exception("Digest for person %s failed", person.pk)
            failed += 1
            continue
        if digest is None:
            skipped += 1
            continue
        subject, text, html = digest
        if not dry_run:
            unsubscribe = notifications.unsubscribe_url(person, digest_language(person))
            enqueue_email(
                subject,
                text,
                [person.user.email],
                html=html,
                # RFC 8058: mail clients offer their own one-click "unsubscribe" (a POST to the link).
                headers={"List-Unsubscribe": f"<{unsubscribe}>", "List-Unsubscribe-Post": "List-Unsubscribe=One-Click"},
            )
            notifications.mark_emailed(unseen)
        sent += 1
    return {"sent": sent, "skipped": skipped, "failed": failed}
