"""The capacity self-assessment: scores per area, suggestions for the weakest, saving and retaking."""

import pytest

from assessment.models import SelfAssessment
from assessment.questionnaire import AREAS, area_scores, weakest_areas
from tests import factories as f

pytestmark = pytest.mark.django_db


def answers(default=4, **areas):
    """Every question answered `default`, except the areas given (area code -> answer)."""
    data = {}
    for area in AREAS:
        for code, _text in area.questions:
            data[code] = str(areas.get(area.code, default))
    return data


def test_scores_run_from_zero_for_not_at_all_to_a_hundred_for_fully():
    scores = area_scores({k: int(v) for k, v in answers(5, languages=1, digital=3).items()})
    assert scores["leadership"] == 100 and scores["languages"] == 0 and scores["digital"] == 50


def test_the_weakest_areas_are_the_lowest_and_strong_areas_are_never_weak():
    assert weakest_areas({"a": 10, "b": 40, "c": 40, "d": 90}) == ["a", "b", "c"]  # ties stay together
    assert weakest_areas({"a": 80, "b": 90}) == []


@pytest.fixture
def curriculum_units():
    projects = f.unit(5, title="Running a European project")
    projects.competences.add("project management", "Erasmus+")
    f.publish(projects)
    languages = f.unit(4, title="Working across languages")
    languages.competences.add("multilingual collaboration")
    f.publish(languages)
    return projects, languages


def test_an_anonymous_school_sees_scores_and_units_for_its_weakest_area_without_saving(client, curriculum_units):
    response = client.post("/en/self-assessment/", {**answers(4, project_management=1), "school": "Escola Azul"})

    html = response.content.decode()
    assert response.status_code == 200
    assert "Project management" in html and "Running a European project" in html
    assert "Working across languages" not in html  # languages is not a weak area here
    assert SelfAssessment.objects.count() == 0


def test_units_hidden_from_the_viewer_are_not_recommended(client, curriculum_units):
    projects, _ = curriculum_units
    projects.unpublish()
    html = client.post("/en/self-assessment/", answers(4, project_management=1)).content.decode()
    assert "Running a European project" not in html


def test_materials_for_the_weakest_area_are_suggested(client, curriculum_units):
    f.resource("Pen pals in three languages", subjects=["foreign-languages"])
    html = client.post("/en/self-assessment/", answers(4, languages=2)).content.decode()
    assert "Working across languages" in html and "Pen pals in three languages" in html


def test_a_signed_in_school_saves_and_retakes_keeping_its_history(client, curriculum_units):
    teacher = f.person("Head Teacher")
    client.force_login(teacher.user)

    first = client.post("/en/self-assessment/", {**answers(4, languages=1), "school": "Escola Azul", "save": "1"})
    assert first.status_code == 302
    assert "Working across languages" in client.get(first["Location"]).content.decode()

    # The retake starts from the last answers.
    assert 'value="Escola Azul"' in client.get("/en/self-assessment/").content.decode()
    client.post(
        "/en/self-assessment/", {**answers(4, languages=5, project_management=1), "school": "Escola Azul", "save": "1"}
    )

    attempts = list(teacher.self_assessments.all())
    assert len(attempts) == 2
    assert attempts[0].scores["languages"] == 100 and attempts[1].scores["languages"] == 0
    history = client.get("/en/self-assessment/history/").content.decode()
    assert history.count("Escola Azul") == 2


def test_a_saved_result_is_private_to_its_school(client):
    owner = f.person("Owner")
    saved = SelfAssessment.objects.create(person=owner, school="Private School", scores={"leadership": 10})
    client.force_login(f.person("Someone Else").user)
    assert client.get(f"/en/self-assessment/{saved.pk}/").status_code == 404


def test_unanswered_questions_are_asked_again_keeping_the_answers(client):
    data = answers(3)
    del data["digital_1"]
    response = client.post("/en/self-assessment/", {**data, "school": "Escola Azul"})
    html = response.content.decode()
    assert "Please answer every question." in html and 'value="Escola Azul"' in html
