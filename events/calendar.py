"""iCalendar (RFC 5545) for events, built with the `icalendar` package.

Times are written in UTC, so every calendar application reads the same
instant whatever time zones it knows. The online link goes only into the
calendars of people holding a place (their personal feed and the e-mail
attachment), never into the public .ics of an event or a community.
"""

from datetime import UTC

import icalendar
from django.utils import timezone
from django.utils.html import strip_tags

from core.urls import absolute_url, base_url

PRODID = "-//Kollega//Events//EN"


def _host():
    return base_url().split("://", 1)[-1]


def event_component(event, include_online=False):
    component = icalendar.Event()
    component.add("uid", f"event-{event.translation_key}@{_host()}")
    component.add("dtstamp", timezone.now().astimezone(UTC))
    component.add("dtstart", event.start.astimezone(UTC))
    component.add("dtend", event.end.astimezone(UTC))
    component.add("summary", event.title)
    url = absolute_url(event)
    component.add("url", url)
    description = event.summary or strip_tags(event.description or "")
    location = event.place
    if include_online and event.online_url:
        location = location or event.online_url
        description = f"{description}\n\n{event.online_url}".strip()
    component.add("description", f"{description}\n\n{url}".strip())
    if location:
        component.add("location", location)
    return component


def calendar(events, name, include_online=False):
    cal = icalendar.Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("x-wr-calname", name)
    for event in events:
        cal.add_component(event_component(event, include_online=include_online))
    return cal.to_ical().decode("utf-8")


def event_ics(event, include_online=False):
    return calendar([event], event.title, include_online=include_online)
