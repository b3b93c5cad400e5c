"""One FilterSet per workspace model (a module per area), used by the HTML lists and the API."""
