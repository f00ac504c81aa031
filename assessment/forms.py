"""The questionnaire as a form: one Likert question per field, grouped by area in the template."""

from django import forms
from django.utils.translation import gettext_lazy as _

from .questionnaire import AREAS, LIKERT


class SelfAssessmentForm(forms.Form):
    school = forms.CharField(label=_("School"), max_length=200, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for area in AREAS:
            for code, text in area.questions:
                self.fields[code] = forms.TypedChoiceField(
                    label=text,
                    choices=LIKERT,
                    coerce=int,
                    widget=forms.RadioSelect,
                )

    def areas(self):
        """(area, [bound fields]) for the template."""
        return [(area, [self[code] for code, _text in area.questions]) for area in AREAS]

    def answers(self):
        return {name: value for name, value in self.cleaned_data.items() if name != "school"}
