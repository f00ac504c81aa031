"""URLs for community discussions, under each locale prefix."""
from django.urls import path

from . import views

app_name = "discussions"
urlpatterns = [
    path("community/<int:pk>/", views.community_threads, name="community"),
    path("community/<int:pk>/reports/", views.reports, name="reports"),
    path("thread/<int:pk>/", views.thread_detail, name="thread"),
    path("post/<int:pk>/report/", views.report_post, name="report"),
]
