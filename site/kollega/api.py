"""Wagtail API v2 at /api/v2/: pages, images and documents, within the privacy rule.

Wagtail's own pages endpoint already drops pages behind a view restriction
that the request does not pass. We narrow it once more through
communities.privacy.visible_pages so that the API, the templates and search
answer the same question in the same place (members-only communities and
their materials, password-protected pages, drafts).
"""
from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.views import PagesAPIViewSet
from wagtail.documents.api.v2.views import DocumentsAPIViewSet
from wagtail.images.api.v2.views import ImagesAPIViewSet

from communities.privacy import visible_pages


class KollegaPagesAPIViewSet(PagesAPIViewSet):
    def get_base_queryset(self):
        # The base queryset is also used to resolve child_of/descendant_of,
        # so hidden parents cannot be used to probe for hidden children.
        return visible_pages(self.request.user, super().get_base_queryset())


api_router = WagtailAPIRouter("wagtailapi")
api_router.register_endpoint("pages", KollegaPagesAPIViewSet)
api_router.register_endpoint("images", ImagesAPIViewSet)
api_router.register_endpoint("documents", DocumentsAPIViewSet)
