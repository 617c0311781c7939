from django.urls import include, path

from prioritering import views

app_name = "prioritering"

urlpatterns = [
    path("prioritering/", views.worksheet_list, name="worksheet_list"),
    path("prioritering/ny/", views.worksheet_create, name="worksheet_create"),
    path("prioritering/notatet/", views.note_page, name="note"),
    path("prioritering/fylke/", views.county_overview, name="county_overview"),
    path("prioritering/fylke/oversikt.csv", views.county_export, name="county_export"),
    path("prioritering/fylke/<int:pk>/", views.county_worksheet, name="county_worksheet"),
    path("prioritering/<int:pk>/", views.worksheet_detail, name="worksheet_detail"),
    path("prioritering/<int:pk>/rediger/", views.worksheet_edit, name="worksheet_edit"),
    path("prioritering/<int:pk>/tjenester/ny/", views.row_form, name="row_create"),
    path("prioritering/<int:pk>/tjenester/<int:row_pk>/", views.row_form, name="row_edit"),
    path("prioritering/<int:pk>/tjenester/<int:row_pk>/slett/", views.row_delete, name="row_delete"),
    path("prioritering/<int:pk>/historikk/", views.worksheet_history, name="worksheet_history"),
    path("prioritering/<int:pk>/historikk/<int:change_pk>/fjern-personopplysninger/", views.worksheet_redact,
         name="worksheet_redact"),
    path("prioritering/<int:pk>/utskrift/", views.worksheet_print, name="worksheet_print"),
    path("prioritering/<int:pk>/eksport.csv", views.worksheet_export, name="worksheet_export"),
    path("prioritering/<int:pk>/vedta/", views.worksheet_decide, name="worksheet_decide"),
    path("prioritering/<int:pk>/ny-versjon/", views.worksheet_new_version, name="worksheet_new_version"),
    path("prioritering/", include("prioritering.bistand.urls")),
]
