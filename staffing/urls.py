from django.urls import path

from publishing.cachetags import FRAME, shows
from staffing import views
from staffing.models import ContactPoint, Measure

app_name = "staffing"

# What each page shows, for the page cache (publishing.cachetags). A measure's pages also show the
# measures it replaced or that replace it, so they name every measure: a change to one measure
# renders the few dozen measure pages again, and no article page.
measures = shows(Measure)

urlpatterns = [
    path("bemanning/", measures(views.measure_list), name="measure_list"),
    path("bemanning/finn-tiltak/", measures(views.measure_finder), name="finder"),
    path("bemanning/kontaktpunktet/", shows(ContactPoint)(views.contact_point_detail), name="contact_point"),
    path("bemanning/foresla-tiltak/", views.proposal_create, name="proposal_create"),
    path("bemanning/foresla-tiltak/takk/", shows(FRAME)(views.proposal_done), name="proposal_done"),
    path("bemanning/<slug:slug>/", measures(views.measure_detail), name="measure"),
    path("bemanning/<slug:slug>/historikk/", measures(views.measure_history), name="history"),
    path("bemanning/<slug:slug>/versjon/<int:number>/", measures(views.measure_version), name="version"),
]
