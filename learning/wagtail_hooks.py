"""Admin wiring: the facilitators-trained report under Reports, and cohorts as snippets."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel, PageChooserPanel
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from . import admin_views
from .models import Cohort


@hooks.register("register_admin_urls")
def register_admin_urls():
    return [
        path(
            "reports/facilitators-trained/",
            admin_views.facilitators_trained_report,
            name="facilitators_trained_report",
        ),
    ]


class FacilitatorsTrainedMenuItem(MenuItem):
    def is_shown(self, request):
        return admin_views.can_view_report(request.user)


@hooks.register("register_reports_menu_item")
def register_facilitators_trained_menu_item():
    return FacilitatorsTrainedMenuItem(
        _("Facilitators trained"),
        reverse("facilitators_trained_report"),
        name="facilitators-trained",
        icon_name="group",
        order=660,
    )


class CohortViewSet(SnippetViewSet):
    model = Cohort
    icon = "group"
    menu_label = _("Cohorts")
    list_display = ["name", "starts_on", "trainer", "language"]
    panels = [
        FieldPanel("name"),
        PageChooserPanel("curriculum", "resources.CurriculumPage"),
        FieldRowPanel([FieldPanel("trainer"), FieldPanel("community")]),
        FieldRowPanel([FieldPanel("language"), FieldPanel("starts_on")]),
        MultiFieldPanel(
            [
                FieldPanel("is_workshop"),
                PageChooserPanel("workshop_event", "events.EventPage"),
                FieldRowPanel([FieldPanel("workshop_starts_on"), FieldPanel("workshop_ends_on")]),
                FieldPanel("place"),
            ],
            heading=_("Workshop"),
        ),
    ]


register_snippet(CohortViewSet)
