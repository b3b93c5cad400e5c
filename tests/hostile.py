"""Hostile query values that the list and API fuzz tests send to every parameter."""

BAD_VALUES = (
    "\x00",
    "a\x00b",
    "x" * 10_000,
    "2024-13-45",
    "0000-00-00",
    "99999-01-01",
    "-1",
    "-99999999999999999999",
    "99999999999999999999",
    "abc",
)
