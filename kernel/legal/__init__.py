"""Legal pages every host publishes (Impressum, Datenschutzerklärung,
Barrierefreiheitserklärung): their kinds, the abstract record both areas store them in,
and the safe rendering of their limited markdown."""
