from django.urls import path

from staffing import views

app_name = "staffing"

urlpatterns = [
    path("bemanning/", views.measure_list, name="measure_list"),
    path("bemanning/finn-tiltak/", views.measure_finder, name="finder"),
    path("bemanning/<slug:slug>/", views.measure_detail, name="measure"),
    path("bemanning/<slug:slug>/historikk/", views.measure_history, name="history"),
]
