"""The crispy-forms template pack renders Designsystemet markup tied together for screen readers."""

from django import forms
from django.template import Context, Template


class ExampleForm(forms.Form):
    name = forms.CharField(label="Navn", help_text="Slik det står i kommunens register.")
    note = forms.CharField(label="Merknad", required=False)
    agree = forms.BooleanField(label="Jeg bekrefter", help_text="Påkrevd.")
    kind = forms.ChoiceField(label="Type", choices=[("a", "A"), ("b", "B")], widget=forms.RadioSelect)


def render(form):
    return Template("{% load crispy_forms_tags %}{{ form|crispy }}").render(Context({"form": form}))


def test_field_with_help_text_points_to_it():
    html = render(ExampleForm())
    assert 'id="id_name_helptext"' in html
    assert 'aria-describedby="id_name_helptext"' in html
    assert 'class="ds-label" for="id_name"' in html


def test_invalid_field_points_to_its_error_and_help_text():
    form = ExampleForm(data={"kind": "zzz"})
    html = render(form)
    assert 'aria-describedby="id_name_helptext id_name_error"' in html
    assert 'id="id_name_error"' in html and 'aria-invalid="true"' in html
    assert 'id="id_agree_error"' in html
    assert "Skjemaet har feil som må rettes" in html
    assert 'href="#id_name"' in html


def test_radio_choices_are_a_fieldset_with_legend():
    html = render(ExampleForm())
    assert '<legend class="ds-label">Type' in html
    assert 'type="radio"' in html and 'for="id_kind_0"' in html
