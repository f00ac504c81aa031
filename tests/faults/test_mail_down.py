"""With the mail server down, nobody sees a server error; the mail goes out when the server returns.

SMTP is a closed port on 127.0.0.1 (a port bound and released, so nothing
listens on it). Sign-up, password reset, joining, inviting and reporting
answer as usual and say the e-mail will come shortly; the queued message is
retried by the task worker (the production database backend, run in batch
mode) and, once the server works again, the teacher can follow the link.
"""

import logging
import re
import signal
import socket
from datetime import timedelta

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.core.management import call_command
from django.utils import timezone
from django_tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from tests import factories as f

pytestmark = pytest.mark.django_db
User = get_user_model()
PASSWORD = "a-long-Pass-phrase-42"
DB_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


def closed_port():
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def smtp_down(settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST = "127.0.0.1"
    settings.EMAIL_PORT = closed_port()
    settings.EMAIL_TIMEOUT = 2
    return settings


@pytest.fixture
def queued_tasks(settings, monkeypatch):
    """The production task backend (a queue in the database), run by db_worker in batch mode."""
    settings.TASKS = DB_TASKS
    from django_tasks_db.management.commands import db_worker

    # The worker checks its connection between tasks, which would end the test's transaction.
    monkeypatch.setattr(db_worker, "close_old_connections", lambda: None)
    handlers = {s: signal.getsignal(s) for s in (signal.SIGINT, signal.SIGTERM, signal.SIGQUIT)}
    yield
    for s, handler in handlers.items():
        signal.signal(s, handler)


def run_worker():
    call_command("db_worker", batch=True, startup_delay=False, reload=False, interval=0, verbosity=0)


def mail_tasks(status=None):
    qs = DBTaskResult.objects.filter(task_path="core.mail.send_email")
    return qs.filter(status=status) if status else qs


def time_passes():
    """The retry's run_after is reached (the clock moves on; nothing else changes)."""
    mail_tasks(TaskResultStatus.READY).update(run_after=timezone.now() - timedelta(seconds=1))


def sign_up(client, email="anna@example.org", prefix="en"):
    return client.post(
        f"/{prefix}/account/sign-up/",
        {
            "display_name": "Anna Svensson",
            "email": email,
            "password1": PASSWORD,
            "password2": PASSWORD,
        },
    )


def link_in(message):
    return re.search(r"https?://\S+", message.body).group(0)


# -- with tasks run at once (the test settings) ------------------------------------


def test_sign_up_with_the_mail_server_down_answers_and_says_the_mail_comes_shortly(client, smtp_down, caplog):
    with caplog.at_level(logging.WARNING, logger="core.mail"):
        response = sign_up(client)
    assert response.status_code == 200
    assert "We will send the e-mail to <strong>anna@example.org</strong> shortly" in response.content.decode()
    assert User.objects.filter(email="anna@example.org", is_active=False).exists()
    assert any("anna" not in r.getMessage() and "example.org" in r.getMessage() for r in caplog.records)


@pytest.mark.parametrize(
    "prefix,text",
    [
        ("sv", "Vi skickar e-postmeddelandet till"),
        ("de", "Wir senden die E-Mail in Kürze an"),
        ("pt", "Vamos enviar o e-mail para"),
    ],
)
def test_the_shortly_message_is_translated(client, smtp_down, prefix, text):
    response = sign_up(client, prefix=prefix)
    assert response.status_code == 200 and text in response.content.decode()


def test_every_mail_sending_form_answers_with_the_mail_server_down(client, smtp_down, caplog):
    community = f.community("Climate teachers")
    facilitator = f.person("Fia Facilitator")
    f.join(facilitator, community, role="facilitator")
    member = f.person("Mo Member")
    f.join(member, community)
    outsider = f.person("Olle Outsider")
    project = f.project(community, "Rivers")
    caplog.set_level(logging.ERROR, logger="core.mail")

    # Password reset (a known and an unknown address answer alike).
    for address in (member.user.email, "nobody@example.org"):
        response = client.post("/en/account/password/reset/", {"email": address})
        assert response.status_code == 302, address

    client.force_login(outsider.user)
    assert client.post(f"/en/take-part/community/{community.pk}/join/").status_code == 302

    client.force_login(facilitator.user)
    membership = community.memberships().get(person=outsider)
    response = client.post(
        f"/en/take-part/community/{community.pk}/requests/", {"membership": membership.pk, "action": "accept"}
    )
    assert response.status_code in (200, 302)
    response = client.post(f"/en/take-part/community/{community.pk}/invite/", {"email": "new@example.org"})
    assert response.status_code in (200, 302)
    response = client.post(f"/en/take-part/project/{project.pk}/partners/", {"person": member.pk, "email": ""})
    assert response.status_code in (200, 302)
    # Each step tried its e-mail (reset, join request, welcome, invitation, partner) and logged the failure.
    failures = [r for r in caplog.records if "Giving up" in r.getMessage()]
    assert len(failures) == 5, [r.getMessage() for r in failures]


def test_public_pages_answer_with_the_mail_server_down(client, smtp_down):
    community = f.community("Climate teachers")
    material = f.resource("Water cycle in a jar", community=community)
    urls = [
        "/en/",
        "/sv/",
        "/de/",
        "/pt/",
        material.url,
        community.url,
        "/en/search/?q=water",
        "/en/account/sign-up/",
        "/en/account/sign-in/",
        "/en/account/password/reset/",
        "/en/account/password/reset/sent/",
        "/sitemap.xml",
        "/oai/?verb=Identify",
    ]
    for url in urls:
        assert client.get(url).status_code == 200, url


# -- with the production queue: retried, then delivered ------------------------------------


def test_the_confirmation_is_retried_and_works_once_the_mail_server_is_back(
    client, smtp_down, queued_tasks, settings, caplog
):
    response = sign_up(client)
    assert response.status_code == 200 and "shortly" in response.content.decode()
    assert mail_tasks(TaskResultStatus.READY).count() == 1

    with caplog.at_level(logging.WARNING, logger="core.mail"):
        run_worker()  # first attempt: the server is still down
    assert mail_tasks(TaskResultStatus.READY).count() == 1  # the next attempt waits
    retry = mail_tasks(TaskResultStatus.READY).get()
    assert retry.run_after > timezone.now()
    assert any("attempt 1 of" in r.getMessage() for r in caplog.records)
    assert mail.outbox == []

    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"  # the server is back
    time_passes()
    run_worker()
    assert mail_tasks(TaskResultStatus.READY).count() == 0
    assert len(mail.outbox) == 1 and mail.outbox[0].to == ["anna@example.org"]

    response = client.get(link_in(mail.outbox[0]))
    assert response.status_code == 302
    assert User.objects.get(email="anna@example.org").is_active


def test_retries_are_bounded_and_the_last_failure_is_logged(client, smtp_down, queued_tasks, settings, caplog):
    settings.KOLLEGA_MAIL_RETRY_DELAYS = (60, 60)
    sign_up(client)
    with caplog.at_level(logging.WARNING, logger="core.mail"):
        for _attempt in range(5):
            run_worker()
            time_passes()
    assert mail_tasks().count() == 3  # the first attempt and two retries, no more
    assert mail_tasks(TaskResultStatus.READY).count() == 0
    assert mail_tasks(TaskResultStatus.FAILED).count() == 1
    assert any(r.levelno == logging.ERROR and "Giving up" in r.getMessage() for r in caplog.records)


def test_wagtail_and_django_mail_is_queued_too_in_production(smtp_down, queued_tasks, settings):
    """Production's EMAIL_BACKEND queues whatever code sends mail (Wagtail's notifications)."""
    from django.core.mail import send_mail

    settings.KOLLEGA_EMAIL_DELIVERY_BACKEND = settings.EMAIL_BACKEND  # SMTP, down
    settings.EMAIL_BACKEND = "core.mail.QueuedEmailBackend"
    assert send_mail("Comment on your page", "Text", None, ["editor@example.org"]) == 1
    run_worker()
    assert mail_tasks(TaskResultStatus.READY).count() == 1  # waiting for a retry, nothing raised

    settings.KOLLEGA_EMAIL_DELIVERY_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    time_passes()
    run_worker()
    assert [m.subject for m in mail.outbox] == ["Comment on your page"]
