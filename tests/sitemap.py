"""Reading /sitemap.xml as a crawler does: the index, then every section page it names."""

import re
from urllib.parse import parse_qsl, urlsplit


def sitemap_xml(client):
    """The index and every page of every section it lists, as one string."""
    index = client.get("/sitemap.xml")
    assert index.status_code == 200, index.status_code
    parts = [index.content.decode()]
    for url in re.findall(r"<loc>([^<]+)</loc>", parts[0]):
        address = urlsplit(url)
        page = client.get(address.path, dict(parse_qsl(address.query)))
        assert page.status_code == 200, (url, page.status_code)
        parts.append(page.content.decode())
    return "\n".join(parts)
