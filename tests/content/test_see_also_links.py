"""«Se også»: publishers link a version to other pages of the portal in the admin, one link per line.

Only addresses of this site are accepted (the line must be [title](/path/) and the path one of the
site's URL patterns), and the links are shown apart from the source's words, as the editors'.
"""

import html

import pytest
from django.core.exceptions import ValidationError

from guidance.models import ArticleVersion
from publishing.services import version_publish
from staffing.models import MeasureVersion
from tests.factories import make_article, make_measure, make_publisher
from tests.guidance.admin_helpers import change_url, edit_post

pytestmark = pytest.mark.django_db

GOOD = "[Tiltaket i bemanningsoversikten: Studentlisens](/bemanning/studentlisens/)"


def _version(model, see_also):
    return model(title="T", summary="S", change_note="Ny.", see_also=see_also)


@pytest.mark.parametrize("line", [
    "https://www.helsedirektoratet.no/",
    "[Helsedirektoratet](https://www.helsedirektoratet.no/)",
    "[Et annet nettsted](//example.com/bemanning/)",
    "[Skript](javascript:alert(1))",
    "[Skrivefeil i adressen](/bemaning/studentlisens/)",
    "[](/bemanning/studentlisens/)",
    "/bemanning/studentlisens/",
    "Se også [Studentlisens](/bemanning/studentlisens/)",
])
@pytest.mark.parametrize("model", [ArticleVersion, MeasureVersion], ids=["veiledning", "bemanning"])
def test_a_link_that_is_not_to_a_page_of_the_portal_is_refused_with_a_norwegian_message(model, line):
    with pytest.raises(ValidationError) as refused:
        _version(model, f"{GOOD}\n{line}").clean()
    [error] = refused.value.error_dict["see_also"]
    assert error.code == "see_also_link" and "er ikke en lenke til en side i portalen" in error.messages[0]


def test_local_links_with_an_anchor_or_query_and_blank_lines_are_accepted_in_their_order():
    version = _version(ArticleVersion, f"\n{GOOD}\n\n  [Kapittel 2](/veiledning/prioriteringsnotatet/#faser)  \n"
                                       "[Varsel](/varsel/?staffing_measure=3)\n")
    version.clean()
    assert version.see_also_links() == [
        ("Tiltaket i bemanningsoversikten: Studentlisens", "/bemanning/studentlisens/"),
        ("Kapittel 2", "/veiledning/prioriteringsnotatet/#faser"),
        ("Varsel", "/varsel/?staffing_measure=3"),
    ]


def test_a_publisher_adds_a_link_in_the_admin_and_readers_see_it_under_se_ogsa(client):
    publisher = make_publisher("ansvarlig")
    article = make_article(author=publisher, title="Studentlisens")
    client.force_login(publisher)
    post = {**edit_post(article, based_on_number=1, title="Studentlisens", change_type="minor", change_note=""),
            "see_also": GOOD}
    assert client.post(change_url(article), post).status_code == 302
    version = article.versions.get(number=2)
    version_publish(version=version, user=publisher)
    page = client.get(article.get_absolute_url()).content.decode()
    block = page[page.index('<nav class="kp-see-also"'):]
    assert '<a class="ds-link" href="/bemanning/studentlisens/">Tiltaket i bemanningsoversikten: Studentlisens</a>' in block
    assert "lagt til av Kommuneportalens redaksjon" in block[:block.index("</nav>")]


def test_the_admin_keeps_what_the_publisher_typed_when_a_link_is_refused(client):
    publisher = make_publisher("ansvarlig")
    article = make_article(author=publisher, title="Studentlisens")
    client.force_login(publisher)
    typed = f"{GOOD}\n[Helsedirektoratet](https://www.helsedirektoratet.no/)"
    response = client.post(change_url(article), {**edit_post(article, based_on_number=1, title="Studentlisens"),
                                                 "see_also": typed})
    assert response.status_code == 200
    page = html.unescape(response.content.decode())
    assert "er ikke en lenke til en side i portalen" in page and typed in page
    assert article.versions.count() == 1


def test_a_link_title_is_shown_as_text_never_as_html(client):
    measure = make_measure(slug="medhjelpere", see_also="[<script>alert(1)</script>](/bemanning/)")
    page = client.get(measure.get_absolute_url()).content.decode()
    assert "<script>alert(1)</script>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page


def test_a_version_without_links_shows_no_se_ogsa_block(client):
    article = make_article(title="Uten lenker")
    assert "kp-see-also" not in client.get(article.get_absolute_url()).content.decode()
