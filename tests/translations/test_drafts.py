"""A translation started in wagtail-localize stays a draft until a person publishes it (issue 14, defect 1).

Readers who asked for the translation hear of it only then, and the status
report counts it as in progress until then. The test drives the admin views
an editor uses: "Translate" (submit), the translation editor's "Publish in
...", and "Sync translated pages".
"""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core import mail
from django.urls import reverse
from django.utils import translation as i18n
from wagtail_localize.models import StringSegment, StringTranslation, Translation, TranslationSource

from resources.models import ResourcePage
from tests import factories as f
from translations.models import TranslationRequest
from translations.status import IN_PROGRESS, UP_TO_DATE, build_report

GERMAN_TITLE = "Klimawandel im Klassenzimmer"
GERMAN_SUMMARY = "Die Klasse misst ein Jahr lang das Wetter auf dem Schulhof."
SWEDISH_TITLE = "Klimatförändringar i klassrummet"
SWEDISH_SUMMARY = "Klassen mäter vädret på skolgården under ett år."
WORDS = {
    GERMAN_TITLE: SWEDISH_TITLE,
    GERMAN_SUMMARY: SWEDISH_SUMMARY,
    "klimawandel-im-klassenzimmer": "klimatforandringar-i-klassrummet",
}


@pytest.fixture(autouse=True)
def english_interface():
    with i18n.override("en"):
        yield


@pytest.fixture
def editor(db):
    """May translate (Editors, as wagtail-localize asks) and publish (Moderators)."""
    user = get_user_model().objects.create_user("eva", "eva@example.org", "pw-kollega-1")
    user.groups.add(Group.objects.get(name="Editors"), Group.objects.get(name="Moderators"))
    return user


@pytest.fixture
def german():
    f.resource_index("sv")
    return f.resource(GERMAN_TITLE, code="de", summary=GERMAN_SUMMARY)


@pytest.fixture
def swedish_reader(german):
    reader = f.person("Lena Svensson")
    TranslationRequest.objects.create(
        user=reader.user,
        translation_key=german.translation_key,
        locale=f.locale("sv"),
        source_page=german,
    )
    return reader


def swedish_of(page):
    return ResourcePage.objects.get(translation_key=page.translation_key, locale__language_code="sv")


def sv_cell(page):
    row = next(r for r in build_report() if r.translation_key == page.translation_key)
    return next(cell for cell in row.cells if cell.locale.language_code == "sv")


def submit_for_swedish(client, editor, page, capture):
    client.force_login(editor)
    with capture(execute=True):
        response = client.post(
            reverse("wagtail_localize:submit_page_translation", args=[page.pk]),
            {"locales": [f.locale("sv").pk]},
        )
    assert response.status_code == 302
    return Translation.objects.get(source__object_id=page.translation_key, target_locale__language_code="sv")


def translate_strings(translation, words, user):
    for segment in StringSegment.objects.filter(source=translation.source).select_related("string"):
        if segment.string.data in words:
            StringTranslation.objects.update_or_create(
                translation_of=segment.string,
                locale=translation.target_locale,
                context=segment.context,
                defaults={
                    "data": words[segment.string.data],
                    "translation_type": StringTranslation.TRANSLATION_TYPE_MANUAL,
                    "last_translated_by": user,
                },
            )


def publish_in_editor(client, page, capture):
    """The translation editor's "Publish in Svenska" button (the edit view of the translated page)."""
    with capture(execute=True):
        response = client.post(reverse("wagtailadmin_pages:edit", args=[page.pk]), {"action": "publish"})
    assert response.status_code == 302
    return ResourcePage.objects.get(pk=page.pk)


def test_submitting_a_live_material_for_translation_makes_a_draft_and_tells_nobody(
    db, client, editor, german, swedish_reader, django_capture_on_commit_callbacks
):
    submit_for_swedish(client, editor, german, django_capture_on_commit_callbacks)

    swedish = swedish_of(german)
    assert not swedish.live and swedish.title == GERMAN_TITLE  # the draft holds the text still to translate
    client.logout()
    assert client.get(swedish.url).status_code == 404
    assert GERMAN_TITLE not in client.get(f.resource_index("sv").url).content.decode()
    assert mail.outbox == []
    assert TranslationRequest.objects.get(user=swedish_reader.user).fulfilled_at is None
    cell = sv_cell(german)
    assert cell.state == IN_PROGRESS and cell.requests == 1

    # All strings translated but not yet published: still in progress, still nobody told.
    translation = Translation.objects.get(source__object_id=german.translation_key, target_locale__language_code="sv")
    translate_strings(translation, WORDS, editor)
    assert sv_cell(german).state == IN_PROGRESS
    assert not swedish_of(german).live and mail.outbox == []


def test_the_editor_publishing_the_translation_answers_the_request(
    db, client, editor, german, swedish_reader, django_capture_on_commit_callbacks
):
    translation = submit_for_swedish(client, editor, german, django_capture_on_commit_callbacks)
    translate_strings(translation, WORDS, editor)

    swedish = publish_in_editor(client, swedish_of(german), django_capture_on_commit_callbacks)

    assert swedish.live and swedish.title == SWEDISH_TITLE
    client.logout()
    html = client.get(swedish.url).content.decode()
    assert SWEDISH_SUMMARY in html and GERMAN_SUMMARY not in html
    assert [message.to for message in mail.outbox] == [[swedish_reader.user.email]]
    assert SWEDISH_TITLE in mail.outbox[0].subject
    assert TranslationRequest.objects.get(user=swedish_reader.user).fulfilled_at is not None
    cell = sv_cell(german)
    assert cell.state == UP_TO_DATE and cell.requests == 0


def test_syncing_a_translated_page_publishes_nothing(db, client, editor, german, django_capture_on_commit_callbacks):
    translation = submit_for_swedish(client, editor, german, django_capture_on_commit_callbacks)
    translate_strings(translation, WORDS, editor)
    publish_in_editor(client, swedish_of(german), django_capture_on_commit_callbacks)

    changed = "Die Klasse misst zwei Jahre lang das Wetter und den Regen."
    german = ResourcePage.objects.get(pk=german.pk)
    german.summary = changed
    f.publish(german)
    source = TranslationSource.objects.get(object_id=german.translation_key)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("wagtail_localize:update_translations", args=[source.pk]), {})
    assert response.status_code == 302

    swedish = swedish_of(german)
    assert swedish.live and swedish.summary == SWEDISH_SUMMARY  # the live page keeps its translation
    client.logout()
    assert changed not in client.get(swedish.url).content.decode()
    assert sv_cell(german).state == IN_PROGRESS  # a new string waits for its translation


def test_a_draft_translation_stays_a_draft_when_synced(
    db, client, editor, german, swedish_reader, django_capture_on_commit_callbacks
):
    submit_for_swedish(client, editor, german, django_capture_on_commit_callbacks)
    source = TranslationSource.objects.get(object_id=german.translation_key)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("wagtail_localize:update_translations", args=[source.pk]), {})
    assert not swedish_of(german).live
    assert mail.outbox == [] and TranslationRequest.objects.open().count() == 1


def test_an_alias_showing_the_source_text_answers_no_request(
    db, german, swedish_reader, django_capture_on_commit_callbacks
):
    """Wagtail announces alias updates with page_published(alias=True): the alias is still German."""
    alias = german.copy_for_translation(f.locale("sv"), alias=True)  # as wagtail-localize's tree sync makes it
    assert alias.live and alias.translation_key == german.translation_key
    german = ResourcePage.objects.get(pk=german.pk)
    german.summary = "Die Klasse misst das Wetter."
    with django_capture_on_commit_callbacks(execute=True):
        f.publish(german)
    assert ResourcePage.objects.get(pk=alias.pk).summary == "Die Klasse misst das Wetter."
    assert mail.outbox == []
    assert TranslationRequest.objects.get(user=swedish_reader.user).fulfilled_at is None
