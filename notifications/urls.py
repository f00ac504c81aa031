"""URLs of the notification centre and of following, under each locale prefix (/en/notifications/...)."""

from django.urls import path

import core.converters  # noqa: F401  (registers <id:...>)

from . import views

app_name = "notifications"
urlpatterns = [
    path("", views.centre, name="centre"),
    path("read/", views.read_all, name="read_all"),
    path("settings/", views.settings_view, name="settings"),
    path("follow/", views.follow_view, name="follow"),
    path("unsubscribe/<str:token>/", views.unsubscribe, name="unsubscribe"),
    path("<id:pk>/", views.open_notification, name="open"),
]
