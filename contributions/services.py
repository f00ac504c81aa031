"""What the contribution views do, as functions: create, update, adapt and translate materials."""

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import Case, Q, When
from django.utils.translation import gettext as _
from wagtail.documents import get_document_model
from wagtail.models import Collection, Locale

from communities.choices import CommunityScope, Visibility
from communities.models import CommunityPage, Membership
from communities.privacy import can_open_draft
from core.pages import available_slug, index_page_for
from core.text import text_to_paragraph_blocks
from resources.models import ContributorRole, ResourceAttachment, ResourceContributor, ResourceIndexPage, ResourcePage
from translations.permissions import may_translate_in_editor
from vocabularies.licences import get_licence

from .moderation import submit_for_moderation

# -- people -----------------------------------------------------------------


def teacher_communities(person):
    """Communities where the person is an active member: where they may share a material."""
    ids = Membership.objects.active().filter(person=person).values("community")
    return CommunityPage.objects.filter(pk__in=ids).order_by("title")


def open_communities(person):
    """Public communities any teacher may share into: their country's national one, then the European ones.

    One page per community (the default language's when there is one), so
    that a new teacher who has joined nothing yet is not sent away.
    """
    scopes = Q(scope=CommunityScope.EUROPEAN)
    if person.country:
        scopes |= Q(scope=CommunityScope.NATIONAL, country=person.country)
    pages = CommunityPage.objects.live().filter(scopes, visibility=Visibility.PUBLIC, alias_of__isnull=True)
    default = Locale.get_default().pk
    chosen = {}
    for page in pages.order_by("path"):
        if page.translation_key not in chosen or page.locale_id == default:
            chosen[page.translation_key] = page.pk
    national_first = Case(When(scope=CommunityScope.NATIONAL, then=0), default=1)
    return CommunityPage.objects.filter(pk__in=chosen.values()).order_by(national_first, "title")


def shareable_communities(person):
    """Where the person may share or adapt a material: their communities, or else the open ones."""
    communities = teacher_communities(person)
    return communities if communities.exists() else open_communities(person)


def quiet_admin_notifications(user):
    """Teachers without admin access get our front-end e-mails instead of Wagtail's admin ones."""
    from wagtail.users.models import UserProfile

    if not user.has_perm("wagtailadmin.access_admin"):
        profile = UserProfile.get_for_user(user)
        if profile.approved_notifications or profile.rejected_notifications:
            profile.approved_notifications = profile.rejected_notifications = False
            profile.save(update_fields=["approved_notifications", "rejected_notifications"])


def can_edit_draft(user, page):
    """A teacher edits materials they own or are credited on and may read; facilitators review in the admin.

    The page's view restrictions come first (an adaptation copies the
    original's credits into what may be a members-only community), and so
    does the community its latest draft belongs to.
    """
    return is_own_material(user, page) and may_read_draft(user, page)


def is_own_material(user, page):
    """Whether the user owns the material or is credited on it: they edit it rather than adapt it."""
    if not user.is_authenticated:
        return False
    if page.owner_id == user.pk:
        return True
    rows = getattr(page, "contributor_rows", None)
    if rows is not None:
        return any(row.person.user_id == user.pk for row in rows())
    return page.contributors.filter(person__user=user).exists()


def may_read_draft(user, page):
    """Whether the view restrictions of the page and of its latest draft's community admit the user."""
    return can_open_draft(user, page, page.get_latest_revision_as_object().community)


# -- saving -------------------------------------------------------------------


def index_for(language_code):
    """The ResourceIndexPage of the material's language, or of the default locale when it is not a site language."""
    return index_page_for(ResourceIndexPage, language_code) or index_page_for(
        ResourceIndexPage, Locale.get_default().language_code
    )


def store_documents(files, user):
    document_model = get_document_model()
    collection = Collection.get_first_root_node()
    documents = []
    for upload in files:
        upload.seek(0)
        document = document_model(
            title=upload.name.rsplit(".", 1)[0][:255] or upload.name,
            file=upload,
            uploaded_by_user=user,
            collection=collection,
        )
        document._set_document_file_metadata()
        document.save()
        documents.append(document)
    return documents


def _apply(page, data):
    page.title = data["title"]
    page.draft_title = data["title"]
    page.summary = data["summary"]
    page.material_language = data["material_language"]
    page.licence = data["licence"]
    page.duration_minutes = data.get("duration_minutes")
    page.resource_type = data.get("resource_type")
    page.community = data["community"]
    page.subjects = list(data.get("subjects") or [])
    page.levels = list(data.get("levels") or [])
    page.tags.set(data.get("tags") or [], clear=True)


@transaction.atomic
def create_resource(user, person, data):
    """A new draft under the material language's index, the teacher as author, submitted to moderation."""
    index = index_for(data["material_language"])
    page = ResourcePage(
        live=False,
        owner=user,
        slug=available_slug(index, data["title"], fallback="material"),
        title=data["title"],
        summary=data["summary"],
    )
    page.body = text_to_paragraph_blocks(data.get("body_text") or "")
    index.add_child(instance=page)
    _apply(page, data)
    page.contributors = [ResourceContributor(person=person, role=ContributorRole.AUTHOR, sort_order=0)]
    page.attachments = [
        ResourceAttachment(document=d, sort_order=i)
        for i, d in enumerate(store_documents(data.get("files") or [], user))
    ]
    page.save()
    page.save_revision(user=user, log_action=True)
    quiet_admin_notifications(user)
    submit_for_moderation(page, user)
    return page


@transaction.atomic
def update_resource(user, page, data, body=None):
    """Save the teacher's edits as a new revision (a live page stays live until approved) and resubmit.

    `body` is the edited body in its stored shape (ResourceForm.edited_body), or None when unchanged.
    """
    draft = page.get_latest_revision_as_object()
    _apply(draft, data)
    if body is not None:
        draft.body = body
    removed = set(data.get("remove_attachments") or [])
    kept = [a for a in draft.attachments.all() if str(a.pk) not in removed]
    new = [ResourceAttachment(document=d) for d in store_documents(data.get("files") or [], user)]
    for order, attachment in enumerate(kept + new):
        attachment.sort_order = order
    draft.attachments = kept + new
    if not draft.live:
        # A draft's row is what lists and restrictions read; a live page keeps its row until approval.
        draft.save()
    draft.save_revision(user=user, log_action=True)
    quiet_admin_notifications(user)
    submit_for_moderation(page, user)
    return draft


# -- adapting -----------------------------------------------------------------


class AdaptationRefused(Exception):
    """The licence of the original does not allow adaptations; str() explains why to the teacher."""


def adaptation_refusal(original):
    """Why a material may not be adapted, or None when its licence allows derivatives."""
    licence = get_licence(original.licence)
    if licence is None:
        return _("We do not know the licence of this material, so it cannot be adapted here. Ask its authors.")
    if licence.allows_derivatives:
        return None
    if licence.code == "ARR":
        return _(
            "All rights to this material are reserved by its authors: it may be used as it is, but not "
            "changed and shared again. Ask its authors for permission."
        )
    return _(
        "This material is shared under %(licence)s, which allows sharing it unchanged but no adaptations. "
        "Ask its authors for permission."
    ) % {"licence": licence.label}


@transaction.atomic
def adapt_resource(user, person, original):
    """A draft copy of `original` based on it, crediting its contributors and the adapter.

    The copy is a new work (its own translation group), under the same index;
    its community is the original's when the adapter belongs to it, otherwise
    their first community.
    """
    refusal = adaptation_refusal(original)
    if refusal:
        raise AdaptationRefused(refusal)
    communities = shareable_communities(person)
    keys = {c.translation_key: c for c in communities}
    community = (
        original.community if original.community and original.community.translation_key in keys else communities.first()
    )
    parent = original.get_parent()
    title = _("%(title)s (adapted)") % {"title": original.title}
    copy = original.copy(
        to=parent,
        keep_live=False,
        copy_revisions=False,
        log_action="wagtail.copy",
        user=user,
        update_attrs={
            "title": title,
            "draft_title": title,
            "slug": available_slug(parent, title, fallback="material"),
            "based_on": original,
            "owner": user,
            "community": community,
            "external_id": "",
        },
    ).specific
    # The original's authors, adapters and translators keep their credit and roles.
    credits = list(copy.contributors.all())
    if not any(c.person_id == person.pk and c.role == ContributorRole.ADAPTER for c in credits):
        credits.append(ResourceContributor(person=person, role=ContributorRole.ADAPTER))
    for order, credit in enumerate(credits):
        credit.sort_order = order
    copy.contributors = credits
    copy.save()
    copy.save_revision(user=user, log_action=True)
    return copy


# -- translating --------------------------------------------------------------


def start_translation(user, page, locale):
    """Create (or reuse) the wagtail-localize translation of `page` into `locale` as a draft; return the draft."""
    from wagtail_localize.models import Translation, TranslationSource

    existing = page.get_translation_or_none(locale)
    if existing is not None:
        return existing
    if not may_translate_in_editor(user, locale):
        raise PermissionDenied
    with transaction.atomic():
        source, _created = TranslationSource.get_or_create_from_instance(page)
        translation, _created = Translation.objects.update_or_create(
            source=source,
            target_locale=locale,
            defaults={"enabled": True},
        )
        # A teacher's translation starts as a draft: it is published after review, not on creation.
        translation.save_target(user=user, publish=False)
        draft = page.get_translation(locale)
        # The copy keeps the source's owner; a translator with the "add" permission edits pages they own.
        draft.owner = user
        draft.save(update_fields=["owner"], clean=False)
    return draft


def request_translation(user, page, locale):
    """Ask the translators for `page` in `locale` (translations.TranslationRequest); returns the open request."""
    from django.db import IntegrityError

    from translations.models import TranslationRequest

    try:
        with transaction.atomic():
            request, _created = TranslationRequest.objects.get_or_create(
                user=user,
                translation_key=page.translation_key,
                locale=locale,
                fulfilled_at=None,
                defaults={"source_page": page},
            )
    except IntegrityError:  # asked twice at the same moment: one request stands
        request = TranslationRequest.objects.open().get(user=user, translation_key=page.translation_key, locale=locale)
    return request
