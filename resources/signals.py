"""Materials of a members-only community carry that community's Wagtail view restriction."""
from django.db.models.signals import post_save
from django.dispatch import receiver

from communities.privacy import restrict_page_to_community

from .models import ResourcePage


@receiver(post_save, sender=ResourcePage)
def resource_saved(sender, instance, **kwargs):
    restrict_page_to_community(instance, instance.community)
