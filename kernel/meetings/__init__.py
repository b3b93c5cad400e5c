"""One meeting base for every kind of meeting on the platform.

The board's meetings (``core``) and the state's regional meetings (``regional``) extend
the same abstract models (``models``), share the rules of a meeting's life (``rules``:
when the agenda locks, when minutes may be approved), the agenda's numbering
(``agenda``), the form pieces (``forms``), the pages (``views``, declared per kind of
meeting in a :class:`~kernel.meetings.views.MeetingPages`) and the calendar file
(``ics``). The rooms only declare what differs.
"""
