""" "Not relevant" on the For-you page: it hides that one suggestion and only nudges close look-alikes.

A teacher who dismisses one colleague must still see a full list, and the
colleagues who teach exactly what they teach (same subjects, level and
country) must stay in it.
"""

import pytest

from recommender.services import dismiss, suggestions_for_person
from tests import factories as f
from tests.recommender.helpers import index_all

pytestmark = pytest.mark.django_db

PLANTS = "I teach biology in lower secondary: photosynthesis, plants, light and water in the school garden."
HISTORY = "I teach history in lower secondary: the French revolution, the monarchy and the year 1789."


@pytest.fixture
def colleagues():
    biology, history = f.subject("biology"), f.subject("history")
    level = f.level(2)
    me = f.person("Me Teacher", country="SE", bio=PLANTS, subjects=[biology], levels=[level])
    exact = [
        f.person(f"Exact {n}", country="SE", school=f"Skola {n}", bio=PLANTS, subjects=[biology], levels=[level])
        for n in range(4)
    ]
    others = [
        f.person(f"Close {n}", country="DE", school=f"Schule {n}", bio=PLANTS, subjects=[biology], levels=[level])
        for n in range(3)
    ]
    odd = f.person("Odd One", country="SE", school="Skola X", bio=PLANTS + " " + HISTORY, subjects=[history])
    index_all()
    return {"me": me, "exact": exact, "others": others, "odd": odd}


def shown(me):
    return suggestions_for_person(me, me.user)["colleagues"]


def test_dismissing_one_colleague_hides_only_them_and_keeps_the_list_full(colleagues):
    me = colleagues["me"]
    before = shown(me)
    assert len(before) == 6
    exact = {f"person:{p.pk}" for p in colleagues["exact"]} & {s.key for s in before}
    assert len(exact) >= 3
    # The teacher finds one of the others not relevant.
    dismissed = next(s.key for s in before if s.key not in exact)
    dismiss(me.user, dismissed)
    after = shown(me)
    keys = [s.key for s in after]
    assert dismissed not in keys
    assert len(after) == 6
    # The exact matches shown (same subjects, level and country) are all still there.
    assert exact <= set(keys)
    # Look-alikes of the dismissed colleague (these have the very same profile text) are lowered
    # only a little: one "not relevant" must not sink everyone like them below the cut.
    scores = {s.key: s.score for s in before}
    assert all(scores[s.key] - s.score <= 0.15 for s in after if s.key in exact)


def test_reasons_name_the_shared_level_and_language_instead_of_similar_topics():
    from vocabularies.models import Language

    swedish = Language.objects.get_or_create(code="sv")[0]
    level = f.level(2)
    me = f.person("Me Teacher", country="SE", bio=PLANTS, subjects=[f.subject("biology")], levels=[level])
    me.languages.set([swedish])
    me.save()
    other = f.person("Kemi Lärare", country="SE", bio=PLANTS, subjects=[f.subject("chemistry")], levels=[level])
    other.languages.set([swedish])
    other.save()
    index_all()
    suggestion = next(s for s in shown(me) if s.key == f"person:{other.pk}")
    reasons = [str(r) for r in suggestion.reasons]
    assert "Works on similar topics" not in reasons
    assert "Also teaches at ISCED 2" in reasons
    assert "Also speaks Swedish" in reasons
