"""URLs of this workspace area (filled in by its views)."""

urlpatterns: list = []
