"""Following and notifying: the one `notify()`, the notification centre's list, the digest's part.

Who may see which page or person is asked of communities.privacy, twice: when a
notification is made (nobody is told about a page or person they may not see)
and every time it is listed or mailed (a page restricted since, or a person who
became private since, disappears). The text is written when it is shown, in
the reader's language (`present`).
"""

from dataclasses import dataclass
from datetime import datetime

from django.conf import settings
from django.core import signing
from django.db import transaction
from django.db.models import Q
from django.urls import reverse, translate_url
from django.utils import timezone, translation
from django.utils.translation import gettext
from wagtail.models import Locale, Page

from communities.models import CommunityPage, Person, ProjectPage
from communities.privacy import (
    admitted_pages,
    admitted_rule,
    can_see_page,
    can_see_person,
    visible_pages,
    visible_people,
    visible_rule,
)
from core.mail import recipient_language
from core.urls import absolute_url

from .choices import ABOUT_PERSON_KINDS, COLLAPSING_KINDS, DIRECT_KINDS, DRAFT_KINDS, NotificationKind
from .models import Follow, Notification, NotificationSettings

FOLLOWABLE_PAGES = (CommunityPage, ProjectPage)
UNSUBSCRIBE_SALT = "notifications.unsubscribe-digest"


# -- Following -------------------------------------------------------------------------


def followable_page(page):
    """The page when people may follow it (a community or a project), else None."""
    if page is None or not issubclass(page.specific_class or Page, FOLLOWABLE_PAGES):
        return None
    return page


def can_follow(user, target):
    """A signed-in person may follow a person or a community or project page they may see, never themselves."""
    me = Person.objects.for_user(user, create=False) if user is not None and user.is_authenticated else None
    if me is None or target is None:
        return False
    if isinstance(target, Person):
        return target.pk != me.pk and target.user_id is not None and can_see_person(user, target)
    return followable_page(target) is not None and can_see_page(user, target)


def _follows(follower, target):
    if isinstance(target, Person):
        return Follow.objects.filter(follower=follower).of_person(target)
    return Follow.objects.filter(follower=follower).of_page(target)


def is_following(follower, target):
    return follower is not None and target is not None and _follows(follower, target).exists()


def follow(follower, target):
    """Follow a person or a community/project (its translations count as one); returns the Follow."""
    with transaction.atomic():
        existing = _follows(follower, target).first()
        if existing is not None:
            return existing
        if isinstance(target, Person):
            return Follow.objects.create(follower=follower, person=target)
        return Follow.objects.create(follower=follower, page=target)


def unfollow(follower, target):
    _follows(follower, target).delete()


def followers_of(target):
    """The people following a person or a community/project page (in any translation)."""
    follows = Follow.objects.of_person(target) if isinstance(target, Person) else Follow.objects.of_page(target)
    return Person.objects.filter(pk__in=follows.values("follower")).select_related("user")


# -- Notifying -------------------------------------------------------------------------


def _may_be_told(recipient, kind, actor, target, place):
    """Whether the recipient may read a notification of `kind` about these (the privacy rule, at creation)."""
    user = recipient.user
    if user is None or recipient.is_former_member or not user.is_active:
        return False
    if actor is not None and actor.pk == recipient.pk:
        return False  # nobody is told about what they did themselves
    if kind in ABOUT_PERSON_KINDS and (actor is None or not can_see_person(user, actor)):
        return False
    if target is not None:
        if kind in DRAFT_KINDS:
            if not admitted_pages(user, Page.objects.filter(pk=target.pk)).exists():
                return False
        elif not can_see_page(user, target):
            return False
    return place is None or can_see_page(user, place)


def path_for(name, *args):
    """A site path for a notification's link, always under the default language's prefix.

    Shown under the reader's own prefix (`present`); one spelling per page, so that notifications
    about the same conversation collapse whichever language their sender used.
    """
    with translation.override(settings.LANGUAGE_CODE):
        return reverse(name, args=args)


def notify(recipient, kind, *, actor=None, target=None, place=None, url="", now=None):
    """Tell `recipient` (a Person) that something of `kind` happened; returns the Notification or None.

    Nothing is stored when the recipient may not see the page, the place or (for news about a
    person) the person it names, has no account, or did it themselves. Kinds that collapse
    (new messages, replies) update the recipient's unread notification about the same link.
    """
    if recipient is None or kind not in NotificationKind.values:
        return None
    if not _may_be_told(recipient, kind, actor, target, place):
        return None
    now = now or timezone.now()
    if kind in COLLAPSING_KINDS and url:
        earlier = Notification.objects.filter(recipient=recipient, kind=kind, url=url).unread().first()
        if earlier is not None:
            earlier.actor, earlier.created_at, earlier.emailed_in_digest = actor, now, None
            earlier.save(update_fields=["actor", "created_at", "emailed_in_digest"])
            return earlier
    return Notification.objects.create(
        recipient=recipient, kind=kind, actor=actor, target=target, place=place, url=url, created_at=now
    )


def notify_many(recipients, kind, **kwargs):
    """notify() each recipient once; returns the notifications made."""
    made = []
    seen = set()
    for recipient in recipients:
        if recipient is None or recipient.pk in seen:
            continue
        seen.add(recipient.pk)
        notification = notify(recipient, kind, **kwargs)
        if notification is not None:
            made.append(notification)
    return made


def material_published(page):
    """A material was published for the first time: tell the followers of its community, project and authors.

    A translation of a work already announced announces nothing new; each follower hears once,
    about the community first, then the project, then a person they follow.
    """
    if page.first_published_at is None or page.first_published_at != page.last_published_at:
        return []
    group = Page.objects.filter(translation_key=page.translation_key).exclude(pk=page.pk)
    if group.filter(first_published_at__isnull=False).exists():
        return []
    authors = list(Person.objects.filter(resource_contributions__page=page).distinct())
    author_ids = {p.pk for p in authors}
    plans = {}  # follower pk -> (follower, kind, arguments)

    def plan(followers, kind, **kwargs):
        for follower in followers:
            if follower.pk not in author_ids or kind == NotificationKind.NEW_WORK:
                plans.setdefault(follower.pk, (follower, kind, kwargs))

    if page.community_id:
        community = Page.objects.filter(pk=page.community_id).first()
        if community is not None:
            plan(followers_of(community), NotificationKind.COMMUNITY_MATERIAL, place=community)
    if page.project_id:
        project = Page.objects.filter(pk=page.project_id).first()
        if project is not None:
            plan(followers_of(project), NotificationKind.PROJECT_MATERIAL, place=project)
    for author in authors:
        plan(followers_of(author), NotificationKind.NEW_WORK, actor=author)
    made = []
    for follower, kind, kwargs in plans.values():
        notification = notify(follower, kind, target=page, **kwargs)
        if notification is not None:
            made.append(notification)
    return made


# -- Reading ---------------------------------------------------------------------------


def visible_to(person):
    """The person's notifications that still name only what they may see, newest first (one query)."""
    if person is None or person.user_id is None:
        return Notification.objects.none()
    user = person.user
    # The rules join each notification's own page (by index), never the list of every visible page.
    target_ok = Q(target__isnull=True) | visible_rule(user, "target")
    target_ok |= Q(kind__in=DRAFT_KINDS, target__isnull=False) & admitted_rule(user, "target")
    place_ok = Q(place__isnull=True) | visible_rule(user, "place")
    actor_ok = ~Q(kind__in=ABOUT_PERSON_KINDS) | Q(actor__in=visible_people(user).values("pk"))
    return (
        Notification.objects.filter(recipient=person)
        .filter(target_ok, place_ok, actor_ok)
        .select_related("actor", "target", "place")
    )


def unread_count(person):
    return visible_to(person).unread().count() if person is not None else 0


def mark_all_read(person, now=None):
    return Notification.objects.filter(recipient=person).unread().update(read_at=now or timezone.now())


def mark_read(notification, now=None):
    if notification.read_at is None:
        notification.read_at = now or timezone.now()
        notification.save(update_fields=["read_at"])


def mark_read_for_link(person, name, *args):
    """The person (or a person's id) opened the page a notification links to (a conversation): it counts as read."""
    if person is None:
        return 0
    url = path_for(name, *args)
    return Notification.objects.filter(recipient=person, url=url).unread().update(read_at=timezone.now())


@dataclass
class Item:
    """A notification as the reader sees it: text in the active language and a link under its prefix."""

    pk: int
    kind: str
    text: str
    url: str
    created_at: datetime
    unread: bool


def _texts():
    """(with a name, without one) for each kind, in the active language."""
    K = NotificationKind
    return {
        K.CONTACT_REQUEST: (gettext("%(actor)s would like to get in touch with you."), None),
        K.CONTACT_ACCEPTED: (gettext("%(actor)s accepted your request to get in touch."), None),
        K.NEW_MESSAGE: (gettext("New message from %(actor)s."), None),
        K.NEW_THREAD: (
            gettext("%(actor)s started a discussion in %(place)s."),
            gettext("A new discussion started in %(place)s."),
        ),
        K.NEW_REPLY: (
            gettext("%(actor)s replied to your discussion in %(place)s."),
            gettext("There is a new reply to your discussion in %(place)s."),
        ),
        K.COMMUNITY_MATERIAL: (None, gettext("New material in %(place)s: %(title)s")),
        K.PROJECT_MATERIAL: (None, gettext("New material from the project %(place)s: %(title)s")),
        K.NEW_WORK: (gettext("%(actor)s shared new work: %(title)s"), None),
        K.MATERIAL_APPROVED: (None, gettext("Your material was approved and published: %(title)s")),
        K.MATERIAL_SENT_BACK: (None, gettext("Your material was sent back with requests for changes: %(title)s")),
        K.JOIN_ACCEPTED: (None, gettext("Your request to join %(title)s was accepted. Welcome!")),
        K.JOIN_DECLINED: (None, gettext("Your request to join %(title)s was not accepted.")),
        K.PARTNER_ASKED: (gettext("%(actor)s asks to join your project %(title)s."), None),
        K.PARTNER_INVITED: (gettext("%(actor)s invites you to be a partner of %(title)s."), None),
        K.PARTNER_ACCEPTED: (gettext("%(actor)s accepted your invitation and is now a partner of %(title)s."), None),
        K.PARTNER_WELCOME: (None, gettext("Your request was accepted: you are now a partner of %(title)s.")),
    }


def _link(path, language, absolute):
    """A stored path (made by path_for, under the default language) under `language`'s prefix."""
    with translation.override(settings.LANGUAGE_CODE):  # translate_url resolves in the active language
        path = translate_url(path, language)
    return absolute_url(path) if absolute else path


def present(notifications, user, request=None, absolute=False):
    """Items for the notifications (from visible_to, which reads their pages and people) in the active language.

    A fixed number of queries whatever the number of items: the notifications with their
    pages and people, the people the reader may see, the pages' translations in the reader's
    language. `absolute` gives full URLs (for e-mail).
    """
    items = list(notifications)
    language = translation.get_language()
    actor_ids = {n.actor_id for n in items if n.actor_id}
    seen_people = set(visible_people(user, Person.objects.filter(pk__in=actor_ids)).values_list("pk", flat=True))
    keys = {p.translation_key for n in items for p in (n.target, n.place) if p is not None}
    localized = {}
    if keys:
        locale = Locale.objects.filter(language_code=language).first()
        if locale is not None:
            localized = {
                p.translation_key: p
                for p in visible_pages(user, Page.objects.filter(translation_key__in=keys, locale=locale))
            }
    texts = _texts()
    result = []
    for n in items:
        target = localized.get(n.target.translation_key, n.target) if n.target is not None else None
        place = localized.get(n.place.translation_key, n.place) if n.place is not None else None
        actor_name = None
        if n.actor is not None and (n.kind in DIRECT_KINDS or n.actor_id in seen_people):
            actor_name = str(n.actor.public_name)
        with_name, without = texts.get(n.kind, (None, None))
        text = with_name if actor_name is not None and with_name else (without or with_name or "")
        values = {
            "actor": actor_name or gettext("Someone"),
            "title": target.title if target is not None else "",
            "place": place.title if place is not None else "",
        }
        if n.url:
            url = _link(n.url, language, absolute)
        elif target is not None or place is not None:
            page = target or place
            url = absolute_url(page) if absolute else (page.get_url(request) or "")
        else:
            url = _link(reverse("notifications:centre"), language, absolute)
        result.append(
            Item(pk=n.pk, kind=n.kind, text=text % values, url=url, created_at=n.created_at, unread=n.read_at is None)
        )
    return result


# -- The weekly digest -----------------------------------------------------------------


def wants_digest(person):
    row = NotificationSettings.objects.filter(person=person).first()
    return row is None or row.weekly_digest


def set_digest(person, wanted):
    NotificationSettings.objects.update_or_create(person=person, defaults={"weekly_digest": bool(wanted)})


def digest_opt_outs():
    """The people who turned the weekly digest off (a queryset of Person ids)."""
    return NotificationSettings.objects.filter(weekly_digest=False).values("person")


def unsubscribe_token(person):
    return signing.dumps({"p": person.pk}, salt=UNSUBSCRIBE_SALT)


def person_from_unsubscribe_token(token):
    """The person a digest's unsubscribe link was made for, or None when it is forged or altered."""
    try:
        data = signing.loads(token, salt=UNSUBSCRIBE_SALT)
    except (signing.BadSignature, ValueError, TypeError):
        return None
    pk = data.get("p") if isinstance(data, dict) else None
    if not isinstance(pk, int):
        return None
    return Person.objects.filter(pk=pk, user__isnull=False).first()


def unsubscribe_url(person, language=None):
    """The one-click link of a digest, under the person's language prefix."""
    with translation.override(language or recipient_language(person)):
        return absolute_url(reverse("notifications:unsubscribe", args=[unsubscribe_token(person)]))


def centre_url(language):
    """The notification centre's full address under a language's prefix (for e-mail)."""
    with translation.override(language):
        return absolute_url(reverse("notifications:centre"))


def unseen_for_digest(person, limit=10):
    """The notifications not read and not mailed yet, newest first (narrowed by the privacy rule)."""
    return visible_to(person).unread().not_emailed()[:limit]


def mark_emailed(notifications, now=None):
    ids = [n.pk for n in notifications]
    if ids:
        Notification.objects.filter(pk__in=ids).update(emailed_in_digest=now or timezone.now())


# -- A person's data -------------------------------------------------------------------


def forget_person(person):
    """An account is deleted: their follows (both ways), notifications and settings go."""
    Follow.objects.filter(Q(follower=person) | Q(person=person)).delete()
    Notification.objects.filter(Q(recipient=person) | Q(actor=person)).delete()
    NotificationSettings.objects.filter(person=person).delete()


def export_for(person):
    """What the data export (my-data.json) holds of a person's follows, notifications and settings."""
    follows = [
        {
            "person": f.person.slug if f.person_id else None,
            "page": {"id": f.page_id, "title": f.page.title} if f.page_id else None,
            "since": f.created_at.isoformat(),
        }
        for f in Follow.objects.filter(follower=person).select_related("person", "page")
    ]
    notifications = [
        {
            "kind": n.kind,
            "page_id": n.target_id,
            "place_id": n.place_id,
            "link": n.url,
            "created_at": n.created_at.isoformat(),
            "read_at": n.read_at.isoformat() if n.read_at else None,
            "emailed_in_digest": n.emailed_in_digest.isoformat() if n.emailed_in_digest else None,
        }
        for n in Notification.objects.filter(recipient=person)
    ]
    return {"follows": follows, "notifications": notifications, "weekly_digest": wants_digest(person)}
