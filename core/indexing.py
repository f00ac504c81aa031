"""Bulk writes index each object once at the end instead of on every save."""

from contextlib import contextmanager

from django.db.models.signals import post_save


@contextmanager
def search_index_deferred(models=None):
    """Stop per-save search indexing of `models` (default: every auto-updated indexed model).

    Creating, translating and publishing a page saves it three or four times, and each save would
    re-index it. Yields the set of (model, pk) saved meanwhile, for the caller to index once.
    Signals are process-wide, so this is only for processes that do nothing else meanwhile (a
    management command), never a web worker.
    """
    from modelsearch import index as search_index
    from modelsearch.signal_handlers import post_save_signal_handler

    if models is None:
        models = [m for m in search_index.get_indexed_models() if getattr(m, "search_auto_update", True)]
    touched = set()

    def remember(sender, instance, raw=False, **kwargs):
        if not raw:
            touched.add((type(instance), instance.pk))

    disconnected = [m for m in models if post_save.disconnect(post_save_signal_handler, sender=m)]
    for model in disconnected:
        post_save.connect(remember, sender=model, weak=False, dispatch_uid=f"core-deferred-{model._meta.label}")
    try:
        yield touched
    finally:
        for model in disconnected:
            post_save.disconnect(sender=model, dispatch_uid=f"core-deferred-{model._meta.label}")
            post_save.connect(post_save_signal_handler, sender=model)
