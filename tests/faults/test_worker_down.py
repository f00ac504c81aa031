"""With the task worker stopped, publishing still works; the queued updates are applied when it returns.

Production runs django-tasks with the database backend and a separate
`manage.py db_worker`. Here the same backend is configured, pages are
published and one is unpublished while no worker runs, and then the worker is
run once in batch mode, as it would catch up after a restart.
"""

import signal

import pytest
from django.core.management import call_command
from django_tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from recommender import conf, services
from recommender.services import related_resources
from tests import factories as f
from tests.recommender.helpers import index_all

pytestmark = pytest.mark.django_db

TEXT = "Pupils measure how plants use light and water for photosynthesis in the school garden."
DB_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


@pytest.fixture
def queued_tasks(settings, monkeypatch):
    """The production task backend (a queue in the database), with no worker running."""
    settings.TASKS = DB_TASKS
    # The worker checks its connection between tasks; inside the test's transaction
    # that would mark the transaction for rollback, so it is a no-op here.
    from django_tasks_db.management.commands import db_worker

    monkeypatch.setattr(db_worker, "close_old_connections", lambda: None)
    handlers = {s: signal.getsignal(s) for s in (signal.SIGINT, signal.SIGTERM, signal.SIGQUIT)}
    yield
    for s, handler in handlers.items():  # the worker installs its own shutdown handlers
        signal.signal(s, handler)


def run_worker():
    call_command("db_worker", batch=True, startup_delay=False, reload=False, interval=0, verbosity=0)


def ready(name=None):
    qs = DBTaskResult.objects.filter(status=TaskResultStatus.READY)
    return qs.filter(task_path__endswith=name) if name else qs


def keys_in_index(*pages):
    index = conf.get_index()
    return set(index.get([f"resource:{p.pk}" for p in pages]))


def test_publishing_without_a_worker_queues_updates_and_the_worker_applies_them_all(
    queued_tasks, client, django_capture_on_commit_callbacks
):
    anchor = f.resource("Photosynthesis in the garden", summary=TEXT, subjects=["biology"])
    old = f.resource("Plants and light", summary=TEXT, subjects=["biology"])
    index_all()
    assert old.pk in {s.object.pk for s in related_resources(anchor)}
    services.invalidate()

    # The worker is down: publish three new materials and unpublish an old one.
    with django_capture_on_commit_callbacks(execute=True):
        new = [
            f.resource(f"Garden light experiment {i}", summary=f"{TEXT} Experiment {i}.", subjects=["biology"])
            for i in range(3)
        ]
    with django_capture_on_commit_callbacks(execute=True):
        old.unpublish()

    # The updates wait in the queue; the recommender does not know the new pages yet.
    assert ready("update_recommendations").exists()
    assert ready("remove_recommendations").exists()
    assert keys_in_index(*new) == set()
    assert keys_in_index(old) == {f"resource:{old.pk}"}
    services.invalidate()
    assert not {p.pk for p in new} & {s.object.pk for s in related_resources(anchor)}

    # Publishing succeeded and the pages are served (a new page's own sidebars
    # index it on first view, by design; the queued task still runs later).
    for page in new:
        page.refresh_from_db()
        assert page.live
        response = client.get(page.url)
        assert response.status_code == 200
        assert page.title in response.content.decode()
    assert client.get(old.url).status_code == 404

    run_worker()

    # Nothing lost: every queued task ran and succeeded.
    assert not ready().exists()
    assert not DBTaskResult.objects.filter(status=TaskResultStatus.FAILED).exists()
    assert DBTaskResult.objects.filter(status=TaskResultStatus.SUCCESSFUL).count() >= 2
    assert keys_in_index(*new) == {f"resource:{p.pk}" for p in new}
    assert keys_in_index(old) == set()
    shown = {s.object.pk for s in related_resources(anchor, limit=10)}
    assert {p.pk for p in new} <= shown
    assert old.pk not in shown
    html = client.get(anchor.url).content.decode()
    for page in new:
        assert page.title in html
    assert "Plants and light" not in html


def test_search_finds_pages_published_while_the_worker_was_down_once_it_returns(
    queued_tasks, client, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        page = f.resource("Xylophone acoustics workshop", summary="Sound waves measured on a xylophone.")
    assert client.get(page.url).status_code == 200
    run_worker()
    assert not ready().exists()
    html = client.get("/en/search/?q=xylophone").content.decode()
    assert "Xylophone acoustics workshop" in html


def test_a_failing_recommender_enqueue_never_breaks_publishing(
    monkeypatch, client, caplog, django_capture_on_commit_callbacks
):
    from django_tasks.base import Task

    real = Task.enqueue

    def refuse(self, *args, **kwargs):
        if self.module_path.startswith("recommender."):
            raise ConnectionError("queue unreachable")
        return real(self, *args, **kwargs)

    monkeypatch.setattr(Task, "enqueue", refuse)
    with django_capture_on_commit_callbacks(execute=True):
        page = f.resource("Published while the queue is down", summary=TEXT)
    assert page.live
    assert "Could not enqueue" in caplog.text
    assert client.get(page.url).status_code == 200
