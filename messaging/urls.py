"""URLs of messaging, under each locale prefix (mounted before communities' "people/")."""

from django.urls import path

import core.converters  # noqa: F401  (registers <id:...>)

from . import views

app_name = "messaging"
urlpatterns = [
    path("people/<slug:slug>/contact/", views.contact, name="contact"),
    path("messages/", views.inbox, name="inbox"),
    path("messages/settings/", views.settings_view, name="settings"),
    path("messages/requests/<id:pk>/", views.contact_request, name="request"),
    path("messages/report/<slug:slug>/", views.report, name="report"),
    path("messages/<id:pk>/", views.conversation, name="conversation"),
    path("messages/<id:pk>/leave/", views.leave, name="leave"),
    path("messages/<id:pk>/block/", views.block_in_conversation, name="block"),
]
