"""The curriculum as a course, under each locale prefix (/<lang>/learning/)."""

from django.urls import path

import core.converters  # noqa: F401  (registers <id:...>)

from . import views

app_name = "learning"
urlpatterns = [
    path("curriculum/<id:pk>/enrol/", views.enrol, name="enrol"),
    path("curriculum/<id:pk>/certificate/", views.request_certificate, name="request_certificate"),
    path("unit/<id:pk>/done/", views.mark_done, name="done"),
    path("unit/<id:pk>/reflection/", views.submit_reflection, name="reflect"),
    path("reviews/", views.reviews, name="reviews"),
    path("review/<id:pk>/", views.review, name="review"),
    path("cohort/<id:pk>/", views.cohort, name="cohort"),
    path("certificates/<uuid:uuid>/", views.certificate, name="certificate"),
    path("certificates/<uuid:uuid>/certificate.pdf", views.certificate_file, name="certificate_pdf"),
    path("certificates/<uuid:uuid>/credential.json", views.credential_json, name="credential"),
]
