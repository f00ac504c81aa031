from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page

from communities.models import Person
from core.forms import BoundedModelChoiceField

from .models import NotificationSettings


class FollowForm(forms.Form):
    """Follow or unfollow one person (by id) or one community or project page (by id)."""

    person = BoundedModelChoiceField(queryset=Person.objects.filter(user__isnull=False), required=False)
    page = BoundedModelChoiceField(queryset=Page.objects.all(), required=False)
    action = forms.ChoiceField(choices=[("follow", _("Follow")), ("unfollow", _("Unfollow"))])
    next = forms.CharField(max_length=500, required=False)

    def clean(self):
        data = super().clean()
        if bool(data.get("person")) == bool(data.get("page")):
            raise forms.ValidationError(_("Choose one person, community or project to follow."))
        return data

    @property
    def target(self):
        return self.cleaned_data.get("person") or self.cleaned_data.get("page")


class DigestForm(forms.ModelForm):
    class Meta:
        model = NotificationSettings
        fields = ["weekly_digest"]
