from django import template
from django.utils.http import urlencode

from publishing.markdown import render_markdown

register = template.Library()


@register.filter
def markdown(text):
    """Publisher's Markdown → sanitised HTML (see publishing.markdown)."""
    return render_markdown(text)


@register.simple_tag(takes_context=True)
def page_url(context, number):
    """The current address with `side` set to `number`, keeping the filters."""
    params = context["request"].GET.copy()
    params["side"] = number
    return "?" + urlencode(sorted(params.lists()), doseq=True)


@register.inclusion_tag("guidance/includes/pagination.html", takes_context=True)
def pagination(context, page, label):
    return {"request": context["request"], "page": page, "label": label}
