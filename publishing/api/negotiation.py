"""Content negotiation for the open API (settings.REST_FRAMEWORK). A module of its own: REST framework
imports it while defining APIView, so it may import nothing that imports APIView."""

from rest_framework.negotiation import BaseContentNegotiation


class JSONOnlyNegotiation(BaseContentNegotiation):
    """Always JSON: the same address gives the same bytes, whatever Accept says, so one cached copy fits all."""

    def select_parser(self, request, parsers):
        return parsers[0] if parsers else None

    def select_renderer(self, request, renderers, format_suffix=None):
        return renderers[0], renderers[0].media_type
