"""Facilitators' admin access follows their memberships; teachers hear back when a review ends."""

from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from wagtail.signals import task_submitted, workflow_approved, workflow_rejected

from communities.models import Membership, Person
from notifications.choices import NotificationKind
from notifications.services import notify as notify_person
from notifications.services import path_for

from .models import FacilitatorApprovalTask
from .moderation import notify, notify_facilitators, sync_facilitator_access


@receiver(post_save, sender=Membership)
@receiver(post_delete, sender=Membership)
def membership_changed(sender, instance, **kwargs):
    sync_facilitator_access(instance.person)


def _tell_in_centre(user, kind, page, url=""):
    """The notification centre's line beside the e-mail (the teacher's Person, if they have one)."""
    notify_person(Person.objects.filter(user=user).first(), kind, target=page, url=url)


def _resource(workflow_state):
    from resources.models import ResourcePage

    obj = workflow_state.content_object
    page = obj.specific if hasattr(obj, "specific") else obj
    return page if isinstance(page, ResourcePage) else None


@receiver(workflow_approved)
def tell_teacher_approved(sender, instance, user=None, **kwargs):
    page = _resource(instance)
    if page is None or instance.requested_by is None:
        return
    comment = instance.current_task_state.comment if instance.current_task_state else ""
    # After commit, so that the e-mail never announces a publication that was rolled back.
    transaction.on_commit(
        lambda: notify(
            instance.requested_by,
            "approved",
            page,
            reviewer=user,
            comment=comment,
        )
    )
    transaction.on_commit(lambda: _tell_in_centre(instance.requested_by, NotificationKind.MATERIAL_APPROVED, page))


@receiver(workflow_rejected)
def tell_teacher_changes_requested(sender, instance, user=None, **kwargs):
    page = _resource(instance)
    if page is None or instance.requested_by is None:
        return
    comment = instance.current_task_state.comment if instance.current_task_state else ""
    transaction.on_commit(
        lambda: notify(
            instance.requested_by,
            "changes_requested",
            page,
            reviewer=user,
            comment=comment,
        )
    )
    transaction.on_commit(
        lambda: _tell_in_centre(
            instance.requested_by,
            NotificationKind.MATERIAL_SENT_BACK,
            page,
            url=path_for("contributions:edit", page.pk),
        )
    )


@receiver(task_submitted)
def tell_facilitators(sender, instance, user=None, **kwargs):
    if not isinstance(instance.task.specific, FacilitatorApprovalTask):
        return
    page = _resource(instance.workflow_state)
    if page is not None:
        transaction.on_commit(lambda: notify_facilitators(page, user))
