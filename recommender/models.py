"""What the recommender stores: encoder output, the embedded index, language means, feedback."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from communities.choices import PersonPlace


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


class TallyStage(models.TextChoices):
    SHOWN = "shown", _("Shown")
    OPENED = "opened", _("Opened")


class SuggestionTally(models.Model):
    """How often people were suggested (or found by search) and followed, per month: counts, never who.

    One row per (month, place, stage, community, country) of the viewer. The viewer's country and
    each community they belong to give one row each, and `community_key` "" holds the total over
    all viewers, so that summing community rows is never needed (a viewer in two communities would
    count twice). Neither the viewer nor the person shown is stored.
    """

    month = models.DateField(_("month"))
    place = models.CharField(_("place"), max_length=16, choices=PersonPlace.choices)
    stage = models.CharField(_("stage"), max_length=8, choices=TallyStage.choices)
    # A community's translation key; "" is the total over all viewers.
    community_key = models.CharField(_("community"), max_length=36, blank=True)
    country = models.CharField(_("country"), max_length=2, blank=True)
    count = models.PositiveIntegerField(_("count"), default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["month", "place", "stage", "community_key", "country"],
                name="one_tally_per_cell",
            )
        ]
        verbose_name = _("suggestion tally")
        verbose_name_plural = _("suggestion tallies")

    def __str__(self):
        return f"{self.month:%Y-%m} {self.place} {self.stage}: {self.count}"
