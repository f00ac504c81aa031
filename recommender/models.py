"""What the recommender stores: encoder output, the embedded index, language means, feedback."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Embedding(models.Model):
    """The raw vector an encoder made for one object's text.

    It records the model that made it and a hash of the text, so a rebuild
    re-encodes only what changed or what an older model made.
    """

    key = models.CharField(max_length=64, unique=True)
    model_id = models.CharField(max_length=200)
    text_hash = models.CharField(max_length=64)
    language = models.CharField(max_length=16, blank=True)
    vector = models.BinaryField()
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        indexes = [models.Index(fields=["model_id", "language"])]


class LanguageMean(models.Model):
    """Mean raw vector of one language for one model, removed before comparing ("language centring")."""

    model_id = models.CharField(max_length=200)
    language = models.CharField(max_length=16)
    count = models.PositiveIntegerField(default=0)
    vector = models.BinaryField()
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        unique_together = [("model_id", "language")]


class EmbeddedVector(models.Model):
    """A document of the embedded vector index (searched in process)."""

    key = models.CharField(max_length=64, unique=True)
    kind = models.CharField(max_length=16, db_index=True)
    group = models.CharField(max_length=64)
    language = models.CharField(max_length=16, blank=True)
    audience = models.JSONField(default=list)
    licence = models.CharField(max_length=120, blank=True)
    fields = models.JSONField(default=dict)
    vector = models.BinaryField()
    updated_at = models.DateTimeField(auto_now=True)


class Dismissal(models.Model):
    """A viewer marked a suggestion "not relevant": hidden for them, similar ones lowered."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="dismissed_suggestions")
    key = models.CharField(_("suggestion"), max_length=64)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        unique_together = [("user", "key")]
        verbose_name = _("dismissed suggestion")


class RebuildState(models.Model):
    """Progress of manage.py rebuild_recommendations, so an interrupted rebuild can resume."""

    model_id = models.CharField(max_length=200, unique=True)
    started_at = models.DateTimeField(default=timezone.now)
    last_key = models.CharField(max_length=64, blank=True)
    done = models.BooleanField(default=False)
