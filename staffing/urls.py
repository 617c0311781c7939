from django.urls import path

from staffing import views

app_name = "staffing"

urlpatterns = [
    path("bemanning/", views.measure_list, name="measure_list"),
    path("bemanning/finn-tiltak/", views.measure_finder, name="finder"),
    path("bemanning/kontaktpunktet/", views.contact_point_detail, name="contact_point"),
    path("bemanning/foresla-tiltak/", views.proposal_create, name="proposal_create"),
    path("bemanning/foresla-tiltak/takk/", views.proposal_done, name="proposal_done"),
    path("bemanning/<slug:slug>/", views.measure_detail, name="measure"),
    path("bemanning/<slug:slug>/historikk/", views.measure_history, name="history"),
    path("bemanning/<slug:slug>/versjon/<int:number>/", views.measure_version, name="version"),
]
