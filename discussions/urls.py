"""URLs for community discussions, under each locale prefix."""

from django.urls import path

import core.converters  # noqa: F401  (registers <id:...>)

from . import views

app_name = "discussions"
urlpatterns = [
    path("community/<id:pk>/", views.community_threads, name="community"),
    path("community/<id:pk>/reports/", views.reports, name="reports"),
    path("thread/<id:pk>/", views.thread_detail, name="thread"),
    path("post/<id:pk>/report/", views.report_post, name="report"),
]
