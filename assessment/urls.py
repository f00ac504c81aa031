"""URLs of the self-assessment (under the locale prefix)."""
from django.urls import path

from . import views

app_name = "assessment"
urlpatterns = [
    path("", views.take, name="take"),
    path("history/", views.history, name="history"),
    path("<int:pk>/", views.result, name="result"),
]
