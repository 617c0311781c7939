import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_front_page_is_norwegian_with_navigation_and_skip_link(client):
    response = client.get("/")
    html = response.content.decode()
    assert response.status_code == 200
    assert '<html lang="nb"' in html
    assert 'href="#hovedinnhold"' in html and 'id="hovedinnhold"' in html
    for label, url in [("Veiledning", "/veiledning/"), ("Bemanning", "/bemanning/"),
                       ("Prioritering", "/prioritering/"), ("Søk", "/sok/")]:
        assert f'<a href="{url}"' in html and label in html
    assert reverse("accessibility_statement") in html
    assert f'href="{reverse("alerts:subscribe")}"' in html


def test_front_page_loads_its_one_stylesheet_from_own_host(client):
    html = client.get("/").content.decode()
    assert html.count('rel="stylesheet"') == 1 and 'href="/static/build/guidance.css"' in html
    assert "http://" not in html.split("<body")[0] and "https://" not in html.split("<body")[0]


def test_accessibility_statement_is_a_real_page(client):
    response = client.get(reverse("accessibility_statement"))
    html = response.content.decode()
    assert response.status_code == 200
    assert "Tilgjengelighetserklæring" in html
    assert "WCAG 2.1" in html and "delvis i samsvar" in html


def test_unknown_url_gets_norwegian_404_inside_layout(client):
    response = client.get("/finnes-ikke/")
    html = response.content.decode()
    assert response.status_code == 404
    assert "Fant ikke siden" in html
    assert 'aria-label="Hovedmeny"' in html


def test_error_handlers_render_norwegian_pages(rf):
    from kommuneportal import views

    request = rf.get("/")
    request.user = None
    assert "Forespørselen kunne ikke behandles" in views.bad_request(request).content.decode()
    assert views.permission_denied(request).status_code == 403
    assert "Skjemaet kunne ikke sendes" in views.csrf_failure(request).content.decode()


def test_server_error_page_renders_without_database_or_request(settings):
    from django.template import loader

    html = loader.get_template("500.html").render({})
    assert "Noe gikk galt" in html and '<html lang="nb">' in html


def test_csrf_failure_shows_norwegian_page(client):
    csrf_client = client.__class__(enforce_csrf_checks=True)
    response = csrf_client.post(reverse("login"), {"username": "x", "password": "y"})
    assert response.status_code == 403
    assert "Skjemaet kunne ikke sendes" in response.content.decode()


def test_responses_carry_security_headers(client):
    response = client.get("/")
    policy = response.headers["Content-Security-Policy"]
    assert "default-src 'self'" in policy and "frame-ancestors 'none'" in policy
    assert response.headers["X-Frame-Options"] == "DENY"
    assert response.headers["X-Content-Type-Options"] == "nosniff"
