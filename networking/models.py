"""No tables: the report reads messaging, communities, resources and the recommender's counts.

The model below only carries the report's permission (no table is created).
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class NetworkingReport(models.Model):
    class Meta:
        managed = False
        default_permissions = ()
        permissions = [("view_networking_report", _("Can see the Networking report"))]
        verbose_name = _("Networking report")
