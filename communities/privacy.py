"""The one place that decides who may see whom and what.

Pages, search, sidebars, the API, feeds and sitemaps all ask this module.

People: a person is visible to a viewer within their discoverability setting:
  nobody       never (except to themselves);
  communities  to people who share an active membership in a community;
  country      to signed-in people whose profile is in the same country;
  europe       to everyone, including anonymous visitors.
A person without a user account is shown only when their profile is public
(europe): nobody consented to anything narrower on their behalf.

Pages: a page is visible when it is live and every Wagtail view restriction
above it (or on it) admits the viewer. Members-only communities are Wagtail
group restrictions whose group holds the community's active members; the
materials of a members-only community carry the same restriction.

Files: a document is public because a public page uses it, never because it
exists. It is downloadable by those who may see a page using it, by its
uploader, by the people working on or reviewing the unpublished page that uses
it, and by editors; documents used by no page (an upload waiting in a revision)
by nobody else.
"""

import contextvars

from django.contrib.auth.models import AnonymousUser, Group
from django.contrib.contenttypes.models import ContentType
from django.db.models import CharField, Q
from django.db.models.functions import Cast
from wagtail.models import (
    Collection,
    CollectionViewRestriction,
    Page,
    PageViewRestriction,
    ReferenceIndex,
    TaskState,
)

from core.content_cache import cached

from .choices import Discoverability, Visibility
from .models import Membership, Person


def _user(viewer):
    if viewer is None:
        return AnonymousUser()
    return viewer


def viewer_person(viewer):
    """The Person profile of a user, or None for anonymous visitors and accountless users."""
    return Person.objects.for_user(_user(viewer))


def shared_community_keys(person):
    """Translation keys of the communities where the person is an active member."""
    if person is None:
        return []
    memo = _memo.get()
    key = ("community_keys", person.pk)
    if memo is not None and key in memo:
        return list(memo[key])
    keys = list(
        Membership.objects.active()
        .filter(person=person)
        .values_list("community__translation_key", flat=True)
        .distinct()
    )
    if memo is not None:
        memo[key] = keys
    return list(keys)


def people_filter(viewer):
    """A Q object selecting the people visible to the viewer."""
    visible = Q(discoverability=Discoverability.EUROPE)
    me = viewer_person(viewer)
    if me is None:
        return visible
    with_account = Q(user__isnull=False)
    if me.country:
        visible |= with_account & Q(discoverability=Discoverability.COUNTRY, country=me.country)
    keys = shared_community_keys(me)
    if keys:
        co_members = Membership.objects.active().filter(community__translation_key__in=keys).values("person")
        visible |= with_account & Q(discoverability=Discoverability.COMMUNITIES, pk__in=co_members)
    visible |= Q(pk=me.pk)
    return visible


def visible_people(viewer, queryset=None):
    queryset = Person.objects.all() if queryset is None else queryset
    return queryset.filter(people_filter(viewer))


def can_see_person(viewer, person):
    if person is None:
        return False
    return visible_people(viewer, Person.objects.filter(pk=person.pk)).exists()


def can_see_learning_progress(viewer, learner, trainer=None):
    """A learner's progress and reflections in a course (learning/): private to the learner, the trainer of
    their cohort, and editors who review learning (the `learning.review_learning` permission).

    Everybody else, including the learner's co-members and other trainers, is told nothing (404).
    With `learner=None` it answers for a whole cohort: its trainer and those editors.
    """
    viewer = _user(viewer)
    if not viewer.is_authenticated:
        return False
    me = viewer_person(viewer)
    if me is not None and any(p is not None and p.pk == me.pk for p in (learner, trainer)):
        return True
    return viewer.is_active and viewer.has_perm("learning.review_learning")


def visible_partners(viewer, partners):
    """The partner rows of a project the viewer may see: a school alone, or a person they may see.

    `partners` is a ProjectPartner queryset; the project page and the partner
    management page both list through this, so neither shows someone the
    other hides.
    """
    rows = list(partners.select_related("person"))
    shown = set(
        visible_people(viewer, Person.objects.filter(pk__in=[r.person_id for r in rows if r.person_id])).values_list(
            "pk", flat=True
        )
    )
    return [r for r in rows if r.person_id is None or r.person_id in shown]


def _restriction_admits(restriction, viewer, group_ids):
    """`restriction` is (restriction type, path, group ids) as _restrictions() lists them."""
    restriction_type, _path, restriction_groups = restriction
    if restriction_type == PageViewRestriction.LOGIN:
        return viewer.is_authenticated
    if restriction_type == PageViewRestriction.GROUPS:
        if viewer.is_superuser:
            return True
        return any(pk in group_ids for pk in restriction_groups)
    # Password restrictions are only lifted per browser session, never in lists.
    return False


def _restrictions():
    """Every page view restriction as (type, page path, group ids): the same for every viewer, so cached
    until a restriction or its groups change (core.content_cache bumps on those saves)."""

    def read():
        return [
            (r.restriction_type, r.page.path, sorted(g.pk for g in r.groups.all()))
            for r in PageViewRestriction.objects.select_related("page").prefetch_related("groups")
        ]

    return cached("page-restrictions", (), read)


# One page view asks visible_pages many times (the page, its sidebars, its
# JSON-LD, credits, links). Inside a request the viewer's blocked paths are read
# once: PrivacyMemoMiddleware opens a memo for the request, and any change to a
# view restriction or to a user's groups empties it (signals.py), so a request
# that changes a membership sees the change at once. Outside a request (tasks,
# commands, tests calling these functions) nothing is memoised.
_memo = contextvars.ContextVar("kollega_privacy_memo", default=None)


class PrivacyMemoMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        token = _memo.set({})
        try:
            return self.get_response(request)
        finally:
            _memo.reset(token)


def forget():
    """Drop what this request remembered (a restriction or a group membership changed)."""
    memo = _memo.get()
    if memo is not None:
        memo.clear()


def _group_ids(viewer):
    """The pks of the viewer's auth groups, read once per request (forget() empties the memo)."""
    if not viewer.is_authenticated:
        return []
    memo = _memo.get()
    key = ("group_ids", viewer.pk)
    if memo is not None and key in memo:
        return memo[key]
    ids = list(viewer.groups.values_list("pk", flat=True))
    if memo is not None:
        memo[key] = ids
    return ids


def blocked_paths(viewer):
    """Tree paths of the restricted pages that the viewer may not open."""
    viewer = _user(viewer)
    memo = _memo.get()
    key = ("blocked_paths", viewer.pk if viewer.is_authenticated else None)
    if memo is not None and key in memo:
        return memo[key]
    group_ids = set(_group_ids(viewer))
    paths = [r[1] for r in _restrictions() if not _restriction_admits(r, viewer, group_ids)]
    if memo is not None:
        memo[key] = paths
    return paths


def admitted_rule(viewer, through=""):
    """A Q admitting the pages whose view restrictions admit the viewer, live or not.

    `through` names a relation to a page ("target" on a notification): the rule then applies
    to the row's page by a join, which PostgreSQL answers by index per row, where an
    `__in=visible_pages(...)` subquery made it read every live page (57 ms at 100k).
    """
    prefix = f"{through}__" if through else ""
    rule = Q()
    for path in blocked_paths(viewer):
        rule &= ~Q(**{f"{prefix}path__startswith": path})
    return rule


def visible_rule(viewer, through=""):
    """A Q admitting the live pages the viewer may open (see admitted_rule for `through`)."""
    prefix = f"{through}__" if through else ""
    return Q(**{f"{prefix}live": True}) & admitted_rule(viewer, through)


def admitted_pages(viewer, queryset):
    """Narrow a page queryset to the pages whose view restrictions admit the viewer, live or not."""
    return queryset.filter(admitted_rule(viewer))


def visible_pages(viewer, queryset):
    """Narrow a page queryset to the live pages the viewer may open."""
    return queryset.filter(visible_rule(viewer))


def can_see_page(viewer, page):
    return visible_pages(viewer, Page.objects.filter(pk=page.pk)).exists()


def visible_among(viewer, pages):
    """The pages among `pages` that the viewer may open: the rule of visible_pages, without a query.

    `pages` are rows read from published content, possibly kept in core.content_cache (whose
    version changes on every publish, unpublish, move and view restriction change, so their
    `live` and `path` are current); the viewer's side is blocked_paths (read once per request).
    """
    blocked = blocked_paths(viewer)
    return [p for p in pages if p.live and not any(p.path.startswith(b) for b in blocked)]


def visible_translations(viewer, page):
    """The other translations of `page` that the viewer may open, with their locales.

    The language switcher and a material's "Also available in" both list them. The
    translation group is published content (cached); the viewer's part is visible_among.
    """

    def group():
        return list(page.get_translations(inclusive=False).live().select_related("locale").defer_streamfields())

    if page.pk is None:
        return []
    return visible_among(viewer, cached("translations", (page.pk,), group))


# -- Files: who may download a document ------------------------------------
#
# Which pages use a file is read from Wagtail's reference index: attachments,
# document and image blocks and rich-text links of each page's current row.
# resources/signals.py updates it at once when attachments change (Wagtail
# itself updates it through the task queue, so an editor's rich-text link
# may open a little later, never earlier). A file that so far sits only in a
# revision (a change to a live material waiting for review) is used by no page.


def _pk_text(queryset):
    """The primary keys of a queryset as text, the form in which the reference index stores ids."""
    return queryset.annotate(_pk_text=Cast("pk", CharField())).values("_pk_text")


def used_by_pages(pages, queryset):
    """The objects of `queryset` (documents, images) that at least one page of `pages` uses."""
    model = queryset.model
    references = ReferenceIndex.objects.filter(
        base_content_type=ContentType.objects.get_for_model(Page),
        object_id__in=_pk_text(pages),
        to_content_type=ContentType.objects.get_for_model(model),
    ).values("to_object_id")
    used = model.objects.annotate(_pk_text=Cast("pk", CharField())).filter(_pk_text__in=references)
    return queryset.filter(pk__in=used.values("pk"))


def visible_files(viewer, queryset):
    """The documents or images of `queryset` used by a page the viewer may see: what lists may show."""
    return used_by_pages(visible_pages(viewer, Page.objects.all()), queryset)


def referenced_ids(obj, model):
    """Primary keys of the `model` objects that `obj` (a page, or a revision's page) refers to."""
    content_type_id = ContentType.objects.get_for_model(model).pk
    ids = set()
    for to_content_type_id, object_id, *_rest in ReferenceIndex._extract_references_from_object(obj):
        if to_content_type_id == content_type_id and str(object_id).isdigit():
            ids.add(int(object_id))
    return ids


def page_documents(page):
    """Ids of the documents `page` uses, in its current row and in its latest revision."""
    from wagtail.documents import get_document_model

    model = get_document_model()
    ids = set(used_by_pages(Page.objects.filter(pk=page.pk), model.objects.all()).values_list("pk", flat=True))
    revision = page.get_latest_revision()
    if revision is not None:
        ids |= referenced_ids(revision.as_object(), model)
    return ids


def unpublished_work(viewer):
    """Pages with unpublished content the viewer works on: owns or is credited on, within view restrictions."""
    viewer = _user(viewer)
    if not viewer.is_authenticated:
        return Page.objects.none()
    mine = Q(owner=viewer)
    me = viewer_person(viewer)
    if me is not None and hasattr(me, "resource_contributions"):
        mine |= Q(pk__in=me.resource_contributions.values("page"))
    pending = Q(live=False) | Q(has_unpublished_changes=True)
    return admitted_pages(viewer, Page.objects.filter(mine).filter(pending))


def _used_by_unpublished_work(viewer, document):
    """Does the viewer's unpublished work, or a revision waiting for their review, use `document`?"""
    model = type(document)
    work = unpublished_work(viewer)
    if used_by_pages(work, model.objects.filter(pk=document.pk)).exists():
        return True
    revisions = (page.latest_revision for page in work.select_related("latest_revision") if page.latest_revision)
    reviewing = (state.revision for state in TaskState.objects.reviewable_by(viewer).select_related("revision"))
    for revisions_of in (revisions, reviewing):
        if any(document.pk in referenced_ids(revision.as_object(), model) for revision in revisions_of):
            return True
    return False


def may_manage_documents(viewer, document):
    """Editors who may change or choose the document in the Wagtail admin."""
    from wagtail.permissions import policy_registry

    policy = policy_registry.get_by_type(type(document))
    return policy.user_has_any_permission_for_instance(viewer, ["change", "choose"], document)


def can_download_document(viewer, document):
    """May the viewer download `document` (/documents/<id>/<name>)?

    Yes when a page the viewer may see uses it; for signed-in people also when
    they uploaded it, when it belongs to unpublished work of theirs or to a
    revision waiting for their review, or when they are editors of it.
    Anyone else is answered as if the file did not exist.
    """
    viewer = _user(viewer)
    if visible_files(viewer, type(document).objects.filter(pk=document.pk)).exists():
        return True
    if not viewer.is_authenticated or not viewer.is_active:
        return False
    if document.uploaded_by_user_id == viewer.pk or may_manage_documents(viewer, document):
        return True
    return _used_by_unpublished_work(viewer, document)


def visible_page_ids(viewer, ids):
    """The ids among `ids` of pages the viewer may open: for links and fields that point at pages."""
    ids = {pk for pk in ids if pk is not None}
    if not ids:
        return set()
    return set(visible_pages(viewer, Page.objects.filter(pk__in=ids)).values_list("pk", flat=True))


def visible_page_id(viewer, pk):
    """`pk` when the viewer may open that page, else None (a pointer to a hidden page says nothing)."""
    return pk if pk is not None and pk in visible_page_ids(viewer, [pk]) else None


def can_open_draft(viewer, page, community=None):
    """Whether the view restrictions let the viewer read a page that need not be live (a draft).

    Every restriction on the page or above it must admit the viewer, as in
    visible_pages (a password restriction never does), and so must those of
    `community`, the community the draft will belong to when it is published:
    a draft moving into a members-only community is already members-only.
    Being credited or owning a page is never enough on its own.
    """
    blocked = blocked_paths(viewer)
    paths = [page.path] + ([community.path] if community is not None else [])
    return not any(path.startswith(b) for path in paths for b in blocked)


def answers_as_missing(request, page):
    """Whether serving `page` must answer exactly as a missing page would (404).

    A login or group restriction (members-only) on the page or above it that
    refuses the request would otherwise send the visitor to sign in, which
    tells an outsider that the page exists. Wagtail's own check
    (PageViewRestriction.accept_request) decides; password restrictions keep
    Wagtail's password form, since knowing such an address is the point.
    communities/wagtail_hooks.py asks this before Wagtail serves any page.
    """
    if not any(page.path.startswith(path) for _type, path, _groups in _restrictions()):
        return False  # no view restriction on the page or above it (the common case: no query)
    return any(
        restriction.restriction_type != PageViewRestriction.PASSWORD and not restriction.accept_request(request)
        for restriction in page.get_view_restrictions()
    )


# -- Members-only communities as Wagtail privacy ---------------------------


def community_group(community):
    """The auth group holding a community's active members (shared by its translations)."""
    group, _ = Group.objects.get_or_create(name=f"Community members {community.translation_key}")
    return group


def restrict_page_to_community(page, community):
    """Give `page` a group view restriction for `community`'s members, or lift it for public communities."""
    restrictions = PageViewRestriction.objects.filter(page=page, restriction_type=PageViewRestriction.GROUPS)
    if community is not None and community.visibility == Visibility.MEMBERS:
        group = community_group(community)
        restriction = restrictions.first() or PageViewRestriction.objects.create(
            page=page, restriction_type=PageViewRestriction.GROUPS
        )
        restriction.groups.add(group)
    else:
        for restriction in restrictions:
            if restriction.groups.filter(name__startswith="Community members ").exists():
                restriction.delete()


MEMBERS_COLLECTION_PREFIX = "Community members "


def community_collection(communities):
    """The document collection only the members of `communities` may download.

    One collection per set of members-only communities, under the root, with a
    group view restriction holding each community's member group: Wagtail's
    document view checks it on every download (/documents/<id>/<file>).
    """
    keys = sorted({str(c.translation_key) for c in communities})
    name = MEMBERS_COLLECTION_PREFIX + "+".join(keys)
    root = Collection.get_first_root_node()
    collection = root.get_children().filter(name=name).first() or root.add_child(name=name)
    restriction = CollectionViewRestriction.objects.filter(
        collection=collection, restriction_type=CollectionViewRestriction.GROUPS
    ).first() or CollectionViewRestriction.objects.create(
        collection=collection, restriction_type=CollectionViewRestriction.GROUPS
    )
    restriction.groups.add(*[community_group(c) for c in communities])
    return collection


def restrict_document(document, communities):
    """Keep a document where the materials attaching it may be read.

    `communities` holds the owning community (or None) of every material the
    document is attached to. When all of them are members-only, the document
    moves into those communities' restricted collection; when any material is
    public, a document in one of our restricted collections moves back to the
    root collection. Collections chosen by editors are otherwise left alone.
    """
    communities = list(communities)
    members_only = [c for c in communities if c is not None and c.visibility == Visibility.MEMBERS]
    if communities and len(members_only) == len(communities):
        target = community_collection(members_only)
    elif document.collection.name.startswith(MEMBERS_COLLECTION_PREFIX):
        target = Collection.get_first_root_node()
    else:
        return
    if document.collection_id != target.pk:
        document.collection = target
        document.save(update_fields=["collection"])


def sync_member_groups(person):
    """Put a person's user in exactly the groups of their active communities."""
    if person.user_id is None:
        return
    user = person.user
    wanted = {
        f"Community members {key}"
        for key in Membership.objects.active()
        .filter(person=person)
        .values_list("community__translation_key", flat=True)
    }
    current = user.groups.filter(name__startswith="Community members ")
    for group in current:
        if group.name not in wanted:
            user.groups.remove(group)
    for name in wanted:
        user.groups.add(Group.objects.get_or_create(name=name)[0])


# -- Audience tokens: the same rules in a form a search index can filter on --
#
# Each indexed page or person carries the tokens of the viewers who may see
# it; each viewer has tokens; a document matches a viewer when they share one.
# The recommender and search filter inside their queries with these, then
# confirm the final list with visible_pages / visible_people above.

PUBLIC = "public"


def page_audience(page):
    """Tokens of the viewers who may see a live page (empty when nobody may list it)."""
    if not page.live:
        return []
    restrictions = [
        r
        for r in PageViewRestriction.objects.filter(page__path__in=_ancestor_paths(page.path)).prefetch_related(
            "groups"
        )
    ]
    if not restrictions:
        return [PUBLIC]
    tokens = None
    for r in restrictions:
        if r.restriction_type == PageViewRestriction.LOGIN:
            mine = {"login"}
        elif r.restriction_type == PageViewRestriction.GROUPS:
            mine = {f"group:{g.pk}" for g in r.groups.all()}
        else:
            mine = set()
        # With several restrictions in the chain the narrowest one decides.
        tokens = mine if tokens is None or len(mine) < len(tokens) else tokens
    return sorted(tokens or [])


def _ancestor_paths(path, steplen=4):
    return [path[:i] for i in range(steplen, len(path) + 1, steplen)]


def viewer_page_audience(viewer):
    viewer = _user(viewer)
    tokens = [PUBLIC]
    if viewer.is_authenticated:
        tokens.append("login")
        ids = Group.objects.values_list("pk", flat=True) if viewer.is_superuser else _group_ids(viewer)
        tokens += [f"group:{pk}" for pk in ids]
    return tokens


def person_audience(person):
    """Tokens of the viewers who may see a person (mirrors people_filter)."""
    tokens = [f"self:{person.pk}"]
    level = person.discoverability
    if level == Discoverability.EUROPE:
        tokens.append(PUBLIC)
    elif person.user_id is not None:
        if level == Discoverability.COUNTRY and person.country:
            tokens.append(f"country:{person.country.code}")
        elif level == Discoverability.COMMUNITIES:
            tokens += [f"community:{key}" for key in shared_community_keys(person)]
    return tokens


def viewer_person_audience(viewer):
    tokens = [PUBLIC]
    me = viewer_person(viewer)
    if me is not None:
        tokens.append(f"self:{me.pk}")
        if me.country:
            tokens.append(f"country:{me.country.code}")
        tokens += [f"community:{key}" for key in shared_community_keys(me)]
    return tokens
