"""Forms of messaging: every field bounded; a posted page id is checked against what the sender may see."""

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page

from core.converters import MAX_ID

from .models import MessagingSettings
from .services import MESSAGE_MAX_LENGTH, MESSAGE_MIN_LENGTH, REPLY_MAX_LENGTH, about_pages


class ContactForm(forms.Form):
    message = forms.CharField(
        label=_("Your message"),
        min_length=MESSAGE_MIN_LENGTH,
        max_length=MESSAGE_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_("Say who you are and what you would like to do together (20 to 1,000 characters)."),
    )
    about = forms.TypedChoiceField(label=_("What is it about?"), required=False, coerce=int, empty_value=None)

    def __init__(self, *args, viewer, choices=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.viewer = viewer
        self.fields["about"].choices = [("", _("Nothing in particular"))] + [(p.pk, p.title) for p in choices]
        # Any material, project or community the sender may see is accepted, not only those listed.
        self.fields["about"].valid_value = lambda value: True

    def clean_about(self):
        pk = self.cleaned_data.get("about")
        if pk is None:
            return None
        page = None
        if 1 <= pk <= MAX_ID:
            page = about_pages(self.viewer, Page.objects.filter(pk=pk)).first()
        if page is None:
            raise forms.ValidationError(_("Choose a material, project or community that you can see."))
        return page

    def clean_message(self):
        return self.cleaned_data["message"].strip()


class ReplyForm(forms.Form):
    body = forms.CharField(
        label=_("Your message"), max_length=REPLY_MAX_LENGTH, widget=forms.Textarea(attrs={"rows": 4})
    )


class ReportForm(forms.Form):
    reason = forms.CharField(
        label=_("What is wrong?"),
        max_length=2000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_(
            "The facilitators of a community you share, or else the site's editors, read your report. "
            "This person can no longer write to you."
        ),
    )


class SettingsForm(forms.ModelForm):
    class Meta:
        model = MessagingSettings
        fields = ["email_on_message"]
