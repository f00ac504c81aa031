"""What happens when a page is published: readers who asked for it are told, translators are credited."""

import logging

from django.dispatch import receiver
from django.utils import timezone
from wagtail.signals import page_published

from core.mail import send_templated_email
from core.urls import absolute_url

from .models import TranslationRequest

logger = logging.getLogger(__name__)


@receiver(page_published)
def on_page_published(sender, instance, alias=False, **kwargs):
    page = instance.specific
    if not is_translation_published(page, alias):
        return
    credit_translators(page)
    notify_requesters(page)


def is_translation_published(page, alias=False):
    """Whether this publication puts a page of its own language live.

    Wagtail also sends page_published for every alias of a page it publishes
    (alias=True): an alias in another locale shows the source's text, so it
    answers no reader's request and credits nobody.
    """
    return not alias and not page.alias_of_id


def notify_requesters(page):
    """E-mail every reader whose open request this publication answers, in the language they asked for."""
    from communities.privacy import can_see_page

    requests = list(TranslationRequest.objects.matching(page).select_related("user", "locale"))
    for request in requests:
        user = request.user
        # A members-only translation is announced only to readers who may open it.
        if not user.is_active or not user.email or not can_see_page(user, page):
            continue
        try:
            send_fulfilled_email(request, page)
        except Exception:  # a broken template must never stop a publication (the mail server is the queue's job)
            logger.exception("Could not tell %s that %s is translated", user.pk, page.pk)
            continue
        request.fulfilled_at = timezone.now()
        request.save(update_fields=["fulfilled_at"])


def send_fulfilled_email(request, page):
    """Queued (core.mail), in the language the reader asked for."""
    context = {
        "user": request.user,
        "name": getattr(getattr(request.user, "person", None), "display_name", "") or request.user.get_username(),
        "page": page,
        "url": absolute_url(page),
        "language": request.locale.get_display_name(),
    }
    send_templated_email(
        "translations/emails/request_fulfilled", context, request.user, language=request.locale.language_code
    )


def credit_translators(page):
    """Credit as translators the people who translated the strings of a wagtail-localize translation.

    Contributors are synchronised from the source, but translator rows belong
    to the translation (ResourcePage.copy_child_relation keeps them), so a
    credit added here survives the next update from the source.
    """
    from wagtail_localize.models import StringTranslation, Translation

    from communities.models import Person
    from resources.models import ContributorRole, ResourceContributor, ResourcePage

    if not isinstance(page, ResourcePage):
        return
    if not Translation.objects.filter(
        source__object_id=page.translation_key, target_locale_id=page.locale_id, enabled=True
    ).exists():
        return
    user_ids = (
        StringTranslation.objects.filter(
            context__object_id=page.translation_key,
            locale_id=page.locale_id,
            translation_type=StringTranslation.TRANSLATION_TYPE_MANUAL,
            last_translated_by__isnull=False,
        )
        .values_list("last_translated_by", flat=True)
        .distinct()
    )
    credited = set(page.contributors.filter(role=ContributorRole.TRANSLATOR).values_list("person_id", flat=True))
    order = page.contributors.count()
    for person in Person.objects.filter(user_id__in=list(user_ids)).exclude(pk__in=credited).order_by("pk"):
        ResourceContributor.objects.create(page=page, person=person, role=ContributorRole.TRANSLATOR, sort_order=order)
        order += 1
