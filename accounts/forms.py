"""Forms for signing up, signing in (throttled), editing one's profile and deleting one's account."""

from django import forms
from django.contrib.auth import forms as auth_forms
from django.contrib.auth import get_user_model, password_validation
from django.contrib.auth.forms import AuthenticationForm
from django.template.defaultfilters import filesizeformat
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from communities.choices import Discoverability
from communities.models import Person
from core.forms import BoundedModelMultipleChoiceField
from core.mail import send_templated_email
from core.urls import absolute_url
from vocabularies.models import Subject

from . import photos, throttling
from .services import existing_account

User = get_user_model()

# Plain words for each discoverability choice, shown under it in the profile editor.
DISCOVERABILITY_EXPLANATIONS = {
    Discoverability.NOBODY: _(
        "Nobody can see your profile or find you in suggestions or search. "
        "Materials you share still show, without your name."
    ),
    Discoverability.COMMUNITIES: _(
        "Only members of the communities you belong to can see your profile and have you suggested as a colleague."
    ),
    Discoverability.COUNTRY: _(
        "Signed-in teachers from your own country can see your profile and have you suggested as a colleague."
    ),
    Discoverability.EUROPE: _(
        "Everyone, including visitors who are not signed in, can see your profile; "
        "teachers anywhere in Europe may have you suggested as a partner."
    ),
}


class SignUpForm(forms.Form):
    display_name = forms.CharField(
        label=_("Your name"),
        max_length=120,
        help_text=_("As colleagues will see it, e.g. Anna Svensson."),
    )
    email = forms.EmailField(label=_("E-mail address"))
    password1 = forms.CharField(
        label=_("Password"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        help_text=password_validation.password_validators_help_text_html(),
    )
    password2 = forms.CharField(
        label=_("Password again"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )

    def __init__(self, *args, invitation=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.invitation = invitation
        if invitation is not None:
            # The invitation was sent to this address: following the link proves it.
            self.fields["email"].initial = invitation.email
            self.fields["email"].disabled = True

    def clean_email(self):
        email = self.cleaned_data["email"].strip().lower()
        # An ordinary sign-up never says whether the address has an account (anyone could
        # probe who is a member): services.sign_up answers both the same way. Following an
        # invitation proves the address, so its holder may be told to sign in instead.
        if self.invitation is not None and existing_account(email) is not None:
            raise forms.ValidationError(
                _(
                    "An account with this e-mail address already exists. Sign in, or reset your password if you forgot it."
                )
            )
        return email

    def clean(self):
        data = super().clean()
        p1, p2 = data.get("password1"), data.get("password2")
        if p1 and p2 and p1 != p2:
            self.add_error("password2", _("The two passwords are not the same."))
        elif p1:
            user = User(
                username=data.get("email") or "", email=data.get("email") or "", first_name=data.get("display_name", "")
            )
            try:
                password_validation.validate_password(p1, user)
            except forms.ValidationError as error:
                self.add_error("password1", error)
        return data


class SignInForm(AuthenticationForm):
    """Django's sign-in form with locks after repeated failures: per name and address, and per address."""

    username = forms.CharField(
        label=_("E-mail address or user name"),
        max_length=254,
        widget=forms.TextInput(attrs={"autofocus": True, "autocomplete": "username"}),
    )

    error_messages = {
        **AuthenticationForm.error_messages,
        "locked": _(
            "Too many failed attempts to sign in. For your security, signing in with this name is paused "
            "for 15 minutes. You can reset your password in the meantime."
        ),
        "address_locked": _(
            "Too many failed attempts to sign in from your network. For everyone's security, signing in "
            "from here is paused for 15 minutes. You can reset your password in the meantime."
        ),
    }

    def _locked(self, lock):
        code = "address_locked" if lock == throttling.ADDRESS else "locked"
        return forms.ValidationError(self.error_messages[code], code=code)

    def clean(self):
        username = (self.cleaned_data.get("username") or "").strip()
        if "@" in username:
            # Accounts made here use the e-mail address as user name, in lower case.
            username = username.lower()
            self.cleaned_data["username"] = username
        ip = throttling.client_ip(self.request)
        lock = throttling.is_locked(username, ip)
        if lock:
            raise self._locked(lock)
        try:
            data = super().clean()
        except forms.ValidationError:
            lock = throttling.register_failure(username, ip)
            if lock:
                raise self._locked(lock) from None
            raise
        throttling.clear(username, ip)
        return data


class DiscoverabilityWidget(forms.RadioSelect):
    template_name = "accounts/widgets/discoverability.html"

    def create_option(self, name, value, label, selected, index, subindex=None, attrs=None):
        option = super().create_option(name, value, label, selected, index, subindex=subindex, attrs=attrs)
        option["explanation"] = DISCOVERABILITY_EXPLANATIONS.get(value, "")
        return option


class SubjectChoiceField(BoundedModelMultipleChoiceField):
    def label_from_instance(self, obj):
        return obj.label


class ProfileForm(forms.ModelForm):
    photo_upload = forms.FileField(
        label=_("Photo"),
        required=False,
        widget=forms.FileInput(attrs={"accept": "image/jpeg,image/png,image/webp,image/gif"}),
    )
    remove_photo = forms.BooleanField(label=_("Remove my photo"), required=False)
    subjects = SubjectChoiceField(
        label=_("Subjects taught"),
        queryset=Subject.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    class Meta:
        model = Person
        fields = [
            "display_name",
            "school",
            "country",
            "region",
            "languages",
            "subjects",
            "levels",
            "interests",
            "bio",
            "open_to_collaboration",
            "discoverability",
        ]
        field_classes = {"languages": BoundedModelMultipleChoiceField, "levels": BoundedModelMultipleChoiceField}
        widgets = {
            "languages": forms.CheckboxSelectMultiple,
            "levels": forms.CheckboxSelectMultiple,
            "bio": forms.Textarea(attrs={"rows": 6}),
            "discoverability": DiscoverabilityWidget,
        }
        help_texts = {
            "open_to_collaboration": _("Tick this if you would welcome invitations to cross-border projects."),
            "interests": _("Separate with commas, e.g. outdoor learning, STEAM."),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Pages and people point at the default-locale entries; labels show the reader's language.
        self.fields["subjects"].queryset = Subject.objects.canonical()
        self.fields["discoverability"].help_text = ""
        self.fields["photo_upload"].help_text = _(
            "JPEG, PNG, WebP or GIF, at most %(limit)s. We make it smaller and remove what the file says "
            "about where and when it was taken. It is shown only to those who can see your profile."
        ) % {"limit": filesizeformat(photos.max_bytes())}
        if not (self.instance and self.instance.photo_id):
            del self.fields["remove_photo"]
        # The photo first: it sits beside the name at the top of the profile.
        self.order_fields(["display_name", "photo_upload", "remove_photo"])
        self.photo_jpeg = None

    def clean_photo_upload(self):
        upload = self.cleaned_data.get("photo_upload")
        if upload:
            # Decoded and re-encoded now, so a file that is not a usable photo is refused with the form.
            self.photo_jpeg = photos.clean_photo(upload)
        return upload

    def save_photo(self):
        """Store the new photo, or remove the old one, after the profile itself is saved."""
        if self.photo_jpeg is not None:
            photos.store_photo(self.instance, self.photo_jpeg)
        elif self.cleaned_data.get("remove_photo"):
            photos.remove_photo(self.instance)


class DeleteAccountForm(forms.Form):
    password = forms.CharField(
        label=_("Your password, to confirm"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )
    delete_drafts = forms.BooleanField(
        label=_("Also delete my unpublished drafts"),
        required=False,
        help_text=_("Drafts you wrote alone are deleted. Drafts written with others stay for your co-authors."),
    )

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user

    def clean_password(self):
        password = self.cleaned_data["password"]
        if not self.user.check_password(password):
            raise forms.ValidationError(_("This is not your password."))
        return password


class PasswordResetForm(auth_forms.PasswordResetForm):
    """Django's password reset, with the link built on the public address and the mail queued (core.mail)."""

    def send_mail(
        self, subject_template_name, email_template_name, context, from_email, to_email, html_email_template_name=None
    ):
        user = context["user"]
        reset_path = reverse(
            "accounts:password_reset_confirm", kwargs={"uidb64": context["uid"], "token": context["token"]}
        )
        send_templated_email(
            "accounts/emails/password_reset",
            {**context, "reset_url": absolute_url(reset_path)},
            user,
            from_email=from_email,
        )
