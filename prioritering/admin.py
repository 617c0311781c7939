from django.contrib import admin

from prioritering.models import Municipality


@admin.register(Municipality)
class MunicipalityAdmin(admin.ModelAdmin):
    list_display = ["name", "number", "county"]
    list_filter = ["county"]
    search_fields = ["name", "number"]
