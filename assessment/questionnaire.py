"""The questionnaire (areas, questions, what each area recommends) and its scoring, as data and pure functions."""

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

LIKERT = [
    (1, _("Not at all")),
    (2, _("A little")),
    (3, _("Partly")),
    (4, _("Mostly")),
    (5, _("Fully")),
]


@dataclass(frozen=True)
class Area:
    code: str
    title: str
    questions: tuple  # (code, text)
    # What helps a school that is weak here: curriculum units by competence tag,
    # materials by subject slug or tag (names as the demo corpus and editors use them).
    competences: tuple
    subjects: tuple = ()
    tags: tuple = ()


AREAS = (
    Area(
        "leadership",
        _("Leadership support"),
        (
            ("leadership_1", _("Our school leaders see European projects as part of the school's development plan.")),
            ("leadership_2", _("Teachers get time and replacement cover to work on international projects.")),
            ("leadership_3", _("Project results are shared with the whole staff and the school board.")),
        ),
        competences=("community building", "group facilitation"),
        subjects=("teacher-development",),
    ),
    Area(
        "languages",
        _("Staff languages"),
        (
            ("languages_1", _("Several teachers can run a video meeting in English or another partner language.")),
            ("languages_2", _("Staff can write project documents and reports in a foreign language.")),
            ("languages_3", _("Teachers of all subjects, not only language teachers, take part in exchanges.")),
        ),
        competences=("multilingual collaboration", "translation"),
        subjects=("foreign-languages",),
    ),
    Area(
        "partnerships",
        _("International partnerships"),
        (
            ("partnerships_1", _("We have at least one partner school abroad that we have worked with.")),
            ("partnerships_2", _("We know where to find partner schools (eTwinning, communities, networks).")),
            ("partnerships_3", _("Our contacts abroad last beyond one teacher or one project.")),
        ),
        competences=("eTwinning", "community building"),
        tags=("partnership", "exchange"),
    ),
    Area(
        "project_management",
        _("Project management"),
        (
            ("project_management_1", _("We have written or taken part in an Erasmus+ application.")),
            ("project_management_2", _("Someone at school keeps the budget, timeline and reporting of a project.")),
            ("project_management_3", _("We evaluate our projects and use what we learn in the next one.")),
        ),
        competences=("project management", "Erasmus+", "evaluation"),
        tags=("erasmus+", "project"),
    ),
    Area(
        "digital",
        _("Digital collaboration"),
        (
            ("digital_1", _("Teachers and pupils work together online with other schools (shared documents, video).")),
            ("digital_2", _("We share our teaching materials openly, with a clear licence.")),
            ("digital_3", _("Our school network and devices allow video calls and online platforms in class.")),
        ),
        competences=("open educational resources", "licensing"),
        subjects=("computing",),
    ),
)
AREAS_BY_CODE = {area.code: area for area in AREAS}


def area_scores(answers):
    """Per area, the mean answer as a percentage of the way from 'not at all' (0) to 'fully' (100)."""
    scores = {}
    for area in AREAS:
        values = [int(answers[code]) for code, _text in area.questions if answers.get(code) not in (None, "")]
        scores[area.code] = round((sum(values) / len(values) - 1) / 4 * 100) if values else 0
    return scores


def weakest_areas(scores, limit=2, good_enough=75):
    """The lowest-scoring areas (ties kept together), at most `limit`, leaving out areas already strong."""
    ranked = sorted((score, code) for code, score in scores.items() if score < good_enough)
    if not ranked:
        return []
    cutoff = ranked[min(limit, len(ranked)) - 1][0]
    return [code for score, code in ranked if score <= cutoff]
