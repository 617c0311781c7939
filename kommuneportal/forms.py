from django import forms
from django.utils.translation import gettext_lazy as _

MAX_QUERY_LENGTH = 200


class SearchForm(forms.Form):
    q = forms.CharField(
        label=_("Søk i veiledning, nyheter og spørsmål og svar"), required=False, strip=True,
        max_length=MAX_QUERY_LENGTH,
        error_messages={"max_length": _("Søket er for langt. Bruk høyst %(limit_value)d tegn, for eksempel noen få stikkord.")},
    )

    def clean_q(self):
        # Control characters never help a search and some databases refuse them.
        return "".join(char for char in self.cleaned_data["q"] if char.isprintable()).strip()
