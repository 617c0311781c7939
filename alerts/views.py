from django.conf import settings
from django.contrib import messages
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods
from django_ratelimit.core import get_usage

from alerts import services, tokens
from alerts.forms import AlertChoicesForm, SubscribeForm
from alerts.models import masked_email

EVERYTHING_DROPPED = gettext_lazy("Du valgte noe bestemt å følge, så «Alle vesentlige endringer» er tatt bort. "
                                  "Du får bare varsel om det du valgte.")


@require_http_methods(["GET", "POST"])
def subscribe(request):
    if request.method == "POST":
        form = SubscribeForm(request.POST)
        if not form.is_search and form.is_valid():
            if (retry_after := _client_spent(request)) is not None:
                return _refused(request, form, retry_after)
            services.subscription_request(email=form.cleaned_data["email"], **form.choices())
            # Says only what the form asked for, never anything about the address.
            return redirect(reverse("alerts:requested") + ("?alle=fjernet" if form.everything_dropped else ""))
    else:
        # Links such as /varsel/?guidance_topic=3 from a topic page pre-select what to follow;
        # /varsel/?sok=karantene searches the articles' titles.
        form = SubscribeForm()
        form.preselect(request.GET)
    return render(request, "alerts/subscription_form.html", {"form": form})


def _client_spent(request):
    """Seconds until this client address may ask for another e-mail, or None: any number of addresses from
    one client count together (the e-mails to one address are limited in services.subscription_request)."""
    usage = get_usage(request, group="alerts.subscribe", key="ip", rate=settings.RATE_LIMITS["alerts_subscribe"],
                      increment=True)
    return max(usage["time_left"], 1) if usage and usage["should_limit"] else None


def _refused(request, form, retry_after):
    context = {"form": form, "retry_minutes": -(-retry_after // 60)}
    response = render(request, "alerts/subscription_form.html", context, status=429)
    response["Retry-After"] = str(retry_after)
    return response


def requested(request):
    # The same page whatever the address's state: it never tells whether it is subscribed.
    return render(request, "alerts/subscription_requested.html", {"everything_dropped": "alle" in request.GET})


@require_http_methods(["GET", "POST"])
def confirm(request, token):
    """GET shows a button; only POST confirms, so link scanners in mail systems cannot confirm."""
    try:
        if request.method == "GET":
            subscription = services.subscription_for_confirmation(token=token)
            return render(request, "alerts/subscription_confirm.html",
                          {"summary": services.subscription_summary(subscription)})
        subscription = services.subscription_confirm(token=token)
    except tokens.ExpiredToken:
        return _link_problem(request, "expired")
    except services.AlreadyUsed:
        return _link_problem(request, "used")
    except tokens.InvalidToken:
        return _link_problem(request, "invalid")
    manage_token = tokens.subscriber_token(subscription)
    context = {"manage_token": manage_token, "summary": services.subscription_summary(subscription)}
    return render(request, "alerts/subscription_confirmed.html", context)


def _link_problem(request, reason):
    return render(request, "alerts/link_problem.html", {"reason": reason}, status=400)


@require_http_methods(["GET", "POST"])
def manage(request, token):
    try:
        subscription = tokens.subscription_for_token(token)
    except tokens.InvalidToken:
        return _link_problem(request, "invalid")
    if request.method == "POST":
        form = AlertChoicesForm(request.POST)
        if not form.is_search and form.is_valid():
            services.subscription_update(subscription=subscription, **form.choices())
            messages.success(request, _("Varslene dine er endret."))
            if form.everything_dropped:
                messages.info(request, EVERYTHING_DROPPED)
            return redirect("alerts:manage", token=token)
    else:
        form = AlertChoicesForm(initial=AlertChoicesForm.initial_from(**services.current_choices(subscription)))
    context = {"form": form, "token": token, "address": masked_email(subscription.email)}
    return render(request, "alerts/subscription_manage.html", context)


@csrf_exempt  # mail clients POST here for one-click unsubscribe (RFC 8058); the signed token is the proof
@require_http_methods(["GET", "POST"])
def unsubscribe(request, token):
    try:
        subscription = tokens.subscription_for_token(token)
    except tokens.UnknownSubscription:  # already unsubscribed: no mail goes to this address
        return render(request, "alerts/unsubscribed.html")
    except tokens.InvalidToken:
        return _link_problem(request, "invalid")
    if request.method == "POST":
        services.subscription_delete(subscription=subscription)
        return render(request, "alerts/unsubscribed.html")
    return render(request, "alerts/unsubscribe.html", {"token": token})
