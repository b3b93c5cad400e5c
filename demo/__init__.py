"""The demo platform (``manage.py seed_demo``, run by ``make demo`` and the browser journeys).

Invented alliances, logins and two years of activity, made through the same services the
pages use. Tooling, not product: installed as an app only by the local and test settings
(never in production, never imported by kernel, tenants, core, regional or api).

- ``alliances``: the 16 demo alliances, their coordinators and the logins;
- ``workspace`` (with ``workspace_partners``, ``workspace_board``, ``workspace_vocabulary``):
  one alliance's workspace content;
- ``state``: the state layer's statistics history, meetings, setups and report;
- ``management/commands/seed_demo.py``: the one entry point, running them in order.
"""
