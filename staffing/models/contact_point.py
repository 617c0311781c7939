"""The contact point («en vei inn»): one dated row per version, so any date shows the one in force."""

from functools import cache

from django.core.exceptions import ValidationError
from django.db import connection, models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from publishing.cachetags import FRAME
from publishing.models import PublicContent
from publishing.validators import one_line_error
from staffing.models.measures import phone_href


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
        contact = self.model.from_db(self.db, BANNER_FIELDS, row[:-1])
        contact.in_force = row[-1]
        return contact


# Text and a number only, so the row needs no conversion from any database's types.
BANNER_FIELDS = ("id", "heading", "phone", "opening_hours", "email")


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

    def clean(self):
        super().clean()
        errors = {name: error for name in ("heading", "phone", "opening_hours")
                  if (error := one_line_error(getattr(self, name))) is not None}
        if errors:
            raise ValidationError(errors)

    @property
    def phone_href(self):
        return phone_href(self.phone)

    def paragraphs(self):
        return [line.strip() for line in self.description.splitlines() if line.strip()]
