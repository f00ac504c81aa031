from django.apps import AppConfig


class CoreConfig(AppConfig):
    """Installed for its system checks and template tags; it defines no models."""

    name = "core"
    verbose_name = "Core"

    def ready(self):
        from . import checks  # noqa: F401  (registers the checks)
