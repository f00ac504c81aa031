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

Fields that name people or point at pages are answered for the requesting
user by the pages themselves (`communities.api_fields.ForViewer`); here the
pages endpoint makes the rest of Wagtail's pointers follow the same rule:
`alias_of` names only pages the user may open, and a filter on a pointer field
(`?based_on_id=`, `?community_id=`, `?project_id=`) naming a page the user may
not open answers as for a page that does not exist (an empty list), so it
cannot be used to probe for hidden pages.
"""
from rest_framework.filters import BaseFilterBackend
from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.serializers import PageAliasOfField, PageSerializer
from wagtail.api.v2.views import PagesAPIViewSet
from wagtail.documents.api.v2.views import DocumentsAPIViewSet
from wagtail.images.api.v2.views import ImagesAPIViewSet
from wagtail.models import Page

from communities.privacy import visible_files, visible_page_id, visible_pages

MAX_ID = 2**63 - 1


class VisibleAliasOfField(PageAliasOfField):
    def get_attribute(self, instance):
        original = instance.alias_of
        if original is not None and self.context["base_queryset"].filter(pk=original.pk).exists():
            return original
        return None


class KollegaPageSerializer(PageSerializer):
    alias_of = VisibleAliasOfField(read_only=True)


def page_pointer_fields(model):
    """Names (attnames) of a model's foreign keys to pages, as the API filters on them."""
    names = set()
    for field in model._meta.concrete_fields:
        related = getattr(field, "related_model", None)
        if field.many_to_one and related is not None and issubclass(related, Page):
            names.add(field.attname)
    return names


class HiddenPointerFilter(BaseFilterBackend):
    """A filter on a pointer to a page the user may not open finds nothing (as for a missing page)."""

    def filter_queryset(self, request, queryset, view):
        pointers = page_pointer_fields(queryset.model) & set(view.get_available_fields(queryset.model, db_fields_only=True))
        for name in pointers & set(request.GET):
            try:
                pk = int(request.GET[name])
            except ValueError:
                continue  # FieldsFilter answers 400 for a value that is not a number
            if not 0 < pk <= MAX_ID or visible_page_id(request.user, pk) is None:
                return queryset.none()
        return queryset


class KollegaPagesAPIViewSet(PagesAPIViewSet):
    base_serializer_class = KollegaPageSerializer
    filter_backends = [HiddenPointerFilter] + PagesAPIViewSet.filter_backends

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
