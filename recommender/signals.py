"""Keep recommendations fresh: publishing, unpublishing, moving, deleting pages, view restrictions and profiles."""

from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save
from wagtail.models import Page, PageViewRestriction
from wagtail.signals import page_published, page_unpublished, post_page_move

from communities.models import CommunityPage, Membership, Person
from resources.models import ResourcePage

from .documents import KINDS, PAGE_KINDS, key_for, kind_of
from .tasks import enqueue_remove, enqueue_update


def _related_keys(page):
    """Keys whose documents depend on this page besides its own."""
    keys = []
    if isinstance(page, ResourcePage):
        keys += [f"person:{pk}" for pk in page.contributors.values_list("person_id", flat=True)]
    if isinstance(page, CommunityPage):
        # Visibility of a community decides the audience of its materials.
        keys += [f"resource:{pk}" for pk in page.resources.values_list("pk", flat=True)]
    return keys


def on_publish(sender, instance, **kwargs):
    page = instance.specific
    if kind_of(page):
        enqueue_update([key_for(page)] + _related_keys(page))


def on_unpublish(sender, instance, **kwargs):
    page = instance.specific
    if kind_of(page):
        enqueue_remove([key_for(page)])
        enqueue_update(_related_keys(page))


def on_move(sender, instance, **kwargs):
    page = instance.specific
    if kind_of(page):
        enqueue_update([key_for(page)] + _related_keys(page))


def on_delete(sender, instance, **kwargs):
    key = key_for(instance)
    if key:
        enqueue_remove([key])


def _subtree_keys(page):
    """Keys of a page and its descendants (a view restriction covers the whole subtree)."""
    keys = []
    for kind in PAGE_KINDS:
        pks = KINDS[kind].objects.filter(path__startswith=page.path).values_list("pk", flat=True)
        keys += [f"{kind}:{pk}" for pk in pks]
    return keys + _related_keys(page.specific)


def restriction_changed(pages):
    """A view restriction on `pages` was added, changed or lifted: re-index their subtrees as a publish does.

    The documents' audience tokens change (or they leave the index), and
    every cached list is dropped at once, before the worker runs: a list
    computed before the change may name what its viewer may no longer see.
    """
    keys = []
    for page in pages:
        if page is not None:
            keys += _subtree_keys(page)
    if keys:
        enqueue_update(keys)
        from .services import invalidate

        transaction.on_commit(invalidate)


def on_restriction_saved(sender, instance, **kwargs):
    restriction_changed([Page.objects.filter(pk=instance.page_id).first()])


def on_restriction_groups_changed(sender, instance, action, reverse, pk_set, **kwargs):
    if action not in ("post_add", "post_remove", "pre_clear"):
        return
    if action != "pre_clear" and not pk_set:
        return  # adding a group already there (every save of a members-only material does)
    if isinstance(instance, PageViewRestriction):
        restrictions = [instance]
    elif action == "pre_clear":
        restrictions = list(instance.pageviewrestriction_set.all())
    else:
        restrictions = list(PageViewRestriction.objects.filter(pk__in=pk_set or ()))
    restriction_changed([Page.objects.filter(pk=r.page_id).first() for r in restrictions])


def on_person_saved(sender, instance, **kwargs):
    if instance.is_former_member:
        # A deleted account: its profile vector is personal data, erased now rather than by the worker.
        from .services import forget

        forget(instance)
        return
    enqueue_update([key_for(instance)])


def on_membership_changed(sender, instance, **kwargs):
    enqueue_update([f"person:{instance.person_id}"])


def connect():
    page_published.connect(on_publish, dispatch_uid="recommender-publish")
    page_unpublished.connect(on_unpublish, dispatch_uid="recommender-unpublish")
    post_page_move.connect(on_move, dispatch_uid="recommender-move")
    for model in KINDS.values():
        post_delete.connect(on_delete, sender=model, dispatch_uid=f"recommender-delete-{model.__name__}")
    post_save.connect(on_restriction_saved, sender=PageViewRestriction, dispatch_uid="recommender-restriction-save")
    post_delete.connect(on_restriction_saved, sender=PageViewRestriction, dispatch_uid="recommender-restriction-delete")
    m2m_changed.connect(
        on_restriction_groups_changed,
        sender=PageViewRestriction.groups.through,
        dispatch_uid="recommender-restriction-groups",
    )
    post_save.connect(on_person_saved, sender=Person, dispatch_uid="recommender-person")
    post_save.connect(on_membership_changed, sender=Membership, dispatch_uid="recommender-membership-save")
    post_delete.connect(on_membership_changed, sender=Membership, dispatch_uid="recommender-membership-delete")
