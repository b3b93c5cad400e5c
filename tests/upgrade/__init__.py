"""Proofs that the redesign (issue 15) left the outside behaviour unchanged.

The fixtures are snapshots of the main before it, commit ``1cb4d21``
(``make snapshots`` writes them again, ``devtools/snapshot.py``); the upgrade of a
database made by that commit is ``make upgrade-check`` (``devtools/upgrade_check.py``).
"""
