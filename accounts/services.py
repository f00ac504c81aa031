"""Account life cycle: creating and confirming accounts, exporting a person's data, deleting an account."""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.contrib.auth.tokens import default_token_generator
from django.core import signing
from django.db import transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.crypto import get_random_string
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from django.utils.translation import gettext
from wagtail.models import Page

from communities.choices import Discoverability
from communities.models import PartnerRequest, Person
from core.mail import send_templated_email
from core.urls import absolute_url
from notifications import services as notifications

from .photos import delete_photo_image

User = get_user_model()

CONFIRMATION_SALT = "accounts.confirm-email"
CONFIRMATION_MAX_AGE = 3 * 24 * 3600


# -- Creating accounts -------------------------------------------------------------


@transaction.atomic
def create_account(*, email, password, display_name, active):
    """A user (the e-mail address is the user name) and their profile, private by default."""
    # A sign-up never confirmed (the link expired) must not block signing up again.
    stale = list(unconfirmed_accounts(email))
    Person.objects.filter(user__in=stale).delete()
    User.objects.filter(pk__in=[u.pk for u in stale]).delete()
    user = User.objects.create_user(username=email, email=email, password=password, is_active=active)
    person = Person.objects.create(user=user, display_name=display_name, discoverability=Discoverability.NOBODY)
    # Signed up on the Swedish site: the admin and Wagtail's own e-mails speak Swedish too.
    set_admin_language(user, person)
    return user, person


# Wagtail translates its admin into European Portuguese as "pt-pt" (it has no plain "pt"); Django
# then also finds the site's own "pt" catalogue, and core.mail reads "pt-pt" as the site's "pt".
ADMIN_LANGUAGES = {"pt": "pt-pt"}


def set_admin_language(user, person=None):
    """Wagtail's admin language (and its own e-mails') for this user, from their profile.

    The first site language the person speaks (Person.preferred_language), else the language
    they are using the site in now. Saved on Wagtail's UserProfile, which core.mail also reads.
    """
    from wagtail.users.models import UserProfile

    if user is None:
        return None
    site_languages = {code for code, _name in settings.LANGUAGES}
    code = (person.preferred_language if person is not None else None) or translation.get_language()
    if code not in site_languages:
        return None
    code = ADMIN_LANGUAGES.get(code, code)
    profile = UserProfile.get_for_user(user)
    if profile.preferred_language != code:
        profile.preferred_language = code
        profile.save(update_fields=["preferred_language"])
    return code


def existing_account(email):
    """The account that already uses this address (as e-mail or user name), unless never confirmed."""
    taken = User.objects.filter(Q(email__iexact=email) | Q(username__iexact=email))
    return taken.exclude(pk__in=unconfirmed_accounts(email)).order_by("pk").first()


def sign_up(*, email, password, display_name):
    """Sign up a new address, or tell the owner of a taken one; the visitor sees the same either way.

    Like password reset, the answer ("check your e-mail") never reveals whether an address
    has an account. A new address gets an inactive account and its confirmation link; the
    owner of a taken one gets a notice with a password-reset link, and nothing changes in
    their account.
    """
    owner = existing_account(email)
    if owner is None:
        user, _person = create_account(email=email, password=password, display_name=display_name, active=False)
        send_confirmation(user)
        return
    # Hash the password anyway, so that a taken address does not answer measurably faster
    # (Django's ModelBackend does the same for unknown user names).
    make_password(password)
    if owner.is_active and owner.email:
        send_sign_up_attempt_notice(owner)


def send_sign_up_attempt_notice(user):
    context = {
        "user": user,
        "sign_in_url": absolute_url(reverse("accounts:sign_in")),
        "reset_url": absolute_url(
            reverse(
                "accounts:password_reset_confirm",
                kwargs={
                    "uidb64": urlsafe_base64_encode(force_bytes(user.pk)),
                    "token": default_token_generator.make_token(user),
                },
            )
        ),
    }
    return send_templated_email("accounts/emails/sign_up_attempt", context, user)


def unconfirmed_accounts(email):
    """Accounts for this address that were never confirmed (never active, never signed in)."""
    return User.objects.filter(email__iexact=email, is_active=False, last_login__isnull=True)


def confirmation_token(user):
    # The e-mail is signed in too: changing the address invalidates older links.
    return signing.dumps({"u": user.pk, "e": user.email}, salt=CONFIRMATION_SALT)


def user_from_confirmation_token(token):
    """The user the link was made for, or None when it is forged, altered or older than three days."""
    try:
        data = signing.loads(token, salt=CONFIRMATION_SALT, max_age=CONFIRMATION_MAX_AGE)
    except signing.BadSignature:
        return None
    return User.objects.filter(pk=data.get("u"), email=data.get("e")).first()


def send_confirmation(user):
    """Queue the confirmation link (core.mail): a mail server that is down delays it, never fails the sign-up."""
    context = {
        "user": user,
        "confirm_url": absolute_url(reverse("accounts:confirm", args=[confirmation_token(user)])),
    }
    return send_templated_email("accounts/emails/confirm", context, user)


# -- Data export -------------------------------------------------------------------


def _page_ref(page):
    return {
        "id": page.pk,
        "title": page.title,
        "url": page.full_url,
        "live": page.live,
        "language": page.locale.language_code,
    }


def export_data(user):
    """Everything Kollega holds about a person, as JSON-ready data (GDPR article 20)."""
    person = Person.objects.for_user(user)
    data = {
        "format": "kollega-personal-data/1",
        "exported_at": timezone.now().isoformat(),
        "account": {
            "username": user.get_username(),
            "email": user.email,
            "date_joined": user.date_joined.isoformat(),
            "last_login": user.last_login.isoformat() if user.last_login else None,
        },
        "profile": None,
        "memberships": [],
        "contributions": [],
        "project_partnerships": [],
        "dismissed_suggestions": [
            {"key": d.key, "created_at": d.created_at.isoformat()} for d in user.dismissed_suggestions.all()
        ],
        "discussion_posts": [],
        "partner_requests": [],
        "follows": [],
        "notifications": [],
    }
    if person is None:
        return data
    data["profile"] = {
        "display_name": person.display_name,
        "slug": person.slug,
        "school": person.school,
        "country": person.country.code or "",
        "region": person.region,
        "bio": person.bio,
        "languages": [str(x) for x in person.languages.all()],
        "subjects": [s.slug for s in person.subjects.all()],
        "levels": [str(x) for x in person.levels.all()],
        "interests": [t.name for t in person.interests.all()],
        "open_to_collaboration": person.open_to_collaboration,
        "discoverability": person.discoverability,
        "photo": person.photo.file.name if person.photo_id else None,
        "created_at": person.created_at.isoformat(),
    }
    data["memberships"] = [
        {"community": _page_ref(m.community), "role": m.role, "status": m.status, "since": m.since.isoformat()}
        for m in person.memberships.select_related("community__locale")
    ]
    # Through the reverse relation, so that accounts need not know the resources app's models.
    data["contributions"] = [
        {"page": _page_ref(c.page), "role": c.role}
        for c in person.resource_contributions.select_related("page__locale")
    ]
    data["project_partnerships"] = [
        {"project": _page_ref(p.project), "school": p.school}
        for p in person.project_partnerships.select_related("project__locale")
    ]
    data["discussion_posts"] = [
        {
            "thread": post.thread.title,
            "community": post.thread.community.title,
            "body": post.body,
            "created_at": post.created_at.isoformat(),
        }
        for post in person.discussion_posts.select_related("thread__community")
    ]
    data["partner_requests"] = [
        {
            "project": _page_ref(r.project),
            "kind": r.kind,
            "status": r.status,
            "message": r.message if r.sent_by_id == person.pk else "",
            "created_at": r.created_at.isoformat(),
        }
        for r in person.partner_requests.select_related("project__locale")
    ]
    data.update(notifications.export_for(person))
    return data


# -- Deletion ----------------------------------------------------------------------


def delete_files_only_used_by(pages):
    """Delete the documents that `pages` (drafts about to be deleted) use and no other page or object does.

    Otherwise a deleted draft's file would stay downloadable by its id and name for editors
    and sit in the document library with nobody left who knows what it was.
    """
    from django.contrib.contenttypes.models import ContentType
    from wagtail.documents import get_document_model
    from wagtail.models import ReferenceIndex

    from communities.privacy import page_documents

    pages = list(pages)
    ids = set().union(*(page_documents(page) for page in pages))
    page_type = ContentType.objects.get_for_model(Page)
    these = [str(page.pk) for page in pages]
    for document in get_document_model().objects.filter(pk__in=ids):
        others = ReferenceIndex.get_references_to(document).exclude(base_content_type=page_type, object_id__in=these)
        if not others.exists():
            document.delete()


def drafts_authored_alone(person):
    """Pages never published (or unpublished) on which this person is the only contributor."""
    contribution_model = person.resource_contributions.model
    own_pages = person.resource_contributions.values("page")
    shared = contribution_model.objects.filter(page__in=own_pages).exclude(person=person).values("page")
    return Page.objects.filter(pk__in=own_pages, live=False).exclude(pk__in=shared)


def _erase_discussion_posts(person):
    """Their words leave the discussions; the threads stay for the replies of others.

    Each post keeps its place (and the author shows as "Former member") with its text removed:
    the thread page says so in the reader's language. Threads in which nobody else wrote go.
    Through the reverse relations, so that accounts need not know the discussions app's models.
    """
    posts = person.discussion_posts
    by_others = posts.model.objects.exclude(author=person)
    person.discussion_threads.exclude(posts__in=by_others).delete()
    posts.update(body="")


@transaction.atomic
def delete_account(user, delete_drafts=False):
    """Delete the user and anonymise their profile.

    The Person row stays so that published materials keep a credit (a
    generic, translated "Former member"), but it holds nothing personal,
    is discoverable by nobody and has no account, so the privacy rule hides
    it from profiles, sidebars, search and the API. Their discussion posts
    lose their text, and the recommender erases their profile's embedding
    when the anonymised row is saved (recommender/signals.py).
    """
    person = Person.objects.for_user(user)
    if person is not None:
        if delete_drafts:
            delete_files_only_used_by(drafts_authored_alone(person))
            for page in drafts_authored_alone(person):
                page.specific.delete()
        _erase_discussion_posts(person)
        # Leaving communities and projects: member counts and partner lists drop them.
        person.memberships.all().delete()
        # Requests to or from them: nobody is left to answer or to be answered.
        PartnerRequest.objects.filter(Q(person=person) | Q(sent_by=person)).delete()
        person.project_partnerships.filter(school="").delete()
        person.project_partnerships.update(person=None)
        with translation.override(settings.LANGUAGE_CODE):
            # Stored in the default language for the admin; pages show public_name, translated per reader.
            person.display_name = gettext("Former member")
        person.slug = f"former-member-{get_random_string(12).lower()}"
        person.school = person.region = person.bio = ""
        person.country = ""
        if person.photo is not None:
            delete_photo_image(person.photo)
        person.photo = None
        person.open_to_collaboration = False
        person.discoverability = Discoverability.NOBODY
        person.anonymised_at = timezone.now()
        person.user = None
        person.languages.set([])
        person.subjects.set([])
        person.levels.set([])
        person.interests.clear()
        person.save()
        # Who they followed and who followed them, what they were told and their digest setting.
        notifications.forget_person(person)
    user.delete()
    return person
