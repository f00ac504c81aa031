"""Admin: a flat "Materials" listing of every resource across the page tree, with filters editors ask for."""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.ui.tables import Column
from wagtail.admin.viewsets.pages import PageListingViewSet

from .models import ResourcePage


class MaterialsListingViewSet(PageListingViewSet):
    model = ResourcePage
    icon = "doc-full"
    menu_label = _("Materials")
    menu_order = 150
    add_to_admin_menu = True
    columns = PageListingViewSet.columns + [
        Column("material_language_name", label=_("Language of the material"), sort_key="material_language"),
        Column(
            "licence_label",
            label=_("Licence"),
            accessor=lambda page: page.licence_info.label if page.licence_info else "",
        ),
    ]


materials_listing_viewset = MaterialsListingViewSet("materials")


@hooks.register("register_admin_viewset")
def register_materials_listing():
    return materials_listing_viewset
