"""The contact point («en vei inn»): one dated row per version, so any date shows the one in force.

Each row also says who last confirmed its details and when (`confirmed_by`, `confirmed_on`): past the
confirmation period (STAFFING_CONFIRMATION_MONTHS) the banner and the page say plainly that the details
are not confirmed as current, and how long ago they were, instead of presenting them as today's.
"""

import re
from functools import cache

from django.core.exceptions import ValidationError
from django.db import connection, models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from publishing.cachetags import FRAME
from publishing.models import PublicContent
from publishing.validators import one_line_error
from staffing.dates import stale_from
from staffing.models.measures import confirmation_months, phone_href


class ContactPointQuerySet(models.QuerySet):
    def valid_on(self, day=None):
        """The version in force on `day`: the latest one that had started by then."""
        day = day or timezone.localdate()
        return self.filter(valid_from__lte=day).order_by("-valid_from", "-pk").first()

    def history(self, day=None):
        """Every version that had started by `day`, the one in force first: a later one is not shown before its day."""
        return self.filter(valid_from__lte=day or timezone.localdate()).order_by("-valid_from", "-pk")

    def shown_on(self, day=None):
        """The version in force on `day` (`in_force` = 1), or, before the first one, today's (`in_force` = 0):
        one query either way, so a page can say there was none on that date and still show today's.

        Every page's banner asks this, so it is plain SQL written once and read with a bare cursor:
        composing it through the ORM, or even reading it through `raw()`, cost more than the database
        takes to answer. Only what the banner shows is read (BANNER_FIELDS); reading another field of
        the result costs a query. It reads all contact points: a filter before it would not apply."""
        today = timezone.localdate()
        day = day or today
        adapt = connection.ops.adapt_datefield_value
        with connection.cursor() as cursor:
            cursor.execute(_shown_on_sql(connection.vendor), [adapt(day), adapt(max(day, today))])
            row = cursor.fetchone()
        if row is None:
            return None
        meta = self.model._meta
        values = [meta.get_field(name).to_python(value) if name in CONVERTED_FIELDS else value
                  for name, value in zip(BANNER_FIELDS, row[:-1])]
        contact = self.model.from_db(self.db, BANNER_FIELDS, values)
        contact.in_force = row[-1]
        return contact


# What the banner shows. The text and numbers need no conversion from any database's types; the
# date and the flag do (SQLite gives them as a string and an integer), which to_python does in Python.
BANNER_FIELDS = ("id", "heading", "phone", "opening_hours", "email", "confirmed_by", "confirmed_on",
                 "confirmed_on_is_approximate")
CONVERTED_FIELDS = frozenset({"confirmed_on", "confirmed_on_is_approximate"})


@cache
def _shown_on_sql(vendor):
    """SELECT the banner's fields, in_force FROM contact points valid by the later of the two days, the one in force first."""
    meta = ContactPoint._meta
    quote = connection.ops.quote_name
    columns = ", ".join(quote(meta.get_field(name).column) for name in BANNER_FIELDS)
    valid_from, pk = quote(meta.get_field("valid_from").column), quote(meta.pk.column)
    return (f"SELECT {columns}, CASE WHEN {valid_from} <= %s THEN 1 ELSE 0 END AS in_force "
            f"FROM {quote(meta.db_table)} WHERE {valid_from} <= %s "
            f"ORDER BY in_force DESC, {valid_from} DESC, {pk} DESC LIMIT 1")


class ContactPoint(PublicContent):
    """Helsedirektoratet's one way in ("en vei inn"). Each row is a dated version; none is edited away."""

    valid_from = models.DateField(
        _("gjelder fra"), unique=True,
        help_text=_("Fra denne datoen vises denne versjonen. Lag en ny rad for endringer, så historikken beholdes."),
    )
    valid_from_is_approximate = models.BooleanField(
        _("kilden gir bare måneden"), default=False,
        help_text=_("Leserne ser da bare måned og år («fra mars 2021») der datoen vises."),
    )
    heading = models.CharField(_("overskrift"), max_length=150, default="Hjelp til å rekruttere helsepersonell")
    text = models.TextField(
        _("kort tekst"), help_text=_("Én eller to setninger om hva kommunene kan få hjelp til."),
    )
    phone = models.CharField(_("telefon"), max_length=40, help_text=_("Slik det skal vises, f.eks. 404 07 998."))
    opening_hours = models.CharField(
        _("åpningstid"), max_length=100,
        help_text=_("Slik kilden sier det, f.eks. «08–15». Legg ikke til dager kilden ikke nevner."),
    )
    email = models.EmailField(_("e-post"))
    description = models.TextField(
        _("om kontaktpunktet"), blank=True,
        help_text=_("Kildens beskrivelse av hva kontaktpunktet hjelper med og hvordan det svarer. Vises på siden "
                    "«Om kontaktpunktet». Ett avsnitt per linje."),
    )
    source = models.CharField(_("kilde"), max_length=250, blank=True,
                              help_text=_("Dokumentet opplysningene kommer fra: tittel, utgiver og dato."))
    source_url = models.URLField(_("lenke til kilden"), blank=True, help_text=_("Bare når kilden finnes på nett."))
    source_links = models.TextField(
        _("lenker i kilden"), blank=True,
        help_text=_("Nettsider kilden selv viser til, f.eks. siden der kontaktpunktet ble gjort kjent. Én per linje, "
                    "slik: [Tittel](https://…). Vises under kilden som «Kilden viser til»."),
    )
    confirmed_by = models.CharField(
        _("bekreftet av"), max_length=150, blank=True,
        help_text=_("Hvem som sist bekreftet telefon, åpningstid og e-post, f.eks. Helsedirektoratet."),
    )
    confirmed_on = models.DateField(
        _("sist bekreftet"), null=True, blank=True,
        help_text=_("Datoen til den nyeste kilden som gir disse opplysningene. Tomt: samme som «gjelder fra». Etter "
                    "bekreftelsesperioden sier banneret at opplysningene ikke er bekreftet som gjeldende."),
    )
    confirmed_on_is_approximate = models.BooleanField(
        _("kilden gir bare måneden for bekreftelsen"), default=False,
        help_text=_("Leserne ser da bare måned og år («ca. desember 2021»)."),
    )
    editor_note = models.TextField(
        _("redaksjonens merknad"), blank=True,
        help_text=_("Portalens egen forklaring, f.eks. når et nummer i kilden er lest som en skrivefeil. Vises atskilt "
                    "fra kildens ord."),
    )
    created_at = models.DateTimeField(_("opprettet"), default=timezone.now, editable=False)

    objects = ContactPointQuerySet.as_manager()

    class Meta:
        verbose_name = _("kontaktpunkt")
        verbose_name_plural = _("kontaktpunkt")
        ordering = ["-valid_from"]

    def __str__(self):
        return f"{self.heading} (fra {self.valid_from:%d.%m.%Y})"

    def change_tags(self):
        """The contact point is in every page's banner: a change to it is a change to every page."""
        return super().change_tags() | {FRAME}

    def save(self, *args, **kwargs):
        # A row no later source has confirmed is confirmed by its own source, from the date it starts.
        if self.confirmed_on is None and self.valid_from:
            self.confirmed_on, self.confirmed_on_is_approximate = self.valid_from, self.valid_from_is_approximate
        super().save(*args, **kwargs)

    def is_unconfirmed_on(self, day):
        """Whether on `day` its details are older than the confirmation period (not confirmed as current)."""
        return self.confirmed_on is not None and day >= stale_from(self.confirmed_on, confirmation_months())

    def links(self):
        """The pages the source points to, as (title, url)."""
        return [(match["title"].strip(), match["url"]) for match in map(SOURCE_LINK.fullmatch, _lines(self.source_links))
                if match]

    def clean(self):
        super().clean()
        errors = {name: error for name in ("heading", "phone", "opening_hours")
                  if (error := one_line_error(getattr(self, name))) is not None}
        bad = next((line for line in _lines(self.source_links) if not SOURCE_LINK.fullmatch(line)), None)
        if bad is not None:
            errors["source_links"] = ValidationError(
                _("«%(line)s» er ikke en lenke. Skriv én lenke per linje, slik: [Tittel](https://…)."),
                params={"line": bad[:80]}, code="source_link")
        if errors:
            raise ValidationError(errors)

    @property
    def phone_href(self):
        return phone_href(self.phone)

    def paragraphs(self):
        return _lines(self.description)


SOURCE_LINK = re.compile(r"\[(?P<title>[^\[\]]+)\]\((?P<url>https?://[^\s()]+)\)")


def _lines(text):
    return [line.strip() for line in (text or "").splitlines() if line.strip()]
