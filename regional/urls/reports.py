"""URLs of the ministry reports (filled in by its views)."""

urlpatterns: list = []
