import pytest

from publishing.markdown import render_markdown


def test_markdown_renders_headings_lists_and_links():
    html = render_markdown("## Hva gjelder\n\n- Test deg\n- Bli hjemme\n\n[FHI](https://www.fhi.no/)")
    assert "<h2>Hva gjelder</h2>" in html
    assert "<li>Test deg</li>" in html
    assert '<a href="https://www.fhi.no/" rel="noopener noreferrer">FHI</a>' in html


def test_a_level_one_heading_becomes_level_two_because_the_page_title_is_the_h1():
    assert render_markdown("# Overskrift").strip() == "<h2>Overskrift</h2>"


@pytest.mark.parametrize("source", [
    "<script>alert('x')</script>Tekst",
    "<SCRIPT SRC=//evil.example/x.js></SCRIPT>Tekst",
    "Tekst <style>body{display:none}</style>",
])
def test_script_and_style_never_reach_the_output(source):
    html = render_markdown(source).lower()
    assert "<script" not in html and "<style" not in html and "alert(" not in html and "evil" not in html


@pytest.mark.parametrize("source", [
    '<img src="x" onerror="alert(1)">',
    '<p onmouseover="alert(1)">Hei</p>',
    '<a href="https://ks.no" onclick="alert(1)">KS</a>',
])
def test_event_handler_attributes_never_reach_the_output(source):
    html = render_markdown(source).lower()
    assert "onerror" not in html and "onmouseover" not in html and "onclick" not in html


@pytest.mark.parametrize("source", [
    "[klikk](javascript:alert(1))",
    '<a href="JaVaScRiPt:alert(1)">klikk</a>',
    '<a href="  javascript:alert(1)">klikk</a>',
    "[klikk](data:text/html;base64,PHNjcmlwdD4=)",
    "[klikk](vbscript:msgbox)",
])
def test_only_safe_link_schemes_survive(source):
    html = render_markdown(source).lower()
    assert "javascript:" not in html and "data:" not in html and "vbscript:" not in html
    assert "klikk" in html


@pytest.mark.parametrize("url", ["https://ks.no/", "http://fhi.no/", "mailto:post@ks.no", "tel:+4721000000", "/veiledning/"])
def test_safe_links_keep_their_address_and_get_noopener(url):
    html = render_markdown(f"[lenke]({url})")
    assert f'href="{url}"' in html and 'rel="noopener noreferrer"' in html


def test_empty_body_renders_as_empty_string():
    assert render_markdown("") == "" and render_markdown(None) == ""


@pytest.mark.parametrize("source", [
    "[lenke](//evil.example/x)",
    '<a href="//evil.example/x">lenke</a>',
    '<a href="/\\evil.example/x">lenke</a>',
    '<a href="\\\\evil.example/x">lenke</a>',
    '<a href=" //evil.example/x">lenke</a>',
    '<a href="/&#9;/evil.example/x">lenke</a>',
    '<a href="&#1;//evil.example/x">lenke</a>',
])
def test_protocol_relative_links_become_external_https_links(source):
    html = render_markdown(source)
    assert 'href="https://evil.example/x"' in html and 'rel="noopener noreferrer"' in html
    assert "lenke" in html


@pytest.mark.parametrize("href", ["//", "///", "//[::1"])
def test_a_protocol_relative_link_without_a_host_is_dropped_but_its_text_kept(href):
    html = render_markdown(f'<a href="{href}">lenke</a>')
    assert "href" not in html and "lenke" in html


@pytest.mark.parametrize("url", ["/veiledning/smittesporing/", "#kontakt", "?side=2", "/%2Fveiledning"])
def test_links_to_paths_on_this_site_stay_as_they_are(url):
    assert f'href="{url}"' in render_markdown(f"[lenke]({url})")


def test_headings_keep_plain_anchors_and_lose_anything_else():
    from publishing.markdown import render_markdown

    html = str(render_markdown("## Fasene {#faser}\n\n## Annet {#Hoved_innhold}\n\n### Tredje {#x\" onclick=\"y}"))
    assert '<h2 id="faser">Fasene</h2>' in html
    assert "Hoved_innhold" not in html and "onclick" not in html
