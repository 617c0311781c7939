"""Every write to requests for help and offers of capacity: checked, recorded in the history, and
the e-mails a change causes written in the same transaction (see AssistanceNotification)."""

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import F
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from prioritering.bistand.vocabulary import HelpSource
from prioritering.models import (
    AssistanceChange, AssistanceNotification, AssistanceRequest, CapacityOffer, Membership,
    OfferStatus, RequestStatus, Role, role_allows,
)
from prioritering.models.assistance import county_recipients, leader_recipients


class StaleEdit(Exception):
    """The form was based on a copy someone else has changed since."""

    def __init__(self, current_revision):
        super().__init__(current_revision)
        self.current_revision = current_revision


def _require_role(user, municipality_id, required):
    role = Membership.objects.filter(user=user, municipality_id=municipality_id).values_list("role", flat=True).first()
    if not role_allows(role, required):
        raise PermissionDenied


def _require_county(user, county):
    if not Membership.objects.filter(user=user, role=Role.COUNTY, county=county).exists():
        raise PermissionDenied


# --- History ---------------------------------------------------------------------------------

def _display(model, name, value):
    field = model._meta.get_field(name)
    if value in (None, "", []):
        return "–"
    if name == "help_from":
        labels = dict(HelpSource.choices)
        return ", ".join(str(labels.get(code, code)) for code in value)
    if field.choices:
        return str(dict(field.flatchoices).get(value, value))
    if hasattr(value, "strftime"):
        return date_format(value, "d.m.Y")
    return str(value)


def _diff(instance, data):
    changes = []
    for name, new in data.items():
        old = getattr(instance, name)
        if old != new:
            changes.append({"field": str(instance._meta.get_field(name).verbose_name).capitalize(),
                            "old": _display(type(instance), name, old), "new": _display(type(instance), name, new)})
    return changes


def record(*, item, user, summary, details=()):
    target = {"request": item} if isinstance(item, AssistanceRequest) else {"offer": item}
    return AssistanceChange.objects.create(user=user, user_name=user.get_username(), summary=summary,
                                           details=list(details), **target)


# --- Notifications -----------------------------------------------------------------------------

def _notify(*, change, recipients, template, context):
    """One e-mail per recipient, rendered now: what the change was when it happened."""
    for user in recipients:
        url = settings.SITE_URL + context["path_for"](user)
        text = render_to_string(template, {**context, "url": url, "recipient": user})
        subject, _blank, body = text.partition("\n\n")
        AssistanceNotification.objects.create(change=change, recipient=user, email=user.email,
                                              subject=" ".join(subject.split())[:250], body=body.strip() + "\n")


def _county_path(request):
    return lambda user: reverse("prioritering:county_assistance_detail", args=[request.pk])


def _municipal_path(request):
    return lambda user: reverse("prioritering:assistance_detail", args=[request.pk])


# --- Requests ------------------------------------------------------------------------------------

@transaction.atomic
def request_create(*, user, municipality, data):
    _require_role(user, municipality.pk, Role.CONTRIBUTOR)
    request = AssistanceRequest(municipality=municipality, created_by=user, **data)
    request.full_clean()
    request.save()
    record(item=request, user=user, summary=_("Opprettet forespørselen som utkast"))
    return request


def _lock(model, item):
    return model.objects.select_for_update().select_related("municipality").get(pk=item.pk)


def _save_fields(model, current, expected_revision, data, **guard):
    """The conditional UPDATE refuses a stale save even where SELECT … FOR UPDATE is a no-op (SQLite)."""
    updated = model.objects.filter(pk=current.pk, revision=expected_revision, **guard).update(
        revision=F("revision") + 1, updated_at=timezone.now(), **data)
    if not updated:
        raise StaleEdit(model.objects.values_list("revision", flat=True).get(pk=current.pk))


def _draft_update(model, item, *, user, data, expected_revision, draft_status):
    """A contributor edits a draft (a request or an offer): refused when stale, each change in the history."""
    current = _lock(model, item)
    _require_role(user, current.municipality_id, Role.CONTRIBUTOR)
    current.ensure_editable()
    if current.revision != expected_revision:
        raise StaleEdit(current.revision)
    details = _diff(current, data)
    for name, value in data.items():
        setattr(current, name, value)
    current.full_clean()
    _save_fields(model, current, expected_revision, data, status=draft_status)
    if details:
        record(item=current, user=user, summary=_("Endret utkastet"), details=details)
    current.refresh_from_db()
    return current


def _draft_submit(model, item, *, user, expected_revision, draft_status):
    """A leader sends a draft (a request or an offer) on; the model checks its rules again then."""
    current = _lock(model, item)
    _require_role(user, current.municipality_id, Role.LEADER)
    if current.revision != expected_revision:
        raise StaleEdit(current.revision)
    current.mark_submitted(user, timezone.now())
    current.full_clean()  # a request's precondition is checked again at the moment it counts
    _save_fields(model, current, expected_revision,
                 {"status": current.status, "submitted_by": user, "submitted_at": current.submitted_at},
                 status=draft_status)
    return current


@transaction.atomic
def request_update(*, request, user, data, expected_revision):
    return _draft_update(AssistanceRequest, request, user=user, data=data, expected_revision=expected_revision,
                         draft_status=RequestStatus.DRAFT)


@transaction.atomic
def request_submit(*, request, user, expected_revision):
    """A leader sends the request; the county's Statsforvalter users get an e-mail."""
    current = _draft_submit(AssistanceRequest, request, user=user, expected_revision=expected_revision,
                            draft_status=RequestStatus.DRAFT)
    change = record(item=current, user=user, summary=_("Sendte forespørselen til Statsforvalteren"),
                    details=[{"field": _("Status"), "old": str(RequestStatus.DRAFT.label),
                              "new": str(RequestStatus.SUBMITTED.label)}])
    _notify(change=change, recipients=county_recipients(current.municipality.county),
            template="prioritering/bistand/email/request_submitted.txt",
            context={"request": current, "path_for": _county_path(current)})
    current.refresh_from_db()
    return current


@transaction.atomic
def request_withdraw(*, request, user, expected_revision):
    current = _lock(AssistanceRequest, request)
    _require_role(user, current.municipality_id, Role.LEADER)
    if current.revision != expected_revision:
        raise StaleEdit(current.revision)
    was_sent, old_label = current.is_open, current.get_status_display()
    current.mark_withdrawn()
    _save_fields(AssistanceRequest, current, expected_revision, {"status": RequestStatus.WITHDRAWN})
    change = record(item=current, user=user, summary=_("Trakk forespørselen"),
                    details=[{"field": _("Status"), "old": str(old_label), "new": str(RequestStatus.WITHDRAWN.label)}])
    if was_sent:
        _notify(change=change, recipients=county_recipients(current.municipality.county),
                template="prioritering/bistand/email/request_withdrawn.txt",
                context={"request": current, "path_for": _county_path(current)})
    current.refresh_from_db()
    return current


@transaction.atomic
def request_coordinate(*, request, user, action, note, expected_revision, referred_to=None, forwarded_to="",
                       offer=None):
    """Statsforvalteren records what it did, with a note; the municipality's leaders get an e-mail.

    «formidlet» names the municipality (or the offer, which names it); «sendt videre» names
    Sivilforsvaret or Forsvaret. The form checks these; here they are only stored.
    """
    current = _lock(AssistanceRequest, request)
    _require_county(user, current.municipality.county)
    if current.submitted_at is None:
        raise PermissionDenied  # a draft is the municipality's own
    if current.revision != expected_revision:
        raise StaleEdit(current.revision)
    old_label = current.coordination_label
    current.mark_coordinated(action, user, timezone.now())
    data = {
        "status": action, "coordination_note": note, "coordinated_by": user, "coordinated_at": current.coordinated_at,
        "referred_to": referred_to if action == RequestStatus.REFERRED else None,
        "forwarded_to": forwarded_to if action == RequestStatus.FORWARDED else "",
        "matched_offer": offer if action in (RequestStatus.REFERRED, RequestStatus.COVERED) else None,
    }
    for name, value in data.items():
        setattr(current, name, value)
    current.full_clean()
    _save_fields(AssistanceRequest, current, expected_revision, data)
    new_label = current.coordination_label
    details = [{"field": _("Status"), "old": str(old_label), "new": str(new_label)},
               {"field": _("Merknad fra Statsforvalteren"), "old": "–", "new": note}]
    if data["matched_offer"]:
        details.append({"field": _("Tilbud"), "old": "–",
                        "new": f"{data['matched_offer'].title} ({data['matched_offer'].municipality.name})"})
    change = record(item=current, user=user, summary=str(new_label), details=details)
    _notify(change=change, recipients=leader_recipients(current.municipality),
            template="prioritering/bistand/email/status_changed.txt",
            context={"request": current, "status": new_label, "note": note, "path_for": _municipal_path(current)})
    current.refresh_from_db()
    return current


# --- Offers --------------------------------------------------------------------------------------

@transaction.atomic
def offer_create(*, user, municipality, data):
    _require_role(user, municipality.pk, Role.CONTRIBUTOR)
    offer = CapacityOffer(municipality=municipality, created_by=user, **data)
    offer.full_clean()
    offer.save()
    record(item=offer, user=user, summary=_("Opprettet tilbudet som utkast"))
    return offer


@transaction.atomic
def offer_update(*, offer, user, data, expected_revision):
    return _draft_update(CapacityOffer, offer, user=user, data=data, expected_revision=expected_revision,
                         draft_status=OfferStatus.DRAFT)


@transaction.atomic
def offer_submit(*, offer, user, expected_revision):
    current = _draft_submit(CapacityOffer, offer, user=user, expected_revision=expected_revision,
                            draft_status=OfferStatus.DRAFT)
    record(item=current, user=user, summary=_("Meldte tilbudet til Statsforvalteren"),
           details=[{"field": _("Status"), "old": str(OfferStatus.DRAFT.label), "new": str(OfferStatus.OFFERED.label)}])
    current.refresh_from_db()
    return current


@transaction.atomic
def offer_withdraw(*, offer, user, expected_revision):
    current = _lock(CapacityOffer, offer)
    _require_role(user, current.municipality_id, Role.LEADER)
    if current.revision != expected_revision:
        raise StaleEdit(current.revision)
    old_label = current.get_status_display()
    current.mark_withdrawn()
    _save_fields(CapacityOffer, current, expected_revision, {"status": OfferStatus.WITHDRAWN})
    record(item=current, user=user, summary=_("Trakk tilbudet"),
           details=[{"field": _("Status"), "old": str(old_label), "new": str(OfferStatus.WITHDRAWN.label)}])
    current.refresh_from_db()
    return current

