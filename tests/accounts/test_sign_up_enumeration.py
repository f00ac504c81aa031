"""Sign-up does not tell a visitor whether an address has an account, as password reset does not.

Before, signing up with a member's address answered "An account with this e-mail address
already exists": anyone could test which colleagues are on Kollega.
"""

import re

import pytest
from django.contrib.auth import get_user_model
from django.core import mail

from communities.models import Invitation
from tests import factories

pytestmark = pytest.mark.django_db
User = get_user_model()
PASSWORD = "a-long-Pass-phrase-42"


def member_with(email):
    person = factories.person()
    person.user.email = email
    person.user.save(update_fields=["email"])
    return person


def sign_up(client, email, password=PASSWORD, name="Someone Else"):
    return client.post(
        "/en/account/sign-up/",
        {
            "display_name": name,
            "email": email,
            "password1": password,
            "password2": password,
        },
    )


def page_text(response, email):
    """What the visitor reads, without the address they typed and the per-request CSRF tokens."""
    html = response.content.decode().replace(email, "ADDRESS")
    return re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "", html)


def test_signing_up_with_a_taken_address_answers_as_a_new_sign_up_does(client):
    member = member_with("maria@example.org")
    taken = sign_up(client, "maria@example.org")
    fresh = sign_up(client, "nobody-yet@example.org")
    assert taken.status_code == fresh.status_code == 200
    assert "already exists" not in taken.content.decode()
    assert "Check your e-mail" in taken.content.decode()
    assert page_text(taken, "maria@example.org") == page_text(fresh, "nobody-yet@example.org")
    # Nothing changed for the member: no second account, the password they had still works.
    assert User.objects.filter(email__iexact="maria@example.org").count() == 1
    member.user.refresh_from_db()
    assert member.user.check_password("pw-kollega-1") and not member.user.check_password(PASSWORD)


def test_the_owner_of_the_address_is_told_and_gets_a_password_reset_link(client):
    member = member_with("maria@example.org")
    sign_up(client, "Maria@Example.org")
    assert len(mail.outbox) == 1
    notice = mail.outbox[0]
    assert notice.to == ["maria@example.org"]
    assert "tried to sign up" in notice.subject
    assert "/en/account/sign-in/" in notice.body
    reset = re.search(r"https?://\S+/password/reset/\S+", notice.body).group(0)
    # The link sets a new password, as one from "Forgot your password?" does.
    response = client.get(reset, follow=True)
    form_url = response.redirect_chain[-1][0]
    response = client.post(
        form_url, {"new_password1": "Another-long-secret-7", "new_password2": "Another-long-secret-7"}
    )
    assert response.status_code == 302
    member.user.refresh_from_db()
    assert member.user.check_password("Another-long-secret-7")


def test_a_fresh_sign_up_still_gets_its_confirmation_link(client):
    sign_up(client, "new@example.org")
    assert len(mail.outbox) == 1 and "/en/account/confirm/" in mail.outbox[0].body


def test_an_invitation_for_a_taken_address_still_says_to_sign_in(client):
    # The invitation link was mailed to that address: its holder may be told.
    member_with("maria@example.org")
    invitation = Invitation.objects.create(email="maria@example.org", community=factories.community())
    response = client.post(
        f"/en/account/invitation/{invitation.token}/",
        {
            "display_name": "Maria",
            "password1": PASSWORD,
            "password2": PASSWORD,
        },
    )
    assert response.status_code == 200 and "already exists" in response.content.decode()
    assert User.objects.filter(email__iexact="maria@example.org").count() == 1
