"""The legal and trust pages, under each locale prefix (/en/privacy/ ...)."""

from django.urls import path

from . import views

app_name = "home"
urlpatterns = [
    path("privacy/", views.privacy, name="privacy"),
    path("imprint/", views.imprint, name="imprint"),
    path("terms/", views.terms, name="terms"),
    path("licences/", views.licences, name="licences"),
]
