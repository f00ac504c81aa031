"""Person.objects.for_user: the one way to get a signed-in user's profile (and to start a private one)."""

from django.contrib.auth.models import AnonymousUser

from communities.choices import Discoverability
from communities.models import Person
from tests import factories as f


def test_anonymous_visitors_have_no_person(db):
    assert Person.objects.for_user(AnonymousUser()) is None
    assert Person.objects.for_user(None) is None


def test_an_account_without_a_profile_gets_a_private_one_only_when_asked(db, django_user_model):
    user = django_user_model.objects.create_user(
        "ines", "ines@example.org", "pw", first_name="Inês", last_name="Rodrigues"
    )
    assert Person.objects.for_user(user) is None
    person = Person.objects.for_user(user, create=True)
    assert person.user == user and person.display_name == "Inês Rodrigues"
    assert person.discoverability == Discoverability.NOBODY
    # Remembered on the user object, and never a second profile.
    assert Person.objects.for_user(user) is person
    assert Person.objects.for_user(django_user_model.objects.get(pk=user.pk), create=True).pk == person.pk
    assert Person.objects.filter(user=user).count() == 1


def test_an_existing_profile_is_found(db):
    person = f.person("Anna Berg")
    assert Person.objects.for_user(person.user).pk == person.pk
