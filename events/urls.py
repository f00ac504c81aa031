from django.urls import path

from . import views

app_name = "events"

urlpatterns = [
    path("", views.site_calendar, name="calendar"),
    path("calendar.ics", views.site_calendar_ics, name="site_calendar_ics"),
    path("community/<id:community_id>/calendar.ics", views.community_calendar, name="community_calendar"),
    path("mine/<str:token>/calendar.ics", views.personal_calendar, name="personal_calendar"),
]
