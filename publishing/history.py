"""Readers' history of a document: every published version, and any two of them compared."""

from django.http import Http404
from django.utils.translation import gettext as _

from publishing.diff import diff_versions
from publishing.forms import CompareForm


def version_history(document, params):
    """Context for a history page from the query string (`?fra=&til=`), and the HTTP status.

    A document with no published version has no public history (404); a bad choice of versions
    is a 400 that still shows the list.
    """
    versions = list(document.published_versions())
    if not versions:
        raise Http404(_("Dokumentet er ikke publisert."))
    by_number = {version.number: version for version in versions}
    context = {"document": document, "versions": versions, "comparison": None}
    status = 200
    if "fra" in params or "til" in params:
        form = CompareForm(params, numbers=list(by_number))
        if form.is_valid():
            numbers = sorted([form.cleaned_data["til"], form.cleaned_data["fra"] or 0])  # older on the left
            old, new = by_number.get(numbers[0]), by_number[numbers[1]]
            context.update(comparison=diff_versions(old, new), old=old, new=new)
        else:
            status = 400
    else:
        initial = {"til": versions[0].number, "fra": versions[min(1, len(versions) - 1)].number}
        form = CompareForm(initial=initial, numbers=list(by_number))
    context["form"] = form
    return context, status
