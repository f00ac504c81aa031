"""core.mail: one way to write a templated e-mail in the recipient's language and queue it."""

import pytest
from django.core import mail
from django.utils import translation

from core.mail import preferred_language, recipient_language, send_templated_email
from tests import factories as f
from vocabularies.models import Language

pytestmark = pytest.mark.django_db

CONFIRM = "accounts/emails/confirm"


def speaking(person, *codes):
    person.languages.set([Language.objects.get(code=c) for c in codes])
    return person


def test_a_person_gets_the_mail_in_the_first_site_language_they_speak():
    person = speaking(f.person("Mia Svensson"), "fr", "sv")
    assert preferred_language(person) == preferred_language(person.user) == "sv"
    send_templated_email(CONFIRM, {"confirm_url": "http://127.0.0.1:8000/x/"}, person.user)
    assert [m.to for m in mail.outbox] == [[person.user.email]]
    assert mail.outbox[0].subject == "Bekräfta din e-postadress för Kollega"


def test_the_admin_interface_language_comes_before_the_languages_spoken():
    from wagtail.users.models import UserProfile

    person = speaking(f.person("Dora"), "sv")
    profile = UserProfile.get_for_user(person.user)
    profile.preferred_language = "de"
    profile.save()
    assert preferred_language(person) == "de"


def test_without_a_preference_the_default_then_the_active_language_is_used():
    person = f.person("No Languages")
    assert preferred_language(person) is None
    assert recipient_language(person, default="pt") == "pt"
    with translation.override("de"):
        assert recipient_language(person) == "de"
        assert recipient_language("someone@example.org") == "de"
    assert recipient_language(person, default="xx") == "en"  # not a site language: the active one (en)


def test_an_explicit_language_wins_and_the_active_language_is_left_alone():
    person = speaking(f.person("Mia"), "sv")
    with translation.override("en"):
        send_templated_email(CONFIRM, {"confirm_url": "http://127.0.0.1:8000/x/"}, person, language="de")
        assert translation.get_language() == "en"
    assert mail.outbox[0].subject == "Bestätigen Sie Ihre E-Mail-Adresse für Kollega"


def test_an_html_template_is_attached_when_there_is_one():
    person = f.person("Hanna")
    send_templated_email("recommender/emails/digest", {"person": person, "colleagues": [], "materials": []}, person)
    message = mail.outbox[0]
    assert [mimetype for _content, mimetype in message.alternatives] == ["text/html"]
    send_templated_email(CONFIRM, {"confirm_url": "http://127.0.0.1:8000/x/"}, "plain@example.org")
    assert mail.outbox[1].alternatives == [] and mail.outbox[1].to == ["plain@example.org"]


def test_nobody_to_write_to_sends_nothing():
    assert send_templated_email(CONFIRM, {}, f.person("No account", with_account=False)) is None
    assert send_templated_email(CONFIRM, {}, "") is None
    assert mail.outbox == []


def test_the_subject_is_one_line():
    send_templated_email("communities/emails/join_declined", {"community": {"title": "A\nB"}}, "x@example.org")
    assert "\n" not in mail.outbox[0].subject


def test_attachments_survive_the_queue_as_text_and_bytes():
    send_templated_email(
        CONFIRM,
        {"confirm_url": "http://127.0.0.1:8000/x/"},
        "cal@example.org",
        attachments=[
            ("event.ics", "BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n", "text/calendar"),
            ("a.bin", b"\x00\xff", "application/octet-stream"),
        ],
    )
    names = {name: (content, mimetype) for name, content, mimetype in mail.outbox[0].attachments}
    assert names["event.ics"] == ("BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n", "text/calendar")
    assert names["a.bin"] == (b"\x00\xff", "application/octet-stream")


def test_the_queued_message_with_attachments_is_json():
    import json

    from core.mail import decode_attachment, encode_attachment

    item = json.loads(json.dumps(encode_attachment("x.pdf", b"%PDF\x00", "application/pdf")))
    assert decode_attachment(item) == ("x.pdf", b"%PDF\x00", "application/pdf")
