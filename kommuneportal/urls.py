from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.contrib.sitemaps import views as sitemaps
from django.templatetags.static import static
from django.urls import include, path
from django.utils.functional import lazy
from django.views.generic import RedirectView

from kommuneportal import views
from kommuneportal.api import views as api_views
from kommuneportal.forms import AdminLoginForm, LoginForm
from kommuneportal.sitemaps import SITEMAPS
from publishing.cachetags import FRAME, shows

account_patterns = [
    path(
        "logg-inn/",
        views.LoginView.as_view(redirect_authenticated_user=True, authentication_form=LoginForm),
        name="login",
    ),
    path("logg-ut/", auth_views.LogoutView.as_view(), name="logout"),
    path("glemt-passord/", views.PasswordResetView.as_view(), name="password_reset"),
    path("glemt-passord/sendt/", auth_views.PasswordResetDoneView.as_view(), name="password_reset_done"),
    path(
        "nytt-passord/<uidb64>/<token>/",
        auth_views.PasswordResetConfirmView.as_view(),
        name="password_reset_confirm",
    ),
    path("nytt-passord/ferdig/", auth_views.PasswordResetCompleteView.as_view(), name="password_reset_complete"),
    path("endre-passord/", auth_views.PasswordChangeView.as_view(), name="password_change"),
    path("endre-passord/ferdig/", auth_views.PasswordChangeDoneView.as_view(), name="password_change_done"),
]

urlpatterns = [
    path("", views.home, name="home"),
    path("helse/", views.health, name="health"),
    path("tilgjengelighet/", shows(FRAME)(views.accessibility_statement), name="accessibility_statement"),
    path("konto/", include(account_patterns)),
    path("sok/", views.search, name="search"),
    # An index of the sections, each in pages of a bounded number of addresses (publishing.sitemaps).
    path("sitemap.xml", sitemaps.index, {"sitemaps": SITEMAPS, "sitemap_url_name": "sitemap_section"}, name="sitemap"),
    path("sitemap-<section>.xml", sitemaps.sitemap, {"sitemaps": SITEMAPS}, name="sitemap_section"),
    path("robots.txt", shows(FRAME)(views.robots_txt), name="robots"),
    # Pages link their icon (base.html); this answers clients that ask for the old default address.
    path("favicon.ico", RedirectView.as_view(url=lazy(static, str)("favicon-32.png")), name="favicon"),
    # Alerts moved from the site's app label to their own app: keep publishers' bookmarks working.
    path("admin/kommuneportal/<path:rest>", RedirectView.as_view(url="/admin/alerts/%(rest)s", query_string=True)),
    path("admin/", admin.site.urls),
    path("varsel/", include("alerts.urls")),
    # The open content API (issue 27) and its documentation page.
    path("api/", api_views.documentation, name="api_docs"),
    path("api/v1/", include("kommuneportal.api.urls")),
    path("", include("guidance.urls")),
    path("", include("staffing.urls")),
    path("", include("prioritering.urls")),
]

handler400 = "kommuneportal.views.bad_request"
handler403 = "kommuneportal.views.permission_denied"
handler404 = "kommuneportal.views.page_not_found"
# Renders templates/500.html or 503.html with no database or request context: they must render
# when those are broken.
handler500 = "kommuneportal.views.server_error"

admin.site.site_header = "Kommuneportal – redaksjon"
admin.site.site_title = "Kommuneportal"
admin.site.index_title = "Publisering og administrasjon"
admin.site.login_form = AdminLoginForm
