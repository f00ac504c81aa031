"""Front-end forms for taking part: invitations, starting a project, inviting partners."""

from django import forms
from django.utils.translation import gettext_lazy as _

from core.forms import BoundedModelChoiceField

from .models import Person


class InviteForm(forms.Form):
    email = forms.EmailField(label=_("E-mail address of the person to invite"))


class ProjectForm(forms.Form):
    title = forms.CharField(label=_("Project title"), max_length=255)
    theme = forms.CharField(
        label=_("Theme"), max_length=200, help_text=_("For example: climate and water, European citizenship.")
    )
    summary = forms.CharField(label=_("Summary in one or two sentences"), max_length=300, required=False)
    description = forms.CharField(
        label=_("Description"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=_("Plain text; leave an empty line between paragraphs."),
    )
    looking_for_partners = forms.BooleanField(
        label=_("We are looking for partners"),
        required=False,
        help_text=_("Teachers open to collaboration will be suggested to you on the project page."),
    )
    start_date = forms.DateField(label=_("Start date"), required=False, widget=forms.DateInput(attrs={"type": "date"}))
    end_date = forms.DateField(label=_("End date"), required=False, widget=forms.DateInput(attrs={"type": "date"}))

    def clean(self):
        data = super().clean()
        start, end = data.get("start_date"), data.get("end_date")
        if start and end and end < start:
            self.add_error("end_date", _("The project cannot end before it starts."))
        return data


class PartnerInviteForm(forms.Form):
    """Pick someone the inviter can already see, or type an e-mail address."""

    person = BoundedModelChoiceField(
        label=_("A teacher on Kollega"),
        queryset=Person.objects.none(),
        required=False,
        help_text=_("Only people whose profile you can see are listed."),
    )
    email = forms.EmailField(label=_("Or an e-mail address"), required=False)
    message = forms.CharField(
        label=_("A few words to the person you invite"),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("They see it in the invitation and decide whether to join."),
    )

    def __init__(self, *args, people=None, **kwargs):
        super().__init__(*args, **kwargs)
        if people is not None:
            self.fields["person"].queryset = people

    def clean(self):
        data = super().clean()
        if not data.get("person") and not data.get("email"):
            raise forms.ValidationError(_("Choose a person or type an e-mail address."))
        return data


class LookingForPartnersForm(forms.Form):
    looking_for_partners = forms.BooleanField(label=_("We are looking for partners"), required=False)


class NoteForm(forms.Form):
    """A short message: asking to join a project, or a note to the facilitators about a waiting request."""

    message = forms.CharField(
        label=_("Your message"),
        min_length=20,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("20 to 1,000 characters. Say who you are and what you would bring."),
    )

    def clean_message(self):
        message = self.cleaned_data["message"].strip()
        if len(message) < 20:
            raise forms.ValidationError(_("Please write at least 20 characters."))
        return message
