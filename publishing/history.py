"""Readers' history of a document: every published version, any two compared, and any one read in full."""

from django.http import Http404
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from publishing.diff import compact_comparison, side_by_side
from publishing.forms import CompareForm
from publishing.models import PublicChange


def version_history(document, params):
    """Context for a history page from the query string (`?fra=&til=`), and the HTTP status.

    A document with no published version has no public history (404); a bad choice of versions
    is a 400 that still shows the list. Texts are compared as readers see them (rendered Markdown):
    only the changed passages, or with `?vis=alt` every field of both versions side by side.
    """
    versions = list(document.published_versions())
    if not versions:
        raise Http404(_("Dokumentet er ikke publisert."))
    by_number = {version.number: version for version in versions}
    context = {"document": document, "versions": versions, "comparison": None, "events": withdrawal_events(document)}
    status = 200
    if "fra" in params or "til" in params:
        form = CompareForm(params, numbers=list(by_number))
        if form.is_valid():
            numbers = sorted([form.cleaned_data["til"], form.cleaned_data["fra"] or 0])  # older on the left
            old, new = by_number.get(numbers[0]), by_number[numbers[1]]
            context.update(comparison=compact_comparison(old, new), old=old, new=new)
            if params.get("vis") == "alt":
                context["full"] = side_by_side(old, new)
        else:
            status = 400
    else:
        initial = {"til": versions[0].number, "fra": versions[min(1, len(versions) - 1)].number}
        form = CompareForm(initial=initial, numbers=list(by_number))
    context["form"] = form
    return context, status


def withdrawal_events(document):
    """The document's withdrawals and reinstatements, newest first (`publishing.models.PublicChange`):
    public events, kept in its history after it is reinstated (issue 24)."""
    return list(PublicChange.objects.of(document).withdrawals().order_by("-recorded_at", "-pk"))


def published_version(document, number):
    """Context for reading one published version in full: the version, whether readers see it now,
    whether it was the first publication, and the next published version that replaced it (`replaced_by`,
    None for the newest) with when it did (`replaced_at`). Both versions are read in one query, so a page
    can give the replacement's date as honestly as its own source allows (issue 12).
    404 for a draft, a scheduled version or a number that does not exist."""
    published = list(document.versions.published().order_by("number").values_list("pk", "number"))
    position = next((index for index, (_pk, n) in enumerate(published) if n == number), None)
    if position is None:
        raise Http404(gettext_lazy("Versjonen finnes ikke, eller den er ikke publisert ennå. Se historikken for "
                                   "alle publiserte versjoner."))
    wanted = [pk for pk, _n in published[position:position + 2]]
    version, replaced_by = (list(document.versions.filter(pk__in=wanted).order_by("number")) + [None])[:2]
    return {
        "document": document,
        "version": version,
        "is_current": version.pk == document.live_version_id and not document.is_withdrawn,
        "is_first": position == 0,
        "replaced_by": replaced_by,
        "replaced_at": replaced_by.publish_at if replaced_by else None,
        "latest_number": published[-1][1],
    }
