from dataclasses import dataclass

from crispy_forms.helper import FormHelper
from crispy_forms.layout import HTML, Field, Layout
from django import forms
from django.core.exceptions import ValidationError
from django.forms.utils import ErrorDict
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from alerts.sources import all_facets
from alerts.models import Frequency
from alerts.services import normalise_email

EMAIL_MAX_LENGTH = 254  # Subscription.email
FOLD_AFTER = 12  # a list with more choices than this (every measure) folds away in <details>
INVALID_CHOICE = _("Velg blant alternativene på siden.")  # never echoes the posted value back
# What static/js/alert-choices.js says when a choice below «Alle vesentlige endringer» is ticked, and
# when «Alle» is ticked again while something below still is (clean() lets the specific choice win).
EVERYTHING_DROPPED_NOW = _("Krysset for «Alle vesentlige endringer» er tatt bort, fordi du valgte noe bestemt å "
                           "følge. Du får bare varsel om det du velger.")
EVERYTHING_WITH_CHOICES = _("Du har også valgt noe bestemt under. Da får du bare varsel om det; fjern de kryssene "
                            "hvis du vil ha alle vesentlige endringer.")

# Lists that grow with the content (every article) are never listed whole: the form offers what a
# link asked for, what the subscriber follows already and what a title search found, so the page
# and its queries cost the same whether there are ten articles or ten thousand.
SEARCH_FIELD = "sok"  # the title search's text box
SEARCH_BUTTON = "finn"  # its button; pressing it never subscribes or saves
SEARCH_MAX_LENGTH = 100
SEARCH_MAX_WORDS = 6
SEARCH_LIMIT = 20  # results shown per search
MAX_FOLLOWED = 100  # values one subscriber may follow in one long list

# Norwegian alphabetical order: æ, ø, å after z (Python's order puts å first).
_NORWEGIAN_LETTERS = str.maketrans({"æ": "{", "ä": "{", "ø": "|", "ö": "|", "å": "}"})


def field_name(facet):
    return facet.key.replace(".", "_")


def norwegian_order(choice):
    return choice[1].lower().translate(_NORWEGIAN_LETTERS), choice[0]


def search_words(text):
    """The words of a title search, or [] for nothing a person could have meant to search for."""
    if not isinstance(text, str):
        return []
    text = "".join(char for char in text[:SEARCH_MAX_LENGTH] if char.isprintable())
    return text.split()[:SEARCH_MAX_WORDS]


class DistinctMultipleChoiceField(forms.MultipleChoiceField):
    """Each ticked value once: a hand-made `?topic=1&topic=1` must not break the unique interest."""

    default_error_messages = {"invalid_choice": INVALID_CHOICE}

    def clean(self, value):
        return list(dict.fromkeys(super().clean(value)))


class LongChoiceField(DistinctMultipleChoiceField):
    """A long list's choices: looked up for the values asked for, never all of them."""

    default_error_messages = {
        "invalid_choice": _("Noe du valgte, finnes ikke eller er trukket tilbake, og er tatt ut av valgene. "
                            "Send skjemaet på nytt."),
        "too_many": _("Du kan velge høyst %(limit)d her. Følg heller et tema, en avsender eller "
                      "«Alle vesentlige endringer»."),
    }

    def clean(self, value):
        if isinstance(value, (list, tuple)) and len(set(value)) > MAX_FOLLOWED:
            raise ValidationError(self.error_messages["too_many"], code="too_many", params={"limit": MAX_FOLLOWED})
        return super().clean(value)


class SubscriberEmailField(forms.EmailField):
    default_error_messages = {
        "max_length": _("E-postadressen kan ha høyst %(limit_value)d tegn."),
        "null_characters_not_allowed": _("E-postadressen inneholder et tegn som ikke er tillatt."),
    }

    def bound_data(self, data, initial):
        # What was typed is shown again, unless it is nothing a person typed (NUL, thousands of characters).
        if not isinstance(data, str) or "\x00" in data or len(data) > self.max_length:
            return ""
        return data


@dataclass
class TitleSearch:
    """What the title search was asked and found, for the page to say."""

    text: str
    found: int = 0
    more: bool = False  # there were more than SEARCH_LIMIT; the most recently changed are shown
    limit: int = SEARCH_LIMIT


class AlertChoicesForm(forms.Form):
    """What to be alerted about and how often. The facets come from the source registry.

    Bound to a POST that pressed the search button, or that has a search text (Enter in the search
    box sends the form with the page's own button), the form is a search: it offers what was found
    next to what was ticked, validates nothing and reports no errors (`is_search`).
    """

    everything = forms.BooleanField(
        label=_("Alle vesentlige endringer"), required=False,
        help_text=_("Du får varsel om alle vesentlige endringer i veiledning og tiltak. Velger du noe under, tas "
                    "dette krysset bort, og du får bare varsel om det du valgte."),
    )
    frequency = forms.ChoiceField(
        label=_("Hvor ofte vil du ha e-post?"), choices=Frequency.choices, initial=Frequency.IMMEDIATE,
        widget=forms.RadioSelect, error_messages={"invalid_choice": INVALID_CHOICE},
        help_text=_("Straks: én e-post per endring, innen noen minutter. Daglig: ett sammendrag hver morgen."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.facets = []
        self.search = None
        for facet in all_facets():
            name = field_name(facet)
            if facet.is_long:
                self.facets.append(facet)
                self.fields[name] = LongChoiceField(
                    label=facet.label, required=False, choices=[], widget=forms.CheckboxSelectMultiple,
                )
                self._offer(facet, self._asked_for(name))
                continue
            choices = facet.choices()
            if choices:  # no empty groups on the page
                self.facets.append(facet)
                self.fields[name] = DistinctMultipleChoiceField(
                    label=facet.label, required=False, choices=choices, widget=forms.CheckboxSelectMultiple,
                )
        self.order_fields(["email", "everything", *(field_name(f) for f in self.facets), "frequency"])
        self.is_search = self.is_bound and (
            SEARCH_BUTTON in self.data or bool(search_words(self.data.get(SEARCH_FIELD)))
        )
        if self.is_search:
            self._search(self.data.get(SEARCH_FIELD))
        self.helper = FormHelper(self)
        self.helper.form_tag = False
        self.helper.form_error_title = _("Skjemaet har feil som må rettes")
        # The long lists and how often are rendered by the page (alerts/includes/choices.html), after the short lists.
        short = [field_name(f) for f in self.facets if not f.is_long]
        layout = []
        for name in self.fields:
            if name in self.long_field_names or name == "frequency":
                continue
            folded = name in short and len(self.fields[name].choices) > FOLD_AFTER
            layout.append(Field(name, template="alerts/includes/folded_choices.html") if folded else name)
            if name == "everything":
                # Where static/js/alert-choices.js says that ticking a topic took «Alle» away.
                layout.append(HTML(format_html(
                    '<p class="ds-paragraph kp-choice-status" id="alle-status" role="status" data-dropped="{}" '
                    'data-both="{}"></p>', EVERYTHING_DROPPED_NOW, EVERYTHING_WITH_CHOICES)))
        self.helper.layout = Layout(*layout)

    @property
    def long_field_names(self):
        return [field_name(facet) for facet in self.facets if facet.is_long]

    def long_fields(self):
        """The long lists' checkbox groups that have anything to show."""
        return [self[name] for name in self.long_field_names if self.fields[name].choices or self[name].errors]

    def _asked_for(self, name):
        if self.is_bound:
            values = self.fields[name].widget.value_from_datadict(self.data, self.files, self.add_prefix(name))
        else:
            values = self.initial.get(name) or []
        if isinstance(values, str):
            values = [values]
        return [str(value) for value in values]

    def _offer(self, facet, values):
        """Add the values a long list can offer to its choices (one query, at most MAX_FOLLOWED values)."""
        values = [value for value in dict.fromkeys(values) if isinstance(value, str)][:MAX_FOLLOWED]
        if values:
            self._add_choices(field_name(facet), facet.lookup(values))

    def _add_choices(self, name, choices):
        field = self.fields[name]
        merged = dict(field.choices)
        merged.update(choices)
        field.choices = sorted(merged.items(), key=norwegian_order)

    def _search(self, text):
        words = search_words(text)
        self.search = TitleSearch(" ".join(words))
        if not words:
            return
        for facet in self.facets:
            if facet.is_long and facet.search:
                found = facet.search(words, SEARCH_LIMIT + 1)
                self.search.more = self.search.more or len(found) > SEARCH_LIMIT
                found = found[:SEARCH_LIMIT]
                self.search.found += len(found)
                self._add_choices(field_name(facet), found)

    def full_clean(self):
        if self.is_search:
            # The page is shown again with what was typed and found; nothing is checked or saved.
            self._errors = ErrorDict(renderer=self.renderer)
            self.cleaned_data = {}
            return
        super().full_clean()

    def preselect(self, params):
        """Tick what a link asks for (`/varsel/?guidance_article=12` from an article page), or
        «Alle vesentlige endringer» when it asks for nothing that exists, so an address is all it takes.
        `?sok=…` searches the long lists' titles, as the search button does."""
        chosen = {}
        for facet in self.facets:
            name = field_name(facet)
            asked = list(dict.fromkeys(params.getlist(name)))
            if facet.is_long:
                self._offer(facet, asked)
            offered = {str(value) for value, _label in self.fields[name].choices}
            values = [value for value in asked if value in offered]
            if values:
                chosen[name] = values
        self.initial.update(chosen, everything=not chosen)
        if search_words(params.get(SEARCH_FIELD)):
            self._search(params.get(SEARCH_FIELD))

    # Set by clean(): «Alle» was ticked together with something specific, and the specific choice won.
    everything_dropped = False

    def clean(self):
        cleaned = super().clean()
        chosen = any(self.interests().values())
        if cleaned.get("everything") and chosen:
            # «Alle» is ticked from the start: a reader who then ticks a topic wants that topic, not
            # everything as well (issue 28). The pages after this one say so.
            cleaned["everything"] = False
            self.everything_dropped = True
        elif not cleaned.get("everything") and not chosen:
            raise ValidationError(
                _("Velg «Alle vesentlige endringer» eller minst ett tema, én avsender eller én artikkel."),
                code="nothing_chosen",
            )
        return cleaned

    def interests(self):
        return {facet.key: self.cleaned_data.get(field_name(facet)) or [] for facet in self.facets}

    def choices(self):
        return {
            "frequency": self.cleaned_data["frequency"],
            "everything": self.cleaned_data["everything"],
            "interests": self.interests(),
        }

    @classmethod
    def initial_from(cls, *, frequency, everything, interests):
        initial = {"frequency": frequency, "everything": everything}
        initial.update({key.replace(".", "_"): values for key, values in interests.items()})
        return initial


class SubscribeForm(AlertChoicesForm):
    email = SubscriberEmailField(
        label=_("E-postadresse"), max_length=EMAIL_MAX_LENGTH,
        help_text=_("Vi sender en lenke du må åpne for å bekrefte. Adressen brukes bare til varslene."),
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )

    def clean_email(self):
        # Stored lower-cased, and some letters grow when lower-cased ("İ" becomes two characters).
        email = normalise_email(self.cleaned_data["email"])
        if len(email) > EMAIL_MAX_LENGTH:
            raise ValidationError(self.fields["email"].error_messages["max_length"],
                                  params={"limit_value": EMAIL_MAX_LENGTH}, code="max_length")
        return email
