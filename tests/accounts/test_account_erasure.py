"""Deleting an account erases what the person wrote and what was computed from it.

Before, the anonymised Person kept its recommender Embedding (the vector of their profile
text) and every discussion post kept its text under "Former member".
"""

import pytest
from django.test import Client

from discussions.models import Post, Thread
from recommender import conf
from recommender.models import Embedding
from tests import factories as f
from tests.recommender.helpers import index_all

pytestmark = pytest.mark.django_db
TEXT = "Pupils measure how plants use light and water for photosynthesis in the school garden."


def delete_account(person):
    client = Client()
    client.force_login(person.user)
    response = client.post("/en/account/delete/", {"password": "pw-kollega-1"})
    assert response.status_code == 200 and "Your account is deleted" in response.content.decode()


def test_the_profile_embedding_leaves_the_database_and_the_index_at_once(django_capture_on_commit_callbacks):
    zelda = f.person("Zelda Zetterlund", bio="I teach photosynthesis in our school garden.")
    f.resource("Plants and light", summary=TEXT, authors=[zelda])
    index_all()
    key = f"person:{zelda.pk}"
    assert Embedding.objects.filter(key=key).exists() and key in conf.get_index().keys("person")

    # Erased in the request itself: no worker needs to run for it.
    delete_account(zelda)
    assert not Embedding.objects.filter(key=key).exists()
    assert key not in conf.get_index().keys("person")

    # Queued updates and a full rebuild never encode the former member again.
    with django_capture_on_commit_callbacks(execute=True):
        zelda.refresh_from_db()
        zelda.save()
    index_all()
    assert not Embedding.objects.filter(key=key).exists()
    assert key not in conf.get_index().keys("person")


def discussion():
    community = f.community("Garden teachers")
    zelda, olga = f.person("Zelda Zetterlund"), f.person("Olga Open", discoverability="europe")
    f.join(zelda, community)
    f.join(olga, community)
    started = Thread.objects.create(community=community, title="Field trips", author=zelda)
    Post.objects.create(thread=started, author=zelda, body="My class at Zeta School went to the garden.")
    Post.objects.create(thread=started, author=olga, body="Ours too, in May.")
    joined = Thread.objects.create(community=community, title="Seeds", author=olga)
    Post.objects.create(thread=joined, author=olga, body="Who swaps seeds?")
    Post.objects.create(thread=joined, author=zelda, body="Call me on 070-123 45 67, Zelda.")
    alone = Thread.objects.create(community=community, title="Zelda's notes", author=zelda)
    Post.objects.create(thread=alone, author=zelda, body="Only I wrote here.")
    return community, zelda, started, joined, alone


def test_discussion_posts_lose_their_text_and_threads_keep_the_replies_of_others(client):
    community, zelda, started, joined, alone = discussion()
    delete_account(zelda)
    for thread in (started, joined):
        html = client.get(f"/en/discussions/thread/{thread.pk}/").content.decode()
        assert "Zeta School" not in html and "070-123" not in html and "Zelda" not in html
        assert "This message was removed when its author deleted their account." in html
        assert "Former member" in html
    # The others' words and the order of the conversation stay.
    assert [p.body for p in started.posts.all()] == ["", "Ours too, in May."]
    assert [p.body for p in joined.posts.all()] == ["Who swaps seeds?", ""]
    assert "Ours too, in May." in client.get(f"/en/discussions/thread/{started.pk}/").content.decode()
    # A thread nobody else wrote in goes entirely.
    assert not Thread.objects.filter(pk=alone.pk).exists()
    assert client.get(f"/en/discussions/thread/{alone.pk}/").status_code == 404
    assert "Zelda's notes" not in client.get(f"/en/discussions/community/{community.pk}/").content.decode()


def test_the_removed_notice_is_in_the_readers_language(client):
    _community, zelda, started, _joined, _alone = discussion()
    delete_account(zelda)
    html = client.get(f"/sv/discussions/thread/{started.pk}/").content.decode()
    assert "Meddelandet togs bort när skribenten raderade sitt konto." in html
