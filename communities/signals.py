"""Keep Wagtail privacy in step with community visibility and memberships."""
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from .models import CommunityPage, Membership
from .privacy import restrict_page_to_community, sync_member_groups


@receiver(post_save, sender=CommunityPage)
def community_saved(sender, instance, **kwargs):
    restrict_page_to_community(instance, instance)
    # Materials owned by the community follow its visibility (reverse relation
    # from resources; communities never imports resources).
    for resource in instance.resources.all():
        restrict_page_to_community(resource, instance)


@receiver(post_save, sender=Membership)
@receiver(post_delete, sender=Membership)
def membership_changed(sender, instance, **kwargs):
    sync_member_groups(instance.person)
