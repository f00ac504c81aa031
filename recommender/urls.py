from django.urls import path

from . import views

app_name = "recommender"
urlpatterns = [
    path("dismiss/", views.dismiss_suggestion, name="dismiss"),
    path("for-you/", views.for_you, name="for_you"),
]
