from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class KollegaConfig(AppConfig):
    """The project shell. Its label is "site" so that page types read site.HomePage."""

    name = "kollega"
    label = "site"
    verbose_name = _("Site")

    def ready(self):
        from django.db.models.signals import post_migrate

        from core.cache import create_cache_tables

        # Production without Redis caches in the database: every migrate makes sure its table exists.
        post_migrate.connect(create_cache_tables, sender=self, dispatch_uid="kollega-cache-tables")
