"""The steps of following a curriculum: enrol, mark done, reflect, review, complete, certify.

Views and template tags call these; who may see a learner's progress is
`communities.privacy.can_see_learning_progress`.
"""

from dataclasses import dataclass

from django.db import transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from communities.privacy import can_see_learning_progress, can_see_page, can_see_person, viewer_person
from core.mail import recipient_language, send_templated_email
from core.urls import absolute_url
from resources.models import CurriculumPage, CurriculumUnitPage

from .models import COMPLETE, Certificate, Cohort, Enrolment, ProgressStatus, UnitProgress

REVIEW_PERMISSION = "learning.review_learning"


class LearningError(Exception):
    """A step that cannot be taken now; the message is shown to the learner."""


# -- The curriculum across its translations -----------------------------------------


def curriculum_translation(key, language):
    """The live curriculum page of a translation group in `language`, else any live one (or None)."""
    pages = CurriculumPage.objects.live().filter(translation_key=key).order_by("pk")
    return pages.filter(locale__language_code=language).first() or pages.first()


def unit_pages(curriculum_key):
    """The live units of every translation of a curriculum."""
    paths = CurriculumPage.objects.filter(translation_key=curriculum_key).values_list("path", "depth")
    if not paths:
        return CurriculumUnitPage.objects.none()
    where = Q()
    for path, depth in paths:
        where |= Q(path__startswith=path, depth=depth + 1)
    return CurriculumUnitPage.objects.live().filter(where)


def units_in(curriculum_key, language):
    """One unit per translation group, in `language` where translated, in unit order."""
    chosen = {}
    for unit in unit_pages(curriculum_key).select_related("locale").order_by("number", "pk"):
        key = unit.translation_key
        if key not in chosen or (
            unit.locale.language_code == language and chosen[key].locale.language_code != language
        ):
            chosen[key] = unit
    return sorted(chosen.values(), key=lambda u: (u.number, u.pk))


def required_unit_keys(curriculum_key):
    return set(unit_pages(curriculum_key).values_list("translation_key", flat=True))


def curriculum_key_of(unit):
    return unit.get_parent().translation_key


# -- Enrolment and progress ---------------------------------------------------------


def enrolment_of(person, curriculum_key):
    if person is None:
        return None
    return Enrolment.objects.filter(person=person, curriculum_key=curriculum_key).select_related("cohort").first()


def cohorts_of(curriculum_key):
    return Cohort.objects.filter(curriculum__translation_key=curriculum_key).select_related("trainer", "community")


def cohorts_open_to(viewer, curriculum_key):
    """The cohorts a viewer may see and join: those meeting in a community whose page they may see.

    A cohort of a members-only community stays inside it. The trainer is named only where the
    privacy rule lets the viewer see them (`trainer_visible`).
    """
    cohorts = [c for c in cohorts_of(curriculum_key) if c.community is None or can_see_page(viewer, c.community)]
    for cohort in cohorts:
        cohort.trainer_visible = cohort.trainer is not None and can_see_person(viewer, cohort.trainer)
    return cohorts


def enrol(person, curriculum, cohort=None, language="en"):
    """Enrol once per curriculum (any translation); a later enrolment may join a cohort."""
    if cohort is not None and cohort.curriculum_key != curriculum.translation_key:
        raise LearningError(_("This cohort follows another curriculum."))
    enrolment, created = Enrolment.objects.get_or_create(
        person=person,
        curriculum_key=curriculum.translation_key,
        defaults={"cohort": cohort, "language": language},
    )
    if not created and cohort is not None and enrolment.cohort_id is None:
        enrolment.cohort = cohort
        enrolment.save(update_fields=["cohort"])
    return enrolment


@dataclass
class Progress:
    completed: int
    total: int

    @property
    def percent(self):
        return round(100 * self.completed / self.total) if self.total else 0


def progress_rows(enrolment):
    """{unit translation key: UnitProgress} of an enrolment."""
    return {row.unit_key: row for row in enrolment.progress.all()}


def progress_of(enrolment):
    required = required_unit_keys(enrolment.curriculum_key)
    done = sum(1 for row in enrolment.progress.filter(status__in=COMPLETE) if row.unit_key in required)
    return Progress(completed=done, total=len(required))


def _row(enrolment, unit):
    return UnitProgress.objects.select_for_update().get_or_create(enrolment=enrolment, unit_key=unit.translation_key)[0]


def check_completion(enrolment):
    """Mark the enrolment completed when every unit of the curriculum is done or accepted."""
    progress = progress_of(enrolment)
    if enrolment.completed_at is None and progress.total and progress.completed == progress.total:
        enrolment.completed_at = timezone.now()
        enrolment.save(update_fields=["completed_at"])
    return enrolment


@transaction.atomic
def mark_done(enrolment, unit, language=None):
    if unit.asks_reflection:
        raise LearningError(_("This unit asks for a reflection: send it to your trainer."))
    row = _row(enrolment, unit)
    row.status = ProgressStatus.DONE
    row.save()
    _worked_in(enrolment, language)
    return check_completion(enrolment)


def _worked_in(enrolment, language):
    if language and language != enrolment.language:
        enrolment.language = language
        enrolment.save(update_fields=["language"])


def reviewers_of(enrolment):
    """Who is told of a reflection: the cohort's trainer (learners alone are reviewed from the review list)."""
    trainer = enrolment.trainer
    return [trainer] if trainer is not None else []


@transaction.atomic
def submit_reflection(enrolment, unit, text, language=None):
    text = (text or "").strip()
    if not unit.asks_reflection:
        raise LearningError(_("This unit does not ask for a reflection."))
    if not text:
        raise LearningError(_("Write your reflection first."))
    row = _row(enrolment, unit)
    if row.status == ProgressStatus.ACCEPTED:
        raise LearningError(_("Your reflection on this unit was already accepted."))
    row.status = ProgressStatus.SUBMITTED
    row.reflection = text
    row.submitted_at = timezone.now()
    row.save()
    _worked_in(enrolment, language)
    default = enrolment.cohort.language if enrolment.cohort_id else enrolment.language
    for reviewer in reviewers_of(enrolment):
        with translation.override(recipient_language(reviewer, default=default)):
            review_url = absolute_url(reverse("learning:review", args=[row.pk]))
            shown_unit = unit_for_key(unit.translation_key, translation.get_language()) or unit
        context = {"learner": enrolment.person, "unit": shown_unit, "review_url": review_url}
        transaction.on_commit(
            lambda reviewer=reviewer, context=context: send_templated_email(
                "learning/emails/reflection_submitted", context, reviewer, default_language=default
            )
        )
    return row


def can_review(user, row):
    """The trainer of the learner's cohort, or an editor with the review permission; never the learner."""
    enrolment = row.enrolment
    me = viewer_person(user)
    if me is not None and me.pk == enrolment.person_id:
        return False
    trainer = enrolment.trainer
    if trainer is not None and me is not None and trainer.pk == me.pk:
        return True
    return user.is_active and user.has_perm(REVIEW_PERMISSION)


def reviewable_by(user):
    """The submitted reflections this user may review, oldest first."""
    rows = UnitProgress.objects.filter(status=ProgressStatus.SUBMITTED).select_related(
        "enrolment__person", "enrolment__cohort__trainer"
    )
    me = viewer_person(user)
    if not (user.is_active and user.has_perm(REVIEW_PERMISSION)):
        if me is None:
            return rows.none()
        rows = rows.filter(enrolment__cohort__trainer=me)
    if me is not None:
        rows = rows.exclude(enrolment__person=me)
    return rows.order_by("submitted_at", "pk")


@transaction.atomic
def review(row, reviewer, accept, comment=""):
    """Accept a submitted reflection, or send it back with a comment; the learner is told in their language."""
    row = UnitProgress.objects.select_for_update().select_related("enrolment__person").get(pk=row.pk)
    comment = (comment or "").strip()
    if row.status != ProgressStatus.SUBMITTED:
        raise LearningError(_("This reflection is not waiting for review."))
    if not accept and not comment:
        raise LearningError(_("Say what to change when you send a reflection back."))
    row.status = ProgressStatus.ACCEPTED if accept else ProgressStatus.SENT_BACK
    row.trainer_comment = comment
    row.reviewed_by = reviewer
    row.reviewed_at = timezone.now()
    row.save()
    enrolment = row.enrolment
    check_completion(enrolment)
    learner = enrolment.person
    language = recipient_language(learner, default=enrolment.language)
    unit = unit_for_key(row.unit_key, language)
    context = {
        "learner": learner,
        "unit": unit,
        "accepted": accept,
        "comment": comment,
        "unit_url": absolute_url(unit) if unit is not None else "",
        "completed": enrolment.completed_at is not None,
    }
    transaction.on_commit(
        lambda: send_templated_email(
            "learning/emails/reflection_reviewed", context, learner, default_language=enrolment.language
        )
    )
    return row


def unit_for_key(unit_key, language):
    units = CurriculumUnitPage.objects.live().filter(translation_key=unit_key).select_related("locale").order_by("pk")
    return units.filter(locale__language_code=language).first() or units.first()


# -- Seeing progress ----------------------------------------------------------------


def can_see_progress(viewer, enrolment):
    return can_see_learning_progress(viewer, enrolment.person, enrolment.trainer)


def can_see_cohort(viewer, cohort):
    """The cohort's table (learners × units) is for its trainer and the editors who review learning."""
    return can_see_learning_progress(viewer, None, cohort.trainer)


def cohort_table(cohort, language):
    """(units, rows): rows are (enrolment, [UnitProgress or None per unit], Progress)."""
    units = units_in(cohort.curriculum_key, language)
    rows = []
    for enrolment in cohort.enrolments.select_related("person").prefetch_related("progress"):
        by_key = progress_rows(enrolment)
        rows.append((enrolment, [by_key.get(u.translation_key) for u in units], progress_of(enrolment)))
    return units, rows


# -- Certificates ---------------------------------------------------------------------


@transaction.atomic
def issue_certificate(enrolment, language):
    """The certificate of a completed enrolment, issued once at the learner's request."""
    if enrolment.completed_at is None:
        raise LearningError(_("Complete every unit first."))
    trainer = enrolment.trainer
    certificate, _created = Certificate.objects.get_or_create(
        enrolment=enrolment,
        defaults={
            "learner_name": enrolment.person.display_name,
            "trainer_name": trainer.display_name if trainer is not None else "",
            "language": language,
        },
    )
    return certificate


@dataclass
class CertificateFacts:
    certificate: Certificate
    curriculum: CurriculumPage
    units: list
    minutes: int

    @property
    def hours(self):
        """Hours of the units' stated durations (one decimal), or None when no unit states one."""
        return round(self.minutes / 60, 1) if self.minutes else None


def certificate_facts(certificate, language=None):
    language = language or certificate.language
    key = certificate.enrolment.curriculum_key
    units = units_in(key, language)
    return CertificateFacts(
        certificate=certificate,
        curriculum=curriculum_translation(key, language),
        units=units,
        minutes=sum(u.duration_minutes or 0 for u in units),
    )


def certificate_paths(certificate):
    """The public address of a certificate (the page, the PDF and the credential), in its language."""
    with translation.override(certificate.language):
        return {
            "page": reverse("learning:certificate", args=[certificate.uuid]),
            "pdf": reverse("learning:certificate_pdf", args=[certificate.uuid]),
            "credential": reverse("learning:credential", args=[certificate.uuid]),
        }
