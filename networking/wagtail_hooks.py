"""Admin wiring: the Networking report under Reports, for editors and facilitators."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from . import admin_views


@hooks.register("register_admin_urls")
def register_admin_urls():
    return [path("reports/networking/", admin_views.networking_report, name="networking_report")]


class NetworkingMenuItem(MenuItem):
    def is_shown(self, request):
        return admin_views.can_view_report(request.user)


@hooks.register("register_reports_menu_item")
def register_networking_menu_item():
    return NetworkingMenuItem(
        _("Networking"), reverse("networking_report"), name="networking", icon_name="user", order=670
    )
