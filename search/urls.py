"""Search URLs under each locale prefix: /<lang>/search/ and its autocomplete endpoint."""

from django.urls import path

from . import views

app_name = "search"
urlpatterns = [
    path("", views.search, name="search"),
    path("autocomplete/", views.autocomplete, name="autocomplete"),
]
