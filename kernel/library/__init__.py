"""One document library for every room of the platform.

The state office's library (``regional``, public schema) and each alliance's own
library (``core``, the alliance's schema) extend the same abstract models (``models``:
a document with title, description and tags, and its numbered versions, each a file
checked by ``kernel.uploads``), share the writes (``services.LibraryWrites``: create,
add a version, update, delete, each with an audit entry), the reads (``selectors``:
search by title and tag, the tags in use, the latest version), the form pieces
(``forms``) and the pages (``views.LibraryPages``: list with search, tag filter, sort
and pages; detail with every version; downloads only through the room's permission
check, never a public media URL). Each room declares its kind once and adds only who
may see a document (its ``audience`` and, for the state, its alliances).
"""
