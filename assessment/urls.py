"""URLs of the self-assessment (under the locale prefix)."""

from django.urls import path

import core.converters  # noqa: F401  (registers <id:...>)

from . import views

app_name = "assessment"
urlpatterns = [
    path("", views.take, name="take"),
    path("history/", views.history, name="history"),
    path("<id:pk>/", views.result, name="result"),
]
