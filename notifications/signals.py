"""Events of the apps below this one (communities, resources) that notify people.

communities and resources never import notifications: a membership answered and a
material published reach us through their model signals and Wagtail's page_published.
"""

from django.db import transaction
from django.db.models.signals import post_delete, post_save, pre_save
from django.dispatch import receiver
from wagtail.signals import page_published

from communities.choices import MembershipStatus
from communities.models import CommunityPage, Membership, Person
from resources.models import ResourcePage

from .choices import NotificationKind
from .services import material_published, notify


@receiver(page_published, sender=ResourcePage, dispatch_uid="notifications_material_published")
def announce_material(sender, instance, **kwargs):
    material_published(instance)


@receiver(pre_save, sender=Membership, dispatch_uid="notifications_membership_before")
def remember_status(sender, instance, **kwargs):
    instance._notifications_status_before = (
        Membership.objects.filter(pk=instance.pk).values_list("status", flat=True).first() if instance.pk else None
    )


@receiver(post_save, sender=Membership, dispatch_uid="notifications_membership_answered")
def join_request_accepted(sender, instance, created, **kwargs):
    before = getattr(instance, "_notifications_status_before", None)
    if before == MembershipStatus.REQUESTED and instance.status == MembershipStatus.ACTIVE:
        notify(instance.person, NotificationKind.JOIN_ACCEPTED, target=instance.community)


def _declined(person_id, community_id):
    person = Person.objects.filter(pk=person_id).select_related("user").first()
    community = CommunityPage.objects.filter(pk=community_id).first()
    if person is not None and community is not None:
        notify(person, NotificationKind.JOIN_DECLINED, target=community)


@receiver(post_delete, sender=Membership, dispatch_uid="notifications_membership_declined")
def join_request_declined(sender, instance, **kwargs):
    # A facilitator's "decline" deletes the request. After commit, so that a request that goes
    # because its community or its person is being deleted tells nobody.
    if instance.status == MembershipStatus.REQUESTED:
        person_id, community_id = instance.person_id, instance.community_id
        transaction.on_commit(lambda: _declined(person_id, community_id))
