"""The weekly digest: suggested colleagues and new work related to a teacher's own, by e-mail."""

import logging
from datetime import timedelta

from django.conf import settings
from django.utils import timezone, translation

from communities.models import Person
from core.mail import enqueue_email, recipient_language, render_email

from . import services

logger = logging.getLogger(__name__)


def digest_language(person):
    """The person's language for e-mail (core.mail), else the site's default."""
    return recipient_language(person, default=settings.LANGUAGE_CODE)


def build_digest(person, since, limit=5):
    """(subject, text, html) for one person, or None when there is nothing new to tell."""
    user = person.user
    language = digest_language(person)
    with translation.override(language):
        colleagues = services.related_people(person, viewer=user, limit=limit)
        materials = [
            s
            for s in services.related_resources(person, viewer=user, limit=limit * 3)
            if s.object.first_published_at and s.object.first_published_at >= since
        ][:limit]
        if not colleagues and not materials:
            return None
    context = {"person": person, "colleagues": colleagues, "materials": materials, "language": language}
    return render_email("recommender/emails/digest", context, language)


def send_digests(days=7, dry_run=False, stdout=None):
    since = timezone.now() - timedelta(days=days)
    sent = skipped = failed = 0
    people = (
        Person.objects.filter(user__isnull=False, user__is_active=True).exclude(user__email="").select_related("user")
    )
    for person in people.iterator():
        try:
            digest = build_digest(person, since)
        except Exception:
            logger.exception("Digest for person %s failed", person.pk)
            failed += 1
            continue
        if digest is None:
            skipped += 1
            continue
        subject, text, html = digest
        if not dry_run:
            enqueue_email(subject, text, [person.user.email], html=html)
        sent += 1
    return {"sent": sent, "skipped": skipped, "failed": failed}
