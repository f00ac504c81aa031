from django.urls import path

from . import views

app_name = "communities"
urlpatterns = [
    path("<slug:slug>/", views.person_profile, name="person"),
]
