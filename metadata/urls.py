"""Unlocalized machine endpoints of the open metadata (sitemap.xml is mounted by the shell)."""

from django.urls import path

from . import oai

app_name = "metadata"

urlpatterns = [
    path("", oai.endpoint, name="oai"),
]
