"""Getting in touch and conversations. Every page is private to the viewer and never cached.

A person the viewer may not see, a request that is not addressed to the viewer
and a conversation the viewer does not take part in all answer 404, as if
they did not exist.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST
from wagtail.models import Page

from communities.choices import PersonPlace
from communities.models import Person
from communities.privacy import can_see_person, viewer_person, visible_pages
from core.converters import MAX_ID
from core.shortcuts import get_object_or_404

from . import services
from .forms import ContactForm, ReplyForm, ReportForm, SettingsForm
from .models import ContactRequest, ContactStatus, MessagingSettings


def _posted(request):
    """The posted data for a POST (even an empty one, which must be invalid rather than unbound), else None."""
    return request.POST if request.method == "POST" else None


def _me(request):
    """The viewer's profile; without one there is nobody to write from."""
    me = viewer_person(request.user)
    if me is None:
        messages.info(request, _("Please fill in your profile first."))
    return me


def _about_choices(viewer, recipient, preselected):
    """What a request may be about: the page the sender came from, then the recipient's work and communities."""
    work = (
        Page.objects.filter(pk__in=recipient.resource_contributions.values("page"))
        if hasattr(recipient, "resource_contributions")
        else Page.objects.none()
    )
    communities = visible_pages(viewer, recipient.active_communities())
    projects = Page.objects.filter(pk__in=recipient.project_partnerships.values("project"))
    listed = services.about_pages(viewer, work | Page.objects.filter(pk__in=communities) | projects)
    choices = [preselected] if preselected is not None else []
    choices += [p for p in listed.order_by("title")[:30] if preselected is None or p.pk != preselected.pk]
    return choices


REFUSALS = {
    "blocked": lambda: _("You cannot get in touch with this person."),
    "limit": lambda: (
        _("You have sent %(limit)d requests today, the most a day. Please try again tomorrow.")
        % {"limit": services.DAILY_REQUEST_LIMIT}
    ),
}


@never_cache
@login_required
def contact(request, slug):
    recipient = services.contactable(request.user, slug)
    if recipient is None:
        raise Http404("No such person")
    me = _me(request)
    if me is None:
        return redirect("accounts:profile")
    conversation = services.open_conversation_between(me, recipient)
    if conversation is not None:
        messages.info(request, _("You are already in touch with %(name)s.") % {"name": recipient.display_name})
        return redirect("messaging:conversation", pk=conversation.pk)
    waiting = services.waiting_request(me, recipient)
    blocked = services.is_blocked(me, recipient)
    preselected = None
    about_param = request.POST.get("about") if request.method == "POST" else request.GET.get("about")
    if about_param and about_param.isdigit() and 1 <= int(about_param) <= MAX_ID:
        preselected = services.about_pages(request.user, Page.objects.filter(pk=int(about_param))).first()
    form = ContactForm(
        _posted(request),
        viewer=request.user,
        choices=_about_choices(request.user, recipient, preselected),
        initial={"about": preselected.pk if preselected else None},
    )
    via = request.POST.get("via") or request.GET.get("via")
    source = services.source_from(via)
    place = PersonPlace.from_param(via)
    status = 200
    if request.method == "POST" and waiting is None and not blocked and form.is_valid():
        try:
            services.ask(
                me,
                recipient,
                form.cleaned_data["message"],
                about=form.cleaned_data["about"],
                source=source,
                place=place,
            )
        except services.ContactRefused as refused:
            if refused.reason in REFUSALS:
                messages.error(request, REFUSALS[refused.reason]())
                status = 429 if refused.reason == "limit" else 403
            else:
                return redirect("messaging:contact", slug=recipient.slug)
        else:
            messages.success(
                request,
                _(
                    "Your message is on its way. %(name)s will decide whether to answer; you will get an e-mail if they do."
                )
                % {"name": recipient.display_name},
            )
            return redirect("messaging:contact", slug=recipient.slug)
    elif request.method == "POST" and (waiting is not None or blocked):
        status = 403 if blocked else 409
    return render(
        request,
        "messaging/contact.html",
        {
            "recipient": recipient,
            "form": form,
            "waiting": waiting,
            "blocked": blocked,
            # The place when there is one, so that the posted form keeps it; else the source.
            "via": place or source,
            "place": place,
            "opened_here": request.method == "GET" and request.GET.get("open") == "1",
        },
        status=status,
    )


def _request_for(request, pk):
    """A request addressed to the viewer; anyone else (the sender included) gets 404."""
    me = viewer_person(request.user)
    if me is None:
        raise Http404("No such request")
    return get_object_or_404(ContactRequest.objects.select_related("sender", "about"), pk=pk, recipient=me), me


@never_cache
@login_required
def contact_request(request, pk):
    item, me = _request_for(request, pk)
    if request.method == "POST":
        action = request.POST.get("action")
        if item.status == ContactStatus.PENDING and action == "accept":
            if services.is_blocked(me, item.sender):
                raise Http404("No such request")
            conversation = services.accept(item)
            return redirect("messaging:conversation", pk=conversation.pk)
        if item.status == ContactStatus.PENDING and action == "decline":
            services.decline(item)
            messages.success(request, _("You declined. %(name)s is not told.") % {"name": item.sender.public_name})
            return redirect("messaging:inbox")
        if action == "block":
            services.block(me, item.sender)
            messages.success(request, _("%(name)s can no longer write to you.") % {"name": item.sender.public_name})
            return redirect("messaging:inbox")
        if item.status == ContactStatus.ACCEPTED and item.conversation_id:
            return redirect("messaging:conversation", pk=item.conversation_id)
        return redirect("messaging:request", pk=item.pk)
    about = (
        item.about.specific
        if item.about and visible_pages(request.user, Page.objects.filter(pk=item.about_id)).exists()
        else None
    )
    return render(
        request,
        "messaging/request.html",
        {
            "item": item,
            "sender": item.sender,
            "sender_visible": not item.sender.is_former_member and can_see_person(request.user, item.sender),
            "about": about,
            "blocked": services.is_blocked(me, item.sender),
        },
    )


@never_cache
@login_required
def inbox(request):
    me = _me(request)
    if me is None:
        return redirect("accounts:profile")
    conversations = list(services.conversations_of(me)[:200])
    for conversation in conversations:
        conversation.others = [p.person for p in conversation.participants.all() if p.person_id != me.pk]
    pending = (
        ContactRequest.objects.filter(recipient=me, status=ContactStatus.PENDING)
        .exclude(sender__in=me.blocks_made.values("blocked"))
        .select_related("sender")
    )
    return render(
        request,
        "messaging/inbox.html",
        {"conversations": conversations, "pending": pending, "me": me},
    )


def _seat(request, pk):
    seat = services.seat(viewer_person(request.user), pk)
    if seat is None:
        raise Http404("No such conversation")
    return seat


@never_cache
@login_required
def conversation(request, pk):
    seat = _seat(request, pk)
    me = seat.person
    thread = seat.conversation
    can_write = services.can_write(thread, me)
    form = ReplyForm(_posted(request))
    if request.method == "POST":
        if not can_write:
            messages.error(request, _("You can no longer write in this conversation."))
            return redirect("messaging:conversation", pk=thread.pk)
        if form.is_valid():
            message = services.post(thread, me, form.cleaned_data["body"])
            return redirect(f"{request.path}#message-{message.pk}")
    others = services.others(thread, me)
    items = list(thread.messages.select_related("sender"))
    for item in items:
        item.mine = item.sender_id == me.pk
        item.is_new = not item.mine and (seat.last_read_at is None or item.created_at > seat.last_read_at)
    services.mark_read(seat)
    return render(
        request,
        "messaging/conversation.html",
        {
            "conversation": thread,
            "items": items,
            "others": [
                {
                    "person": p.person,
                    "left": p.left_at is not None,
                    "visible": not p.person.is_former_member and can_see_person(request.user, p.person),
                }
                for p in others
            ],
            "form": form,
            "can_write": can_write,
        },
        status=200 if request.method == "GET" else 400,
    )


@never_cache
@login_required
@require_POST
def leave(request, pk):
    seat = _seat(request, pk)
    services.leave(seat)
    messages.success(request, _("You have left the conversation."))
    return redirect("messaging:inbox")


@never_cache
@login_required
@require_POST
def block_in_conversation(request, pk):
    seat = _seat(request, pk)
    for other in services.others(seat.conversation, seat.person):
        services.block(seat.person, other.person)
    messages.success(request, _("Blocked. Nobody can write in this conversation any more."))
    return redirect("messaging:conversation", pk=pk)


def _reportable(me, slug):
    """A person who wrote to the viewer: a request to them or a conversation with them. Anyone else: 404."""
    person = get_object_or_404(Person, slug=slug)
    wrote = ContactRequest.objects.filter(sender=person, recipient=me).exists() or (
        services.Participant.objects.filter(person=person, conversation__participants__person=me).exists()
    )
    if not wrote or person.pk == me.pk:
        raise Http404("No such person")
    return person


@never_cache
@login_required
def report(request, slug):
    me = viewer_person(request.user)
    if me is None:
        raise Http404("No such person")
    person = _reportable(me, slug)
    form = ReportForm(_posted(request))
    if request.method == "POST" and form.is_valid():
        services.report(me, person, form.cleaned_data["reason"])
        messages.success(
            request,
            _("Thank you. Your report has been sent, and %(name)s can no longer write to you.")
            % {"name": person.public_name},
        )
        return redirect("messaging:inbox")
    return render(request, "messaging/report.html", {"person": person, "form": form})


@never_cache
@login_required
def settings_view(request):
    me = _me(request)
    if me is None:
        return redirect("accounts:profile")
    instance = MessagingSettings.objects.filter(person=me).first() or MessagingSettings(person=me)
    form = SettingsForm(_posted(request), instance=instance)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("Saved."))
        return redirect("messaging:settings")
    return render(request, "messaging/settings.html", {"form": form})
