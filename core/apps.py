from django.apps import AppConfig


class CoreConfig(AppConfig):
    """Small helpers shared by several apps (no models): the bottom floor with vocabularies."""

    name = "core"
    verbose_name = "Core"
