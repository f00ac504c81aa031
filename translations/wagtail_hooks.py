"""Admin wiring: the status report under Reports, the validated PO upload, and translation requests on pages."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from . import views


@hooks.register("register_admin_urls")
def register_admin_urls():
    return [
        path("reports/translation-status/", views.translation_report, name="translation_status_report"),
        # Same path as wagtail-localize's upload view: this app is installed before
        # wagtail_localize, so its pattern matches first and the editor's "Upload PO
        # file" button goes through the validating import (translations/po.py).
        path(
            "localize/translate/<int:translation_id>/pofile/upload/",
            views.upload_pofile,
            name="translations_upload_pofile",
        ),
    ]


class TranslationReportMenuItem(MenuItem):
    def is_shown(self, request):
        return views.can_view_report(request.user)


@hooks.register("register_reports_menu_item")
def register_translation_report_menu_item():
    return TranslationReportMenuItem(
        _("Translation status"),
        reverse("translation_status_report"),
        name="translation-status",
        icon_name="site",
        order=650,
    )


@hooks.register("before_serve_page")
def translation_request(page, request, serve_args, serve_kwargs):
    """A POST with `translation_request` on a resource page records the reader's request."""
    from resources.models import ResourcePage

    if request.method == "POST" and "translation_request" in request.POST and isinstance(page.specific, ResourcePage):
        return views.handle_translation_request(page.specific, request)
    return None
