"""Front-end URLs for teachers' contributions (under the locale prefix)."""

from django.urls import path

import core.converters  # noqa: F401  (registers <id:...>)

from . import views

app_name = "contributions"
urlpatterns = [
    path("", views.contribute, name="contribute"),
    path("mine/", views.mine, name="mine"),
    path("<id:page_id>/edit/", views.edit, name="edit"),
    path("<id:page_id>/adapt/", views.adapt, name="adapt"),
    path("<id:page_id>/translate/", views.translate, name="translate"),
]
