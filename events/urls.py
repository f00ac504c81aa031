from django.urls import path

from . import views

app_name = "events"

urlpatterns = [
    path("community/<id:community_id>/calendar.ics", views.community_calendar, name="community_calendar"),
    path("mine/<str:token>/calendar.ics", views.personal_calendar, name="personal_calendar"),
]
