"""Translation workflows: the PO round trip through wagtail-localize, the status report, readers' requests, credits."""

import csv
import io

import polib
import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.shortcuts import resolve_url
from django.utils import translation as i18n
from wagtail_localize.models import StringSegment, Translation, TranslationSource

from core.urls import absolute_url
from resources.models import ResourceContributor, ResourcePage
from tests import factories as f
from translations.models import TranslationRequest
from translations.po import POFileRefused, import_po_file
from translations.status import IN_PROGRESS, MISSING, OUTDATED, SOURCE, UP_TO_DATE, build_report

SWEDISH = {
    "Photosynthesis in the school garden": "Fotosyntes i skolträdgården",
    "Pupils measure how light changes the growth of cress.": "Eleverna mäter hur ljuset påverkar krassens tillväxt.",
    "Plants need light": "Växter behöver ljus",
    "photosynthesis-in-the-school-garden": "fotosyntes-i-skoltradgarden",
}


def garden(**fields):
    page = f.resource(
        "Photosynthesis in the school garden",
        summary="Pupils measure how light changes the growth of cress.",
        subjects=["biology"],
        **fields,
    )
    page.body = [("heading", "Plants need light")]
    return f.publish(page)


def start_translation(page, code):
    """What the "Translate this page" action does: a source snapshot and a Translation into the locale."""
    source, _created = TranslationSource.get_or_create_from_instance(page)
    translation, _created = Translation.objects.get_or_create(source=source, target_locale=f.locale(code))
    return source, translation


def filled_po(translation, words=SWEDISH, only=None):
    po = translation.export_po()
    for entry in po:
        if entry.msgid in words and (only is None or entry.msgid in only):
            entry.msgstr = words[entry.msgid]
    return po


def publish_translation(translation, capture, user=None):
    # save_target publishes after commit; the test transaction never commits, so run the callbacks here.
    with capture(execute=True):
        translation.save_target(user=user, publish=True)
    return ResourcePage.objects.get(translation_key=translation.source.object_id, locale=translation.target_locale)


def cells(rows, page):
    row = next(r for r in rows if r.translation_key == page.translation_key)
    return {cell.locale.language_code: cell for cell in row.cells}


@pytest.fixture(autouse=True)
def english_interface():
    """Messages are asserted in English; a request to /sv/ earlier in the thread must not leak its language."""
    with i18n.override("en"):
        yield


@pytest.fixture
def editor(db):
    user = get_user_model().objects.create_user("editor", "editor@example.org", "pw-kollega-1")
    user.groups.add(Group.objects.get(name="Editors"))
    return user


# -- The editor workflow ----------------------------------------------------


def test_po_round_trip_publishes_swedish_text_and_a_later_source_change_waits(
    db, client, django_capture_on_commit_callbacks
):
    english = garden()
    source, translation = start_translation(english, "sv")

    warnings = translation.import_po(filled_po(translation))
    assert warnings == []
    swedish = publish_translation(translation, django_capture_on_commit_callbacks)

    assert swedish.live and swedish.url.startswith("/sv/")
    html = client.get(swedish.url).content.decode()
    assert "Fotosyntes i skolträdgården" in html
    assert "Eleverna mäter hur ljuset påverkar krassens tillväxt." in html
    assert "Växter behöver ljus" in html
    assert "Pupils measure how light" not in html
    assert translation.get_progress() == (4, 4)  # title, slug, summary, heading
    assert cells(build_report(), english)["sv"].state == UP_TO_DATE

    # The English source changes and is published; the editor syncs the translation source.
    english.summary = "Pupils measure how light and water change the growth of cress."
    f.publish(english)
    assert cells(build_report(), english)["sv"].state == OUTDATED
    source.update_from_db()
    source.refresh_segments()

    total, done = translation.get_progress()
    assert (total, done) == (4, 3)
    waiting = [
        s.string.data
        for s in StringSegment.objects.filter(source=source).annotate_translation(f.locale("sv"))
        if s.translation is None
    ]
    assert waiting == ["Pupils measure how light and water change the growth of cress."]
    cell = cells(build_report(), english)["sv"]
    assert (cell.state, cell.percent) == (IN_PROGRESS, 75)
    # The published Swedish page keeps its translation until the editor publishes again.
    assert "Eleverna mäter hur ljuset" in client.get(swedish.url).content.decode()


def test_report_progress_is_wagtail_localizes_progress(db):
    english = garden()
    _source, translation = start_translation(english, "de")
    german = {"Photosynthesis in the school garden": "Photosynthese im Schulgarten"}
    translation.import_po(filled_po(translation, german))
    total, done = translation.get_progress()
    # The target page exists as a draft once the translation is saved unpublished.
    translation.save_target(publish=False)
    cell = cells(build_report(), english)["de"]
    assert cell.state == IN_PROGRESS and cell.percent == int(done * 100 / total) == 25


def test_machine_translation_uses_the_configured_dummy_translator(settings):
    from wagtail_localize.machine_translators import get_machine_translator

    translator = get_machine_translator()
    assert translator.__class__.__name__ == "DummyTranslator"
    assert "wagtail_localize.machine_translators.dummy" in settings.WAGTAILLOCALIZE_MACHINE_TRANSLATOR["CLASS"]


def test_a_new_translation_is_written_in_its_own_language(db, django_capture_on_commit_callbacks):
    english = garden()
    _source, translation = start_translation(english, "pt")
    translation.import_po(
        filled_po(translation, {"Photosynthesis in the school garden": "Fotossíntese na horta escolar"})
    )
    portuguese = publish_translation(translation, django_capture_on_commit_callbacks)
    assert portuguese.material_language == "pt" and english.material_language == "en"
    assert list(portuguese.subjects.all()) == list(english.subjects.all())  # synchronised


# -- Bad PO files are refused and lose nothing -------------------------------


def test_a_po_file_for_another_page_is_refused_by_name(db):
    _s, translation = start_translation(garden(), "sv")
    other = f.resource("Fractions with pizza")
    _s, other_translation = start_translation(other, "sv")
    with pytest.raises(POFileRefused, match="Fractions with pizza"):
        import_po_file(translation, str(filled_po(other_translation, {"Fractions with pizza": "Bråk med pizza"})))


def test_a_po_file_for_another_language_is_refused_and_names_it(db):
    english = garden()
    _s, swedish = start_translation(english, "sv")
    _s, german = start_translation(english, "de")
    po = filled_po(german, {"Photosynthesis in the school garden": "Photosynthese im Schulgarten"})
    with pytest.raises(POFileRefused, match="Deutsch"):
        import_po_file(swedish, str(po))
    assert swedish.get_progress()[1] == 0


def test_a_po_file_with_unknown_strings_is_refused_and_keeps_earlier_work(db):
    _s, translation = start_translation(garden(), "sv")
    import_po_file(translation, str(filled_po(translation, only={"Photosynthesis in the school garden"})))
    assert translation.get_progress() == (4, 1)

    po = filled_po(translation, {**SWEDISH, "Photosynthesis in the school garden": "Något annat"})
    po.append(polib.POEntry(msgid="A sentence that is not on the page", msgctxt="summary", msgstr="En mening"))
    with pytest.raises(POFileRefused, match="A sentence that is not on the page"):
        import_po_file(translation, str(po))
    # Nothing from the refused file was kept, and nothing earlier was lost.
    assert translation.get_progress() == (4, 1)
    assert [e.msgstr for e in translation.export_po() if e.msgid == "Photosynthesis in the school garden"] == [
        "Fotosyntes i skolträdgården"
    ]


@pytest.mark.parametrize(
    "content, message",
    [
        ("this is not a po file \x00", "not a valid PO file: Syntax error \\(line 1\\)"),
        ('msgid "Photosynthesis in the school garden"\nmsgstr "Fotosyntes"\n', "X-WagtailLocalize-TranslationID"),
    ],
)
def test_a_po_file_without_the_translation_header_or_unreadable_is_refused(db, content, message):
    _s, translation = start_translation(garden(), "sv")
    with pytest.raises(POFileRefused, match=message):
        import_po_file(translation, content)
    assert translation.get_progress()[1] == 0


def test_the_editors_upload_button_reports_the_problem(db, client, editor):
    english = garden()
    _s, swedish = start_translation(english, "sv")
    _s, german = start_translation(english, "de")
    swedish.save_target(publish=False)
    client.force_login(get_user_model().objects.create_superuser("admin", "a@example.org", "pw-kollega-1"))
    url = f"/admin/localize/translate/{swedish.pk}/pofile/upload/"

    wrong = SimpleUploadedFile(
        "de.po", str(filled_po(german, {"Photosynthesis in the school garden": "Photosynthese"})).encode()
    )
    response = client.post(url, {"file": wrong, "next": "/admin/"}, follow=True)
    assert "This PO file is for the Deutsch translation of this page" in response.content.decode()
    assert swedish.get_progress()[1] == 0

    right = SimpleUploadedFile("sv.po", str(filled_po(swedish)).encode())
    response = client.post(url, {"file": right, "next": "/admin/"}, follow=True)
    assert "Imported 4 translated strings from the PO file." in response.content.decode()
    assert swedish.get_progress() == (4, 4)


# -- Translator credits ------------------------------------------------------


def test_translator_credits_stay_on_the_translation_when_contributors_sync(db, django_capture_on_commit_callbacks):
    anna, maria, rita = f.person("Anna Berg"), f.person("Maria Lind"), f.person("Rita Sousa")
    english = garden(authors=[anna])
    source, translation = start_translation(english, "sv")
    translation.import_po(filled_po(translation))
    swedish = publish_translation(translation, django_capture_on_commit_callbacks)
    ResourceContributor.objects.create(page=swedish, person=maria, role="translator", sort_order=5)

    ResourceContributor.objects.create(page=english, person=rita, role="author", sort_order=1)
    f.publish(ResourcePage.objects.get(pk=english.pk))
    source.update_from_db()
    swedish = publish_translation(translation, django_capture_on_commit_callbacks)

    credits = {(c.person.display_name, c.role) for c in swedish.contributors.all()}
    assert credits == {("Anna Berg", "author"), ("Rita Sousa", "author"), ("Maria Lind", "translator")}
    assert {(c.person.display_name, c.role) for c in english.contributors.all()} == {
        ("Anna Berg", "author"),
        ("Rita Sousa", "author"),
    }


def test_whoever_translates_through_wagtail_localize_is_credited_on_the_page(
    db, client, django_capture_on_commit_callbacks
):
    maria = f.person("Maria Lind")
    english = garden(authors=[f.person("Anna Berg")])
    _s, translation = start_translation(english, "sv")
    translation.import_po(filled_po(translation), user=maria.user)
    swedish = publish_translation(translation, django_capture_on_commit_callbacks, user=maria.user)

    assert ("Maria Lind", "translator") in {(c.person.display_name, c.role) for c in swedish.contributors.all()}
    html = client.get(swedish.url).content.decode()
    assert "Översatt av" in html and "Maria Lind" in html
    # The source credits its own people; the translator appears there only as a suggested colleague.
    assert "credit--translation" not in client.get(english.url).content.decode()


# -- The status report -------------------------------------------------------


def test_report_states_for_every_locale(db, django_capture_on_commit_callbacks):
    english = garden()
    _s, translation = start_translation(english, "sv")
    translation.import_po(filled_po(translation))
    publish_translation(translation, django_capture_on_commit_callbacks)
    f.translate(english, "pt", title="Fotossíntese na horta escolar")  # made outside wagtail-localize

    states = {code: cell.state for code, cell in cells(build_report(), english).items()}
    assert states == {"en": SOURCE, "sv": UP_TO_DATE, "de": MISSING, "pt": UP_TO_DATE}

    f.publish(ResourcePage.objects.get(pk=english.pk))  # the source is published again
    states = {code: cell.state for code, cell in cells(build_report(), english).items()}
    assert states["pt"] == OUTDATED and states["sv"] == OUTDATED


def test_a_page_first_written_in_portuguese_is_reported_with_portuguese_as_source(db):
    portuguese = f.resource("Frações com pizza", code="pt")
    assert {code: cell.state for code, cell in cells(build_report(), portuguese).items()} == {
        "en": MISSING,
        "sv": MISSING,
        "de": MISSING,
        "pt": SOURCE,
    }


def test_report_covers_every_translatable_page_type(db):
    community = f.community("Stockholm biology teachers")
    pages = [
        garden(),
        f.unit(1, title="Starting a community"),
        community,
        f.project(community, title="Water"),
        f.add_child(f.home(), __import__("home.models", fromlist=["StandardPage"]).StandardPage(title="About")),
    ]
    reported = {row.translation_key: row.page_type for row in build_report()}
    assert [reported[p.translation_key] for p in pages] == [
        "resource",
        "curriculum_unit",
        "community",
        "project",
        "standard",
    ]


def test_report_filters_by_page_type_community_locale_and_status(db):
    stockholm, porto = f.community("Stockholm biology teachers"), f.community("Porto maths group", country="PT")
    ours = f.resource("Cells under the microscope", community=stockholm)
    theirs = f.resource("Fractions with pizza", community=porto)
    f.translate(theirs, "de", title="Brüche mit Pizza")
    project = f.project(stockholm, title="Water in Stockholm")

    keys = lambda **filters: {row.translation_key for row in build_report(**filters)}  # noqa: E731
    assert keys(page_type="resource") == {ours.translation_key, theirs.translation_key}
    assert keys(community=stockholm.translation_key) == {
        ours.translation_key,
        stockholm.translation_key,
        project.translation_key,
    }
    assert keys(page_type="resource", locale="de", status=UP_TO_DATE) == {theirs.translation_key}
    assert keys(page_type="resource", locale="de", status=MISSING) == {ours.translation_key}
    rows = build_report(locale="de")
    assert all([cell.locale.language_code for cell in row.cells] == ["de"] for row in rows)


def test_report_view_for_editors_with_filters_and_csv(db, client, editor):
    english = garden()
    f.translate(english, "sv", title="Fotosyntes i skolträdgården")
    client.force_login(editor)

    response = client.get("/admin/reports/translation-status/?page_type=resource")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Photosynthesis in the school garden" in html and 'data-state="missing"' in html

    response = client.get("/admin/reports/translation-status/?page_type=resource&export=csv")
    assert response["Content-Type"].startswith("text/csv")
    lines = list(csv.DictReader(io.StringIO(response.content.decode())))
    by_language = {line["language"]: line for line in lines if line["title"] == "Photosynthesis in the school garden"}
    assert {code: line["status"] for code, line in by_language.items()} == {
        "en": "source",
        "sv": "up_to_date",
        "de": "missing",
        "pt": "missing",
    }

    assert "Translation status" in client.get("/admin/").content.decode()  # the menu item


def test_csv_export_does_not_let_a_title_run_as_a_formula(db, client, editor):
    f.resource('=HYPERLINK("http://evil.example")')
    client.force_login(editor)
    text = client.get("/admin/reports/translation-status/?export=csv").content.decode()
    assert "'=HYPERLINK" in text


def test_only_editors_see_the_report(db, client):
    teacher = get_user_model().objects.create_user("teacher", "t@example.org", "pw-kollega-1")
    client.force_login(teacher)
    assert client.get("/admin/reports/translation-status/").status_code in (302, 403)

    # A user who may use the admin but is not an editor is turned away (Wagtail's admin
    # answers PermissionDenied with a redirect to the dashboard and a message) and has no menu item.
    from django.contrib.auth.models import Permission

    teacher.user_permissions.add(Permission.objects.get(codename="access_admin"))
    response = client.get("/admin/reports/translation-status/", follow=True)
    assert response.redirect_chain[0] == ("/admin/", 302)
    assert "Sorry, you do not have permission to access this area." in response.content.decode()
    assert "Translation status" not in client.get("/admin/").content.decode()

    client.logout()
    response = client.get("/admin/reports/translation-status/")
    assert response.status_code == 302 and "/admin/login/" in response["Location"]
    assert "Photosynthesis" not in response.content.decode()

    moderator = get_user_model().objects.create_user("moderator", "m@example.org", "pw-kollega-1")
    moderator.groups.add(Group.objects.get(name="Moderators"))
    client.force_login(moderator)
    assert client.get("/admin/reports/translation-status/").status_code == 200


# -- Translation requests ----------------------------------------------------


def test_a_signed_in_reader_asks_for_a_translation_once(db, client):
    english = garden()
    reader = f.person("Lena Svensson")
    client.force_login(reader.user)
    html = client.get(english.url).content.decode()
    assert 'name="translation_request"' in html

    for _ in range(2):
        response = client.post(english.url, {"translation_request": "1", "locale": "sv"})
        assert response.status_code == 302
    assert (
        TranslationRequest.objects.open().filter(user=reader.user, translation_key=english.translation_key).count() == 1
    )
    html = client.get(english.url).content.decode()
    assert "You asked for this material in Svenska" in html


def test_no_request_for_a_language_the_material_already_has(db, client):
    english = garden()
    f.translate(english, "sv", title="Fotosyntes i skolträdgården")
    client.force_login(f.person("Lena Svensson").user)
    client.post(english.url, {"translation_request": "1", "locale": "sv"})
    client.post(english.url, {"translation_request": "1", "locale": "xx"})
    assert not TranslationRequest.objects.exists()


def test_anonymous_readers_are_sent_to_sign_in(db, client):
    english = garden()
    html = client.get(english.url).content.decode()
    assert "Sign in to ask for a translation" in html
    response = client.post(english.url, {"translation_request": "1", "locale": "sv"})
    assert response.status_code == 302 and response["Location"].startswith(resolve_url(settings.LOGIN_URL))
    assert not TranslationRequest.objects.exists()


def test_report_counts_requests_and_puts_the_most_wanted_first(db, client, editor):
    quiet, wanted = garden(), f.resource("Fractions with pizza")
    for code in ("de", "de", "pt"):
        client.force_login(f.person().user)
        client.post(wanted.url, {"translation_request": "1", "locale": code})
    client.force_login(f.person().user)
    client.post(quiet.url, {"translation_request": "1", "locale": "sv"})

    rows = build_report(page_type="resource")
    assert [row.translation_key for row in rows] == [wanted.translation_key, quiet.translation_key]
    assert {code: cell.requests for code, cell in cells(rows, wanted).items()} == {"en": 0, "sv": 0, "de": 2, "pt": 1}

    client.force_login(editor)
    html = client.get("/admin/reports/translation-status/").content.decode()
    assert "2 requests" in html and html.index("Fractions with pizza") < html.index(
        "Photosynthesis in the school garden"
    )


def test_requesters_are_emailed_in_their_language_when_the_translation_is_published(
    db, client, django_capture_on_commit_callbacks
):
    english = garden()
    asking = f.person("Lena Svensson")
    other_language = f.person("Jonas Weber")
    TranslationRequest.objects.create(
        user=asking.user, translation_key=english.translation_key, locale=f.locale("sv"), source_page=english
    )
    TranslationRequest.objects.create(
        user=other_language.user, translation_key=english.translation_key, locale=f.locale("de"), source_page=english
    )

    _s, translation = start_translation(english, "sv")
    translation.import_po(filled_po(translation))
    swedish = publish_translation(translation, django_capture_on_commit_callbacks)

    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == [asking.user.email]
    assert "Fotosyntes i skolträdgården" in message.subject and "Nu översatt" in message.subject
    assert absolute_url(swedish) in message.body and "Hej Lena Svensson" in message.body
    assert TranslationRequest.objects.get(user=asking.user).fulfilled_at is not None
    assert TranslationRequest.objects.get(user=other_language.user).fulfilled_at is None
    assert cells(build_report(), english)["sv"].requests == 0
