from django.apps import AppConfig


class CoreConfig(AppConfig):
    """Small helpers shared by several apps (no models); installed for its system checks and template tags."""

    name = "core"
    verbose_name = "Core"

    def ready(self):
        from . import checks  # noqa: F401  (registers the checks)
