from django import forms
from django.utils.translation import gettext_lazy as _


class ReflectionForm(forms.Form):
    reflection = forms.CharField(label=_("Your reflection"), max_length=5000, widget=forms.Textarea(attrs={"rows": 8}))


class ReviewForm(forms.Form):
    ACCEPT = "accept"
    SEND_BACK = "send_back"

    decision = forms.ChoiceField(
        label=_("Decision"),
        choices=[(ACCEPT, _("Accept")), (SEND_BACK, _("Send back for another try"))],
        widget=forms.RadioSelect,
    )
    comment = forms.CharField(
        label=_("Comment for the learner"),
        max_length=5000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("Needed when you send the reflection back: say what to change."),
    )
