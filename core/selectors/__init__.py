"""Reads of the workspace. ``regional`` reads inside alliance schemas only through here."""
