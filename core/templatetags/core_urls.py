"""{{ page|absolute_url }}, {{ person|absolute_url }}, {{ "/en/path/"|absolute_url }} in e-mail templates."""

from django import template

from core import urls

register = template.Library()


@register.filter
def absolute_url(target):
    return urls.absolute_url(target)
