"""E-mail: render a templated message in the recipient's language and send it through the task queue.

Every e-mail of the project goes through ``send_templated_email``. It renders
in the request (links and tokens are made there, in the recipient's language)
and hands the finished message to the ``send_email`` task, so that a mail
server that is down or slow never turns a sign-up, a password reset or a
facilitator's decision into a server error. The task retries a failed
delivery with growing delays (``KOLLEGA_MAIL_RETRY_DELAYS``) and logs each
failure; after the last attempt it gives up, logged as an error.

Mail that other code sends through Django (Wagtail's moderation and comment
notifications) is queued too in production: ``EMAIL_BACKEND`` is
``core.mail.QueuedEmailBackend`` there, and the task delivers with
``KOLLEGA_EMAIL_DELIVERY_BACKEND`` (SMTP).

Templates follow one convention: ``<app>/emails/<name>_subject.txt``,
``<app>/emails/<name>.txt`` and, when present, ``<app>/emails/<name>.html``.
"""

import base64
import logging
import smtplib
from datetime import timedelta

from django.conf import settings
from django.contrib.auth.base_user import AbstractBaseUser
from django.core.mail import EmailMultiAlternatives, get_connection
from django.core.mail.backends.base import BaseEmailBackend
from django.template import TemplateDoesNotExist
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django_tasks import task

logger = logging.getLogger(__name__)

# Seconds to wait before each new attempt: five attempts over about two and a half hours.
DEFAULT_RETRY_DELAYS = (60, 300, 1800, 7200)


def retry_delays():
    return tuple(getattr(settings, "KOLLEGA_MAIL_RETRY_DELAYS", DEFAULT_RETRY_DELAYS))


# -- Who receives it, in which language ---------------------------------------------


def _site_language(code):
    """The site language `code` names: itself, or its base for a regional code (Wagtail's admin has "pt-pt")."""
    codes = {c for c, _name in settings.LANGUAGES}
    if code in codes:
        return code
    base = code.split("-")[0].lower()
    return base if base in codes else None


def _user_and_person(recipient):
    if isinstance(recipient, AbstractBaseUser):
        return recipient, getattr(recipient, "person", None)
    # A Person (communities.Person: it has a `user` and a `preferred_language`).
    return getattr(recipient, "user", None), recipient


def recipient_address(recipient):
    """The address of an e-mail address, a user or a person ("" when there is none)."""
    if recipient is None:
        return ""
    if isinstance(recipient, str):
        return recipient.strip()
    user, _person = _user_and_person(recipient)
    if user is None or not user.email:
        return ""
    return user.email


def preferred_language(recipient):
    """The site language a user or person prefers, or None when they have not said.

    The interface language chosen in the admin (Wagtail's user profile) comes
    first; then the first site language of the languages the person speaks.
    """
    if recipient is None or isinstance(recipient, str):
        return None
    user, person = _user_and_person(recipient)
    profile = getattr(user, "wagtail_userprofile", None) if user is not None else None
    code = _site_language(getattr(profile, "preferred_language", "") or "")
    if code:
        return code
    return _site_language(getattr(person, "preferred_language", None) or "")


def recipient_language(recipient, default=None):
    """The language to write to this recipient in: their preference, else `default`, else the active language."""
    return (
        preferred_language(recipient)
        or _site_language(default or "")
        or _site_language(translation.get_language() or "")
        or settings.LANGUAGE_CODE
    )


# -- Writing and queueing ----------------------------------------------------------


def render_email(template, context, language):
    """(subject, text, html or None) of `<template>_subject.txt`, `<template>.txt`, `<template>.html`."""
    with translation.override(language):
        subject = " ".join(render_to_string(f"{template}_subject.txt", context).split())
        text = render_to_string(f"{template}.txt", context)
        try:
            html = render_to_string(f"{template}.html", context)
        except TemplateDoesNotExist:
            html = None
    return subject, text, html


def send_templated_email(
    template, context, recipient, *, language=None, default_language=None, from_email=None, attachments=None
):
    """Write `template` to one recipient (an address, a user or a person) and queue it.

    `language` forces a language (a reader who asked for one); otherwise the
    recipient's preference, then `default_language`, then the active language.
    `attachments` is a list of (filename, content, mimetype), content text or bytes.
    Returns the task result, or None when there is nobody to write to.
    """
    address = recipient_address(recipient)
    if not address:
        return None
    language = _site_language(language or "") or recipient_language(recipient, default=default_language)
    subject, text, html = render_email(template, context, language)
    return enqueue_email(subject, text, [address], html=html, from_email=from_email, attachments=attachments)


def encode_attachment(filename, content, mimetype):
    """An attachment as the queued message's JSON can carry it (bytes travel as base64)."""
    if isinstance(content, bytes):
        return {
            "filename": filename,
            "content": base64.b64encode(content).decode("ascii"),
            "mimetype": mimetype,
            "base64": True,
        }
    return {"filename": filename, "content": str(content), "mimetype": mimetype, "base64": False}


def decode_attachment(item):
    content = base64.b64decode(item["content"]) if item.get("base64") else item["content"]
    return item["filename"], content, item["mimetype"]


def enqueue_email(subject, text, to, html=None, from_email=None, attachments=None, headers=None):
    """Queue a finished message; a queue that refuses it is logged, never raised to the visitor."""
    message = {
        "subject": subject,
        "body": text,
        "html": html,
        "from_email": from_email or settings.DEFAULT_FROM_EMAIL,
        "to": list(to),
    }
    if headers:
        message["headers"] = dict(headers)
    if attachments:
        message["attachments"] = [encode_attachment(*attachment) for attachment in attachments]
    return _enqueue(message)


def _enqueue(message):
    try:
        return send_email.enqueue(message)
    except Exception:  # the request that wrote the mail must still succeed
        logger.exception("Could not queue an e-mail (%s) to %d recipient(s)", message["subject"], len(message["to"]))
        return None


def _masked(addresses):
    # The log says which domain a failing delivery went to, not whose address it was.
    return ", ".join("…@" + a.rpartition("@")[2] for a in addresses)


QUEUED_BACKEND = "core.mail.QueuedEmailBackend"


def delivery_backend():
    """The backend that really delivers: KOLLEGA_EMAIL_DELIVERY_BACKEND, else EMAIL_BACKEND (never the queue)."""
    backend = getattr(settings, "KOLLEGA_EMAIL_DELIVERY_BACKEND", None) or settings.EMAIL_BACKEND
    return "django.core.mail.backends.smtp.EmailBackend" if backend == QUEUED_BACKEND else backend


def deliver(message):
    email = EmailMultiAlternatives(
        message["subject"],
        message["body"],
        message["from_email"],
        message["to"],
        cc=message.get("cc"),
        bcc=message.get("bcc"),
        reply_to=message.get("reply_to"),
        headers=message.get("headers"),
        connection=get_connection(delivery_backend()),
    )
    if message.get("html"):
        email.attach_alternative(message["html"], "text/html")
    for item in message.get("attachments") or ():
        email.attach(*decode_attachment(item))
    email.send()


class QueuedEmailBackend(BaseEmailBackend):
    """An EMAIL_BACKEND that queues every message for the send_email task instead of talking to SMTP.

    So mail sent by code that is not ours (Wagtail's notifications) waits for
    the mail server like ours does, instead of failing the request.
    """

    def send_messages(self, email_messages):
        queued = 0
        for email in email_messages:
            if email.attachments:  # not JSON: hand it to the real backend at once
                queued += get_connection(delivery_backend(), fail_silently=self.fail_silently).send_messages([email])
                continue
            html = next(
                (content for content, mimetype in getattr(email, "alternatives", []) if mimetype == "text/html"), None
            )
            message = {
                "subject": str(email.subject),
                "body": str(email.body),
                "html": html,
                "from_email": email.from_email,
                "to": list(email.to),
                "cc": list(email.cc),
                "bcc": list(email.bcc),
                "reply_to": list(email.reply_to),
                "headers": {k: str(v) for k, v in email.extra_headers.items()},
            }
            if _enqueue(message) is not None:
                queued += 1
        return queued


@task()
def send_email(message, attempt=1):
    """Deliver one message; when the mail server fails, try again later, a bounded number of times.

    django-tasks 0.12 has no retries of its own, so a failed attempt queues
    the next one with `run_after`. A backend that cannot wait (the immediate
    backend of development and tests) gets no retries: the failure is logged.
    """
    try:
        deliver(message)
    except (smtplib.SMTPException, OSError) as error:  # refused, timed out, unknown host, rejected
        delays = retry_delays()
        backend = send_email.get_backend()
        if attempt > len(delays) or not backend.supports_defer:
            logger.error(
                "Giving up on the e-mail %r to %s after %d attempt(s): %s",
                message["subject"],
                _masked(message["to"]),
                attempt,
                error,
            )
            raise
        delay = delays[attempt - 1]
        logger.warning(
            "Could not send the e-mail %r to %s (attempt %d of %d): %s; next attempt in %d s",
            message["subject"],
            _masked(message["to"]),
            attempt,
            len(delays) + 1,
            error,
            delay,
        )
        send_email.using(run_after=timezone.now() + timedelta(seconds=delay)).enqueue(message, attempt + 1)
        return "retrying"
    return "sent"
