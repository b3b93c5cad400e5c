"""Regional meetings as an invited alliance sees them on its own host."""

urlpatterns: list = []
