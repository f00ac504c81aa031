"""The rules of getting in touch and writing to each other, apart from the views that show them.

Who may see whom is asked of communities.privacy, never decided here. E-mail
goes through core.mail.send_templated_email, in the recipient's language, and
never carries anyone's address: the other side is reached through the site.
"""

from datetime import timedelta

from django.db import transaction
from django.db.models import Count, F, OuterRef, Q, Subquery
from django.urls import reverse
from django.utils import timezone, translation

from communities.choices import PersonPlace
from communities.models import CommunityPage, Person
from communities.participation import editors
from communities.privacy import can_see_person, shared_community_keys, visible_pages
from core.mail import recipient_language, send_templated_email
from core.urls import absolute_url
from notifications.choices import NotificationKind
from notifications.services import mark_read_for_link, notify, path_for

from .models import (
    Block,
    ContactReport,
    ContactRequest,
    ContactSource,
    ContactStatus,
    Conversation,
    Message,
    MessagingSettings,
    Participant,
)

DAILY_REQUEST_LIMIT = 10
ASK_AGAIN_AFTER = timedelta(days=90)
NOTIFY_AT_MOST_EVERY = timedelta(hours=1)
MESSAGE_MIN_LENGTH = 20
MESSAGE_MAX_LENGTH = 1000
REPLY_MAX_LENGTH = 5000


class ContactRefused(Exception):
    """A request the rules do not allow; `reason` says which (for the sender's message)."""

    def __init__(self, reason):
        super().__init__(reason)
        self.reason = reason


def link_for(person, target):
    """The public URL of `target` (a path name and args, or an object) under the person's own language prefix."""
    with translation.override(recipient_language(person)):
        if isinstance(target, tuple):
            return absolute_url(reverse(target[0], args=target[1:]))
        return absolute_url(target)


# -- Who may be contacted ------------------------------------------------------------


def contactable(viewer, slug):
    """The person behind `slug` when the viewer may get in touch with them, else None (answered as 404).

    A person exists for this feature only when the privacy rule lets the viewer see
    them, they have an account and they are not a former member; one's own profile
    is not a person to write to either.
    """
    person = Person.objects.filter(slug=slug, user__isnull=False, anonymised_at__isnull=True).first()
    if person is None or not can_see_person(viewer, person):
        return None
    if getattr(viewer, "pk", None) == person.user_id:
        return None
    return person


def is_blocked(a, b):
    """Has either of the two blocked the other?"""
    return Block.objects.filter(Q(blocker=a, blocked=b) | Q(blocker=b, blocked=a)).exists()


def open_conversation_between(a, b):
    """The conversation in which both people still take part, or None."""
    mine = Participant.objects.filter(person=a, left_at__isnull=True).values("conversation")
    theirs = Participant.objects.filter(person=b, left_at__isnull=True).values("conversation")
    return Conversation.objects.filter(pk__in=mine).filter(pk__in=theirs).order_by("-last_message_at").first()


def waiting_request(sender, recipient, now=None):
    """The sender's request that still counts: pending, or declined (which looks pending) within 90 days."""
    now = now or timezone.now()
    return (
        ContactRequest.objects.filter(
            sender=sender,
            recipient=recipient,
            status__in=[ContactStatus.PENDING, ContactStatus.DECLINED],
            created_at__gt=now - ASK_AGAIN_AFTER,
        )
        .order_by("-created_at")
        .first()
    )


def requests_today(sender, now=None):
    now = now or timezone.now()
    return ContactRequest.objects.filter(sender=sender, created_at__gt=now - timedelta(days=1)).count()


def source_from(value):
    """Where a contact began, from the `via` parameter: a place (communities.choices.PersonPlace) or a source.

    Search results are active search; every other place is a suggestion (passive networking);
    anything else, hostile values included, is the profile.
    """
    place = PersonPlace.from_param(value)
    if place == PersonPlace.SEARCH:
        return ContactSource.SEARCH
    if place:
        return ContactSource.SUGGESTION
    return value if value in ContactSource.values else ContactSource.PROFILE


ABOUT_TYPES = ("resourcepage", "projectpage", "communitypage")


def about_pages(viewer, queryset):
    """Materials, projects and communities among `queryset` that the viewer may open."""
    return visible_pages(viewer, queryset.filter(content_type__model__in=ABOUT_TYPES))


def ask(sender, recipient, message, about=None, source=ContactSource.PROFILE, place="", now=None):
    """Send a contact request; raises ContactRefused("blocked" | "connected" | "waiting" | "limit")."""
    now = now or timezone.now()
    with transaction.atomic():
        # One sender's requests are decided one at a time, so that two tabs cannot pass the limit.
        Person.objects.select_for_update().filter(pk=sender.pk).first()
        if is_blocked(sender, recipient):
            raise ContactRefused("blocked")
        if open_conversation_between(sender, recipient) is not None:
            raise ContactRefused("connected")
        if waiting_request(sender, recipient, now) is not None:
            raise ContactRefused("waiting")
        if requests_today(sender, now) >= DAILY_REQUEST_LIMIT:
            raise ContactRefused("limit")
        ContactRequest.objects.filter(sender=sender, recipient=recipient, status=ContactStatus.PENDING).update(
            status=ContactStatus.EXPIRED
        )
        request = ContactRequest.objects.create(
            sender=sender,
            recipient=recipient,
            message=message,
            about=about,
            source=source,
            place=PersonPlace.from_param(place),
            created_at=now,
        )
    recipient_user = recipient.user
    send_templated_email(
        "messaging/emails/contact_request",
        {
            "request": request,
            "sender": sender,
            # Only a profile the recipient may open is linked; the name is the sender's to give.
            "sender_url": link_for(recipient, sender) if can_see_person(recipient_user, sender) else "",
            "about": about.specific if about is not None else None,
            "about_url": absolute_url(about) if about is not None else "",
            "request_url": link_for(recipient, ("messaging:request", request.pk)),
        },
        recipient,
    )
    notify(recipient, NotificationKind.CONTACT_REQUEST, actor=sender, url=path_for("messaging:request", request.pk))
    return request


def accept(request, now=None):
    """The recipient says yes: a conversation opens, starting with the request's message."""
    now = now or timezone.now()
    with transaction.atomic():
        conversation = open_conversation_between(request.sender, request.recipient)
        if conversation is None:
            conversation = Conversation.objects.create(created_at=now, last_message_at=now)
            Participant.objects.create(conversation=conversation, person=request.sender, joined_at=now)
            Participant.objects.create(
                conversation=conversation, person=request.recipient, joined_at=now, last_read_at=now
            )
            Message.objects.create(
                conversation=conversation, sender=request.sender, body=request.message, created_at=request.created_at
            )
        request.status = ContactStatus.ACCEPTED
        request.answered_at = now
        request.conversation = conversation
        request.save(update_fields=["status", "answered_at", "conversation"])
    send_templated_email(
        "messaging/emails/request_accepted",
        {
            "recipient": request.recipient,
            "conversation_url": link_for(request.sender, ("messaging:conversation", conversation.pk)),
        },
        request.sender,
    )
    notify(
        request.sender,
        NotificationKind.CONTACT_ACCEPTED,
        actor=request.recipient,
        url=path_for("messaging:conversation", conversation.pk),
    )
    return conversation


def decline(request, now=None):
    """Silent: nothing is sent, and the sender keeps seeing "no answer yet"."""
    request.status = ContactStatus.DECLINED
    request.answered_at = now or timezone.now()
    request.save(update_fields=["status", "answered_at"])


def block(blocker, blocked):
    """No more requests or messages between the two, in either direction; waiting requests are declined."""
    Block.objects.get_or_create(blocker=blocker, blocked=blocked)
    ContactRequest.objects.filter(sender=blocked, recipient=blocker, status=ContactStatus.PENDING).update(
        status=ContactStatus.DECLINED, answered_at=timezone.now()
    )


# -- Conversations -------------------------------------------------------------------


def seat(person, conversation_id):
    """The person's seat in a conversation they still take part in, or None (answered as 404)."""
    if person is None:
        return None
    return (
        Participant.objects.select_related("conversation")
        .filter(person=person, conversation_id=conversation_id, left_at__isnull=True)
        .first()
    )


def others(conversation, person):
    return [p for p in conversation.participants.select_related("person__user") if p.person_id != person.pk]


def can_write(conversation, person):
    """Everyone else is still there and nobody blocked anybody."""
    rest = others(conversation, person)
    return bool(rest) and all(p.left_at is None and not is_blocked(person, p.person) for p in rest)


def conversations_of(person):
    """The person's conversations, newest first, each with `unread` (messages by others not yet read)."""
    seats = Participant.objects.filter(person=person, left_at__isnull=True)
    read_at = Participant.objects.filter(conversation=OuterRef("pk"), person=person).values("last_read_at")[:1]
    return (
        Conversation.objects.filter(pk__in=seats.values("conversation"))
        .annotate(read_at=Subquery(read_at))
        .annotate(
            unread=Count(
                "messages",
                filter=~Q(messages__sender=person)
                & (Q(read_at__isnull=True) | Q(messages__created_at__gt=F("read_at"))),
            )
        )
        .order_by("-last_message_at", "-pk")
        .prefetch_related("participants__person")
    )


def unread_count(person):
    """Messages by others in the person's conversations that the person has not read yet."""
    if person is None:
        return 0
    return sum(c.unread for c in conversations_of(person).prefetch_related(None))


def mark_read(seat_, now=None):
    seat_.last_read_at = now or timezone.now()
    seat_.save(update_fields=["last_read_at"])
    mark_read_for_link(seat_.person_id, "messaging:conversation", seat_.conversation_id)


def wants_message_emails(person):
    settings_ = MessagingSettings.objects.filter(person=person).first()
    return settings_ is None or settings_.email_on_message


def post(conversation, sender, body, now=None):
    """Add a message and tell the others by e-mail, at most once an hour per thread, if they want it."""
    now = now or timezone.now()
    message = Message.objects.create(conversation=conversation, sender=sender, body=body, created_at=now)
    Conversation.objects.filter(pk=conversation.pk).update(last_message_at=now)
    Participant.objects.filter(conversation=conversation, person=sender).update(last_read_at=now)
    for other in others(conversation, sender):
        if other.left_at is None:  # in the notification centre whatever the e-mail setting (one per thread)
            notify(
                other.person,
                NotificationKind.NEW_MESSAGE,
                actor=sender,
                url=path_for("messaging:conversation", conversation.pk),
            )
        if other.left_at is not None or other.person.user_id is None or not wants_message_emails(other.person):
            continue
        # Claimed in one UPDATE, so that two messages in the same second send one mail.
        claimed = (
            Participant.objects.filter(pk=other.pk)
            .filter(Q(last_notified_at__isnull=True) | Q(last_notified_at__lte=now - NOTIFY_AT_MOST_EVERY))
            .update(last_notified_at=now)
        )
        if claimed:
            send_templated_email(
                "messaging/emails/new_message",
                {
                    "sender": sender,
                    "recipient": other.person,
                    "conversation_url": link_for(other.person, ("messaging:conversation", conversation.pk)),
                },
                other.person,
            )
    return message


def leave(seat_, now=None):
    seat_.left_at = now or timezone.now()
    seat_.save(update_fields=["left_at"])


def forget_person(person, now=None):
    """An account is deleted: they leave every conversation (their messages stay, credited "Former member").

    Requests still waiting, in either direction, go: their text was the person's own.
    """
    now = now or timezone.now()
    Participant.objects.filter(person=person, left_at__isnull=True).update(left_at=now)
    ContactRequest.objects.filter(Q(sender=person) | Q(recipient=person), status=ContactStatus.PENDING).delete()
    MessagingSettings.objects.filter(person=person).delete()


# -- Reports -------------------------------------------------------------------------


def report_recipients(reporter, reported):
    """The facilitators of a community both belong to, else the editors and superusers."""
    keys = set(shared_community_keys(reporter)) & set(shared_community_keys(reported))
    if keys:
        facilitators = [
            p
            for community in CommunityPage.objects.filter(translation_key__in=keys, locale__language_code__isnull=False)
            for p in community.facilitators().select_related("user")
            if p.user_id and p.user.email and p.pk not in (reporter.pk, reported.pk)
        ]
        unique = list({p.pk: p for p in facilitators}.values())
        if unique:
            return unique
    return editors()


def report(reporter, reported, reason):
    """Tell those who look after the community what the reported person wrote to the reporter, and block."""
    item = ContactReport.objects.create(reporter=reporter, reported=reported, reason=reason)
    requests = ContactRequest.objects.filter(sender=reported, recipient=reporter).order_by("-created_at")[:3]
    shared = Participant.objects.filter(person=reporter).values("conversation")
    messages = Message.objects.filter(conversation__in=shared, sender=reported).order_by("-created_at")[:5]
    context = {
        "report": item,
        "reporter": reporter,
        "reported": reported,
        "reported_url": absolute_url(reported),  # the admin reads it; any language prefix works
        "written": [r.message for r in requests] + [m.body for m in messages],
    }
    for recipient in report_recipients(reporter, reported):
        send_templated_email("messaging/emails/contact_reported", context, recipient)
    block(reporter, reported)
    return item
