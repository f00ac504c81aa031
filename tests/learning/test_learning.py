"""The Facilitator Curriculum as a course: enrol, mark done, reflect, review (sent back and redone),
complete, certificate (PDF, Open Badges credential, public verification), private progress, the
trainer's table and the editors' counts."""

import datetime
import io
import uuid

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.core import mail
from django.test import Client
from pypdf import PdfReader

from learning.models import Certificate, Cohort, Enrolment, UnitProgress
from resources.models import CurriculumUnitPage
from tests import factories as f
from vocabularies.models import Language

pytestmark = pytest.mark.django_db


@pytest.fixture
def course():
    curriculum = f.curriculum()
    first = f.unit(1, "Starting a learning community", duration_minutes=90)
    second = f.unit(
        2,
        "Reflecting on practice",
        duration_minutes=60,
        asks_reflection=True,
        reflection_prompt="What changed in your school?",
    )
    return curriculum, first, second


@pytest.fixture
def trainer():
    person = f.person("Tove Trainer", discoverability="nobody")
    person.languages.set([Language.objects.get(code="en")])
    person.save()
    return person


@pytest.fixture
def cohort(course, trainer):
    return Cohort.objects.create(
        curriculum=course[0],
        name="Gothenburg spring",
        trainer=trainer,
        language="sv",
        starts_on=datetime.date(2027, 3, 1),
    )


@pytest.fixture
def learner():
    person = f.person("Åsa Öberg", discoverability="nobody")
    person.languages.set([Language.objects.get(code="sv")])
    person.save()
    return person


def enrol(client, curriculum, cohort=None):
    return client.post(f"/en/learning/curriculum/{curriculum.pk}/enrol/", {"cohort": cohort.pk if cohort else ""})


def reflect(client, unit, text):
    return client.post(f"/en/learning/unit/{unit.pk}/reflection/", {"reflection": text})


def review(client, row, decision, comment=""):
    return client.post(f"/en/learning/review/{row.pk}/", {"decision": decision, "comment": comment})


def finish(client, course, cohort, trainer_client, capture):
    """Enrol, do every unit and have the reflection accepted."""
    curriculum, first, second = course
    enrol(client, curriculum, cohort)
    client.post(f"/en/learning/unit/{first.pk}/done/")
    with capture(execute=True):
        reflect(client, second, "We started a reading circle.")
        review(trainer_client, UnitProgress.objects.get(unit_key=second.translation_key), "accept")
    return Enrolment.objects.get()


@pytest.fixture
def client_class():
    return Client


@pytest.fixture
def trainer_client(trainer):
    other = Client()
    other.force_login(trainer.user)
    return other


# -- Enrol and mark done --------------------------------------------------------------


def test_a_teacher_enrols_in_a_cohort_from_the_curriculum_page(client, course, cohort, learner):
    curriculum = course[0]
    client.force_login(learner.user)
    html = client.get(curriculum.url).content.decode()
    assert "Enrol" in html and "Gothenburg spring" in html
    response = enrol(client, curriculum, cohort)
    assert response.status_code == 302 and response["Location"] == curriculum.url
    enrolment = Enrolment.objects.get()
    assert enrolment.person == learner and enrolment.cohort == cohort
    assert enrolment.curriculum_key == curriculum.translation_key
    assert "0 of 2 units completed" in client.get(curriculum.url).content.decode()
    # Enrolling again changes nothing.
    enrol(client, curriculum)
    assert Enrolment.objects.get().cohort == cohort


def test_enrolling_needs_a_sign_in_and_a_post(client, course):
    curriculum = course[0]
    response = enrol(client, curriculum)
    assert response.status_code == 302 and "/account/sign-in/" in response["Location"]
    assert "Sign in to enrol" in client.get(curriculum.url).content.decode()
    client.force_login(f.person().user)
    assert client.get(f"/en/learning/curriculum/{curriculum.pk}/enrol/").status_code == 405
    assert Enrolment.objects.count() == 0


def test_a_cohort_of_another_curriculum_or_a_hostile_id_is_not_found(client, course, learner):
    client.force_login(learner.user)
    curriculum = course[0]
    for value in ["abc", "99999999999999999999999", "-1", "999"]:
        assert client.post(f"/en/learning/curriculum/{curriculum.pk}/enrol/", {"cohort": value}).status_code == 404
    unit = course[1]
    # A unit is not a curriculum.
    assert client.post(f"/en/learning/curriculum/{unit.pk}/enrol/").status_code == 404
    assert Enrolment.objects.count() == 0


def test_marking_a_unit_done_moves_the_progress_bar(client, course, learner):
    curriculum, first, second = course
    client.force_login(learner.user)
    enrol(client, curriculum)
    assert "Mark as done" in client.get(first.url).content.decode()
    response = client.post(f"/en/learning/unit/{first.pk}/done/")
    assert response.status_code == 302 and response["Location"] == first.url
    row = UnitProgress.objects.get()
    assert row.unit_key == first.translation_key and row.status == "done"
    html = client.get(first.url).content.decode()
    assert "1 of 2 units completed" in html and "Mark as done" not in html
    listing = client.get(curriculum.url).content.decode()
    assert "1 of 2 units completed" in listing and listing.count('class="unit-status"') == 1


def test_a_unit_that_asks_for_a_reflection_cannot_just_be_marked_done(client, course, learner):
    curriculum, _, second = course
    client.force_login(learner.user)
    enrol(client, curriculum)
    html = client.get(second.url).content.decode()
    assert "What changed in your school?" in html and "Mark as done" not in html
    client.post(f"/en/learning/unit/{second.pk}/done/")
    assert UnitProgress.objects.count() == 0


def test_marking_done_without_enrolling_records_nothing(client, course, learner):
    client.force_login(learner.user)
    response = client.post(f"/en/learning/unit/{course[1].pk}/done/")
    assert response.status_code == 302
    assert UnitProgress.objects.count() == 0 and Enrolment.objects.count() == 0


def test_progress_belongs_to_the_translation_group_so_switching_language_keeps_it(client, course, learner):
    curriculum, first, second = course
    f.translate(curriculum, "sv", title="Facilitatorskursen")
    first_sv = f.translate(first, "sv", title="Att starta en lärgemenskap")
    client.force_login(learner.user)
    enrol(client, curriculum)
    client.post(f"/en/learning/unit/{first.pk}/done/")
    html = client.get(first_sv.url).content.decode()
    assert "1 av 2 enheter klara" in html and "Markera som klar" not in html
    # Marking the Swedish page done is the same unit, not a third one.
    client.post(f"/sv/learning/unit/{first_sv.pk}/done/")
    assert UnitProgress.objects.count() == 1


# -- Reflections: submitted, sent back, redone, accepted ---------------------------------


def test_a_reflection_is_sent_back_redone_and_accepted_with_mail_in_the_learners_language(
    client, trainer_client, course, cohort, learner, trainer, django_capture_on_commit_callbacks
):
    curriculum, first, second = course
    client.force_login(learner.user)
    enrol(client, curriculum, cohort)
    client.post(f"/en/learning/unit/{first.pk}/done/")

    with django_capture_on_commit_callbacks(execute=True):
        reflect(client, second, "We talked.")
    row = UnitProgress.objects.get(unit_key=second.translation_key)
    assert row.status == "submitted" and row.reflection == "We talked."
    assert [m.to for m in mail.outbox] == [[trainer.user.email]]
    assert f"/en/learning/review/{row.pk}/" in mail.outbox[0].body and "Åsa Öberg" in mail.outbox[0].subject

    # The trainer finds it in the review list and sends it back with a comment.
    assert "Åsa Öberg" in trainer_client.get("/en/learning/reviews/").content.decode()
    assert "We talked." in trainer_client.get(f"/en/learning/review/{row.pk}/").content.decode()
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        response = review(trainer_client, row, "send_back", "Tell us what you changed in your school.")
    assert response.status_code == 302
    row.refresh_from_db()
    assert row.status == "sent_back" and row.trainer_comment == "Tell us what you changed in your school."
    assert [m.to for m in mail.outbox] == [[learner.user.email]]
    message = mail.outbox[0]
    # Swedish: the learner speaks Swedish, whatever language the trainer works in.
    assert message.subject == "Din reflektion skickades tillbaka"
    assert "Tell us what you changed in your school." in message.body
    assert "http://testserver" not in message.body and second.url in message.body

    # The learner reads the comment and sends a new text.
    html = client.get(second.url).content.decode()
    assert "Tell us what you changed in your school." in html and "Send again" in html
    assert Enrolment.objects.get().completed_at is None
    with django_capture_on_commit_callbacks(execute=True):
        reflect(client, second, "We started a reading circle with three schools.")
    row.refresh_from_db()
    assert row.status == "submitted" and row.reflection == "We started a reading circle with three schools."

    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        review(trainer_client, row, "accept")
    row.refresh_from_db()
    assert row.status == "accepted" and row.reviewed_by == trainer
    assert mail.outbox[0].subject == "Din reflektion godkändes"
    assert Enrolment.objects.get().completed_at is not None
    assert "2 of 2 units completed" in client.get(curriculum.url).content.decode()
    # An accepted reflection stays accepted.
    reflect(client, second, "Overwrite")
    row.refresh_from_db()
    assert row.status == "accepted" and row.reflection == "We started a reading circle with three schools."


def test_sending_back_needs_a_comment_and_a_review_needs_a_submission(client, trainer_client, course, cohort, learner):
    curriculum, _, second = course
    client.force_login(learner.user)
    enrol(client, curriculum, cohort)
    reflect(client, second, "A short text.")
    row = UnitProgress.objects.get()
    response = review(trainer_client, row, "send_back", "")
    assert response.status_code == 200 and "Say what to change" in response.content.decode()
    row.refresh_from_db()
    assert row.status == "submitted"
    assert review(trainer_client, row, "maybe").status_code == 200
    review(trainer_client, row, "accept")
    response = review(trainer_client, row, "send_back", "Too late")
    assert "not waiting for review" in response.content.decode()
    row.refresh_from_db()
    assert row.status == "accepted"


def test_an_empty_reflection_is_refused_and_nothing_is_lost(client, course, learner):
    curriculum, _, second = course
    client.force_login(learner.user)
    enrol(client, curriculum)
    reflect(client, second, "First thoughts.")
    reflect(client, second, "   ")
    assert UnitProgress.objects.get().reflection == "First thoughts."
    assert reflect(client, second, "x" * 6000).status_code == 302
    assert UnitProgress.objects.get().reflection == "First thoughts."


# -- Privacy ---------------------------------------------------------------------------------


def test_a_reflection_is_private_to_the_learner_the_trainer_and_reviewing_editors(
    client, client_class, course, cohort, learner
):
    curriculum, _, second = course
    client.force_login(learner.user)
    enrol(client, curriculum, cohort)
    reflect(client, second, "Private thoughts about my school.")
    row = UnitProgress.objects.get()
    stranger = client_class()
    other_trainer = f.person("Olle Other")
    Cohort.objects.create(
        curriculum=curriculum, name="Other", trainer=other_trainer, language="en", starts_on=datetime.date(2027, 1, 1)
    )
    for person in [f.person("Sam Stranger"), other_trainer]:
        stranger.force_login(person.user)
        assert stranger.get(f"/en/learning/review/{row.pk}/").status_code == 404
        assert review(stranger, row, "accept").status_code == 404
        assert "Private thoughts" not in stranger.get("/en/learning/reviews/").content.decode()
    # The learner cannot accept their own reflection either.
    assert client.get(f"/en/learning/review/{row.pk}/").status_code == 404
    assert client.get("/en/learning/review/999999/").status_code == 404
    row.refresh_from_db()
    assert row.status == "submitted"
    editor = get_user_model().objects.create_user("reviewer", "reviewer@example.org", "pw-kollega-1")
    editor.user_permissions.add(Permission.objects.get(codename="review_learning"))
    stranger.force_login(editor)
    assert "Private thoughts" in stranger.get(f"/en/learning/review/{row.pk}/").content.decode()


def test_a_learner_alone_is_reviewed_by_editors_with_the_review_permission(client, client_class, course, learner):
    curriculum, _, second = course
    client.force_login(learner.user)
    enrol(client, curriculum)
    reflect(client, second, "On my own.")
    editor = get_user_model().objects.create_user("reviewer", "reviewer@example.org", "pw-kollega-1")
    other = client_class()
    other.force_login(editor)
    assert "Åsa Öberg" not in other.get("/en/learning/reviews/").content.decode()
    editor.user_permissions.add(Permission.objects.get(codename="review_learning"))
    editor = get_user_model().objects.get(pk=editor.pk)
    other.force_login(editor)
    assert "Åsa Öberg" in other.get("/en/learning/reviews/").content.decode()
    assert "/en/learning/reviews/" in other.get(curriculum.url).content.decode()
    review(other, UnitProgress.objects.get(), "accept")
    assert UnitProgress.objects.get().status == "accepted"


def test_the_cohort_table_is_for_its_trainer_only(client, trainer_client, client_class, course, cohort, learner):
    curriculum, first, second = course
    client.force_login(learner.user)
    enrol(client, curriculum, cohort)
    client.post(f"/en/learning/unit/{first.pk}/done/")
    reflect(client, second, "Text")
    other_learner = f.person("Bruno Braga")
    other = client_class()
    other.force_login(other_learner.user)
    enrol(other, curriculum, cohort)

    response = trainer_client.get(f"/en/learning/cohort/{cohort.pk}/")
    assert response.status_code == 200 and response["Cache-Control"].startswith("max-age=0")
    html = response.content.decode()
    assert "Åsa Öberg" in html and "Bruno Braga" in html
    assert "Unit 1" in html and "Unit 2" in html
    assert html.count('data-status="done"') == 1 and html.count('data-status="submitted"') == 1
    assert "1 of 2" in html and "0 of 2" in html
    assert f"/en/learning/review/{UnitProgress.objects.get(status='submitted').pk}/" in html
    # Learners, strangers, anonymous visitors and hostile ids: nothing there.
    assert client.get(f"/en/learning/cohort/{cohort.pk}/").status_code == 404
    assert other.get(f"/en/learning/cohort/{cohort.pk}/").status_code == 404
    assert client.get(f"/en/learning/cohort/{cohort.pk + 1000}/").status_code == 404
    assert client.get("/en/learning/cohort/0/").status_code == 404
    assert client.get("/en/learning/cohort/99999999999999999999/").status_code == 404
    anonymous = client_class()
    assert anonymous.get(f"/en/learning/cohort/{cohort.pk}/").status_code == 302


def test_a_learners_progress_is_not_shown_to_other_teachers(client, client_class, course, learner):
    curriculum, first, _ = course
    client.force_login(learner.user)
    enrol(client, curriculum)
    client.post(f"/en/learning/unit/{first.pk}/done/")
    other = client_class()
    other.force_login(f.person("Sam Stranger").user)
    html = other.get(first.url).content.decode()
    listing = other.get(curriculum.url).content.decode()
    assert "1 of 2 units completed" not in html and "Mark as done" not in html
    assert "Enrol" in listing and 'class="unit-status"' not in listing


# -- Completion and the certificate ------------------------------------------------------------


def test_completing_every_unit_issues_a_certificate_pdf_credential_and_public_page(
    client, trainer_client, client_class, course, cohort, learner, django_capture_on_commit_callbacks
):
    curriculum = course[0]
    client.force_login(learner.user)
    enrolment = finish(client, course, cohort, trainer_client, django_capture_on_commit_callbacks)
    assert enrolment.completed_at is not None
    html = client.get(curriculum.url).content.decode()
    assert "Issue my certificate" in html and "Åsa Öberg" in html

    response = client.post(f"/en/learning/curriculum/{curriculum.pk}/certificate/")
    certificate = Certificate.objects.get()
    assert response.status_code == 302 and response["Location"] == f"/en/learning/certificates/{certificate.uuid}/"
    assert certificate.learner_name == "Åsa Öberg" and certificate.trainer_name == "Tove Trainer"
    # Asking twice gives the same certificate.
    client.post(f"/en/learning/curriculum/{curriculum.pk}/certificate/")
    assert Certificate.objects.count() == 1

    pdf = client.get(f"/en/learning/certificates/{certificate.uuid}/certificate.pdf")
    assert pdf.status_code == 200 and pdf["Content-Type"] == "application/pdf"
    assert pdf.content.startswith(b"%PDF")
    text = " ".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf.content)).pages)
    assert "Åsa Öberg" in text and "Facilitator Curriculum" in text
    assert "Starting a learning community" in text and "Reflecting on practice" in text
    assert "2.5 hours" in text and "Tove Trainer" in text
    assert f"/en/learning/certificates/{certificate.uuid}/" in text

    anonymous = client_class()
    page = anonymous.get(f"/en/learning/certificates/{certificate.uuid}/")
    assert page.status_code == 200
    public = page.content.decode()
    assert "Åsa Öberg" in public and "Facilitator Curriculum" in public
    assert learner.user.email not in public and "Tove Trainer" not in public
    assert "certificate.pdf" not in public

    credential = anonymous.get(f"/en/learning/certificates/{certificate.uuid}/credential.json")
    assert credential.status_code == 200 and credential["Content-Type"] == "application/ld+json"
    data = credential.json()
    assert data["@context"][0] == "https://www.w3.org/ns/credentials/v2"
    assert data["@context"][1].startswith("https://purl.imsglobal.org/spec/ob/v3p0/context-3.0")
    assert data["type"] == ["VerifiableCredential", "OpenBadgeCredential"]
    assert data["issuer"]["id"].startswith("http") and "Profile" in data["issuer"]["type"]
    assert data["validFrom"].endswith("Z")
    subject = data["credentialSubject"]
    assert subject["type"] == ["AchievementSubject"] and subject["name"] == "Åsa Öberg"
    assert subject["achievement"]["type"] == ["Achievement"]
    assert subject["achievement"]["name"] == "Facilitator Curriculum"
    assert learner.user.email not in credential.content.decode()
    assert "Tove Trainer" not in credential.content.decode()


def test_the_certificate_pdf_is_in_the_learners_language(
    client, trainer_client, course, cohort, learner, django_capture_on_commit_callbacks
):
    curriculum = course[0]
    f.translate(curriculum, "sv", title="Facilitatorskursen")
    client.force_login(learner.user)
    finish(client, course, cohort, trainer_client, django_capture_on_commit_callbacks)
    client.post(f"/sv/learning/curriculum/{curriculum.pk}/certificate/")
    certificate = Certificate.objects.get()
    assert certificate.language == "sv"
    pdf = client.get(f"/sv/learning/certificates/{certificate.uuid}/certificate.pdf")
    text = " ".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf.content)).pages)
    assert "Intyg" in text and "Facilitatorskursen" in text and "Åsa Öberg" in text


def test_no_certificate_before_completion_and_the_pdf_is_the_learners_own(
    client, client_class, trainer_client, course, cohort, learner, django_capture_on_commit_callbacks
):
    curriculum, first, _ = course
    client.force_login(learner.user)
    enrol(client, curriculum, cohort)
    client.post(f"/en/learning/unit/{first.pk}/done/")
    client.post(f"/en/learning/curriculum/{curriculum.pk}/certificate/")
    assert Certificate.objects.count() == 0
    with django_capture_on_commit_callbacks(execute=True):
        reflect(client, course[2], "Done.")
        review(trainer_client, UnitProgress.objects.get(status="submitted"), "accept")
    client.post(f"/en/learning/curriculum/{curriculum.pk}/certificate/")
    certificate = Certificate.objects.get()
    other = client_class()
    assert other.get(f"/en/learning/certificates/{certificate.uuid}/certificate.pdf").status_code == 404
    other.force_login(f.person().user)
    assert other.get(f"/en/learning/certificates/{certificate.uuid}/certificate.pdf").status_code == 404
    assert trainer_client.get(f"/en/learning/certificates/{certificate.uuid}/certificate.pdf").status_code == 200
    for path in ["", "certificate.pdf", "credential.json"]:
        assert other.get(f"/en/learning/certificates/{uuid.uuid4()}/{path}").status_code == 404
        assert other.get(f"/en/learning/certificates/not-a-uuid/{path}").status_code == 404


# -- The editors' report ------------------------------------------------------------------------


def test_editors_see_how_many_facilitators_were_trained_and_who_is_eligible(
    client, client_class, trainer_client, course, cohort, learner, settings, django_capture_on_commit_callbacks
):
    settings.KOLLEGA_FACILITATOR_TARGET = 24
    learner_client = client_class()
    learner_client.force_login(learner.user)
    finish(learner_client, course, cohort, trainer_client, django_capture_on_commit_callbacks)
    halfway = f.person("Hal Halfway")
    learner_client.force_login(halfway.user)
    enrol(learner_client, course[0], cohort)
    learner_client.post(f"/en/learning/unit/{course[1].pk}/done/")

    editor = get_user_model().objects.create_user("editor", "editor@example.org", "pw-kollega-1")
    editor.groups.add(Group.objects.get(name="Editors"))
    client.force_login(editor)
    response = client.get("/admin/reports/facilitators-trained/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Facilitators trained: 1 of 24" in html
    assert "Åsa Öberg" in html and "Hal Halfway" not in html
    # Counts only: no reflections, no per-unit progress.
    assert "reading circle" not in html

    settings.KOLLEGA_FACILITATOR_TARGET = 30
    assert "Facilitators trained: 1 of 30" in client.get("/admin/reports/facilitators-trained/").content.decode()

    # Editors do not read the cohort's table (reflections); the review permission does.
    assert client.get(f"/en/learning/cohort/{cohort.pk}/").status_code == 404

    teacher = get_user_model().objects.create_user("teacher", "teacher@example.org", "pw-kollega-1")
    teacher.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(teacher)
    assert client.get("/admin/reports/facilitators-trained/").status_code in (302, 403)


def test_deleting_the_account_erases_progress_reflections_and_the_certificate(
    client, trainer_client, course, cohort, learner, django_capture_on_commit_callbacks
):
    from accounts.services import delete_account

    client.force_login(learner.user)
    finish(client, course, cohort, trainer_client, django_capture_on_commit_callbacks)
    client.post(f"/en/learning/curriculum/{course[0].pk}/certificate/")
    certificate = Certificate.objects.get()
    delete_account(learner.user)
    assert Enrolment.objects.count() == 0 and UnitProgress.objects.count() == 0
    assert client.get(f"/en/learning/certificates/{certificate.uuid}/").status_code == 404
    assert client.get(f"/en/learning/certificates/{certificate.uuid}/credential.json").status_code == 404


def test_a_trainer_who_deletes_their_account_is_no_longer_named_on_certificates(
    client, trainer_client, course, cohort, learner, trainer, django_capture_on_commit_callbacks
):
    from accounts.services import delete_account

    client.force_login(learner.user)
    finish(client, course, cohort, trainer_client, django_capture_on_commit_callbacks)
    client.post(f"/en/learning/curriculum/{course[0].pk}/certificate/")
    assert Certificate.objects.get().trainer_name == "Tove Trainer"
    delete_account(trainer.user)
    certificate = Certificate.objects.get()
    assert certificate.trainer_name == ""
    pdf = client.get(f"/en/learning/certificates/{certificate.uuid}/certificate.pdf")
    assert b"%PDF" == pdf.content[:4]
    text = " ".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf.content)).pages)
    assert "Tove" not in text and "Åsa Öberg" in text


def test_a_cohort_of_a_members_only_community_stays_inside_and_a_private_trainer_is_not_named(
    client, course, trainer, learner
):
    curriculum = course[0]
    inside = f.community("Quiet circle", visibility="members")
    public = Cohort.objects.create(
        curriculum=curriculum, name="Open spring", trainer=trainer, language="en", starts_on=datetime.date(2027, 3, 1)
    )
    closed = Cohort.objects.create(
        curriculum=curriculum,
        name="Members autumn",
        trainer=trainer,
        community=inside,
        language="en",
        starts_on=datetime.date(2027, 9, 1),
    )
    client.force_login(learner.user)
    html = client.get(curriculum.url).content.decode()
    assert "Open spring" in html and "Members autumn" not in html
    # The trainer keeps their profile private: the cohort is offered without their name.
    assert "Tove Trainer" not in html
    assert enrol(client, curriculum, closed).status_code == 404
    assert Enrolment.objects.count() == 0
    f.join(learner, inside)
    assert "Members autumn" in client.get(curriculum.url).content.decode()
    enrol(client, curriculum, closed)
    assert Enrolment.objects.get().cohort == closed and public.enrolments.count() == 0


def test_without_stated_durations_the_certificate_counts_units(client, client_class, learner):
    curriculum = f.curriculum()
    f.unit(1, "Listening")
    f.unit(2, "Hosting")
    client.force_login(learner.user)
    enrol(client, curriculum)
    for unit in CurriculumUnitPage.objects.all():
        client.post(f"/en/learning/unit/{unit.pk}/done/")
    assert Enrolment.objects.get().completed_at is not None
    client.post(f"/en/learning/curriculum/{curriculum.pk}/certificate/")
    certificate = Certificate.objects.get()
    assert certificate.trainer_name == ""
    pdf = client.get(f"/en/learning/certificates/{certificate.uuid}/certificate.pdf")
    text = " ".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf.content)).pages)
    assert "2 units" in text and "hour" not in text and "Trainer" not in text
    description = client_class().get(f"/en/learning/certificates/{certificate.uuid}/credential.json").json()
    assert "(2 units)" in description["credentialSubject"]["achievement"]["description"]


def test_editors_manage_cohorts_in_the_admin(admin_client, course):
    assert admin_client.get("/admin/snippets/learning/cohort/add/").status_code == 200
    assert admin_client.get("/admin/snippets/learning/cohort/").status_code == 200


# -- The curriculum's KA1 workshop is an event ------------------------------------------


def test_a_cohort_linked_to_a_workshop_event_takes_its_dates_and_place(client):
    from datetime import datetime
    from zoneinfo import ZoneInfo

    from django.core.exceptions import ValidationError

    from learning.models import Cohort
    from tests.events.helpers import event

    community = f.community("Teachers across borders")
    # 23:00 in Brussels on 11 April is 12 April nowhere near: the dates are the event's own.
    start = datetime(2030, 4, 11, 23, 0, tzinfo=ZoneInfo("Europe/Brussels"))
    workshop = event(
        community,
        "KA1 workshop",
        start=start,
        hours=49,
        kind="workshop",
        time_zone="Europe/Brussels",
        address="Rue Royale 150, Bruxelles",
        country="BE",
    )
    curriculum = f.curriculum()
    cohort = Cohort.objects.create(
        curriculum=curriculum, name="KA1 cohort", language="en", starts_on="2030-01-10", workshop_event=workshop
    )
    assert cohort.is_workshop
    assert str(cohort.workshop_starts_on) == "2030-04-11" and str(cohort.workshop_ends_on) == "2030-04-14"
    assert cohort.place == "Rue Royale 150, Bruxelles, Belgium"
    # The event page names the curriculum it is the workshop of.
    text = client.get(workshop.url).content.decode()
    assert "Erasmus+ KA1 workshop of the curriculum" in text and curriculum.title in text
    meeting = event(community, "Plain meeting", kind="community_meeting")
    cohort.workshop_event = meeting
    with pytest.raises(ValidationError):
        cohort.full_clean()
