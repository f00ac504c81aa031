from django.apps import AppConfig


class CoreConfig(AppConfig):
    """Small helpers shared by several apps (no models); installed for its system checks and template tags."""

    name = "core"
    verbose_name = "Core"

    def ready(self):
        from django.db.models.signals import post_migrate

        from . import checks  # noqa: F401  (registers the checks)
        from .cache import create_cache_tables

        # Production without Redis caches in the database: every migrate makes sure its table exists.
        # post_migrate is sent once per app with models (core has none); the command is idempotent,
        # so it runs once, after the last of them.
        post_migrate.connect(create_cache_tables, sender=apps_with_models_last(), dispatch_uid="core-cache-tables")
        connect_content_signals()


def connect_content_signals():
    """Any change to published content starts a new version of core.content_cache."""
    from django.db.models.signals import m2m_changed, post_delete, post_save
    from wagtail.signals import page_published, page_unpublished, post_page_move

    from .content_cache import bump, content_changed

    for signal in (post_save, post_delete, m2m_changed):
        signal.connect(content_changed, dispatch_uid=f"core-content-{id(signal)}")
    for signal in (page_published, page_unpublished, post_page_move):
        signal.connect(bump, dispatch_uid=f"core-content-{id(signal)}")


def apps_with_models_last():
    from django.apps import apps

    return [config for config in apps.get_app_configs() if config.models_module is not None][-1]
