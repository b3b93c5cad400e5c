"""One meeting base for every kind of meeting on the platform.

The board's meetings (``core``) and the state's regional meetings (``regional``) extend
the same abstract models (``models``: meeting, agenda item, attachment, and
``meeting_link`` for every part of a meeting), share the rules of a meeting's life
(``rules``: when the agenda locks, when minutes may be approved), the agenda's
numbering and writes (``agenda.Agenda``), the writes of held meetings, minutes and
attachments (``services.MeetingWrites``), the per-meeting counts (``selectors``), the
form pieces (``forms``), the pages (``views.MeetingPages``) with their URL paths
(``urls``), and the calendar file (``ics``). Each room declares its kind once (an
``AGENDA``, ``WRITES`` and ``PAGES``) and keeps only what is its own.

The kernel cannot import the rooms: the record helpers (validation, guarded fields,
audit) are passed into the declarations; the pages are the workspace's form and
confirmation pages (``kernel.crud.views``).
"""
