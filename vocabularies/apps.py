from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class VocabulariesConfig(AppConfig):
    name = "vocabularies"
    verbose_name = _("Vocabularies")

    def ready(self):
        from django.db.models.signals import post_delete, post_save

        from .models import ResourceType, Subject, forget_labels

        for model in (Subject, ResourceType):
            post_save.connect(forget_labels, sender=model, dispatch_uid=f"vocabulary-labels-save-{model.__name__}")
            post_delete.connect(forget_labels, sender=model, dispatch_uid=f"vocabulary-labels-delete-{model.__name__}")
