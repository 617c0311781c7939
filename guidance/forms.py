from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from guidance.models import ArticleKind, Issuer, Topic
from guidance.search import MAX_QUERY_LENGTH


class ArticleFilterForm(forms.Form):
    """The list page's filters: plain GET parameters, so a filtered list can be bookmarked."""

    tema = forms.ModelChoiceField(
        label=_("Tema"), queryset=Topic.objects.all(), to_field_name="slug", required=False,
        empty_label=_("Alle temaer"),
        error_messages={"invalid_choice": _("Temaet finnes ikke. Velg et tema fra listen.")},
    )
    type = forms.ChoiceField(
        label=_("Type"), choices=[("", _("Alle typer")), *ArticleKind.choices], required=False,
        error_messages={"invalid_choice": _("Typen finnes ikke. Velg en type fra listen.")},
    )
    avsender = forms.ModelChoiceField(
        label=_("Avsender"), queryset=Issuer.objects.all(), to_field_name="slug", required=False,
        empty_label=_("Alle avsendere"),
        error_messages={"invalid_choice": _("Avsenderen finnes ikke. Velg en avsender fra listen.")},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            field.widget.attrs["class"] = "ds-input"

    def filter(self, articles):
        data = self.cleaned_data
        if data.get("tema"):
            articles = articles.filter(topics=data["tema"])
        if data.get("type"):
            articles = articles.of_kind(data["type"])
        if data.get("avsender"):
            articles = articles.filter(issuer=data["avsender"])
        return articles

    def active_filters(self):
        """The chosen filters as readable text, for the heading and the result count."""
        data = self.cleaned_data if self.is_bound and self.is_valid() else {}
        return [str(data[name]) if name != "type" else ArticleKind(data[name]).label
                for name in ("tema", "type", "avsender") if data.get(name)]


class CompareForm(forms.Form):
    """Choose two published versions of one article. Numbers outside `numbers` are refused."""

    fra = forms.TypedChoiceField(label=_("Fra versjon"), coerce=int, required=False, empty_value=None)
    til = forms.TypedChoiceField(label=_("Til versjon"), coerce=int)

    def __init__(self, *args, numbers=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.numbers = sorted(numbers)
        choices = [(number, _("Versjon %(number)s") % {"number": number}) for number in numbers]
        for name in ("fra", "til"):
            self.fields[name].choices = choices
            self.fields[name].error_messages["invalid_choice"] = _(
                "Versjon %(value)s finnes ikke blant de publiserte versjonene av artikkelen."
            )
            self.fields[name].error_messages["required"] = _("Velg en versjon.")

    def clean(self):
        data = super().clean()
        if data.get("fra") is None and data.get("til") is not None and "fra" not in self.errors:
            # Only "til" given (links from the changelog and the feeds): compare with the version before it.
            earlier = [number for number in self.numbers if number < data["til"]]
            data["fra"] = earlier[-1] if earlier else None
        if data.get("fra") is not None and data.get("fra") == data.get("til"):
            raise ValidationError(_("Velg to forskjellige versjoner for å se hva som er endret."), code="same_version")
        return data


class SearchForm(forms.Form):
    q = forms.CharField(
        label=_("Søk i veiledning, nyheter og spørsmål og svar"), required=False, strip=True,
        max_length=MAX_QUERY_LENGTH,
        error_messages={"max_length": _("Søket er for langt. Bruk høyst %(limit_value)d tegn, for eksempel noen få stikkord.")},
    )

    def clean_q(self):
        # Control characters never help a search and some databases refuse them.
        return "".join(char for char in self.cleaned_data["q"] if char.isprintable()).strip()
