"""Keep recommendations fresh: publishing, unpublishing, moving, deleting pages and saving profiles."""
from django.db.models.signals import post_delete, post_save
from wagtail.signals import page_published, page_unpublished, post_page_move

from communities.models import CommunityPage, Membership, Person
from resources.models import ResourcePage

from .documents import KINDS, key_for, kind_of
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
    post_save.connect(on_person_saved, sender=Person, dispatch_uid="recommender-person")
    post_save.connect(on_membership_changed, sender=Membership, dispatch_uid="recommender-membership-save")
    post_delete.connect(on_membership_changed, sender=Membership, dispatch_uid="recommender-membership-delete")
