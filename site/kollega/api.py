"""Wagtail API v2 at /api/v2/: pages, images and documents, within the privacy rule.

Wagtail's own pages endpoint already drops pages behind a view restriction
that the request does not pass. We narrow it once more through
communities.privacy.visible_pages so that the API, the templates and search
answer the same question in the same place (members-only communities and
their materials, password-protected pages, drafts).

The documents and images endpoints list only files used by a page the
request may see (communities.privacy.visible_files): files of drafts,
of members-only pages and profile photos are not listed, and their ids
answer 404. The endpoints stay on for harvesters that fetch the files of
public materials; /documents/ downloads ask privacy.can_download_document.
"""
from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.views import PagesAPIViewSet
from wagtail.documents.api.v2.views import DocumentsAPIViewSet
from wagtail.images.api.v2.views import ImagesAPIViewSet

from communities.privacy import visible_files, visible_pages


class KollegaPagesAPIViewSet(PagesAPIViewSet):
    def get_base_queryset(self):
        # The base queryset is also used to resolve child_of/descendant_of,
        # so hidden parents cannot be used to probe for hidden children.
        return visible_pages(self.request.user, super().get_base_queryset())


class KollegaDocumentsAPIViewSet(DocumentsAPIViewSet):
    def get_queryset(self):
        return visible_files(self.request.user, super().get_queryset())


class KollegaImagesAPIViewSet(ImagesAPIViewSet):
    def get_queryset(self):
        return visible_files(self.request.user, super().get_queryset())


api_router = WagtailAPIRouter("wagtailapi")
api_router.register_endpoint("pages", KollegaPagesAPIViewSet)
api_router.register_endpoint("images", KollegaImagesAPIViewSet)
api_router.register_endpoint("documents", KollegaDocumentsAPIViewSet)
