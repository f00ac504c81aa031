"""Links in e-mails: one public base URL (KOLLEGA_BASE_URL), one helper, checked at start-up in production."""

import importlib
import re
import sys

import pytest
from django.core import mail
from django.test import override_settings

from core.checks import check_base_url
from core.urls import absolute_url
from tests import factories as f

pytestmark = pytest.mark.django_db

BASE = "https://kollega.example.eu"
PASSWORD = "a-long-Pass-phrase-42"


@pytest.fixture
def public_base(settings):
    settings.KOLLEGA_BASE_URL = BASE
    return BASE


def test_absolute_url_puts_paths_pages_and_people_on_the_public_host(public_base):
    page = f.resource("Water cycle in a jar")
    person = f.person("Olga Open")
    assert absolute_url("/en/account/") == f"{BASE}/en/account/"
    assert absolute_url(page) == f"{BASE}/en/materials/water-cycle-in-a-jar/"
    assert absolute_url(person) == BASE + person.get_absolute_url()
    with pytest.raises(ValueError):
        absolute_url("http://localhost/en/")


def production_base_url(monkeypatch, value):
    monkeypatch.setenv("SECRET_KEY", "x" * 60)
    if value is None:
        monkeypatch.delenv("KOLLEGA_BASE_URL", raising=False)
    else:
        monkeypatch.setenv("KOLLEGA_BASE_URL", value)
    name = "kollega.settings.production"
    saved = sys.modules.pop(name, None)
    try:
        module = importlib.import_module(name)
    finally:
        sys.modules.pop(name, None)
        if saved is not None:
            sys.modules[name] = saved
    return {
        key: getattr(module, key)
        for key in (
            "KOLLEGA_BASE_URL",
            "KOLLEGA_BASE_URL_REQUIRE_HTTPS",
            "WAGTAILADMIN_BASE_URL",
            "WAGTAILAPI_BASE_URL",
        )
    }


@pytest.mark.parametrize(
    "value,error",
    [
        (None, "core.E001"),
        ("", "core.E001"),
        ("http://kollega.example.eu", "core.E003"),
        ("https://kollega.example.eu/en/", "core.E002"),
        ("kollega.example.eu", "core.E002"),
        ("https://kollega.example.eu", None),
    ],
)
def test_production_refuses_to_start_without_an_https_base_url(monkeypatch, value, error):
    values = production_base_url(monkeypatch, value)
    with override_settings(**values):
        assert [e.id for e in check_base_url()] == ([error] if error else [])
    if error is None:
        assert values["WAGTAILADMIN_BASE_URL"] == values["WAGTAILAPI_BASE_URL"] == "https://kollega.example.eu"


def test_development_may_use_plain_http(settings):
    settings.KOLLEGA_BASE_URL = "http://127.0.0.1:8000"
    assert check_base_url() == []


def urls_in(message):
    texts = [message.body] + [content for content, _mimetype in getattr(message, "alternatives", [])]
    return [u for text in texts for u in re.findall(r"""https?://[^\s"'<>]+""", text)]


def test_every_mail_the_project_sends_links_only_to_the_public_host(
    client, public_base, django_capture_on_commit_callbacks
):
    """Request host "testserver", Site hostname "localhost", base URL kollega.example.eu: only the last may appear."""
    from contributions.moderation import notify as moderation_notify
    from discussions.models import Post, Thread
    from recommender.digests import send_digests
    from tests.recommender.helpers import index_all
    from translations.models import TranslationRequest
    from translations.signals import send_fulfilled_email
    from vocabularies.models import Language

    community = f.community("Climate teachers")
    facilitator = f.person("Fia Facilitator")
    f.join(facilitator, community, role="facilitator")
    member = f.person("Mo Member", discoverability="europe")
    f.join(member, community)
    outsider = f.person("Olle Outsider")
    project = f.project(community, "Rivers")
    text = "Pupils measure how plants use light and water for photosynthesis in the school garden."
    page = f.resource("Water cycle in a jar", summary=text, community=community, authors=[member])
    f.resource("Plants and light", summary=text, authors=[f.person("Olga", discoverability="europe")])

    # accounts: confirmation and password reset
    client.post(
        "/en/account/sign-up/",
        {"display_name": "Anna", "email": "anna@example.org", "password1": PASSWORD, "password2": PASSWORD},
    )
    client.post("/en/account/password/reset/", {"email": member.user.email})
    # communities: join requested, accepted, declined, invitation, partner added
    client.force_login(outsider.user)
    client.post(f"/en/take-part/community/{community.pk}/join/")
    client.force_login(facilitator.user)
    client.post(
        f"/en/take-part/community/{community.pk}/requests/",
        {"membership": community.memberships().get(person=outsider).pk, "action": "accept"},
    )
    late = f.person("Lea Late")
    f.join(late, community, status="requested")
    client.post(
        f"/en/take-part/community/{community.pk}/requests/",
        {"membership": community.memberships().get(person=late).pk, "action": "decline"},
    )
    client.post(f"/en/take-part/community/{community.pk}/invite/", {"email": "new@example.org"})
    client.post(f"/en/take-part/project/{project.pk}/partners/", {"person": member.pk, "email": ""})
    # projects: the invitation is accepted by the invitee, whose yes reaches the inviter
    from communities.models import PartnerRequest

    client.force_login(member.user)
    client.post(f"/en/take-part/partner-request/{PartnerRequest.objects.get().pk}/", {"action": "accept"})
    client.force_login(facilitator.user)
    # discussions: a reported post
    thread = Thread.objects.create(community=community, title="Field trips", author=member)
    post = Post.objects.create(thread=thread, author=member, body="Buy my book")
    client.force_login(member.user)
    client.post(f"/en/discussions/post/{post.pk}/report/", {"reason": "Advertising"})
    # contributions: submitted, approved, changes requested
    for template in ("submitted", "approved", "changes_requested"):
        moderation_notify(
            member.user,
            template,
            page,
            community=community,
            facilitator=facilitator,
            submitter=member.user,
            review_url=absolute_url("/admin/pages/1/edit/"),
        )
    # translations: a reader's request fulfilled
    request = TranslationRequest.objects.create(
        user=member.user, translation_key=page.translation_key, locale=f.locale("en"), source_page=page
    )
    send_fulfilled_email(request, page)
    # recommender: the weekly digest
    member.languages.set([Language.objects.get(code="en")])
    index_all()
    send_digests(days=7)

    subjects = [m.subject for m in mail.outbox]
    expected = [
        "Confirm your e-mail address",
        "new password",
        "asks to join",
        "Welcome to",
        "Your request to join",
        "You are invited",
        "An invitation to the project",
        "A new partner in",
        "A post was reported",
        "To review",
        "Published",
        "Changes requested",
        "Now translated",
        "Your week on Kollega",
    ]
    for part in expected:
        assert any(part in s for s in subjects), (part, subjects)
    for message in mail.outbox:
        links = urls_in(message)
        assert links or message.subject.startswith("Your request to join"), message.subject  # a refusal has no link
        assert all(u.startswith(BASE + "/") for u in links), (message.subject, links)
