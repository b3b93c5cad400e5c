"""A tenant app that only the benchmark settings install (config/settings/bench.py).

It gives ``make bench`` a migration to apply to hundreds of alliance schemas without
touching a real app: 0001 creates a small table, 0002 adds one field.
"""
