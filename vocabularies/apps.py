from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class VocabulariesConfig(AppConfig):
    name = "vocabularies"
    verbose_name = _("Vocabularies")

    def ready(self):
        from django.core.signals import request_finished, request_started
        from django.db.models.signals import post_delete, post_save

        from .models import ResourceType, Subject, end_request_memo, forget_labels, start_request_memo

        request_started.connect(start_request_memo, dispatch_uid="vocabulary-labels-request-started")
        request_finished.connect(end_request_memo, dispatch_uid="vocabulary-labels-request-finished")

        for model in (Subject, ResourceType):
            post_save.connect(forget_labels, sender=model, dispatch_uid=f"vocabulary-labels-save-{model.__name__}")
            post_delete.connect(forget_labels, sender=model, dispatch_uid=f"vocabulary-labels-delete-{model.__name__}")
