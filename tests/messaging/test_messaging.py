"""Getting in touch with consent, and conversations: what the sender, the recipient and a stranger notice."""

import re
from datetime import timedelta

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.utils import timezone

from accounts.services import delete_account
from messaging.models import ContactRequest, Conversation, Message, MessagingSettings, Participant
from tests import factories as f
from vocabularies.models import Language

pytestmark = pytest.mark.django_db

TEXT = "Hello! I teach biology in Uppsala and would love to plan a joint project on rivers."


def speaks(person, *codes):
    person.languages.set([Language.objects.get(code=c) for c in codes])
    person.save()  # a ParentalManyToManyField is written on save
    return person


def contact(client, person, message=TEXT, lang="en", **extra):
    return client.post(f"/{lang}/people/{person.slug}/contact/", {"message": message, **extra})


def login(client, person):
    """Another person at another browser: the flash messages of the previous one (a cookie) stay behind."""
    client.cookies.pop("messages", None)
    client.force_login(person.user)


def request_link(message):
    return re.search(r"https?://[^/\s]+(/de/messages/requests/(\d+)/)", message.body)


@pytest.fixture
def pair(client):
    sender = speaks(f.person("Sven Sender", country="SE"), "sv")
    recipient = speaks(f.person("Greta Empfängerin", country="DE"), "de")
    login(client, sender)
    return sender, recipient


def accept_as(client, recipient):
    item = ContactRequest.objects.get(recipient=recipient, status="pending")
    login(client, recipient)
    response = client.post(f"/en/messages/requests/{item.pk}/", {"action": "accept"})
    assert response.status_code == 302
    return Conversation.objects.get(pk=re.search(r"/messages/(\d+)/", response["Location"]).group(1))


# -- Contact requests -----------------------------------------------------------------


def test_signed_out_visitors_are_sent_to_sign_in(client):
    recipient = f.person()
    response = client.get(f"/en/people/{recipient.slug}/contact/")
    assert response.status_code == 302 and "/account/" in response["Location"]
    assert contact(client, recipient).status_code == 302
    assert not ContactRequest.objects.exists()


def test_the_recipient_gets_the_request_in_her_own_language_without_the_senders_address(client, pair):
    sender, recipient = pair
    mail.outbox.clear()
    response = contact(client, recipient, lang="sv", via="suggestion")
    assert response.status_code == 302
    item = ContactRequest.objects.get()
    assert item.source == "suggestion" and item.status == "pending"
    [message] = mail.outbox
    assert message.to == [recipient.user.email]
    # German, with links under /de/, while the sender browses in Swedish.
    assert message.subject == "Sven Sender möchte mit Ihnen in Kontakt treten"
    assert "Hier annehmen oder ablehnen" in message.body
    assert f"/de/people/{sender.slug}/" in message.body and "/de/messages/requests/" in message.body
    assert TEXT in message.body
    assert sender.user.email not in message.body and sender.user.email not in str(message.extra_headers)
    assert message.reply_to == [] and sender.user.email not in message.from_email
    # The link opens the request, in German, with Accept and Decline as POST buttons.
    link = request_link(message)
    login(client, recipient)
    page = client.get(link.group(1))
    html = page.content.decode()
    assert page.status_code == 200 and '<html lang="de">' in html and TEXT in html
    assert '<form method="post" class="contact-answer">' in html and 'value="accept"' in html


def test_no_conversation_before_acceptance_and_acceptance_opens_one(client, pair):
    sender, recipient = pair
    contact(client, recipient)
    assert not Conversation.objects.exists()
    assert client.get("/en/messages/").status_code == 200
    item = ContactRequest.objects.get()
    # The sender cannot open or answer the request meant for the recipient.
    assert client.get(f"/en/messages/requests/{item.pk}/").status_code == 404
    assert client.post(f"/en/messages/requests/{item.pk}/", {"action": "accept"}).status_code == 404
    assert not Conversation.objects.exists()
    # The recipient opens the link from the e-mail and accepts with a POST there.
    login(client, recipient)
    page = client.get(f"/en/messages/requests/{item.pk}/")
    html = page.content.decode()
    assert page.status_code == 200 and TEXT in html and 'value="accept"' in html and 'value="decline"' in html
    assert sender.user.email not in html
    assert "no-store" in page["Cache-Control"] and "private" in page["Cache-Control"]
    mail.outbox.clear()
    conversation = accept_as(client, recipient)
    assert {p.person for p in conversation.participants.all()} == {sender, recipient}
    assert conversation.messages.get().body == TEXT
    # The sender is told, in his language, and may write now.
    [accepted] = mail.outbox
    assert accepted.to == [sender.user.email] and recipient.user.email not in accepted.body
    login(client, sender)
    thread = client.get(f"/en/messages/{conversation.pk}/").content.decode()
    assert recipient.user.email not in thread and TEXT in thread
    # A new request goes to the conversation instead.
    assert client.get(f"/en/people/{recipient.slug}/contact/")["Location"] == f"/en/messages/{conversation.pk}/"


def test_declining_is_silent_and_the_sender_may_ask_again_only_after_90_days(client, pair):
    sender, recipient = pair
    contact(client, recipient)
    before = client.get(f"/en/people/{recipient.slug}/contact/").content.decode()
    item = ContactRequest.objects.get()
    login(client, recipient)
    mail.outbox.clear()
    client.post(f"/en/messages/requests/{item.pk}/", {"action": "decline"})
    assert mail.outbox == []
    login(client, sender)
    after = client.get(f"/en/people/{recipient.slug}/contact/").content.decode()
    assert "No answer yet." in after and "No answer yet." in before
    assert "declin" not in after.lower()
    again = contact(client, recipient, message="Sorry to insist, but I really would like to talk.")
    assert again.status_code == 409 and ContactRequest.objects.count() == 1
    ContactRequest.objects.update(created_at=timezone.now() - timedelta(days=91))
    assert contact(client, recipient).status_code == 302
    assert ContactRequest.objects.count() == 2


def test_a_pending_request_blocks_a_second_one_too(client, pair):
    _, recipient = pair
    contact(client, recipient)
    assert contact(client, recipient).status_code == 409
    assert ContactRequest.objects.count() == 1


def test_at_most_ten_new_requests_a_day(client, pair):
    sender, _ = pair
    people = [f.person() for _ in range(11)]
    for person in people[:10]:
        assert contact(client, person).status_code == 302
    response = contact(client, people[10])
    assert response.status_code == 429
    assert "10 requests today" in response.content.decode()
    assert ContactRequest.objects.filter(sender=sender).count() == 10
    ContactRequest.objects.update(created_at=timezone.now() - timedelta(hours=25))
    assert contact(client, people[10]).status_code == 302


def test_message_length_is_bounded(client, pair):
    _, recipient = pair
    assert contact(client, recipient, message="Too short").status_code == 200
    assert contact(client, recipient, message="x" * 1001).status_code == 200
    assert not ContactRequest.objects.exists()


def test_about_is_a_page_the_sender_may_see(client, pair):
    _, recipient = pair
    material = f.resource("Rivers of Europe", authors=[recipient])
    closed = f.community("Closed circle", visibility="members")
    form = client.get(f"/en/people/{recipient.slug}/contact/?about={material.pk}").content.decode()
    assert f'value="{material.pk}" selected' in form
    for junk in ("9999999999999999999", "99999999999999999999", "-1", "x"):
        assert client.get(f"/en/people/{recipient.slug}/contact/?about={junk}").status_code == 200
    assert contact(client, recipient, about=closed.pk).status_code == 200
    assert contact(client, recipient, about="99999999999999999999").status_code == 200
    assert contact(client, recipient, about="abc").status_code == 200
    assert not ContactRequest.objects.exists()
    assert contact(client, recipient, about=material.pk).status_code == 302
    assert ContactRequest.objects.get().about_id == material.pk


@pytest.mark.parametrize("discoverability", ["nobody", "communities", "country"])
def test_people_the_sender_may_not_see_do_not_exist_here(client, pair, discoverability):
    sender, _ = pair
    hidden = f.person("Hidden Person", discoverability=discoverability, country="PT")
    # A members-only community the sender is not in: the "communities" person is a member there.
    f.join(hidden, f.community("Members only", visibility="members"))
    for response in (client.get(f"/en/people/{hidden.slug}/contact/"), contact(client, hidden)):
        assert response.status_code == 404
    assert client.get("/en/people/no-such-person/contact/").status_code == 404
    assert not ContactRequest.objects.exists()


def test_ones_own_profile_and_former_members_cannot_be_contacted(client, pair):
    sender, recipient = pair
    assert client.get(f"/en/people/{sender.slug}/contact/").status_code == 404
    delete_account(recipient.user)
    recipient.refresh_from_db()
    assert contact(client, recipient).status_code == 404


def test_a_blocked_sender_can_neither_ask_nor_write(client, pair):
    sender, recipient = pair
    contact(client, recipient)
    item = ContactRequest.objects.get()
    login(client, recipient)
    client.post(f"/en/messages/requests/{item.pk}/", {"action": "block"})
    login(client, sender)
    ContactRequest.objects.update(created_at=timezone.now() - timedelta(days=91))
    assert contact(client, recipient).status_code == 403
    assert ContactRequest.objects.count() == 1


def test_blocking_in_a_conversation_stops_messages_both_ways(client, pair):
    sender, recipient = pair
    contact(client, recipient)
    conversation = accept_as(client, recipient)
    client.post(f"/en/messages/{conversation.pk}/block/")
    login(client, sender)
    client.post(f"/en/messages/{conversation.pk}/", {"body": "Are you still there?"})
    assert conversation.messages.count() == 1


def test_a_report_reaches_the_facilitators_of_a_shared_community_and_blocks(client, pair):
    sender, recipient = pair
    community = f.community("Rivers")
    facilitator = f.person("Fay Facilitator")
    f.join(facilitator, community, role="facilitator")
    f.join(sender, community)
    f.join(recipient, community)
    contact(client, recipient)
    login(client, recipient)
    mail.outbox.clear()
    response = client.post(f"/en/messages/report/{sender.slug}/", {"reason": "Advertising"})
    assert response.status_code == 302
    [report] = mail.outbox
    assert report.to == [facilitator.user.email] and TEXT in report.body and "Advertising" in report.body
    login(client, sender)
    ContactRequest.objects.update(created_at=timezone.now() - timedelta(days=91))
    assert contact(client, recipient).status_code == 403
    # Someone who never wrote to you cannot be reported through this form.
    stranger = f.person()
    assert client.get(f"/en/messages/report/{stranger.slug}/").status_code == 404


def test_without_a_shared_community_reports_go_to_the_superusers(client, pair):
    sender, recipient = pair
    admin = get_user_model().objects.create_superuser("admin", "admin@example.org", "pw-kollega-1")
    contact(client, recipient)
    login(client, recipient)
    mail.outbox.clear()
    client.post(f"/en/messages/report/{sender.slug}/", {"reason": ""})
    assert [m.to for m in mail.outbox] == [[admin.email]]


# -- Conversations -------------------------------------------------------------------


def test_only_participants_open_a_conversation(client, pair):
    sender, recipient = pair
    contact(client, recipient)
    conversation = accept_as(client, recipient)
    login(client, f.person())
    assert client.get(f"/en/messages/{conversation.pk}/").status_code == 404
    assert client.post(f"/en/messages/{conversation.pk}/", {"body": "Intruding"}).status_code == 404
    assert client.post(f"/en/messages/{conversation.pk}/leave/").status_code == 404
    assert client.get("/en/messages/99999999999999999999/").status_code == 404
    client.logout()
    assert client.get(f"/en/messages/{conversation.pk}/").status_code == 302
    assert conversation.messages.count() == 1


def test_unread_counts_in_the_list_and_the_header(client, pair):
    sender, recipient = pair
    contact(client, recipient)
    conversation = accept_as(client, recipient)
    client.post(f"/en/messages/{conversation.pk}/", {"body": "Gern! Schreiben Sie mir mehr."})
    client.post(f"/en/messages/{conversation.pk}/", {"body": "Und hier ist unser Plan: https://example.org/plan"})
    login(client, sender)
    inbox = client.get("/en/messages/").content.decode()
    assert "2 unread" in inbox
    # The header says so on every page.
    header = client.get(f"/en/people/{recipient.slug}/").content.decode()
    assert '<a href="/en/messages/" class="messages-link">Messages <span class="badge">2<' in header
    assert "no-store" in client.get("/en/messages/")["Cache-Control"]
    thread = client.get(f"/en/messages/{conversation.pk}/").content.decode()
    assert '<a href="https://example.org/plan" rel="nofollow">' in thread
    assert "unread" not in client.get("/en/messages/").content.decode()


def test_messages_are_plain_text(client, pair):
    _, recipient = pair
    contact(client, recipient)
    conversation = accept_as(client, recipient)
    client.post(f"/en/messages/{conversation.pk}/", {"body": "<script>alert(1)</script> <b>bold</b>"})
    html = client.get(f"/en/messages/{conversation.pk}/").content.decode()
    assert "<script>alert(1)" not in html and "&lt;script&gt;alert(1)&lt;/script&gt;" in html


def test_conversations_are_listed_newest_first(client, pair):
    sender, recipient = pair
    other = f.person("Olga Other")
    contact(client, recipient)
    contact(client, other)
    first = accept_as(client, recipient)
    second = accept_as(client, other)
    login(client, sender)
    client.post(f"/en/messages/{first.pk}/", {"body": "A newer message in the first thread"})
    inbox = client.get("/en/messages/").content.decode()
    assert inbox.index(f"/en/messages/{first.pk}/") < inbox.index(f"/en/messages/{second.pk}/")


def test_at_most_one_message_email_per_thread_an_hour(client, pair):
    sender, recipient = pair
    contact(client, recipient)
    conversation = accept_as(client, recipient)
    login(client, sender)
    mail.outbox.clear()
    for n in range(3):
        client.post(f"/en/messages/{conversation.pk}/", {"body": f"Message number {n}"})
    [notice] = mail.outbox
    assert notice.to == [recipient.user.email]
    assert f"/messages/{conversation.pk}/" in notice.body
    assert notice.subject == "Neue Nachricht von Sven Sender"  # German for the German recipient
    assert f"/de/messages/{conversation.pk}/" in notice.body
    assert sender.user.email not in notice.body
    Participant.objects.filter(person=recipient).update(last_notified_at=timezone.now() - timedelta(minutes=61))
    client.post(f"/en/messages/{conversation.pk}/", {"body": "One more, an hour later"})
    assert len(mail.outbox) == 2


def test_message_emails_can_be_turned_off(client, pair):
    sender, recipient = pair
    contact(client, recipient)
    conversation = accept_as(client, recipient)
    assert client.post("/en/messages/settings/", {}).status_code == 302
    assert MessagingSettings.objects.get(person=recipient).email_on_message is False
    login(client, sender)
    mail.outbox.clear()
    client.post(f"/en/messages/{conversation.pk}/", {"body": "Will you get an e-mail?"})
    assert mail.outbox == [] and conversation.messages.count() == 2


def test_leaving_a_conversation(client, pair):
    sender, recipient = pair
    contact(client, recipient)
    conversation = accept_as(client, recipient)
    client.post(f"/en/messages/{conversation.pk}/leave/")
    assert client.get(f"/en/messages/{conversation.pk}/").status_code == 404
    assert f"/en/messages/{conversation.pk}/" not in client.get("/en/messages/").content.decode()
    login(client, sender)
    html = client.get(f"/en/messages/{conversation.pk}/").content.decode()
    assert "has left the conversation" in html and "You can no longer write" in html
    client.post(f"/en/messages/{conversation.pk}/", {"body": "Hello? Anyone here?"})
    assert conversation.messages.count() == 1


def test_a_deleted_account_shows_as_former_member_and_the_thread_stays(client, pair):
    sender, recipient = pair
    contact(client, recipient)
    conversation = accept_as(client, recipient)
    client.post(f"/en/messages/{conversation.pk}/", {"body": "Thanks, talk soon. Greta"})
    delete_account(recipient.user)
    login(client, sender)
    html = client.get(f"/en/messages/{conversation.pk}/").content.decode()
    assert "Former member" in html and "Greta Empfängerin" not in html
    assert "Thanks, talk soon. Greta" in html and TEXT in html
    assert "You can no longer write" in html
    assert Message.objects.count() == 2


def test_get_in_touch_links_on_profile_and_for_you(client, pair):
    sender, recipient = pair
    profile = client.get(f"/en/people/{recipient.slug}/").content.decode()
    assert f"/en/people/{recipient.slug}/contact/?via=profile" in profile
    own = client.get(f"/en/people/{sender.slug}/").content.decode()
    assert "/contact/" not in own
    assert "Messages" in client.get("/en/messages/").content.decode()


def test_get_in_touch_from_the_sidebar_is_about_the_material_and_counts_as_a_suggestion(client):
    from tests.recommender.helpers import index_all

    text = "Pupils measure how plants use light and water for photosynthesis in the school garden."
    olga = f.person("Olga Open", country="PT", school="Escola do Porto")
    material = f.resource("Photosynthesis in the garden", summary=text, subjects=["biology"], levels=[2])
    f.resource("Plants and light", summary=text, subjects=["biology"], levels=[2], authors=[olga])
    index_all()
    reader = f.person("Sara Svensson")
    login(client, reader)
    swedish = f.translate(material, "sv", title="Fotosyntes i trädgården")
    index_all()
    html = client.get(swedish.url).content.decode()
    # The link names the place of the suggestion (beside a material), which the form carries on.
    link = f"/sv/people/{olga.slug}/contact/?via=resource&amp;open=1&amp;about={swedish.pk}"
    assert link in html and "Ta kontakt" in html
    form = client.get(link.replace("&amp;", "&")).content.decode()
    assert f'value="{swedish.pk}" selected' in form and 'name="via" value="resource"' in form
    client.post(link.replace("&amp;", "&"), {"message": TEXT, "about": swedish.pk, "via": "resource"})
    item = ContactRequest.objects.get()
    assert (item.source, item.place, item.about_id, item.recipient) == ("suggestion", "resource", swedish.pk, olga)
    for_you = client.get("/sv/recommendations/for-you/")
    assert for_you.status_code == 200
    # Signed out, the sidebar offers no link; the profile does (and sends to sign in).
    client.logout()
    assert "/contact/" not in client.get(swedish.url).content.decode()
    assert f"/en/people/{olga.slug}/contact/?via=profile" in client.get(f"/en/people/{olga.slug}/").content.decode()


def test_get_in_touch_from_search_results_counts_as_active_search(client):
    """People found in search carry their own source, so the networking report can tell active from passive."""
    olga = f.person("Olga Searchable", country="PT", school="Escola do Porto")
    reader = f.person("Sara Svensson")
    login(client, reader)
    html = client.get("/en/search/?q=Olga&tab=people").content.decode()
    link = f"/en/people/{olga.slug}/contact/?via=search&amp;open=1"
    assert link in html
    client.post(link.replace("&amp;", "&"), {"message": TEXT, "via": "search"})
    assert (ContactRequest.objects.get().source, ContactRequest.objects.get().place) == ("search", "search")
    # Signed out, results offer no link.
    client.logout()
    assert "/contact/" not in client.get("/en/search/?q=Olga&tab=people").content.decode()
