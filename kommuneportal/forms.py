from crispy_forms.helper import FormHelper
from django import forms
from django.contrib.admin.forms import AdminAuthenticationForm
from django.contrib.auth import get_user_model
from django.conf import settings
from django.contrib.auth.forms import AuthenticationForm, PasswordResetForm, UsernameField
from django.utils.translation import gettext_lazy as _
from django_ratelimit.core import get_usage

MAX_QUERY_LENGTH = 200


class SearchForm(forms.Form):
    q = forms.CharField(
        label=_("Søk i veiledning, nyheter, spørsmål og svar og bemanningstiltak"), required=False, strip=True,
        max_length=MAX_QUERY_LENGTH,
        error_messages={"max_length": _("Søket er for langt. Bruk høyst %(limit_value)d tegn, for eksempel noen få stikkord.")},
    )

    def clean_q(self):
        # Control characters never help a search and some databases refuse them.
        return "".join(char for char in self.cleaned_data["q"] if char.isprintable()).strip()


USERNAME_MAX_LENGTH = get_user_model()._meta.get_field("username").max_length


class LoginUsernameField(UsernameField):
    def bound_data(self, data, initial):
        # What was typed is shown again, unless it cannot be a user name anyone typed.
        if not isinstance(data, str) or "\x00" in data or len(data) > self.max_length:
            return ""
        return data


class LoginForm(AuthenticationForm):
    """Django's form, with the user model's length limit enforced before anything authenticates.

    AuthenticationForm only sets `max_length` after the field is built, so no validator checks it:
    an overlong name reached authenticate() and django-axes' log (255 characters), a 500 on PostgreSQL.
    """

    username = LoginUsernameField(
        max_length=USERNAME_MAX_LENGTH, widget=forms.TextInput(attrs={"autofocus": True}),
        error_messages={"max_length": _("Brukernavnet kan ha høyst %(limit_value)d tegn. Sjekk at du har skrevet "
                                        "brukernavnet ditt, ikke noe annet.")},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # The page shows its own summary, which does not repeat Django's generic "invalid login" text.
        self.helper = FormHelper(self)
        self.helper.form_tag = False
        self.helper.form_show_errors = False
        self.helper.disable_csrf = True  # the page's <form> has its token


class AdminLoginForm(AdminAuthenticationForm):
    """The admin's sign-in form, with LoginForm's user name field and so its length limit."""

    username = LoginForm.base_fields["username"]


class LimitedPasswordResetForm(PasswordResetForm):
    """Django's form, sending at most RATE_LIMITS["password_reset_recipient"] e-mails to one address an hour,
    whoever asks. Past that nothing is sent and the page is the same, so it never tells whether an address
    has a user; the e-mails already sent hold working links."""

    def get_users(self, email):
        recipient = email.strip().lower()
        usage = get_usage(None, group="password_reset.recipient", key=lambda _group, _request: recipient,
                          rate=settings.RATE_LIMITS["password_reset_recipient"], increment=True)
        if usage and usage["should_limit"]:
            return iter(())
        return super().get_users(email)
