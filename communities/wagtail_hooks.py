"""Admin screens for people and memberships, grouped under a "Communities" menu; serving hooks of the privacy rule."""

from django.http import Http404
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .models import Membership, Person
from .privacy import answers_as_missing, can_download_document


@hooks.register("before_serve_document", order=100)
def serve_documents_within_privacy(document, request):
    """Every download (/documents/<id>/<name>) asks communities.privacy.

    After Wagtail's own collection check (order 0), so a members-only file still
    sends a signed-out member to sign in; anyone else who may not have the file
    gets the same 404 as for a file that does not exist.
    """
    if not can_download_document(request.user, document):
        raise Http404


@hooks.register("before_serve_page", order=-100)
def restricted_pages_answer_as_missing(page, request, serve_args, serve_kwargs):
    """A members-only (or sign-in only) page refuses outsiders with the 404 of a missing page.

    Runs before Wagtail's own view-restriction check (an on_serve_page hook,
    which would redirect to sign-in); the 404 page offers signed-out
    visitors a sign-in link that returns to the address they asked for.
    """
    if answers_as_missing(request, page):
        raise Http404


class PersonViewSet(SnippetViewSet):
    model = Person
    icon = "user"
    menu_label = _("People")
    list_display = ["display_name", "school", "country", "discoverability", "open_to_collaboration"]
    list_filter = ["country", "discoverability", "open_to_collaboration"]
    list_export = ["display_name", "school", "country", "region", "discoverability", "open_to_collaboration"]
    # Database search: facilitators look people up by name, school or region,
    # and the result must not depend on the search index being up to date.
    search_fields = ["display_name", "school", "region"]
    search_backend_name = None
    ordering = ["display_name"]


class MembershipViewSet(SnippetViewSet):
    model = Membership
    icon = "group"
    menu_label = _("Memberships")
    list_display = ["person", "community", "role", "status", "since"]
    list_filter = ["role", "status"]
    list_export = ["person", "community", "role", "status", "since"]
    search_fields = ["person__display_name", "community__title"]
    search_backend_name = None
    ordering = ["-since"]

    def get_queryset(self, request):
        return Membership.objects.select_related("person", "community")


class CommunitiesGroup(SnippetViewSetGroup):
    menu_label = _("Communities")
    menu_icon = "group"
    menu_order = 250
    items = (PersonViewSet, MembershipViewSet)


register_snippet(CommunitiesGroup)
