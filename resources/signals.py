"""Materials of a members-only community carry that community's Wagtail view restriction,
and so do the files attached to them (a restricted document collection)."""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from wagtail.models import ReferenceIndex
from wagtail.signal_handlers import reference_index_auto_update_disabled

from communities.models import CommunityPage
from communities.privacy import restrict_document, restrict_page_to_community

from .models import ResourceAttachment, ResourcePage


def sync_document_privacy(document):
    """Serve `document` only to those who may read every material it is attached to."""
    pages = ResourcePage.objects.filter(attachments__document=document).select_related("community")
    restrict_document(document, [page.community for page in pages])


def sync_attachments_of(pages):
    documents = {
        a.document for a in ResourceAttachment.objects.filter(page__in=pages).select_related("document__collection")
    }
    for document in documents:
        sync_document_privacy(document)


@receiver(post_save, sender=ResourcePage)
def resource_saved(sender, instance, **kwargs):
    restrict_page_to_community(instance, instance.community)
    # Attachments added in this save are committed after the page itself;
    # attachment_saved below covers them.
    sync_attachments_of([instance])


def index_references_now(page):
    """Record at once which documents a material uses: downloads ask the reference index
    (communities.privacy.can_download_document), which Wagtail only updates through the task queue.
    Bulk loaders that switch the automatic update off rebuild the index themselves."""
    if getattr(reference_index_auto_update_disabled, "value", False):
        return
    ReferenceIndex.create_or_update_for_object(page)


@receiver(post_save, sender=ResourceAttachment)
@receiver(post_delete, sender=ResourceAttachment)
def attachment_saved(sender, instance, **kwargs):
    page = ResourcePage.objects.filter(pk=instance.page_id).first()
    if page is not None:
        index_references_now(page)
    try:
        document = instance.document
    except instance._meta.get_field("document").related_model.DoesNotExist:
        return  # the document itself is being deleted
    sync_document_privacy(document)


@receiver(post_save, sender=CommunityPage)
def community_saved(sender, instance, **kwargs):
    # A community turning members-only (or public) takes its materials' files along.
    sync_attachments_of(instance.resources.all())
