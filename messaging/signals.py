"""When an account is deleted (accounts.services anonymises the Person), they leave their conversations."""

from django.db.models.signals import post_save
from django.dispatch import receiver

from communities.models import Person

from .services import forget_person


@receiver(post_save, sender=Person, dispatch_uid="messaging_forget_former_member")
def forget_former_member(sender, instance, **kwargs):
    if instance.anonymised_at is not None:
        forget_person(instance)
