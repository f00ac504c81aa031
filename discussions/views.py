"""Community discussions: read where the community page may be read, write where one is a member."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db import transaction
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from communities.models import CommunityPage
from communities.participation import can_moderate, facilitators_to_notify, is_active_member, notify
from communities.privacy import can_see_page, can_see_person, viewer_person
from core.shortcuts import get_object_or_404
from core.urls import absolute_url
from notifications import services as notifications
from notifications.choices import NotificationKind

from .forms import ReplyForm, ReportForm, ThreadForm
from .models import Post, Report, Thread


def _community(request, pk):
    community = get_object_or_404(CommunityPage, pk=pk)
    # The discussion of a members-only community is as closed as its page.
    if not can_see_page(request.user, community):
        raise Http404("No such community")
    return community


def _thread(request, pk):
    thread = get_object_or_404(Thread.objects.select_related("community"), pk=pk)
    if not can_see_page(request.user, thread.community):
        raise Http404("No such thread")
    return thread


def _label_authors(posts, viewer):
    """Name each author within their own discoverability, like everywhere else on the site."""
    for post in posts:
        author = post.author
        post.author_visible = author is not None and not author.is_former_member and can_see_person(viewer, author)
        if author is not None and author.is_former_member:
            post.author_label = author.public_name
        elif post.author_visible:
            post.author_label = author.display_name
        else:
            post.author_label = _("A member who keeps their profile private")
    return posts


def community_threads(request, pk):
    community = _community(request, pk)
    me = viewer_person(request.user)
    can_post = is_active_member(me, community)
    form = ThreadForm(request.POST or None)
    if request.method == "POST":
        if not can_post:
            raise PermissionDenied
        if form.is_valid():
            with transaction.atomic():
                thread = Thread.objects.create(community=community, title=form.cleaned_data["title"], author=me)
                Post.objects.create(thread=thread, author=me, body=form.cleaned_data["body"])
            # The community's followers hear of it (only those who may see the community: notify() asks).
            notifications.notify_many(
                notifications.followers_of(community),
                NotificationKind.NEW_THREAD,
                actor=me,
                place=community,
                url=notifications.path_for("discussions:thread", thread.pk),
            )
            return redirect("discussions:thread", pk=thread.pk)
    threads = Paginator(Thread.objects.of_community(community).select_related("author"), 30).get_page(
        request.GET.get("page")
    )
    return render(
        request,
        "discussions/community_threads.html",
        {
            "community": community,
            "threads": threads,
            "form": form,
            "can_post": can_post,
            "can_moderate": me is not None and can_moderate(request.user, me, community),
        },
    )


def thread_detail(request, pk):
    thread = _thread(request, pk)
    me = viewer_person(request.user)
    can_post = is_active_member(me, thread.community)
    form = ReplyForm(request.POST or None)
    if request.method == "POST":
        if not can_post:
            raise PermissionDenied
        if form.is_valid():
            post = Post.objects.create(thread=thread, author=me, body=form.cleaned_data["body"])
            Thread.objects.filter(pk=thread.pk).update(last_activity_at=post.created_at)
            notifications.notify(
                thread.author,
                NotificationKind.NEW_REPLY,
                actor=me,
                place=thread.community,
                url=notifications.path_for("discussions:thread", thread.pk),
            )
            return redirect(f"{request.path}#post-{post.pk}")
    posts = _label_authors(list(thread.posts.select_related("author")), request.user)
    return render(
        request,
        "discussions/thread.html",
        {
            "thread": thread,
            "community": thread.community,
            "posts": posts,
            "form": form,
            "can_post": can_post,
        },
    )


@login_required
def report_post(request, pk):
    post = get_object_or_404(Post.objects.select_related("thread__community"), pk=pk)
    thread = _thread(request, post.thread_id)
    form = ReportForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        me = viewer_person(request.user)
        report = Report.objects.create(post=post, reporter=me, reason=form.cleaned_data["reason"])
        notify(
            "discussions/emails/post_reported",
            {
                "report": report,
                "post": post,
                "thread": thread,
                "community": thread.community,
                "reports_url": absolute_url(reverse("discussions:reports", args=[thread.community.pk])),
            },
            facilitators_to_notify(thread.community),
        )
        messages.success(request, _("Thank you. The facilitators of this community will look at the post."))
        return redirect("discussions:thread", pk=thread.pk)
    return render(request, "discussions/report.html", {"post": post, "thread": thread, "form": form})


@login_required
def reports(request, pk):
    community = _community(request, pk)
    if not can_moderate(request.user, viewer_person(request.user), community):
        raise PermissionDenied
    open_reports = Report.objects.filter(
        resolved_at__isnull=True,
        post__thread__community__translation_key=community.translation_key,
    ).select_related("post__thread", "post__author", "reporter")
    if request.method == "POST":
        report = get_object_or_404(open_reports, pk=request.POST.get("report"))
        if request.POST.get("action") == "remove":
            thread = report.post.thread
            # Removing the post closes every report on it.
            report.post.delete()
            if not thread.posts.exists():
                thread.delete()
            messages.success(request, _("The post is removed."))
        else:
            Report.objects.filter(post=report.post, resolved_at__isnull=True).update(resolved_at=timezone.now())
            messages.success(request, _("The report is closed; the post stays."))
        return redirect("discussions:reports", pk=community.pk)
    return render(request, "discussions/reports.html", {"community": community, "reports": open_reports})
