"""Front-end URLs for teachers' contributions (under the locale prefix)."""
from django.urls import path

from . import views

app_name = "contributions"
urlpatterns = [
    path("", views.contribute, name="contribute"),
    path("mine/", views.mine, name="mine"),
    path("<int:page_id>/edit/", views.edit, name="edit"),
    path("<int:page_id>/adapt/", views.adapt, name="adapt"),
    path("<int:page_id>/translate/", views.translate, name="translate"),
]
