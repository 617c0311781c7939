"""What Statsforvalteren's coordination view shows for its counties, in a constant number of queries:
municipalities and their decisions in force (for the staffing gap), requests, offers, and which
requests each offer has been passed on to."""

from dataclasses import dataclass, field

from django.db.models import Count, Sum
from django.utils import timezone

from prioritering.county import StaffingGap, municipality_lines, norwegian_key
from prioritering.bistand.vocabulary import Task
from prioritering.models import AssistanceRequest, CapacityOffer, RequestStatus
from prioritering.models.assistance import OPEN_STATUSES

CLOSED_SHOWN = 50  # the newest closed requests on the page; the CSV has them all


@dataclass
class RequestLine:
    request: AssistanceRequest
    matches: list
    gap: StaffingGap


@dataclass
class OfferLine:
    offer: CapacityOffer
    referred_to: list = field(default_factory=list)
    open_matches: int = 0

    @property
    def has_ended(self):
        return self.offer.end_date is not None and self.offer.end_date < timezone.localdate()


@dataclass
class Coordination:
    counties: list
    open: list
    closed: list
    closed_total: int
    offers: list
    municipalities: list


def _requests(counties):
    return (AssistanceRequest.objects.for_counties(counties)
            .select_related("municipality", "referred_to", "worksheet", "matched_offer__municipality"))


def coordination(counties):
    lines, _worksheets = municipality_lines(counties)
    offers = list(CapacityOffer.objects.for_counties(counties).offered().select_related("municipality")
                  .order_by("start_date", "pk"))
    open_requests = list(_requests(counties).open().by_urgency())
    closed = list(_requests(counties).closed().order_by("-updated_at", "-pk")[:CLOSED_SHOWN + 1])
    offer_lines = {offer.pk: OfferLine(offer) for offer in offers}
    for request_id, offer_id, name in (AssistanceRequest.objects.filter(matched_offer__in=list(offer_lines))
                                       .values_list("pk", "matched_offer_id", "municipality__name")
                                       .order_by("municipality__name", "pk")):
        offer_lines[offer_id].referred_to.append(name)
    request_lines = []
    for request in open_requests:
        matches = [offer for offer in offers if offer.matches(request)]
        for offer in matches:
            offer_lines[offer.pk].open_matches += 1
        request_lines.append(RequestLine(request, matches, lines[request.municipality_id].gap))
    return Coordination(
        counties=sorted(counties, key=norwegian_key),
        open=request_lines,
        closed=closed[:CLOSED_SHOWN],
        closed_total=len(closed),
        offers=list(offer_lines.values()),
        municipalities=list(lines.values()),
    )


def matching_offers(request):
    """The offers in the request's county that fit it, for the action form: one query."""
    offers = (CapacityOffer.objects.for_counties([request.municipality.county]).offered()
              .filter(task=request.task, profession=request.profession).exclude(municipality=request.municipality)
              .select_related("municipality").order_by("start_date", "pk"))
    return [offer for offer in offers if offer.overlaps(request)]


@dataclass
class SummaryRow:
    label: str
    counts: list          # one number per SUMMARY_STATUSES, in that order
    open_people: int      # people asked for in the open requests

    @property
    def total(self):
        return sum(self.counts)


SUMMARY_STATUSES = [RequestStatus.SUBMITTED, RequestStatus.REFERRED, RequestStatus.FORWARDED,
                    RequestStatus.COVERED, RequestStatus.NOT_COVERED, RequestStatus.WITHDRAWN]


def county_summary(counties):
    """Requests by task and status, and offers by task: numbers only, never a word a municipality wrote.

    Two queries, each grouped in the database.
    """
    counts, open_people = {}, {}
    for row in (AssistanceRequest.objects.for_counties(counties).values("task", "status")
                .annotate(n=Count("pk"), people=Sum("people")).order_by()):
        counts[row["task"], row["status"]] = row["n"]
        if row["status"] in OPEN_STATUSES:
            open_people[row["task"]] = open_people.get(row["task"], 0) + row["people"]
    requests = [SummaryRow(label, [counts.get((code, status), 0) for status in SUMMARY_STATUSES],
                           open_people.get(code, 0)) for code, label in Task.choices]
    offered = {row["task"]: (row["n"], row["people"]) for row in (
        CapacityOffer.objects.for_counties(counties).offered().values("task")
        .annotate(n=Count("pk"), people=Sum("people")).order_by())}
    offers = [(label, *offered.get(code, (0, 0))) for code, label in Task.choices]
    return requests, offers
