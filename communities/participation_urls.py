"""URLs for taking part in communities: joining, facilitating, starting projects and inviting partners."""
from django.urls import path

from . import views

app_name = "participation"
urlpatterns = [
    path("community/<int:pk>/join/", views.join, name="join"),
    path("community/<int:pk>/leave/", views.leave, name="leave"),
    path("community/<int:pk>/requests/", views.requests, name="requests"),
    path("community/<int:pk>/invite/", views.invite, name="invite"),
    path("community/<int:pk>/projects/new/", views.new_project, name="new_project"),
    path("project/<int:pk>/partners/", views.partners, name="partners"),
]
