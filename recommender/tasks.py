"""Background updates of vectors and cached sidebars, through django-tasks.

Signal handlers only enqueue (after the transaction commits), so an
editor's save never waits for the encoder when a worker runs the queue.
"""

import logging
import threading
from contextlib import contextmanager

from django.db import transaction
from django_tasks import task

logger = logging.getLogger(__name__)


@task()
def update_recommendations(keys):
    from . import pipeline, services

    pipeline.update_keys(keys)
    services.invalidate()


@task()
def remove_recommendations(keys):
    from . import pipeline, services

    pipeline.remove_keys(keys)
    services.invalidate()


_deferred = threading.local()


@contextmanager
def deferred_updates(discard=False):
    """Collect updates during a bulk load and enqueue them as one task at the end.

    Loaders that publish hundreds of pages use it so the encoder sees one
    large batch (fast) instead of one text per task. With discard=True the
    updates are dropped: the caller rebuilds everything afterwards.
    """
    if getattr(_deferred, "keys", None) is not None:
        yield
        return
    _deferred.keys, _deferred.removed = set(), set()
    try:
        yield
    finally:
        keys, removed = _deferred.keys, _deferred.removed
        _deferred.keys = _deferred.removed = None
        # Not a `return` in finally: that would swallow an exception raised by the caller's block.
        if not discard:
            if removed:
                enqueue_remove(removed)
            if keys - removed:
                enqueue_update(keys - removed)


def enqueue_update(keys):
    keys = sorted(set(k for k in keys if k))
    if getattr(_deferred, "keys", None) is not None:
        _deferred.keys.update(keys)
        return
    if keys:
        transaction.on_commit(lambda: _safe_enqueue(update_recommendations, keys))


def enqueue_remove(keys):
    keys = sorted(set(k for k in keys if k))
    if getattr(_deferred, "removed", None) is not None:
        _deferred.removed.update(keys)
        return
    if keys:
        transaction.on_commit(lambda: _safe_enqueue(remove_recommendations, keys))


def _safe_enqueue(task_obj, keys):
    try:
        task_obj.enqueue(keys)
    except Exception:  # a broken queue must never break publishing
        logger.exception("Could not enqueue %s for %s", task_obj.name, keys)
