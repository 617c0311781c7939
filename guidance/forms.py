from django import forms
from django.utils.translation import gettext_lazy as _

from guidance.models import ArticleKind, Issuer, Topic


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
