"""Included from prioritering/urls.py, so the names are in the `prioritering` namespace."""

from django.urls import path

from prioritering.bistand import views

urlpatterns = [
    path("bistand/", views.assistance_list, name="assistance_list"),
    path("bistand/ny/", views.assistance_create, name="assistance_create"),
    path("bistand/<int:pk>/", views.assistance_detail, name="assistance_detail"),
    path("bistand/<int:pk>/rediger/", views.assistance_edit, name="assistance_edit"),
    path("bistand/<int:pk>/send/", views.assistance_submit, name="assistance_submit"),
    path("bistand/<int:pk>/trekk/", views.assistance_withdraw, name="assistance_withdraw"),
    path("bistand/<int:pk>/historikk/", views.assistance_history, name="assistance_history"),
    path("bistand/tilbud/ny/", views.offer_create, name="offer_create"),
    path("bistand/tilbud/<int:pk>/", views.offer_detail, name="offer_detail"),
    path("bistand/tilbud/<int:pk>/rediger/", views.offer_edit, name="offer_edit"),
    path("bistand/tilbud/<int:pk>/meld/", views.offer_submit, name="offer_submit"),
    path("bistand/tilbud/<int:pk>/trekk/", views.offer_withdraw, name="offer_withdraw"),
    path("bistand/tilbud/<int:pk>/historikk/", views.offer_history, name="offer_history"),
    path("fylke/bistand/", views.county_assistance, name="county_assistance"),
    path("fylke/bistand/utskrift/", views.county_assistance_print, name="county_assistance_print"),
    path("fylke/bistand/sammendrag/", views.county_assistance_summary, name="county_assistance_summary"),
    path("fylke/bistand/bistand.csv", views.county_assistance_export, name="county_assistance_export"),
    path("fylke/bistand/<int:pk>/", views.county_assistance_detail, name="county_assistance_detail"),
]
