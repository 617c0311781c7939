app_name = "prioritering"

urlpatterns = []
