"""Events of the apps below this one (communities, resources) that notify people.

communities and resources never import notifications: a membership answered and a
material published reach us through their model signals and Wagtail's page_published.
"""

from django.db import transaction
from django.db.models.signals import post_delete, post_save, pre_save
from django.dispatch import receiver
from wagtail.signals import page_published

from communities.choices import MembershipStatus, PartnerRequestKind, PartnerRequestStatus
from communities.models import CommunityPage, Membership, PartnerRequest, Person
from communities.participation import who_decides
from resources.models import ResourcePage

from .choices import NotificationKind
from .services import material_published, notify, notify_many, path_for


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


@receiver(post_save, sender=PartnerRequest, dispatch_uid="notifications_partner_request")
def partner_request_changed(sender, instance, created, **kwargs):
    """A request to join a project, or an invitation, to those who decide; a yes to the side that asked."""
    url = path_for("participation:partner_request", instance.pk)
    if created and instance.status == PartnerRequestStatus.PENDING:
        kind = (
            NotificationKind.PARTNER_ASKED
            if instance.kind == PartnerRequestKind.ASKED
            else NotificationKind.PARTNER_INVITED
        )
        deciders = [p for p in who_decides(instance) if p.pk != instance.sent_by_id]
        notify_many(deciders, kind, actor=instance.sent_by, target=instance.project, url=url)
    elif instance.status == PartnerRequestStatus.ACCEPTED:
        # The side that asked hears that the partnership exists.
        if instance.kind == PartnerRequestKind.ASKED:
            notify(instance.person, NotificationKind.PARTNER_WELCOME, target=instance.project, url=url)
        elif instance.sent_by is not None:
            notify(
                instance.sent_by,
                NotificationKind.PARTNER_ACCEPTED,
                actor=instance.person,
                target=instance.project,
                url=url,
            )
