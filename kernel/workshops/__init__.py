"""One base for participatory workshops (open space, world café, workshop) on the
platform.

An alliance's event (``core.Event``) and the state's regional meeting
(``regional.RegionalMeeting``, e.g. the yearly strategy meeting) can each be run as a
workshop. Both rooms extend the same abstract models (``models``: the workshop's
settings, a registration, a topic or table, a seat at a table in a round), share the
rules (``rules``: places and waiting list, spam checks, the signed cancel link, the
balanced assignment by wishes), the writes (``services.WorkshopWrites``), the forms
(``forms``: the office's form bases and the public registration form), the pages
(``views.WorkshopViews``, and ``pages``: the page declarations and their URLs) and the
attendance list as PDF (``attendance``). Each room declares its concrete models once and
keeps only what is its own (where the occasion lives, how its links are built, who may
see and change its workshops).

The kernel cannot import the rooms: the concrete models and the link builders are
passed into the declarations.
"""
