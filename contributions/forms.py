"""The front-end resource form a teacher fills in to share, edit or adapt a material."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from taggit.forms import TagField

from core.forms import BoundedModelChoiceField, BoundedModelMultipleChoiceField
from vocabularies.languages import LANGUAGE_CHOICES
from vocabularies.licences import DEFAULT_LICENCE, LICENCE_CHOICES, get_licence
from vocabularies.models import EducationLevel, ResourceType, Subject

from . import body as body_blocks
from .uploads import check_upload


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    """Several files in one input; each is checked by content (uploads.check_upload)."""

    widget = MultipleFileInput

    def clean(self, data, initial=None):
        files = data if isinstance(data, (list, tuple)) else ([data] if data else [])
        files = [super(MultipleFileField, self).clean(f, initial) for f in files]
        errors = []
        for upload in files:
            try:
                check_upload(upload)
            except ValidationError as error:
                errors.extend(error.error_list)
        if errors:
            raise ValidationError(errors)
        return files


class LabelledChoice(BoundedModelMultipleChoiceField):
    def label_from_instance(self, obj):
        return getattr(obj, "label", str(obj))


class ResourceTypeChoice(BoundedModelChoiceField):
    def label_from_instance(self, obj):
        return obj.label


class CommunityChoice(BoundedModelChoiceField):
    def label_from_instance(self, obj):
        return obj.localized.title


class ResourceForm(forms.Form):
    """Everything a teacher types about a material.

    When an upload is refused the whole form comes back bound to what was
    posted, so only the files (which browsers never re-fill) need choosing again.
    """

    title = forms.CharField(label=_("Title"), max_length=255)
    summary = forms.CharField(
        label=_("Summary"),
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Two or three sentences for lists and search results."),
    )
    body_text = forms.CharField(
        label=_("Text of the material"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 12}),
        help_text=_("Leave an empty line between paragraphs."),
    )
    subjects = LabelledChoice(
        label=_("Subjects"),
        queryset=Subject.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    levels = BoundedModelMultipleChoiceField(
        label=_("Education levels"),
        queryset=EducationLevel.objects.all(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    resource_type = ResourceTypeChoice(
        label=_("Type of material"), queryset=ResourceType.objects.none(), required=False
    )
    material_language = forms.ChoiceField(label=_("Language of the material"), choices=LANGUAGE_CHOICES)
    licence = forms.ChoiceField(label=_("Licence"), choices=LICENCE_CHOICES, initial=DEFAULT_LICENCE)
    duration_minutes = forms.IntegerField(label=_("Duration (minutes)"), required=False, min_value=1, max_value=10000)
    tags = TagField(label=_("Tags"), required=False, help_text=_("Separate tags with commas."))
    community = CommunityChoice(
        label=_("Community"),
        queryset=None,
        empty_label=None,
        help_text=_("Its facilitators review the material before it is published."),
    )
    files = MultipleFileField(
        label=_("Files"),
        required=False,
        help_text=_(
            "PDF, OpenDocument, Word, Excel, PowerPoint, text, CSV, PNG, JPEG, GIF, WebP or zip; "
            "at most %(limit)s each."
        ),
    )
    remove_attachments = forms.MultipleChoiceField(
        label=_("Remove these files"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def _describe_help(self, with_errors=()):
        """Point each field at its help text and, after a refusal, at its errors (screen readers read both)."""
        for name, field in self.fields.items():
            bound = self[name]
            ids = ([f"{bound.auto_id}_helptext"] if field.help_text else []) + (
                [f"{bound.auto_id}_error"] if name in with_errors else []
            )
            field.widget.attrs.pop("aria-invalid", None)
            if ids:
                field.widget.attrs["aria-describedby"] = " ".join(ids)
            if name in with_errors:
                field.widget.attrs["aria-invalid"] = "true"

    def full_clean(self):
        super().full_clean()
        self._describe_help(with_errors=set(self.errors))

    def __init__(self, *args, communities, based_on=None, attachments=(), body=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.body = body
        self.by_block = body_blocks.editable_by_block(body)
        if self.by_block:
            self._add_block_fields(body)
        elif body is not None and "body_text" not in self.initial:
            self.initial["body_text"] = body_blocks.rich_text_to_text(
                "".join(block["value"] for block in body_blocks.stored_blocks(body))
            )
        from django.template.defaultfilters import filesizeformat

        from .uploads import max_upload_bytes

        self.fields["subjects"].queryset = Subject.objects.canonical()
        self.fields["resource_type"].queryset = ResourceType.objects.canonical()
        self.fields["community"].queryset = communities
        self.fields["files"].help_text = self.fields["files"].help_text % {"limit": filesizeformat(max_upload_bytes())}
        self.fields["remove_attachments"].choices = [(str(a.pk), a.document.title) for a in attachments]
        if not attachments:
            del self.fields["remove_attachments"]
        self.based_on = based_on
        licence = get_licence(based_on.licence) if based_on else None
        if licence and licence.share_alike:
            # Share-alike: an adaptation carries the original's licence, so there is nothing to choose.
            field = self.fields["licence"]
            field.disabled = True
            field.initial = based_on.licence
            field.help_text = _(
                "The original is shared under %(licence)s, which asks adaptations to keep the same licence."
            ) % {"licence": licence.label}
        # Last: bound fields made here keep the help texts as they are now.
        self._describe_help()

    def _add_block_fields(self, body):
        """Each block's text in the body's order, between the summary and the added text."""
        fields = list(self.fields.items())
        at = [name for name, _field in fields].index("body_text")
        self.fields = dict(fields[:at] + body_blocks.block_fields(body) + fields[at:])
        more = self.fields["body_text"]
        more.label = _("More text, added at the end")
        more.widget.attrs["rows"] = 4

    def edited_body(self):
        """The body to save in its stored shape, or None when the teacher changed none of its text."""
        data = self.cleaned_data
        old = body_blocks.stored_blocks(self.body)
        if self.by_block:
            new = body_blocks.edited_blocks(self.body, data, data.get("body_text") or "")
        else:
            if (
                self.body is not None
                and (data.get("body_text") or "").strip() == self.initial.get("body_text", "").strip()
            ):
                return None
            new = body_blocks.edited_blocks(None, {}, data.get("body_text") or "")
        return None if new == old else new

    def clean_licence(self):
        value = self.cleaned_data["licence"]
        licence = get_licence(self.based_on.licence) if self.based_on else None
        if licence and licence.share_alike and value != self.based_on.licence:
            raise ValidationError(_("An adaptation of a share-alike material keeps its licence."))
        return value
