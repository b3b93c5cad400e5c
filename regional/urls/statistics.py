"""URLs of this area of the state layer (filled in by its views)."""

urlpatterns: list = []
