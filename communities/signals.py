"""Keep Wagtail privacy in step with community visibility and memberships."""

from django.contrib.auth import get_user_model
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.dispatch import receiver
from wagtail.models import PageViewRestriction

from .models import CommunityPage, Membership
from .privacy import forget, restrict_page_to_community, sync_member_groups


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
    forget()  # the request's memo of community keys and groups


@receiver(post_save, sender=PageViewRestriction)
@receiver(post_delete, sender=PageViewRestriction)
@receiver(m2m_changed, sender=PageViewRestriction.groups.through)
@receiver(m2m_changed, sender=get_user_model().groups.through)
def restrictions_changed(sender, **kwargs):
    forget()
