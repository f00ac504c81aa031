"""System checks: the configured engines load, and every indexed model declares real embedding_fields."""

from django.core import checks
from django.core.exceptions import FieldDoesNotExist, ImproperlyConfigured


@checks.register()
def check_recommender(app_configs=None, **kwargs):
    from . import conf
    from .documents import KINDS

    errors = []
    try:
        config = conf.get_config()
        for alias in (config.encoder_alias,):
            if alias not in config.encoders:
                raise ImproperlyConfigured(f"KOLLEGA_RECOMMENDER ENCODER alias {alias!r} is not defined in ENCODERS.")
        if config.index_alias not in config.indexes:
            raise ImproperlyConfigured(
                f"KOLLEGA_RECOMMENDER INDEX alias {config.index_alias!r} is not defined in INDEXES."
            )
    except ImproperlyConfigured as exc:
        errors.append(checks.Error(str(exc), id="recommender.E001"))
    for model in KINDS.values():
        names = getattr(model, "embedding_fields", None)
        if not names:
            errors.append(
                checks.Error(f"{model.__name__} declares no embedding_fields", id="recommender.E002", obj=model)
            )
            continue
        for name in names:
            try:
                model._meta.get_field(name)
            except FieldDoesNotExist:
                if not hasattr(model, name):
                    errors.append(
                        checks.Error(
                            f"{model.__name__}.embedding_fields names {name!r}, which is not a field",
                            id="recommender.E003",
                            obj=model,
                        )
                    )
    return errors
