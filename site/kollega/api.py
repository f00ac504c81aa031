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

Malformed parameters are a 400 with a message, never a 500: ?search= goes
through the search page's parser (search.query.parse_query), so engine syntax
such as a lone quote or a NUL byte is plain text; search_operator is "and" or
"or"; an offset past the end is an empty page (beyond 2**63 - 1 a 400);
find?id= must be an id.
"""

from django.conf import settings
from rest_framework.filters import BaseFilterBackend
from wagtail.api.v2.filters import SearchFilter
from wagtail.api.v2.pagination import WagtailPagination
from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.serializers import PageAliasOfField, PageSerializer
from wagtail.api.v2.utils import BadRequestError
from wagtail.api.v2.views import PagesAPIViewSet
from wagtail.documents.api.v2.views import DocumentsAPIViewSet
from wagtail.images.api.v2.views import ImagesAPIViewSet
from wagtail.models import Page
from wagtail.search.backends.base import FilterFieldError, OrderByFieldError

from communities.privacy import visible_files, visible_page_id, visible_pages
from core.converters import MAX_ID
from core.forms import is_storable_key
from search.backends import backend_for_language
from search.query import parse_query

SEARCH_OPERATORS = ("and", "or")
# At most this many matches of one -exclusion are removed (the search page's own bound).
MAX_EXCLUDED = 5000


class ParsedSearchFilter(SearchFilter):
    """?search= as the search page reads it: words, "phrases" and -exclusions, every word required by default."""

    def filter_queryset(self, request, queryset, view):
        if "search" not in request.GET:
            return queryset
        if not getattr(settings, "WAGTAILAPI_SEARCH_ENABLED", True):
            raise BadRequestError("search is disabled")
        if getattr(queryset, "_filtered_by_tag", False):
            raise BadRequestError("filtering by tag with a search query is not supported")
        operator = request.GET.get("search_operator") or "and"
        if operator not in SEARCH_OPERATORS:
            raise BadRequestError("search_operator must be 'and' or 'or'")
        parsed = parse_query(request.GET["search"])
        if not parsed:
            return queryset.none()  # nothing to look for (only punctuation, control characters, exclusions)
        backend = backend_for_language()
        try:
            # Exclusions are removed before the search, as the search page does on SQLite: with every
            # language's configuration OR-ed (PostgreSQL, no reader language here), a NOT inside the
            # query holds in any language whose stemmer reads the word differently.
            excluded = set()
            for word in parsed.excluded:
                excluded.update(obj.pk for obj in backend.search(word, queryset.only("pk"))[:MAX_EXCLUDED])
            if excluded:
                queryset = queryset.exclude(pk__in=excluded)
            return backend.search(
                parsed.to_search_query(exclusions=False, operator=operator),
                queryset,
                order_by_relevance="order" not in request.GET,
            )
        except FilterFieldError as e:
            raise BadRequestError(f"cannot filter by '{e.field_name}' while searching (field is not indexed)") from e
        except OrderByFieldError as e:
            raise BadRequestError(f"cannot order by '{e.field_name}' while searching (field is not indexed)") from e


class KollegaPagination(WagtailPagination):
    def paginate_queryset(self, queryset, request, view=None):
        offset = request.GET.get("offset", "0")
        if offset.isdigit() and int(offset) > MAX_ID:
            raise BadRequestError(f"offset cannot be higher than {MAX_ID}")
        page = super().paginate_queryset(queryset, request, view)
        # Past the end is empty: the database is not asked (it cannot add a limit to offsets near MAX_ID).
        if int(offset) >= self.total_count:
            return []
        return page


class MalformedInputMixin:
    """What all three endpoints share: the parsed search, bounded paging, find?id= checked."""

    pagination_class = KollegaPagination

    def __init_subclass__(cls, **kwargs):
        super().__init_subclass__(**kwargs)
        cls.filter_backends = [ParsedSearchFilter if b is SearchFilter else b for b in cls.filter_backends]

    def initial(self, request, *args, **kwargs):
        super().initial(request, *args, **kwargs)
        # PostgreSQL cannot hold a NUL character in a text value: refuse it before any filter reaches
        # the database (?search= drops control characters itself; find?id= must be a number anyway).
        if any("\x00" in value for name, value in request.GET.items() if name not in ("search", "id")):
            raise BadRequestError("query parameters cannot contain NUL characters")

    def find_object(self, queryset, request):
        if "id" in request.GET and not is_storable_key(queryset, request.GET["id"]):
            raise BadRequestError("id must be a positive integer")
        return super().find_object(queryset, request)


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
        pointers = page_pointer_fields(queryset.model) & set(
            view.get_available_fields(queryset.model, db_fields_only=True)
        )
        for name in pointers & set(request.GET):
            try:
                pk = int(request.GET[name])
            except ValueError:
                continue  # FieldsFilter answers 400 for a value that is not a number
            if not 0 < pk <= MAX_ID or visible_page_id(request.user, pk) is None:
                return queryset.none()
        return queryset


class KollegaPagesAPIViewSet(MalformedInputMixin, PagesAPIViewSet):
    base_serializer_class = KollegaPageSerializer
    filter_backends = [HiddenPointerFilter] + PagesAPIViewSet.filter_backends

    def get_base_queryset(self):
        # The base queryset is also used to resolve child_of/descendant_of,
        # so hidden parents cannot be used to probe for hidden children.
        return visible_pages(self.request.user, super().get_base_queryset())


class KollegaDocumentsAPIViewSet(MalformedInputMixin, DocumentsAPIViewSet):
    def get_queryset(self):
        return visible_files(self.request.user, super().get_queryset())


class KollegaImagesAPIViewSet(MalformedInputMixin, ImagesAPIViewSet):
    def get_queryset(self):
        return visible_files(self.request.user, super().get_queryset())


api_router = WagtailAPIRouter("wagtailapi")
api_router.register_endpoint("pages", KollegaPagesAPIViewSet)
api_router.register_endpoint("images", KollegaImagesAPIViewSet)
api_router.register_endpoint("documents", KollegaDocumentsAPIViewSet)
