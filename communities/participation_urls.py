"""URLs for taking part in communities: joining, facilitating, starting projects and inviting partners."""

from django.urls import path

import core.converters  # noqa: F401  (registers <id:...>)

from . import views

app_name = "participation"
urlpatterns = [
    path("community/<id:pk>/join/", views.join, name="join"),
    path("community/<id:pk>/leave/", views.leave, name="leave"),
    path("community/<id:pk>/requests/", views.requests, name="requests"),
    path("community/<id:pk>/my-request/", views.my_request, name="my_request"),
    path("community/<id:pk>/invite/", views.invite, name="invite"),
    path("community/<id:pk>/projects/new/", views.new_project, name="new_project"),
    path("project/<id:pk>/partners/", views.partners, name="partners"),
    path("project/<id:pk>/ask/", views.ask_to_join_project, name="ask_to_join_project"),
    path("partner-request/<id:pk>/", views.partner_request, name="partner_request"),
]
