"""The site search's own table (synonyms) and what it needs to know about documents' names."""

from functools import cache

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from publishing.models.changes import PublicContent

SEARCH_CONFIG = "norwegian"  # PostgreSQL's Norwegian stemming: "smittesporingen" finds "smittesporing"


@cache
def named_relations(model):
    """The document's ForeignKeys and ManyToManys to models with a `name` (guidance: issuer, topics):
    their names are searched with the document's text."""
    return tuple(
        relation for relation in model._meta.get_fields()
        if relation.is_relation and not relation.auto_created and (relation.many_to_one or relation.many_to_many)
        and any(target_field.name == "name" for target_field in relation.related_model._meta.concrete_fields)
    )


class SearchSynonym(PublicContent):
    """A word readers type and the words the documents use for the same thing.

    The site search looks for the alternatives too (`publishing.search`): "sykepleier" also finds
    "helsepersonell". One direction only; add the reverse as its own row if it should work both ways.
    """

    word = models.CharField(
        _("ord"), max_length=100, unique=True,
        help_text=_("Ett ord slik folk skriver det i søket, f.eks. «sykepleier». Store og små bokstaver er likegyldig."),
    )
    alternatives = models.CharField(
        _("søk også etter"), max_length=500,
        help_text=_("Ord eller uttrykk skilt med komma, f.eks. «sykepleiere, helsepersonell». Treff på disse "
                    "vises sammen med treff på ordet."),
    )

    class Meta:
        verbose_name = _("synonym i søket")
        verbose_name_plural = _("synonymer i søket")
        ordering = ["word"]

    def __str__(self):
        return f"{self.word} → {self.alternatives}"

    def clean(self):
        self.word = self.word.strip().lower()
        if not self.word.isalnum():
            raise ValidationError({"word": _("Skriv ett ord, uten mellomrom, bindestrek eller tegn.")}, code="one_word")
        alternatives = self.alternative_list()
        if not alternatives:
            raise ValidationError({"alternatives": _("Skriv minst ett ord å søke etter i tillegg.")},
                                  code="no_alternatives")
        self.alternatives = ", ".join(alternatives)

    def alternative_list(self):
        """The alternatives, lower-cased, each once, without the word itself."""
        words = (" ".join(part.split()).lower() for part in self.alternatives.split(","))
        return [word for word in dict.fromkeys(words) if word and word != self.word]
