from django.urls import path

from alerts import views

app_name = "alerts"

urlpatterns = [
    path("", views.subscribe, name="subscribe"),
    path("sjekk-e-posten/", views.requested, name="requested"),
    path("bekreft/<str:token>/", views.confirm, name="confirm"),
    path("endre/<str:token>/", views.manage, name="manage"),
    path("avmeld/<str:token>/", views.unsubscribe, name="unsubscribe"),
]
